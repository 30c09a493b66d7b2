"""Sorted lookups over character offsets, built once per article so each query costs O(log n + hits).

They answer exactly what the obvious scans over every item answer (same items, same order), so a
layer can swap a scan for an index without changing its output:

* ``Inside(items, start, end).within(a, b)``: the items with ``a <= start`` and ``end <= b``, in the
  order given (the scan ``[x for x in items if a <= start(x) and end(x) <= b]``);
* ``Overlaps(items, start, end).hits(a, b)``: the items with ``start < b`` and ``a < end``, in the
  order given;
* ``Covers(ranges).covers(a, b)``: whether some ``(x, y)`` has ``x <= a`` and ``b <= y``;
* ``Containing(ranges).first(pos)``: the index of the first range (in the order given) with
  ``x <= pos < y``, else -1.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Generic, Iterable, Sequence, TypeVar

T = TypeVar("T")


def _prefix_max(values: Iterable[int]) -> list[int]:
    out: list[int] = []
    m = None
    for v in values:
        m = v if m is None or v > m else m
        out.append(m)
    return out


class Inside(Generic[T]):
    """Items lying inside ``[a, b]``."""

    def __init__(self, items: Iterable[T], start: Callable[[T], int], end: Callable[[T], int]):
        rows = sorted(((start(it), n, end(it), it) for n, it in enumerate(items)), key=lambda r: (r[0], r[1]))
        self._starts = [r[0] for r in rows]
        self._rows = rows

    def within(self, a: int, b: int) -> list[T]:
        lo, hi = bisect_left(self._starts, a), bisect_right(self._starts, b)
        hits = [r for r in self._rows[lo:hi] if r[2] <= b]
        hits.sort(key=lambda r: r[1])
        return [r[3] for r in hits]


class Overlaps(Generic[T]):
    """Items overlapping the half-open ``[a, b)``: walks back from the last start before ``b`` while the
    running maximum of ends still reaches past ``a``."""

    def __init__(self, items: Iterable[T], start: Callable[[T], int], end: Callable[[T], int]):
        rows = sorted(((start(it), n, end(it), it) for n, it in enumerate(items)), key=lambda r: (r[0], r[1]))
        self._starts = [r[0] for r in rows]
        self._max_end = _prefix_max(r[2] for r in rows)
        self._rows = rows

    def hits(self, a: int, b: int) -> list[T]:
        j = bisect_left(self._starts, b) - 1
        found = []
        while j >= 0 and self._max_end[j] > a:
            r = self._rows[j]
            if r[2] > a:
                found.append(r)
            j -= 1
        found.sort(key=lambda r: r[1])
        return [r[3] for r in found]


class Covers:
    """Whether a range among ``ranges`` contains ``[a, b]``."""

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        pairs = sorted(ranges)
        self._starts = [x for x, _ in pairs]
        self._max_end = _prefix_max(y for _, y in pairs)

    def covers(self, a: int, b: int) -> bool:
        n = bisect_right(self._starts, a)  # ranges with x <= a
        return n > 0 and self._max_end[n - 1] >= b


class Containing:
    """The first range (in the given order) that holds a position."""

    def __init__(self, ranges: Sequence[tuple[int, int]]):
        self._overlaps = Overlaps(range(len(ranges)), lambda i: ranges[i][0], lambda i: ranges[i][1])

    def first(self, pos: int) -> int:
        hits = self._overlaps.hits(pos, pos + 1)  # x < pos + 1 and pos < y: x <= pos < y
        return hits[0] if hits else -1
