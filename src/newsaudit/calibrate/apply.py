"""Set ``confidence`` on a finished Dossier from the shipped calibration parameters.

Pure Python (no scikit-learn at audit time).  Each layer's parameters live in
``model/<layer>.json`` (written by ``fit.py``): a logistic map ``p = 1 / (1 + exp(-(b + Σ w·x)))`` over the
features of ``features.py``.  The files are read once per process.  A missing or unreadable file leaves
that layer's confidences ``None`` and yields a ``Notice`` (``calibration_unavailable``); it never raises.
"""
from __future__ import annotations

import json
import logging
import math
import threading
from pathlib import Path
from typing import Any

from ..dossier import Notice
from .features import LAYERS, Features

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent / "model"
FORMAT = "newsaudit-calibration-1"

_lock = threading.Lock()
_cache: dict[str, tuple[dict[str, Any] | None, str | None]] = {}


def model_path(layer: str, directory: Path | None = None) -> Path:
    return (directory or MODEL_DIR) / f"{layer}.json"


def read_params(path: Path) -> dict[str, Any]:
    """One layer's parameters, validated; raises ``ValueError`` / ``OSError`` on a bad or missing file."""
    params = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(params, dict) or params.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} file")
    weights = params.get("weights")
    b = params.get("intercept")
    if not isinstance(weights, dict) or not all(isinstance(k, str) and _finite(v) for k, v in weights.items()):
        raise ValueError("weights must map feature names to finite numbers")
    if not _finite(b):
        raise ValueError("intercept must be a finite number")
    return params


def _finite(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def load(layer: str, directory: Path | None = None) -> tuple[dict[str, Any] | None, str | None]:
    """``(parameters, None)`` or ``(None, why)``; cached per process for the shipped folder."""
    if directory is not None:
        return _load(model_path(layer, directory))
    if layer not in _cache:
        with _lock:
            if layer not in _cache:
                _cache[layer] = _load(model_path(layer))
    return _cache[layer]


def _load(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    try:
        return read_params(path), None
    except FileNotFoundError:
        why = f"{path.name} is missing"
    except (OSError, ValueError, TypeError) as exc:  # json.JSONDecodeError is a ValueError
        why = f"{path.name} is unreadable ({type(exc).__name__}: {exc})"
    log.warning("calibration parameters %s", why)
    return None, why


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def predict(params: dict[str, Any], features: Features) -> float:
    """The calibrated probability for one finding's features (unknown features weigh nothing)."""
    w = params["weights"]
    z = params["intercept"] + sum(w.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def apply_calibration(dossier, directory: Path | None = None) -> list[Notice]:
    """Write each covered finding's calibrated confidence into ``dossier`` (in place); return notices.

    Only layers that ran and found something are looked at, so an audit without quotes does not
    complain about the quotes parameters.
    """
    missing: list[str] = []
    for layer, (feats, attr) in LAYERS.items():
        rows = list(feats(dossier))
        if not rows:
            continue
        params, why = load(layer, directory)
        if params is None:
            missing.append(f"{layer} ({why})")
            continue
        for finding, f in rows:
            setattr(finding, attr, round(predict(params, f), 4))
    if not missing:
        return []
    return [Notice(code="calibration_unavailable",
                   message="no calibrated confidence for " + "; ".join(missing)
                           + ": reinstall newsaudit or run `newsaudit evaluate calibration DIR --fit`")]
