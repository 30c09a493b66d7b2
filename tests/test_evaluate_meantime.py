"""``newsaudit evaluate meantime``: reader, metrics, CLI and the quality gate on MEANTIME."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import BENCH, require
from newsaudit.errors import DataNotFoundError
from newsaudit.evaluate import meantime as MT

MINI = Path(__file__).resolve().parent / "fixtures" / "entities" / "meantime_mini"
CORPORA = ("corpus_airbus", "corpus_apple", "corpus_gm")


@pytest.mark.parametrize("tokens,want", [
    ([(0, 0, "Hello"), (0, 1, ","), (0, 2, "world"), (0, 3, ".")], "Hello, world."),
    ([(0, 0, "A"), (1, 1, "B")], "A\nB"),
    ([(0, 0, "Apple"), (0, 1, "'s"), (0, 2, "($"), (0, 3, "5")], "Apple's ($ 5"),
    ([(0, 0, "he"), (0, 1, "said"), (0, 2, '"'), (0, 3, "yes"), (0, 4, '"'), (0, 5, ".")], 'he said "yes".'),
    ([(0, 0, "costs"), (0, 1, "$"), (0, 2, "15bn")], "costs $15bn"),
])
def test_evaluate_meantime_rebuild_text(tokens, want):
    text, spans = MT.rebuild_text(tokens)
    assert text == want
    for s, n, tok in tokens:
        a, b = spans[n]
        assert text[a:b] == tok


def test_evaluate_meantime_reads_gold():
    doc = MT.read_doc(MINI / "1_invented.xml")
    got = {(doc.text[m.start:m.end], m.type, m.instance, m.name) for m in doc.mentions}
    assert ("Helga Marsden", "PER", "PER1", True) in got
    assert ("the company", "ORG", "ORG1", False) in got
    assert ("Toyota", "ORG", "ORG2", False) in got


@pytest.mark.parametrize("pred,exact_f1,overlap_f1", [
    ([], 0.0, 0.0),
    ([(0, 5, "ORG", "E1")], 1.0, 1.0),
    ([(0, 3, "ORG", "E1")], 0.0, 1.0),
    ([(0, 5, "PERSON", "E1")], 0.0, 0.0),
    ([(0, 5, "ORG", "E1"), (20, 25, "ORG", "E2")], 0.6667, 0.6667),
])
def test_evaluate_meantime_mention_scores(pred, exact_f1, overlap_f1):
    gold = MT.GoldDoc(name="x", text="Alpha and Beta went home.", mentions=[MT.GoldMention(0, 5, "ORG", "I1", True)])
    s = MT.score_mentions([(gold, pred)])
    assert s["exact"]["ORG"]["f1"] == pytest.approx(exact_f1, abs=1e-3)
    assert s["overlap"]["ORG"]["f1"] == pytest.approx(overlap_f1, abs=1e-3)


@pytest.mark.parametrize("ids,f1", [
    (["E1", "E1", "E2"], 1.0),       # perfect grouping
    (["E1", "E2", "E3"], 0.8),       # split: P 1, R (1/2+1/2+1)/3
    (["E1", "E1", "E1"], 0.7143),    # merged: P (2/3+2/3+1/3)/3 = 5/9, R 1
    ([None, None, "E2"], 0.8),       # ambiguous mentions are singletons
])
def test_evaluate_meantime_bcubed(ids, f1):
    gm = [MT.GoldMention(0, 2, "PER", "A", True), MT.GoldMention(3, 5, "PER", "A", True), MT.GoldMention(6, 8, "ORG", "B", True)]
    gold = MT.GoldDoc(name="x", text="x" * 10, mentions=gm)
    pred = [(m.start, m.end, "PERSON", i) for m, i in zip(gm, ids)]
    assert MT.bcubed([(gold, pred)])["f1"] == pytest.approx(f1, abs=1e-3)


def test_evaluate_meantime_cli_json_on_mini():
    res = CliRunner().invoke(MT.command, [str(MINI), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["documents"] == 1
    assert data["mentions"]["overlap"]["PER"]["r"] == 1.0
    assert data["bcubed"]["f1"] > 0.9


def test_evaluate_meantime_cli_table_on_mini():
    res = CliRunner().invoke(MT.command, [str(MINI)])
    assert res.exit_code == 0, res.output
    assert "B-cubed" in res.output and "PERSON→PER" in res.output


@pytest.mark.parametrize("make", ["missing", "empty", "not_xml"])
def test_evaluate_meantime_bad_dir(tmp_path, make):
    d = tmp_path / "d"
    if make != "missing":
        d.mkdir()
    if make == "not_xml":
        (d / "a.xml").write_text("<Document><token", encoding="utf-8")
    with pytest.raises(DataNotFoundError):
        MT.load_dir(d)


def test_evaluate_meantime_gate():
    """Quality floors on the three MEANTIME corpora (pinned at the measured values; may only rise)."""
    dirs = [require(BENCH / "meantime" / c) for c in CORPORA]
    res = MT.run(dirs)
    m = res["mentions"]
    assert res["documents"] == 90
    assert m["overlap"]["UNTYPED"]["r"] >= 0.8916
    assert m["overlap"]["UNTYPED"]["p"] >= 0.5713
    assert m["overlap"]["ALL"]["f1"] >= 0.5974
    assert m["overlap"]["PER"]["r"] >= 0.828
    assert m["overlap"]["ORG"]["f1"] >= 0.6582
    assert m["overlap"]["LOC"]["f1"] >= 0.4827
    assert m["overlap"]["PRO"]["f1"] >= 0.6355
    assert m["exact"]["ALL"]["f1"] >= 0.4421
    assert res["bcubed"]["f1"] >= 0.9003
