"""Calendar dates as written in bylines and reference entries, glued tokens included.

``find_dates(s)`` finds written dates (``September 18, 2013``, ``September18,
2013``, ``18 Sept. 2013``, ``March3rd 2021``, ``2013-09-18``, ``July 2013``,
``(2013)``) and normalises them to ISO 8601 (``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``).  Pure regular expressions, compiled once at import (cheap).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)"
_L = r"(?<![A-Za-z])"  # no letter before (``september1st`` glued to a digit is fine)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<!\d)" + _YEAR + r"-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")),
    # Month Day(,) Year — the space between month and day may be missing (glued tokens)
    ("mdy", re.compile(_L + _MONTH + r"\s*" + _DAY + r"(?!\d)(?:\s*,\s*|\s+)" + _YEAR + r"(?!\d)", re.I)),
    # Day Month Year
    ("dmy", re.compile(r"(?<!\d)" + _DAY + r"\s*(?:of\s+)?" + _MONTH + r"(?![a-z]),?\s*" + _YEAR + r"(?!\d)", re.I)),
    ("my", re.compile(_L + _MONTH + r"(?![a-z])\s*,?\s*" + _YEAR + r"(?!\d)", re.I)),
    ("md", re.compile(_L + _MONTH + r"\s*" + _DAY + r"(?![\d:])", re.I)),
    ("y", re.compile(r"(?<![\d/-])" + _YEAR + r"(?![\d/-])")),
]


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    iso: str | None  # None for month+day without a year
    precision: str  # "day", "month", "year", "monthday"


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def find_dates(s: str, *, years: bool = True) -> list[FoundDate]:
    """All non-overlapping dates in ``s``, in text order (the most precise reading wins)."""
    taken: list[tuple[int, int]] = []
    out: list[FoundDate] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for kind, rx in _PATTERNS:
        if kind == "y" and not years:
            continue
        for m in rx.finditer(s):
            a, b = m.span()
            if not free(a, b):
                continue
            g = m.groupdict()
            if kind == "iso":
                y, mo, d = int(g["year"]), int(g["m"]), int(g["d"])
                if not _valid(y, mo, d):
                    continue
                fd = FoundDate(a, b, f"{y:04d}-{mo:02d}-{d:02d}", "day")
            elif kind in ("mdy", "dmy"):
                mo = MONTHS[g["month"].lower()]
                y, d = int(g["year"]), int(g["day"])
                if not _valid(y, mo, d):
                    continue
                fd = FoundDate(a, b, f"{y:04d}-{mo:02d}-{d:02d}", "day")
            elif kind == "my":
                mo = MONTHS[g["month"].lower()]
                if g["month"].lower() == "may" and not s[a].isupper():
                    continue  # the verb "may"
                fd = FoundDate(a, b, f"{int(g['year']):04d}-{mo:02d}", "month")
            elif kind == "md":
                mo = MONTHS[g["month"].lower()]
                if g["month"].lower() in ("may", "mar") and not s[a].isupper():
                    continue
                if not _valid(2000, mo, int(g["day"])):
                    continue
                fd = FoundDate(a, b, None, "monthday")
            else:
                fd = FoundDate(a, b, g["year"], "year")
            taken.append((a, b))
            out.append(fd)
    out.sort(key=lambda f: f.start)
    return out


def first_full_date(s: str) -> FoundDate | None:
    """The first date in ``s`` that names a day, month and year."""
    for fd in find_dates(s, years=False):
        if fd.precision == "day":
            return fd
    return None
