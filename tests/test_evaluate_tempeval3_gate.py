"""Quality gate on TempEval-3 TBAQ-cleaned (TimeBank = development part, AQUAINT = held out).

Floors are the measured values (rounded down); they may only rise.  Needs the benchmark data
(``require``: fails under CI=true, skips elsewhere).  Runtime: about 30-40 s (spaCy parse of 256 files).
"""
from __future__ import annotations

import pytest

from conftest import BENCH, require
from newsaudit.evaluate import tempeval3 as te3

TBAQ = BENCH / "tempeval3" / "TBAQ-cleaned"

# measured 2026-11-26 (my port agreed with the official TE3 scorer run on the
# written system files to the second decimal: TimeBank value 80.47 / type 89.85, AQUAINT value 75.15 / type 85.16,
# both on earlier rule sets) -- truncated to three decimals
FLOORS = {
    "TimeBank": {"strict_f1": 0.874, "relaxed_f1": 0.931, "type_f1": 0.902, "value_f1": 0.809},
    "AQUAINT": {"strict_f1": 0.831, "relaxed_f1": 0.933, "type_f1": 0.855, "value_f1": 0.760},
    "ALL": {"strict_f1": 0.861, "relaxed_f1": 0.931, "type_f1": 0.887, "value_f1": 0.793},
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
