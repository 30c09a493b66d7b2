"""PDFs the tests generate with reportlab: invented reports about invented places, laid out as real ones are.

``report_pdf()`` draws a multi-page report with a running header, page numbers in the footer, a body
paragraph that runs over a page break, superscript footnote markers and footnotes under a rule at the
page bottom.  The gold (what a reader sees as the article) is returned beside the bytes.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field

HEADER = "Marrowby Water Board — Annual Review"

PAGES = [
    # (body lines of the page, [(marker number, footnote text)], ends mid-paragraph)
    [
        ("title", "Reservoir levels fall at Lake Orvane"),
        ("p", "The Marrowby Water Board said on Tuesday that the level of Lake Orvane"),
        ("p", "fell by 14 per cent over the summer, the steepest drop since records began.{1}"),
        ("gap", ""),
        ("p", "Engineers at the Kestle pumping station measured the fall every week from"),
        ("p", "June to September, according to the board's chief hydrologist, Ilse Varna."),
        ("gap", ""),
        ("p", "Varna said the board would ask the regional council to limit garden irrigation"),
        ("p", "in the towns of Brackwell and Oster Fen until the autumn rains returned and"),
    ],
    [
        ("p", "the reservoir had recovered at least half of its lost volume.{2}"),
        ("gap", ""),
        ("p", "Farmers in the valley have opposed similar limits before. The Orvane"),
        ("p", "Growers' Union said in a statement that 300 of its members rely on the lake."),
        ("gap", ""),
        ("head", "What happens next"),
        ("p", "The council will vote on the proposal on 14 October, a spokesman said."),
    ],
    [
        ("p", "The board expects to publish a full report on the drought in the spring.{3}"),
        ("gap", ""),
        ("p", "Residents can read the weekly measurements on the board's website."),
    ],
]
NOTES = {
    1: "Marrowby Water Board, Weekly Level Bulletin, September 2025.",
    2: "Board minutes of 2 September 2025, item 4.",
    3: "Letter from the board to the regional council, 30 September 2025.",
}


@dataclass
class Gold:
    title: str
    headers: int  # running header lines drawn
    page_numbers: int  # bare page numbers drawn
    notes: dict[int, str] = field(default_factory=dict)
    pages: int = 0
    body_phrases: list[str] = field(default_factory=list)  # phrases that must read whole in the text


def _canvas(buf, **kw):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    return canvas.Canvas(buf, pagesize=A4, **kw), A4


def report_pdf(*, encrypt: str | None = None, header: bool = True, numbers: bool = True,
               footnotes: bool = True) -> tuple[bytes, Gold]:
    """The three-page report; ``encrypt`` sets a user password (the file then needs it to open)."""
    buf = io.BytesIO()
    kw = {}
    if encrypt is not None:
        from reportlab.lib import pdfencrypt

        kw["encrypt"] = pdfencrypt.StandardEncryption(encrypt, ownerPassword="owner-" + encrypt, canPrint=1)
    c, (w, h) = _canvas(buf, **kw)
    c.setTitle("report-final-v3.docx")
    for pno, page in enumerate(PAGES, 1):
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(72, h - 40, HEADER)
        y = h - 90
        used: list[int] = []
        for kind, line in page:
            if kind == "gap":
                y -= 10
                continue
            size = {"title": 18, "head": 13}.get(kind, 11)
            c.setFont("Helvetica-Bold" if kind != "p" else "Helvetica", size)
            x = 72
            parts = line.split("{")
            for i, part in enumerate(parts):
                if i:
                    num, rest = part.split("}", 1)
                    if footnotes:
                        c.setFont("Helvetica", 7)
                        c.drawString(x, y + 4, num)
                        x += c.stringWidth(num, "Helvetica", 7)
                        used.append(int(num))
                    c.setFont("Helvetica", size)
                    part = rest
                c.drawString(x, y, part)
                x += c.stringWidth(part, "Helvetica" if kind == "p" else "Helvetica-Bold", size)
            y -= size * 1.5 if kind != "title" else 30
        if footnotes and used:
            fy = 110
            c.setLineWidth(0.5)
            c.line(72, fy + 14, 200, fy + 14)
            for n in used:
                c.setFont("Helvetica", 6)
                c.drawString(72, fy + 3, str(n))
                c.setFont("Helvetica", 8)
                c.drawString(78, fy, NOTES[n])
                fy -= 11
        if numbers:
            c.setFont("Helvetica", 9)
            c.drawCentredString(w / 2, 40, str(pno))
        c.showPage()
    c.save()
    gold = Gold(title="Reservoir levels fall at Lake Orvane", headers=len(PAGES) if header else 0,
                page_numbers=len(PAGES) if numbers else 0, notes=dict(NOTES) if footnotes else {}, pages=len(PAGES),
                body_phrases=["until the autumn rains returned and the reservoir had recovered",
                              "the steepest drop since records began."])
    return buf.getvalue(), gold


def image_only_pdf(pages: int = 2) -> bytes:
    """A 'scanned' PDF: every page is a picture, no text layer."""
    from reportlab.lib.utils import ImageReader

    png = _tiny_png()
    buf = io.BytesIO()
    c, (w, h) = _canvas(buf)
    for _ in range(pages):
        c.drawImage(ImageReader(io.BytesIO(png)), 72, 300, width=400, height=400)
        c.showPage()
    c.save()
    return buf.getvalue()


def many_pages_pdf(pages: int) -> bytes:
    buf = io.BytesIO()
    c, (w, h) = _canvas(buf)
    for i in range(pages):
        c.setFont("Helvetica", 11)
        c.drawString(72, h - 100, f"Section {i + 1}. The ferry from Tolsk to Varrin ran late again on this day.")
        c.showPage()
    c.save()
    return buf.getvalue()


def _tiny_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes([(x * 37 + y * 11) % 256 for x in range(16)]) for y in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


_SENTENCES = [
    "The Tolsk council voted on the harbour dredging plan after a long debate.",
    "Engineers said silt near the northern quay had risen every spring since the storm.",
    "The work would cost about 12 million crowns and take two years, according to the port office.",
    "Fishermen in Varrin said the dredgers would drive the herring from the bay.",
    "A spokesman for the port said the channel was already too shallow for the ferries.",
    "Councillor Edda Morn said the town could not wait for another study.",
]


def flow_pdf(columns: int = 1, paragraphs: int = 24) -> bytes:
    """A report set by reportlab's page layout engine: justified paragraphs with a first-line indent and no
    space between them, a heading now and then, a running header and ``Page N`` footers; one or two columns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    ss = getSampleStyleSheet()
    body = ParagraphStyle("b", parent=ss["BodyText"], fontSize=10, leading=13, alignment=4, firstLineIndent=14,
                          spaceAfter=0, spaceBefore=0)

    def on_page(c, doc):
        c.saveState()
        c.setFont("Helvetica", 8)
        c.drawString(72, A4[1] - 40, "The Tolsk Courier — Special report")
        c.drawRightString(A4[0] - 72, 30, f"Page {doc.page}")
        c.restoreState()

    w, h = A4
    if columns == 2:
        half = (w - 144) / 2
        frames = [Frame(72, 60, half - 6, h - 130, id="l"), Frame(72 + half + 6, 60, half - 6, h - 130, id="r")]
    else:
        frames = [Frame(72, 60, w - 144, h - 130)]
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, pageTemplates=[PageTemplate(frames=frames, onPage=on_page)])
    story = [Paragraph("Harbour dredging plan splits Tolsk council", ss["Title"])]
    for i in range(paragraphs):
        if i % 7 == 3:
            story.append(Paragraph(f"Part {i // 7 + 1}", ss["Heading2"]))
        k = 3 + i % 4
        story.append(Paragraph(" ".join(_SENTENCES[(i + j) % len(_SENTENCES)] for j in range(k)), body))
    doc.build(story)
    return buf.getvalue()


def flow_gold(paragraphs: int = 24) -> list[str]:
    """The paragraphs of ``flow_pdf`` as a reader reads them (title, headings, body)."""
    out = ["Harbour dredging plan splits Tolsk council"]
    for i in range(paragraphs):
        if i % 7 == 3:
            out.append(f"Part {i // 7 + 1}")
        k = 3 + i % 4
        out.append(" ".join(_SENTENCES[(i + j) % len(_SENTENCES)] for j in range(k)))
    return out
