"""Entities layer: named mentions, grouped into entities, with roles, ambiguity and spelling variants.

Mentions come from the spaCy model's ``doc.ents`` (named types only; dates and
numbers belong to other layers), repaired by rules for news text:

* quote marks, a leading ``the``, honorifics and office titles (``Mr.``,
  ``Minister``) and a trailing possessive are trimmed off a mention; the title
  is kept as evidence that the mention names a person (and as a role when it is
  an office);
* name particles are attached (``al-Rashid``, ``al–Rashid`` with an en dash,
  ``bin``, ``van der``);
* names the model missed are added: a title followed by capitalised words, a
  run of proper nouns with person/organisation evidence, acronyms (``NATO``),
  and any later recurrence of a known name or surname;
* generic heads on their own (``the Camp``, ``the Council``) and pronouns are
  dropped.

The type of an entity is a vote over its mentions: the model's label, titles
and person-role appositions (PERSON), organisation words in the name (ORG).
Grouping: identical names; surnames and first names to the full name
(``Varga`` → ``Hollis Varga``); a shorter part of an organisation or place
name to the whole (``Marrow`` → ``Marrow News Agency``); acronyms to the
expansion the text defines (``Long Name (LN)``, ``LN (Long Name)``) or whose
initials fit.  A short mention that fits two entities (two people sharing a
surname) is resolved to the only candidate mentioned in the same or the two
preceding sentences; otherwise it stays ambiguous (``candidates`` set, an
``ambiguous_mention`` problem).  Names of one type that differ by a small edit
and share context are flagged as ``spelling_variant`` and never merged.
"""
from __future__ import annotations

import logging
from typing import Any, Iterable

from .vocab import _M
from .variants import _TS
from .finding import MentionFinding
from .evidence import MentionEvidence
from .grouping import MentionGrouping
from .variants import EntityBuilding

LAYER = "entities"  # Problem.layer of this layer's findings

log = logging.getLogger(__name__)


def analyse(article, doc, found):
    if doc is None:
        return {"entities": [], "mentions": [], "problems": []}
    text = article.text
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) != len(text):  # pragma: no cover - pipeline contract
        log.warning("entities: doc and text lengths differ; layer skipped")
        return {"entities": [], "mentions": [], "problems": []}
    return _Layer(text, doc, found).run()


# --------------------------------------------------------------------------- public helpers


def entity_at(mentions: Iterable[Any], start: int, end: int) -> str | None:
    """Id of the entity whose mention best covers ``[start, end)`` (largest overlap), else ``None``.

    ``mentions`` is ``Dossier.mentions`` (or ``found["mentions"]``); ambiguous mentions have no entity.
    """
    best, best_ov = None, 0
    for m in mentions:
        ms, me = (m["start"], m["end"]) if isinstance(m, dict) else (m.start, m.end)
        ent = m.get("entity") if isinstance(m, dict) else m.entity
        ov = min(end, me) - max(start, ms)
        if start == end and ms <= start < me:
            ov = 1
        if ov > best_ov and ent:
            best, best_ov = ent, ov
    return best


def entity_by_id(entities: Iterable[Any], eid: str | None):
    for e in entities:
        if e.id == eid:
            return e
    return None


class _Layer(MentionFinding, MentionEvidence, MentionGrouping, EntityBuilding):
    """One run of the layer over a parsed article: token helpers here, the passes in the mixins."""

    def __init__(self, text: str, doc, found):
        self.text = text
        self.doc = doc
        self.found = found
        self.sent_of = [0] * len(doc)
        self.sent_bounds: list[tuple[int, int]] = []
        starts = [0]
        if len(doc):
            from spacy.attrs import SENT_START

            flags = doc.to_array([SENT_START]).reshape(-1).tolist()  # one call, no Token objects
            starts = [i for i, f in enumerate(flags) if f == 1 or i == 0]
        bounds = starts + [len(doc)]
        for si in range(len(starts)):
            a, b = bounds[si], bounds[si + 1]
            self.sent_bounds.append((a, b))
            self.sent_of[a:b] = [si] * (b - a)
        self.T = list(doc)  # tokens, fetched once (indexing a Doc builds a new Token each time)
        self.tx = [t.text for t in self.T]
        self.ix = [t.idx for t in self.T]
        # character → index of the token covering it (whitespace maps to the token before)
        self.char_tok = [0] * (len(text) + 1)
        for t in self.T:
            a = t.idx
            b = a + len(t.text) + len(t.whitespace_)
            self.char_tok[a:b] = [t.i] * (b - a)
        self.char_tok = self.char_tok[: len(text) + 1]
        self.mentions: list[_M] = []
        self._caps: dict[int, bool] = {}

    # ---- helpers on tokens
    def tok_at(self, char: int):
        """Token containing character ``char`` (or the one before it, on whitespace)."""
        if not self.T or char < 0 or char >= len(self.text):
            return None
        return self.T[self.char_tok[char]]

    def toks(self, m: _M) -> "_TS":
        a = self.tok_at(m.start)
        b = self.tok_at(m.end - 1)
        if a is None or b is None:
            return _TS(0, 0)
        return _TS(a.i, b.i + 1)

    # ---- run
    def run(self) -> dict[str, Any]:
        if not self.T:
            return {"entities": [], "mentions": [], "problems": []}
        self._ner()
        self._product_rule()
        self._title_rule()
        self._acronym_rule()
        self._propn_rule()
        self._cut_names()
        self._resolve_overlaps()
        self._definitions()
        self._recurrences()
        self._resolve_overlaps()
        self._outside_body()
        for m in self.mentions:
            self._finish_mention(m)
        self._evidence()
        clusters = self._group()
        return self._build(clusters)
