"""Where and when a count happened: the place and the date its own sentence gives.

``Context`` is built once per article (place mentions, dates and the parse's entities indexed by
position), so looking up one count's sentence costs O(log n + size of the sentence).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ...dossier import Quantity
from .index import SpanIndex

PLACE_TYPES = ("GPE", "LOC", "FAC")
_YEAR_FIRST = re.compile(r"^\d{4}")
_PLACE_PREP = re.compile(r"(?:\b(in|at|near|from|to|into|inside|outside|across|around|throughout|of)\s+(?:the\s+)?)$", re.I)


class Context:
    """Place mentions, ISO-dated times and parse entities of one article, indexed by position."""

    def __init__(self, doc, text: str, times, mentions):
        self.doc = doc
        self.text = text
        self.places = SpanIndex([m for m in mentions if getattr(m, "type", None) in PLACE_TYPES],
                                lambda m: m.start, lambda m: m.end)
        self.dates = SpanIndex([t for t in times if getattr(t, "type", None) == "DATE" and t.value
                                and _YEAR_FIRST.match(t.value)], lambda t: t.start, lambda t: t.end)
        self._ents = None
        self._ent_starts: list[int] = []

    def ents_within(self, span) -> list:
        """``span.ents`` (entities lying wholly inside the token span) without walking every entity."""
        if self._ents is None:
            self._ents = list(self.doc.ents)
            self._ent_starts = [e.start for e in self._ents]
        out = []
        ents = self._ents
        for k in range(bisect_left(self._ent_starts, span.start), len(ents)):  # no slice: it would copy the tail
            if ents[k].end > span.end:
                break
            out.append(ents[k])
        return out

    def place_candidates(self, s0: int, s1: int) -> list[tuple[int, int, str]]:
        cands = [(m.start, m.end, m.text) for m in self.places.within(s0, s1)]
        if cands:
            return cands
        span = self.doc.char_span(s0, s1, alignment_mode="expand")
        if span is None:
            return []
        return [(e.start_char, e.end_char, e.text) for e in self.ents_within(span) if e.label_ in PLACE_TYPES]


def with_context(q: Quantity, ctx: Context) -> Quantity:
    s = q.sentence
    if s is None:
        return q
    place = None
    best = None
    for a, b, t in ctx.place_candidates(s.start, s.end):
        prep = _after_preposition(ctx.text, a)
        if not prep:
            continue
        d = min(abs(a - q.end), abs(q.start - b))
        if prep in ("of", "from"):
            d += 10_000  # "survivors of X", "from X": an origin, weaker than "in X" / "to X"
        if best is None or d < best:
            best, place = d, t
    date = None
    best = None
    for t in ctx.dates.within(s.start, s.end):
        d = min(abs(t.start - q.end), abs(q.start - t.end))
        if best is None or d < best:
            best, date = d, t.value
    if place is None and date is None:
        return q
    return q.model_copy(update={"place": place, "date": date})


def _after_preposition(text: str, start: int) -> str | None:
    m = _PLACE_PREP.search(text[max(0, start - 20):start])
    return m.group(1).lower() if m else None
