"""Hostile article text reaches neither the terminal as escape codes or markup, nor Markdown as syntax."""
from __future__ import annotations

import pytest

from newsaudit.report import render
from newsaudit.report.safe import clean, md_text

HOSTILE_TITLE = "Council [/] vote [bold red]rigged[/bold red] \x1b]52;c;ZXZpbA==\x07 \x1b[2J done"
HOSTILE = (f"{HOSTILE_TITLE}\n\nBy Ilse Varga\n\n"
           "The mayor said \"the barrier [link=file:///etc/passwd]holds[/link]\" on Monday.\x1b[31m "
           "<img src=x onerror=alert(1)> and [click](javascript:alert(1)) and ![x](http://evil.example/p.png).\n\n"
           "\u202eThe council voted 7 to 2 to close the road on Friday.\u202c\n")


@pytest.fixture(scope="module")
def dossier(audit_text):
    return audit_text(HOSTILE)


def test_report_safe_terminal_has_no_escape_codes_and_does_not_crash(dossier):
    out = render(dossier, "terminal")
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "[/]" in out or "Council" in out  # the title is shown as text


def test_report_safe_terminal_to_a_real_terminal(dossier):
    import io

    from rich.console import Console

    from newsaudit.report.terminal import print_terminal

    buf = io.StringIO()
    print_terminal(dossier, Console(file=buf, force_terminal=True, width=100))
    out = buf.getvalue()
    assert "\x1b]52" not in out and "\x1b[2J" not in out and "\u202e" not in out
    assert "link=file" in out or "holds" in out  # shown, never turned into a hyperlink
    assert "\x1b]8;" not in out  # no OSC 8 hyperlink


def test_report_safe_markdown_has_no_links_images_or_html(dossier):
    md = render(dossier, "markdown")
    assert "\x1b" not in md and "\u202e" not in md
    import re

    assert not re.search(r"(?<!\\)<img", md)  # shown as \<img: literal text, no HTML
    assert not re.search(r"\]\(javascript", md) and not re.search(r"(?<!\\)!\[x\]\(", md)


@pytest.mark.parametrize("raw,expected", [
    ("a\x1b[31mb", "ab"), ("a\x1b]52;c;ZXZp\x07b", "ab"), ("a\x07b\x00c", "abc"), ("a\u202eb", "ab"),
    ("line\nnext\ttab", "line\nnext\ttab"), ("plain [text]", "plain [text]"), ("café – ok", "café – ok"),
])
def test_report_safe_clean(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize("raw,bad", [("[x](javascript:1)", "](javascript"), ("<b>hi</b>", "<b>"), ("![i](u)", "![i]"), ("a|b", "a|b"),
                                     ("`code`", "`code`")])
def test_report_safe_md_text(raw, bad):
    assert bad not in md_text(raw)
