"""Report section for claims and sourcing (terminal and Markdown)."""
from __future__ import annotations

import io

from rich.console import Console

from newsaudit.analyze.claims.sourcing import summarise
from newsaudit.dossier import Claim, Dossier, Holder, Span

TEXT = "The dam failed in 2019. Officials say it was repaired. Is it safe? The dam allegedly leaks."


def dossier():
    def c(s, sourcing, cw=True, holder=Holder(kind="author", name="Ann Writer"), hedges=(), cites=()):
        a = TEXT.index(s)
        return Claim(start=a, end=a + len(s), text=s, score=0.7 if cw else 0.1, checkworthy=cw, holder=holder,
                     sourcing=sourcing, citations=list(cites), hedges=[Span.of(TEXT, TEXT.index(h), TEXT.index(h) + len(h)) for h in hedges],
                     certainty="low" if hedges else "high")

    claims = [c("The dam failed in 2019.", "cited", cites=[1]),
              c("Officials say it was repaired.", "attributed", holder=Holder(kind="speaker", name="Officials")),
              c("Is it safe?", "unsourced", cw=False),
              c("The dam allegedly leaks.", "unsourced", hedges=["allegedly leaks"])]
    return Dossier(text=TEXT, claims=claims, sourcing=summarise(claims))


def test_claims_report_markdown():
    from newsaudit.report.sections import claims as R

    md = R.render_markdown(dossier())
    assert "## Claims and sourcing" in md and "3 check-worthy claims among 4 sentences" in md
    assert "| cited (resolvable source) | 1 | 33 % |" in md
    assert "| unsourced (author's own) | 1 | 33 % |" in md
    assert "Unsourced assertions (1)" in md and "The dam allegedly leaks." in md
    assert "`allegedly leaks`" in md and "[1]" in md
    assert "Is it safe?" not in md.split("### Check-worthy claims")[1].split("###")[0]


def test_claims_report_terminal():
    from newsaudit.report.sections import claims as R

    buf = io.StringIO()
    R.render_terminal(dossier(), Console(file=buf, width=140, color_system=None))
    out = buf.getvalue()
    assert "Claims and sourcing: 3 check-worthy claims among 4 sentences" in out
    assert "Unsourced assertions (1)" in out and "Officials" in out and "Hedged (1)" in out


def test_claims_report_empty():
    from newsaudit.report.sections import claims as R

    md = R.render_markdown(Dossier(text="x"))
    assert "0 check-worthy claims" in md and "None." in md
