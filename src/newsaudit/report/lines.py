"""Helpers shared by the report sections."""
from __future__ import annotations

import bisect


class LineIndex:
    """Map character offsets to 1-based line numbers of a text."""

    def __init__(self, text: str):
        self._starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)


def short(s: str, n: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def md_escape(s: str) -> str:
    """Article text as literal Markdown: links, images, HTML, code and table bars cannot form."""
    from .safe import md_text

    return md_text(s)
