"""Acceptance: every Structure and Citations finding of ../shared/seeds/EXPECTED.md on the user's example article.

Uses the ``seed_dossier`` fixture (the full audit, once per session); fails under CI=true when the seed is missing.
"""
from __future__ import annotations

import pytest

SCHRECK = {
    "authors": ["Adam Schreck"],
    "title": "UN envoy in Iraq urges countries to accept Iranian dissidents",
    "publisher": "The Associated Press",
    "date": "2013-09-13",
}
CHARBONNEAU = {
    "authors": ["Louis Charbonneau"],
    "title": "UN envoy accuses Iran group’s leaders in Iraq of rights abuse",
    "publisher": "Reuters",
    "date": "2013-07-16",
}


def _holds(d, span):
    assert d.text[span.start: span.end] == span.text
    return span.text


def test_acceptance_structure_title_subtitle_heading(seed_dossier):
    d = seed_dossier
    s = d.structure
    assert _holds(d, s.title) == "Camp Ashraf september1st clashes;What happened?"
    assert s.title.start == 0
    assert _holds(d, s.subtitle) == "Facts on Camp Ashraf incident"
    assert [(_holds(d, h), h.is_question) for h in s.headings] == [
        ("What happened to the seven allegedly missing residents?", True)]
    assert d.meta.title == "Camp Ashraf september1st clashes;What happened?"


def test_acceptance_structure_byline_at_end(seed_dossier):
    d = seed_dossier
    b = d.structure.byline
    assert b is not None and b.position == "end"
    assert _holds(d, b) == "By Mazda Parsi, September18, 2013"
    assert [_holds(d, a) for a in b.authors] == ["Mazda Parsi"]
    assert b.author_names == ["Mazda Parsi"]
    assert _holds(d, b.date) == "September18, 2013"
    assert b.published == "2013-09-18"
    assert d.meta.authors == ["Mazda Parsi"] and d.meta.published == "2013-09-18"
    # the byline comes after the last body paragraph
    assert all(p.end < b.start for p in d.structure.paragraphs)


def test_acceptance_structure_reference_block(seed_dossier):
    d = seed_dossier
    r = d.structure.references
    text = _holds(d, r)
    assert text.startswith("[1] Schreck, Adam")
    assert text.endswith("[9] ibid")
    assert r.start > d.structure.byline.end
    lines = [ln for ln in text.split("\n") if ln.strip()]
    assert all(ln.startswith("[") for ln in lines) and len(lines) == 8


def test_acceptance_structure_note_and_related_posts(seed_dossier):
    d = seed_dossier
    s = d.structure
    assert len(s.notes) == 1
    note = _holds(d, s.notes[0])
    assert note.startswith("*Quotes extracted from")
    assert "not include the group’s websites" in note
    assert len(s.boilerplate) == 1
    tail = _holds(d, s.boilerplate[0])
    assert tail.startswith("Related posts")
    assert tail.endswith("MKO defector reveals mass graves near Camp Ashraf")
    assert s.boilerplate[0].end == len(d.text.rstrip())


def test_acceptance_structure_body_is_the_article(seed_dossier):
    d = seed_dossier
    s = d.structure
    paras = s.paragraphs
    assert len(paras) == 12
    assert paras[0].text.startswith("Finally, Camp Ashraf was completely evacuated")
    assert paras[-1].text.startswith("Besides, the attack on Camp Ashraf")
    for p in paras:
        _holds(d, p)
        for kept_out in ("By Mazda Parsi", "[1] Schreck", "*Quotes extracted", "Related posts", "MKO Camps Visa!"):
            assert kept_out not in p.text


def test_acceptance_citations_markers(seed_dossier):
    d = seed_dossier
    ms = d.citations.markers
    assert [m.number for m in ms] == list(range(1, 11))
    for m in ms:
        assert _holds(d, m) == f"[{m.number}]"
        assert d.structure.paragraphs[0].start <= m.start < d.structure.byline.start


def test_acceptance_citations_entries(seed_dossier):
    d = seed_dossier
    c = d.citations
    assert [e.number for e in c.entries] == [1, 2, 3, 4, 5, 7, 8, 9]
    assert [e.number for e in c.entries if e.is_ibid] == [3, 5, 7, 9]
    for e in c.entries:
        assert _holds(d, e).startswith(f"[{e.number}]")
    for n in (1, 4, 8):
        e = c.entry(n)
        assert {k: getattr(e, k) for k in SCHRECK} == SCHRECK
    e = c.entry(2)
    assert {k: getattr(e, k) for k in CHARBONNEAU} == CHARBONNEAU


@pytest.mark.parametrize("ibid,antecedent", [(3, 2), (5, 4), (9, 8)])
def test_acceptance_citations_ibid_resolution(seed_dossier, ibid, antecedent):
    c = seed_dossier.citations
    e = c.entry(ibid)
    assert e.ibid_of == antecedent
    assert e.source == c.entry(antecedent).source
    status, backing = c.resolve(ibid)
    assert status == "ok" and backing.number == antecedent


def test_acceptance_citations_unresolvable_ibid_after_missing_entry(seed_dossier):
    d = seed_dossier
    c = d.citations
    e = c.entry(7)
    assert e.is_ibid and e.ibid_of is None and e.source is None  # never the AP story of [5]/[4]
    assert c.resolve(7) == ("unresolvable_ibid", None)
    probs = [p for p in c.problems if p.kind == "unresolvable_ibid"]
    assert len(probs) == 1 and probs[0].numbers == [7] and probs[0].severity == "error"
    assert _holds(d, probs[0]) == "[7] ibid"


@pytest.mark.parametrize("number", [6, 10])
def test_acceptance_citations_missing_entries(seed_dossier, number):
    d = seed_dossier
    c = d.citations
    assert c.resolve(number) == ("missing_entry", None)
    probs = [p for p in c.problems if p.kind == "missing_entry" and p.numbers == [number]]
    assert len(probs) == 1 and probs[0].severity == "error"
    assert _holds(d, probs[0]) == f"[{number}]"
    assert probs[0].start < d.structure.byline.start  # the marker in the body


def test_acceptance_citations_duplicate_source_is_info(seed_dossier):
    d = seed_dossier
    probs = [p for p in d.citations.problems if p.kind == "duplicate_source"]
    assert len(probs) == 1
    p = probs[0]
    assert p.numbers == [1, 4, 8] and p.severity == "info"
    _holds(d, p)
    for r in p.related:
        _holds(d, r)


def test_acceptance_citations_problem_set(seed_dossier):
    """Nothing else is flagged: no unused entries, no duplicate numbers, one gap ([6])."""
    got = sorted((p.kind, tuple(p.numbers)) for p in seed_dossier.citations.problems)
    assert got == [("duplicate_source", (1, 4, 8)), ("missing_entry", (6,)), ("missing_entry", (10,)),
                   ("numbering_gap", (6,)), ("unresolvable_ibid", (7,))]
    for p in seed_dossier.citations.problems:
        assert p.layer == "citations" and p.message
