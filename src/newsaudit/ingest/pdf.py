"""PDF bytes → article text, with pdfminer.six (imported on first use).

The text is what a reader of the PDF reads as the article: the pages' paragraphs in reading order (lines
of a paragraph joined, a paragraph that runs over a page break joined again), without running headers,
footers and page numbers (each page's :class:`~newsaudit.dossier.Page` lists what was left out, with its
kind), superscript footnote markers written as superscript digits (``¹``), and the footnotes from the page
bottoms gathered in a ``Notes`` block at the end, which the structure and citations layers read as the
article's notes.  Layout rules: :mod:`newsaudit.ingest.pdf_layout`.

Limits: at most ``MAX_PAGES`` pages and ``TIME_LIMIT_S`` seconds of layout analysis (then the pages read so
far are kept, with a ``pdf_truncated`` notice); the input size limit applies to the file as everywhere.
Encrypted, scanned (no text layer) and damaged files raise E121, E122 and E123.
"""
from __future__ import annotations

import io
import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, field

from ..dossier import Notice, Page, PageFurniture, Span
from ..errors import PdfBrokenError, PdfEncryptedError, PdfNoTextError
from .pdf_layout import SUPERSCRIPT, Line, PageLines, PageText, continues, lay_out, merge_fragments, reading_order

log = logging.getLogger(__name__)

MAX_PAGES = 300
TIME_LIMIT_S = 60.0
NOTES_HEADING = "Notes"
_LEAD_SUP = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?=\S)")
_FILENAME_TITLE = re.compile(r"\.\w{2,5}$|^(untitled|microsoft\s+\w+\s*-|document\d*$)", re.I)


def is_pdf(data: bytes) -> bool:
    """PDF magic at the start (after white space, NULs or a BOM, which some servers prepend).  Not anywhere
    in the first KiB, as readers allow: a text that quotes ``%PDF-1.7`` is not a PDF."""
    return data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF-")


@dataclass
class PdfText:
    text: str
    pages: list[Page]
    title: str | None = None
    warnings: list[Notice] = field(default_factory=list)


def read_pdf(data: bytes, *, max_pages: int | None = None, time_limit_s: float | None = None) -> PdfText:
    """Read the text of the PDF ``data``; raise a typed error when it has none that can be read."""
    max_pages = MAX_PAGES if max_pages is None else max_pages
    time_limit_s = TIME_LIMIT_S if time_limit_s is None else time_limit_s
    raw, total, title, warnings = _read_pages(data, max_pages, time_limit_s)
    if not any(p.lines for p in raw):
        raise PdfNoTextError("the PDF has no text layer (its pages are images, e.g. a scan, or blank).",
                             hint="run OCR on it first (e.g. ocrmypdf), or paste the article's text")
    empty = [p.number for p in raw if not p.lines]
    if empty:
        warnings.append(Notice(code="pdf_pages_without_text",
                               message=f"page(s) {_ranges(empty)} have no text layer (images only) and were skipped"))
    text, pages = assemble(lay_out(raw))
    removed = Counter(f.kind for p in pages for f in p.removed)
    n_notes = sum(len(p.notes) for p in pages)
    parts = [f"{n} {k.replace('_', ' ')}{'s' if n > 1 else ''}" for k, n in sorted(removed.items())]
    if parts or n_notes:
        kept = f"kept out of the text: {', '.join(parts)}" if parts else "no running headers or page numbers"
        moved = f"; {n_notes} footnote(s) moved to the notes block at the end" if n_notes else ""
        warnings.append(Notice(code="pdf_layout", message=f"PDF of {len(pages)} page(s); {kept}{moved}"))
    if total is not None and total > len(raw):
        warnings.append(Notice(code="pdf_truncated", message=f"only the first {len(raw)} of {total} pages were read "
                                                             f"(limit {max_pages} pages, {time_limit_s:.0f} s)"))
    return PdfText(text=text, pages=pages, title=title, warnings=warnings)


def _read_pages(data: bytes, max_pages: int, time_limit_s: float):
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise PdfEncryptedError(f"the PDF is encrypted and needs a password to open ({type(exc).__name__}).",
                                hint="save an unprotected copy (print to PDF), or paste the article's text") from None
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise PdfBrokenError(f"the PDF is damaged and cannot be read ({_why(exc)}).",
                             hint="download or export the file again") from None
    title = _info_title(doc)
    total = _page_count(doc)
    rsrc = PDFResourceManager(caching=True)
    device = PDFPageAggregator(rsrc, laparams=LAParams())
    interp = PDFPageInterpreter(rsrc, device)
    pages: list[PageLines] = []
    warnings: list[Notice] = []
    t0 = time.monotonic()
    try:
        for number, page in enumerate(PDFPage.create_pages(doc), 1):
            if number > max(1, max_pages) or (pages and time.monotonic() - t0 > time_limit_s):  # page 1 always
                total = max(total or 0, number)
                break
            interp.process_page(page)
            pages.append(_page_lines(device.get_result(), number))
    except Exception as exc:
        if not pages:
            raise PdfBrokenError(f"the PDF is damaged and cannot be read ({_why(exc)}).",
                                 hint="download or export the file again") from None
        warnings.append(Notice(code="pdf_damaged", message=f"the PDF is damaged after page {len(pages)} "
                                                           f"({_why(exc)}); the pages before were read"))
    if not pages:
        raise PdfBrokenError("the PDF holds no pages.", hint="download or export the file again")
    _check_decodable(pages)
    return pages, total, title, warnings


def _why(exc: Exception) -> str:
    msg = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def _page_count(doc) -> int | None:
    try:
        from pdfminer.pdftypes import resolve1

        n = resolve1(resolve1(doc.catalog["Pages"]).get("Count"))
        return int(n) if n is not None else None
    except Exception:  # an odd page tree: the count is only for the notice
        return None


def _info_title(doc) -> str | None:
    """The document's Title entry, unless it is a file name or a tool's default."""
    from pdfminer.pdftypes import resolve1

    for info in doc.info or []:
        raw = resolve1(info.get("Title")) if isinstance(info, dict) else None
        if isinstance(raw, bytes):
            raw = (raw.decode("utf-16") if raw.startswith((b"\xfe\xff", b"\xff\xfe"))
                   else raw.decode("latin-1"))
        if isinstance(raw, str):
            title = " ".join(raw.split())
            if len(title.split()) >= 2 and not _FILENAME_TITLE.search(title):
                return title
    return None


def _page_lines(layout, number: int) -> PageLines:
    from pdfminer.layout import LTCurve, LTTextBox, LTTextLine

    lines: list[Line] = []
    rules: list[tuple[float, float, float]] = []
    for el in layout:
        if isinstance(el, LTTextBox):
            for tl in el:
                if isinstance(tl, LTTextLine):
                    ln = _line(tl)
                    if ln is not None:
                        lines.append(ln)
        elif isinstance(el, LTCurve) and el.height <= 2 and el.width > 20:  # LTLine and thin LTRect
            rules.append((el.x0, el.x1, el.y0))
    return PageLines(number, layout.width, layout.height, reading_order(merge_fragments(lines)), rules)


def _line(tl) -> Line | None:
    from pdfminer.layout import LTChar

    chars = [c for c in tl if isinstance(c, LTChar)]
    visible = [c for c in chars if c.get_text().strip()]
    if not visible:
        return None
    size = Counter(round(c.size, 1) for c in visible).most_common(1)[0][0]
    base = sorted(c.y0 for c in visible if c.size >= 0.9 * size)
    baseline = base[len(base) // 2] if base else tl.y0
    out: list[str] = []
    for c in tl:
        t = c.get_text()
        if isinstance(c, LTChar) and t.isdigit() and c.size <= 0.8 * size and c.y0 >= baseline + 0.15 * size:
            if out and out[-1] == " " and len(out) > 1 and not out[-2].isspace():
                out.pop()  # "word ¹" → "word¹"
            out.append(t.translate(SUPERSCRIPT))
            continue
        if t == "\n":
            continue
        out.append(t)
    text = _LEAD_SUP.sub(r"\1 ", " ".join("".join(out).split()))  # a footnote's leading number: "¹ Text"
    return Line(text, tl.x0, tl.x1, tl.y0, tl.y1, size) if text else None


def _check_decodable(pages: list[PageLines]) -> None:
    text = "".join(ln.text for p in pages for ln in p.lines)
    if text and (text.count("(cid:") * 6 > 0.3 * len(text) or text.count("\ufffd") > 0.3 * len(text)):
        raise PdfNoTextError("the PDF's fonts carry no character map: its text cannot be decoded.",
                             hint="run OCR on it (e.g. ocrmypdf --force-ocr), or paste the article's text")


def assemble(laid: list[PageText]) -> tuple[str, list[Page]]:
    """The article text and its pages: paragraphs blank-line separated, the notes block last."""
    parts: list[str] = []
    pos = 0
    pages: list[Page] = []
    prev_heading = True
    for pt in laid:
        start = None
        for i, (para, heading) in enumerate(pt.paragraphs):
            if i == 0 and parts and not heading and not prev_heading and continues(parts[-1], para):
                sep = " "
            else:
                sep = "\n\n" if parts else ""
            parts.append(sep)
            pos += len(sep)
            if start is None:
                start = pos
            parts.append(para)
            pos += len(para)
            prev_heading = heading
        pages.append(Page(number=pt.number, label=pt.label, start=pos if start is None else start, end=pos,
                          removed=[PageFurniture(kind=k, text=t) for k, t in pt.removed]))
    text = "".join(parts)
    if any(pt.notes for pt in laid):
        text += ("\n\n" if text else "") + NOTES_HEADING + "\n\n"
        for pt, page in zip(laid, pages):
            for note in pt.notes:
                line = f"{str(note.number).translate(SUPERSCRIPT)} {note.text}"
                page.notes.append(Span(start=len(text), end=len(text) + len(line), text=line))
                text += line + "\n"
    return (text if text.endswith("\n") else text + "\n"), pages


def _ranges(nums: list[int]) -> str:
    out: list[str] = []
    for n in nums:
        if out and out[-1].split("–")[-1] == str(n - 1):
            out[-1] = out[-1].split("–")[0] + "–" + str(n)
        else:
            out.append(str(n))
    return ", ".join(out)
