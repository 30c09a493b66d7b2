""".docx, .eml and .mhtml input: what is read, what is metadata, and typed errors for broken files."""
from __future__ import annotations

import io
import json
import zipfile
from email.message import EmailMessage

import pytest
from click.testing import CliRunner
from test_pipeline_core import iter_spans

from newsaudit.cli import cli
from newsaudit.errors import BinaryInputError, DocxError, EmailInputError
from newsaudit.ingest import load
from newsaudit.ingest.formats import sniff
from newsaudit.ingest.mail import looks_like_message

BODY = [
    "The ferry strike in Tolsk ended on Friday after nine days, the Harbour Workers' Union said. Crews had walked "
    "out over pay and the length of night shifts on the Varrin crossing.",
    "Union leader Petra Lind said members had accepted a pay rise of 4 per cent. She said the vote was close but "
    "the result was clear.",
    "Services to Varrin will resume on Monday, the operator said in a statement. The first boat leaves at six.",
]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(*, title="Ferry strike ends in Tolsk", footnotes: dict[int, str] | None = None, table=False,
              core_title: str | None = None) -> bytes:
    import docx

    d = docx.Document()
    if title:
        d.add_paragraph(title, style="Title")
    d.add_heading("Talks", level=1)
    for i, text in enumerate(BODY):
        p = d.add_paragraph(text)
        if footnotes and i + 1 in footnotes:
            p.add_run(f"@@FN{i + 1}@@")
    if table:
        d.add_table(rows=2, cols=2)
    if core_title is not None:
        d.core_properties.title = core_title
    buf = io.BytesIO()
    d.save(buf)
    if not footnotes:
        return buf.getvalue()
    return _with_footnotes(buf.getvalue(), footnotes)


def _with_footnotes(data: bytes, notes: dict[int, str]) -> bytes:
    """Turn the ``@@FNn@@`` runs into Word footnote references and add ``word/footnotes.xml``."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                xml = body.decode("utf-8")
                for n in notes:
                    xml = xml.replace(f"<w:t>@@FN{n}@@</w:t>",
                                      f'<w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{n + 10}"/>')
                body = xml.encode("utf-8")
            z.writestr(item, body)
        fns = "".join(f'<w:footnote w:id="{n + 10}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {t}'
                      f"</w:t></w:r></w:p></w:footnote>" for n, t in notes.items())
        z.writestr("word/footnotes.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W}">'
                   f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>{fns}'
                   "</w:footnotes>")
    return out.getvalue()


@pytest.mark.parametrize("kw,title", [
    ({}, "Ferry strike ends in Tolsk"),
    ({"title": None, "core_title": "Tolsk ferry strike is over"}, "Tolsk ferry strike is over"),
    ({"title": None, "core_title": "draft-final.docx"}, None),  # a file name is not a title
])
def test_docx_paragraphs_and_title(tmp_path, kw, title):
    p = tmp_path / "story.docx"
    p.write_bytes(make_docx(**kw))
    art = load(p)
    assert art.meta.source_format == "docx"
    assert art.meta.title == title
    paras = art.text.strip().split("\n\n")
    assert paras[-3:] == BODY and "Talks" in paras


def test_docx_footnotes_become_a_notes_block_linked_to_markers(tmp_path):
    notes = {1: "Union ballot notice, 3 May 2024.", 3: "Operator statement, 4 May 2024."}
    p = tmp_path / "story.docx"
    p.write_bytes(make_docx(footnotes=notes))
    res = CliRunner().invoke(cli, ["audit", str(p), "-f", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    text = d["text"]
    assert "¹ Union ballot notice, 3 May 2024." in text and "² Operator statement, 4 May 2024." in text
    assert BODY[0] + "¹" in text and BODY[2] + "²" in text  # numbered in the order they are referenced
    assert d["structure"]["references"] is not None
    assert sorted(m["number"] for m in d["citations"]["markers"]) == [1, 2]
    assert sorted(e["number"] for e in d["citations"]["entries"]) == [1, 2]
    for start, end, t in iter_spans(d):
        assert text[start:end] == t


def test_docx_tables_are_skipped_with_a_notice():
    art = load(make_docx(table=True))
    assert [w.code for w in art.meta.warnings if w.code.startswith("docx")] == ["docx_tables_skipped"]


@pytest.mark.parametrize("data,name,exc,code", [
    (lambda: make_docx()[:900], "x.docx", DocxError, "E124"),  # cut short: the zip's directory is gone
    (lambda: make_docx()[:-40], None, DocxError, "E124"),
    (lambda: _zip({"word/document.xml": b"<not-xml", "[Content_Types].xml": b"<x/>"}), None, DocxError, "E124"),
    (lambda: _zip({"xl/workbook.xml": b"<x/>"}), "x.xlsx", BinaryInputError, "E102"),  # a spreadsheet is no article
])
def test_docx_broken_files_get_typed_errors(tmp_path, data, name, exc, code):
    raw = data()
    p = tmp_path / (name or "upload.bin")
    p.write_bytes(raw)
    with pytest.raises(exc):
        load(p)
    res = CliRunner().invoke(cli, ["audit", str(p)])
    assert res.exit_code == 3 and res.stderr.startswith(f"Error: [{code}]") and len(res.stderr.splitlines()) == 2


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in files.items():
            z.writestr(k, v)
    return buf.getvalue()


# ---------------------------------------------------------------- e-mail and saved pages

def make_eml(*, sender='"Petra Lind" <petra@tolsk-harbour.example>', subject="Fwd: Ferry strike ends in Tolsk",
             date="Fri, 03 May 2024 09:25:00 +0200", html: str | None = None, plain: bool = True) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "desk@paper.example"
    if subject:
        msg["Subject"] = subject
    if date:
        msg["Date"] = date
    if plain:
        msg.set_content("\n\n".join(BODY) + "\n")
    if html:
        if plain:
            msg.add_alternative(html, subtype="html")
        else:
            msg.set_content(html, subtype="html")
    return bytes(msg)


HTML = ("<html><head><title>Ferry strike ends</title></head><body><article><h1>Ferry strike ends</h1>"
        + "".join(f"<p>{b}</p>" for b in BODY) + "</article></body></html>")


@pytest.mark.parametrize("sender,author", [
    ('"Petra Lind" <petra@tolsk-harbour.example>', "Petra Lind"),
    ('"Anna-Maria van Dijk" <a@x.example>', "Anna-Maria van Dijk"),
    ('"Tolsk Daily Briefing" <news@tolsk.example>', None),
    ('"The Harbour Desk" <desk@x.example>', None),
    ("petra@tolsk-harbour.example", None),
    ('"PETRA LIND" <p@x.example>', None),
    ('"Team 42" <t@x.example>', None),
])
def test_eml_from_is_an_author_only_when_it_reads_like_a_person(sender, author):
    art = load(make_eml(sender=sender))
    assert art.meta.authors == ([author] if author else [])


def test_eml_subject_date_and_text(tmp_path):
    p = tmp_path / "m.eml"
    p.write_bytes(make_eml())
    art = load(p)
    assert art.meta.source_format == "eml"
    assert art.meta.title == "Ferry strike ends in Tolsk"  # "Fwd:" dropped
    assert art.meta.published == "2024-05-03" and art.meta.published_source == "email"
    assert art.text.startswith("Ferry strike ends in Tolsk\n\n") and BODY[1] in art.text


def test_eml_html_only_part_is_extracted():
    art = load(make_eml(plain=False, html=HTML))
    assert art.meta.source_format == "eml" and BODY[2] in art.text and "<p>" not in art.text


def test_eml_without_text_part_is_a_typed_error():
    msg = EmailMessage()
    msg["From"], msg["Subject"], msg["MIME-Version"] = "a@b.example", "Photos", "1.0"
    msg.set_content(b"\x89PNG\r\n\x1a\n....", maintype="image", subtype="png")
    with pytest.raises(EmailInputError):
        load(bytes(msg))


def make_mhtml(url="https://harbour.example/news/ferry-strike") -> bytes:
    msg = EmailMessage()
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = url
    msg["Subject"] = "Ferry strike ends"
    msg["MIME-Version"] = "1.0"
    msg.set_content(HTML, subtype="html")
    msg.make_related()
    msg.add_related(b"\x89PNG\r\n\x1a\n", maintype="image", subtype="png", cid="<img1>")
    return bytes(msg)


def test_mhtml_reads_the_html_part_and_the_page_address(tmp_path):
    p = tmp_path / "page.mhtml"
    p.write_bytes(make_mhtml())
    art = load(p)
    assert art.meta.source_format == "mhtml" and art.meta.url == "https://harbour.example/news/ferry-strike"
    assert BODY[0] in art.text and "<p>" not in art.text and not art.meta.authors


@pytest.mark.parametrize("data,name,kind", [
    (b"%PDF-1.7\n...", None, "pdf"),
    (b"\r\n  %PDF-1.4\n...", "x.bin", "pdf"),
    (b"The file starts with %PDF-1.7 as every PDF does.", None, "text"),
    (b"From: Petra Lind <p@x.example>\nSubject: Strike\nDate: Fri, 03 May 2024 09:25:00 +0200\n\nBody.", None, "eml"),
    (b"MIME-Version: 1.0\nContent-Type: text/plain\n\nBody.", None, "eml"),
    (b"From Tolsk to Varrin the ferry runs daily.\n\nSubject: delays.", None, "text"),
    (b"Subject: the ferry strike\nThe strike ended on Friday.", None, "text"),
    (b"KESTRAVA (Reuters) - The strike ended.", None, "text"),
    (b"<html><body><p>x</p></body></html>", "page.mhtml", "mhtml"),
    (b"PK\x03\x04 not a zip", None, "text"),
])
def test_formats_sniff_reads_the_bytes(data, name, kind):
    assert sniff(data, name) == kind


@pytest.mark.parametrize("head,is_message", [
    (b"From: a@b.example\nDate: Fri, 03 May 2024 09:25:00 +0200\n\nx", True),
    (b"Received: from x\n\tby y\nMIME-Version: 1.0\n\nx", True),
    (b"Note: this is an article\nIt has prose.\n\nx", False),
    (b"Title: Strike ends\nAuthor: Petra Lind\n\nx", False),
])
def test_mail_looks_like_message(head, is_message):
    assert looks_like_message(head) is is_message
