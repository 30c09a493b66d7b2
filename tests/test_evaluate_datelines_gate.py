"""Quality gate: agencies from datelines against PolNeAr's metadata (``wire`` column).

Floors are the measured values (2 Dec 2026: 68 of 68 wire texts that open with ``(AGENCY)``; 68 of 75 wire
texts overall, the other 7 carry no dateline in their text; no agency on any of 717 staff stories; no
byline made of time words); they may only rise (the counts of false findings may only fall).
"""
from __future__ import annotations

import pytest

from conftest import BENCH, require

pytestmark = pytest.mark.benchmark_data


@pytest.fixture(scope="module")
def metrics():
    from newsaudit.evaluate.datelines import evaluate_dir

    return evaluate_dir(require(BENCH / "polnear"))


def test_evaluate_datelines_agency_floor(metrics):
    assert metrics["wire_texts_with_opening_agency"] >= 60
    assert metrics["agency_accuracy_opening"] >= 1.0
    assert metrics["agency_accuracy"] >= 0.906


def test_evaluate_datelines_no_false_agency_or_byline(metrics):
    assert metrics["false_agencies"] == 0, metrics["false_agency_list"]
    assert metrics["false_bylines"] == 0, metrics["false_byline_list"]


def test_evaluate_datelines_missing_data_is_typed(tmp_path):
    from newsaudit.errors import DataNotFoundError
    from newsaudit.evaluate.datelines import evaluate_dir

    with pytest.raises(DataNotFoundError):
        evaluate_dir(tmp_path)
