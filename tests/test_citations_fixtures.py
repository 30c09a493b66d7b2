"""Citations layer on hand-written articles (invented events) against hand-made gold JSON."""
from __future__ import annotations

import pytest

from test_structure_fixtures import ALL_FIXTURES, gold, run

ENTRY_FIELDS = ("authors", "title", "publisher", "date", "url")


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_citations_markers(name):
    _, found, _ = run(name)
    got = [[m.number, m.text] for m in found["citations"].markers]
    assert got == gold(name)["citations"]["markers"]


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_citations_entries(name):
    _, found, _ = run(name)
    entries = found["citations"].entries
    want = gold(name)["citations"]["entries"]
    assert [e.number for e in entries] == [w["number"] for w in want]
    for e, w in zip(entries, want):
        assert e.is_ibid == w["is_ibid"], e.text
        assert e.ibid_of == w["ibid_of"], e.text
        for f in ENTRY_FIELDS:
            if f in w:
                assert getattr(e, f) == w[f], (e.text, f)
        if "source" in w and w["source"] is None:
            assert e.source is None


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_citations_ibid_takes_antecedent_source(name):
    _, found, _ = run(name)
    c = found["citations"]
    for e in c.entries:
        if e.is_ibid and e.ibid_of is not None:
            root = c.entry(e.ibid_of)
            assert root is not None and not root.is_ibid
            assert e.source == root.source


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_citations_problems(name):
    _, found, _ = run(name)
    got = sorted((p.kind, p.severity, tuple(p.numbers), p.text) for p in found["citations"].problems)
    want = sorted((p["kind"], p["severity"], tuple(p["numbers"]), p["text"]) for p in gold(name)["citations"]["problems"])
    assert got == want


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_citations_offsets_hold(name):
    article, found, _ = run(name)
    c, text = found["citations"], article.text
    for x in [*c.markers, *c.entries, *c.problems]:
        assert text[x.start: x.end] == x.text
    for m in c.markers:
        assert m.numeral is not None and text[m.numeral.start: m.numeral.end] == m.numeral.text
        assert m.start <= m.numeral.start and m.numeral.end <= m.end
    for p in c.problems:
        assert p.layer == "citations" and p.message
        for r in p.related:
            assert text[r.start: r.end] == r.text


def _findings(name):
    _, found, _ = run(name)
    s, c = found["structure"], found["citations"]
    return {
        "title": s.title and s.title.text,
        "subtitle": s.subtitle and s.subtitle.text,
        "headings": [h.text for h in s.headings],
        "byline": s.byline and (s.byline.position, s.byline.author_names, s.byline.published),
        "paragraphs": [p.text for p in s.paragraphs],
        "markers": [(m.number, m.text) for m in c.markers],
        "entries": [e.model_dump(exclude={"start", "end"}) for e in c.entries],
        "problems": sorted((p.kind, p.severity, tuple(p.numbers), p.text, p.message) for p in c.problems),
    }


def test_citations_html_page_matches_text_version():
    """The same article as an HTML page (nav, share buttons, related links, footer) and as plain text."""
    assert _findings("html_page.html") == _findings("html_page.txt")
