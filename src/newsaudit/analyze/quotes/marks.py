"""Find quoted stretches by their marks, tolerating the broken marks real articles have.

Works on raw text, paragraph by paragraph.  Each double mark (“ ” " « » „) is
given a role from its surroundings (space or opening punctuation before and a
letter after → opening; a letter or punctuation before and space/punctuation
after → closing); marks whose surroundings do not decide (``they”have``,
``Heaven“by``, `` " ``) take the role the pairing state needs.  A quote left
open at the end of a paragraph continues when the next paragraph opens with a
mark (the multi-paragraph convention), otherwise it is kept to the paragraph
end and flagged ``doubtful_mark``.  A closing mark with nothing open is
reported as doubtful and skipped.  Single marks (‘ ’ ') are only taken as
quotes when clearly paired, so that apostrophes never open a quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE = "“”\"«»„"
DOUBLE_OPEN_GLYPH = "“«„"
DOUBLE_CLOSE_GLYPH = "”»"
SINGLE = "‘’'"
OPEN_CTX = set(" \t\n\r\u00a0([{—–-/\u2014\u2013") | set(DOUBLE) | set(SINGLE)
CLOSE_CTX = set(" \t\n\r\u00a0.,;:!?)]}—–-/\u2014\u2013…") | set(DOUBLE) | set(SINGLE)
MAX_SINGLE_CHARS = 300


@dataclass
class QuoteSpan:
    """One quoted stretch: ``start``/``end`` include the marks; ``parts`` are the inner ranges per paragraph."""

    start: int
    end: int
    parts: list[tuple[int, int]]
    flags: list[str] = field(default_factory=list)
    single: bool = False

    @property
    def inner(self) -> tuple[int, int]:
        return self.parts[0][0], self.parts[-1][1]


@dataclass
class MarkProblem:
    start: int
    end: int
    kind: str
    message: str


def paragraphs(text: str, ranges) -> list[tuple[int, int]]:
    """Split the body ranges into non-empty lines (a line is a paragraph for quoting purposes)."""
    out = []
    for a, b in ranges:
        for m in re.finditer(r"[^\n]+", text[a:b]):
            s, e = a + m.start(), a + m.end()
            seg = text[s:e]
            if seg.strip():
                lead = len(seg) - len(seg.lstrip())
                trail = len(seg) - len(seg.rstrip())
                out.append((s + lead, e - trail))
    return out


def _role(text: str, i: int, lo: int, hi: int) -> str:
    left = text[i - 1] if i > lo else " "
    right = text[i + 1] if i + 1 < hi else " "
    lo_ctx = left in OPEN_CTX
    hi_ctx = right in CLOSE_CTX
    if lo_ctx and not hi_ctx:
        return "open"
    if hi_ctx and not lo_ctx:
        return "close"
    return "ambig"


def _first_mark_opens(text: str, a: int, b: int) -> bool:
    return a < b and text[a] in DOUBLE and _role(text, a, a, b) in ("open", "ambig") and text[a] not in DOUBLE_CLOSE_GLYPH[1:]


def find_quotes(text: str, ranges) -> tuple[list[QuoteSpan], list[MarkProblem]]:
    """Return the quoted stretches in the body ``ranges`` of ``text`` and the doubtful marks met."""
    paras = paragraphs(text, ranges)
    quotes: list[QuoteSpan] = []
    problems: list[MarkProblem] = []
    # state of the quote being read: where it started, inner parts of earlier paragraphs, flags
    q_start: int | None = None
    inner_start = 0
    parts: list[tuple[int, int]] = []
    flags: list[str] = []
    for pi, (a, b) in enumerate(paras):
        i = a
        if q_start is not None:  # continuation paragraph: it opens with a mark (checked before)
            inner_start = a + 1
            i = a + 1
        while i < b:
            c = text[i]
            if c not in DOUBLE:
                i += 1
                continue
            role = _role(text, i, a, b)
            if q_start is None:
                if role == "close" and not _could_open_after_close(text, i, a, b):
                    problems.append(MarkProblem(i, i + 1, "unmatched_quote_mark", "closing quote mark with no opening mark; skipped"))
                else:
                    q_start, inner_start, parts, flags = i, i + 1, [], []
            elif role == "open" and c in DOUBLE_OPEN_GLYPH and not parts and text[inner_start:i].strip() and _looks_unclosed(text, inner_start, i):
                # a clear new opening mark while one is open, the first one never closed
                problems.append(MarkProblem(q_start, q_start + 1, "unmatched_quote_mark", "opening quote mark never closed; skipped"))
                q_start, inner_start, parts, flags = i, i + 1, [], []
            else:
                if role == "open":
                    flags.append("doubtful_mark")
                all_parts = [p for p in parts + [(inner_start, i)] if p[1] > p[0]]
                if all_parts:
                    quotes.append(QuoteSpan(q_start, i + 1, all_parts, flags))
                q_start = None
            i += 1
        if q_start is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt is not None and _first_mark_opens(text, nxt[0], nxt[1]):
                parts = parts + [(inner_start, b)]
                if "multi_paragraph" not in flags:
                    flags.append("multi_paragraph")
            else:
                problems.append(MarkProblem(q_start, q_start + 1, "unmatched_quote_mark", "quote mark not closed before the end of the paragraph; quote taken to the paragraph end"))
                all_parts = [p for p in parts + [(inner_start, b)] if p[1] > p[0]]
                if all_parts:
                    quotes.append(QuoteSpan(q_start, b, all_parts, flags + ["doubtful_mark"]))
                q_start = None
    quotes.extend(_single_quotes(text, paras, quotes))
    quotes.sort(key=lambda q: q.start)
    return quotes, problems


def _looks_unclosed(text: str, a: int, b: int) -> bool:
    """The stretch read so far ends a sentence: the mark before it was an opener never closed."""
    seg = text[a:b].rstrip()
    return len(seg.split()) >= 3 and seg[-1:] in ".!?"


def _could_open_after_close(text: str, i: int, a: int, b: int) -> bool:
    """A closing-looking mark with nothing open is a mistyped opener when the next mark in the paragraph closes."""
    if i == a and i + 1 < b and text[i + 1].isalnum():
        return True
    for j in range(i + 1, b):
        if text[j] in DOUBLE:
            return _role(text, j, a, b) != "open" and j - i > 2
    return False


def _single_quotes(text: str, paras, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Clearly paired single-mark quotes outside double quotes."""
    covered = [(q.start, q.end) for q in doubles]

    def inside_double(i: int) -> bool:
        return any(s <= i < e for s, e in covered)

    out = []
    for a, b in paras:
        open_at = None
        for i in range(a, b):
            c = text[i]
            if c not in SINGLE or inside_double(i):
                continue
            left = text[i - 1] if i > a else " "
            right = text[i + 1] if i + 1 < b else " "
            if open_at is None:
                if c in "‘'" and left in OPEN_CTX and right.isalnum():
                    open_at = i
            else:
                if c in "’'" and not left.isspace() and (right in CLOSE_CTX) and not (left.isalnum() and right.isalnum()):
                    if left == "s" and right == " " and text[i + 2:i + 3].islower():
                        continue  # plural possessive (``the players’ union``)
                    if i - open_at > MAX_SINGLE_CHARS or i - open_at - 1 < 3:  # too long, or ``'n'``
                        open_at = None
                        continue
                    out.append(QuoteSpan(open_at, i + 1, [(open_at + 1, i)], [], single=True))
                    open_at = None
    return out
