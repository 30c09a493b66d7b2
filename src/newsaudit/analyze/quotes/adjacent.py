"""A cue next to a quote (``“…,” she said`` / ``He said: “…”``), found through sorted lookups.

``CueIndex`` keeps the candidates' cues sorted (new surface cues are inserted in place) and the quote
starts and ends sorted, so ``adjacent_cue`` costs O(log n + cues in the window) per quote instead of a
scan of every candidate and every quote (issue 14: linear cost).  It answers exactly what that scan did.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from .cues import Cand
from .marks import QuoteSpan


class CueIndex:
    """The candidates (``cands`` is appended to by ``append``) with their cues sorted, and the quotes' bounds."""

    def __init__(self, cands: list[Cand], qspans: list[QuoteSpan]):
        self.cands = cands
        self._cues = sorted((c.cue[0], ci) for ci, c in enumerate(cands))
        self._q_ends = sorted(q.end for q in qspans)
        self._q_starts = sorted(q.start for q in qspans)

    def append(self, c: Cand) -> int:
        self.cands.append(c)
        ci = len(self.cands) - 1
        insort(self._cues, (c.cue[0], ci))
        return ci

    def in_window(self, lo: int, hi: int) -> list[int]:
        """Indices (in candidate order) of the cues with ``lo <= start`` and ``end <= hi``."""
        a = bisect_left(self._cues, (lo, -1))
        b = bisect_right(self._cues, (hi, len(self.cands)))
        return sorted(ci for _, ci in self._cues[a:b] if self.cands[ci].cue[1] <= hi)

    def prev_quote_end(self, pos: int) -> int:
        """The largest quote end ``<= pos``, else -1."""
        k = bisect_right(self._q_ends, pos)
        return self._q_ends[k - 1] if k else -1

    def next_quote_start(self, pos: int, default: int) -> int:
        """The smallest quote start ``>= pos``, else ``default``."""
        k = bisect_left(self._q_starts, pos)
        return self._q_starts[k] if k < len(self._q_starts) else default


def _before_end(text: str, pos: int) -> int:
    """``len(text[:pos].rstrip())`` without copying the prefix."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def adjacent_cue(q: QuoteSpan, text: str, index: CueIndex, sent_bounds) -> int | None:
    """A cue in the quote's sentence, between it and the neighbouring quote: ``“…,” she said`` / ``He said: “…”``."""
    cands = index.cands
    sa, sb = sent_bounds(q.start)
    ea, eb = sent_bounds(max(q.end - 1, q.start))
    lo, hi = sa, eb
    if q.end < len(text):  # "“…,” Bozell says." may be parsed as a sentence of its own
        hi = max(hi, sent_bounds(q.end)[1])
    if q.start > 0:
        lo = min(lo, sent_bounds(q.start - 1)[0])
    # colon intro: "X said:" ending the previous sentence or paragraph
    before_end = _before_end(text, q.start)
    colon = before_end > 0 and text[before_end - 1] == ":"
    if colon:
        pa, _ = sent_bounds(before_end - 1)
        lo = min(lo, pa)
    prev_q = index.prev_quote_end(q.start)
    next_q = index.next_quote_start(q.end, len(text) + 1)
    best = None
    for ci in index.in_window(lo, hi):
        c = cands[ci]
        a, b = c.cue
        if b <= q.start:
            if a < prev_q:
                continue
            gap = q.start - b
            between = text[b:q.start]
            if "\n" in between.strip(" \t") and not colon:
                continue
        elif a >= q.end:
            if b > next_q and not text[q.end:a].strip(" ,.”\"") == "":
                continue
            gap = a - q.end
        else:
            continue
        colon_intro = b <= q.start and colon
        if c.content is not None and c.content_is_clause and not colon_intro and not (c.content[0] < q.end and q.start < c.content[1]) and gap > 3:
            # this cue already reports another clause
            continue
        if best is None or gap < best[0]:
            best = (gap, ci)
    return None if best is None else best[1]
