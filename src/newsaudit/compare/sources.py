"""On whose word a number is reported: the party the number's own clause attributes it to.

A sentence can hold two parties: ``Prosecutor Ann Roe said she had ordered an inquiry, as the death toll rose
to at least 40, according to the Health Ministry`` — the 40 is the ministry's, not the prosecutor's. So the
source of a number is, in this order: the speaker of a quotation mark pair around it; an attribution inside
the number's clause (``according to``, ``X said``); an attribution in a later clause of the sentence (a
trailing ``, officials said`` covers what precedes it); the quotes layer's reported-speech speaker when the
sentence is a single clause. Never an attribution in an *earlier* clause, and never the sentence's first
named entity.

Affiliations (``Health Ministry spokesman Doran Pelkovic``, ``Gen. Ann Roe, the RIF commander``) let a
spokesman's figures count as the organisation's when revisions are traced.
"""
from __future__ import annotations

import re

from . import text as T

# a clause boundary: ";", a dash, or a comma before a conjunction that starts a new clause
_CLAUSE = re.compile(r";\s+|\s+[—–]\s+|,\s+(?=(?:as|while|when|after|but|whereas|and then|although|though)\s)")


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause spans within ``sentence``."""
    out, pos = [], 0
    for m in _CLAUSE.finditer(sentence):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(sentence)))
    return [(a, b) for a, b in out if b > a]


def clause_source(sentence: str, rel: int) -> tuple[str, bool] | None:
    """The attribution governing offset ``rel`` of ``sentence``: (name as written, whole-sentence clause?)."""
    spans = clauses(sentence)
    k = next((i for i, (a, b) in enumerate(spans) if a <= rel < b), len(spans) - 1)
    for a, b in spans[k:]:  # the number's clause, then later ones (a trailing "..., X said")
        att = T.attribution(sentence[a:b])
        if att is not None:
            return att[0], len(spans) == 1
    return None


_ROLE = r"(?:spokesman|spokeswoman|spokesperson|commander|director|chief|head|secretary-general|envoy)"
_ORG_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&'-]*)"
_ORG_WORDS = r"(?:%s(?:[ ]+(?:of|for|and)[ ]+|[ ]+)){0,5}%s" % (_ORG_WORD, _ORG_WORD)
_AFFIL = [
    re.compile(r"(?P<org>%s)(?:'s)?[ ]+%s[ ]+(?:(?:Gen\.|General|Col\.|Colonel|Dr\.|Dr)[ ]+)?(?P<name>[A-Z][\w'-]+(?:[ ]+[A-Z][\w'-]+)+)"
               % (_ORG_WORDS, _ROLE)),
    re.compile(r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+),\s+(?:the\s+)?(?P<org>%s)(?:'s)?\s+%s\b" % (_ORG_WORDS, _ROLE)),
    re.compile(r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+),\s+who\s+(?:commands|leads|heads|runs)\s+the\s+(?P<org>%s)"
               % _ORG_WORDS),
    re.compile(r"(?P<org>[A-Z][a-z]+)\s+Minister\s+(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+)"),
]
_GENERIC_ORG = {"ministry", "the ministry", "government", "force", "society", "office", "agency", "group"}


def affiliations(text: str) -> dict[str, str]:
    """Person name → organisation, from role phrases in ``text``."""
    out: dict[str, str] = {}
    for k, rx in enumerate(_AFFIL):
        for m in rx.finditer(text):
            org = m.group("org").strip()
            org = re.sub(r"^(?:The|A|An)\s+", "", org)
            if k == 3:
                org = f"{org} Ministry"
            name = T.clean_name(m.group("name"))
            if len(name.split()) < 2 or org.lower() in _GENERIC_ORG or len(org) < 2:
                continue
            out.setdefault(name, org)
    return out
