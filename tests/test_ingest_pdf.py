"""PDF input: pages, running headers, page numbers and footnotes, typed errors — on PDFs the tests generate."""
from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from _pdf_fixtures import HEADER, flow_gold, flow_pdf, image_only_pdf, many_pages_pdf, report_pdf
from click.testing import CliRunner
from test_pipeline_core import iter_spans

from newsaudit.cli import cli
from newsaudit.errors import PdfBrokenError, PdfEncryptedError, PdfNoTextError
from newsaudit.ingest import load
from newsaudit.ingest.pdf import read_pdf
from newsaudit.ingest.pdf_layout import (PAGE_NUMBER, Line, PageLines, continues, find_furniture, join_lines,
                                         merge_fragments, reading_order)

pytest.importorskip("reportlab")


def _audit_json(tmp_path, data: bytes, *extra: str):
    p = tmp_path / "report.pdf"
    p.write_bytes(data)
    res = CliRunner().invoke(cli, ["audit", str(p), "-f", "json", *extra])
    return res, (json.loads(res.stdout) if res.exit_code == 0 else None)


@pytest.mark.parametrize("variant", [
    {}, {"header": False}, {"numbers": False}, {"footnotes": False}, {"header": False, "numbers": False},
])
def test_pdf_text_keeps_the_article_and_drops_the_furniture(tmp_path, variant):
    data, gold = report_pdf(**variant)
    p = tmp_path / "r.pdf"
    p.write_bytes(data)
    art = load(p)
    text = art.text
    assert art.meta.source_format == "pdf"
    assert HEADER not in text
    assert not [ln for ln in text.splitlines() if PAGE_NUMBER.match(ln) and ln.strip()]  # no bare page number left
    for phrase in gold.body_phrases:  # a paragraph over a page break reads whole
        assert phrase in text
    assert text.splitlines()[0] == gold.title
    assert [pg.number for pg in art.pages] == list(range(1, gold.pages + 1))
    removed = [f.kind for pg in art.pages for f in pg.removed]
    assert removed.count("running_header") == gold.headers
    assert removed.count("page_number") == gold.page_numbers
    assert [pg.label for pg in art.pages] == ([str(i) for i in range(1, gold.pages + 1)] if gold.page_numbers
                                              else [None] * gold.pages)
    last = 0
    for pg in art.pages:  # page ranges in order, inside the text, before the notes block
        assert last <= pg.start <= pg.end <= len(text)
        last = pg.end
    notes = [n for pg in art.pages for n in pg.notes]
    assert len(notes) == len(gold.notes)
    for n in notes:
        assert text[n.start:n.end] == n.text and n.start >= last
    for number, body in gold.notes.items():
        assert text.count(body) == 1
        sup = str(number).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
        assert f"{sup} {body}" in text  # the note, numbered as printed
        assert text.count(sup) == 2  # its marker in the body, and the note
    if not gold.notes:
        assert "Notes" not in text and not re.search("[¹²³]", text)


@pytest.mark.parametrize("columns", [1, 2])
def test_pdf_flowed_report_reads_as_its_paragraphs(columns):
    """Justified text, first-line indents without spacing, headings, a running header and 'Page N' footers,
    in one column or two: the same paragraphs in the same order."""
    out = read_pdf(flow_pdf(columns))
    assert out.text.rstrip("\n").split("\n\n") == flow_gold()
    assert [p.label for p in out.pages] == ["1", "2", "3"]
    assert all(sorted(f.kind for f in p.removed) == ["page_number", "running_header"] for p in out.pages)


def test_pdf_cli_audit_links_footnotes_and_keeps_offsets(tmp_path):
    data, gold = report_pdf()
    res, d = _audit_json(tmp_path, data)
    assert res.exit_code == 0, res.output
    s, c = d["structure"], d["citations"]
    assert len(s["pages"]) == gold.pages
    assert sorted(e["number"] for e in c["entries"]) == sorted(gold.notes)
    assert sorted(m["number"] for m in c["markers"]) == sorted(gold.notes)
    assert not [p for p in c["problems"] if p["kind"] in ("missing_entry", "unused_entry")]
    notes_at = min(n["start"] for pg in s["pages"] for n in pg["notes"])
    assert all(p["end"] <= notes_at for p in s["paragraphs"])  # footnote bodies are not body text
    assert all(q["start"] < notes_at for q in d["quotes"])
    for start, end, text in iter_spans(d):
        assert d["text"][start:end] == text
    assert any(w["code"] == "pdf_layout" for w in d["meta"]["warnings"])


@pytest.mark.parametrize("make,code,exc", [
    (lambda: report_pdf(encrypt="kestrel")[0], "E121", PdfEncryptedError),
    (lambda: image_only_pdf(), "E122", PdfNoTextError),
    (lambda: report_pdf()[0][:700], "E123", PdfBrokenError),
    (lambda: report_pdf()[0][:200], "E123", PdfBrokenError),
    (lambda: b"%PDF-1.4\n" + b"\x00garbage" * 40, "E123", PdfBrokenError),
])
def test_pdf_bad_files_get_one_line_typed_errors(tmp_path, make, code, exc):
    data = make()
    with pytest.raises(exc):
        read_pdf(data)
    res, _ = _audit_json(tmp_path, data)
    assert res.exit_code == 3
    lines = res.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"Error: [{code}] ") and lines[1].startswith("Hint: ")
    assert "Traceback" not in res.output


def test_pdf_owner_password_only_is_read(tmp_path):
    data, gold = report_pdf(encrypt="")  # empty user password: readers open it without asking
    assert gold.title in load_bytes(data).text


def load_bytes(data: bytes):
    return load(data)


def test_pdf_page_cap_keeps_the_first_pages_with_a_notice():
    data = many_pages_pdf(9)
    out = read_pdf(data, max_pages=4)
    assert [p.number for p in out.pages] == [1, 2, 3, 4]
    assert "Section 4." in out.text and "Section 5." not in out.text
    notice = [w for w in out.warnings if w.code == "pdf_truncated"]
    assert notice and "4 of 9" in notice[0].message
    assert not [w for w in read_pdf(data).warnings if w.code == "pdf_truncated"]
    timed = read_pdf(data, time_limit_s=0)  # out of time at once: the first page is still read
    assert [p.number for p in timed.pages] == [1] and any(w.code == "pdf_truncated" for w in timed.warnings)


def test_pdf_bytes_from_api_and_serve_upload():
    from fastapi.testclient import TestClient

    import newsaudit
    from newsaudit.serve.app import create_app

    data, gold = report_pdf()
    d = newsaudit.audit(data)
    assert d.meta.source_format == "pdf" and len(d.structure.pages) == gold.pages
    with TestClient(create_app(max_bytes=200_000), base_url="http://localhost") as c:
        r = c.post("/api/audit", files={"file": ("r.pdf", data, "application/pdf")}, headers={"x-newsaudit": "1"})
        assert r.status_code == 200, r.text
        assert len(r.json()["structure"]["pages"]) == gold.pages
        r = c.post("/api/audit", files={"file": ("s.pdf", image_only_pdf(), "application/pdf")},
                   headers={"x-newsaudit": "1"})
        assert r.status_code == 422 and r.json()["error"]["code"] == "E122"


def test_pdf_fetched_url_is_read_as_pdf(tmp_path):
    data, gold = report_pdf()

    class H(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.end_headers()
            self.wfile.write(data)

    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{srv.server_address[1]}/review.pdf"
        res = CliRunner().invoke(cli, ["audit", url, "-f", "json"])
        assert res.exit_code == 0, res.output
        d = json.loads(res.stdout)
        assert d["meta"]["source_format"] == "pdf" and d["meta"]["http_status"] == 200
        assert len(d["structure"]["pages"]) == gold.pages
    finally:
        srv.shutdown()


# ---------------------------------------------------------------- layout rules on hand-made lines

@pytest.mark.parametrize("line,is_number", [
    ("7", True), ("- 7 -", True), ("Page 7 of 9", True), ("page 12", True), ("vii", True), ("12 / 40", True),
    ("— 3 —", True), ("xiv", True), ("C", False), ("mix", False), ("2019.", False), ("7 killed", False), ("Section 7", False), ("ix. Tolsk", False),
])
def test_pdf_layout_page_number_pattern(line, is_number):
    assert bool(PAGE_NUMBER.match(line)) is is_number


def _page(n: int, texts: list[str]) -> PageLines:
    """Lines 20 pt apart; the first and the last set apart by 30 pt more (where headers and footers sit)."""
    ys = [800 - 20 * i - (30 if i else 0) - (30 if i == len(texts) - 1 and i > 1 else 0) for i in range(len(texts))]
    return PageLines(n, 595, 842, [Line(t, 72, 400, y, y + 11, 11) for t, y in zip(texts, ys)])


@pytest.mark.parametrize("pages,expected", [
    # a line repeated at the top of every page is a running header
    ([["Orvane Review", "Body one.", "More on one."], ["Orvane Review", "Body two.", "More on two."]],
     {"running_header": 2}),
    # with its page number in it, still the same running line
    ([["Orvane Review 3", "Ash", "Birch"], ["Orvane Review 4", "Cedar", "Date"], ["Orvane Review 5", "Elm", "Fir"]],
     {"running_header": 3}),
    # one page: nothing repeats, nothing is removed
    ([["Orvane Review", "Body one.", "More on one."]], {}),
    # a page of two lines keeps them both
    ([["Orvane Review", "Body one."], ["Orvane Review", "Body two."]], {}),
    # the same sentence in the middle of two pages is body text
    ([["Ash", "Oak", "The lake fell.", "Birch", "Cedar"], ["Elm", "Yew", "The lake fell.", "Fir", "Gum"]], {}),
    # a body line right under the header (no gap) is not furniture, even when it recurs
    ([["Orvane Review", "Body one.", "Same line.", "End one."], ["Orvane Review", "Body two.", "Same line.", "End two."]],
     {"running_header": 2}),
    # a bare number at the bottom is a page number even once
    ([["Title", "Body.", "1"]], {"page_number": 1}),
])
def test_pdf_layout_furniture(pages, expected):
    built = [_page(i + 1, t) for i, t in enumerate(pages)]
    found = find_furniture(built)
    kinds: dict[str, int] = {}
    for marks in found.values():
        for kind, _ in marks.values():
            kinds[kind] = kinds.get(kind, 0) + 1
    assert kinds == expected


@pytest.mark.parametrize("a,b,joined", [
    ("the Kestle pump-", "ing station", "the Kestle pump-ing station"),
    ("a well-", "known board", "a well-known board"),
    ("inter\u00ad", "national", "international"),
    ("in 2019 -", "and later", "in 2019 - and later"),
    ("the lake", "fell", "the lake fell"),
])
def test_pdf_layout_join_lines(a, b, joined):
    assert join_lines(a, b) == joined


@pytest.mark.parametrize("prev,nxt,runs_on", [
    ("until the autumn rains returned and", "the reservoir had", True),
    ("the board said.", "the reservoir had", False),
    ("measured in", "2025 by the board", True),
    ("the board said", "Farmers in the valley", False),
])
def test_pdf_layout_paragraph_runs_over_page_break(prev, nxt, runs_on):
    assert continues(prev, nxt) is runs_on


def test_pdf_layout_merges_pieces_of_a_justified_line():
    pieces = [Line("take plan", 191, 240, 432, 442, 10), Line("the council and and", 78, 185, 432, 442, 10),
              Line("two", 246, 264, 432, 442, 10), Line("far away", 330, 380, 432, 442, 10),  # across a gutter
              Line("next line", 78, 280, 419, 429, 10)]
    assert [ln.text for ln in merge_fragments(pieces)] == ["the council and and take plan two", "far away",
                                                           "next line"]


def test_pdf_layout_reading_order_by_columns():
    def col(x: float, tag: str, top: float) -> list[Line]:
        return [Line(f"{tag}{i}", x, x + 200, top - 13 * i, top - 13 * i + 10, 10) for i in range(4)]

    head = Line("Headline across both columns", 72, 520, 760, 778, 18)
    left, right = col(72, "L", 740), col(310, "R", 740)
    shuffled = [right[0], left[2], head, *right[1:], left[0], left[1], left[3]]
    assert [ln.text for ln in reading_order(shuffled)] == [head.text] + [f"L{i}" for i in range(4)] + [
        f"R{i}" for i in range(4)]
    one = col(72, "S", 740)  # one column: top to bottom
    assert [ln.text for ln in reading_order(one[::-1])] == [f"S{i}" for i in range(4)]
