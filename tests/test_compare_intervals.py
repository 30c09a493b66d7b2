"""Interval reasoning over count modifiers: compatible reports agree, incompatible ones conflict."""
import pytest

from newsaudit.compare.intervals import from_label, interval, labels_compatible


@pytest.mark.parametrize("x,y,ok", [
    ("at least 40", "more than 38", True),
    ("at least 40", "40", True),
    ("about 40", "42", True),
    ("a total of 41", "at least 40", True),
    ("dozens", "40", True),
    ("40", "52", False),
    ("at least 40", "30", False),
    ("fewer than 10", "12", False),
    ("more than 40", "40", False),
    ("dozens", "hundreds", False),
    ("unreadable", "40", False),
])
def test_compare_intervals_labels_compatible(x, y, ok):
    assert labels_compatible(x, y) is ok


@pytest.mark.parametrize("value,mod,lo,hi", [
    (40, "at least", 40, float("inf")),
    (38, "more than", 39, float("inf")),
    (10, "fewer than", 0, 9),
    (40, None, 40, 40),
    (40, "about", 36, 44),
])
def test_compare_intervals_interval(value, mod, lo, hi):
    assert interval(value, mod) == (lo, hi)


def test_compare_intervals_vague_word_is_a_range_not_a_number():
    lo, hi = from_label("dozens")
    assert lo < hi and (lo, hi) != (24, 24)


@pytest.mark.parametrize("mods,shown", [(["dozens"], "dozens"), (["at least"], "at least 24"), ([None], "24")])
def test_compare_intervals_label_shows_vague_word(mods, shown):
    from newsaudit.compare.analysis import _label
    assert _label(24.0, mods) == shown
