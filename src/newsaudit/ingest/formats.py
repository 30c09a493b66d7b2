"""Which reader takes raw input bytes: PDF, .docx, e-mail / saved page, or text (HTML and JSON included).

Decided from the bytes themselves (a file's suffix only breaks the tie between an .eml and a saved page):

* ``%PDF-`` at the start (after white space or a BOM) → PDF;
* a ZIP holding ``word/document.xml`` (or a damaged one that names it) → .docx (any other ZIP stays a
  binary-input error);
* a MIME header block first (``MIME-Version``, or ``From`` with ``Date``/``Subject``) → e-mail, or a saved
  page when it is ``multipart/related`` (``.mht``/``.mhtml``);
* anything else → text.

The readers are imported only when such a file comes in, so the text path stays as fast as it was.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..dossier import Notice, Page


@dataclass
class Document:
    """What a format reader found: the text (or HTML still to extract), metadata, notices and PDF pages."""

    text: str
    meta: dict
    warnings: list[Notice] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    is_html: bool = False


def sniff(data: bytes, name: str | None = None) -> str:
    """``"pdf"``, ``"docx"``, ``"eml"``, ``"mhtml"`` or ``"text"``."""
    from .pdf import is_pdf

    if is_pdf(data):
        return "pdf"
    lowered = (name or "").lower()
    if data.startswith(b"PK\x03\x04"):
        from .docx import is_docx

        # a damaged .docx (no readable zip directory) still names its parts in the local headers
        damaged = lowered.endswith(".docx") or b"word/document.xml" in data[:1 << 20]
        return "docx" if is_docx(data) or damaged else "text"
    if lowered.endswith((".mht", ".mhtml")):
        return "mhtml"
    if lowered.endswith(".eml") or (data[:1].isalpha() and _message(data)):
        return "eml"
    return "text"


def _message(data: bytes) -> bool:
    from .mail import looks_like_message

    return looks_like_message(data)


def read_document(kind: str, data: bytes) -> Document:
    if kind == "pdf":
        from .pdf import read_pdf

        pdf = read_pdf(data)
        meta = {"source_format": "pdf", "title": pdf.title}
        return Document(pdf.text, meta, pdf.warnings, pdf.pages)
    if kind == "docx":
        from .docx import read_docx

        doc = read_docx(data)
        return Document(doc.text, {"source_format": "docx", "title": doc.title}, doc.warnings)
    if kind in ("eml", "mhtml"):
        from .mail import read_message

        text, meta, warnings, how = read_message(data, saved_page=True if kind == "mhtml" else None)
        return Document(text, meta, warnings, is_html=how == "html")
    raise ValueError(f"no reader for {kind!r}")
