"""HTML report: nesting of highlights, escaping, finding details, panels, charts, self-containment."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from _report_fixtures import REPORT_FIXTURES, XSS_TEXT, built_dossier

from newsaudit.dossier import Dossier
from newsaudit.report import render
from newsaudit.report.charts import hbar_chart, stacked_bar, timeline_chart
from newsaudit.report.html import Highlight, collect, highlight, render_html, safe_json


class _Spans(HTMLParser):
    """Walk highlighted HTML: the plain text, and the character positions each finding id covers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.pos = 0
        self.stack: list[str | None] = []
        self.cover: dict[str, set[int]] = {}
        self.depth_ok = True

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.stack.append(a.get("data-f"))

    def handle_endtag(self, tag):
        if not self.stack:
            self.depth_ok = False
            return
        self.stack.pop()

    def handle_data(self, data):
        for fid in self.stack:
            if fid:
                self.cover.setdefault(fid, set()).update(range(self.pos, self.pos + len(data)))
        self.text.append(data)
        self.pos += len(data)


def _walk(html: str) -> _Spans:
    p = _Spans()
    p.feed(html)
    p.close()
    return p


TEXT = "abcdefghijklmnopqrstuvwxyz <b>&amp;</b> \"q\" 'x'"


@pytest.mark.parametrize("spans", [
    [],
    [(0, 5, "quotes")],
    [(0, 10, "claims"), (2, 5, "quotes"), (3, 4, "entities")],  # nested
    [(0, 6, "quotes"), (3, 9, "rhetoric")],  # crossing: fragments
    [(0, 6, "quotes"), (3, 9, "rhetoric"), (5, 12, "times"), (1, 20, "claims")],
    [(4, 8, "quotes"), (4, 8, "entities"), (4, 8, "problems")],  # identical bounds
    [(0, len(TEXT), "claims"), (27, 37, "problems")],  # over markup-like text
    [(5, 5, "times"), (-3, 2, "quotes"), (40, 999, "citations")],  # empty and out of range: clipped
])
def test_report_html_highlight_nests_and_covers_exact_ranges(spans):
    hs = [Highlight(a, b, layer, f"x{i}") for i, (a, b, layer) in enumerate(spans)]
    out = highlight(TEXT, hs)
    w = _walk(out)
    assert w.depth_ok and not w.stack
    assert "".join(w.text) == TEXT
    for h in hs:
        a, b = max(0, h.start), min(len(TEXT), h.end)
        assert w.cover.get(h.fid, set()) == set(range(a, b)), h
    assert out.count("<span") == out.count("</span>")
    # each finding gets exactly one anchor id
    for h in hs:
        assert out.count(f'id="f-{h.fid}"') == (1 if min(len(TEXT), h.end) > max(0, h.start) else 0)


def test_report_html_highlight_outer_span_opens_first():
    out = highlight("0123456789", [Highlight(2, 4, "entities", "e"), Highlight(0, 9, "claims", "c")])
    assert out.index('data-f="c"') < out.index('data-f="e"')
    assert out.count('data-f="c"') == 1  # not fragmented: it contains the other


def test_report_html_highlight_crossing_spans_are_split():
    out = highlight("0123456789", [Highlight(0, 6, "quotes", "q"), Highlight(3, 9, "rhetoric", "r")])
    assert out.count('data-f="r"') == 2 and out.count('data-f="q"') == 1


@pytest.fixture(scope="module")
def built_html():
    return render_html(built_dossier())


def _script_blocks(html: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>(.*?)</script>", html, flags=re.S)


def test_report_html_escapes_every_string(built_html):
    html = built_html
    # exactly our two script blocks: the JSON data and the page script
    assert len(re.findall(r"<script\b", html)) == 2
    assert re.findall(r"<script\b[^>]*>", html) == ['<script type="application/json" id="na-data">', "<script>"]
    for bad in ("<img", "<svg onload", "<a href=\"javascript", "<b>Ray", "<i>the</i>", "<b>entry</b>", "<b onmouseover"):
        assert bad not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, flags=re.I)
    assert "href=&quot;javascript:" in html  # the link is still there, as text


def test_report_html_article_text_round_trips(built_html):
    d = built_dossier()
    m = re.search(r'<article class="text" id="na-article"[^>]*>(.*)</article>', built_html, flags=re.S)
    w = _walk(m.group(1))
    assert "".join(w.text) == d.text


@pytest.mark.parametrize("value", ["</script><script>alert(1)</script>", "a & b > c", "\u2028\u2029", "<!--", "]]>",
                                   "plain", "“curly” — dashes"])
def test_report_html_safe_json_is_inert_and_round_trips(value):
    s = safe_json({"v": value, "k": [value]})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"v": value, "k": [value]}


def test_report_html_data_block_holds_every_finding(built_html):
    data = json.loads(_script_blocks(built_html)[0])
    f = data["findings"]
    d = built_dossier()
    assert sum(k.startswith("q") for k in f) == len(d.quotes)
    assert sum(k.startswith("m") for k in f) == len(d.citations.markers)
    assert sum(k.startswith("p") for k in f) == len(d.all_problems())
    for fid in f:
        assert f'data-f="{fid}"' in built_html


def _rows(finding) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in finding["rows"]:
        out.setdefault(k, []).append(v)
    return out


def test_report_html_quote_details_name_speaker_cue_and_source():
    _, found = collect(built_dossier())
    q = _rows(found["q0"])
    assert q["Speaker"] == ["Ann Lee (written “Mayor Ann Lee”)"]
    assert q["Cue"] == ["said (say)"]
    assert any("Flood plan" in s for s in q["Source"])
    assert q["Reference entry"][0].startswith("[1] 1. Ann Lee")
    q1 = _rows(found["q1"])  # rests on [2], an ibid of entry 1
    assert q1["Rests on"] == ["entry 1 (ibid resolved)"]


@pytest.mark.parametrize("marker, broken, expect", [
    ("m0", False, "Flood plan"),
    ("m1", False, "entry 1"),  # the ibid resolves to entry 1
    ("m2", True, "none numbered 3"),
])
def test_report_html_citation_marker_details(marker, broken, expect):
    spans, found = collect(built_dossier())
    cls = next(h.classes for h in spans if h.fid == marker)
    assert ("broken" in cls.split()) is broken
    assert any(expect in v for _, v in found[marker]["rows"])


def test_report_html_time_quantity_claim_rhetoric_details():
    _, found = collect(built_dossier())
    t = _rows(found["t0"])
    assert t["Normalised"] == ["2024-03-05"] and t["Anchor"] == ["2024-03-07 (publication)"]
    n = _rows(found["n0"])
    assert n["Value"] == ["40"] and n["Counted"] == ["people"] and n["Event"] == ["DISPLACE (“evacuated”)"]
    c = _rows(found["c1"])
    assert c["Sourcing"] == ["cited broken"] and c["Citations"] == ["[3]"]
    r = _rows(found["r0"])
    assert r["Technique"] == ["Rhetorical Question"] and "question" in r["Reason"][0]


def test_report_html_highlight_offsets_match_text():
    d = built_dossier()
    spans, found = collect(d)
    for h in spans:
        assert 0 <= h.start < h.end <= len(d.text)
        assert found[h.fid]["layer"] == h.layer


@pytest.mark.parametrize("panel", ["overview", "problems", "citations", "voices", "sourcing", "timeline", "numbers", "rhetoric"])
def test_report_html_has_side_panels(built_html, panel):
    assert f'id="panel-{panel}"' in built_html


def test_report_html_layer_toggles(built_html):
    for layer in ("quotes", "citations", "entities", "times", "quantities", "claims", "rhetoric", "problems"):
        assert f'data-layer="{layer}"' in built_html
        assert f".hide-{layer} .L-{layer}" in built_html


def test_report_html_is_self_contained(built_html):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", built_html)
    assert "<link" not in built_html and "@import" not in built_html
    assert "Content-Security-Policy" in built_html and "script-src 'sha256-" in built_html
    assert "@media print" in built_html and "@media (max-width" in built_html


def test_report_html_csp_hash_matches_script(built_html):
    import base64
    import hashlib

    script = _script_blocks(built_html)[1]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in built_html


@pytest.mark.parametrize("text", ["x", "   \n\n  ", "<script>alert(1)</script>", "a" * 5000])
def test_report_html_empty_dossier_renders(text):
    html = render(Dossier(text=text), "html")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "None found." in html
    assert "<script>alert" not in html


def test_report_html_panels_fall_back_when_summaries_are_empty():
    d = built_dossier().model_copy(update={"voices": [], "timeline": [], "sourcing": built_dossier().sourcing.model_copy(update={"counts": {}})})
    html = render_html(d)
    assert "Quotes per speaker" in html  # voices counted from the quotes
    assert "2024-03-05" in html  # timeline from the time expressions
    assert "Sourcing of check-worthy claims" in html


# ---------------------------------------------------------------- charts

@pytest.mark.parametrize("rows, bars", [
    ([("Ann", [2, 1]), ("Bo", [0, 3])], 3),
    ([("<script>x</script>", [1, 0])], 1),
    ([], 0),
])
def test_report_html_hbar_chart(rows, bars):
    svg = hbar_chart(rows, [("cited", "#0f0"), ("not cited", "#f00")], title="t")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count('class="bar"') == bars
    assert "<script>" not in svg
    if not rows:
        assert "no data" in svg


@pytest.mark.parametrize("parts, bars", [
    ([("cited", 3, "#0f0"), ("attributed", 1, "#00f"), ("unsourced", 0, "#f00")], 2),
    ([("cited", 0, "#0f0")], 0),
])
def test_report_html_stacked_bar(parts, bars):
    svg = stacked_bar(parts)
    assert svg.count('class="bar"') == bars


@pytest.mark.parametrize("points, dots", [
    ([("2024-03-05", "a"), ("2023", "b"), ("2024-03", "c")], 3),
    ([("P3D", "duration"), ("PAST_REF", "x")], 0),
    ([("2024-02-30", "bad day")], 0),
])
def test_report_html_timeline_chart(points, dots):
    svg = timeline_chart(points)
    assert svg.count('class="dot"') == dots


# ---------------------------------------------------------------- end to end

def test_report_html_audit_end_to_end(audit_text):
    text = (REPORT_FIXTURES / "harbour_article.txt").read_text(encoding="utf-8")
    d = audit_text(text)
    html = render_html(d)
    m = re.search(r'<article class="text" id="na-article"[^>]*>(.*)</article>', html, flags=re.S)
    assert "".join(_walk(m.group(1)).text) == d.text
    spans, found = collect(d)
    for h in spans:
        assert found[h.fid]["layer"] == h.layer


def test_report_html_cli_writes_file(tmp_path):
    from click.testing import CliRunner

    from newsaudit.cli import cli

    out = tmp_path / "r.html"
    res = CliRunner().invoke(cli, ["audit", str(REPORT_FIXTURES / "xss_article.txt"), "--format", "html", "-o", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert len(re.findall(r"<script\b", html)) == 2
    assert "onerror=\"window" not in html and "<svg onload" not in html
    assert "&lt;script&gt;window.__xss = &quot;script&quot;;&lt;/script&gt;" in html


def test_report_html_markers_of_one_bracket_share_one_highlight():
    d = built_dossier()
    m = d.citations.markers[0]
    two = [m, m.model_copy(update={"number": 3})]  # "[1]" read as citing 1 and 3 (3 has no entry)
    d = d.model_copy(update={"citations": d.citations.model_copy(update={"markers": two})})
    spans, found = collect(d)
    cit = [h for h in spans if h.layer == "citations"]
    assert len(cit) == 1 and "broken" in cit[0].classes.split()
    rows = dict((k, v) for k, v in found[cit[0].fid]["rows"])
    assert rows["Number 1"] == "ok" and rows["Number 3"] == "missing entry"
    assert found[cit[0].fid]["title"] == "Citation [1, 3] — broken"
