"""Cue constructions beyond reporting verbs and nouns, and fallbacks for a parse that lost a part.

* ``adj_cand``: attitude adjectives with a holder (``Voters are skeptical of …``, ``She was adamant that …``);
* ``in_evidence``: polls and surveys as sources (``… leads in the latest poll``);
* ``asked_cand``: a question whose asker is unnamed (``Asked whether …, Ortiz said …``);
* ``surface_inverted`` / ``fallback_content``: the speaker or content the dependency parse did not attach.

Each returns a ``Cand`` (or char offsets) built from the parse; none changes the doc.  The flags switch a
construction off for experiments (each was measured on PolNeAr train texts, see ``model/MODEL_CARD.md``).
"""
from __future__ import annotations

from .cues import SPEECH, VERB_RATE, Cand, _span_chars, lexicon
from .parse_speakers import _subject


ADJ_CUES_ON = True
# adjectives (and adjectival participles) of attitude or belief: "X is skeptical of …", "X was adamant that …"
MENTAL_ADJ = frozenset("""afraid aghast alarmed amazed angry annoyed anxious appalled apprehensive ashamed astonished
aware bullish certain concerned confident convinced critical delighted determined disappointed disgusted dismayed
dismissive distrustful doubtful eager enamored enthusiastic excited fearful frustrated furious glad happy hopeful
hostile impressed incensed indignant insistent irritated keen leery nervous optimistic outraged pessimistic pleased
proud reluctant resentful sad satisfied scared shocked skeptical sceptical sorry supportive sure surprised
suspicious sympathetic thankful thrilled uncertain uncomfortable undecided uneasy unhappy unsure upset wary
willing worried adamant opposed ambivalent disillusioned unconvinced unimpressed vocal""".split())
COPULAS = frozenset("be seem appear feel remain become look sound grow get stay".split())
ADJ_PREPS = frozenset("of about with at to in over on by for that against".split())


def adj_cand(doc, tok) -> Cand | None:
    """``Voters are skeptical of …``, ``She was adamant that …``, ``Some were worried about …``."""
    low = tok.lower_
    if low not in MENTAL_ADJ and tok.lemma_.lower() not in MENTAL_ADJ:
        return None
    head = None
    if tok.dep_ == "acomp" and tok.head.lemma_.lower() in COPULAS:
        head = tok.head
        subj = _subject(head)
    elif tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    else:
        return None
    if subj is None or subj.lower_ in ("it", "there", "this", "that"):
        return None
    content_children = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")
                        or (c.dep_ == "prep" and c.lower_ in ADJ_PREPS)]
    if not content_children and head is not None:
        # "She was adamant that …": the parser hangs the clause on the copula
        content_children = [c for c in head.children if c.dep_ == "ccomp" and c.i > tok.i]
    if tok.lower_ in ("sure", "certain") and all(c.dep_ == "xcomp" for c in content_children):
        return None  # "The weather is sure to improve": a prediction, nobody's stance
    if not content_children:
        return None
    cue_toks = [tok] + ([head] if head is not None else []) + \
        [c for c in tok.children if c.dep_ in ("auxpass", "neg") and c.i < tok.i]
    first = min(content_children, key=lambda c: c.i)
    ctoks = [t for c in content_children for t in c.subtree]
    if first.dep_ == "prep" and first.i == tok.i + 1:
        cue_toks.append(first)
        ctoks = [t for t in ctoks if t.i != first.i]
    lo, hi = min(t.i for t in cue_toks), max(t.i for t in cue_toks)
    content = _span_chars(doc, ctoks)
    src = _span_chars(doc, list(subj.subtree))
    if content is None or src is None:
        return None
    return Cand(cue=(doc[lo].idx, doc[hi].idx + len(doc[hi].text)), cue_tok=tok.i, lemma=tok.lemma_.lower(), source=src,
                source_root=subj.i, content=content, content_is_clause=True, rate=0.3)


IN_POLL_ON = True
# findings that hold a claim: "In the latest poll, Ortiz leads by six points"
EVIDENCE_NOUNS = frozenset("poll polls survey surveys polling study studies analysis average averages tally estimate "
                           "estimates ranking rankings".split())


def in_evidence(doc, tok) -> Cand | None:
    """``In a new poll, voters …`` / ``… leads in the polls``: the poll is the source of the clause it modifies."""
    objs = [p for p in tok.children if p.dep_ == "pobj" and p.lemma_.lower() in EVIDENCE_NOUNS]
    head = tok.head
    if not objs or head.pos_ not in ("VERB", "AUX"):
        return None
    hl = head.lemma_.lower()
    if hl in SPEECH or lexicon().get(hl, 0.0) >= VERB_RATE:
        return None  # "In a poll released Monday, 40 percent said …": the verb is the cue
    sent = tok.sent
    excl = {t.i for t in tok.subtree}
    content_toks = [t for t in head.subtree if t.i not in excl and t.sent == sent]
    # one side of the phrase, so the content never runs over the source
    side = [t for t in content_toks if t.i < tok.i] if tok.i > head.i else [t for t in content_toks if t.i > tok.right_edge.i]
    content_toks = [t for t in side if not (t.is_punct and t.i == side[-1].i)] if side else []
    content = _span_chars(doc, content_toks) if content_toks else None
    src = _span_chars(doc, list(objs[0].subtree))
    if content is None or src is None:
        return None
    return Cand(cue=(tok.idx, tok.idx + len(tok.text)), cue_tok=tok.i, lemma="in", source=src, source_root=objs[0].i,
                content=content, content_is_clause=True, rate=0.5)


def asked_cand(doc, tok, lemma: str, rate: float) -> Cand | None:
    """``Asked whether she would run, Ortiz said …``: a question whose asker is not named; the one asked is the
    subject of the clause the participle hangs on (reported as the addressee, never as the speaker)."""
    content_children = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")
                        or (c.dep_ == "prep" and c.lower_ in ("about", "on", "over", "if", "whether"))
                        or (c.dep_ == "advcl" and any(m.lower_ in ("if", "whether") for m in c.children))]
    if not content_children:
        return None
    cue_toks = [tok] + [c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "when" and c.i == tok.i - 1]
    first = min(content_children, key=lambda c: c.i)
    toks = [t for c in content_children for t in c.subtree]
    if first.dep_ == "prep" and first.i == tok.i + 1:
        cue_toks.append(first)
        toks = [t for t in toks if t.i != first.i]
    content = _span_chars(doc, toks)
    if content is None:
        return None
    addressee = None
    gov = tok.head if tok.dep_ in ("advcl", "ccomp", "conj") else None
    if gov is not None and gov.pos_ in ("VERB", "AUX"):
        subj = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ not in ("it", "there"):
            addressee = _span_chars(doc, list(subj.subtree))
    lo, hi = min(t.i for t in cue_toks), max(t.i for t in cue_toks)
    return Cand(cue=(doc[lo].idx, doc[hi].idx + len(doc[hi].text)), cue_tok=tok.i, lemma=lemma, source=None,
                content=content, content_is_clause=True, addressee=addressee, rate=rate, flags=["agentless", "asker_unnamed"])


CONTENT_FALLBACK = True
SURFACE_INVERSION = True


def surface_inverted(doc, tok) -> tuple[int, int] | None:
    """``“…,” said Oversight ranking Democrat Elijah Cummings.``: a parse that lost the inverted speaker; the
    words up to the next comma or stop, ending in a capitalised word, right after a quote-closing cue."""
    if tok.tag_ not in ("VBD", "VBZ") or tok.i == 0 or not any(ch in "”\"’»," for ch in doc[tok.i - 1].text):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    run = []
    for t in doc[tok.i + 1:min(tok.i + 9, len(doc))]:
        if t.is_punct or t.is_space or t.pos_ in ("AUX", "ADP", "SCONJ", "CCONJ") or (t.pos_ == "VERB" and t.tag_ != "VBG"):
            break
        run.append(t)
    while run and not run[-1].text[:1].isupper():
        run.pop()
    if not run or not run[0].text[:1].isupper() or run[0].lower_ in ("i", "he", "she", "they", "we"):
        return None
    return run[0].idx, run[-1].idx + len(run[-1].text)


def fallback_content(doc, tok, src_tok) -> tuple[int, int] | None:
    """Content the parse did not attach to the cue: a ``that``-clause hung on a later word ("predicted at the
    debate that …"), or, for a closing reporting clause ("…, the minister told a panel on Monday."), the
    sentence before it."""
    sent = tok.sent
    for t in doc[tok.i + 1:min(tok.right_edge.i + 1, sent.end)]:
        if t.dep_ == "mark" and t.lower_ == "that" and t.head.i > tok.i and t.head.pos_ in ("VERB", "AUX"):
            clause = [x for x in t.head.subtree if x.i > t.i]
            return _span_chars(doc, clause) if clause else None
    if src_tok is None or src_tok.i > tok.i:
        return None
    lo = src_tok.left_edge.i
    if lo - 1 > sent.start + 2 and doc[lo - 1].text in (",", "—", "–") and tok.dep_ == "ROOT":
        toks = [x for x in doc[sent.start:lo - 1] if not x.is_space]
        if len([x for x in toks if not x.is_punct]) >= 4:
            return _span_chars(doc, toks)
    return None
