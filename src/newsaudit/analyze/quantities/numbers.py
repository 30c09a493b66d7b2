"""Reading numbers as news text writes them: digits, words, vague amounts, modifiers.

Pure string helpers used by the quantities layer (no spaCy needed):

* ``word_value("seven")`` → 7, ``word_value("twenty-five")`` → 25;
* ``digit_value("1,200")`` → 1200.0, ``digit_value("3.5")`` → 3.5;
* ``VAGUE`` maps vague plurals (``dozens``, ``hundreds``) to (low, high) bounds;
* ``bounds(value, modifier)`` turns a value and a modifier (``at least``,
  ``about``, ``more than``, ``up to``, ``nearly``) into (low, high).
"""
from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
SCALE_ABBREV = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

# vague plurals: (low, high) of what they can mean
VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 199.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 9_999.0),
    "millions": (2_000_000.0, 999_999_999.0),
    "billions": (2_000_000_000.0, 999_999_999_999.0),
}
# "tens of thousands", "hundreds of thousands"
VAGUE_OF = {
    ("tens", "thousands"): (20_000.0, 99_999.0),
    ("hundreds", "thousands"): (200_000.0, 999_999.0),
    ("tens", "millions"): (20_000_000.0, 99_999_999.0),
    ("hundreds", "millions"): (200_000_000.0, 999_999_999.0),
}

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")

# modifier phrases (lower-case, space-separated), longest first when matching
MODIFIERS: dict[str, str] = {
    # lower bound
    "at least": "min", "more than": "gt", "over": "gt", "above": "gt", "in excess of": "gt",
    "upwards of": "gt", "no fewer than": "min", "no less than": "min", "not less than": "min",
    # upper bound
    "up to": "max", "at most": "max", "no more than": "max", "fewer than": "lt", "less than": "lt",
    "under": "lt", "not more than": "max", "as many as": "max",
    # approximate
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "close to": "near", "nearly": "near",
    "almost": "near", "around about": "approx", "just over": "gt", "just under": "lt", "well over": "gt",
    "only": "exact", "exactly": "exact", "precisely": "exact", "a total of": "exact",
}
MODIFIER_TOKENS = sorted((tuple(m.split()) for m in MODIFIERS), key=len, reverse=True)


def word_value(word: str) -> float | None:
    """Value of a number written in words (``seven``, ``twenty-five``, ``a dozen`` → None: see ``phrase_value``)."""
    w = word.lower().strip()
    if w in UNITS:
        return float(UNITS[w])
    if w in TENS:
        return float(TENS[w])
    if w in ("dozen",):
        return 12.0
    m = re.fullmatch(r"([a-z]+)[-\u2010\u2011\u2013 ]([a-z]+)", w)
    if m and m.group(1) in TENS and m.group(2) in UNITS and 0 < UNITS[m.group(2)] < 10:
        return float(TENS[m.group(1)] + UNITS[m.group(2)])
    return None


def digit_value(s: str) -> float | None:
    """Value of a number written in digits (``1,200``, ``3.5``); None when not a plain number."""
    if not _DIGITS.match(s):
        return None
    try:
        return float(s.replace(",", ""))
    except ValueError:  # pragma: no cover - the regex rules this out
        return None


def phrase_value(words: list[str]) -> float | None:
    """Value of a sequence of number words/digits: ``["3.5", "million"]``, ``["two", "hundred"]``."""
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        w = raw.lower()
        if w in ("and", "-"):
            continue
        v = digit_value(w)
        if v is None:
            v = word_value(w)
        if v is not None:
            current += v
            seen = True
            continue
        scale = SCALES.get(w) or SCALE_ABBREV.get(w)
        if scale:
            if not seen:
                current = 1.0
                seen = True
            if scale == 100:
                current *= scale
            else:
                total += (current or 1.0) * scale
                current = 0.0
            continue
        if w in ("a", "an"):
            continue
        return None
    return (total + current) if seen else None


def bounds(value: float | None, modifier_kind: str | None) -> tuple[float | None, float | None]:
    """(low, high) for ``value`` under a modifier kind from ``MODIFIERS``."""
    if value is None:
        return None, None
    if modifier_kind in (None, "exact"):
        return value, value
    if modifier_kind == "min":
        return value, None
    if modifier_kind == "gt":
        return value, None
    if modifier_kind in ("max", "lt"):
        return 0.0, value
    if modifier_kind == "near":  # "nearly 50": a little under
        return round(value * 0.9, 6), value
    if modifier_kind == "approx":  # "about 50": within 10 % either way
        return round(value * 0.9, 6), round(value * 1.1, 6)
    return value, value


def compatible(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    """Whether two (low, high) ranges can describe the same count (open ends unbounded)."""
    alo, ahi = a
    blo, bhi = b
    alo = float("-inf") if alo is None else alo
    blo = float("-inf") if blo is None else blo
    ahi = float("inf") if ahi is None else ahi
    bhi = float("inf") if bhi is None else bhi
    return alo <= bhi and blo <= ahi
