"""The rhetoric layer as a whole: contract, offsets, body ranges, hand-made gold, models."""
from __future__ import annotations

import json

import pytest

from conftest import FIXTURES
from newsaudit.analyze import load_layer
from newsaudit.analyze.rhetoric import span_model as pm
from newsaudit.analyze.rhetoric import findings as rhetoric
from newsaudit.analyze.base import Article, freeze

FIX = FIXTURES / "rhetoric"


def _analyse(nlp, text, ranges=None, found=None):
    art = Article(text=text, body_ranges=tuple(ranges if ranges is not None else [(0, len(text))]))
    return rhetoric.analyse(art, nlp(text), freeze(dict(found or {})))


def test_rhetoric_layer_contract():
    assert load_layer('rhetoric').NAME == "rhetoric"
    assert set(load_layer('rhetoric').PROVIDES) == {"rhetoric", "problems"}
    assert load_layer('rhetoric').NEEDS_DOC is True


@pytest.mark.parametrize("text", ["", "   \n\n ", "?!", "“", "Why?", "!!!\n???", "a" * 50])
def test_rhetoric_layer_odd_input_does_not_raise(nlp, text):
    out = _analyse(nlp, text)
    assert set(out) == {"rhetoric", "problems"}
    for r in out["rhetoric"]:
        assert text[r.start:r.end] == r.text


def test_rhetoric_layer_no_doc():
    assert rhetoric.analyse(Article(text="Why not?"), None, freeze({})) == {"rhetoric": [], "problems": []}


def test_rhetoric_layer_fixture_gold(nlp):
    text = (FIX / "oped_harbour.txt").read_text()
    gold = json.loads((FIX / "oped_harbour.gold.json").read_text())["items"]
    out = _analyse(nlp, text)["rhetoric"]
    for r in out:
        assert text[r.start:r.end] == r.text
        assert 0.0 <= r.score <= 1.0 and r.reason
        assert r.technique in rhetoric.TECHNIQUES + rhetoric.DEVICES
    missed = []
    for item in gold:
        s = text.index(item["text"])
        e = s + len(item["text"])
        ok = {item["technique"], *item.get("alt", [])}
        if not any(r.technique in ok and r.start < e and s < r.end for r in out):
            missed.append(item)
    assert not missed


def test_rhetoric_layer_neutral_report_has_no_devices(nlp):
    text = (FIX / "neutral_report.txt").read_text()
    out = _analyse(nlp, text)["rhetoric"]
    devices = [r for r in out if r.technique in rhetoric.DEVICES]
    assert devices == []  # the only question is a quote


def test_rhetoric_layer_respects_body_ranges(nlp):
    text = "The mayor spoke at noon. Why did the mayor lie?\n\nRelated posts: Why did the mayor lie again?\n"
    cut = text.index("Related")
    out = _analyse(nlp, text, ranges=[(0, cut)])["rhetoric"]
    assert out and all(r.end <= cut for r in out)


def test_rhetoric_layer_skips_structure_headings(nlp):
    from newsaudit.dossier import Heading, Structure

    text = "Facts first\n\nWhy did the ferry sink?\n\nThe ferry sank in a storm. Why did nobody check the hull?\n"
    hs = text.index("Why did the ferry")
    he = hs + len("Why did the ferry sink?")
    structure = Structure(headings=[Heading(start=hs, end=he, text=text[hs:he], is_question=True)])
    out = _analyse(nlp, text, found={"structure": structure})["rhetoric"]
    qs = [r.text for r in out if r.technique == "Rhetorical_Question"]
    assert qs == ["Why did nobody check the hull?"]


def test_rhetoric_layer_does_not_mutate(nlp):
    text = (FIX / "oped_harbour.txt").read_text()
    doc = nlp(text)
    before = [(t.text, t.tag_, t.ent_type_) for t in doc]
    found = {"problems": []}
    rhetoric.analyse(Article(text=text, body_ranges=((0, len(text)),)), doc, freeze(found))
    assert [(t.text, t.tag_, t.ent_type_) for t in doc] == before
    assert found == {"problems": []}


def test_rhetoric_layer_is_sorted_and_deduplicated(nlp):
    text = (FIX / "oped_harbour.txt").read_text()
    out = _analyse(nlp, text)["rhetoric"]
    keys = [(r.start, r.end, r.technique) for r in out]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


@pytest.mark.skipif(not pm.model_available(), reason="rhetoric models not built")
def test_rhetoric_layer_models_load_and_explain(nlp):
    text = ("The corrupt regime and its puppets must be stopped before they destroy our great nation forever. "
            "These traitors have betrayed every patriot, and the so-called experts lie again and again.")
    doc = nlp(text)
    probs = pm.token_scores(doc)
    assert len(probs) == len(doc) and all(0.0 <= p <= 1.0 for p in probs)
    tech, p, top = pm.classify_span(doc, text.index("traitors"), text.index("traitors") + len("traitors"))
    assert tech in rhetoric.TECHNIQUES and 0.0 < p <= 1.0 and top
    out = _analyse(nlp, text)["rhetoric"]
    assert any(r.reason.startswith("model") for r in out)


@pytest.mark.skipif(not pm.model_available(), reason="rhetoric models not built")
def test_rhetoric_layer_model_size_budget():
    total = sum(p.stat().st_size for p in pm.MODELS.glob("rhetoric*"))
    assert total <= 25 * 1024 * 1024


def test_rhetoric_layer_reasons_are_for_a_reader(nlp):
    text = ("The corrupt regime and its puppets must be stopped before they destroy our great nation forever. "
            "These traitors have betrayed every patriot, and the so-called experts lie again and again. "
            "Why would anyone believe them?")
    out = _analyse(nlp, text)["rhetoric"]
    assert out
    for r in out:
        assert "mark propaganda" not in r.reason and "p=" not in r.reason and not any(
            tag in r.reason for tag in ("u:", "lem:", "bi:", "pos "))