"""Renderers: every string escaped (HTML, Markdown), self-contained HTML, empty comparisons."""
from __future__ import annotations

import pytest

from newsaudit.compare.models import (ClaimGroup, Comparison, Contradiction, DateValue, NameVariant, NumberLine, Ref,
                                        TimelineEvent, ValueReport, VoiceLine)
from newsaudit.compare.facts import ArticleFacts
from newsaudit.compare.render import print_terminal, to_html, to_json, to_markdown

EVIL = '<script>alert("x")</script> | *bold* [link](javascript:alert(1)) & \'q\''


def _ref(text=EVIL, source=EVIL):
    return Ref("a1", EVIL, "javascript:alert(1)", "2024-01-01", 0, len(text), text, source)


@pytest.fixture()
def evil():
    art = ArticleFacts("a1", EVIL, "javascript:alert(1)", EVIL, "2024-01-01", EVIL)
    return Comparison(
        event=EVIL, articles=[art], outlets=[EVIL],
        numbers=[NumberLine("KILL", [ValueReport(3.0, "3", [_ref()]), ValueReport(4.0, EVIL, [_ref()])])],
        claim_groups=[ClaimGroup([_ref(), _ref()])],
        contradictions=[Contradiction("denial", _ref(), _ref(), EVIL)],
        voices=[VoiceLine(EVIL, [EVIL], 1, 1, 0, [_ref()])],
        timeline=[TimelineEvent(EVIL, [DateValue("2024-01-01", [_ref()]), DateValue(EVIL, [_ref()])], True)],
        names=[NameVariant([(EVIL, [EVIL]), ("Ann Roe", ["x"])])],
        sources={"numbers": EVIL})


def test_compare_html_escapes_everything(evil):
    page = to_html(evil)
    assert "<script>" not in page and "javascript:" not in page.split("<style>")[0] + page.split("</style>")[1].replace(
        "javascript:alert(1)", "") or "href=\"javascript" not in page
    assert 'href="javascript' not in page
    assert "&lt;script&gt;" in page
    assert page.count("<script") == 0


def test_compare_html_is_self_contained(evil):
    page = to_html(evil)
    for needle in ("http://", "https://", "<link", "src=", "@import"):
        assert needle not in page, needle
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page


def test_compare_markdown_escapes_html_and_table_breakers(evil):
    md = to_markdown(evil)
    assert "<script>" not in md and "&lt;script&gt;" in md
    for line in md.splitlines():
        if line.startswith("| ") and EVIL[:5] not in line:
            continue
        if line.startswith("| "):  # a table row: pipes inside cells are escaped
            cells = [c for c in line.strip().strip("|").split(" | ")]
            assert all("|" not in c.replace("\\|", "") for c in cells)
    import re

    assert not re.search(r"(?<!\\)\]\(javascript", md)  # brackets escaped: no live link


def test_compare_terminal_and_json_do_not_crash(evil):
    from rich.console import Console

    console = Console(record=True, width=120)
    print_terminal(evil, console)
    assert "<script>" in console.export_text()  # shown literally, not interpreted as markup
    assert '"numbers"' in to_json(evil)


@pytest.mark.parametrize("render", [to_html, to_markdown, to_json])
def test_compare_empty_comparison_renders(render):
    out = render(Comparison(event="nothing", articles=[], outlets=[]))
    assert out


def test_compare_html_links_only_http_urls():
    art = ArticleFacts("a", "Outlet", "https://ok.example/a", "Title", None, "x")
    page = to_html(Comparison(event="e", articles=[art], outlets=["Outlet"]))
    assert 'href="https://ok.example/a"' in page
