"""Which citation markers back a quote or attribution, and what each marker resolves to.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..common.offsets import Inside
from ...dossier import QuoteCitation
from .items import Item
from .speakers import _speaker_key


# ---------------------------------------------------------------- citations


def _qc(n: int, citations) -> QuoteCitation:
    """Marker ``n`` with its status and backing entry, via the citations layer's resolver when present."""
    try:
        from ..citations.markers import resolve

        status, entry = resolve(citations, n)
    except (ImportError, AttributeError, TypeError):  # resolver not there (yet): resolve ibid chains here
        status, entry = None, None
    if status is not None:
        if status != "ok" or entry is None:
            return QuoteCitation(number=n, status=status if status in ("missing_entry", "unresolvable_ibid") else "missing_entry")
        src = entry.source
        return QuoteCitation(number=n, status="ok", entry=entry.number,
                             source_title=(src.title if src else None) or entry.title,
                             source_publisher=(src.publisher if src else None) or entry.publisher)
    entry = citations.entry(n) if hasattr(citations, "entry") else None
    if entry is None:
        return QuoteCitation(number=n, status="missing_entry")
    seen = {n}
    e = entry
    while e.is_ibid:
        nxt = citations.entry(e.ibid_of) if e.ibid_of is not None else None
        if nxt is None or nxt.number in seen:
            return QuoteCitation(number=n, status="unresolvable_ibid")
        seen.add(nxt.number)
        e = nxt
    src = entry.source
    title = (src.title if src else None) or e.title
    publisher = (src.publisher if src else None) or e.publisher
    if entry.is_ibid and entry.source is None and entry.ibid_of is None:
        return QuoteCitation(number=n, status="unresolvable_ibid")
    return QuoteCitation(number=n, status="ok", entry=e.number, source_title=title, source_publisher=publisher)


_index_cache: dict[int, tuple] = {}


def _marker_index(markers):
    """Sorted lookups over one article's markers, built once (issue 14: linear cost)."""
    hit = _index_cache.get(id(markers))
    if hit is not None and hit[0] is markers:
        return hit[1:]
    by_start = sorted(markers, key=lambda m: m.start)
    row = (markers, Inside(markers, lambda m: m.start, lambda m: m.start), by_start, [m.start for m in by_start])
    _index_cache.clear()
    _index_cache[id(markers)] = row
    return row[1:]


def _markers_after(pos_lo: int, pos_hi: int, text: str, markers) -> list[int]:
    """Markers inside [pos_lo, pos_hi) plus those right after ``pos_hi`` (only spaces/punctuation between)."""
    inside, by_start, starts = _marker_index(markers)
    nums = [m.number for m in inside.within(pos_lo, pos_hi - 1)]  # pos_lo <= start < pos_hi, in given order
    pos = pos_hi
    for m in by_start[bisect_left(starts, pos):]:  # the ones before pos_hi would all be skipped
        if m.start < pos:
            continue
        if text[pos:m.start].strip(" \t.,;:!?”\"’'") == "":
            nums.append(m.number)
            pos = m.end
        else:
            break
    return list(dict.fromkeys(nums))


def _markers_for(it: Item, text: str, markers, sent_bounds, doc) -> list[int]:
    if not markers:
        return []
    a = it.start
    _, b = sent_bounds(max(it.end - 1, it.start))
    b = max(b, it.end)
    # the sentence may run past the next quote: stop at the next quote mark's item
    b_text = text[it.end:b]
    cut = re.search(r"[“\"”«]", b_text)
    if cut:
        b = it.end + cut.start()
    return _markers_after(a, b, text, markers)


def _inherit_markers(k: int, quotes, text, markers, sent_bounds, doc, article) -> list[int]:
    it, q = quotes[k]
    if not markers:
        return []
    name = _speaker_key(q)
    end_para = text.find("\n", q.end)
    end_para = len(text) if end_para < 0 else end_para
    for it2, q2 in quotes[k + 1:]:
        if q2.start >= end_para:
            break
        if it2.in_quote is not None:
            continue
        if q2.kind == "indirect":
            return []
        if _speaker_key(q2) != name or name is None:
            return []
        nums = [m.number for m in markers if q.end <= m.start < end_para]
        own = _markers_for(it2, text, markers, sent_bounds, doc)
        if own:
            return own
    return []


# ---------------------------------------------------------------- speakers
