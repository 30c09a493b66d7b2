"""Citations layer: inline markers, reference entries, ibid resolution, and citation problems.

Markers are read from the article's own prose only (title, subtitle, headings,
body paragraphs — what the structure layer kept); entries from the structure
layer's reference block.

* ``[3]``, ``[3, 4]``, ``[3–5]``/``[3-5]``: always markers.  A range yields one
  ``Marker`` per number.  **Offsets:** every ``Marker`` of one bracket carries
  the offsets and text of the *whole* bracket (``[3–5]``), so a reader or a
  later layer sees the marker as written and ``text == dossier.text[start:end]``
  holds; ``Marker.numeral`` gives the per-number span (the digits ``4`` in
  ``[3, 4]``, or the range ``3–5`` for a number only implied by a range).
* ``(3)`` and superscripts ``³``: only when the article has a numbered
  reference list and the number lies within its numbering (otherwise they are
  enumerations, years, units ...).
* ``ibid``/``id.``/``op. cit.`` entries point to the entry numbered one lower;
  when that number has no entry the ibid is ``unresolvable_ibid`` (never
  chained further back).  ``Entry.ibid_of`` is the entry whose source backs it
  (for a chain ``[2] X, [3] ibid, [4] ibid`` both point to 2).
"""
from __future__ import annotations

import re

from ...dossier import Citations, Entry, Marker, Problem, Source, Span, Structure
from ..common.reference_entries import SUPERSCRIPTS, ParsedRef, looks_bibliographic, match_entry_line, parse_reference, source_key

LAYER = "citations"  # Problem.layer of this layer's findings


_NUM = r"\d{1,3}"
_ITEM = _NUM + r"(?:\s*[-–—]\s*" + _NUM + r")?"
BRACKET = re.compile(r"\[\s*(" + _ITEM + r"(?:\s*[,;]\s*" + _ITEM + r")*)\s*\]")
PAREN = re.compile(r"(?<![(\[\w])\((" + _ITEM + r"(?:\s*,\s*" + _ITEM + r")*)\)(?![\w(])")
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPER = re.compile(r"(?<![\d" + _SUP + r"])(?<!\b[kcm]m)(?<!\bm)([" + _SUP + r"]+(?:\s*[,⁻–-]\s*[" + _SUP + r"]+)*)(?![\d" + _SUP + r"])")
_ITEM_RX = re.compile(r"(?P<a>\d+)(?:\s*[-–—⁻]\s*(?P<b>\d+))?")
MAX_RANGE = 30

ERROR, WARNING, INFO = "error", "warning", "info"


def analyse(article, doc, found):
    structure = found.get("structure") or Structure()
    return {"citations": analyse_text(article.text, structure)}


def resolve(citations: Citations, number: int) -> tuple[str, Entry | None]:
    """``("ok", entry)`` with the entry whose source backs marker ``number`` (ibid resolved),
    ``("missing_entry", None)`` or ``("unresolvable_ibid", None)``."""
    return citations.resolve(number)


def _prose_ranges(structure: Structure) -> list[tuple[int, int]]:
    spans = [structure.title, structure.subtitle, *structure.headings, *structure.paragraphs]
    return sorted((s.start, s.end) for s in spans if s is not None)


def analyse_text(text: str, structure: Structure) -> Citations:
    entries, entry_problems = read_entries(text, structure)
    numbers = {e.number for e in entries}
    markers = find_markers(text, _prose_ranges(structure), max(numbers) if numbers else 0)
    problems = entry_problems + marker_problems(text, markers, entries)
    problems.sort(key=lambda p: (p.start, p.end, p.kind))
    return Citations(markers=markers, entries=entries, problems=problems)


# ---------------------------------------------------------------- markers

def find_markers(text: str, ranges: list[tuple[int, int]], list_max: int) -> list[Marker]:
    out: list[Marker] = []
    for a, b in ranges:
        chunk = text[a:b]
        for m in BRACKET.finditer(chunk):
            out += _expand(text, a + m.start(), a + m.end(), a + m.start(1), m.group(1), "bracket", None)
        if list_max:
            for m in PAREN.finditer(chunk):
                out += _expand(text, a + m.start(), a + m.end(), a + m.start(1), m.group(1), "paren", list_max)
            for m in SUPER.finditer(chunk):
                out += _expand(text, a + m.start(), a + m.end(), a + m.start(1), m.group(1).translate(SUPERSCRIPTS), "superscript", list_max)
    out.sort(key=lambda k: (k.start, k.number))
    return out


def _expand(text: str, start: int, end: int, inner: int, body: str, style: str, list_max: int | None) -> list[Marker]:
    items: list[tuple[int, int, int]] = []  # (number, numeral start, numeral end)
    for m in _ITEM_RX.finditer(body):
        lo = int(m.group("a"))
        hi = int(m.group("b")) if m.group("b") else None
        if hi is None:
            items.append((lo, inner + m.start("a"), inner + m.end("a")))
            continue
        if hi < lo or hi - lo > MAX_RANGE:
            return []  # "[2010-2013]", "[5-2]": not a citation range
        for k in range(lo, hi + 1):
            if k == lo:
                s, e = m.start("a"), m.end("a")
            elif k == hi:
                s, e = m.start("b"), m.end("b")
            else:
                s, e = m.start(), m.end()
            items.append((k, inner + s, inner + e))
    if not items or any(k == 0 for k, _, _ in items):
        return []
    if list_max is not None and any(k > list_max for k, _, _ in items):
        return []
    if style == "bracket" and any(k > 500 for k, _, _ in items):
        return []  # "[2013]" is a year
    whole = text[start:end]
    return [Marker(number=k, start=start, end=end, text=whole, style=style, numeral=Span.of(text, s, e))  # type: ignore[arg-type]
            for k, s, e in items]


# ---------------------------------------------------------------- entries

def read_entries(text: str, structure: Structure) -> tuple[list[Entry], list[Problem]]:
    ref = structure.references
    if ref is None:
        return [], []
    raw: list[tuple[int, int, int, str]] = []  # number, start, end, own text
    pos = ref.start
    for line in text[ref.start: ref.end].split("\n"):
        a = pos + len(line) - len(line.lstrip())
        b = pos + len(line.rstrip())
        pos += len(line) + 1
        if a >= b:
            continue
        el = match_entry_line(text[a:b])
        if el is not None:
            raw.append((el.number, a, b, text[a + el.rest_start: b]))
        elif raw and text[raw[-1][2]: a].count("\n") == 1:  # wrapped continuation of the entry above
            n, s, _, own = raw[-1]
            raw[-1] = (n, s, b, own + " " + text[a:b])
    entries: list[Entry] = []
    problems: list[Problem] = []
    seen: dict[int, Entry] = {}
    prev: Entry | None = None
    for n, a, b, own in raw:
        if looks_bibliographic(own) or (own.count(",") >= 2 and not _is_explanatory(own)):
            p = parse_reference(own)
            src = None if p.is_ibid else Source(authors=p.authors, title=p.title, publisher=p.publisher, date=p.date,
                                                 url=p.url)
        else:  # an explanatory footnote: it is the note, it names no source to parse
            p = ParsedRef()
            src = None
        e = Entry(number=n, start=a, end=b, text=text[a:b], authors=p.authors, title=p.title, publisher=p.publisher,
                  date=p.date, url=p.url, is_ibid=p.is_ibid, source=src)
        if n in seen:
            problems.append(_problem(text, "duplicate_number", ERROR, a, b, [n],
                                     f"reference number [{n}] is used for two entries; markers [{n}] are ambiguous"))
        elif prev is not None and n < prev.number:
            problems.append(_problem(text, "out_of_order", WARNING, a, b, [n],
                                     f"entry [{n}] comes after entry [{prev.number}] in the reference list"))
        elif prev is not None and n > prev.number + 1:
            gap = list(range(prev.number + 1, n))
            problems.append(_problem(text, "numbering_gap", WARNING, a, b, gap,
                                     f"the reference list skips {_nums(gap)}: it jumps from [{prev.number}] to [{n}]"))
        elif prev is None and n > 1:
            gap = list(range(1, n))
            problems.append(_problem(text, "numbering_gap", WARNING, a, b, gap,
                                     f"the reference list starts at [{n}]: {_nums(gap)} {'is' if len(gap) == 1 else 'are'} missing"))
        entries.append(e)
        seen.setdefault(n, e)
        prev = e if prev is None or n >= prev.number else prev
        if p.is_ibid:
            _resolve_ibid(text, entries, e, p.ibid_author, problems)
    problems += _duplicate_sources(text, entries)
    return entries, problems


def _is_explanatory(own: str) -> bool:
    """A footnote that explains rather than cites: running prose (several sentences, or long with few commas)."""
    words = own.split()
    if len(words) < 12:
        return False
    sentences = len(re.findall(r"[a-z0-9”\"’)][.!?](?:\s|$)", own))
    return sentences >= 2 or own.count(",") < len(words) / 12


def _resolve_ibid(text: str, entries: list[Entry], e: Entry, author: str | None, problems: list[Problem]) -> None:
    earlier = entries[:-1]
    kw = "ibid"
    if author:
        # "Moss, op. cit.": the latest earlier entry by that author
        sur = author.split(",")[0].split()[-1].lower()
        root = next((x for x in reversed(earlier) if not x.is_ibid and any(sur in a.lower().split() for a in x.authors)), None)
        if root is None:
            problems.append(_problem(text, "unresolvable_ibid", ERROR, e.start, e.end, [e.number],
                                     f"entry [{e.number}] refers back to a work by {author}, but no earlier entry is by that author"))
            return
    else:
        ante = next((x for x in reversed(earlier) if x.number == e.number - 1), None)
        if ante is None:
            why = "it is the first entry" if e.number <= 1 else f"there is no entry [{e.number - 1}] before it"
            problems.append(_problem(text, "unresolvable_ibid", ERROR, e.start, e.end, [e.number],
                                     f"entry [{e.number}] is '{kw}' (the same source as the entry above), but {why}: "
                                     f"its source cannot be known"))
            return
        if ante.is_ibid and ante.source is None:
            problems.append(_problem(text, "unresolvable_ibid", ERROR, e.start, e.end, [e.number],
                                     f"entry [{e.number}] is '{kw}' of entry [{ante.number}], whose own source cannot be resolved"))
            return
        root = ante if not ante.is_ibid else next((x for x in earlier if x.number == ante.ibid_of and not x.is_ibid), None)
        if root is None:  # pragma: no cover - defensive
            return
    e.ibid_of = root.number
    e.source = root.source


def _duplicate_sources(text: str, entries: list[Entry]) -> list[Problem]:
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        if e.is_ibid or e.source is None:
            continue
        key = source_key(e.authors, e.title, e.publisher, e.url)
        if key:
            groups.setdefault(key, []).append(e)
    out = []
    for group in groups.values():
        nums = sorted({e.number for e in group})
        if len(nums) < 2:
            continue
        first_repeat = next(e for e in group if e.number != group[0].number)
        what = group[0].title or group[0].url or "the same source"
        out.append(Problem(
            kind="duplicate_source", severity=INFO, layer=LAYER, start=first_repeat.start, end=first_repeat.end,
            text=text[first_repeat.start: first_repeat.end], numbers=nums,
            message=f"entries {_nums(nums)} cite the same source (\u201c{what}\u201d); normal in footnote style, "
                    f"but the article rests on fewer distinct sources than it has entries",
            related=[Span.of(text, e.start, e.end) for e in group if e is not first_repeat],
        ))
    return out


# ---------------------------------------------------------------- marker problems

def marker_problems(text: str, markers: list[Marker], entries: list[Entry]) -> list[Problem]:
    have = {e.number for e in entries}
    out: list[Problem] = []
    by_span: dict[tuple[int, int], list[int]] = {}
    for m in markers:
        if m.number not in have:
            by_span.setdefault((m.start, m.end), []).append(m.number)
    for (a, b), nums in by_span.items():
        if entries:
            msg = f"marker {_nums(nums)} has no entry in the reference list" if len(nums) == 1 else \
                f"markers {_nums(nums)} have no entry in the reference list"
        else:
            msg = f"marker {_nums(nums)} points to a reference list the article does not have"
        out.append(_problem(text, "missing_entry", ERROR, a, b, nums, msg + ": the claim it supports is unsourced"))
    cited = {m.number for m in markers}
    for e in entries:
        if e.number not in cited:
            out.append(_problem(text, "unused_entry", WARNING, e.start, e.end, [e.number],
                                f"entry [{e.number}] is never cited in the text"))
    # markers should first appear in ascending order (numbered-by-appearance styles)
    first: dict[int, Marker] = {}
    for m in markers:
        first.setdefault(m.number, m)
    top = 0
    for num, m in sorted(first.items(), key=lambda kv: (kv[1].start, kv[0])):
        if num < top and num in have:
            out.append(_problem(text, "out_of_order", WARNING, m.start, m.end, [num],
                                f"marker [{num}] is first cited after marker [{top}]: the numbering does not follow the text",
                                details={"where": "text"}))
        top = max(top, num)
    return out


def _problem(text: str, kind: str, severity: str, start: int, end: int, numbers: list[int], message: str,
             details: dict | None = None) -> Problem:
    return Problem(kind=kind, severity=severity, layer=LAYER, start=start, end=end, text=text[start:end],  # type: ignore[arg-type]
                   numbers=list(numbers), message=message, details=details or {})


def _nums(nums: list[int]) -> str:
    items = [f"[{n}]" for n in nums]
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
