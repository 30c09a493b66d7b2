"""A quantity's context: the time and place of the clause it sits in.
"""
from __future__ import annotations

import re

from ...dossier import Quantity


# ---------------------------------------------------------------- context


def _with_context(q: Quantity, doc, text: str, times, mentions) -> Quantity:
    s = q.sentence
    if s is None:
        return q
    place = None
    best = None
    place_types = ("GPE", "LOC", "FAC")
    cands = [(m.start, m.end, m.text) for m in mentions if getattr(m, "type", None) in place_types and s.start <= m.start and m.end <= s.end]
    if not cands:
        cands = [(e.start_char, e.end_char, e.text) for e in doc.char_span(s.start, s.end, alignment_mode="expand").ents
                 if e.label_ in place_types] if doc.char_span(s.start, s.end, alignment_mode="expand") is not None else []
    for a, b, t in cands:
        prep = _after_preposition(text, a)
        if not prep:
            continue
        d = min(abs(a - q.end), abs(q.start - b))
        if prep in ("of", "from"):
            d += 10_000  # "survivors of X", "from X": an origin, weaker than "in X" / "to X"
        if best is None or d < best:
            best, place = d, t
    date = None
    best = None
    for t in times:
        if getattr(t, "type", None) != "DATE" or not t.value or not (s.start <= t.start and t.end <= s.end):
            continue
        if not re.match(r"^\d{4}", t.value):
            continue
        d = min(abs(t.start - q.end), abs(q.start - t.end))
        if best is None or d < best:
            best, date = d, t.value
    if place is None and date is None:
        return q
    return q.model_copy(update={"place": place, "date": date})


_PLACE_PREP = re.compile(r"(?:\b(in|at|near|from|to|into|inside|outside|across|around|throughout|of)\s+(?:the\s+)?)$", re.I)


def _after_preposition(text: str, start: int) -> str | None:
    m = _PLACE_PREP.search(text[max(0, start - 20):start])
    return m.group(1).lower() if m else None
