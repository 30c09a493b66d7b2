"""Reading the parts of a matched expression: numbers (words or digits), days, months, weekdays,
modifiers and spelled-out years.
"""
from __future__ import annotations

import re

from .normalise import MONTHS, WEEKDAYS
from .patterns import NUMBER_WORDS, ORDINAL_WORDS, _APPROX, _MOD_WORDS


def _num(s: str | None) -> float | None:
    if s is None:
        return None
    s = " ".join(s.lower().replace("-", " ").split())
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    if s in NUMBER_WORDS:
        return NUMBER_WORDS[s]
    parts = s.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS and NUMBER_WORDS[parts[0]] >= 20:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    frac = re.fullmatch(r"(.+?)\s*(?:1/2|½|and a half)", s)
    if frac:
        whole = _num(frac.group(1))
        return None if whole is None else whole + 0.5
    if s.startswith("half") or s.endswith("half"):
        return 0.5
    return None  # vague: few, several, many, dozens of ...


def _day(s: str) -> int | None:
    s = s.lower()
    if s in ORDINAL_WORDS:
        return ORDINAL_WORDS[s]
    m = re.match(r"(\d+)", s)
    return int(m.group(1)) if m else None


def _month(s: str) -> int | None:
    return MONTHS.get(s.lower().rstrip("."))


def _weekday(s: str | None) -> int | None:
    if not s:
        return None
    s = s.lower().rstrip(".")
    for i, w in enumerate(WEEKDAYS):
        if w.startswith(s[:3]) and (s == w or len(s) <= 5):
            return i
    return None


def _mod(s: str | None) -> str | None:
    if not s:
        return None
    s = " ".join(s.lower().replace("-", " ").split())
    return _MOD_WORDS.get(s) or _MOD_WORDS.get(s.replace("the ", "")) or _APPROX.get(s)


def _spelled_year(s: str) -> int | None:
    """A year written in digits or words ("1994", "nineteen ninety-four", "two thousand and one")."""
    s = " ".join(s.lower().replace("-", " ").split())
    if s.isdigit():
        return int(s)
    parts = [w for w in s.split() if w != "and"]
    if parts[:2] == ["two", "thousand"]:
        rest = parts[2:]
        return 2000 + (NUMBER_WORDS.get(rest[0], 0) if rest else 0)
    if len(parts) < 2 or parts[0] not in ("nineteen", "twenty"):
        return None
    y = (19 if parts[0] == "nineteen" else 20) * 100 + NUMBER_WORDS.get(parts[1], 0)
    if len(parts) > 2:
        y += NUMBER_WORDS.get(parts[2], 0)
    return y


def _year2(s: str) -> int:
    y = int(s.lstrip("'"))
    if y >= 100:
        return y
    return 1900 + y if y >= 30 else 2000 + y
