"""Hedges: words that soften a claim (``allegedly``, ``seems``, ``reportedly``, ``it is believed``).

``find_hedges(doc, start, end)`` returns the hedge spans inside a stretch of
the parsed text, each stretched over the word it hedges when that word follows
directly (``allegedly missing``, ``seems very unclear``); ``certainty(hedges)``
grades a claim ``high`` / ``medium`` / ``low``.
"""
from __future__ import annotations

import re

# strong hedges: the writer distances themself from the claim
STRONG = (
    r"allegedly", r"alleged", r"reportedly", r"supposedly", r"purportedly", r"ostensibly", r"apparently",
    r"it is (?:widely )?(?:believed|thought|said|claimed|alleged|rumou?red|reported|understood|assumed)",
    r"(?:is|are|was|were) (?:said|believed|thought|alleged|reported|rumou?red|claimed|understood) to(?: be| have)?",
    r"(?:said|believed|thought|reported|alleged|rumou?red|understood) to (?:be|have)", r"seem(?:s|ed|ingly)?", r"appear(?:s|ed)? to(?: be| have)?", r"unclear", r"unconfirmed", r"unverified",
    r"rumou?red", r"so[- ]called", r"it remains to be seen",
)
# weak hedges: possibility, probability, indirect evidence
WEAK = (
    r"may", r"might", r"could", r"perhaps", r"maybe", r"possibly", r"probably", r"likely", r"unlikely",
    r"presumably", r"suggests?", r"suggested", r"appears", r"arguably", r"in some cases", r"to some extent",
    r"sort of", r"kind of", r"somewhat",
)
_STRONG_RE = re.compile(r"\b(?:" + "|".join(STRONG) + r")\b", re.I)
_WEAK_RE = re.compile(r"\b(?:" + "|".join(WEAK) + r")\b")  # case-sensitive: "May" the month is no hedge
STRONG_WORDS = re.compile(r"^(?:" + "|".join(STRONG) + r")$", re.I)


def _extend(doc, start: int, end: int) -> int:
    """Stretch a hedge over the word it governs or modifies when that word follows it directly."""
    if doc is None:
        return end
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return end
    last = span[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is None or "\n" in last.whitespace_:
        return end
    low = last.lower_
    if low.startswith(("seem", "appear")):
        for child in last.children:
            if child.dep_ in ("acomp", "oprd", "attr") and child.i > last.i and child.i - last.i <= 3:
                sub = list(child.subtree)
                if sub[0].i == last.i + 1 and sub[-1].i - last.i <= 4:
                    return sub[-1].idx + len(sub[-1].text)
        return end
    if last.pos_ == "ADV" and last.head.i > last.i and last.head.i - last.i <= 2 and last.head.pos_ in ("ADJ", "VERB", "NOUN"):
        h = last.head
        if all(not t.is_punct for t in doc[last.i + 1:h.i + 1]):
            return h.idx + len(h.text)
    if low in ("alleged", "so-called", "supposed") and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
        return nxt.idx + len(nxt.text)
    return end


def find_hedges(text: str, start: int, end: int, doc=None) -> list[tuple[int, int, str]]:
    """Hedges in ``text[start:end]``: (start, end, strength) with strength ``strong`` or ``weak``."""
    piece = text[start:end]
    found: list[tuple[int, int, str]] = []
    for m in _STRONG_RE.finditer(piece):
        a, b = start + m.start(), start + m.end()
        found.append((a, _extend(doc, a, b), "strong"))
    for m in _WEAK_RE.finditer(piece):
        a, b = start + m.start(), start + m.end()
        if any(s <= a < e for s, e, _ in found):
            continue
        found.append((a, b, "weak"))
    found.sort()
    out: list[tuple[int, int, str]] = []
    for h in found:  # drop hedges nested in a longer one
        if out and h[0] < out[-1][1]:
            if h[1] - h[0] > out[-1][1] - out[-1][0]:
                out[-1] = h
            continue
        out.append(h)
    return out


def certainty(hedges: list[tuple[int, int, str]]) -> str:
    """``low`` with a strong hedge or several weak ones, ``medium`` with one weak hedge, else ``high``."""
    strong = sum(1 for h in hedges if h[2] == "strong")
    weak = sum(1 for h in hedges if h[2] == "weak")
    if strong or weak >= 2:
        return "low"
    if weak:
        return "medium"
    return "high"
