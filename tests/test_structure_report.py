"""Report sections of the structure and citations layers (terminal via rich, Markdown)."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from newsaudit.analyze.citations import markers as citations
from newsaudit.analyze.structure import segment as structure
from newsaudit.dossier import Dossier
from newsaudit.report.sections import citations as cit_section
from newsaudit.report.sections import structure as st_section

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "newsaudit" / "data" / "sample_article.txt"


def text_layers_dossier(text: str) -> Dossier:
    s = structure.analyse_text(text)
    return Dossier(text=text, structure=s, citations=citations.analyse_text(text, s))


def terminal(section, d) -> str:
    buf = io.StringIO()
    section.render_terminal(d, Console(file=buf, width=160, color_system=None))
    return buf.getvalue()


@pytest.fixture(scope="module")
def sample():
    return text_layers_dossier(SAMPLE.read_text(encoding="utf-8"))


def test_structure_report_terminal_lists_parts_with_lines(sample):
    out = terminal(st_section, sample)
    for part in ("title", "subtitle", "heading (question)", "byline (end)", "references", "note", "boilerplate"):
        assert part in out
    assert "Corin Achterberg — 2024-03-14" in out
    assert "│ 11 " in out  # the line of the first question heading


def test_structure_report_markdown(sample):
    md = st_section.render_markdown(sample)
    assert md.startswith("## Structure")
    assert "| heading (question) | 11 | Who knew about the cracks? |" in md


def test_citations_report_terminal_and_markdown(sample):
    out = terminal(cit_section, sample)
    assert "ibid → [4]" in out and "ibid, unresolvable" in out
    assert "missing_entry" in out and "unresolvable_ibid" in out
    md = cit_section.render_markdown(sample)
    assert "| [8] | 1 | — |  | ibid, unresolvable |" in md
    line = sample.text[: sample.text.index("[7]")].count("\n") + 1
    assert f"| {line} | error | `missing_entry` |" in md


@pytest.mark.parametrize("section", [st_section, cit_section])
def test_structure_report_empty_dossier(section):
    d = Dossier(text="Just one line")
    assert terminal(section, d)
    assert section.render_markdown(d).startswith("## ")
