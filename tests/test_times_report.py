from __future__ import annotations

import io
from datetime import date

import pytest
from rich.console import Console

from newsaudit.dossier import Dossier, Meta, Problem, TimeExpression, TimelineItem
from newsaudit.report.sections import times as section

TEXT = "They met on Friday.\nThe deal was signed on February 30 after three days."


def _dossier(with_times: bool = True) -> Dossier:
    if not with_times:
        return Dossier(text=TEXT)
    times = [
        TimeExpression(start=12, end=18, text="Friday", type="DATE", value="2013-09-13", anchor="2013-09-18",
                       anchor_source="publication", tense="past"),
        TimeExpression(start=43, end=54, text="February 30", type="DATE", value=None),
        TimeExpression(start=61, end=71, text="three days", type="DURATION", value="P3D"),
    ]
    timeline = [TimelineItem(value="2013-09-13", time=0, sentence_start=0, sentence_end=19, sentence=TEXT[:19])]
    probs = [Problem(kind="impossible_date", severity="error", layer="times", start=43, end=54, text="February 30",
                     message="'February 30' is not a calendar date.")]
    return Dossier(text=TEXT, meta=Meta(published="2013-09-18"), times=times, timeline=timeline, problems=probs)


def test_times_report_fixture_offsets():
    d = _dossier()
    for t in d.times:
        assert d.text[t.start:t.end] == t.text


def test_times_report_markdown():
    md = section.render_markdown(_dossier())
    assert md.startswith("## Time")
    assert "| 1 | 2013-09-13 | Friday | published 2013-09-18 |" in md
    assert "P3D" in md and "`impossible_date`" in md and "| 2 |" in md


def test_times_report_terminal():
    buf = io.StringIO()
    section.render_terminal(_dossier(), Console(file=buf, width=160, color_system=None))
    out = buf.getvalue()
    assert "Timeline" in out and "2013-09-13" in out and "impossible_date" in out and "three days" in out


@pytest.mark.parametrize("render", ["md", "term"])
def test_times_report_empty(render):
    d = _dossier(with_times=False)
    if render == "md":
        assert "No time expressions" in section.render_markdown(d)
    else:
        buf = io.StringIO()
        section.render_terminal(d, Console(file=buf, width=80, color_system=None))
        assert "no time expressions" in buf.getvalue()


def test_times_report_citation_anchor_shown():
    d = _dossier()
    d.times[0] = d.times[0].model_copy(update={"anchor": "2013-09-13", "anchor_source": "citation", "citation": 8})
    assert "source 2013-09-13 [8]" in section.render_markdown(d)
    assert date.fromisoformat(d.times[0].anchor)
