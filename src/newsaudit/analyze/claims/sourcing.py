"""Claims and sourcing: what the article asserts, on whose word, with how much certainty.

Every sentence of the article's prose becomes a ``Claim`` with a
check-worthiness ``score`` (the CheckThat!-trained model of
``analyze.checkworthy`` blended with parse-based rules that tell facts from
questions, exhortations, opinions and scene-setting) and ``checkworthy`` when
the score reaches ``THRESHOLD``.  For each claim:

* ``holder`` – the quoted party when the sentence carries a quote (quotes
  layer), the named subject of a reporting verb (``officials say``,
  ``according to the AP``), else the author;
* ``sourcing`` – ``cited`` (a marker whose reference entry resolves),
  ``cited_broken`` (a marker with a missing entry or an unresolvable ibid),
  ``attributed`` (a named source, no citation), ``unsourced`` (the author's own
  assertion).  A marker at the end of a sentence also backs the attributed
  sentences right before it in the same paragraph (footnote style);
* ``hedges`` and ``certainty``; the entity ids, time and quantity indices inside.

``sourcing`` (the ``SourcingSummary``) counts the check-worthy claims per
status and lists the unsourced ones.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from typing import Any

from ..base import strip_span
from ..common.offsets import Containing, Covers, Inside, Overlaps
from ...dossier import Claim, Holder, Span, SourcingSummary
from . import checkworthy as cw
from .hedges import certainty, find_hedges

log = logging.getLogger(__name__)


THRESHOLD = 0.45
STATUSES = ("cited", "cited_broken", "attributed", "unsourced")
MODEL_WEIGHT = 0.35

REPORT_CLAUSE = {"say", "tell", "add", "state", "report", "announce", "explain", "warn", "note", "write", "insist",
                 "argue", "assert", "clarify", "conclude", "declare", "reveal", "confirm", "suggest", "estimate",
                 "believe", "acknowledge", "admit", "stress", "emphasize", "emphasise", "indicate", "quote",
                 "notify", "inform", "predict", "testify", "maintain", "recall", "tweet", "post", "show",
                 "find", "conclude", "estimate", "disclose", "allege", "claim", "deny", "accuse", "urge", "ask",
                 "demand", "blame", "charge", "contend"}
REPORT_OBJECT = {"deny", "accuse", "claim", "allege", "confirm", "admit", "report", "announce", "blame", "reject",
                 "dispute", "acknowledge", "reveal"}
_NOT_SOURCE = {"i", "we", "you", "it", "they", "this", "that", "there", "one", "me", "us", "he", "she", "who",
               "which", "what", "some", "many", "others"}
_PRONOUN_OK = {"he", "she", "they"}  # resolved only through the quotes layer
_MARKER_ONLY = re.compile(r"^[\s\[\]\d,\u2013\-.;:\"'\u201c\u201d()*!?]*$")
_LET_US = re.compile(r"^\W*(?:so\s+)?let(?:'s|\u2019s| us)\b", re.I)
_OPINION_PRED = re.compile(
    r"\b(?:I|we) (?:think|believe|feel|hope|wish|want|consider|guess|suppose|am sure|are sure)\b|"
    r"\bin (?:my|our) (?:view|opinion)\b|\bit is (?:high )?time\b|^\W*surely\b|\b(?:should|must|ought to|need to|have to)\b|"
    r"\b(?:shameful|disgraceful|outrageous|ridiculous|absurd|tragic|sad|heroic|wonderful|terrible|horrible|"
    r"magnificent|beautiful|amazing|awful|evil|brave|noble|pathetic|unacceptable|appalling|deplorable)\b", re.I)
_SCENE = re.compile(r"^\W*(?:meanwhile|welcome|good (?:morning|evening|afternoon)|thank you|thanks|hello)\b", re.I)


def analyse(article, doc, found) -> dict[str, Any]:
    if doc is None or len(doc) == 0:
        return {"claims": [], "sourcing": SourcingSummary(), "problems": []}
    text = article.text
    units = _units(article, doc, found)
    if not units:
        return {"claims": [], "sourcing": summarise([]), "problems": []}
    model_scores = None
    try:
        model_scores = cw.score_texts([text[a:b] for a, b in units])
    except Exception:  # a model that cannot score must not sink the layer
        log.exception("check-worthiness model failed; using rules only")
    quotes = list(found.get("quotes") or [])
    citations = found.get("citations")
    mentions = list(found.get("mentions") or [])
    times = list(found.get("times") or [])
    quantities = list(found.get("quantities") or [])
    paragraphs = _Paragraphs(_paragraph_ranges(article, found))
    # sorted lookups built once: each sentence then costs O(log n), not a scan of every finding
    q_inside = Inside(range(len(quantities)), lambda i: quantities[i].start, lambda i: quantities[i].end)
    t_inside = Inside(range(len(times)), lambda i: times[i].start, lambda i: times[i].end)
    m_inside = Inside(mentions, lambda m: m.start, lambda m: m.end)
    m_over = Overlaps([m for m in mentions if getattr(m, "entity", None)], lambda m: m.start, lambda m: m.end)
    ents = Inside(_doc_ents(doc), lambda e: e[0], lambda e: e[1])
    markers = _assign_markers(units, citations, text, paragraphs)
    author = (article.meta.authors[0] if article.meta.authors else None)

    infos = []
    qindex = _quote_index(quotes, doc)
    for k, (a, b) in enumerate(units):
        span = doc.char_span(a, b, alignment_mode="expand")
        q_idx = _quote_for(a, b, qindex)
        attribution = _attribution(span, m_over) if span is not None else None
        own = [_marker_status(n, citations) for n in markers[k]]
        if not own and q_idx is not None and getattr(quotes[q_idx], "citations", None):
            own += [("ok" if c.status == "ok" else "broken", c.number) for c in quotes[q_idx].citations]
        infos.append({"span": span, "quote": q_idx, "attr": attribution, "cites": own})

    # a marker backs the attributed sentences right before it in its paragraph
    for k in range(len(units) - 1, -1, -1):
        if not infos[k]["cites"]:
            continue
        j = k - 1
        key = _holder_key(infos[k], quotes)
        while j >= 0 and not infos[j]["cites"] and (infos[j]["quote"] is not None or infos[j]["attr"] is not None) \
                and _same_paragraph(units[j][0], units[k][0], paragraphs) \
                and (key is None or _holder_key(infos[j], quotes) in (key, None)):
            infos[j]["cites"] = [(s, n) for s, n in infos[k]["cites"]]
            infos[j]["inherited"] = True
            j -= 1

    claims: list[Claim] = []
    for k, ((a, b), info) in enumerate(zip(units, infos)):
        span = info["span"]
        q_idx, attr, cites = info["quote"], info["attr"], info["cites"]
        holder = _holder(q_idx, quotes, attr, author)
        if cites and any(s == "ok" for s, _ in cites):
            sourcing = "cited"
        elif cites:
            sourcing = "cited_broken"
        elif holder.kind == "speaker":
            sourcing = "attributed"
        else:
            sourcing = "unsourced"
        hedges = find_hedges(text, a, b, doc)
        in_q = q_inside.within(a, b)
        rule = _rule_score(text[a:b], span, bool(in_q), holder.kind == "speaker", q_idx is not None, ents)
        model = model_scores[k] if model_scores else None
        score = rule if model is None else (1 - MODEL_WEIGHT) * rule + MODEL_WEIGHT * model
        log.debug("claim %d-%d rule %.3f model %s", a, b, rule, model)
        score = round(min(1.0, max(0.0, score)), 4)
        claims.append(Claim(
            start=a, end=b, text=text[a:b], score=score, checkworthy=score >= THRESHOLD, holder=holder,
            sourcing=sourcing, citations=sorted({n for _, n in cites}),
            hedges=[Span.of(text, s, e) for s, e, _ in hedges], certainty=certainty(hedges),
            entities=_entities_in(a, b, m_inside), times=t_inside.within(a, b),
            quantities=in_q,
        ))
    return {"claims": claims, "sourcing": summarise(claims), "problems": []}


# ---------------------------------------------------------------- units


def _paragraph_ranges(article, found) -> list[tuple[int, int]]:
    st = found.get("structure")
    out: list[tuple[int, int]] = []
    if st is not None:
        for sp in (st.title, st.subtitle, *st.headings, *st.paragraphs):
            if sp is not None:
                out.append((sp.start, sp.end))
    if not out:
        out = list(article.body_ranges) or [(0, len(article.text))]
    return sorted(out)


class _Paragraphs(list):
    """The paragraph ranges, with a sorted lookup of the one holding a position."""

    def __init__(self, ranges):
        super().__init__(ranges)
        self.index = Containing(list(ranges))


def _para_of(pos: int, paragraphs) -> int:
    """Index of the first paragraph range holding ``pos``, else -1."""
    if isinstance(paragraphs, _Paragraphs):
        return paragraphs.index.first(pos)
    for i, (a, b) in enumerate(paragraphs):
        if a <= pos < b:
            return i
    return -1


def _same_paragraph(a: int, b: int, paragraphs) -> bool:
    pa = _para_of(a, paragraphs)
    return pa >= 0 and pa == _para_of(b, paragraphs)


def _units(article, doc, found) -> list[tuple[int, int]]:
    """Sentence spans of the prose: split at line breaks, trimmed, marker-only bits dropped."""
    text = article.text
    ranges = Covers(article.body_ranges or ((0, len(text)),))
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        a, b = sent.start_char, sent.end_char
        pos = a
        for piece in re.split(r"(\n\s*)", text[a:b]):
            pa, pb = pos, pos + len(piece)
            pos = pb
            pa, pb = strip_span(text, pa, pb)
            if pb <= pa or not any(c.isalpha() for c in text[pa:pb]):
                continue
            if not ranges.covers(pa, pb):
                continue
            out.append((pa, pb))
    return _merge_fragments(text, out)


def _merge_fragments(text: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Glue a stray fragment of one or two words (a split at a quote mark: ``”The``) to the next sentence."""
    out: list[tuple[int, int]] = []
    carry: int | None = None
    for k, (a, b) in enumerate(units):
        if carry is not None:
            a, carry = carry, None
        words = re.findall(r"[A-Za-z]+", text[a:b])
        nxt = units[k + 1] if k + 1 < len(units) else None
        if len(words) <= 2 and text[b - 1] not in ".!?" and nxt is not None and "\n" not in text[b:nxt[0]]:
            carry = a
            continue
        out.append((a, b))
    return out


def _assign_markers(units, citations, text, paragraphs) -> list[list[int]]:
    """Marker numbers per unit: inside it, or right after it (before the next sentence begins)."""
    out: list[list[int]] = [[] for _ in units]
    markers = list(getattr(citations, "markers", None) or [])
    if not markers or not units:
        return out
    starts = [a for a, _ in units]  # in text order: units follow the sentences
    for m in markers:
        # the last unit starting at or before the marker
        k = bisect_right(starts, m.start) - 1
        if k < 0:
            continue
        a, b = units[k]
        lead = text[a:m.start]
        if _MARKER_ONLY.match(lead) and k > 0 and _same_paragraph(units[k - 1][0], m.start, paragraphs):
            k -= 1  # the marker opens this unit: it closes the previous sentence
        elif m.start >= b:
            gap = text[b:m.start]
            if not _MARKER_ONLY.match(gap) or not _same_paragraph(a, m.start, paragraphs):
                continue
        out[k].append(m.number)
    return out


def _marker_status(number: int, citations) -> tuple[str, int]:
    entry = citations.entry(number) if citations is not None and hasattr(citations, "entry") else None
    if entry is None:
        return "broken", number
    if entry.is_ibid and entry.source is None:
        return "broken", number
    return "ok", number


# ---------------------------------------------------------------- holder and attribution


_NO_HOLDER = {"i", "we", "you", "me", "us", "one", "it", "this", "that", "there"}


def _quote_index(quotes, doc=None) -> "_QuoteIndex":
    """(content start, content end, index) of the quotes that can give a sentence its holder, by start."""
    out = []
    for i, q in enumerate(quotes):
        sp = getattr(q, "speaker", None)
        if sp is None or sp.text.strip().lower() in _NO_HOLDER:
            continue  # no source stands behind it ("you see ...": the writer's own voice)
        cue = getattr(q, "cue", None)
        if q.kind == "indirect" and cue is not None and cue.lemma.lower() not in REPORT_CLAUSE | REPORT_OBJECT | {"accord"}:
            continue  # "the ministry reportedly plans to ...": an actor, not a speaker
        content = getattr(q, "content", None) or q
        if q.kind == "indirect" and doc is not None and not _is_proposition(doc, content.start, content.end):
            continue  # "the attack had been predicted by X": the writer tells of X's act, X asserts nothing here
        out.append((content.start, content.end, i))
    return _QuoteIndex(sorted(out))


class _QuoteIndex(list):
    """``(start, end, index)`` rows sorted by start, with the starts and the running maximum of ends."""

    def __init__(self, rows):
        super().__init__(rows)
        self.starts = [r[0] for r in rows]
        self.max_end = []
        m = None
        for r in rows:
            m = r[1] if m is None or r[1] > m else m
            self.max_end.append(m)


def _is_proposition(doc, start: int, end: int) -> bool:
    """True when the reported content holds a clause (a verb), not just a noun phrase."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    return any(t.pos_ in ("VERB", "AUX") for t in span)


def _quote_for(a: int, b: int, qindex: "_QuoteIndex") -> int | None:
    """The quote carried by the sentence ``[a, b)``: the one whose content overlaps it most (≥ 3 chars);
    of equal overlaps, the first in ``qindex`` order."""
    best, best_ov = None, 0
    j = bisect_left(qindex.starts, b) - 1  # quotes starting before b, walked back while one may still reach a
    while j >= 0 and qindex.max_end[j] > a:
        qs, qe, i = qindex[j]
        ov = min(b, qe) - max(a, qs)
        if ov >= best_ov and ov > 0:
            best, best_ov = i, ov
        j -= 1
    return best if best_ov >= 3 else None


def _attribution(span, mentions: Overlaps) -> dict[str, Any] | None:
    """The named source of a reporting construction in the sentence: ``officials say``, ``according to X``."""
    for tok in span:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            for child in tok.doc[tok.i + 1].children:
                if child.dep_ == "pobj":
                    return _source(child, mentions)
            nxt = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
            if nxt is not None and nxt.pos_ in ("PROPN", "NOUN", "DET"):
                return _source(nxt.head if nxt.pos_ == "DET" else nxt, mentions)
    for tok in span:
        if tok.pos_ not in ("VERB",) or tok.lemma_.lower() not in REPORT_CLAUSE:
            continue
        deps = {c.dep_ for c in tok.children}
        clause = bool(deps & {"ccomp", "parataxis", "xcomp"}) or any(
            c.dep_ == "dobj" and c.lower_ in ("that",) for c in tok.children)
        obj = tok.lemma_.lower() in REPORT_OBJECT and ("dobj" in deps or "prep" in deps)
        # "..., reported the AP": the source follows the verb at the sentence end
        trailing = tok.dep_ in ("parataxis", "ROOT", "conj", "advcl") and any(
            c.dep_ in ("nsubj", "dobj") and c.i > tok.i and c.pos_ in ("PROPN", "NOUN") for c in tok.children)
        if not (clause or obj or trailing):
            continue
        for c in tok.children:
            if c.dep_ in ("nsubj",) or (trailing and c.dep_ == "dobj" and c.i > tok.i and c.pos_ == "PROPN"):
                if c.lower_ in _NOT_SOURCE and c.lower_ not in _PRONOUN_OK:
                    continue
                if c.lower_ in _PRONOUN_OK:
                    return {"name": c.text, "entity": None, "start": c.idx, "end": c.idx + len(c.text)}
                if c.pos_ in ("PROPN", "NOUN"):
                    return _source(c, mentions)
    return None


def _source(tok, mentions: Overlaps) -> dict[str, Any]:
    sub = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct", "cc", "conj", "appos")]
    sub = [t for t in sub if abs(t.i - tok.i) <= 6] or [tok]
    a = min(t.idx for t in sub)
    b = max(t.idx + len(t.text) for t in sub)
    hits = mentions.hits(a, b)  # mentions with an entity, overlapping [a, b), in text order
    entity = hits[0].entity if hits else None
    name = "".join(t.text_with_ws for t in tok.doc[min(t.i for t in sub):max(t.i for t in sub) + 1]).strip()
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    return {"name": name, "entity": entity, "start": a, "end": b}


def _holder(q_idx, quotes, attr, author) -> Holder:
    if q_idx is not None:
        sp = getattr(quotes[q_idx], "speaker", None)
        if sp is not None:
            return Holder(kind="speaker", name=sp.name or sp.text, entity=sp.entity, quote=q_idx)
        if attr is not None:
            return Holder(kind="speaker", name=attr["name"], entity=attr["entity"], quote=q_idx)
        return Holder(kind="speaker", name=None, quote=q_idx)
    if attr is not None:
        return Holder(kind="speaker", name=attr["name"], entity=attr["entity"])
    return Holder(kind="author", name=author)


def _holder_key(info, quotes) -> str | None:
    """Who stands behind a sentence, for matching a footnote to the sentences before it; None for a bare pronoun."""
    h = _holder(info["quote"], quotes, info["attr"], None)
    if h.kind != "speaker":
        return "author"
    if h.entity:
        return h.entity
    name = (h.name or "").strip(" \u201c\u201d\"'").lower()
    if not name or name in ("he", "she", "they", "him", "her", "them"):
        return None
    return name


def _entities_in(a: int, b: int, mentions: Inside) -> list[str]:
    out: list[str] = []
    for m in mentions.within(a, b):
        e = getattr(m, "entity", None)
        if e and a <= m.start and m.end <= b and e not in out:
            out.append(e)
    return out


# ---------------------------------------------------------------- check-worthiness rules


_ENT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "DATE", "EVENT", "LAW"}
_ents_cache: dict[int, tuple[object, list[tuple[int, int]]]] = {}


def _doc_ents(doc) -> list[tuple[int, int]]:
    """(start, end) of the doc's named entities of the kinds a fact names, computed once per doc."""
    hit = _ents_cache.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _ENT_LABELS]
    _ents_cache.clear()
    _ents_cache[id(doc)] = (doc, ents)
    return ents


def _rule_score(s: str, span, has_quantity: bool, attributed: bool, quoted: bool, ents: Inside | None = None) -> float:
    """A 0..1 score from the parse: facts up, questions / exhortations / opinions / scene-setting down."""
    score = 0.5
    stripped = s.strip()
    words = re.findall(r"\w+", stripped)
    if len(words) < 4:
        score -= 0.3
    if stripped.endswith("?") or (span is not None and any(t.text == "?" for t in span[-3:])):
        score -= 0.45
    if _LET_US.match(stripped):
        score -= 0.35
    if _SCENE.match(stripped):
        score -= 0.25
    if stripped.endswith("!"):
        score -= 0.15
    if has_quantity or re.search(r"\d", stripped):
        score += 0.15
    if span is not None and len(span) and not any(t.pos_ in ("VERB", "AUX") for t in span):
        score -= 0.35  # no verb: a fragment (a timestamp, a label, a speaker tag), not a statement
    if span is not None and len(span):
        root = span.root
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        lead = [t for t in span if t.i < root.i]
        if root.tag_ == "VB" and not subj and all(t.pos_ in ("ADV", "INTJ", "PUNCT") or t.lower_ == "please" for t in lead):
            score -= 0.35  # imperative ("Please send ...", "Now act.")
        if any(c.lower_ in ("i", "we", "you") for c in subj) and not quoted:
            score -= 0.15
        ents = (ents or Inside(_doc_ents(span.doc), lambda e: e[0], lambda e: e[1])).within(span.start_char, span.end_char)
        if ents:
            score += min(0.15, 0.06 * len(ents))
        if root.pos_ == "VERB" and subj and root.lemma_ not in ("be", "have") \
                and not any(c.tag_ == "MD" for c in root.children) and not stripped.endswith("?"):
            score += 0.1  # someone did something: an event or an act
        tense = {t.tag_ for t in span if t.pos_ in ("VERB", "AUX")}
        if tense & {"VBD", "VBN"}:
            score += 0.1
        if root.lemma_ == "be" and any(c.dep_ == "expl" for c in root.children):
            score += 0.1  # "there are no films of ...": an existence claim
        if root.lemma_ == "be" and any(c.dep_ == "acomp" for c in root.children) and not ents and not has_quantity:
            score -= 0.1  # "X is unclear / terrible": a judgement
    if _OPINION_PRED.search(stripped):
        score -= 0.15
    if attributed:
        score += 0.05
    if _LET_US.match(stripped) or stripped.endswith("?"):
        score = min(score, 0.3)  # exhortations and questions assert nothing checkable
    return max(0.0, min(1.0, score))


# ---------------------------------------------------------------- summary


def summarise(claims: list[Claim]) -> SourcingSummary:
    """Counts and shares of check-worthy claims per sourcing status; the unsourced ones."""
    return SourcingSummary.of(claims)
