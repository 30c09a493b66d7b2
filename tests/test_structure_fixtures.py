"""Structure layer on hand-written articles (invented events) against hand-made gold JSON."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsaudit.ingest import load
from newsaudit.pipeline import prepare
from newsaudit.settings import AuditOptions

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
TEXT_FIXTURES = ["ibid_chain.txt", "missing_entry.txt", "paren_markers.txt", "glued_byline.txt", "no_refs.txt",
                 "html_page.txt"]
ALL_FIXTURES = TEXT_FIXTURES + ["html_page.html"]


def run(name: str):
    """Ingest a fixture and run the text layers (structure, citations) as the pipeline does."""
    article = load(ARTICLES / name, options=AuditOptions(detect_language=False))
    article, found, _warnings, masked = prepare(article, AuditOptions(strict_layers=True, detect_language=False))
    return article, found, masked


def gold(name: str) -> dict:
    return json.loads((ARTICLES / (Path(name).stem + ".json")).read_text(encoding="utf-8"))


def _text(span):
    return None if span is None else span.text


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_structure_title_subtitle_headings(name):
    _, found, _ = run(name)
    s, g = found["structure"], gold(name)["structure"]
    assert _text(s.title) == g["title"]
    assert _text(s.subtitle) == g["subtitle"]
    assert [(h.text, h.is_question) for h in s.headings] == [(h["text"], h["is_question"]) for h in g["headings"]]


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_structure_byline(name):
    _, found, _ = run(name)
    b, g = found["structure"].byline, gold(name)["structure"]["byline"]
    if g is None:
        assert b is None
        return
    assert b is not None
    assert b.position == g["position"]
    assert b.author_names == g["authors"]
    assert b.published == g["published"]
    assert _text(b.date) == g["date"]


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_structure_body_paragraphs(name):
    _, found, _ = run(name)
    paras = found["structure"].paragraphs
    want = gold(name)["structure"]["paragraphs"]
    assert len(paras) == len(want), [p.text[:40] for p in paras]
    for p, prefix in zip(paras, want):
        assert p.text.startswith(prefix)
        assert p.kind == "body"


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_structure_references_block(name):
    _, found, _ = run(name)
    r, g = found["structure"].references, gold(name)["structure"]["references"]
    if g is None:
        assert r is None
        return
    assert r is not None and r.text.startswith(g["first"]) and r.text.endswith(g["last"])


@pytest.mark.parametrize("name", TEXT_FIXTURES)
def test_structure_notes_and_boilerplate(name):
    _, found, _ = run(name)
    s, g = found["structure"], gold(name)["structure"]
    assert len(s.notes) == len(g["notes"])
    for n, prefix in zip(s.notes, g["notes"]):
        assert n.text.startswith(prefix)
    assert len(s.boilerplate) == len(g["boilerplate"]), [b.text for b in s.boilerplate]
    for b, prefix in zip(s.boilerplate, g["boilerplate"]):
        assert b.text.startswith(prefix)


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_structure_offsets_hold(name):
    article, found, _ = run(name)
    s, text = found["structure"], article.text
    spans = [s.title, s.subtitle, s.references, *s.headings, *s.paragraphs, *s.notes, *s.boilerplate]
    if s.byline is not None:
        spans += [s.byline, *s.byline.authors] + ([s.byline.date] if s.byline.date else [])
    for span in spans:
        if span is not None:
            assert text[span.start: span.end] == span.text


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_structure_only_prose_is_parsed(name):
    """The masked text keeps title, subtitle, headings and body; byline, references, notes, boilerplate are blanked."""
    article, found, masked = run(name)
    s = found["structure"]
    assert len(masked) == len(article.text)
    for p in [*s.paragraphs, *s.headings]:
        assert masked[p.start: p.end] == p.text
    hidden = [s.references, *s.notes, *s.boilerplate] + ([s.byline] if s.byline else [])
    for span in hidden:
        if span is not None:
            assert not masked[span.start: span.end].strip()


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_structure_parts_do_not_overlap(name):
    _, found, _ = run(name)
    s = found["structure"]
    spans = [x for x in [s.title, s.subtitle, s.byline, s.references, *s.headings, *s.paragraphs, *s.notes,
                         *s.boilerplate] if x is not None]
    spans.sort(key=lambda x: x.start)
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start, (a.text[:30], b.text[:30])


def test_structure_meta_takes_byline():
    article, _, _ = run("missing_entry.txt")
    assert article.meta.authors == ["Tamsin Odell"]
    assert article.meta.published == "2021-03-03"
    assert article.meta.published_source == "byline"
