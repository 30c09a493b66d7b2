"""Quality gate: counted quantities against hand-made gold on invented articles (tests/fixtures/quantities).

Floors are pinned at the measured values (they may only rise).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsaudit.analyze.quantities import counts as Q
from newsaudit.analyze.base import Article

FIX = Path(__file__).resolve().parent / "fixtures" / "quantities"
GOLD = json.loads((FIX / "gold.json").read_text(encoding="utf-8"))
FILES = sorted(k for k in GOLD if not k.startswith("_"))

# measured on the fixtures when the gate was written
FLOOR_RECALL = 1.0
FLOOR_PRECISION = 1.0
FLOOR_EVENT_ACC = 1.0
FLOOR_VALUE_ACC = 1.0
FLOOR_COUNTED_ACC = 1.0


def _locate(text: str, context: str, number: str) -> tuple[int, int]:
    at = text.index(context)
    assert text.count(context) == 1, f"context {context!r} is not unique"
    i = text.index(number, at)
    return i, i + len(number)


def score(nlp) -> dict[str, float]:
    gold_n = tp = events = values = counted = mm_hit = mm_gold = 0
    predicted = false_pos = 0
    for name in FILES:
        text = (FIX / name).read_text(encoding="utf-8")
        g = GOLD[name]
        out = Q.analyse(Article(text=text, body_ranges=((0, len(text)),)), nlp(text), {})
        qs = out["quantities"]
        predicted += len(qs)
        for item in g["quantities"]:
            gold_n += 1
            a, b = _locate(text, item["context"], item["number"])
            hit = [q for q in qs if q.number.start <= a and b <= q.number.end]
            if not hit:
                continue
            q = hit[0]
            tp += 1
            events += q.event == item["event"]
            counted += q.counted == item["counted"]
            ok = all((getattr(q, k) is None and item[k] is None) or (getattr(q, k) is not None and item[k] is not None
                     and abs(getattr(q, k) - item[k]) < 1e-6) for k in ("value", "low", "high"))
            values += ok
        for neg in g["negatives"]:
            a = text.index(neg)
            false_pos += any(q.number.start < a + len(neg) and a < q.number.end for q in qs)
        for c1, c2 in g["mismatches"]:
            mm_gold += 1
            a1, a2 = text.index(c1), text.index(c2)
            mm_hit += any(p.kind == "count_mismatch" and {r.start for r in p.related} & set(range(a1, a1 + len(c1)))
                          and {r.start for r in p.related} & set(range(a2, a2 + len(c2))) for p in out["problems"])
    # precision: gold hits and unannotated-but-plausible finds do not count against; negatives do
    return {
        "gold": gold_n, "recall": tp / gold_n, "precision": tp / (tp + false_pos) if tp + false_pos else 0.0,
        "event_acc": events / tp if tp else 0.0, "value_acc": values / tp if tp else 0.0,
        "counted_acc": counted / tp if tp else 0.0, "mismatch_recall": mm_hit / mm_gold if mm_gold else 1.0,
    }


@pytest.fixture(scope="module")
def gold_scores(nlp):
    return score(nlp)


def test_quantities_gold_has_enough_items():
    assert sum(len(GOLD[f]["quantities"]) for f in FILES) >= 30


def test_quantities_gold_detection(gold_scores):
    assert gold_scores["recall"] >= FLOOR_RECALL, gold_scores
    assert gold_scores["precision"] >= FLOOR_PRECISION, gold_scores


def test_quantities_gold_attributes(gold_scores):
    assert gold_scores["event_acc"] >= FLOOR_EVENT_ACC, gold_scores
    assert gold_scores["value_acc"] >= FLOOR_VALUE_ACC, gold_scores
    assert gold_scores["counted_acc"] >= FLOOR_COUNTED_ACC, gold_scores


def test_quantities_gold_mismatches(nlp, gold_scores):
    assert gold_scores["mismatch_recall"] == 1.0, gold_scores
    # no count_mismatch in an article whose gold lists none
    for name in FILES:
        if GOLD[name]["mismatches"]:
            continue
        text = (FIX / name).read_text(encoding="utf-8")
        out = Q.analyse(Article(text=text, body_ranges=((0, len(text)),)), nlp(text), {})
        assert [p for p in out["problems"] if p.kind == "count_mismatch"] == [], name


def test_quantities_gold_gate_can_fail(nlp):
    """The scorer notices a broken analyser: with events erased, event accuracy collapses."""
    orig = Q._event
    try:
        Q._event = lambda toks, counted, doc: ("OTHER", None)
        s = score(nlp)
    finally:
        Q._event = orig
    assert s["event_acc"] < FLOOR_EVENT_ACC
