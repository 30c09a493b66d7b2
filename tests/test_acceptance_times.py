"""Acceptance: the Time section of EXPECTED.md on the user's example article (via ``seed_dossier``)."""
from __future__ import annotations

import pytest

from newsaudit.analyze.times.normalise import value_start

EXPECTED_DATES = [
    ("September 1st", "2013-09-01"),
    ("the first of September", "2013-09-01"),
    ("Wednesday September 11th", "2013-09-11"),
    ("July 2013", "2013-07"),
    ("September13, 2013", "2013-09-13"),
    ("July16, 2013", "2013-07-16"),
    ("September18, 2013", "2013-09-18"),
    ("Friday", "2013-09-13"),
    ("september1st", "2013-09-01"),
]
EXPECTED_DURATIONS = ["decade–long", "at least 3 decades", "20 years", "the past few days"]


def _times(d, text):
    return [t for t in d.times if t.text == text or (text in t.text and len(t.text) <= len(text) + 4)]


@pytest.mark.parametrize("text, value", EXPECTED_DATES)
def test_acceptance_times_dates(seed_dossier, text, value):
    hits = _times(seed_dossier, text)
    assert hits, f"{text!r} not found"
    assert all(t.value == value for t in hits), [(t.text, t.value) for t in hits]


@pytest.mark.parametrize("text", EXPECTED_DURATIONS)
def test_acceptance_times_durations(seed_dossier, text):
    hits = [t for t in seed_dossier.times if text in t.text]
    assert hits and all(t.type == "DURATION" for t in hits)


def test_acceptance_times_anchors(seed_dossier):
    d = seed_dossier
    assert d.meta.published == "2013-09-18"
    friday = _times(d, "Friday")[0]
    assert friday.anchor_source in ("citation", "publication") and friday.tense == "past"
    for text, _v in EXPECTED_DATES:
        for t in _times(d, text):
            assert t.anchor_source in ("publication", "citation", "explicit")


def test_acceptance_times_weekday_consistent_no_false_problems(seed_dossier):
    kinds = [p.kind for p in seed_dossier.problems if p.layer == "times"]
    assert "weekday_mismatch" not in kinds and "impossible_date" not in kinds and "future_date_past_tense" not in kinds


def test_acceptance_times_timeline(seed_dossier):
    d = seed_dossier
    values = [i.value for i in d.timeline]
    starts = [value_start(v) for v in values]
    assert None not in starts and starts == sorted(starts)
    assert {"2013-07", "2013-09-01", "2013-09-11", "2013-09-13"} <= set(values)
    for item in d.timeline:
        t = d.times[item.time]
        assert d.text[item.sentence_start:item.sentence_end] == item.sentence
        assert item.sentence_start <= t.start and t.end <= item.sentence_end
        assert t.section == "body"


def test_acceptance_times_offsets(seed_dossier):
    for t in seed_dossier.times:
        assert seed_dossier.text[t.start:t.end] == t.text
