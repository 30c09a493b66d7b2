"""A rule-based temporal expression tagger (TIMEX3 spans, types and values).

``tag(text, anchor, doc=...)`` finds dates, times, durations and sets in plain
text with regular expressions (compiled once, lazily), chooses the longest
non-overlapping matches, and normalises each one against an anchor date
(publication date, or a per-span anchor given by ``anchor_at``).  The spaCy
``Doc`` is optional: when given, the governing verb's tense decides whether a
bare weekday or month lies before or after the anchor, and the entity
recogniser's DATE spans confirm bare four-digit years.

Nothing here knows any particular article: the rules follow the TimeML
annotation guidelines and the forms news text uses.
"""
from __future__ import annotations

import logging
import re
from datetime import date, timedelta

from .normalise import iso_week, value_start
from .patterns import _PATTERN_TRIGGERS, _TOD, _merge, _patterns, _windows
from .timex import AnchorFn, DirectionFn, Timex
from .values import _normalise
from .tense import tense_direction


log = logging.getLogger(__name__)

# ----------------------------------------------------------------------------- tagging


def tag(text: str, anchor: date | None, *, doc=None, anchor_at: AnchorFn | None = None,
        direction_at: DirectionFn | None = None) -> list[Timex]:
    """Find and normalise the temporal expressions in ``text``.

    ``anchor`` is the reference date (publication date; ``None`` leaves relative
    expressions unresolved).  ``anchor_at(start, end)`` may override it per span,
    returning ``(date, source)``.  ``direction_at(start, end)`` gives the tense
    (-1 past, +1 future, 0 unknown); by default it is read from ``doc``.
    """
    cands: list[tuple[int, int, int, str, re.Match]] = []
    seen: set[tuple[int, int, int]] = set()
    by_class = _windows(text)
    for prio, (name, pat) in enumerate(_patterns()):
        classes = _PATTERN_TRIGGERS[name]
        windows = by_class.get(classes[0], []) if len(classes) == 1 else _merge(
            [w for c in classes for w in by_class.get(c, [])])
        for a, b in windows:
            for m in pat.finditer(text, a, b):
                key = (m.start(), m.end(), prio)
                if m.end() > m.start() and key not in seen:
                    seen.add(key)
                    cands.append((m.start(), m.end(), prio, name, m))
    year_ents = _year_entities(doc)
    cache: dict[tuple[int, int], tuple[date | None, str, int]] = {}

    def context(start: int, end: int) -> tuple[date | None, str, int]:
        key = (start, end)
        if key not in cache:
            if anchor_at is not None:
                anc, src = anchor_at(start, end)
            else:
                anc, src = anchor, ("publication" if anchor else "none")
            if direction_at is not None:
                direction = direction_at(start, end)
            else:
                direction = tense_direction(doc, start, end) if doc is not None else 0
            cache[key] = (anc, src, direction)
        return cache[key]

    def run(name: str, m: re.Match, last_quarter: list[str]) -> Timex | None:
        anc, _src, direction = context(m.start(), m.end())
        try:
            return _normalise(name, m, text, anc, direction, year_ents, last_quarter)
        except Exception:  # a rule bug must not take the layer down
            log.debug("timex rule %s failed on %r", name, m.group(0), exc_info=True)
            return None

    # longest (normalised) span first; a candidate its rule rejects leaves room for shorter ones
    trial: list[tuple[int, int, int, str, re.Match]] = []
    for start, end, prio, name, m in cands:
        tx = run(name, m, [])
        if tx is None:
            continue
        a, b = _trim(text, tx.start, tx.end)
        if b > a:
            trial.append((a, b, prio, name, m))
    trial.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = bytearray(len(text))
    chosen: list[tuple[int, int, str, re.Match]] = []
    for start, end, _prio, name, m in trial:
        if any(taken[start:end]):
            continue
        chosen.append((start, end, name, m))
        taken[start:end] = b"\x01" * (end - start)
    chosen.sort(key=lambda c: c[0])
    out: list[Timex] = []
    last_quarter: list[str] = []
    last_date: list[str] = []
    for start, end, name, m in chosen:
        anc, src, direction = context(start, end)
        tx = run(name, m, last_quarter)
        if tx is None:
            continue
        ref = None
        if name == "anaphor":
            tx.value = _resolve_anaphor(m, last_date, last_quarter)
            if tx.value is None:
                continue
            ref = value_start(last_date[0])
        elif tx.type == "DATE" and tx.value and _DATE_VALUE.fullmatch(tx.value):
            last_date[:] = [tx.value]
        tx.start, tx.end = _trim(text, tx.start, tx.end)
        if tx.end <= tx.start:
            continue
        tx.text = text[tx.start:tx.end]
        tx.rule = name
        tx.direction = direction
        if tx.explicit:
            tx.anchor, tx.anchor_source = None, "explicit"
        elif tx.value and (tx.value[:1].isdigit() or tx.value.startswith("X")) and tx.type != "DURATION":
            tx.anchor, tx.anchor_source = anc, (src if anc else "none")
        else:
            tx.anchor, tx.anchor_source = None, "none"
        if ref is not None:
            tx.anchor, tx.anchor_source = ref, "text"
        if tx.value and re.fullmatch(r"\d{4}-Q\d", tx.value) and (name in ("quarter", "thequarter") or name == "yearsquarter" and tx.text[:4].lower() == "this") \
                and not re.search(r"year[-\s](?:earlier|ago)|\d{4}", tx.text.lower()):
            last_quarter[:] = [tx.value]
        out.append(tx)
    return out


_DATE_VALUE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?|-Q[1-4])?")


def _resolve_anaphor(m: re.Match, last_date: list[str], last_quarter: list[str]) -> str | None:
    """The value of "that year", "the following day"... from the date last mentioned before it
    (the reference time of a narrative, as HeidelTime does); None when there is none fine enough."""
    if not last_date:
        return None
    ref = last_date[0]
    rel = " ".join(m.group("arel").lower().split())
    unit = m.group("unit").lower()
    step = 1 if rel in ("the following", "the next") else -1 if rel in ("the previous", "the preceding", "the prior") else 0
    y = int(ref[:4])
    if unit == "year":
        return f"{y + step:04d}"
    if unit in _TOD:
        if len(ref) < 10:
            return None
        try:
            d = date.fromisoformat(ref[:10]) + timedelta(days=step)
        except ValueError:
            return None
        return f"{d.isoformat()}T{_TOD[unit]}"
    if unit == "quarter":
        if "-Q" in ref:
            idx = y * 4 + int(ref[-1]) - 1 + step
        elif len(ref) >= 7:
            idx = y * 4 + (int(ref[5:7]) - 1) // 3 + step
        else:
            return None
        return f"{idx // 4:04d}-Q{idx % 4 + 1}"
    if "-Q" in ref or len(ref) < 7:
        return None
    if unit == "week":
        if len(ref) < 10:
            return None
        try:
            return iso_week(date.fromisoformat(ref[:10]) + timedelta(weeks=step))
        except ValueError:
            return None
    if unit == "month":
        idx = y * 12 + int(ref[5:7]) - 1 + step
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}"
    if len(ref) < 10:
        return None
    try:
        d = date.fromisoformat(ref) + timedelta(days=step)
    except ValueError:
        return None
    return d.isoformat()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,\t\n":
        end -= 1
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end


def _year_entities(doc) -> set[int] | None:
    """Character offsets covered by spaCy DATE entities (None without a Doc)."""
    if doc is None:
        return None
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME", "EVENT"):
            covered.update(range(ent.start_char, ent.end_char))
    return covered
