"""``.docx`` bytes → article text, with python-docx (imported on first use).

Body paragraphs in document order, blank-line separated (tables are skipped, with a notice); a line break
inside a paragraph stays a line break.  The ``Title`` style paragraph (else the core properties' title,
unless it is a file name) becomes ``meta.title``.  Word footnotes (``word/footnotes.xml``) are numbered in
the order they are referenced, their references written as superscript digits, and their text gathered in a
``Notes`` block at the end, as for PDFs; a run set in superscript that holds only digits is a marker too.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from ..dossier import Notice
from ..errors import BinaryInputError, DocxError
from .pdf_layout import SUPERSCRIPT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FILENAME = re.compile(r"\.\w{2,5}$|^(untitled|document\d*)$", re.I)


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


@dataclass
class DocxText:
    text: str
    title: str | None = None
    warnings: list[Notice] = field(default_factory=list)


def read_docx(data: bytes) -> DocxText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data.startswith(b"PK\x03\x04"):
        raise BinaryInputError("the input is not a .docx file.", hint="pass plain text, HTML, JSON, PDF or .docx")
    try:
        document = docx.Document(io.BytesIO(data))
        notes_xml = _part(data, "word/footnotes.xml")
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocxError(f"the .docx file is damaged and cannot be read ({type(exc).__name__}).",
                        hint="open it in a word processor and save it again, or paste the article's text") from None
    except Exception as exc:  # lxml raises on broken XML parts
        raise DocxError(f"the .docx file is damaged and cannot be read ({type(exc).__name__}: {exc}).",
                        hint="open it in a word processor and save it again, or paste the article's text") from None
    footnotes = _footnotes(notes_xml)
    order: dict[str, int] = {}  # footnote id → its number (order of first reference)
    paragraphs: list[str] = []
    title = None
    for p in document.paragraphs:
        text = _paragraph_text(p._p, order, footnotes).strip()
        if not text:
            continue
        style = (p.style.name if p.style is not None else "") or ""
        if title is None and style.lower() == "title":
            title = " ".join(text.split())
        paragraphs.append(text)
    warnings: list[Notice] = []
    if document.tables:
        warnings.append(Notice(code="docx_tables_skipped",
                               message=f"{len(document.tables)} table(s) in the document were not read"))
    if title is None:
        core = (document.core_properties.title or "").strip()
        if len(core.split()) >= 2 and not _FILENAME.search(core):
            title = core
    text = "\n\n".join(paragraphs)
    notes = [(n, footnotes[i]) for i, n in sorted(order.items(), key=lambda kv: kv[1]) if footnotes.get(i)]
    if notes:
        text += "\n\nNotes\n\n" + "\n".join(f"{str(n).translate(SUPERSCRIPT)} {body}" for n, body in notes)
        warnings.append(Notice(code="docx_footnotes", message=f"{len(notes)} footnote(s) moved to the notes block at the end"))
    return DocxText(text=text + "\n", title=title, warnings=warnings)


def _part(data: bytes, name: str) -> bytes | None:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name) if name in z.namelist() else None


def _footnotes(xml: bytes | None) -> dict[str, str]:
    """Footnote id → its text (separator and continuation notes left out)."""
    if not xml:
        return {}
    from lxml import etree

    root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    out: dict[str, str] = {}
    for fn in root.iter(W + "footnote"):
        if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join("".join(t.text or "" for t in fn.iter(W + "t")).split())
        if text:
            out[fn.get(W + "id")] = text
    return out


def _paragraph_text(p, order: dict[str, int], footnotes: dict[str, str]) -> str:
    out: list[str] = []
    for r in p.iter(W + "r"):
        sup = r.find(f"{W}rPr/{W}vertAlign")
        superscript = sup is not None and sup.get(W + "val") == "superscript"
        for el in r:
            tag = el.tag
            if tag == W + "t":
                t = el.text or ""
                out.append(t.translate(SUPERSCRIPT) if superscript and t.strip().isdigit() else t)
            elif tag == W + "tab":
                out.append(" ")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "footnoteReference":
                fid = el.get(W + "id")
                if fid in footnotes:
                    n = order.setdefault(fid, len(order) + 1)
                    out.append(str(n).translate(SUPERSCRIPT))
    return "".join(out)
