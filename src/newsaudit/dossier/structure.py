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


class PageFurniture(Model):
    """A line a PDF repeats on its pages (running header/footer) or a bare page number: kept out of the text."""

    kind: Literal["running_header", "running_footer", "page_number"]
    text: str  # as printed; not part of ``dossier.text``


class Page(Model):
    """One page of a PDF: ``dossier.text[start:end]`` is its text (not repeated here, to keep the dossier small)."""

    number: int = Field(ge=1)  # physical page, 1-based
    label: str | None = None  # the page number printed on it (``iv``, ``12``), when there is one
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    removed: list[PageFurniture] = Field(default_factory=list)
    notes: list[Span] = Field(default_factory=list)  # its footnotes, moved to the notes block at the end


class Paragraph(Span):
    kind: Literal["body", "heading", "title", "subtitle", "byline", "references", "note", "boilerplate"] = "body"


class Structure(Model):
    title: Span | None = None
    subtitle: Span | None = None
    headings: list[Heading] = Field(default_factory=list)
    byline: Byline | None = None
    dateline: Dateline | None = None  # kept out of the body paragraphs (and so out of the parse)
    pages: list[Page] = Field(default_factory=list)  # PDF input only: each page's range, number, furniture, notes
    paragraphs: list[Paragraph] = Field(default_factory=list)  # body paragraphs only
    references: Span | None = None  # the reference-list block
    notes: list[Span] = Field(default_factory=list)  # notes / disclosures
    boilerplate: list[Span] = Field(default_factory=list)  # related posts, share lines, ...
