"""Sorted lookups the quantities layer makes once per article, so each number costs O(log n).

* ``RangeIndex(ranges).overlaps(a, b)``: whether ``[a, b)`` overlaps any of the ranges
  (bisect over starts plus a running maximum of ends);
* ``SpanIndex(items, start, end).within(a, b)``: the items lying inside ``[a, b]``, in the order
  they were given — the shared :class:`newsaudit.analyze.common.offsets.Inside`.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from ..common.offsets import Inside as SpanIndex

__all__ = ["RangeIndex", "SpanIndex"]


class RangeIndex:
    """Half-open ranges ``(start, end)``; ``overlaps(a, b)`` is ``any(s < b and a < e ...)``."""

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        pairs = sorted(ranges)
        self._starts = [s for s, _ in pairs]
        self._max_end: list[int] = []
        m = None
        for _, e in pairs:
            m = e if m is None or e > m else m
            self._max_end.append(m)

    def overlaps(self, a: int, b: int) -> bool:
        n = bisect_left(self._starts, b)  # ranges with s < b
        return n > 0 and self._max_end[n - 1] > a
