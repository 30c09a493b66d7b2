"""Number reading helpers: words, digits, phrases, modifiers → bounds."""
from __future__ import annotations

import pytest

from newsaudit.analyze.quantities import numbers as N


@pytest.mark.parametrize("word,value", [
    ("seven", 7), ("Seven", 7), ("twelve", 12), ("twenty", 20), ("twenty-five", 25), ("ninety-nine", 99), ("dozen", 12),
])
def test_quantities_word_value(word, value):
    assert N.word_value(word) == value


@pytest.mark.parametrize("word", ["seventh", "many", "several", "twenty-zero", "", "one-third"])
def test_quantities_word_value_rejects(word):
    assert N.word_value(word) is None


@pytest.mark.parametrize("s,value", [("52", 52), ("1,200", 1200), ("3.5", 3.5), ("1,000,000", 1_000_000)])
def test_quantities_digit_value(s, value):
    assert N.digit_value(s) == value


@pytest.mark.parametrize("s", ["1st", "10:30", "12-3", "abc", "1,00", "$5"])
def test_quantities_digit_value_rejects(s):
    assert N.digit_value(s) is None


@pytest.mark.parametrize("words,value", [
    (["3.5", "million"], 3_500_000), (["two", "hundred"], 200), (["a", "dozen"], 12), (["1.2", "bn"], 1_200_000_000),
    (["two", "hundred", "and", "five"], 205), (["twenty", "-", "five"], 25), (["five", "thousand"], 5000),
])
def test_quantities_phrase_value(words, value):
    assert N.phrase_value(words) == pytest.approx(value)


def test_quantities_phrase_value_rejects_non_numbers():
    assert N.phrase_value(["many", "people"]) is None


@pytest.mark.parametrize("value,kind,low,high", [
    (52, None, 52, 52), (52, "min", 52, None), (52, "gt", 52, None), (30, "max", 0, 30),
    (50, "approx", 45, 55), (200, "near", 180, 200), (7, "exact", 7, 7), (None, "min", None, None),
])
def test_quantities_bounds(value, kind, low, high):
    lo, hi = N.bounds(value, kind)
    assert (lo, hi) == (pytest.approx(low) if low is not None else None, pytest.approx(high) if high is not None else None)


@pytest.mark.parametrize("a,b,ok", [
    ((52, 52), (52, 52), True), ((52, 52), (47, 47), False), ((52, None), (60, 60), True), ((52, None), (47, 47), False),
    ((0, 30), (25, 25), True), ((0, 30), (31, 31), False), ((24, 99), (50, 50), True), ((200, 999), (52, 52), False),
])
def test_quantities_compatible(a, b, ok):
    assert N.compatible(a, b) is ok
