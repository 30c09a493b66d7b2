"""The analyser contract.

An analyser is a module in ``newsaudit.analyze`` that declares

* ``NAME``      – its layer name (``"quotes"``),
* ``REQUIRES``  – the layers whose results it reads (must run earlier),
* ``PROVIDES``  – the ``Dossier`` keys it returns (``"problems"`` is appended
  to, every other key is set),
* ``NEEDS_DOC`` – whether it reads the spaCy ``Doc``,

and a pure function ``analyse(article, doc, found) -> dict`` mapping each key
in ``PROVIDES`` to its value.  It must not mutate ``article``, ``doc`` or
``found``.  ``found`` holds the results of earlier layers by dossier key
(``found["citations"]``, ``found["entities"]`` ...).

The ``Doc`` covers the whole text with identical character offsets, but only
the article's own prose (title, subtitle, headings, body paragraphs) is
parsed: every other character (byline, reference list, notes, boilerplate)
was replaced by a space before parsing.  ``article.body_ranges`` lists the
ranges that were kept.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any, Mapping

from ..dossier import Meta


@dataclass(frozen=True)
class Article:
    """An ingested article: the exact text analysed, and what is known about it."""

    text: str
    meta: Meta = field(default_factory=Meta)
    # filled by the structure layer before parsing:
    body_ranges: tuple[tuple[int, int], ...] = ()
    # PDF input: each page's range, number, furniture and footnotes (``dossier.Page``); the pipeline puts
    # them in ``structure.pages``
    pages: tuple = ()

    @property
    def published(self) -> date | None:
        if not self.meta.published:
            return None
        try:
            return date.fromisoformat(self.meta.published[:10])
        except ValueError:
            return None

    def in_body(self, start: int, end: int | None = None) -> bool:
        end = start if end is None else end
        return any(a <= start and end <= b for a, b in self.body_ranges)


Found = Mapping[str, Any]


def freeze(found: dict[str, Any]) -> Found:
    return MappingProxyType(found)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so that it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
