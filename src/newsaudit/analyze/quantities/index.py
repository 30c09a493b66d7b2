"""Sorted lookups the quantities layer makes once per article, so each number costs O(log n).

* ``RangeIndex(ranges).overlaps(a, b)``: whether ``[a, b)`` overlaps any of the ranges
  (bisect over starts plus a running maximum of ends);
* ``SpanIndex(items, start, end).within(a, b)``: the items lying inside ``[a, b]``, in the order
  they were given (bisect over starts, then the original order restored).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Generic, Iterable, TypeVar

T = TypeVar("T")


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


class SpanIndex(Generic[T]):
    """Items with a character ``start`` and ``end``; ``within(a, b)`` keeps those with a <= start and end <= b."""

    def __init__(self, items: Iterable[T], start: Callable[[T], int], end: Callable[[T], int]):
        rows = sorted(((start(it), n, end(it), it) for n, it in enumerate(items)), key=lambda r: (r[0], r[1]))
        self._starts = [r[0] for r in rows]
        self._rows = rows

    def within(self, a: int, b: int) -> list[T]:
        lo = bisect_left(self._starts, a)
        hi = bisect_right(self._starts, b)
        hits = [r for r in self._rows[lo:hi] if r[2] <= b]
        hits.sort(key=lambda r: r[1])
        return [r[3] for r in hits]
