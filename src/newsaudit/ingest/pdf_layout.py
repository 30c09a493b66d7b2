"""The lines of PDF pages → what a reader sees: furniture, footnotes, paragraphs.

Works on plain records (:class:`Line`, :class:`PageLines`) that ``pdf.py`` builds from pdfminer's layout, so
the rules here can be read (and tested) without a PDF:

* **reading order**: pieces of one justified line rejoined, then top to bottom, column by column;
* **running headers/footers**: the top-most (bottom-most) one or two lines of a page, set apart from the
  body by a wider gap or another size, whose text recurs in that place on at least 2 pages and 40 % of
  them (the same text, or with one number that moves with the page);
* **page numbers**: a bare number (``7``, ``- 7 -``, ``Page 7 of 9``, ``vii``) among those lines, or as the
  page's very first or last line;
* **footnotes**: the lines at the bottom of a page set in a smaller font than the body (or below a short
  rule), the first of them starting with a number; each numbered line starts a note;
* **paragraphs**: consecutive lines of one size, one column and ordinary spacing; a wider gap, a change of
  size, a column jump or an indented line after a finished sentence starts a new one.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
ZONE_LINES = 2  # lines at the top and at the bottom of a page that may be furniture
RUNNING_SHARE = 0.4  # a running line recurs on at least this share of the pages (and on 2)
SMALL = 0.88  # a footnote's font is at most this share of the body size

PAGE_NUMBER = re.compile(
    r"^[\s\-–—|]*(?:(?:page|p\.|pg\.?)\s*)?(?P<n>\d{1,4}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))(?:\s*(?:of|/)\s*\d{1,4})?[\s\-–—|]*$", re.I)
NOTE_START = re.compile(r"^\s*(?P<n>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\d{1,3})(?:[.)]\s*|\s+|(?=[A-Z“\"']))(?P<rest>\S.*)$")
RULE_TEXT = re.compile(r"^\s*[_\-–—=·.]{6,}\s*$")
ENDS_SENTENCE = re.compile(r"[.!?…:;\"”’)\]]$|[.!?][\"”’)]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$")


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    y0: float  # PDF coordinates: y grows upwards
    y1: float
    size: float  # the line's main font size


@dataclass
class PageLines:
    number: int
    width: float
    height: float
    lines: list[Line]  # in reading order (pdfminer's box order)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # horizontal rules: (x0, x1, y)


@dataclass
class Note:
    number: int
    text: str


@dataclass
class PageText:
    number: int
    paragraphs: list[tuple[str, bool]]  # (text, is_heading)
    removed: list[tuple[str, str]]  # (kind, text)
    notes: list[Note]
    label: str | None = None


def merge_fragments(lines: list[Line]) -> list[Line]:
    """Rejoin the pieces pdfminer makes of one justified line (wide word gaps): same baseline and size, each
    piece starting less than ``1.2 × size`` after the one before ends.  The joined line takes the place of
    its first (left-most) piece in reading order."""
    def follows(a: Line, b: Line) -> bool:  # b continues a on the same line
        return (abs(a.size - b.size) < 0.5 and abs(a.y0 - b.y0) < 0.25 * a.size
                and 0 <= b.x0 - a.x1 < 1.2 * a.size)

    n = len(lines)
    buckets: dict[int, list[int]] = {}  # by baseline, 2 pt wide: only neighbours are compared (linear cost)
    for i, ln in enumerate(lines):
        buckets.setdefault(int(ln.y0 // 2), []).append(i)
    nxt: dict[int, int] = {}
    has_prev: set[int] = set()
    for i in range(n):
        key = int(lines[i].y0 // 2)
        near = [j for k in (key - 1, key, key + 1) for j in buckets.get(k, ())]
        cands = [j for j in near if j != i and j not in has_prev and follows(lines[i], lines[j])]
        if cands:
            j = min(cands, key=lambda k: lines[k].x0)
            nxt[i] = j
            has_prev.add(j)
    if not nxt:
        return lines
    placed: list[tuple[int, Line]] = []
    for i in range(n):
        if i in has_prev:
            continue
        chain = [i]
        while chain[-1] in nxt and nxt[chain[-1]] not in chain:
            chain.append(nxt[chain[-1]])
        parts = [lines[k] for k in chain]
        first = parts[0]
        placed.append((chain[0], Line(" ".join(p.text for p in parts), first.x0, parts[-1].x1,
                                        min(p.y0 for p in parts), max(p.y1 for p in parts), first.size)))
    return [ln for _, ln in sorted(placed, key=lambda t: t[0])]


def reading_order(lines: list[Line]) -> list[Line]:
    """The page's lines in reading order: top to bottom, and column by column where the page has columns.

    Columns are found from the white space between them: the narrow lines (under 60 % of the text block's
    width) leave a gap in their x-coverage at least one body size wide with at least three lines on each
    side.  A line that crosses such a gutter (a headline, a full-width paragraph) ends a band; within a band
    the columns are read left to right."""
    if len(lines) < 2:
        return list(lines)
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    size = sorted(ln.size for ln in lines)[len(lines) // 2]
    narrow = sorted((ln.x0, ln.x1) for ln in lines if ln.x1 - ln.x0 < 0.6 * (right - left))
    gutters: list[tuple[float, float]] = []
    reach = None
    for x0, x1 in narrow:
        if reach is not None and x0 - reach >= size:
            n_left = sum(1 for a, b in narrow if b <= reach)
            n_right = sum(1 for a, b in narrow if a >= x0)
            if n_left >= 3 and n_right >= 3:
                gutters.append((reach, x0))
        reach = x1 if reach is None else max(reach, x1)
    geo = sorted(lines, key=lambda ln: (-ln.y1, ln.x0))
    if not gutters:
        return geo

    def column(ln: Line) -> int | None:
        if any(ln.x0 < g1 and ln.x1 > g0 for g0, g1 in gutters):
            return None  # spans the columns
        return sum(1 for g0, _ in gutters if ln.x0 >= g0)

    out: list[Line] = []
    band: list[tuple[int, Line]] = []
    for ln in geo:
        col = column(ln)
        if col is None:
            out.extend(x for _, x in sorted(band, key=lambda t: (t[0], -t[1].y1, t[1].x0)))
            band = []
            out.append(ln)
        else:
            band.append((col, ln))
    out.extend(x for _, x in sorted(band, key=lambda t: (t[0], -t[1].y1, t[1].x0)))
    return out


def body_size(pages: list[PageLines]) -> float:
    """The font size most of the text is set in (weighted by characters)."""
    weight: Counter = Counter()
    for p in pages:
        for ln in p.lines:
            weight[round(ln.size, 1)] += len(ln.text)
    return weight.most_common(1)[0][0] if weight else 10.0


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.casefold())).strip()


def _zones(page: PageLines, usual: float) -> tuple[list[Line], list[Line]]:
    """The lines set apart at the top and at the bottom of a page: the top-most one or two (bottom-most one
    or two) when a wider gap than between body lines, or a change of font size, separates them from the
    rest.  None on a page of under three lines: all of it is text."""
    geo = sorted(page.lines, key=lambda ln: -ln.y1)
    if len(geo) < 3:
        return [], []

    def apart(upper: Line, lower: Line) -> bool:
        gap = upper.y0 - lower.y1
        return gap > usual + 0.45 * min(upper.size, lower.size) or abs(upper.size - lower.size) > 0.1 * max(
            upper.size, lower.size)

    def block(seq: list[Line], top: bool) -> list[Line]:
        for k in range(1, ZONE_LINES + 1):
            if k < len(seq) and (apart(seq[k - 1], seq[k]) if top else apart(seq[k], seq[k - 1])):
                return seq[:k]
        return []

    return block(geo, True), block(geo[::-1], False)


def _running(group: list[tuple[int, str]], need: int) -> bool:
    """Do these (page, text) occurrences of one masked line make a running header/footer?  The same text on
    enough pages, or one number in it that moves with the page (``Review — 3``, ``Review — 4``)."""
    if len(group) < need:
        return False
    if Counter(t for _, t in group).most_common(1)[0][1] >= need:
        return True
    offsets = set()
    for page, text in group:
        nums = re.findall(r"\d+", text)
        if len(nums) != 1:
            return False
        offsets.add(int(nums[0]) - page)
    return len(offsets) == 1


def find_furniture(pages: list[PageLines]) -> dict[int, dict[int, tuple[str, str | None]]]:
    """Per page number, ``id(line) → (kind, page label or None)`` for its running lines and page numbers."""
    seen: dict[str, dict[str, list[tuple[int, str]]]] = {"top": {}, "bottom": {}}
    zones = {}
    usual = usual_gap(pages, body_size(pages))
    for p in pages:
        top, bottom = _zones(p, usual)
        zones[p.number] = (top, bottom)
        for where, lines in (("top", top), ("bottom", bottom)):
            for ln in lines:
                if len(ln.text) <= 150:
                    seen[where].setdefault(_key(ln.text), []).append((p.number, ln.text))
    need = max(2, math.ceil(RUNNING_SHARE * len(pages)))
    running = {where: {k for k, g in groups.items() if _running(g, need)} for where, groups in seen.items()}
    out: dict[int, dict[int, tuple[str, str | None]]] = {}
    for p in pages:
        found: dict[int, tuple[str, str | None]] = {}
        top, bottom = zones[p.number]
        geo = sorted(p.lines, key=lambda ln: -ln.y1)
        for where, block, extreme in (("top", top, geo[:1]), ("bottom", bottom, geo[-1:])):
            # a bare page number at the very top or bottom goes, set apart or not
            for ln in block + [x for x in extreme if not any(x is b for b in block)]:
                m = PAGE_NUMBER.match(ln.text)
                if m and (m.group("n").isdigit() or len(ln.text.strip()) <= 8):
                    found[id(ln)] = ("page_number", m.group("n"))
                elif any(ln is b for b in block) and _key(ln.text) in running[where] and len(ln.text) <= 150:
                    found[id(ln)] = ("running_header" if where == "top" else "running_footer", None)
        if len(found) >= len(p.lines):
            found = {}  # never empty a page: what is left is its text
        out[p.number] = found
    return out


def find_footnotes(page: PageLines, body: list[Line], size: float) -> tuple[list[Note], set[int]]:
    """The footnotes at the bottom of ``page`` (``body``: its lines less furniture) and the ids of their lines."""
    geo = sorted(body, key=lambda ln: -ln.y1)
    group: list[Line] = []
    for ln in reversed(geo):  # from the bottom up
        if ln.size <= SMALL * size:
            group.insert(0, ln)
        else:
            break
    rule_y = _rule_between(page, geo, group)
    if rule_y is not None and not group:  # footnotes in the body size, below a short rule
        group = [ln for ln in geo if ln.y1 < rule_y]
        if len(group) == len(geo):
            group = []
    group = [ln for ln in group if not RULE_TEXT.match(ln.text)]
    if not group or not NOTE_START.match(group[0].text):
        return [], set()
    if rule_y is None and len(group) == len(geo):
        return [], set()  # a page all in small print holds no footnotes of its own
    notes: list[Note] = []
    for ln in group:
        m = NOTE_START.match(ln.text)
        if m:
            notes.append(Note(int(m.group("n").translate(FROM_SUPERSCRIPT)), m.group("rest").strip()))
        else:
            notes[-1].text = join_lines(notes[-1].text, ln.text.strip())
    return notes, {id(ln) for ln in group}


def _rule_between(page: PageLines, geo: list[Line], group: list[Line]) -> float | None:
    """The y of a short horizontal rule (or a line of underscores) in the lower half, under the body text."""
    ys = [y for x0, x1, y in page.rules if (x1 - x0) < 0.7 * page.width and y < 0.5 * page.height]
    ys += [ln.y0 for ln in geo if RULE_TEXT.match(ln.text) and ln.y0 < 0.5 * page.height]
    if not ys:
        return None
    y = max(ys)
    above = [ln for ln in geo if ln.y0 > y and ln not in group]
    return y if above else None


def usual_gap(pages: list[PageLines], size: float) -> float:
    """The commonest (lower median) white space between two consecutive body lines, over the document."""
    gaps = sorted(a.y0 - b.y1 for p in pages for a, b in zip(p.lines, p.lines[1:])
                  if abs(a.size - size) < 0.5 and abs(b.size - size) < 0.5 and 0 <= a.y0 - b.y1 < 3 * size)
    return gaps[(len(gaps) - 1) // 2] if gaps else 0.3 * size


def paragraphs(lines: list[Line], size: float, usual: float) -> list[tuple[str, bool]]:
    """Join ``lines`` (reading order) into ``(text, is_heading)`` paragraphs; ``usual``: the usual line gap."""
    out: list[tuple[str, bool]] = []
    cur: list[Line] = []

    def flush():
        if cur:
            text = cur[0].text.strip()
            for ln in cur[1:]:
                text = join_lines(text, ln.text.strip())
            if text:
                out.append((text, cur[0].size >= 1.15 * size))
            cur.clear()

    for ln in lines:
        if not ln.text.strip():
            continue
        if cur and _breaks(cur, ln, usual, size):
            flush()
        cur.append(ln)
    flush()
    return out


def _breaks(cur: list[Line], ln: Line, usual: float, size: float) -> bool:
    prev = cur[-1]
    if abs(prev.size - ln.size) > 0.1 * max(prev.size, ln.size):
        return True
    gap = prev.y0 - ln.y1
    left = min(c.x0 for c in cur)
    right = max(c.x1 for c in cur)
    done = bool(ENDS_SENTENCE.search(prev.text.strip()))
    if gap < -0.5 * ln.size or (ln.x0 < left - 4 * ln.size):  # on to another column
        return done or not ln.text[:1].islower()  # a sentence cut by the column break runs on
    if gap > usual + 0.45 * ln.size:  # a paragraph gap
        return True
    if done and ln.x0 > left + 0.8 * ln.size:
        return True  # an indented first line
    if done and len(cur) > 1 and prev.x1 < right - 0.15 * (right - left):
        return True  # the short last line of a paragraph
    return False


def join_lines(a: str, b: str) -> str:
    """Join two wrapped lines: a soft hyphen is dropped, a hyphen kept (``well-known``), else one space."""
    if a.endswith("\u00ad"):
        return a[:-1] + b
    if len(a) > 1 and a.endswith("-") and a[-2].isalpha() and b[:1].islower():
        return a + b
    return a + " " + b


def continues(prev: str, nxt: str) -> bool:
    """Does a page's last paragraph run on into the next page's first?"""
    return not ENDS_SENTENCE.search(prev) and bool(nxt) and (nxt[0].islower() or nxt[0].isdigit())


def lay_out(pages: list[PageLines]) -> list[PageText]:
    size = body_size(pages)
    furniture = find_furniture(pages)
    usual = usual_gap(pages, size)
    out: list[PageText] = []
    for p in pages:
        marks = furniture[p.number]
        removed = [(marks[id(ln)][0], ln.text.strip()) for ln in sorted(p.lines, key=lambda x: -x.y1) if id(ln) in marks]
        label = next((lab for kind, lab in marks.values() if kind == "page_number"), None)
        body = [ln for ln in p.lines if id(ln) not in marks]
        notes, note_ids = find_footnotes(p, body, size)
        body = [ln for ln in body if id(ln) not in note_ids]
        out.append(PageText(p.number, paragraphs(body, size, usual), removed, notes, label))
    return out
