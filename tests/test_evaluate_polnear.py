"""PolNeAr scorer: brat parsing, token overlap, P/R/F1, the CLI — on small invented data (no corpus needed)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsaudit.errors import DataNotFoundError
from newsaudit.evaluate.polnear import Pred, Tokens, command, score
from newsaudit.evaluate.polnear_data import GoldAttribution, GoldDoc, GoldSpan, load_dir, parse_ann

TEXT = "Mayor Lund said the bridge is safe. “It will open in May,” she added.\n"
ANN = """T1\tSource 0 10\tMayor Lund
T2\tCue 11 15\tsaid
T3\tContent 16 34\tthe bridge is safe
T4\tAttribution 11 15\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tContent 36 57;58 59\t“It will open in May,” x
T6\tSource 60 63\tshe
T7\tCue 64 69\tadded
E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6
T9\tDiscard 0 5\tMayor
"""


def gold():
    spans, atts = parse_ann(ANN)
    return GoldDoc("t", TEXT, spans, atts)


def test_evaluate_polnear_parse_ann_labels_and_fragments():
    spans, atts = parse_ann(ANN)
    assert sorted(s.label for s in spans) == ["Content", "Content", "Cue", "Cue", "Source", "Source"]
    frag = next(s for s in spans if len(s.frags) == 2)
    assert frag.frags == [(36, 57), (58, 59)] and frag.start == 36 and frag.end == 59
    assert len(atts) == 2 and atts[0].source is not None and atts[1].cue.label == "Cue"


@pytest.mark.parametrize("frags,expected", [([(0, 10)], 2), ([(0, 3)], 1), ([(5, 6)], 0), ([], 0), ([(33, 35)], 2)])
def test_evaluate_polnear_tokens_of(frags, expected):
    # "Mayor", "Lund" / partial word counts / a space alone touches nothing / "." + "“"
    assert len(Tokens(TEXT).of(frags)) == expected


def test_evaluate_polnear_perfect_prediction_scores_one():
    g = gold()
    preds = [Pred([(0, 10)], [(11, 15)], [(16, 34)]), Pred([(60, 63)], [(64, 69)], [(36, 57)])]
    res = score([(g, preds)])
    for key in ("Source/overlap", "Cue/overlap", "Content/overlap", "Attribution/overlap", "Source/exact", "Cue/exact"):
        assert res[key]["f1"] == 1.0, key


def test_evaluate_polnear_overlap_but_not_exact():
    g = gold()
    preds = [Pred([(6, 10)], [(11, 15)], [(20, 26)])]  # "Lund" / said / "bridge"
    res = score([(g, preds)])
    assert res["Source/overlap"]["precision"] == 1.0 and res["Source/exact"]["precision"] == 0.0
    assert res["Source/overlap"]["recall"] == 0.5
    assert res["Attribution/overlap"]["precision"] == 1.0 and res["Attribution/overlap"]["recall"] == 0.5


@pytest.mark.parametrize("pred", [
    Pred([(60, 63)], [(11, 15)], [(16, 34)]),  # wrong source for the cue and content
    Pred(None, [(64, 69)], [(16, 34)]),  # content of another attribution
    Pred([(0, 10)], None, [(16, 34)]),  # no cue
])
def test_evaluate_polnear_attribution_needs_all_three(pred):
    assert score([(gold(), [pred])])["Attribution/overlap"]["precision"] == 0.0


def test_evaluate_polnear_empty_prediction():
    res = score([(gold(), [])])
    assert res["Cue/overlap"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "predicted": 0, "gold": 2}


def test_evaluate_polnear_missing_dir_raises(tmp_path):
    with pytest.raises(DataNotFoundError):
        load_dir(tmp_path)
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    with pytest.raises(DataNotFoundError):
        load_dir(tmp_path)


def _corpus(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc1_ab12.ann").write_text(ANN, encoding="utf-8")
    return tmp_path


def test_evaluate_polnear_cli_json_and_table(tmp_path):
    d = _corpus(tmp_path)
    r = CliRunner().invoke(command, [str(d), "--json"])
    assert r.exit_code == 0, r.output
    res = json.loads(r.output)
    assert res["_meta"]["documents"] == 1
    assert res["Cue/overlap"]["gold"] == 2 and res["Cue/overlap"]["recall"] == 1.0
    r = CliRunner().invoke(command, [str(d)])
    assert r.exit_code == 0 and "Content/overlap" in r.output


def test_evaluate_polnear_attribution_object():
    a = GoldAttribution(None, GoldSpan("Cue", [(1, 2)]), None)
    assert a.source is None


def test_evaluate_polnear_agreement_between_annotators(tmp_path):
    """Two annotators of one text: identical attributions agree fully; one that drops the second
    attribution loses recall in one direction and precision in the other."""
    from newsaudit.evaluate.polnear import agreement

    d = _corpus(tmp_path)
    (d / "attributions" / "doc1_cd34.ann").write_text(ANN, encoding="utf-8")
    res = agreement(d)
    assert res["_meta"]["texts"] == 1 and res["_meta"]["documents"] == 2
    assert res["Cue/overlap"]["f1"] == 1.0 and res["Source/exact"]["f1"] == 1.0
    first_only = "\n".join(ANN.splitlines()[:5]) + "\n"
    (d / "attributions" / "doc1_cd34.ann").write_text(first_only, encoding="utf-8")
    res = agreement(d)
    # pooled over both directions: 2 of 3 cues matched each way
    assert res["Cue/overlap"]["precision"] == 0.6667 and res["Cue/overlap"]["recall"] == 0.6667


def test_evaluate_polnear_agreement_cli(tmp_path):
    d = _corpus(tmp_path)
    (d / "attributions" / "doc1_cd34.ann").write_text(ANN, encoding="utf-8")
    out = CliRunner().invoke(command, [str(d), "--agreement", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["Cue/overlap"]["f1"] == 1.0
