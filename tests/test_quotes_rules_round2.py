"""Attribution rules added in round 2: interrupting reporting clauses, ``as X reported``, ``call for X to``,
coordinated reports, aspectual verbs and bare ``when asked`` participles, noun cues, relays as PolNeAr predictions."""
from __future__ import annotations

import pytest

from newsaudit.analyze.base import Article
from newsaudit.analyze.quotes import analyse


def run(nlp, text):
    art = Article(text=text, body_ranges=((0, len(text)),))
    return analyse(art, nlp(text), {"entities": [], "mentions": []})


def by_cue(out, cue_text):
    return [q for q in out["quotes"] if q.cue is not None and cue_text in q.cue.text.split()]


@pytest.mark.parametrize("text,cue,speaker,content_has", [
    ("This harvest, he says, is the worst in memory.", "says", "he", "is the worst in memory"),
    ("The mayor is calling for the council to resign before the vote.", "calling", "The mayor", "the council to resign"),
    ("Ada Brenner said the ferry was late, but Ada Brenner did not say why.", "said", "Ada Brenner", "the ferry was late"),
])
def test_quotes_round2_finds_attribution(nlp, text, cue, speaker, content_has):
    out = run(nlp, text)
    hits = by_cue(out, cue)
    assert hits, [(q.cue and q.cue.text, q.content.text) for q in out["quotes"]]
    q = hits[0]
    assert q.speaker is not None and q.speaker.text == speaker
    assert content_has in q.content.text
    assert q.content.text == text[q.content.start:q.content.end]


@pytest.mark.parametrize("text,cue", [
    ("Hiring continues to grow in the coastal towns.", "continues"),
    ("When asked about the ferry, the harbour master smiled and walked away.", "asked"),
    ("Asked about the ferry, the harbour master smiled and walked away.", "Asked"),
])
def test_quotes_round2_no_attribution(nlp, text, cue):
    assert not by_cue(run(nlp, text), cue)


def test_quotes_round2_as_reported_is_relay(nlp):
    text = "As the Valdoran Courier reported, the dam operators had ignored three warnings."
    out = run(nlp, text)
    hits = [q for q in out["quotes"] if q.cue and q.cue.text == "reported"]
    vias = [v for q in out["quotes"] for v in q.via if v.cue is not None and v.cue.text == "reported"]
    assert hits or vias
    if hits:
        assert "operators had ignored" in hits[0].content.text


@pytest.mark.parametrize("line,is_speech", [
    ("Editor’s Note: The following is an excerpt from a forthcoming book.", False),
    ("Editor's note: The following is an excerpt from a forthcoming book.", False),
    ("MORALES: We will not sign this treaty today.", True),
])
def test_quotes_round2_colon_line(nlp, line, is_speech):
    text = "Intro paragraph about the harbour.\n\n" + line
    out = run(nlp, text)
    assert bool(by_cue(out, ":")) is is_speech


def test_quotes_round2_via_preds_for_polnear(nlp):
    from newsaudit.evaluate.polnear import predict_text

    text = "Ada Brenner said the ferry was late, the Valdoran Courier reported on Monday."
    preds = predict_text(text, nlp(text))
    cues = {text[p.cue[0][0]:p.cue[0][1]] for p in preds if p.cue}
    assert "said" in cues
    for p in preds:
        for a, b in (p.source or []) + (p.cue or []) + (p.content or []):
            assert 0 <= a < b <= len(text)
