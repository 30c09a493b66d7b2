"""Citations layer models: inline markers, reference entries, problems."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model, Problem


class Marker(Model):
    number: int
    start: int
    end: int
    text: str  # the whole marker as written, e.g. "[3–5]"
    style: Literal["bracket", "paren", "superscript"] = "bracket"


class Source(Model):
    """A parsed bibliographic source."""

    authors: list[str] = Field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    date: str | None = None  # ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)
    url: str | None = None


class Entry(Model):
    number: int
    start: int
    end: int
    text: str
    authors: list[str] = Field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    ibid_of: int | None = None  # the entry number an ibid/id./op. cit. points to
    is_ibid: bool = False
    source: Source | None = None  # the resolved source (own, or the antecedent's for ibid); None if unresolvable


class Citations(Model):
    markers: list[Marker] = Field(default_factory=list)
    entries: list[Entry] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)

    def entry(self, number: int) -> Entry | None:
        for e in self.entries:
            if e.number == number:
                return e
        return None
