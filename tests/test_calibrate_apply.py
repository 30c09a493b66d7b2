"""Calibrated confidence: present and in [0, 1] on every layer, monotone in the model score, robust to bad files."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from newsaudit.calibrate import apply as A
from newsaudit.calibrate.features import ENTITY_TYPES, LAYERS, value_shape
from newsaudit.dossier import Dossier

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures"
ARTICLES = [ROOT / "src" / "newsaudit" / "data" / "sample_article.txt", FIX / "quotes" / "a1_flood_barrier.txt",
            FIX / "quotes" / "a4_budget_town_hall.txt", FIX / "quantities" / "flood_velmora.txt",
            FIX / "claims" / "water_dunmere.txt", FIX / "claims" / "ferry_pellin.txt", FIX / "report" / "harbour_article.txt"]


@pytest.fixture(scope="module")
def dossiers(audit_text):
    return {p.name: audit_text(p.read_text(encoding="utf-8")) for p in ARTICLES}


def _covered(d: Dossier):
    """(layer, finding, value) for every finding a calibration layer covers."""
    for layer, (feats, attr) in LAYERS.items():
        for finding, _ in feats(d):
            yield layer, finding, getattr(finding, attr)


@pytest.mark.parametrize("name", [p.name for p in ARTICLES])
def test_calibrate_apply_confidence_on_every_covered_finding(dossiers, name):
    d = dossiers[name]
    seen = set()
    for layer, _finding, conf in _covered(d):
        assert conf is not None, (name, layer)
        assert 0.0 <= conf <= 1.0
        seen.add(layer)
    assert not [w for w in d.meta.warnings if w.code.startswith("calibration")]
    assert {"mentions", "entities", "claims"} <= seen  # every article has names and sentences


@pytest.mark.parametrize("layer", ["quotes", "speakers", "mentions", "entities", "times", "quantities", "claims",
                                   "sourcing", "rhetoric"])
def test_calibrate_apply_every_layer_covered_somewhere(dossiers, layer):
    values = [c for d in dossiers.values() for lay, _, c in _covered(d) if lay == layer]
    assert values, f"no {layer} finding in the test articles"
    assert all(0.0 <= v <= 1.0 for v in values)


def test_calibrate_apply_uncalibrated_types_stay_empty(dossiers):
    others = [m for d in dossiers.values() for m in d.mentions if m.type not in ENTITY_TYPES]
    assert all(m.confidence is None for m in others)
    non_cw = [c for d in dossiers.values() for c in d.claims if not c.checkworthy]
    assert non_cw and all(c.sourcing_confidence is None and c.confidence is not None for c in non_cw)


def test_calibrate_apply_json_round_trip_keeps_confidence(dossiers):
    d = dossiers["flood_velmora.txt"]
    back = Dossier.model_validate_json(d.model_dump_json())
    assert back == d
    assert back.quantities and back.quantities[0].confidence == d.quantities[0].confidence is not None


@pytest.mark.parametrize("layer", ["claims", "rhetoric"])
def test_calibrate_apply_monotone_in_model_score(layer):
    params, why = A.load(layer)
    assert params is not None, why
    assert params["weights"].get("logit_score", 0.0) >= 0.0
    others = [{}] if layer == "claims" else [{f"technique={t}": 1.0, f"source={s}": 1.0}
                                             for t in ("Loaded_Language", "Doubt", "Rhetorical_Question") for s in ("model", "rule")]
    for extra in others:
        probs = [A.predict(params, {"logit_score": math.log(p / (1 - p)), **extra}) for p in (0.02, 0.2, 0.45, 0.7, 0.98)]
        assert probs == sorted(probs), (extra, probs)


def test_calibrate_apply_claims_follow_score_order(dossiers):
    claims = sorted((c for d in dossiers.values() for c in d.claims), key=lambda c: c.score)
    confs = [c.confidence for c in claims]
    assert all(a <= b for a, b in zip(confs, confs[1:]))
    assert confs[0] < confs[-1]  # not a constant


POISONS = {
    "garbage": "{not json",
    "wrong_format": json.dumps({"format": "something-else", "intercept": 0.0, "weights": {}}),
    "nan_weight": '{"format": "newsaudit-calibration-1", "intercept": 0.0, "weights": {"kind=direct": NaN}}',
    "string_intercept": json.dumps({"format": "newsaudit-calibration-1", "intercept": "0", "weights": {}}),
    "weights_list": json.dumps({"format": "newsaudit-calibration-1", "intercept": 0.0, "weights": [1, 2]}),
    "a_list": "[]",
}


@pytest.mark.parametrize("poison", sorted(POISONS) + ["missing"])
def test_calibrate_apply_bad_parameter_file_gives_notice(tmp_path, dossiers, poison):
    d = dossiers["flood_velmora.txt"].model_copy(deep=True)
    for q in d.quantities:
        q.confidence = None
    for layer in LAYERS:
        (tmp_path / f"{layer}.json").write_text(A.model_path(layer).read_text(encoding="utf-8"), encoding="utf-8")
    if poison == "missing":
        (tmp_path / "quantities.json").unlink()
    else:
        (tmp_path / "quantities.json").write_text(POISONS[poison], encoding="utf-8")
    notices = A.apply_calibration(d, directory=tmp_path)
    assert [n.code for n in notices] == ["calibration_unavailable"]
    assert "quantities" in notices[0].message and "--fit" in notices[0].message
    assert d.quantities and all(q.confidence is None for q in d.quantities)
    assert all(m.confidence is not None for m in d.mentions if m.type in ENTITY_TYPES)  # other layers unharmed


def test_calibrate_apply_pipeline_keeps_dossier_when_parameters_are_gone(tmp_path, monkeypatch, audit_text):
    monkeypatch.setattr(A, "MODEL_DIR", tmp_path)
    A.clear_cache()
    try:
        d = audit_text("Mayor Ada Pike said 12 people were hurt in Lowbay on Monday.", published="2024-03-06")
    finally:
        A.clear_cache()
    assert d.mentions and all(m.confidence is None for m in d.mentions)
    assert [w.code for w in d.meta.warnings if w.code.startswith("calibration")] == ["calibration_unavailable"]


def test_calibrate_apply_empty_dossier_needs_no_parameters(tmp_path):
    assert A.apply_calibration(Dossier(text=""), directory=tmp_path) == []


@pytest.mark.parametrize("value,shape", [("2013-09-01", "9999-99-99"), ("2013-09", "9999-99"), ("P3D", "P"),
                                         ("PXY", "PX"), ("PAST_REF", "PAST_REF"), ("XXXX-09-01", "yearless"),
                                         (None, "none"), ("2013-W37", "9999-W99"), ("weird", "other")])
def test_calibrate_features_value_shape(value, shape):
    assert value_shape(value) == shape
