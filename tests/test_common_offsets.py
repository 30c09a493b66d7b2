"""analyze/common/offsets.py answers exactly what the scans it replaced answered (issue 14: linear cost)."""
from __future__ import annotations

import random

import pytest

from newsaudit.analyze.common.offsets import Containing, Covers, Inside, Overlaps


def _ranges(seed: int, n: int, width: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        a = rng.randrange(200)
        out.append((a, a + rng.randrange(width)))  # empty ranges and duplicates included
    return out


QUERIES = [(a, a + w) for a in range(-2, 205, 3) for w in (0, 1, 4, 30)]


@pytest.mark.parametrize("seed,n,width", [(1, 0, 5), (2, 1, 5), (3, 40, 3), (4, 40, 60), (5, 200, 200)])
def test_offsets_inside_matches_scan(seed, n, width):
    items = _ranges(seed, n, width)
    idx = Inside(items, lambda r: r[0], lambda r: r[1])
    for a, b in QUERIES:
        assert idx.within(a, b) == [r for r in items if a <= r[0] and r[1] <= b]


@pytest.mark.parametrize("seed,n,width", [(1, 0, 5), (2, 1, 5), (3, 40, 3), (4, 40, 60), (5, 200, 200)])
def test_offsets_overlaps_matches_scan(seed, n, width):
    items = _ranges(seed, n, width)
    idx = Overlaps(items, lambda r: r[0], lambda r: r[1])
    for a, b in QUERIES:
        assert idx.hits(a, b) == [r for r in items if r[0] < b and a < r[1]]


@pytest.mark.parametrize("seed,n,width", [(1, 0, 5), (2, 1, 5), (3, 40, 3), (4, 40, 60), (5, 200, 200)])
def test_offsets_covers_matches_scan(seed, n, width):
    items = _ranges(seed, n, width)
    idx = Covers(items)
    for a, b in QUERIES:
        assert idx.covers(a, b) == any(x <= a and b <= y for x, y in items)


@pytest.mark.parametrize("seed,n,width", [(1, 0, 5), (2, 1, 5), (3, 40, 3), (4, 40, 60), (5, 200, 200)])
def test_offsets_containing_matches_scan(seed, n, width):
    items = _ranges(seed, n, width)
    idx = Containing(items)
    for pos in range(-2, 260):
        assert idx.first(pos) == next((i for i, (x, y) in enumerate(items) if x <= pos < y), -1)


def test_offsets_keep_given_order_not_start_order():
    items = [(10, 20), (0, 30), (5, 6)]
    assert Overlaps(items, lambda r: r[0], lambda r: r[1]).hits(5, 15) == [(10, 20), (0, 30), (5, 6)]
    assert Inside(items, lambda r: r[0], lambda r: r[1]).within(0, 30) == items
    assert Containing(items).first(12) == 0


@pytest.mark.parametrize("a,b,expected", [(0, 5, False), (10, 20, True), (11, 19, True), (9, 12, False), (19, 21, False)])
def test_offsets_covers_edges(a, b, expected):
    assert Covers([(10, 20), (30, 40)]).covers(a, b) is expected
