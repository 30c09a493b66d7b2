"""Structure layer: title, subtitle, subheadings, byline, body paragraphs, references, notes, boilerplate.

Pure text analysis that runs before the parse (``doc`` is None).  The text is
cut into lines; each non-empty line gets one role, decided by general rules
(see ``line_rules``):

1. page furniture (``Related posts``, share/subscribe/comment lines, tag
   lines ...): a *section* marker in the second half of the text makes the
   rest boilerplate; single furniture lines are dropped wherever they are;
2. notes/disclosures (``*Quotes ...``, ``Disclosure:``, ``Editor's note:``);
3. the byline (``By NAME[, DATE]``, ``NAME | DATE``, ``Posted on DATE by NAME``,
   a date line) at the start, else the last one in the second half (the end);
4. the reference block: a ``References``/``Notes``/``Sources`` heading, or the
   last run of numbered lines (``[n] ...``, ``(n) ...``, or ``n. ...`` lines
   that read like references);
5. the title (first line: short, no final period; always when the text came
   from HTML) and a subtitle right below it (short, no final period, or a
   sentence followed by the byline);
6. subheadings: short lines without final punctuation, in title case, or a
   question;
7. everything else between the head and the tail is a body paragraph.  A
   hard-wrapped block (several lines of similar length, not ending sentences)
   is one paragraph; otherwise each line is one.

Everything after the byline-at-end, the reference block or a furniture
section is never body text: unclassified lines there become notes (prose) or
boilerplate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...dossier import Byline, Dateline, Heading, Paragraph, Span, Structure
from . import line_rules as R
from .datelines import date_value, find_dateline
from ..common.reference_entries import ENTRY_LINE, REF_HEADING, SUPERSCRIPTS, looks_bibliographic, match_entry_line


_HEAD_LINES = 6  # a byline "at the start" sits within the first lines


@dataclass
class _Line:
    i: int
    start: int
    end: int
    text: str
    block: int


def split_lines(text: str) -> list[_Line]:
    """Non-empty lines with their stripped offsets; ``block`` counts blank-line-separated blocks."""
    out: list[_Line] = []
    block = 0
    pos = 0
    blank = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            if blank and out:
                block += 1
            lead = len(raw) - len(raw.lstrip())
            a = pos + lead
            out.append(_Line(len(out), a, a + len(stripped), stripped, block))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return out


def _hard_wrapped(lines: list[_Line]) -> bool:
    """Several lines of similar width that do not end sentences: one paragraph wrapped by hand."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    widths = [len(x.text) for x in body]
    if max(widths) > 110 or min(widths) < 0.5 * max(widths):
        return False
    open_ends = sum(1 for x in body if not R.ends_like_sentence(x.text))
    return open_ends >= len(body) / 2


def analyse(article, doc, found):
    meta = article.meta
    # ingest puts an HTML page's title first (when the page has one)
    html = meta.source_format == "html" and bool(meta.title)
    return {"structure": analyse_text(article.text, html=html, title_hint=meta.title)}


def _same(a: str, b: str) -> bool:
    norm = lambda x: " ".join(re.sub(r"[^\w]+", " ", x.lower()).split())  # noqa: E731
    return bool(norm(a)) and norm(a) == norm(b)


def _headline_with_period(first: "_Line", nxt: "_Line") -> bool:
    """A headline some sites end with a period: one sentence in title case, alone in its block, 4+ words."""
    words = first.text.split()
    return (len(words) >= 4 and nxt.block != first.block and first.text.rstrip().endswith(".")
            and not R.two_sentences(first.text) and R._titlecase_share(words) >= 0.8)


def analyse_text(text: str, *, html: bool = False, title_hint: str | None = None) -> Structure:
    """The structure of ``text``.  ``html``: the text came from a web page (its first paragraph is the
    page title); ``title_hint``: a title known from metadata (a first line equal to it is the title)."""
    lines = split_lines(text)
    n = len(lines)
    if n == 0:
        return Structure()
    role: list[str | None] = [None] * n
    tail_start = n  # index of the first line that can no longer be body

    # 1. page furniture: stray lines now; a trailing section (``Related posts`` ...) after the references
    half = n / 2
    section = next((ln.i for ln in lines if ln.i >= half and ln.i > 0 and len(ln.text.split()) <= 12
                    and R.BOILER_SECTION.match(ln.text)), n)
    for ln in lines:
        if R.is_furniture_line(ln.text):
            role[ln.i] = "boilerplate"

    # 2. notes
    for ln in lines:
        if role[ln.i] is None and (R.NOTE_ANYWHERE.match(ln.text) or (ln.i >= half and R.is_marked_note(ln.text))):
            role[ln.i] = "note"

    # 3. the reference block (a numbered reference line is never a byline or body)
    ref_lines = _reference_block(lines, role, section if section < n else n)
    if not ref_lines and section < n:
        ref_lines = _reference_block(lines, role, n)  # a list below "Subscribe", "Share this" ...
    ref_first = ref_lines[0] if ref_lines else n
    for i in ref_lines:
        role[i] = "references"
    for ln in lines[section:]:
        if role[ln.i] is None:
            role[ln.i] = "boilerplate"
    tail_start = section

    # 4. byline
    byline, by_idx, by_pos = _find_byline(text, lines, role, tail_start)
    for i in by_idx:
        role[i] = "byline"
    if by_pos == "end":
        tail_start = min(tail_start, by_idx[0])
    tail_start = min(tail_start, ref_first)
    # everything after the tail start is never body
    for ln in lines[tail_start:]:
        if role[ln.i] is None:
            role[ln.i] = "note" if len(ln.text.split()) >= 12 and R.ends_like_sentence(ln.text) else "boilerplate"

    # 5. title and subtitle
    title = subtitle = None
    free = [ln for ln in lines if role[ln.i] is None]
    if free:
        first = free[0]
        is_first_text = all(role[x.i] in ("boilerplate", "byline", "note") for x in lines[: first.i])
        words = len(first.text.split())
        hinted = bool(title_hint) and _same(first.text, title_hint or "")

        def in_wrapped_block(line: _Line) -> bool:
            return _hard_wrapped([x for x in free if x.block == line.block])

        if in_wrapped_block(first) and not (html or hinted):
            pass  # the first line of a hand-wrapped paragraph, not a title
        elif find_dateline(first.text) is not None:
            pass  # a story that opens with its dateline has no title line
        elif is_first_text and len(free) > 1 and (html or hinted or (words <= 25 and (
                not first.text.rstrip(R._QUOTES_END).endswith((".", ",", ";", ":")) or _headline_with_period(first, free[1])))):
            title = first
            role[first.i] = "title"
            rest = [ln for ln in free[1:]]
            nxt = rest[0]
            after = lines[nxt.i + 1] if nxt.i + 1 < n else None
            w = len(nxt.text.split())
            gap_ok = all(role[x.i] in ("byline", "boilerplate") for x in lines[first.i + 1: nxt.i])
            next_is_byline = after is not None and role[after.i] == "byline" and by_pos == "start"
            if gap_ok and len(rest) > 1 and not in_wrapped_block(nxt):
                if (w <= 30 and not R.ends_like_sentence(nxt.text) and not R.two_sentences(nxt.text)) or (w <= 40 and next_is_byline):
                    subtitle = nxt
                    role[nxt.i] = "subtitle"

    # 6. headings and 7. body paragraphs
    headings: list[Heading] = []
    paragraphs: list[Paragraph] = []
    blocks: dict[int, list[_Line]] = {}
    for ln in lines:
        if role[ln.i] is None:
            blocks.setdefault(ln.block, []).append(ln)
    free_lines = [ln for ln in lines if role[ln.i] is None]
    wrapped = {ln.i for blk in blocks.values() if _hard_wrapped(blk) for ln in blk}
    block_size: dict[int, int] = {}
    for ln in lines:
        block_size[ln.block] = block_size.get(ln.block, 0) + 1
    blank_separated = len(block_size) >= 3
    heads = _headings(free_lines, wrapped, block_size, blank_separated)
    for blk in blocks.values():
        if blk[0].i in wrapped:
            for ln in blk:
                role[ln.i] = "body"
            paragraphs.append(Paragraph(start=blk[0].start, end=blk[-1].end, text=text[blk[0].start: blk[-1].end]))
            continue
        for ln in blk:
            if ln.i in heads:
                role[ln.i] = "heading"
                headings.append(Heading(start=ln.start, end=ln.end, text=ln.text, is_question=heads[ln.i] == "question"))
            else:
                role[ln.i] = "body"
                paragraphs.append(Paragraph(start=ln.start, end=ln.end, text=ln.text))
    paragraphs.sort(key=lambda p: p.start)
    dateline, before = _dateline(text, paragraphs)
    if dateline is not None and before and title is None:
        # the short lines above a dateline are the headline (and standfirst), whatever their punctuation
        head = paragraphs.pop(0)
        title = head
        if before == 2 and subtitle is None:
            subtitle = paragraphs.pop(0)

    references = None
    if ref_lines:
        a, b = lines[ref_lines[0]].start, lines[ref_lines[-1]].end
        references = Span.of(text, a, b)
    notes = [Span.of(text, ln.start, ln.end) for ln in lines if role[ln.i] == "note"]
    boiler = _runs(text, lines, role, "boilerplate")
    return Structure(
        title=Span.of(text, title.start, title.end) if title else None,
        subtitle=Span.of(text, subtitle.start, subtitle.end) if subtitle else None,
        headings=headings,
        byline=byline,
        dateline=dateline,
        paragraphs=paragraphs,
        references=references,
        notes=notes,
        boilerplate=boiler,
    )


DATELINE_PARAGRAPHS = 3  # a dateline opens one of the first body paragraphs (after a headline and standfirst)


def _dateline(text: str, paragraphs: list[Paragraph]) -> tuple[Dateline | None, int]:
    """The dateline opening one of the first body paragraphs, cut out of it (a dateline alone on its line
    takes the paragraph with it).  Only short lines (a headline, a standfirst) may stand before it; returns
    the dateline and how many paragraphs stand before it."""
    found = None
    for k, first in enumerate(paragraphs[:DATELINE_PARAGRAPHS]):
        found = find_dateline(first.text)
        if found is not None:
            break
    if found is None:
        return None, 0
    if k and not all(len(p.text.split()) <= 40 and "\n" not in p.text for p in paragraphs[:k]):
        return None, 0  # a dateline comes first in the story: after real prose it is something else
    a = first.start + found.start
    b = first.start + found.end
    end = b
    while end > a and text[end - 1].isspace():
        end -= 1
    date = None
    if found.date:
        date = Span.of(text, first.start + found.date[0], first.start + found.date[1])
    rest = b
    while rest < first.end and text[rest].isspace():
        rest += 1
    if rest >= first.end:
        paragraphs.pop(k)
    else:
        paragraphs[k] = Paragraph(start=rest, end=first.end, text=text[rest:first.end], kind=first.kind)
    return Dateline(start=a, end=end, text=text[a:end], place=found.place, region=found.region, date=date,
                    date_value=date_value(date.text) if date else None, agency=found.agency), k


def _headings(free: list[_Line], wrapped: set[int], block_size: dict[int, int], blank_separated: bool) -> dict[int, str]:
    """Line index → "heading"/"question" for the subheadings among the body lines.

    A subheading stands alone in its block (when the text separates paragraphs by blank lines) and is
    followed by body text.  A question line is a heading only when the paragraph after it is real prose
    (several sentences or a long one) — otherwise it is a rhetorical question of the body.
    """
    out: dict[int, str] = {}
    for k, ln in enumerate(free):
        if ln.i in wrapped or k + 1 >= len(free):
            continue
        if blank_separated and block_size.get(ln.block, 0) != 1:
            continue
        kind = R.heading_kind(ln.text)
        if kind is None or R.parse_byline(ln.text) is not None or R.is_date_line(ln.text):
            continue
        nxt = free[k + 1]
        if R.heading_kind(nxt.text) is not None and nxt.i not in wrapped:
            continue  # two heading-like lines in a row: a list of short lines, not a heading
        strong = bool(re.match(r"#{1,6}\s", ln.text)) or (ln.text.isupper() and len(ln.text.split()) >= 2) or \
            (kind == "heading" and len(ln.text.split()) >= 2 and R._titlecase_share(ln.text.split()) >= 0.7)
        if not strong and not _is_prose(nxt.text, loose=True) and nxt.i not in wrapped:
            continue
        out[ln.i] = kind
    return out


def _runs(text: str, lines: list[_Line], role: list, name: str) -> list[Span]:
    """Consecutive lines of one role, merged into spans."""
    spans: list[Span] = []
    cur: list[_Line] = []
    for ln in lines:
        if role[ln.i] == name:
            cur.append(ln)
            continue
        if cur:
            spans.append(Span.of(text, cur[0].start, cur[-1].end))
            cur = []
    if cur:
        spans.append(Span.of(text, cur[0].start, cur[-1].end))
    return spans


def _reference_block(lines: list[_Line], role: list, tail_start: int) -> list[int]:
    """Indices of the lines of the reference block (heading, entries, wrapped continuations)."""
    n = len(lines)
    prose_at = [ln.i for ln in lines if role[ln.i] is None and _is_prose(ln.text, loose=True)]

    def prose_before(i: int) -> bool:
        """The article's text comes before a reference list."""
        return bool(prose_at) and prose_at[0] < i

    heading = None
    for ln in lines[1:]:
        if ln.i >= tail_start:
            break
        if role[ln.i] is None and REF_HEADING.match(ln.text) and prose_before(ln.i):
            heading = ln.i  # the last such heading wins
    runs: list[list[int]] = []
    cur: list[int] = []
    for ln in lines:
        if ln.i >= tail_start or role[ln.i] is not None and role[ln.i] != "note":
            if cur:
                runs.append(cur)
                cur = []
            continue
        if role[ln.i] is None and match_entry_line(ln.text):
            cur.append(ln.i)
        elif cur and role[ln.i] is None and ln.block == lines[cur[-1]].block and not ENTRY_LINE.match(ln.text):
            cur.append(ln.i)  # continuation of a wrapped entry
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    # runs separated only by blank lines belong together; re-join them
    merged: list[list[int]] = []
    for r in runs:
        if merged and r[0] == merged[-1][-1] + 1:
            merged[-1].extend(r)
        else:
            merged.append(r)
    for run in reversed(merged):
        entries = [(i, match_entry_line(lines[i].text)) for i in run]
        entries = [(i, e) for i, e in entries if e is not None]
        if not entries:
            continue
        styles = {e.style for _, e in entries}
        biblio = sum(1 for i, e in entries if looks_bibliographic(lines[i].text[e.rest_start:]))
        after_heading = heading is not None and heading < run[0] and all(
            role[x] is None or role[x] == "note" for x in range(heading + 1, run[0]))
        numbered = styles <= {"bracket", "paren", "superscript"}
        strong = numbered and biblio >= max(1, len(entries) / 2)
        # footnotes: numbered notes (not necessarily bibliographic) whose numbers the text cites above them
        cited = _cited_before(lines, role, run[0]) if numbered else set()
        footnotes = numbered and sum(1 for _, e in entries if e.number in cited) >= max(1, 0.6 * len(entries))
        if after_heading or ((strong or footnotes) and prose_before(run[0])) or (biblio >= 2 and biblio >= 0.6 * len(entries) and prose_before(run[0])):
            block = list(range(heading, heading + 1)) if after_heading else []
            return block + [i for i in run if role[i] is None]
    return []


_CITED = re.compile(r"\[(\d{1,3})\]|\((\d{1,3})\)|([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})")


def _cited_before(lines: list[_Line], role: list, end: int) -> set[int]:
    """Numbers cited as ``[n]``, ``(n)`` or superscripts in the unclassified lines before line ``end``."""
    out: set[int] = set()
    for ln in lines[:end]:
        if role[ln.i] is not None or match_entry_line(ln.text):
            continue
        for m in _CITED.finditer(ln.text):
            raw = m.group(1) or m.group(2) or m.group(3).translate(SUPERSCRIPTS)
            out.add(int(raw))
    return out


def _find_byline(text: str, lines: list[_Line], role: list, limit: int) -> tuple[Byline | None, list[int], str | None]:
    n = len(lines)
    cands: list[tuple[int, R.BylineParse]] = []
    for ln in lines[:limit] if limit < n else lines:
        if role[ln.i] is not None:
            continue
        bp = R.parse_byline(ln.text)
        if bp is not None:
            cands.append((ln.i, bp))
    first_prose = next((ln.i for ln in lines if role[ln.i] is None and _is_prose(ln.text)), n)
    start_cands = [(i, bp) for i, bp in cands if i < _HEAD_LINES and i < first_prose]
    if start_cands:
        i, bp = start_cands[0]
        idx = [i]
        if bp.date is None:  # a date line right next to it completes the byline
            for j in (i + 1, i - 1):
                if 0 <= j < min(n, _HEAD_LINES + 1) and role[j] is None and R.is_date_line(lines[j].text):
                    idx = sorted([i, j])
                    break
        return _byline(text, lines, idx, "start"), idx, "start"
    last_prose = max((ln.i for ln in lines if role[ln.i] is None and _is_prose(ln.text)), default=-1)
    end_cands = [(i, bp) for i, bp in cands if i > last_prose or (i >= n / 2 and i > first_prose)]
    if end_cands:
        i, bp = end_cands[-1]
        return _byline(text, lines, [i], "end"), [i], "end"
    # a date line alone at the top: a byline without authors
    for ln in lines[:_HEAD_LINES]:
        if role[ln.i] is None and R.is_date_line(ln.text) and ln.i < limit:
            return _byline(text, lines, [ln.i], "start"), [ln.i], "start"
    return None, [], None


def _is_prose(line: str, loose: bool = False) -> bool:
    """A line of running text (not a title, dek or byline): long, or several sentences."""
    words = len(line.split())
    return words >= (30 if loose else 40) or (words >= 12 and R.two_sentences(line))


def _byline(text: str, lines: list[_Line], idx: list[int], position: str) -> Byline:
    a, b = lines[idx[0]].start, lines[idx[-1]].end
    authors: list[Span] = []
    date_span = None
    published = None
    for i in idx:
        ln = lines[i]
        bp = R.parse_byline(ln.text)
        d = bp.date if bp is not None else None
        if bp is not None:
            authors += [Span.of(text, ln.start + x, ln.start + y) for x, y in bp.authors]
        else:
            d = R.is_date_line(ln.text)
        if d is not None and date_span is None:
            date_span = Span.of(text, ln.start + d.start, ln.start + d.end)
            published = d.iso
    names = [" ".join(re.sub(r"\s+", " ", s.text).split()) for s in authors]
    return Byline(start=a, end=b, text=text[a:b], position=position, authors=authors,  # type: ignore[arg-type]
                  author_names=names, date=date_span, published=published)
