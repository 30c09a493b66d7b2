"""Hedges and certainty."""
from __future__ import annotations

import pytest

from newsaudit.analyze.claims.hedges import certainty, find_hedges


def hedges(text, nlp=None):
    doc = nlp(text) if nlp is not None else None
    return [(text[a:b], s) for a, b, s in find_hedges(text, 0, len(text), doc)]


@pytest.mark.parametrize("text,expected", [
    ("The seven allegedly missing residents were named.", [("allegedly missing", "strong")]),
    ("The killing of 52 residents seems very unclear.", [("seems very unclear", "strong")]),
    ("The minister reportedly resigned on Friday.", [("reportedly resigned", "strong")]),
    ("It is believed that the convoy was attacked.", [("It is believed", "strong")]),
    ("The seven said to be missing are in custody.", [("said to be", "strong")]),
    ("The fire was apparently started by a cigarette.", [("apparently started", "strong")]),
    ("The dam may have failed.", [("may", "weak")]),
])
def test_claims_hedges_found(nlp, text, expected):
    assert hedges(text, nlp) == expected


@pytest.mark.parametrize("text", [
    "The dam failed on Tuesday.",
    "In May the council met.",  # the month is no hedge
    "Police arrested two men.",
])
def test_claims_hedges_none(nlp, text):
    assert hedges(text, nlp) == []


def test_claims_hedges_without_doc():
    assert hedges("He allegedly fled.") == [("allegedly", "strong")]


@pytest.mark.parametrize("found,level", [
    ([], "high"), ([(0, 3, "weak")], "medium"), ([(0, 3, "weak"), (5, 8, "weak")], "low"), ([(0, 3, "strong")], "low"),
])
def test_claims_certainty(found, level):
    assert certainty(found) == level
