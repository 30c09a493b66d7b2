"""Fit a layer's calibration map with scikit-learn and write it as plain data.

The map is a logistic regression (Platt scaling generalised to a few interpretable features) on
labelled findings: ``(document key, features, label)`` rows from ``samples.py``.  L2-regularised
(``C``) so that rare categories fall back towards the layer's base rate.  Features listed in
``features.MONOTONE`` must not get a negative weight (a higher model score must never lower the
confidence): when one does, the map is refitted without that feature.  scikit-learn is imported
here only, never at audit time.
"""
from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import Sequence

from .apply import FORMAT, MODEL_DIR, model_path
from .features import MONOTONE, Features

Row = tuple[str, Features, int]


def fit_params(layer: str, rows: Sequence[Row], C: float = 1.0) -> dict:
    """Parameters (the ``model/<layer>.json`` content, without provenance) fitted on ``rows``."""
    labels = [y for _, _, y in rows]
    if not rows:
        raise ValueError(f"{layer}: no labelled findings to fit on")
    if len(set(labels)) < 2:  # one class only: the smoothed base rate, no features
        import math

        n, k = len(labels), sum(labels)
        p = (k + 1) / (n + 2)
        return {"format": FORMAT, "layer": layer, "method": "base rate (one class only; Laplace-smoothed)",
                "intercept": round(math.log(p / (1 - p)), 6), "weights": {}}
    drop: set[str] = set()
    while True:
        params = _logistic(layer, [(f, y) for _, f, y in rows], C, drop)
        bad = [k for k in MONOTONE.get(layer, ()) if params["weights"].get(k, 0.0) < 0 and k not in drop]
        if not bad:
            return params
        drop.update(bad)


def _logistic(layer: str, rows: Sequence[tuple[Features, int]], C: float, drop: set[str]) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sparse=True)
    X = vec.fit_transform([{k: v for k, v in f.items() if k not in drop} for f, _ in rows])
    y = [lab for _, lab in rows]
    clf = LogisticRegression(C=C, solver="lbfgs", max_iter=2000)
    clf.fit(X, y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 6) for n, w in zip(names, clf.coef_[0]) if abs(w) > 1e-9}
    return {"format": FORMAT, "layer": layer, "method": f"logistic (Platt over features), L2 C={C}",
            "intercept": round(float(clf.intercept_[0]), 6), "weights": dict(sorted(weights.items()))}


def write_params(params: dict, provenance: dict, directory: Path | None = None) -> Path:
    path = model_path(params["layer"], directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    out = {**params, "fitted": _dt.date.today().isoformat(), **provenance}
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


__all__ = ["MODEL_DIR", "Row", "fit_params", "write_params"]
