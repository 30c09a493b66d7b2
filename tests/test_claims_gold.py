"""Quality gate: claims on invented articles with hand-made gold (tests/fixtures/claims), through the full audit.

Floors are pinned at the measured values (they may only rise).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

FIX = Path(__file__).resolve().parent / "fixtures" / "claims"
GOLD = json.loads((FIX / "gold.json").read_text(encoding="utf-8"))
FILES = sorted(k for k in GOLD if not k.startswith("_"))

FLOOR_CHECKWORTHY_ACC = 0.95  # measured 20/21
FLOOR_SOURCING_ACC = 1.0  # measured 13/13 on the gold check-worthy sentences
FLOOR_HEDGES = 1.0


def _claim(d, prefix):
    hits = [c for c in d.claims if c.text.startswith(prefix)]
    assert len(hits) == 1, (prefix, [c.text[:40] for c in d.claims])
    return hits[0]


def score(audit_text) -> dict[str, float]:
    n = cw_ok = src_n = src_ok = hedge_n = hedge_ok = 0
    misses = []
    for name in FILES:
        d = audit_text((FIX / name).read_text(encoding="utf-8"), rhetoric=False)
        for c in d.claims:
            assert c.text == d.text[c.start:c.end]
        for item in GOLD[name]:
            c = _claim(d, item["prefix"])
            n += 1
            if c.checkworthy == item["checkworthy"]:
                cw_ok += 1
            else:
                misses.append(item["prefix"])
            if "sourcing" in item:
                src_n += 1
                src_ok += c.sourcing == item["sourcing"]
            for h in item.get("hedges", []):
                hedge_n += 1
                hedge_ok += any(x.text.lower().startswith(h) for x in c.hedges)
    return {"n": n, "checkworthy_acc": cw_ok / n, "sourcing_acc": src_ok / src_n, "hedges": hedge_ok / hedge_n,
            "misses": misses}


@pytest.fixture(scope="module")
def gold_scores(audit_text):
    return score(audit_text)


def test_claims_gold_checkworthiness(gold_scores):
    assert gold_scores["checkworthy_acc"] >= FLOOR_CHECKWORTHY_ACC, gold_scores


def test_claims_gold_sourcing(gold_scores):
    assert gold_scores["sourcing_acc"] >= FLOOR_SOURCING_ACC, gold_scores


def test_claims_gold_hedges(gold_scores):
    assert gold_scores["hedges"] >= FLOOR_HEDGES, gold_scores


def test_claims_gold_gate_can_fail(audit_text, monkeypatch):
    """With every sentence called check-worthy, the gate's accuracy falls below its floor."""
    from newsaudit.analyze.claims import sourcing as C

    monkeypatch.setattr(C, "THRESHOLD", 0.0)
    assert score(audit_text)["checkworthy_acc"] < FLOOR_CHECKWORTHY_ACC
