"""Quality on invented articles with hand-made gold (tests/fixtures/times): span recall/precision, value accuracy, problems.

Floors are the values measured when the rules were written; they may only rise.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES

DIR = FIXTURES / "times"
CASES = sorted(p.stem for p in DIR.glob("*.json"))

# measured: every gold expression found with its exact span and value, no spurious ones, 3/3 problems
FLOOR_RECALL = 1.0
FLOOR_STRICT = 1.0
FLOOR_PRECISION = 1.0
FLOOR_VALUE = 1.0


def _gold(stem: str) -> tuple[str, dict]:
    return (DIR / f"{stem}.txt").read_text(encoding="utf-8"), json.loads((DIR / f"{stem}.json").read_text(encoding="utf-8"))


def _locate(text: str, item: dict) -> tuple[int, int]:
    pos = -1
    for _ in range(item.get("occurrence", 1)):
        pos = text.index(item["text"], pos + 1)
    return pos, pos + len(item["text"])


@pytest.fixture(scope="module")
def audited(audit_text):
    out = {}
    for stem in CASES:
        text, gold = _gold(stem)
        out[stem] = (text, gold, audit_text(text, published=date.fromisoformat(gold["published"])))
    return out


def _score(audited):
    gold_n = found = strict = value_ok = sys_n = sys_hit = 0
    for text, gold, d in audited.values():
        spans = [(_locate(text, g), g) for g in gold["times"]]
        required = [(s, g) for s, g in spans if not g.get("optional")]
        gold_n += len(required)
        for (a, b), g in required:
            hits = [t for t in d.times if t.start < b and a < t.end]
            if hits:
                found += 1
                strict += any((t.start, t.end) == (a, b) for t in hits)
                value_ok += any(t.value == g["value"] and t.type == g["type"] for t in hits)
        for t in d.times:
            sys_n += 1
            sys_hit += any(t.start < b and a < t.end for (a, b), _g in spans)
    return found / gold_n, strict / gold_n, (sys_hit / sys_n if sys_n else 1.0), value_ok / gold_n


def test_times_fixtures_gold_is_well_formed():
    assert len(CASES) >= 3
    n = 0
    for stem in CASES:
        text, gold = _gold(stem)
        date.fromisoformat(gold["published"])
        for g in gold["times"]:
            a, b = _locate(text, g)
            assert text[a:b] == g["text"] and g["type"] in ("DATE", "TIME", "DURATION", "SET")
            n += 1
    assert n >= 45


def test_times_fixtures_quality_floors(audited):
    recall, strict, precision, value = _score(audited)
    print(f"times fixtures: recall {recall:.3f} strict {strict:.3f} precision {precision:.3f} value {value:.3f}")
    assert recall >= FLOOR_RECALL
    assert strict >= FLOOR_STRICT
    assert precision >= FLOOR_PRECISION
    assert value >= FLOOR_VALUE


@pytest.mark.parametrize("stem", CASES)
def test_times_fixtures_problems(audited, stem):
    text, gold, d = audited[stem]
    got = sorted((p.kind, p.text) for p in d.problems if p.layer == "times")
    assert got == sorted((p["kind"], p["text"]) for p in gold["problems"])


@pytest.mark.parametrize("stem", CASES)
def test_times_fixtures_offsets(audited, stem):
    _text, _gold, d = audited[stem]
    for t in d.times:
        assert d.text[t.start:t.end] == t.text
    for item in d.timeline:
        assert d.text[item.sentence_start:item.sentence_end] == item.sentence
        assert d.times[item.time].value == item.value


def test_times_fixtures_gate_can_fail(audited):
    """The scorer really counts: dropping every time expression fails the floors."""
    emptied = {k: (t, g, d.model_copy(update={"times": []})) for k, (t, g, d) in audited.items()}
    recall, strict, _precision, value = _score(emptied)
    assert recall < FLOOR_RECALL and strict < FLOOR_STRICT and value < FLOOR_VALUE
