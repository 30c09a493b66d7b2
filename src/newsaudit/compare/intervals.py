"""Interval reading of reported counts, so compatible reports agree.

``at least 40`` is [40, inf), ``more than 38`` is [39, inf), ``about 40`` is
[36, 44] (10 %), a bare ``40`` or ``a total of 41`` is the point itself; vague
words (``dozens``, ``scores``, ``hundreds``) are ranges shown as words.
Two reports conflict only when their intervals do not overlap.
"""
from __future__ import annotations

import math
import re

INF = math.inf
VAGUE = {"dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2000, 9999),
         "several": (3, 9), "a few": (2, 5), "a dozen": (12, 12), "tens": (20, 99)}
_LOWER = {"at least": 0, "no fewer than": 0, "no less than": 0, "more than": 1, "over": 1,
          "upwards of": 1, "nearly": None, "almost": None}
_UPPER = {"at most": 0, "up to": 0, "no more than": 0, "fewer than": 1, "less than": 1, "under": 1}
_ABOUT = ("about", "around", "approximately", "roughly", "some", "an estimated", "nearly", "almost")


def interval(value: float, modifier: str | None) -> tuple[float, float]:
    """The range of true counts a report with this modifier allows."""
    m = re.sub(r"\s+", " ", (modifier or "").strip().lower())
    if m in VAGUE:
        return VAGUE[m]
    if m in _LOWER and _LOWER[m] is not None:
        return value + _LOWER[m], INF
    if m in _UPPER:
        return 0.0, value - _UPPER[m]
    if m in ("nearly", "almost"):
        return max(0.0, math.floor(value * 0.9)), value
    if m in _ABOUT:
        d = max(1.0, round(value * 0.1))
        return value - d, value + d
    return value, value


def from_label(label: str) -> tuple[float, float] | None:
    """Interval of a shown label (``at least 40``, ``40``, ``dozens``); None if unreadable."""
    lab = re.sub(r"\s+", " ", label.strip().lower())
    if lab in VAGUE:
        return VAGUE[lab]
    m = re.match(r"^(.*?)\s*(\d+(?:\.\d+)?)$", lab)
    if not m:
        return None
    return interval(float(m.group(2)), m.group(1) or None)


def compatible(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def labels_compatible(x: str, y: str) -> bool:
    """True when two shown labels can both be right (unreadable labels are never called compatible)."""
    ia, ib = from_label(x), from_label(y)
    return ia is not None and ib is not None and compatible(ia, ib)
