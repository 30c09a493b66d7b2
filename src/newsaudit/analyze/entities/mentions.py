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
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from ...dossier import Entity, Mention, Problem, Span
from . import names as N

LAYER = "entities"  # Problem.layer of this layer's findings

log = logging.getLogger(__name__)


NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})
# Labels the small model confuses with one another on unfamiliar names.
CONFUSABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", ""})
PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")
PRONOUNS = frozenset("he she it they we i you him her them us me his hers its their our my your who whom".split())
MONTHS_DAYS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split())
CONTEXT_WINDOW = 2  # sentences before a short mention searched for its referent
VARIANT_WINDOW = 3  # sentences apart within which two spellings count as sharing context
_STRIP_CHARS = N.QUOTE_CHARS + " \t\n\r,.;:!?()[]{}*\u2026" + N.DASHES + "-"
_MODEL_RE = re.compile(r"^(?:[A-Z]{1,3}-?\d{2,4}[A-Za-z]{0,3}|\d{1,4}[A-Za-z]{0,3})$")
_YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d$")
_ICAMEL_RE = re.compile(r"^[ie][A-Z][a-z]+")
_ABBREV_END_RE = re.compile(r"(?:(?:^|[^\w.])(?:[A-Za-z]\.){2,}|\b(?:Inc|Corp|Ltd|Co|Jr|Sr|Bros|Mt|St)\.)$")
# country abbreviations (general English, not a gazetteer of the news)
GPE_ACRONYMS = frozenset({"US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE", "U.A.E.", "PRC", "DPRK", "DRC"})
_POSSESSIVE_RE = re.compile(r"(?:['\u2019]s|s['\u2019])$")


@dataclass
class _M:
    """A mention while the layer works on it."""

    start: int
    end: int
    label: str  # the model's label, or "" for a rule-made mention
    source: str  # ner | title | propn | acronym | recur | defined | byline | reference
    key: str = ""
    tokens: list[str] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    sent: int = 10**9
    title: tuple[int, int] | None = None  # span of an office title / honorific before it
    acronym: bool = False
    cluster: int = -1
    candidates: list[int] = field(default_factory=list)  # cluster ids a short mention could mean
    weak: bool = False  # a capitalised word not tagged PROPN: may only repeat a known name
    assign: int | None = None  # set when a short mention is resolved (>= 0) or left ambiguous (-1)


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


# --------------------------------------------------------------------------- the layer

class _Layer:
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

    # ---- mention finding
    def _trim(self, start: int, end: int) -> tuple[int, int, tuple[int, int] | None]:
        """Trim quote marks, punctuation, a leading 'the', honorifics/titles and a possessive."""
        text = self.text
        title = None
        for _ in range(4):
            while start < end and text[start] in _STRIP_CHARS:
                start += 1
            while end > start and text[end - 1] in _STRIP_CHARS:
                if text[end - 1] == "." and _ABBREV_END_RE.search(text[max(start, end - 40):end]):
                    break  # "U.S.", "Acme Inc."
                end -= 1
            s = text[start:end]
            pm = _POSSESSIVE_RE.search(s)
            if pm and end - start > 3 and " " not in s[pm.start():]:
                # keep "s'"-plurals' s: only drop the apostrophe
                end = start + pm.start() + (1 if pm.group(0)[0] == "s" else 0)
                continue
            head, _, lastw = s.rpartition(" ")
            if head and lastw.lower() in N.FUNCTION_WORDS:
                end = start + len(head)
                continue
            first, _, rest = s.partition(" ")
            low = first.lower().rstrip(".")
            if rest and low == "the":
                start += len(first) + 1
                continue
            if rest and (low in N.HONORIFICS or low + "." in N.HONORIFICS or low in N.TITLES) and rest[:1].isupper():
                title = (start, start + len(first))
                start += len(first) + 1
                continue
            break
        return start, end, title

    def _add(self, start: int, end: int, label: str, source: str, title=None) -> _M | None:
        start, end, t2 = self._trim(start, end)
        title = title or t2
        if end <= start:
            return None
        s = self.text[start:end]
        if not any(c.isalpha() for c in s) or not any(c.isupper() for c in s):
            return None
        low = N.fold(s)
        if (low in PRONOUNS and not (s.isupper() and len(s) > 1)) or low in MONTHS_DAYS:
            return None
        if " " not in low and low in N.GENERIC_HEADS:
            return None
        m = _M(start=start, end=end, label=label, source=source, title=title)
        self.mentions.append(m)
        return m

    def _ner(self) -> None:
        doc = self.T
        for ent in self.doc.ents:
            if ent.label_ not in NAMED_LABELS:
                continue
            a = ent.start
            if ent.label_ == "PERSON":
                # the model often leaves a first name outside the span ("Sonja [Kettler]")
                while (a > 0 and a - ent.start > -2 and not doc[a - 1].ent_type_ and doc[a - 1].pos_ == "PROPN"
                       and doc[a - 1].is_title and doc[a - 1].is_alpha and doc[a - 1].whitespace_
                       and doc[a - 1].lower_ not in N.HONORIFICS and doc[a - 1].lower_ not in N.TITLES
                       and doc[a - 1].lower_ not in MONTHS_DAYS and not N.is_acronym(doc[a - 1].text)):
                    a -= 1
            self._add(doc[a].idx, ent.end_char, ent.label_, "ner")

    def _product_rule(self) -> None:
        """Model names: a name followed by a model number (``Boeing 787``, ``iPhone 4``), ``A350``, ``iPad``."""
        doc = self.T
        n = len(doc)
        by_end = {}
        for m in self.mentions:
            b = self.tok_at(m.end - 1)
            if b is not None:
                by_end[b.i] = m
        covered = self._covered()
        hits = [i for i, x in enumerate(self.tx) if x[:1].isalnum() and (_MODEL_RE.match(x) or _ICAMEL_RE.match(x))]
        for i in hits:
            t = doc[i]
            if _MODEL_RE.match(t.text) and not _YEAR_RE.match(t.text):
                prev = by_end.get(t.i - 1)
                if prev is not None and prev.label in ("ORG", "PRODUCT", "PERSON", "GPE", "") and t.i > 0 and doc[t.i - 1].whitespace_:
                    j = t.i + 1
                    while j < n and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].ent_type_ in ("", "PRODUCT", "ORG"):
                        j += 1
                    prev.end = doc[j - 1].idx + len(doc[j - 1].text)
                    prev.votes["PRODUCT"] += 2
                elif t.idx not in covered and t.text[:1].isupper() and any(c.isalpha() for c in t.text) and len(t.text) >= 3:
                    m = self._add(t.idx, t.idx + len(t.text), "", "product")
                    if m is not None:
                        m.votes["PRODUCT"] += 1.5
            elif _ICAMEL_RE.match(t.text):
                hit = [m for m in self.mentions if m.start <= t.idx < m.end]
                if hit:
                    hit[0].votes["PRODUCT"] += 2
                else:
                    m = self._add(t.idx, t.idx + len(t.text), "", "product")
                    if m is not None:
                        m.votes["PRODUCT"] += 2

    def _title_rule(self) -> None:
        """``Minister X``, ``Mr. X``: a title followed by capitalised words names a person."""
        doc = self.T
        n = len(doc)
        heads = N.TITLES | N.HONORIFICS
        for i, x in enumerate(self.tx):
            xl = x.lower()
            if xl not in heads and xl.rstrip(".") not in heads:
                continue
            t = doc[i]
            low = t.lower_.rstrip(".")
            if not (low in N.TITLES or low in N.HONORIFICS or low + "." in N.HONORIFICS):
                continue
            if low in N.TITLES and not t.text[:1].isupper() and low not in ("spokesman", "spokeswoman", "envoy"):
                continue
            j = t.i + 1
            while j < n and j - t.i <= 4 and self._name_token(doc[j], j > t.i + 1):
                j += 1
            if j > t.i + 1:
                while j > t.i + 1 and doc[j - 1].lower_ in N.PARTICLES:
                    j -= 1
                a, b = doc[t.i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text)
                if N.fold(self.text[a:b]).split()[0] in MONTHS_DAYS:
                    continue
                m = self._add(a, b, "PERSON", "title", title=(t.idx, t.idx + len(t.text)))
                if m is not None:
                    m.votes["PERSON"] += 1

    def _name_token(self, tok, inner: bool) -> bool:
        tx = tok.text
        if tok.is_space or not tx:
            return False
        if inner and tok.lower_ in N.PARTICLES:
            return True
        if inner and tx in N.DASHES + "-" and not tok.whitespace_ and tok.i > 0 and not tok.nbor(-1).whitespace_:
            return True
        return tok.pos_ == "PROPN" and tx[:1].isupper() and any(c.isalpha() for c in tx) and tx.lower() not in MONTHS_DAYS

    def _headline_caps(self, si: int) -> bool:
        if si not in self._caps:
            a, b = self.sent_bounds[si] if si < len(self.sent_bounds) else (0, 0)
            words = [t.text for t in self.T[a:b] if t.is_alpha and len(t.text) > 1]
            self._caps[si] = len(words) >= 3 and sum(w.isupper() for w in words) / len(words) > 0.6
        return self._caps[si]

    def _acronym_rule(self) -> None:
        covered = self._covered()
        for i, x in enumerate(self.tx):
            if not N.is_acronym(x) or self.ix[i] in covered:
                continue
            t = self.T[i]
            if self._headline_caps(self.sent_of[t.i]):
                continue
            m = self._add(t.idx, t.idx + len(t.text), "", "acronym")
            if m is not None:
                m.votes["GPE" if x in GPE_ACRONYMS else "ORG"] += 0.5

    def _propn_rule(self) -> None:
        """Runs of capitalised proper nouns the model left unlabelled (kept only with evidence or as part of a known name)."""
        covered = self._covered()
        doc = self.T
        i, n = 0, len(doc)
        while i < n:
            if not self.tx[i][:1].isupper() or self.ix[i] in covered or not self._name_token(doc[i], False) or doc[i].lower_ in N.HONORIFICS:
                i += 1
                continue
            j = i + 1
            while j < n and doc[j].idx not in covered and self._name_token(doc[j], True):
                j += 1
            while j > i + 1 and (doc[j - 1].lower_ in N.PARTICLES or doc[j - 1].text in N.DASHES + "-"):
                j -= 1
            if not any(N.is_acronym(doc[k].text) for k in range(i, j)) and (j - i >= 2 or len(doc[i].text) > 2):
                # kept later only with evidence, or when it joins a known name (a surname on its own)
                self._add(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), "", "propn")
            i = j
        # capitalised words the tagger did not call proper nouns: kept only if they repeat a known name exactly
        covered = self._covered()
        for i, x in enumerate(self.tx):
            if not x[:1].isupper() or self.ix[i] in covered:
                continue
            t = doc[i]
            if (t.is_alpha and t.is_title and len(t.text) > 2 and t.pos_ in ("NOUN", "ADJ", "VERB")
                    and t.lower_ not in MONTHS_DAYS and not t.is_stop):
                m = self._add(t.idx, t.idx + len(t.text), "", "weak")
                if m is not None:
                    m.weak = True

    def _covered(self) -> set[int]:
        out: set[int] = set()
        for m in self.mentions:
            a = self.tok_at(m.start)
            b = self.tok_at(m.end - 1)
            if a is not None and b is not None:
                out.update(self.ix[a.i:b.i + 1])
        return out

    def _resolve_overlaps(self) -> None:
        """Keep one mention per stretch: the model's over rules, the longer over the shorter."""
        rank = {"ner": 0, "defined": 0, "title": 1, "recur": 2, "acronym": 3, "product": 3, "propn": 4, "weak": 5}
        ms = sorted(self.mentions, key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[_M] = []
        for m in ms:
            if kept and m.start < kept[-1].end:
                k = kept[-1]
                # a title rule span that covers the model's span (or the reverse) adds evidence
                if m.title and not k.title and k.start <= m.start and m.end <= k.end:
                    k.title = m.title
                winner = k
                if (m.end - m.start) > (k.end - k.start) and rank.get(m.source, 5) <= rank.get(k.source, 5) + 1 and m.source not in ("propn", "weak"):
                    winner = m
                if winner is m:
                    m.votes.update(k.votes)
                    if k.label and not m.label:
                        m.label = k.label
                    m.title = m.title or k.title
                    kept[-1] = m
                else:
                    k.votes.update(m.votes)
                continue
            kept.append(m)
        self.mentions = kept

    def _definitions(self) -> None:
        """``Long Name (LN)`` / ``LN (Long Name)``: link acronym and expansion (adding the expansion if missing)."""
        self.links: list[tuple[_M, _M]] = []
        text = self.text
        by_start = {m.start: m for m in self.mentions}
        for m in list(self.mentions):
            s = text[m.start:m.end]
            if not N.is_acronym(s.replace(" ", "")):
                continue
            letters = N.acronym_letters(s)
            # Long Name (LN)
            before = text[max(0, m.start - 3):m.start]
            after = text[m.end:m.end + 3]
            if re.search(r"[(\[]\s*$", before) and re.match(r"\s*[)\]]", after):
                paren = text.rfind("(", 0, m.start) if "(" in before else text.rfind("[", 0, m.start)
                exp = self._expansion_before(paren, letters)
                if exp is not None:
                    self.links.append((m, exp))
                continue
            # LN (Long Name)
            mo = re.match(r"\s*\(\s*", text[m.end:m.end + 4])
            if mo:
                inner_start = m.end + mo.end()
                close = text.find(")", inner_start, inner_start + 120)
                if close > inner_start:
                    a, b, _ = self._trim(inner_start, close)
                    if b > a and letters in N.initials(text[a:b]):
                        exp = by_start.get(a) or self._add(a, b, "", "defined")
                        if exp is not None:
                            self.links.append((m, exp))

    def _expansion_before(self, paren: int, letters: str) -> _M | None:
        """The shortest run of words ending right before ``paren`` whose initials give ``letters``."""
        tok = self.tok_at(paren)
        if tok is None or tok.i == 0:
            return None
        end_tok = tok.i - 1
        while end_tok >= 0 and self.T[end_tok].is_space:
            end_tok -= 1
        for k in range(end_tok, max(-1, end_tok - 14), -1):
            if self.T[k].is_punct and self.T[k].text not in N.DASHES + "-'\u2019":
                break
            a = self.T[k].idx
            b = self.T[end_tok].idx + len(self.T[end_tok].text)
            cand = self.text[a:b]
            if not cand[:1].isupper():
                continue
            if letters in N.initials(cand):
                for m in self.mentions:  # an existing mention ending there: widen it to the whole expansion
                    if m.start < b and a < m.end and not m.acronym and not N.is_acronym(self.text[m.start:m.end]):
                        m.start, m.end = min(m.start, a), max(m.end, b)
                        m.start, m.end, _ = self._trim(m.start, m.end)
                        return m
                return self._add(a, b, "", "defined")
        return None

    def _recurrences(self) -> None:
        """Later (or earlier) occurrences of a known name the model missed, e.g. a surname on its own."""
        keys: dict[str, str] = {}
        for m in self.mentions:
            s = self.text[m.start:m.end]
            toks = N.name_tokens(s)
            if not toks:
                continue
            if N.is_acronym(s):
                keys[s] = "acr"
            elif m.label == "PERSON" or m.votes.get("PERSON"):
                if len(toks) >= 2:
                    keys[toks[-1]] = "person"
                    keys[" ".join(toks)] = "person"
        if not keys:
            return
        covered = self._covered()
        for i, x in enumerate(self.tx):
            if not x[:1].isupper() or self.ix[i] in covered:
                continue
            t = self.T[i]
            if t.text in keys and keys[t.text] == "acr" and not self._headline_caps(self.sent_of[t.i]):
                self._add(t.idx, t.idx + len(t.text), "", "recur")
            elif keys.get(N.fold(t.text)) == "person" and t.pos_ in ("PROPN", "NOUN", "ADJ", "VERB") and len(t.text) > 2:
                self._add(t.idx, t.idx + len(t.text), "", "recur")

    def _outside_body(self) -> None:
        """Byline authors and the authors of reference entries (outside the parsed body)."""
        st = self.found.get("structure") if hasattr(self.found, "get") else None
        by = getattr(st, "byline", None)
        for a in getattr(by, "authors", None) or []:
            m = self._add(a.start, a.end, "PERSON", "byline")
            if m:
                m.votes["PERSON"] += 3
        cit = self.found.get("citations") if hasattr(self.found, "get") else None
        for e in getattr(cit, "entries", None) or []:
            etext = e.text or ""
            for name in e.authors or []:
                if not name or len(name) < 3:
                    continue
                forms = [name]
                first, _, last = name.rpartition(" ")
                if first:
                    forms.append(f"{last}, {first}")  # references often write "Last, First"
                for form in forms:
                    pos = etext.find(form)
                    a = e.start + pos
                    if pos >= 0 and self.text[a:a + len(form)] == form:
                        m = self._add(a, a + len(form), "PERSON", "reference")
                        if m:
                            m.votes["PERSON"] += 3
                        break
            pub = e.publisher or ""
            pos = etext.find(pub) if len(pub) > 2 else -1
            a = e.start + pos
            if pos >= 0 and self.text[a:a + len(pub)] == pub:
                m = self._add(a, a + len(pub), "ORG", "reference")
                if m:
                    m.votes["ORG"] += 1

    # ---- evidence and keys
    def _finish_mention(self, m: _M) -> None:
        s = self.text[m.start:m.end]
        if "," in s and m.source in ("reference", "byline"):
            last, _, first = s.partition(",")
            s = f"{first.strip()} {last.strip()}"
        m.tokens = N.name_tokens(s)
        m.key = " ".join(m.tokens)
        m.acronym = N.is_acronym(self.text[m.start:m.end])
        a = self.tok_at(m.start)
        m.sent = self.sent_of[a.i] if a is not None and m.source not in ("byline", "reference") else 10**9

    def _evidence(self) -> None:
        doc = self.T
        for m in self.mentions:
            if m.weak:
                continue
            if m.title:
                m.votes["PERSON"] += 3
            if len(m.tokens) >= 2 and any(t in N.ORG_WORDS for t in m.tokens):
                m.votes["ORG"] += 3
            if m.source in ("byline", "reference"):
                continue
            span = self.toks(m)
            if not len(span):
                continue
            role = self._role_before(span) or self._role_after(span)
            if role is not None and role[2]:
                m.votes["PERSON"] += 2
            nxt = span.end < len(doc) and doc[span.end]
            if nxt is not None and nxt is not False and nxt.lower_ in ("who", "whom") and m.label in CONFUSABLE:
                m.votes["PERSON"] += 1.5

    # ---- roles
    def _role_before(self, span) -> tuple[int, int, bool] | None:
        """Premodifier role: ``the former EU envoy in Chad Hollis Varga``; ``the group's spokesman, X``."""
        doc = self.T
        i = span.start - 1
        comma = False
        if i >= 0 and doc[i].text == ",":
            comma, i = True, i - 1
        if i < 0 or self.sent_of[i] != self.sent_of[span.start]:
            return None
        last = doc[i]
        if not (last.pos_ in ("NOUN", "PROPN", "ADJ") or last.lower_ in N.ROLE_NOUNS):
            return None
        j = i
        while j - 1 >= 0 and i - j < 9 and self.sent_of[j - 1] == self.sent_of[i]:
            p = doc[j - 1]
            if p.pos_ in ("ADJ", "NOUN", "PROPN", "NUM") or p.tag_ == "POS" or p.lower_ in ("of", "in", "for", "at", "on", "to", "and", "-") or p.text in N.DASHES:
                if p.pos_ == "PROPN" and p.ent_type_ in ("DATE", "TIME"):
                    break
                j -= 1
                continue
            break
        if comma and not (j > 0 and (doc[j - 1].pos_ == "DET" or doc[j - 1].is_sent_start or doc[j - 1].is_punct)):
            return None
        while j <= i and (doc[j].pos_ == "ADP" or doc[j].tag_ == "POS" or doc[j].lower_ == "and"):
            j += 1
        if j > i:
            return None
        # the phrase must hold a role noun, and end in it or in a prepositional phrase after it
        heads = [k for k in range(j, i + 1) if doc[k].lower_ in N.ROLE_NOUNS
                 or (doc[k].pos_ == "NOUN" and doc[k].is_lower and doc[k].lower_ not in N.GENERIC_HEADS)]
        if not heads:
            return None
        h = heads[-1]
        if h != i and not (comma and doc[i].lower_ in ("elect", "designate")):
            if not any(doc[k].pos_ == "ADP" for k in range(h + 1, i + 1)) or doc[h + 1].pos_ != "ADP":
                return None
        a, b = doc[j].idx, doc[i].idx + len(doc[i].text)
        person = any(doc[k].lower_ in N.ROLE_NOUNS for k in range(j, i + 1))
        return (a, b, person)

    def _role_after(self, span) -> tuple[int, int, bool] | None:
        """Apposition: ``X, the leader of the group,``; ``X, former member of Y,``."""
        doc = self.T
        n = len(doc)
        i = span.end
        if i >= n or doc[i].text != ",":
            return None
        j = i + 1
        if j < n and doc[j].pos_ == "DET":
            j += 1
        k = j
        head_ok = False
        while k < n and k - j < 12 and self.sent_of[k] == self.sent_of[span.start]:
            t = doc[k]
            if t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or (t.is_punct and t.text not in "-'\u2019" + N.DASHES) or t.is_space:
                break
            if t.lower_ in N.ROLE_NOUNS or (t.pos_ == "NOUN" and t.is_lower):
                head_ok = True
            k += 1
        if not head_ok or k == j:
            return None
        if k + 1 < n and doc[k].text == "," and doc[k + 1].pos_ == "PROPN" and doc[k + 1].text[:1].isupper():
            return None  # "Camp X, the UN envoy, Y Z": the apposition belongs to the name after it
        if k < n and doc[k].pos_ in ("VERB", "AUX") and doc[k].text != ",":
            # "X, the president said" is not an apposition
            if not (k < n and doc[k].text == ","):
                return None
        while k > j and (doc[k - 1].pos_ in ("ADP", "CCONJ", "DET") or doc[k - 1].is_punct):
            k -= 1
        a, b = doc[j].idx, doc[k - 1].idx + len(doc[k - 1].text)
        person = any(doc[x].lower_ in N.ROLE_NOUNS for x in range(j, k))
        return (a, b, person)

    def _roles(self, m: _M) -> list[tuple[int, int]]:
        if m.source in ("byline", "reference"):
            return []
        span = self.toks(m)
        if not len(span):
            return []
        out = []
        if m.title:
            low = self.text[m.title[0]:m.title[1]].lower().rstrip(".")
            if low in N.TITLES:
                out.append(m.title)
        for r in (self._role_before(span), self._role_after(span)):
            if r is None:
                continue
            a, b, _ = r
            # split "former member and a member of Y" into its two roles
            piece = self.text[a:b]
            mo = re.search(r"\s+and\s+(?:a|an|the)\s+", piece)
            if mo:
                out.append((a, a + mo.start()))
                out.append((a + mo.end(), b))
            else:
                out.append((a, b))
        return out

    # ---- grouping
    def _group(self) -> list[list[_M]]:
        ms = sorted((m for m in self.mentions if m.key), key=lambda m: m.start)
        self.mentions = ms
        parent = list(range(len(ms)))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(x, y):
            rx, ry = find(x), find(y)
            if rx != ry:
                parent[max(rx, ry)] = min(rx, ry)

        index = {id(m): i for i, m in enumerate(ms)}
        by_key: dict[str, int] = {}
        for i, m in enumerate(ms):
            if m.key in by_key:
                union(by_key[m.key], i)
            else:
                by_key[m.key] = i
        for a, b in getattr(self, "links", []):
            if id(a) in index and id(b) in index:
                union(index[id(a)], index[id(b)])

        def clusters():
            groups: dict[int, list[int]] = defaultdict(list)
            for i in range(len(ms)):
                groups[find(i)].append(i)
            return groups

        memo: dict[tuple, str] = {}

        def ctype(idx: list[int]) -> str:
            key = (tuple(idx), sum(sum(ms[i].votes.values()) for i in idx))
            if key not in memo:
                memo[key] = _cluster_type([ms[i] for i in idx])
            return memo[key]

        # acronyms whose letters fit exactly one multi-word name
        groups = clusters()
        long_names = {r: {N.acronym_letters(x) for i in idx for x in N.initials(self.text[ms[i].start:ms[i].end])} for r, idx in groups.items()}
        for r, idx in list(groups.items()):
            if not all(ms[i].acronym for i in idx):
                continue
            letters = N.acronym_letters(self.text[ms[idx[0]].start:ms[idx[0]].end])
            fits = [r2 for r2, ini in long_names.items() if r2 != r and letters in ini and ctype(groups[r2]) != "PERSON"]
            if len(fits) == 1:
                union(r, fits[0])

        # an unlabelled full name sharing its surname with a person is a person ("Sonja Kettler and her brother Aurel Kettler")
        groups = clusters()
        types = {r: ctype(idx) for r, idx in groups.items()}
        person_last = {ms[i].tokens[-1] for r, idx in groups.items() if types[r] == "PERSON" for i in idx if len(ms[i].tokens) >= 2}
        for r, idx in groups.items():
            if types[r] == "" and all(len(ms[i].tokens) >= 2 and ms[i].tokens[-1] in person_last for i in idx):
                for i in idx:
                    ms[i].votes["PERSON"] += 1.5

        # a lone word spelt like a person's surname is most likely that person's name
        groups = clusters()
        types = {r: ctype(idx) for r, idx in groups.items()}
        surnames = {ms[i].tokens[-1] for r, idx in groups.items() if types[r] == "PERSON" for i in idx if len(ms[i].tokens) >= 2}
        for r, idx in groups.items():
            toks = ms[idx[0]].tokens
            if len(toks) == 1 and types[r] in CONFUSABLE and types[r] != "PERSON" and not ms[idx[0]].acronym:
                if any(N.near_spelling(toks[0], sn) for sn in surnames):
                    for i in idx:
                        ms[i].votes["PERSON"] += 2

        # short names to the full names they are part of
        groups = clusters()
        types = {r: ctype(idx) for r, idx in groups.items()}
        full = {r: max((ms[i].tokens for i in idx), key=len) for r, idx in groups.items()}
        for r, idx in list(groups.items()):
            toks = full[r]
            if any(ms[i].acronym for i in idx) or types[r] == "NORP":
                continue
            weak = all(ms[i].weak for i in idx)
            cands = []
            for r2, t2 in full.items():
                if r2 == r or len(t2) <= len(toks) or (weak and types[r2] != "PERSON"):
                    continue
                if self._part_of(toks, types[r], t2, types[r2]):
                    cands.append(r2)
            if not cands:
                continue
            if len(cands) > 1 and all(types[c] != "PERSON" for c in cands):
                # places and organisations: the far more frequent name wins (a bare name → the place named ten times)
                sizes = sorted(((len(groups[c]), c) for c in cands), reverse=True)
                if sizes[0][0] >= 2 * sizes[1][0]:
                    cands = [sizes[0][1]]
            if len(cands) == 1:
                union(r, cands[0])
                continue
            resolved: list[tuple[int, int]] = []  # (sentence, candidate) of short mentions already resolved
            for i in idx:
                m = ms[i]
                near = {c for c in cands if any(m.sent - CONTEXT_WINDOW <= ms[j].sent <= m.sent and ms[j].start < m.start for j in groups[c])}
                near |= {c for s_, c in resolved if m.sent - CONTEXT_WINDOW <= s_ <= m.sent}
                m.candidates = list(cands)
                m.assign = next(iter(near)) if len(near) == 1 else -1
                if m.assign != -1:
                    resolved.append((m.sent, m.assign))
        # final clusters: a mention resolved by context joins its referent; an ambiguous one joins none
        result_roots: dict[int, list[_M]] = {}
        for i, m in enumerate(ms):
            if m.assign == -1:
                continue
            root = find(m.assign) if m.assign is not None else find(i)
            result_roots.setdefault(root, []).append(m)
        result: list[list[_M]] = []
        root_to_cluster: dict[int, int] = {}
        for root, members in sorted(result_roots.items(), key=lambda kv: min(m.start for m in kv[1])):
            root_to_cluster[root] = len(result)
            for m in members:
                m.cluster = len(result)
            result.append(sorted(members, key=lambda m: m.start))
        for m in ms:
            if m.assign == -1:
                m.cluster = -1
            m.candidates = sorted({root_to_cluster[find(c)] for c in m.candidates if find(c) in root_to_cluster})
        return result

    @staticmethod
    def _part_of(short: list[str], stype: str, long: list[str], ltype: str) -> bool:
        if not short or not long:
            return False
        if ltype == "PERSON":
            if stype not in CONFUSABLE:
                return False
            if len(short) == 1:
                return short[0] in N.surname_keys(long) or (short[0] == long[0] and len(short[0]) > 2)
            return long[-len(short):] == short
        if stype != ltype and not (stype in CONFUSABLE and ltype in CONFUSABLE and stype != "GPE"):
            return False
        if all(t in N.FUNCTION_WORDS or t in N.GENERIC_HEADS for t in short):
            return False
        n = len(short)
        if long[-n:] == short:
            return True
        # "Marrow" for "Marrow News Agency": a prefix only when the rest are organisation words
        return n == 1 and long[:1] == short and all(t in N.ORG_WORDS or t in N.FUNCTION_WORDS for t in long[1:])

    # ---- output
    def _build(self, clusters: list[list[_M]]) -> dict[str, Any]:
        text = self.text
        ids = [f"E{i + 1}" for i in range(len(clusters))]
        ctypes = []
        for members in clusters:
            ctypes.append(_cluster_type(members))
        # rule-made mentions with no evidence at all are dropped
        keep = [any(m.votes or m.label for m in members) for members in clusters]
        entities: list[Entity] = []
        for ci, members in enumerate(clusters):
            if not keep[ci]:
                continue
            spans = [Span.of(text, m.start, m.end) for m in members]
            canon_m = self._canonical(members)
            canonical = self._display(canon_m)
            aliases: list[str] = []
            seen = {N.name_key(canonical)}
            for m in members:
                d = self._display(m)
                k = N.name_key(d)
                if k not in seen:
                    seen.add(k)
                    aliases.append(d)
            roles: list[Span] = []
            if ctypes[ci] in ("PERSON", "ORG", ""):
                found_r = sorted({r for m in members for r in self._roles(m) if r[1] > r[0]})
                for a, b in found_r:
                    if not any(x <= a and b <= y and (x, y) != (a, b) for x, y in found_r):
                        roles.append(Span.of(text, a, b))
            entities.append(Entity(id=ids[ci], type=ctypes[ci] or "ORG", canonical=canonical, mentions=spans,
                                   aliases=aliases, roles=roles))
        # renumber E1.. in order of first mention, over kept clusters only
        renum = {}
        for k, e in enumerate(entities):
            renum[e.id] = f"E{k + 1}"
            e.id = renum[e.id]
        cid = {ci: renum[ids[ci]] for ci in range(len(clusters)) if keep[ci]}
        ent_by_id = {e.id: e for e in entities}
        mentions: list[Mention] = []
        problems: list[Problem] = []
        for m in self.mentions:
            if m.cluster >= 0:
                if not keep[m.cluster]:
                    continue
                mentions.append(Mention(start=m.start, end=m.end, text=text[m.start:m.end], type=ctypes[m.cluster] or "ORG",
                                        entity=cid[m.cluster]))
                continue
            cands = [cid[c] for c in m.candidates if c in cid]
            if not cands:
                continue
            ctyp = {ent_by_id[c].type for c in cands}
            mtype = ctyp.pop() if len(ctyp) == 1 else (_cluster_type([m]) or "PERSON")
            if len(cands) == 1:
                ent_by_id[cands[0]].mentions.append(Span.of(text, m.start, m.end))
                mentions.append(Mention(start=m.start, end=m.end, text=text[m.start:m.end], type=mtype, entity=cands[0]))
                continue
            mentions.append(Mention(start=m.start, end=m.end, text=text[m.start:m.end], type=mtype, candidates=cands))
            names = [f"{ent_by_id[c].canonical} ({c})" for c in cands]
            problems.append(Problem(kind="ambiguous_mention", severity="info", layer=LAYER, start=m.start, end=m.end,
                                    text=text[m.start:m.end],
                                    message=f"'{text[m.start:m.end]}' could refer to " + " or ".join(names) + "; the context does not settle it",
                                    details={"candidates": cands, "names": [ent_by_id[c].canonical for c in cands]}))
        # entities a short mention could have meant are ambiguous (even where the context settled it)
        for m in self.mentions:
            if m.candidates and (m.cluster == -1 or len(m.candidates) > 1):
                for c in m.candidates:
                    if c in cid:
                        ent_by_id[cid[c]].ambiguous = True
        for e in entities:
            e.mentions.sort(key=lambda s: s.start)
        mentions.sort(key=lambda x: x.start)
        problems += self._variants(entities, mentions)
        return {"entities": entities, "mentions": mentions, "problems": problems}

    def _canonical(self, members: list[_M]) -> _M:
        counts = Counter(m.key for m in members)
        body = [m for m in members if not m.acronym] or members
        person = _cluster_type(members) == "PERSON"
        if person:
            return max(body, key=lambda m: (m.source not in ("reference",), len(m.tokens), counts[m.key], -m.start))
        return max(body, key=lambda m: (m.source not in ("reference",), counts[m.key], len(m.tokens), -m.start))

    def _display(self, m: _M) -> str:
        s = self.text[m.start:m.end]
        if m.source in ("byline", "reference") and "," in s:
            last, _, first = s.partition(",")
            s = f"{first.strip()} {last.strip()}"
        return N.display_name(s)

    def _variants(self, entities: list[Entity], mentions: list[Mention]) -> list[Problem]:
        """Names of one type that differ by a small edit and share context: flagged, not merged."""
        text = self.text
        sent_of_start = {}
        for m in self.mentions:
            sent_of_start[m.start] = m.sent
        forms: dict[str, list[tuple[str, str, Span]]] = defaultdict(list)  # type -> (entity id, form, span)
        for e in entities:
            if e.type not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
                continue
            for sp in e.mentions:
                toks = sp.text.replace(",", " ").split()
                if not toks:
                    continue
                if e.type == "PERSON":
                    word = toks[0] if "," in sp.text else toks[-1]  # "Last, First" in references
                    word = N.display_name(word)
                    off = sp.text.find(word)
                    forms[e.type].append((e.id, word, Span.of(text, sp.start + off, sp.start + off + len(word))))
                else:
                    forms[e.type].append((e.id, N.display_name(sp.text), sp))
        ent_by_id = {e.id: e for e in entities}
        parent: dict[str, str] = {}

        def find(x):
            parent.setdefault(x, x)
            while parent[x] != x:
                x = parent[x]
            return x

        for typ, items in forms.items():
            by_form: dict[str, list[tuple[str, Span]]] = defaultdict(list)
            for eid, form, sp in items:
                by_form[form].append((eid, sp))
            fl = sorted(by_form)
            for x in range(len(fl)):
                for y in range(x + 1, len(fl)):
                    a, b = fl[x], fl[y]
                    if not N.near_spelling(N.fold(a), N.fold(b)):
                        continue
                    if not self._share_context(by_form[a], by_form[b]):
                        continue
                    ra, rb = find(a + "\0" + typ), find(b + "\0" + typ)
                    parent[ra] = rb
        groups: dict[str, set[str]] = defaultdict(set)
        for k in list(parent):
            groups[find(k)].add(k)
        problems: list[Problem] = []
        for members in groups.values():
            if len(members) < 2:
                continue
            typ = next(iter(members)).split("\0")[1]
            spellings = sorted(k.split("\0")[0] for k in members)
            items = [(eid, form, sp) for eid, form, sp in forms[typ] if form in spellings]
            count = Counter(form for _, form, _ in items)
            first = {}
            for eid, form, sp in items:
                first.setdefault(form, sp.start)
            majority = max(spellings, key=lambda f: (count[f], -first[f]))
            eids = sorted({eid for eid, _, _ in items}, key=lambda s: int(s[1:]))
            for eid in eids:
                e = ent_by_id[eid]
                own = {form for i2, form, _ in items if i2 == eid}
                others = set(spellings) - own if own != set(spellings) else set(spellings) - {majority}
                e.variants = sorted(set(e.variants) | others)
            minority = [(eid, form, sp) for eid, form, sp in items if form != majority]
            anchor = min(minority, key=lambda x: x[2].start)[2]
            related = [sp for _, _, sp in sorted(items, key=lambda x: x[2].start)]
            problems.append(Problem(
                kind="spelling_variant", severity="warning", layer=LAYER, start=anchor.start, end=anchor.end, text=anchor.text,
                message="one name spelt " + str(len(spellings)) + " ways: " + ", ".join(f"'{f}' ({count[f]}×)" for f in spellings)
                        + f"; most frequent: '{majority}'",
                related=related,
                details={"type": typ, "majority": majority, "entities": eids,
                         "spellings": {f: [sp.model_dump() for _, f2, sp in items if f2 == f] for f in spellings}},
            ))
        return problems

    def _share_context(self, xs, ys) -> bool:
        """Within a few sentences of each other, or sharing a content word in their sentences."""
        sx = [self._sent_index(sp.start) for _, sp in xs]
        sy = [self._sent_index(sp.start) for _, sp in ys]
        if any(abs(a - b) <= VARIANT_WINDOW for a in sx for b in sy if a >= 0 and b >= 0):
            return True
        wx = self._content(sx)
        wy = self._content(sy)
        return bool(wx & wy)

    def _sent_index(self, char: int) -> int:
        t = self.tok_at(char)
        if t is None or not (t.idx <= char < t.idx + len(t.text)) or t.is_space:
            return -1
        return self.sent_of[t.i] if t is not None else -1

    def _content(self, sents: list[int]) -> set[str]:
        out: set[str] = set()
        for si in sents:
            if 0 <= si < len(self.sent_bounds):
                a, b = self.sent_bounds[si]
                for t in self.T[a:b]:
                    if t.pos_ in ("NOUN", "PROPN") and not t.is_stop and len(t.text) > 1 and t.ent_type_ not in ("PERSON",):
                        out.add(t.lemma_.lower())
        return out


class _TS:
    """A token range ``[start, end)`` (cheaper than a spaCy Span)."""

    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end

    def __len__(self) -> int:
        return self.end - self.start


def _cluster_type(members: list[_M]) -> str:
    """The type of a group of mentions: the model's labels on its longest form(s), plus rule evidence from all.

    The small model labels a full name (``Mark Smith``) far more reliably than
    the bare surname, so only the longest non-acronym forms' labels vote.
    """
    v: Counter = Counter()
    named = [m for m in members if not m.acronym] or members
    longest = max(len(m.tokens) for m in named)
    labelled = [m for m in named if m.label and len(m.tokens) == longest] or [m for m in members if m.label]
    for m in labelled:
        v[m.label] += 1
    for m in members:
        v.update(m.votes)
    return _best(v, fallback=max(members, key=lambda m: len(m.tokens)).label)


def _best(votes: Counter, fallback: str = "") -> str:
    if not votes:
        return fallback
    top = max(votes.values())
    if top <= 0:
        return fallback
    best = [k for k, v in votes.items() if v == top]
    for p in PRIORITY:
        if p in best:
            return p
    return best[0]
