"""Structure layer models: title, byline, headings, paragraphs, reference block."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model, Span


class Heading(Span):
    is_question: bool = False


class Byline(Span):
    position: Literal["start", "end"]
    authors: list[Span] = Field(default_factory=list)
    author_names: list[str] = Field(default_factory=list)
    date: Span | None = None
    published: str | None = None  # ISO 8601 date


class Dateline(Span):
    """``KESTRAVA, Ruritania, March 3 (AP) —``: where and when the story was filed, and by which agency."""

    place: str | None = None
    region: str | None = None
    date: Span | None = None
    date_value: str | None = None  # ISO 8601; ``XXXX-MM-DD`` when the dateline gives no year
    agency: str | None = None  # canonical (``AP``, ``Reuters``, ``AFP``)


class Paragraph(Span):
    kind: Literal["body", "heading", "title", "subtitle", "byline", "references", "note", "boilerplate"] = "body"


class Structure(Model):
    title: Span | None = None
    subtitle: Span | None = None
    headings: list[Heading] = Field(default_factory=list)
    byline: Byline | None = None
    dateline: Dateline | None = None  # kept out of the body paragraphs (and so out of the parse)
    paragraphs: list[Paragraph] = Field(default_factory=list)  # body paragraphs only
    references: Span | None = None  # the reference-list block
    notes: list[Span] = Field(default_factory=list)  # notes / disclosures
    boilerplate: list[Span] = Field(default_factory=list)  # related posts, share lines, ...
