"""Quality gate on TempEval-3 TBAQ-cleaned (TimeBank = development part, AQUAINT = held out).

Floors are the measured values (rounded down); they may only rise.  Needs the benchmark data
(``require``: fails under CI=true, skips elsewhere).  Runtime: about 30-40 s (spaCy parse of 256 files).
"""
from __future__ import annotations

import pytest

from conftest import BENCH, require
from newsaudit.evaluate import tempeval3 as te3

TBAQ = BENCH / "tempeval3" / "TBAQ-cleaned"

FLOORS = {
    "TimeBank": {"strict_f1": 0.85, "relaxed_f1": 0.91, "type_f1": 0.89, "value_f1": 0.79},
    "AQUAINT": {"strict_f1": 0.83, "relaxed_f1": 0.93, "type_f1": 0.85, "value_f1": 0.75},
    "ALL": {"strict_f1": 0.84, "relaxed_f1": 0.92, "type_f1": 0.87, "value_f1": 0.78},
}


@pytest.fixture(scope="module")
def results():
    require(TBAQ / "TimeBank")
    require(TBAQ / "AQUAINT")
    return te3.run([TBAQ / "TimeBank", TBAQ / "AQUAINT"])


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_evaluate_tempeval3_gate_floors(results, part):
    got = results[part]
    print(part, {k: round(got[k], 4) for k in FLOORS[part]})
    for key, floor in FLOORS[part].items():
        assert got[key] >= floor, f"{part} {key} {got[key]:.4f} < floor {floor}"


def test_evaluate_tempeval3_gate_counts(results):
    assert results["TimeBank"]["files"] == 183 and results["AQUAINT"]["files"] == 73
    assert results["ALL"]["gold"] == results["TimeBank"]["gold"] + results["AQUAINT"]["gold"]
