"""Quotes layer units: speakers, cues, addressees, via, non-speech marks, citations, robustness, report."""
from __future__ import annotations

import pytest

from newsaudit.analyze.base import Article
from newsaudit.analyze.quotes import analyse
from newsaudit.dossier import Citations, Entry, Marker


def run(nlp, text, citations=None):
    art = Article(text=text, body_ranges=((0, len(text)),))
    return analyse(art, nlp(text), {"citations": citations or Citations(), "entities": [], "mentions": []})


def one(out, snippet):
    hits = [q for q in out["quotes"] if snippet in q.content.text]
    assert hits, [q.content.text for q in out["quotes"]]
    return hits[0]


@pytest.mark.parametrize("text,snippet,speaker,cue", [
    ("“The dam will hold,” said engineer Paula Brandt.", "The dam will hold", "Paula Brandt", "say"),
    ("Paula Brandt said: “The dam will hold until spring.”", "The dam will hold", "Paula Brandt", "say"),
    ("Paula Brandt said the dam would hold.", "the dam would hold", "Paula Brandt", "say"),
    ("According to Paula Brandt, the dam will hold.", "the dam will hold", "Paula Brandt", "according to"),
    ("Paula Brandt denied that the dam had cracked.", "the dam had cracked", "Paula Brandt", "deny"),
])
def test_quotes_speaker_and_cue(nlp, text, snippet, speaker, cue):
    q = one(run(nlp, text), snippet)
    assert q.speaker.name == speaker and q.cue.lemma == cue


def test_quotes_pronoun_resolves_to_previous_speaker(nlp):
    text = "Paula Brandt said the dam was safe. “We checked every joint,” she told the council."
    q = one(run(nlp, text), "We checked every joint")
    assert q.speaker.text == "she" and q.speaker.name == "Paula Brandt" and q.speaker.resolved_from == "pronoun"
    assert q.addressee.text == "the council"


def test_quotes_pronoun_without_antecedent_is_unresolved(nlp):
    q = one(run(nlp, "“We checked every joint of the old dam,” she said."), "We checked every joint")
    assert q.speaker.name is None and q.speaker.resolved_from == "unresolved"


def test_quotes_role_noun_without_named_speaker_is_unresolved(nlp):
    q = one(run(nlp, "The minister said the dam was safe."), "the dam was safe")
    assert q.speaker.name is None and q.speaker.resolved_from == "unresolved"


def test_quotes_description_speaker_has_no_name(nlp):
    q = one(run(nlp, "Local officials said the dam was safe."), "the dam was safe")
    assert q.speaker.name is None and q.speaker.resolved_from == "description"


@pytest.mark.parametrize("text,content,kind", [
    ("The so-called “reform” cut nothing at all.", "reform", "scare_quote"),
    ("Her novel “The Quiet Harbour Years” sold well.", "The Quiet Harbour Years", "title"),
    ("They met at the “Summer Harvest Festival” in June.", "Summer Harvest Festival", "event_name"),
])
def test_quotes_non_speech_marks(nlp, text, content, kind):
    out = run(nlp, text)
    assert [n.content.text for n in out["non_speech_quotes"]] == [content]
    assert out["non_speech_quotes"][0].kind == kind
    assert not [q for q in out["quotes"] if q.kind != "indirect" and q.content.text == content]


def test_quotes_via_reported_outlet(nlp):
    q = one(run(nlp, "The mayor resigned on Friday, reported the Valley Courier."), "The mayor resigned")
    assert q.speaker.text == "the Valley Courier" and q.cue.lemma == "report"


def test_quotes_citation_status(nlp):
    text = "Paula Brandt said the dam was safe. [1] Jon Hale said it was not. [2] Ann Roe said nothing changed. [3]"
    cits = Citations(
        markers=[Marker(number=n, start=text.index(f"[{n}]"), end=text.index(f"[{n}]") + 3, text=f"[{n}]") for n in (1, 2, 3)],
        entries=[Entry(number=1, start=0, end=1, text="x", title="Dam report"),
                 Entry(number=3, start=0, end=1, text="ibid", is_ibid=True, ibid_of=2)])
    out = run(nlp, text, cits)
    st = {q.speaker.name: [(c.number, c.status) for c in q.citations] for q in out["quotes"]}
    assert st["Paula Brandt"] == [(1, "ok")]
    assert st["Jon Hale"] == [(2, "missing_entry")]
    assert st["Ann Roe"] == [(3, "unresolvable_ibid")]


@pytest.mark.parametrize("text", [
    "", "“", "”””“““", "\"\"\"", "He said “", "«»«»", "‘’‘’''", "said said said.", "“\n\n”\n“", "[1] “ ” [2]",
])
def test_quotes_bad_input_never_raises(nlp, text):
    out = run(nlp, text)
    for q in out["quotes"]:
        assert text[q.start:q.end] == q.text


def test_quotes_does_not_mutate_inputs(nlp):
    text = "“The dam will hold,” said Paula Brandt."
    doc = nlp(text)
    found = {"citations": Citations(), "entities": [], "mentions": []}
    before = repr(found)
    analyse(Article(text=text, body_ranges=((0, len(text)),)), doc, found)
    assert repr(found) == before and doc.text == text


def test_quotes_report_section_renders(audit_text):
    from newsaudit.report import render

    d = audit_text("“The dam will hold,” said Paula Brandt. The so-called “reform” changed nothing.")
    md = render(d, "markdown")
    assert "## Quotes and attributions" in md and "Paula Brandt" in md and "### Voices" in md and "reform" in md
    term = render(d, "terminal")
    assert "Quotes and attributions" in term and "Paula Brandt" in term


@pytest.mark.parametrize("flags,counted", [([], 1), (["weak_cue"], 0)])
def test_quotes_voices_skip_weak_cues(flags, counted):
    from newsaudit.analyze.quotes.voices import voices
    from newsaudit.dossier import Cue, Quote, Span, Speaker

    t = "Ann Roe believes it."
    q = Quote(start=0, end=20, text=t, kind="indirect", content=Span.of(t, 16, 19),
              speaker=Speaker(start=0, end=7, text="Ann Roe", name="Ann Roe"),
              cue=Cue(start=8, end=15, text="believes", lemma="believe"), flags=flags)
    assert sum(v.attributions for v in voices([q])) == counted


@pytest.mark.parametrize("a,b,same", [("Khodabande", "Khodabandeh", True), ("Kobler", "Kobler", True),
                                      ("Lund", "Land", False), ("Petersen", "Peterson", True), ("Smith", "Smyth", False)])
def test_quotes_voice_surname_variants(a, b, same):
    from newsaudit.analyze.quotes.voices import _close

    assert _close(a.lower(), b.lower()) == same


@pytest.mark.parametrize("text", [
    "As a matter of fact, the assassination of the residents seems very unclear.",
    "In other words, the council appears divided on the plan.",
])
def test_quotes_spans_are_well_formed(nlp, text):
    out = run(nlp, text)
    for q in out["quotes"]:
        for s in [q, q.content, q.speaker, q.cue, q.addressee]:
            if s is not None:
                assert s.start < s.end and text[s.start:s.end] == s.text
