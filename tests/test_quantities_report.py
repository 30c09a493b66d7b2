"""Report section for counted quantities (terminal and Markdown)."""
from __future__ import annotations

import io

import pytest
from rich.console import Console

from newsaudit.dossier import Dossier, Problem, Quantity, Span
from newsaudit.report.sections import quantities as R

TEXT = "At least 52 residents were killed. Later 47 residents were killed. Dozens of villages were cut off."


def dossier(with_mismatch=True):
    q1 = Quantity(start=0, end=21, text=TEXT[0:21], number=Span(start=9, end=11, text="52"), value=52, low=52, high=None,
                  modifier="at least", counted="residents", event="KILL", place="Kabul")
    q2 = Quantity(start=41, end=53, text=TEXT[41:53], number=Span(start=41, end=43, text="47"), value=47, low=47, high=47,
                  counted="residents", event="KILL")
    q3 = Quantity(start=67, end=85, text=TEXT[67:85], number=Span(start=67, end=73, text="Dozens"), low=24, high=99,
                  counted="villages")
    probs = [Problem(kind="count_mismatch", layer="quantities", start=41, end=53, text=TEXT[41:53], message="m",
                     related=[Span(start=0, end=21, text=TEXT[0:21]), Span(start=41, end=53, text=TEXT[41:53])],
                     details={"event": "KILL", "counted": "resident"})] if with_mismatch else []
    return Dossier(text=TEXT, quantities=[q1, q2, q3], problems=probs)


def test_quantities_report_markdown():
    md = R.render_markdown(dossier())
    assert "## Counted quantities (3)" in md
    assert "≥ 52" in md and "| 47 |" in md and "24–99" in md and "Kabul" in md
    assert "Counts that disagree" in md


@pytest.mark.parametrize("mismatch", [True, False])
def test_quantities_report_terminal(mismatch):
    buf = io.StringIO()
    R.render_terminal(dossier(mismatch), Console(file=buf, width=120, color_system=None))
    out = buf.getvalue()
    assert "Counted quantities (3)" in out and "KILL" in out
    assert ("count mismatch" in out) is mismatch


def test_quantities_report_empty():
    assert "None found." in R.render_markdown(Dossier(text="x"))
