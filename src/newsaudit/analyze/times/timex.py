"""The ``Timex`` record: one temporal expression found by the tagger, with its TIMEX3 type and value.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable


# ----------------------------------------------------------------------------- results


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    anchor: date | None = None
    anchor_source: str = "none"
    weekday: str | None = None  # weekday named in the text
    rule: str = ""
    explicit: bool = False  # the text gives the full date itself (year included)
    invalid: bool = False  # an impossible calendar date (February 30)
    direction: int = 0  # tense used: -1 past, +1 future, 0 unknown
    parts: dict = field(default_factory=dict)  # year / month / day as written


AnchorFn = Callable[[int, int], "tuple[date | None, str]"]
DirectionFn = Callable[[int, int], int]
