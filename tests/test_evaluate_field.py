"""The field set tooling: finding keys, judgement files, per-layer precision."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsaudit.evaluate import field
from newsaudit.report.findings import LAYERS, Finding, findings

ROOT = Path(__file__).resolve().parent.parent


def test_findings_key_ignores_confidence_but_not_label():
    a = Finding("times", 3, 9, "Monday", "DATE 2026-01-05", confidence=0.4)
    b = Finding("times", 3, 9, "Monday", "DATE 2026-01-05", confidence=0.9)
    c = Finding("times", 3, 9, "Monday", "DATE 2026-01-12")
    assert a.key == b.key
    assert a.key != c.key


def test_findings_cover_every_layer_with_valid_offsets(audit_text):
    d = audit_text('KESTRAVA (Reuters) - At least 40 residents were killed on Monday, the ministry said. '
                   '"We warned them," said Mara Velt, a spokeswoman for the Kestrava Relief Council.\n')
    got = findings(d)
    assert {f.layer for f in got} <= set(LAYERS)
    assert {"quotes", "speakers", "entities", "times", "quantities"} <= {f.layer for f in got}
    for f in got:
        assert d.text[f.start:f.end] == f.text


def _fake(label_layer: str, start: int, label: str, shown: bool = True) -> Finding:
    return Finding(label_layer, start, start + 4, "xxxx", label, shown=shown)


class _Art:
    def __init__(self, path):
        self.path = path


def test_field_score_counts_verdicts_and_unjudged(monkeypatch):
    fs = [_fake("times", 0, "DATE a"), _fake("times", 10, "DATE b"), _fake("times", 20, "DATE c"),
          _fake("rhetoric", 5, "Doubt", shown=False)]
    monkeypatch.setattr("newsaudit.report.findings.findings", lambda d: fs)
    judgements = [{"article": "x", "key": fs[0].key, "verdict": "right"},
                  {"article": "x", "key": fs[1].key, "verdict": "partly"},
                  {"article": "x", "key": fs[3].key, "verdict": "wrong"},
                  {"article": "x", "layer": "times", "verdict": "miss"},
                  {"article": "other", "key": fs[2].key, "verdict": "right"}]  # another article: not this one's
    res = field.score([(_Art("x"), None)], judgements)
    t = res["layers"]["times"]
    assert (t["shown"], t["right"], t["partly"], t["wrong"], t["unjudged"], t["misses"]) == (3, 1, 1, 0, 1, 1)
    assert t["strict"] == 0.5 and t["lenient"] == 1.0
    r = res["layers"]["rhetoric"]
    assert (r["shown"], r["held"], r["held_judged"], r["held_right"]) == (0, 1, 1, 0)
    assert r["strict"] is None


@pytest.mark.parametrize("verdict", ["maybe", "", None])
def test_field_read_judgements_rejects_unknown_verdict(tmp_path, verdict):
    (tmp_path / "judgements.jsonl").write_text(json.dumps({"article": "a", "key": "k", "verdict": verdict}) + "\n")
    with pytest.raises(ValueError, match="verdict"):
        field.read_judgements(tmp_path)


def test_field_list_has_forty_real_articles_and_no_text():
    paths = field.read_list(ROOT / "tests" / "field")
    assert len(paths) >= 40 and len(set(paths)) == len(paths)
    assert all(p.split("/")[0] in {"polnear", "ptc-train", "meantime"} for p in paths)
    assert not any(p.startswith("/") or ".." in p for p in paths)


def test_field_judgements_are_well_formed():
    paths = set(field.read_list(ROOT / "tests" / "field"))
    for j in field.read_judgements(ROOT / "tests" / "field"):
        assert j["article"] in paths
        assert j["layer"] in LAYERS
        if j["verdict"] != "miss":
            assert len(j["key"]) == 16
            assert j["note"] if j["verdict"] != "right" else True
