"""Calibration metrics and fitting: ECE / Brier on known cases, the monotone constraint, one-class data."""
from __future__ import annotations

import random

import pytest

from newsaudit.calibrate import metrics
from newsaudit.calibrate.apply import predict, read_params
from newsaudit.calibrate.fit import fit_params, write_params


@pytest.mark.parametrize("probs,labels,want", [
    ([0.05] * 20 + [0.95] * 20, [0] * 19 + [1] + [1] * 19 + [0], 0.0),  # each bin's rate equals its confidence
    ([0.9] * 10, [1] * 5 + [0] * 5, 0.4),
    ([0.1] * 4 + [0.8] * 4, [0] * 4 + [1] * 4, 0.15),
    ([], [], 0.0),
])
def test_calibrate_metrics_ece(probs, labels, want):
    assert metrics.ece(probs, labels) == pytest.approx(want, abs=1e-9)


@pytest.mark.parametrize("probs,labels,want", [([1.0, 0.0], [1, 0], 0.0), ([0.5, 0.5], [1, 0], 0.25), ([1.0], [0], 1.0)])
def test_calibrate_metrics_brier(probs, labels, want):
    assert metrics.brier(probs, labels) == pytest.approx(want)


def test_calibrate_metrics_reliability_counts_every_item():
    probs = [i / 100 for i in range(101)]
    rows = metrics.reliability(probs, [1] * 101)
    assert sum(r["n"] for r in rows) == 101 and len(rows) == 10
    assert rows[-1]["n"] == 11  # 0.90..1.00 inclusive


def _synthetic(n: int, slope: float, seed: int = 3):
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        x = rng.uniform(-3, 3)
        tech = rng.choice(["A", "B"])
        z = slope * x + (0.8 if tech == "A" else -0.8)
        y = int(rng.random() < 1 / (1 + 2.718281828 ** -z))
        rows.append((f"doc{i % 20}", {"logit_score": x, f"technique={tech}": 1.0}, y))
    return rows


@pytest.mark.parametrize("slope,kept", [(1.5, True), (-1.5, False)])
def test_calibrate_fit_refuses_a_falling_score_weight(slope, kept):
    params = fit_params("rhetoric", _synthetic(600, slope))
    assert ("logit_score" in params["weights"]) is kept
    if kept:
        assert params["weights"]["logit_score"] > 0.5
    lo = predict(params, {"logit_score": -2.0, "technique=A": 1.0})
    hi = predict(params, {"logit_score": 2.0, "technique=A": 1.0})
    assert hi >= lo


def test_calibrate_fit_is_calibrated_on_its_own_distribution():
    rows = _synthetic(4000, 1.0, seed=5)
    params = fit_params("rhetoric", rows[:3000])
    probs = [predict(params, f) for _, f, _ in rows[3000:]]
    assert metrics.ece(probs, [y for _, _, y in rows[3000:]]) < 0.06


@pytest.mark.parametrize("label", [0, 1])
def test_calibrate_fit_one_class_gives_smoothed_base_rate(label):
    params = fit_params("quantities", [("d", {"event=KILL": 1.0}, label)] * 8)
    p = predict(params, {"event=KILL": 1.0})
    assert p == pytest.approx(0.9 if label else 0.1, abs=1e-4)


def test_calibrate_fit_no_rows_is_an_error():
    with pytest.raises(ValueError, match="no labelled findings"):
        fit_params("quotes", [])


def test_calibrate_fit_written_file_reads_back(tmp_path):
    params = fit_params("claims", [("a", {"logit_score": x / 10}, int(x > 0)) for x in range(-20, 21)])
    path = write_params(params, {"data": "synthetic"}, tmp_path)
    back = read_params(path)
    assert back["weights"] == params["weights"] and back["data"] == "synthetic"
