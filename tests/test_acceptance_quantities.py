"""Acceptance: the counted quantities of the user's example article (EXPECTED.md, "Counted quantities")."""
from __future__ import annotations

import pytest


def _find(d, number, **attrs):
    out = []
    for q in d.quantities:
        if q.number.text.lower() != number.lower():
            continue
        if all(getattr(q, k) == v for k, v in attrs.items()):
            out.append(q)
    return out


def test_acceptance_quantities_offsets(seed_dossier):
    d = seed_dossier
    assert d.quantities
    for q in d.quantities:
        assert q.text == d.text[q.start:q.end]
        assert q.number.text == d.text[q.number.start:q.number.end]


@pytest.mark.parametrize("number,attrs", [
    ("52", {"counted": "residents", "event": "KILL", "value": 52.0}),
    ("52", {"counted": "martyrs", "event": "KILL", "value": 52.0}),
    ("42", {"counted": "survivors", "event": "RESETTLE", "value": 42.0}),
    ("seven", {"event": "MISSING", "value": 7.0}),
    ("hundreds", {"counted": "reports", "value": None, "low": 200.0}),
    ("two", {"counted": "cases", "modifier": "at least", "low": 2.0, "high": None}),
])
def test_acceptance_quantities_expected(seed_dossier, number, attrs):
    assert _find(seed_dossier, number, **attrs), [(q.text, q.counted, q.event, q.value) for q in seed_dossier.quantities]


def test_acceptance_quantities_survivors_place(seed_dossier):
    (q,) = _find(seed_dossier, "42", counted="survivors")
    assert q.place and "Liberty" in q.place


def test_acceptance_quantities_at_least_in_two_cases(seed_dossier):
    (q,) = _find(seed_dossier, "two", counted="cases")
    assert q.text == "at least in two cases"


@pytest.mark.parametrize("not_a_count", ["2013", "20", "3", "1", "11", "13", "16", "18", "10"])
def test_acceptance_quantities_no_dates_durations_or_markers(seed_dossier, not_a_count):
    # years, "home of 20 years", "at least 3 decades", dates and citation markers are not counted quantities
    assert not _find(seed_dossier, not_a_count)


def test_acceptance_quantities_consistent_counts(seed_dossier):
    # 52 killed and seven missing are reported consistently: no count_mismatch
    assert [p for p in seed_dossier.problems if p.kind == "count_mismatch"] == []
