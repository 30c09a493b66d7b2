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
    ("Told of the ruling, the harbour master smiled and walked away.", "Told"),
    ("A ferry called the Osprey docked late.", "called"),
    ("Ms. Varga called her brother after the vote.", "called"),
])
def test_quotes_round2_no_attribution(nlp, text, cue):
    assert not by_cue(run(nlp, text), cue)


@pytest.mark.parametrize("text,cue,content,addressee", [
    ("When asked about the ferry, the harbour master smiled and walked away.", "asked", "the ferry", "the harbour master"),
    ("Asked whether she would run again, Lena Ortiz said she had not decided.", "Asked", "whether she would run again",
     "Lena Ortiz"),
])
def test_quotes_round2_question_with_unnamed_asker(nlp, text, cue, content, addressee):
    """A bare ``asked`` reports a question; the one asked is the addressee, never the speaker."""
    hits = by_cue(run(nlp, text), cue)
    assert len(hits) == 1
    q = hits[0]
    assert q.speaker is None and "asker_unnamed" in q.flags
    assert q.content.text == content
    assert q.addressee is not None and q.addressee.text == addressee


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


@pytest.mark.parametrize("text,cue,speaker,content_has", [
    # attitude adjectives: the subject holds the stance
    ("Many harbour workers are skeptical of the new ferry schedule.", "skeptical", "Many harbour workers",
     "the new ferry schedule"),
    ("Lena Ortiz was adamant that the dam would hold.", "adamant", "Lena Ortiz", "the dam would hold"),
    ("Some council members were worried about the cost of the bridge.", "worried", "Some council members",
     "the cost of the bridge"),
    # light verb + stance noun
    ("Fishermen made the claim that the quota was unfair.", "claim", "Fishermen", "the quota was unfair"),
    # a pronoun owns the stance noun
    ("Their opposition to the toll increase has hardened.", "opposition", "Their", "the toll increase"),
    # a poll as the source of the clause it frames
    ("Ortiz leads Brandt by six points in the latest Harbour Gazette poll.", "in",
     "the latest Harbour Gazette poll", "Ortiz leads Brandt by six points"),
])
def test_quotes_round2_stance_and_evidence_cues(nlp, text, cue, speaker, content_has):
    hits = by_cue(run(nlp, text), cue)
    assert hits, [(q.cue and q.cue.text, q.content.text) for q in run(nlp, text)["quotes"]]
    q = hits[0]
    assert q.speaker is not None and q.speaker.text == speaker
    assert content_has in q.content.text


@pytest.mark.parametrize("text,cue", [
    ("The weather was sure to improve by the weekend.", "sure"),         # no holder of a stance
    ("It is unclear whether the ferry will sail.", "unclear"),           # expletive subject
    ("In the harbour, the fishermen mended their nets.", "In"),          # "in" without a poll or survey
    ("The company made questions a part of every interview.", "questions"),  # no content for the noun
])
def test_quotes_round2_stance_cue_negatives(nlp, text, cue):
    assert not by_cue(run(nlp, text), cue)


@pytest.mark.parametrize("text,cue,speaker,content", [
    # a that-clause the parser hung on a later noun
    ("Mayor Ortiz predicted at the council meeting that the bridge would open in May.", "predicted", "Mayor Ortiz",
     "that the bridge would open in May"),
    # a closing reporting clause with no clause of its own
    ("This includes a special force to guard the harbour, Defence Minister Ana Brandt told a panel on Wednesday.",
     "told", "Defence Minister Ana Brandt", "This includes a special force to guard the harbour"),
])
def test_quotes_round2_fallback_content(nlp, text, cue, speaker, content):
    hits = by_cue(run(nlp, text), cue)
    assert hits
    assert hits[0].speaker is not None and hits[0].speaker.text == speaker
    assert hits[0].content.text == content


@pytest.mark.parametrize("text,cue", [
    # the writer's hedge about X: X is part of the content, not its speaker
    ("Brandt seems to be the favourite of the dock workers.", "seems"),
    # an expletive subject speaks for no one
    ("It appears that the ferry will not sail on Sunday.", "appears"),
])
def test_quotes_round2_no_source(nlp, text, cue):
    assert all(q.speaker is None for q in by_cue(run(nlp, text), cue))


def test_quotes_round2_short_content_with_scare_quote_is_kept(nlp):
    """A report whose short content holds a quoted word is still a report (``promises to “end” the tax``)."""
    text = "On his campaign website, Brandt promises to “end” the ferry tax."
    hits = by_cue(run(nlp, text), "promises")
    assert hits and "the ferry tax" in hits[0].content.text


def test_quotes_round2_participle_is_not_a_parenthetical(nlp):
    """``“…,” he said, noting that …``: the quote belongs to ``said``; ``noting`` reports its own clause."""
    text = "“We have come a long way since the flood,” he said, noting that the ferry had run late all winter."
    out = run(nlp, text)
    said = by_cue(out, "said")
    assert said and "come a long way" in said[0].content.text
    assert all("come a long way" not in q.content.text for q in by_cue(out, "noting"))


@pytest.mark.parametrize("text,cue,speaker", [
    ("The ferry company said it would add a night crossing. It said the boats were safe.", "said", "It"),
    ("“How long is the crossing?” asked the boy, who was holding a map.", "asked", "the boy, who was holding a map"),
    ("“The tolls will rise again,” said Harbour ranking member Ana Brandt (Ind.).", "said",
     "Harbour ranking member Ana Brandt"),
])
def test_quotes_round2_speaker_recovered(nlp, text, cue, speaker):
    speakers = [q.speaker.text for q in by_cue(run(nlp, text), cue) if q.speaker is not None]
    assert any(s.startswith(speaker) for s in speakers), speakers


def test_quotes_round2_called_a_thing_is_still_a_report(nlp):
    """Only a person, group or pronoun can be telephoned: ``called the plan to raise the tolls “a disgrace”``."""
    text = "Council member Ada Brenner called the plan to raise the harbour tolls again “a disgrace”."
    hits = by_cue(run(nlp, text), "called")
    assert hits and hits[0].speaker is not None and hits[0].speaker.text == "Council member Ada Brenner"


def test_quotes_round2_date_is_no_content(nlp):
    text = "In a statement issued on Monday, the ferry company apologised to passengers."
    assert all(q.content.text != "Monday" for q in run(nlp, text)["quotes"])


@pytest.mark.parametrize("text,cue", [
    ("The harbour master stopped short of accusing the board of lying.", "accusing"),
    ("Ortiz refrained from calling the delay a scandal.", "calling"),
])
def test_quotes_round2_report_not_made(nlp, text, cue):
    """A report the speaker explicitly did not make is no attribution."""
    assert not by_cue(run(nlp, text), cue)
