"""``count_mismatch``: the same event and counted noun given incompatible values in one article.

Counts are grouped by (event, counted noun); inside a group, the earlier counts are bucketed by
what the comparison reads of them (low, high, place, date), so each count is compared with every
distinct earlier tally once rather than with every earlier count: O(counts x distinct tallies).
"""
from __future__ import annotations

import re

from ...dossier import Problem, Quantity, Span
from . import numbers as N

LAYER = "quantities"
GENERIC_COUNTED = {"people", "person", "persons", "individual", "individuals"}

# wording that marks a count as one moment of a changing tally ("has so far killed 97", "last week, 60 had died")
_UPDATE_CUES = re.compile(
    r"\b(?:so far|to date|(?:has|have|had) (?:risen|climbed|increased|grown)|rose|climbed|jumped|now stands|"
    r"last (?:week|month|year)|earlier|previously|initially|at first|first reported|updated|later|since then|"
    r"had (?:died|been killed|been reported))\b", re.I)


def _key(q: Quantity) -> tuple[str, str] | None:
    if q.event in ("OTHER",) or (q.low is None and q.high is None):
        return None
    counted = (q.counted or "").lower()
    if counted in GENERIC_COUNTED:
        counted = "people"
    if counted.endswith("s") and not counted.endswith("ss"):
        counted = counted[:-1]
    return q.event, counted


def _sent(q: Quantity) -> int | None:
    return q.sentence.start if q.sentence is not None else None


def _first_apart(bucket: list[tuple[int, Quantity]], sent: int | None) -> tuple[int, Quantity] | None:
    """The earliest count of the bucket not in sentence ``sent`` (one sentence may list separate tallies)."""
    for n, a in bucket:
        s = _sent(a)
        if s is None or sent is None or s != sent:
            return n, a
    return None


def find_mismatches(quantities: list[Quantity], text: str) -> list[Problem]:
    """``count_mismatch`` problems: same event and counted noun, incompatible values."""
    groups: dict[tuple[str, str], list[Quantity]] = {}
    for q in quantities:
        k = _key(q)
        if k is not None:
            groups.setdefault(k, []).append(q)
    problems: list[Problem] = []
    for (event, counted), qs in groups.items():
        seen_pairs: set[tuple] = set()
        buckets: dict[tuple, list[tuple[int, Quantity]]] = {}
        for j, b in enumerate(qs):
            b_place = b.place.lower() if b.place else None
            b_date = b.date or None
            b_sent = _sent(b)
            best: tuple[int, Quantity] | None = None
            for (lo, hi, place, date), bucket in buckets.items():
                if N.compatible((lo, hi), (b.low, b.high)):
                    continue
                if place and b_place and place != b_place:
                    continue
                if date and b_date and date != b_date:
                    continue
                if (lo, hi, b.low, b.high) in seen_pairs:
                    continue
                hit = _first_apart(bucket, b_sent)
                if hit is not None and (best is None or hit[0] < best[0]):
                    best = hit
            buckets.setdefault((b.low, b.high, b_place, b_date), []).append((j, b))
            if best is None:
                continue
            a = best[1]
            seen_pairs.add((a.low, a.high, b.low, b.high))
            problems.append(_problem(a, b, event, counted))
    return problems


def _problem(a: Quantity, b: Quantity, event: str, counted: str) -> Problem:
    what = f"{counted or 'people'} ({event})"
    update = any(s is not None and _UPDATE_CUES.search(s.text) for s in (a.sentence, b.sentence))
    note = " (the wording suggests a toll updated over time)" if update else ""
    return Problem(
        kind="count_mismatch", severity="info" if update else "warning", layer=LAYER, start=b.start,
        end=b.end, text=b.text,
        message=f"the article gives different counts of {what}: '{a.text}' and '{b.text}'{note}",
        related=[Span(start=a.start, end=a.end, text=a.text), Span(start=b.start, end=b.end, text=b.text)],
        details={"event": event, "counted": counted or None, "possible_update": update,
                 "values": [a.value if a.value is not None else [a.low, a.high],
                            b.value if b.value is not None else [b.low, b.high]]},
    )
