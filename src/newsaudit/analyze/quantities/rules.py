"""Where a number is not a counted quantity, and when a count is only a group's size.

* ``text_blocks(text)``: legal references (``12 Harv. L. Rev. 345 (1999)``, ``410 U.S. 113``),
  author-year citations (``(Smith et al., 2019, p. 12)``) and list numbering (``1.`` / ``2)`` at
  the start of a line);
* ``found_blocks(found)``: reference-list entries and footnote bodies (citations entries, the
  structure's reference block and notes);
* ``of_plural``: ``Forty of the 90 members`` is a count even when the NER calls it a date;
* ``is_group_size(toks, doc)``: the 90 in ``40 of its roughly 90 members`` (the size of the group a
  count is taken from, not a count of the event).
"""
from __future__ import annotations

import re

_ABBREV = r"(?:[A-Z][A-Za-z]{0,9}\.|[A-Z]\.[A-Z]\.|[A-Z]{2,5}|\d[a-z]{1,2})"
_LEGAL = re.compile(
    rf"\b\d{{1,4}}\s+(?:{_ABBREV}\s*){{1,6}}\d{{1,5}}(?:\s*,\s*\d{{1,5}})?(?:\s*\([^()\n]{{0,30}}?\d{{4}}\))?")
_AUTHOR_YEAR = re.compile(
    r"\((?:see\s+|cf\.\s+)?[A-Z][A-Za-z'\-]+(?:\s+(?:et al\.|and|&)(?:\s*[A-Z][A-Za-z'\-]*)?)?,?\s+"
    r"(?:1[5-9]|20)\d{2}[a-z]?(?:\s*[,:;]\s*(?:pp?\.\s*)?\d+(?:\s*[-\u2013]\s*\d+)?)*\)")
_LIST_NUMBER = re.compile(r"(?m)^[ \t]*\(?\d{1,3}[.)](?=[ \t])")
_YEAR_SPAN = re.compile(r"\b(?:1[0-9]|2[01])\d{2}\s*[-\u2013/]\s*\d{2}\b")


def text_blocks(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _LEGAL.finditer(text):
        if "." in m.group():  # a reporter abbreviation ("U.S.", "Harv.") and not just "12 UN 345"
            out.append(m.span())
    out.extend(m.span() for m in _AUTHOR_YEAR.finditer(text))
    out.extend(m.span() for m in _LIST_NUMBER.finditer(text))
    out.extend(m.span() for m in _YEAR_SPAN.finditer(text))  # "2013-14", "2020/21"
    return out


def found_blocks(found) -> list[tuple[int, int]]:
    out = []
    cit = found.get("citations")
    for e in getattr(cit, "entries", None) or []:
        out.append((e.start, e.end))
    st = found.get("structure")
    if st is not None:
        for span in (getattr(st, "references", None), *(getattr(st, "notes", None) or [])):
            if span is not None:
                out.append((span.start, span.end))
    return out


_GROUP_SKIP = {"DET", "PRON", "ADV", "ADJ"}


def is_group_size(toks, doc) -> bool:
    """``40 of its roughly 90 members``: a number after ``<number> of`` (determiners, modifiers between)."""
    j = toks[0].i - 1
    steps = 0
    while j >= 0 and steps < 3 and doc[j].pos_ in _GROUP_SKIP and doc[j].lower_ != "of":
        j -= 1
        steps += 1
    if j < 1 or doc[j].lower_ != "of":
        return False
    prev = doc[j - 1]
    return prev.like_num or prev.pos_ == "NUM"


def of_plural(last, doc, time_units) -> bool:
    """``Forty of the 90 members``: a number the NER took for a date, followed by ``of`` and a plural noun."""
    if len(last.text) == 4 and last.text.isdigit():
        return False
    if last.i + 1 >= len(doc) or doc[last.i + 1].lower_ != "of":
        return False
    for t in doc[last.i + 2:last.i + 6]:
        if t.tag_ == "NNS":
            return t.lower_ not in time_units
        if t.pos_ not in ("DET", "PRON", "ADV", "ADJ", "NUM"):
            return False
    return False


def is_year(t) -> bool:
    """A four-digit year token (``2019`` in ``By 2019 12 people had died``)."""
    return len(t.text) == 4 and t.text.isdigit() and 1000 <= int(t.text) <= 2199


_NAME_TYPES = {"PRODUCT", "ORG", "WORK_OF_ART", "FAC", "LAW", "EVENT"}
_DEFINITE = {"the", "these", "those", "both", "all"}


def not_a_count(toks, doc, text: str) -> bool:
    """Numbers that count nothing: compounds (``46-page``, ``two-way``, ``5-5``, ``80-19``), multipliers
    (``three times the rate``) and numbers that are part of a name (``iPhone 4``, ``Uranium One``, ``Apollo 11``)."""
    first, last = toks[0], toks[-1]
    start, end = first.idx, last.idx + len(last.text)
    if end + 1 < len(text) and text[end] in "-\u2011" and text[end + 1].isalnum():
        return True  # "46-page report", "two-way race", "5-5 ruling", "80-19 vote"
    if start >= 2 and text[start - 1] in "-\u2011\u2013" and text[start - 2].isalnum():
        return True  # the second half of "5-5", "COVID-19"
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("times", "fold", "-fold"):
        return True  # a multiplier
    if first.ent_type_ in _NAME_TYPES and (first.ent_iob_ == "I" or last.ent_iob_ == "I"):
        return True  # inside a name the NER found ("Air Force One", "Windows 10")
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isalpha() and text[prev.idx + len(prev.text):start] == " ":
        plural_next = nxt is not None and nxt.tag_ == "NNS"
        if not plural_next and (first.text[:1].isupper() or first.like_num):
            return True  # "iPhone 4", "Uranium One": a number right after a name, counting nothing after it
    return False


def is_anaphoric(toks, doc) -> bool:
    """``the two women``, ``both candidates``: a definite reference back to people already named, not a new count."""
    j = toks[0].i - 1
    while j >= 0 and doc[j].pos_ == "ADJ":
        j -= 1
    return j >= 0 and doc[j].lower_ in _DEFINITE
