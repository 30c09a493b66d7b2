"""Calibration metrics: expected calibration error, Brier score, reliability table (pure Python)."""
from __future__ import annotations

from typing import Sequence

BINS = 10


def reliability(probs: Sequence[float], labels: Sequence[int], bins: int = BINS) -> list[dict]:
    """Equal-width bins over [0, 1]: per bin the count, mean confidence and observed rate of right findings."""
    rows = [{"lo": i / bins, "hi": (i + 1) / bins, "n": 0, "conf": 0.0, "rate": 0.0} for i in range(bins)]
    for p, y in zip(probs, labels):
        r = rows[min(int(p * bins), bins - 1)]
        r["n"] += 1
        r["conf"] += p
        r["rate"] += y
    for r in rows:
        if r["n"]:
            r["conf"] /= r["n"]
            r["rate"] /= r["n"]
    return rows


def ece(probs: Sequence[float], labels: Sequence[int], bins: int = BINS) -> float:
    """Σ_bins (n_bin / n) · |mean confidence − observed rate| over equal-width bins."""
    n = len(probs)
    if not n:
        return 0.0
    return sum(r["n"] / n * abs(r["conf"] - r["rate"]) for r in reliability(probs, labels, bins) if r["n"])


def brier(probs: Sequence[float], labels: Sequence[int]) -> float:
    n = len(probs)
    return sum((p - y) ** 2 for p, y in zip(probs, labels)) / n if n else 0.0


def summary(probs: Sequence[float], labels: Sequence[int]) -> dict:
    return {"n": len(probs), "positives": int(sum(labels)), "ece": round(ece(probs, labels), 4),
            "brier": round(brier(probs, labels), 4), "reliability": reliability(probs, labels)}
