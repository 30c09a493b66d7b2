"""Citations layer models: inline markers, reference entries, problems."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model, Problem, Span

ResolveStatus = Literal["ok", "missing_entry", "unresolvable_ibid"]


class Marker(Model):
    """One cited number.  ``[3, 4]`` and ``[3–5]`` give one Marker per number; all Markers of one
    bracket share its offsets (``text`` is the whole marker as written, e.g. ``"[3–5]"``), and
    ``numeral`` is the per-number span (``4`` in ``[3, 4]``; the range ``3–5`` for an implied 4)."""

    number: int
    start: int
    end: int
    text: str  # the whole marker as written, e.g. "[3–5]"
    style: Literal["bracket", "paren", "superscript"] = "bracket"
    numeral: Span | None = None


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
    # for ibid/id./op. cit.: the entry whose source it repeats (chains followed: [2] X, [3] ibid, [4] ibid → 2)
    ibid_of: int | None = None
    is_ibid: bool = False
    # the resolved source (own, or the antecedent's for ibid); None for an unresolvable ibid, and for an
    # explanatory footnote that names no source
    source: Source | None = None


class Citations(Model):
    markers: list[Marker] = Field(default_factory=list)
    entries: list[Entry] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)

    def entry(self, number: int) -> Entry | None:
        for e in self.entries:
            if e.number == number:
                return e
        return None

    def resolve(self, number: int) -> tuple[ResolveStatus, Entry | None]:
        """Status of marker ``number`` and the entry whose source backs it (an ibid resolved to its antecedent)."""
        e = self.entry(number)
        if e is None:
            return "missing_entry", None
        if e.is_ibid:
            root = self.entry(e.ibid_of) if e.ibid_of is not None else None
            return ("ok", root) if root is not None else ("unresolvable_ibid", None)
        return "ok", e
