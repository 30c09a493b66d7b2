"""The working record of one quote or attribution while the quotes layer links them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cues import Cand
from .marks import QuoteSpan


@dataclass
class Item:
    kind: str
    start: int
    end: int
    content: tuple[int, int]
    parts: list[tuple[int, int]] = field(default_factory=list)
    cand: Cand | None = None
    quote: QuoteSpan | None = None
    speaker: tuple[int, int] | None = None
    speaker_root: int | None = None
    flags: list[str] = field(default_factory=list)
    via: list[tuple[tuple[int, int], Cand | None]] = field(default_factory=list)
    inherited_speaker: "Item | None" = None
    in_quote: "Item | None" = None


def _words(s: str) -> int:
    return len(re.findall(r"\w+", s))
