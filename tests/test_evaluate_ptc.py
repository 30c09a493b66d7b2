"""The PTC scorer ports (SI partial-overlap F1, TC micro-F1) and the corpus reader."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import BENCH, require
from newsaudit.errors import DataNotFoundError
from newsaudit.evaluate import ptc

SCORER = BENCH / "ptc-train" / "scorer" / "data"


@pytest.mark.parametrize("spans,merged", [
    ([(0, 10), (5, 20)], [(0, 20)]),
    ([(0, 10), (10, 20)], [(0, 10), (10, 20)]),  # touching spans share no character
    ([(5, 8), (0, 3), (2, 6)], [(0, 8)]),
    ([(3, 3), (0, 2)], [(0, 2)]),  # empty spans dropped
    ([], []),
])
def test_evaluate_ptc_merge_overlapping(spans, merged):
    assert ptc.merge_overlapping(spans) == merged


@pytest.mark.parametrize("pred,gold,p,r", [
    ({"1": [(0, 10)]}, {"1": [(0, 10)]}, 1.0, 1.0),
    ({"1": [(0, 10)]}, {"1": [(0, 20)]}, 1.0, 0.5),
    ({"1": [(0, 20)]}, {"1": [(0, 5), (10, 15)]}, 0.5, 1.0),  # precision sums over the gold spans a prediction covers
    ({"1": [(30, 40)]}, {"1": [(0, 10)]}, 0.0, 0.0),
    ({"1": []}, {"1": [(0, 10)], "2": [(0, 4)]}, 0.0, 0.0),
])
def test_evaluate_ptc_si_score_cases(pred, gold, p, r):
    res = ptc.si_score(pred, gold)
    assert res["precision"] == pytest.approx(p)
    assert res["recall"] == pytest.approx(r)


def test_evaluate_ptc_si_score_empty_both_is_one():
    assert ptc.si_score({"1": []}, {"1": []})["f1"] == 1.0


@pytest.mark.parametrize("pred_labels,expected", [
    (["A", "B", "C"], 1.0),
    (["B", "A", "C"], 1.0),  # labels on an identical span are aligned before scoring
    (["A", "A", "C"], 2 / 3),
    (["X", "X", "X"], 0.0),
])
def test_evaluate_ptc_tc_score_alignment(pred_labels, expected):
    gold = {"1": [("A", 0, 5), ("B", 0, 5), ("C", 10, 12)]}
    spans = [(0, 5), (0, 5), (10, 12)]
    pred = {"1": [(lab, s, e) for lab, (s, e) in zip(pred_labels, spans)]}
    assert ptc.tc_score(pred, gold)["f1"] == pytest.approx(expected)


def test_evaluate_ptc_tc_score_rejects_other_spans():
    with pytest.raises(ValueError):
        ptc.tc_score({"1": [("A", 0, 4)]}, {"1": [("A", 0, 5)]})


@pytest.mark.parametrize("aid,held", [("111111115", True), ("111111110", True), ("111111112", False), ("x", False)])
def test_evaluate_ptc_heldout_rule(aid, held):
    assert ptc.is_heldout(aid) is held
    assert ptc.in_split(aid, "train") is (not held)
    assert ptc.in_split(aid, "all")


def _read(path, cols):
    out = {}
    for line in path.read_text().splitlines():
        c = line.split("\t")
        out.setdefault(c[0], []).append((int(c[1]), int(c[2])) if cols == 3 else (c[1], int(c[2]), int(c[3])))
    return out


@pytest.mark.benchmark_data
def test_evaluate_ptc_si_matches_official_example():
    """The scorer README: Precision=1.929825/2, Recall=1.947458/4, F1=0.647181 (task-SI_scorer.py -m)."""
    d = require(SCORER)
    res = ptc.si_score(_read(d / "submission-task-SI.tsv", 3), _read(d / "article736757214.task-SI.labels", 3))
    assert res["f1"] == pytest.approx(0.647181, abs=1e-6)
    assert res["precision"] == pytest.approx(0.964912, abs=1e-6)
    assert res["recall"] == pytest.approx(0.486864, abs=1e-6)


@pytest.mark.benchmark_data
def test_evaluate_ptc_tc_matches_official_example():
    """The scorer README: F1=0.600000 for submission-task-TC.tsv (task-TC_scorer.py)."""
    d = require(SCORER)
    res = ptc.tc_score(_read(d / "submission-task-TC.tsv", 4), _read(d / "article736757214.labels-task-TC", 4))
    assert res["f1"] == pytest.approx(0.6)
    assert res["per_technique"]["Loaded_Language"] == pytest.approx(2 / 3)


def test_evaluate_ptc_load_corpus(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "l").mkdir()
    (tmp_path / "a" / "article15.txt").write_text("Title\n\nThey are thugs.\n")
    (tmp_path / "a" / "article7.txt").write_text("Nothing.\n")
    (tmp_path / "l" / "article15.task2-TC.labels").write_text("15\tName_Calling,Labeling\t16\t21\n")
    (tmp_path / "l" / "article7.task2-TC.labels").write_text("")
    arts = ptc.load_corpus(tmp_path / "a", tmp_path / "l")
    assert [a.id for a in arts] == ["7", "15"]
    assert arts[1].spans == [("Name_Calling,Labeling", 16, 21)]
    assert arts[1].text[16:21] == "thugs"
    assert [a.id for a in ptc.load_corpus(tmp_path / "a", tmp_path / "l", split="heldout")] == ["15"]
    assert [a.id for a in ptc.load_corpus(tmp_path / "a", tmp_path / "l", split="train")] == ["7"]


@pytest.mark.parametrize("make", ["no_articles_dir", "no_labels", "bad_row"])
def test_evaluate_ptc_load_corpus_errors(tmp_path, make):
    (tmp_path / "a").mkdir()
    (tmp_path / "l").mkdir()
    (tmp_path / "a" / "article1.txt").write_text("x")
    if make == "no_articles_dir":
        adir = tmp_path / "missing"
    else:
        adir = tmp_path / "a"
    if make == "bad_row":
        (tmp_path / "l" / "article1.task2-TC.labels").write_text("1\tA\tzero\t3\n")
    with pytest.raises(DataNotFoundError):
        ptc.load_corpus(adir, tmp_path / "l")


def test_evaluate_ptc_command_json(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "l").mkdir()
    text = "Police thugs raided the village.\nWhy did nobody stop them?\n"
    (tmp_path / "a" / "article5.txt").write_text(text)
    s = text.index("thugs")
    (tmp_path / "l" / "article5.task2-TC.labels").write_text(f"5\tName_Calling,Labeling\t{s - 7}\t{s + 5}\n")
    res = CliRunner().invoke(ptc.command, [str(tmp_path / "a"), str(tmp_path / "l"), "--json",
                                           "--write-predictions", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["articles"] == 1 and out["split"] == "heldout"
    assert 0.0 <= out["si"]["f1"] <= 1.0
    assert out["tc"]["spans"] == 1
    assert (tmp_path / "out" / "submission-SI.tsv").exists()
    assert (tmp_path / "out" / "submission-TC.tsv").read_text().startswith("5\t")
