"""``newsaudit evaluate checkworthy``: metric functions, split, CLI, and the quality gate on CheckThat! 2020 Task 5."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import BENCH, require
from newsaudit.analyze.claims import checkworthy as cw
from newsaudit.errors import DataNotFoundError
from newsaudit.evaluate import checkworthy as ev

TASK5 = BENCH / "checkworthy" / "clef2020-task5" / "train.tsv"

# measured on the held-out blocks (block index mod 5 == 4) with the shipped model
FLOOR_AP = 0.082
FLOOR_F1 = 0.128


@pytest.mark.parametrize("labels,scores,ap", [
    ([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1], (1 + 2 / 3) / 2),
    ([0, 1], [0.9, 0.1], 0.5),
    ([1, 1], [0.2, 0.1], 1.0),
    ([0, 0], [0.2, 0.1], 0.0),
])
def test_evaluate_checkworthy_average_precision(labels, scores, ap):
    assert ev.average_precision(labels, scores) == pytest.approx(ap)


def test_evaluate_checkworthy_average_precision_matches_sklearn():
    from sklearn.metrics import average_precision_score

    labels = [1, 0, 0, 1, 0, 1, 0, 0]
    scores = [0.3, 0.9, 0.2, 0.8, 0.5, 0.4, 0.1, 0.05]
    assert ev.average_precision(labels, scores) == pytest.approx(average_precision_score(labels, scores))


@pytest.mark.parametrize("labels,pred,p,r,f", [
    ([1, 1, 0, 0], [1, 0, 1, 0], 0.5, 0.5, 0.5),
    ([1, 0], [0, 0], 0.0, 0.0, 0.0),
    ([1, 0], [1, 0], 1.0, 1.0, 1.0),
])
def test_evaluate_checkworthy_prf(labels, pred, p, r, f):
    m = ev.prf(labels, pred)
    assert (m["precision"], m["recall"], m["f1"]) == pytest.approx((p, r, f))


def test_evaluate_checkworthy_split_is_fixed_blocks():
    assert cw.split_of(0) == "train" and cw.split_of(2999) == "train"
    assert cw.split_of(3000) == "dev" and cw.split_of(4000) == "test" and cw.split_of(5000) == "train"
    assert cw.split_of(9999) == "test"


def test_evaluate_checkworthy_hand_features():
    f = dict(zip(cw.FEATURE_NAMES, cw.hand_features("Unemployment fell by 3 percent in 2015, officials said?")))
    assert f["number"] == 1 and f["pct_money"] == 1 and f["year"] == 1 and f["reporting"] == 1 and f["question"] == 1
    g = dict(zip(cw.FEATURE_NAMES, cw.hand_features("Thank you.")))
    assert g["number"] == 0 and g["short"] == 1


def test_evaluate_checkworthy_cli_on_small_file(tmp_path):
    p = tmp_path / "t.tsv"
    p.write_text("text\tlabel\nUnemployment fell by 3 percent in 2015.\t1\nThank you very much.\t0\n"
                 "Good evening and welcome.\t0\nWe cut taxes for 5 million families in 2012.\t1\n", encoding="utf-8")
    r = CliRunner().invoke(ev.command, [str(p), "--split", "all", "--json"])
    assert r.exit_code == 0, r.output
    m = json.loads(r.output)
    assert m["n"] == 4 and m["positives"] == 2
    assert 0 <= m["average_precision"] <= 1 and {"precision", "recall", "f1"} <= set(m)
    r = CliRunner().invoke(ev.command, [str(p), "--split", "all"])
    assert r.exit_code == 0 and "average precision" in r.output


@pytest.mark.parametrize("content", [None, "no header here\n", "a\tb\tc\n"])
def test_evaluate_checkworthy_bad_file(tmp_path, content):
    p = tmp_path / "bad.tsv"
    if content is not None:
        p.write_text(content, encoding="utf-8")
    with pytest.raises(DataNotFoundError):
        ev.evaluate_file(p, split="all")


def test_evaluate_checkworthy_model_size():
    assert cw.MODEL_PATH.exists() and cw.MODEL_PATH.stat().st_size <= 25 * 1024 * 1024
    assert (cw.MODEL_PATH.parent / "MODEL_CARD.md").exists()


@pytest.mark.benchmark_data
def test_evaluate_checkworthy_gate_on_held_out_blocks():
    m = ev.evaluate_file(require(TASK5), split="test")
    assert m["n"] == 8000
    assert m["average_precision"] >= FLOOR_AP, m
    assert m["f1"] >= FLOOR_F1, m


@pytest.mark.benchmark_data
def test_evaluate_checkworthy_gate_can_fail():
    """A model that ranks at random scores far below the floor on the same data."""
    import random

    rows = [r for i, r in enumerate(cw.read_tsv(require(TASK5))) if cw.split_of(i) == "test"]
    rnd = random.Random(0)
    m = ev.metrics([y for _, y in rows], [rnd.random() for _ in rows], 0.5)
    assert m["average_precision"] < FLOOR_AP


def test_evaluate_checkworthy_export_reproduces_sklearn(tmp_path):
    """The plain-data model scored in pure Python gives scikit-learn's probabilities."""
    import gzip

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = ["Unemployment fell by 3 percent in 2015.", "Thank you very much.", "We cut taxes for 5 million families.",
             "Good evening and welcome.", "Crime rose 20 percent last year.", "Let's talk about that.",
             "The deficit doubled under his watch.", "I love this country."] * 2
    labels = [1, 0, 1, 0, 1, 0, 1, 0] * 2
    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit(texts)
    bundle = {"word": word, "hand_weight": 1.0}
    clf = LogisticRegression(C=1.0, solver="liblinear").fit(cw.build_matrix(bundle, texts), labels)
    bundle.update(clf=clf, threshold=0.5)
    path = tmp_path / "m.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(cw.export(bundle), fh)
    probe = ["Taxes fell by 5 percent.", "Welcome back!", "Unseen words only here", ""]
    ours = cw.score_texts(probe, cw.load_model(path))
    ref = clf.predict_proba(cw.build_matrix(bundle, probe))[:, 1]
    assert ours == pytest.approx(list(ref), abs=1e-4)


def test_evaluate_checkworthy_missing_or_bad_model(tmp_path):
    assert cw.load_model(tmp_path / "none.json.gz") is None
    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(b"not gzip")
    assert cw.load_model(bad) is None
