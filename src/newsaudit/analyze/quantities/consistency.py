"""Consistency of counted quantities: the same count of the same thing reported differently in one
article (``count_mismatch``), told apart from updates (``rose to``, ``revised``).
"""
from __future__ import annotations

import re

from ...dossier import Problem, Quantity, Span
from . import numbers as N

LAYER = "quantities"  # Problem.layer of this layer's findings
GENERIC_COUNTED = {"people", "person", "persons", "individual", "individuals"}


# ---------------------------------------------------------------- consistency


def _key(q: Quantity) -> tuple[str, str] | None:
    if q.event in ("OTHER",) or (q.low is None and q.high is None):
        return None
    counted = (q.counted or "").lower()
    if counted in GENERIC_COUNTED:
        counted = "people"
    if counted.endswith("s") and not counted.endswith("ss"):
        counted = counted[:-1]
    return q.event, counted


# wording that marks a count as one moment of a changing tally ("has so far killed 97", "last week, 60 had died")
_UPDATE_CUES = re.compile(
    r"\b(?:so far|to date|(?:has|have|had) (?:risen|climbed|increased|grown)|rose|climbed|jumped|now stands|"
    r"last (?:week|month|year)|earlier|previously|initially|at first|first reported|updated|later|since then|"
    r"had (?:died|been killed|been reported))\b", re.I)


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
        for j, b in enumerate(qs):
            for a in qs[:j]:
                if N.compatible((a.low, a.high), (b.low, b.high)):
                    continue
                if a.place and b.place and a.place.lower() != b.place.lower():
                    continue
                if a.date and b.date and a.date != b.date:
                    continue
                if a.sentence is not None and b.sentence is not None and a.sentence.start == b.sentence.start:
                    continue  # one sentence listing separate tallies ("2 killed in X, 5 in Y")
                pair = (a.low, a.high, b.low, b.high)
                if pair in seen_pairs:
                    continue
                seen_pairs.add(pair)
                what = f"{counted or 'people'} ({event})"
                update = any(s is not None and _UPDATE_CUES.search(s.text) for s in (a.sentence, b.sentence))
                note = " (the wording suggests a toll updated over time)" if update else ""
                problems.append(Problem(
                    kind="count_mismatch", severity="info" if update else "warning", layer=LAYER, start=b.start,
                    end=b.end, text=b.text,
                    message=f"the article gives different counts of {what}: '{a.text}' and '{b.text}'{note}",
                    related=[Span(start=a.start, end=a.end, text=a.text), Span(start=b.start, end=b.end, text=b.text)],
                    details={"event": event, "counted": counted or None, "possible_update": update,
                             "values": [a.value if a.value is not None else [a.low, a.high],
                                        b.value if b.value is not None else [b.low, b.high]]},
                ))
                break
    return problems
