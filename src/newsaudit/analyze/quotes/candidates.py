"""Attribution candidates from the dependency parse: cue, source, content, addressee.

A cue is a reporting verb (``say``, ``tell``, ``deny``, ``warn`` ...), ``according
to``, or a verb of the lexicon mined from PolNeAr train (``model/cues.json``,
lemma → how often it heads a cue).  For each cue the source is its subject (or
the agent of a passive, the object of ``according to``, the noun an ``acl``
hangs on ...), the content its clausal complement (or the clause it is a
parenthetical of: ``…, reported the AP``), and the addressee the object of a
``tell``-like verb or ``to X``.
"""
from __future__ import annotations

import logging

from . import cue_model as cuemodel
from .cues import Cand, RELAY, SPEECH, TELL_LIKE, VERB_RATE_CLAUSE, _span_chars, _subtree_range, cue_rate, noun_lexicon
from .parse_speakers import _inverted_subject, _subject


log = logging.getLogger(__name__)

GENERIC_PREP_CONTENT = True
CUE_TAKES_PREP = True
AS_REPORTED = True
FOR_CLAUSE = True
COORD_NOT_PAREN = True
PRE_PARATAXIS = True
NON_CONTENT_PREPS = frozenset("in at during after before since until by from into through within".split())
P_CAND = 0.08  # cue-model probability to keep a verb as a candidate (quotes may link to it; chosen on PolNeAr train docs 0-59 and 400-559)
P_INDIRECT = 0.1  # ... to report it as an indirect attribution on its own (same)


NOUN_RATE = 0.15  # chosen on PolNeAr train docs 0-59 (0.3 → 0.15: +0.4 pt cue recall, same precision)


def _noun_cand(doc, tok) -> "Cand | None":
    """``Trump’s claim that …``, ``the senator’s warning about …``: a reporting noun with its owner and content."""
    lemma = tok.lemma_.lower()
    rate = noun_lexicon().get(lemma, 0.0)
    if rate < NOUN_RATE:
        return None
    src = None
    src_root = None
    content_children = []
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") or (NOUN_PRON_POSS and c.dep_ == "poss" and c.pos_ == "PRON"):
            src_root = c
        elif c.dep_ == "prep" and c.lower_ in ("by", "from") and src_root is None:
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs:
                src_root = objs[0]
        elif c.dep_ in ("acl", "ccomp", "relcl") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children):
            content_children.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("of", "about", "on", "against", "for", "to"):
            content_children.append(c)
    cue = (tok.idx, tok.idx + len(tok.text))
    if src_root is None and LIGHT_VERBS_ON and tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:
        # "critics raised questions about …", "she voiced her opposition to …": the light verb's subject holds it
        verb = tok.head
        src_root = _subject(verb)
        cue = (min(verb.idx, tok.idx), tok.idx + len(tok.text))
    if src_root is None or not content_children:
        return None
    src = _span_chars(doc, list(src_root.subtree))
    toks = [t for c in content_children for t in c.subtree]
    content = _span_chars(doc, toks)
    if content is None or src is None:
        return None
    return Cand(cue=cue, cue_tok=tok.i, lemma=lemma, source=src, source_root=src_root.i,
                content=content, content_is_clause=True, rate=rate)


NOUN_PRON_POSS = True
LIGHT_VERBS_ON = True
# verbs that carry a stance noun ("make the claim", "raise questions", "express support")
LIGHT_VERBS = frozenset("make raise express voice issue level lodge file offer give pose have share air register "
                        "signal reiterate renew repeat stake take".split())


def find_candidates(doc, quote_ranges=()) -> list[Cand]:
    """Every attribution candidate of the parsed ``doc``."""
    from . import constructions as cc

    out: list[Cand] = []
    for tok in doc:
        if tok.is_space:
            continue
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            c = _according(doc, tok)
            if c:
                out.append(c)
            continue
        if cc.IN_POLL_ON and low == "in" and tok.dep_ == "prep":
            c = cc.in_evidence(doc, tok)
            if c is not None:
                out.append(c)
            continue
        if tok.pos_ == "NOUN":
            c = _noun_cand(doc, tok)
            if c is not None:
                out.append(c)
            continue
        if cc.ADJ_CUES_ON and (tok.pos_ == "ADJ" or tok.tag_ == "VBN"):
            c = cc.adj_cand(doc, tok)
            if c is not None:
                out.append(c)
                continue
        if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
            continue
        lemma = tok.lemma_.lower()
        rate = cue_rate(lemma)
        if rate <= 0.0:
            continue
        prob = cuemodel.probability(cuemodel.features(tok, rate, lemma in SPEECH))
        if prob is None:  # no shipped model: lexicon thresholds
            if rate < VERB_RATE_CLAUSE_now():
                continue
        elif prob < P_CAND:
            continue
        c = _verb_cand(doc, tok, lemma, rate)
        if c is not None:
            c.prob = prob
            out.append(c)
    return out


def _according(doc, tok) -> Cand | None:
    to = doc[tok.i + 1]
    objs = [p for p in to.children if p.dep_ == "pobj"] or [p for p in tok.children if p.dep_ == "pobj"]
    src = None
    if objs:
        obj = _poss_speaker(objs[0])
        src = _span_chars(doc, list(obj.subtree))
    head = tok.head
    cue = (tok.idx, to.idx + len(to.text))
    # content: the clause "according to" hangs on, minus the according phrase
    sent = tok.sent
    excl = {t.i for t in tok.subtree} | {to.i} | ({t.i for t in objs[0].subtree} if objs else set())
    root = head
    while root.head.i != root.i and root.head.sent == sent and root.dep_ not in ("ROOT",):
        root = root.head
    content_toks = [t for t in root.subtree if t.i not in excl and t.sent == sent]
    content = _span_chars(doc, content_toks) if content_toks else None
    if content is None:
        return None
    return Cand(cue=cue, cue_tok=tok.i, lemma="according to", source=src, source_root=objs[0].i if objs else None,
                content=content, content_is_clause=True, relay=True, rate=1.0)


# aspectual / effort verbs: with nothing but a ``to``-infinitive they report no speech ("hiring continues to grow")
ASPECTUAL = frozenset("continue begin start try manage fail tend cease keep".split())


def _not_a_report(tok, lemma: str) -> bool:
    """Verbs the lexicon knows that, in this construction, attribute nothing."""
    deps = {c.dep_ for c in tok.children}
    if lemma in ASPECTUAL and "xcomp" in deps and not deps & {"ccomp", "dobj", "parataxis"}:
        return True
    # "when asked about …", "Told of the ruling, …": a bare participle of a tell-like verb; the
    # subject it would inherit is the addressee, the asker is unnamed
    if lemma in TELL_LIKE and tok.tag_ == "VBN" and not deps & {"nsubj", "nsubjpass", "aux", "auxpass", "agent"}:
        return not (ASKED_ON and lemma in ASK_LIKE)  # "Asked whether …": a question put by someone unnamed
    # "stopped short of accusing them", "refrained from calling it a cover-up": the report was not made
    if tok.dep_ == "pcomp" and tok.head.lower_ in ("of", "from") and (
            tok.head.head.lower_ == "short" or tok.head.head.lemma_.lower() in ("refrain", "avoid", "stop")):
        return True
    # "a play called Brokers", "a group named X": a participle that names something, no one speaks
    if lemma in NAMING and tok.tag_ == "VBN" and tok.dep_ == "acl" and "agent" not in deps:
        return True
    # "Clinton called Sanders after the vote": a telephone call, nothing said is reported
    if lemma == "call" and "dobj" in deps and not deps & {"oprd", "xcomp", "ccomp", "attr", "parataxis", "prt"} \
            and all(_callable(c) for c in tok.children if c.dep_ == "dobj") \
            and not any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon", "as") for c in tok.children) \
            and not _quote_after(tok):
        return True
    return False


def _callable(obj) -> bool:
    """Someone one can telephone: a person, group or personal pronoun ("called her brother", "called Ortiz")."""
    return obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "ORG", "NORP") or \
        obj.lower_ in ("him", "her", "them", "me", "us", "you") or \
        any(c.dep_ == "poss" for c in obj.children) and obj.lemma_.lower() in KIN_AND_ROLES


KIN_AND_ROLES = frozenset("""brother sister mother father son daughter wife husband friend friends family parents
lawyer attorney doctor office boss colleague neighbour neighbor""".split())


NAMING = frozenset("call name dub title label term nickname brand".split())


def _quote_after(tok) -> bool:
    """An opening quote mark within a few tokens after ``tok`` ("called him “a fraud”")."""
    doc = tok.doc
    return any(ch in "“”\"‘’«»" for t in doc[tok.i + 1:min(tok.i + 7, len(doc))] for ch in t.text)


# a bare participle of these verbs reports a question whose asker is not named ("Asked whether …")
ASKED_ON = True
ASK_LIKE = frozenset("ask question press quiz".split())


def _verb_cand(doc, tok, lemma: str, rate: float) -> Cand | None:
    if _not_a_report(tok, lemma):
        return None
    from . import constructions as cc

    if ASKED_ON and lemma in ASK_LIKE and tok.tag_ == "VBN" and not {c.dep_ for c in tok.children} & {
            "nsubj", "nsubjpass", "aux", "auxpass", "agent"}:
        return cc.asked_cand(doc, tok, lemma, rate)
    subj = _subject(tok)
    cue_toks = [tok] + [c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "prt") and abs(c.i - tok.i) <= 3]
    cue_lo = min(t.i for t in cue_toks)
    cue_hi = max(t.i for t in cue_toks)
    cue = (doc[cue_lo].idx, doc[cue_hi].idx + len(doc[cue_hi].text))
    # "X quoted (from) Y": Y is the source, X relays
    via = None
    src_tok = subj
    addressee_tok = None
    content_children = []
    is_clause = False
    if lemma == "quote":
        objs = [c for c in tok.children if c.dep_ in ("dobj",) and c.pos_ in ("NOUN", "PROPN", "PRON")]
        froms = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by") for p in c.children if p.dep_ == "pobj"]
        who = (objs or froms or [None])[0]
        if who is not None and subj is not None and subj.dep_ != "nsubjpass":
            via = _span_chars(doc, list(subj.subtree))
            src_tok = who
    inverted = False
    raising = False
    if RAISING_ON and lemma in RAISING and src_tok is not None and src_tok.head.i == tok.i \
            and any(c.dep_ in ("xcomp", "acomp", "attr") for c in tok.children) and src_tok.lower_ not in ("i", "we"):
        # "Trump seems to be …": the writer's hedge about the subject, who is part of what is said, not its source
        raising = True
        content_children.append(src_tok)
        src_tok = None
    if src_tok is None and not raising:
        inv = _inverted_subject(tok)
        if inv is not None:
            src_tok = inv
            inverted = True
    for c in tok.children:
        if inverted and c.i == src_tok.i:
            continue
        if c.dep_ in ("ccomp", "xcomp", "csubj") and c.i != (src_tok.i if src_tok is not None else -1):
            content_children.append(c)
            is_clause = True
        elif c.dep_ == "dobj" and (src_tok is None or c.i != src_tok.i) and not (lemma == "quote" and via is not None):
            after = doc[c.right_edge.i + 1] if c.right_edge.i + 1 < len(doc) else None
            if lemma in TELL_LIKE and (any(x.dep_ in ("ccomp", "xcomp") for x in tok.children)
                                       or (after is not None and after.text[:1] in ",:“\"”")):
                addressee_tok = c
            elif lemma in TELL_LIKE and lemma not in ("warn", "promise", "ask", "urge"):
                addressee_tok = c
            else:
                content_children.append(c)
        elif c.dep_ in ("dative",):
            addressee_tok = c
        elif FOR_CLAUSE and c.dep_ == "advcl" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            content_children.append(c)  # "calling for the US to act"
        elif c.dep_ in ("intj", "dobj", "npadvmod", "advmod") and c.lower_ in ("yes", "no", "so") and c.i == tok.i + 1:
            content_children.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("to",) and lemma in ("say", "write", "explain", "speak", "complain", "talk", "announce", "describe", "report", "reply", "respond", "add", "admit"):
            addressee_tok = c
        elif c.dep_ == "prep" and c.lower_ == "as" and lemma == "quote":
            content_children.append(c)  # "quoted a deckhand as saying that …"
        elif c.dep_ == "prep" and c.lower_ in ("of", "about", "that", "on", "against") and not _temporal(c) and lemma in ("accuse", "warn", "complain", "talk", "speak", "think", "write", "tell", "ask", "remind", "inform", "notify", "brief"):
            content_children.append(c)
        elif c.dep_ in ("oprd", "attr") and lemma in ("call", "describe", "consider", "label", "dub", "term", "brand"):
            content_children.append(c)
    excl = {t.i for t in cue_toks}
    if src_tok is not None:
        if tok.dep_ in ("acl", "relcl") and src_tok.i == tok.head.i:
            excl |= {t.i for t in src_tok.subtree if t.i < tok.i and t.i not in {x.i for x in tok.subtree}}
        elif src_tok.i not in {t.i for c in content_children for t in c.subtree}:
            excl |= {t.i for t in src_tok.subtree}
        else:
            excl.add(src_tok.i)
    if addressee_tok is not None:
        excl |= {t.i for t in addressee_tok.subtree}
    content = None
    if content_children:
        toks = []
        for c in content_children:
            toks.extend(t for t in c.subtree if t.i not in excl)
        content = _span_chars(doc, toks)
    elif (tok.dep_ in ("parataxis", "ccomp", "advcl", "conj") and tok.i > tok.head.i and _comma_between(doc, tok.head, tok)
          and not any(m.dep_ == "mark" for m in tok.children)
          and not (PARTICIPLE_NOT_PAREN and tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN"))
          and not (COORD_NOT_PAREN and tok.dep_ == "conj" and _coordinated(tok))):
        # parenthetical reporting clause: "…, reported the AP", "The economy, he said, is …"
        head = tok.head
        own = {t.i for t in tok.subtree}
        toks = [t for t in head.subtree if t.i not in own and t.sent == tok.sent and t.i < cue_lo]
        content = _span_chars(doc, toks)
        is_clause = True
    elif (PRE_PARATAXIS and tok.dep_ == "parataxis" and tok.i < tok.head.i and tok.head.pos_ in ("VERB", "AUX")
          and _comma_between(doc, tok, tok.head) and tok.i > tok.sent.start + 1):
        # "This campaign, he says, is different": the reporting clause interrupts the content
        own = {t.i for t in tok.subtree}
        toks = [t for t in tok.head.subtree if t.i not in own and t.sent == tok.sent]
        content = _span_chars(doc, toks)
        is_clause = True
    elif tok.dep_ == "advcl" and AS_REPORTED and any(m.dep_ == "mark" and m.lower_ == "as" for m in tok.children) \
            and tok.head.pos_ in ("VERB", "AUX"):
        # "As the AP reported, …" / "…, as Smith noted": the clause it modifies is what was reported
        own = {t.i for t in tok.subtree}
        toks = [t for t in tok.head.subtree if t.i not in own and t.sent == tok.sent]
        content = _span_chars(doc, toks)
        is_clause = True
    elif tok.dep_ == "parataxis" and tok.i > tok.head.i:
        head = tok.head
        own = {t.i for t in tok.subtree}
        toks = [t for t in head.subtree if t.i not in own and t.sent == tok.sent]
        content = _span_chars(doc, toks)
        is_clause = True
    if content is None and src_tok is not None and any(c.dep_ == "agent" for c in tok.children):
        # "O’Malley’s move was first reported by MSNBC": the passive subject is what was reported
        pas = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if pas:
            content = _span_chars(doc, list(pas[0].subtree))
            is_clause = True
    if content is None and GENERIC_PREP_CONTENT:
        # "relentlessly referring to the US as …", "reserved his passion for …": the object phrase is what is attributed
        objs = [c for c in tok.children if c.dep_ in ("prep", "dobj", "attr", "oprd", "acomp")
                and c.lower_ not in NON_CONTENT_PREPS and (src_tok is None or c.i != src_tok.i)
                and not (c.dep_ == "prep" and _temporal(c))]
        # one side of the verb only, so the span never runs over the source and the cue
        objs = [c for c in objs if c.i > tok.i] or [c for c in objs if c.i < tok.i and (src_tok is None or c.i > src_tok.i)]
        toks = [t for c in objs for t in c.subtree if t.i not in excl]
        if toks:
            # PolNeAr-style: a preposition right after the verb belongs to the cue ("referring to", "calls for")
            first = min(toks, key=lambda t: t.i)
            if first.dep_ == "prep" and first.head.i == tok.i and 0 < first.i - cue_hi <= 2 and CUE_TAKES_PREP:
                cue = (cue[0], first.idx + len(first.text))
                toks = [t for t in toks if t.i != first.i]
            content = _span_chars(doc, toks) if toks else None
    src = None
    if src_tok is None and cc.SURFACE_INVERSION and not raising:
        src = cc.surface_inverted(doc, tok)
    if src_tok is not None:
        src_tok = _poss_speaker(src_tok)
        stoks = list(src_tok.subtree)
        if any(t.i == tok.i for t in stoks):  # the cue hangs inside the source's subtree
            stoks = _subtree_range(src_tok, {tok.i})
        if tok.dep_ in ("acl", "relcl") and src_tok.i == tok.head.i:
            own = {x.i for x in tok.subtree}
            stoks = [t for t in stoks if t.i < tok.i and t.i not in own]
        src = _span_chars(doc, stoks)
    addressee = None
    if addressee_tok is not None:
        atoks = list(addressee_tok.subtree)
        if addressee_tok.dep_ == "prep":
            atoks = [t for t in atoks if t.i != addressee_tok.i]
        addressee = _span_chars(doc, atoks)
    if content is None and src is not None and cc.CONTENT_FALLBACK:
        content, is_clause = cc.fallback_content(doc, tok, src_tok), True
    if content is None and src is None:
        return None
    flags = ["agentless"] if raising else []
    if src is None and any(c.dep_ in ("nsubjpass", "expl") or (c.dep_ == "nsubj" and c.lower_ == "it") for c in tok.children):
        flags.append("agentless")
    return Cand(cue=cue, cue_tok=tok.i, lemma=lemma, source=src, source_root=src_tok.i if src_tok is not None else None,
                content=content, content_is_clause=is_clause, addressee=addressee,
                relay=lemma in RELAY or via is not None, via=via, rate=rate, flags=flags)


def _temporal(prep) -> bool:
    """``on Wednesday``, ``on March 3``: when it was said, not what."""
    return any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


PARTICIPLE_NOT_PAREN = True  # "…, he said, noting that …": a participle is no parenthetical reporting clause
RAISING_ON = True
RAISING = frozenset("seem appear".split())


SPEECH_NOUNS = frozenset("speech statement statements remarks remark words interview letter tweet tweets post message "
                         "address testimony comments comment book article op-ed column blog claim claims".split())


def _poss_speaker(tok):
    """``Lena Ortiz’s speech`` → the possessor speaks."""
    if tok.lower_ in SPEECH_NOUNS:
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
                return c
    return tok


def _coordinated(tok) -> bool:
    """``X said …, but X did not say when``: a conjunct joined by ``and``/``but`` is no parenthetical."""
    return any(c.dep_ == "cc" and tok.head.i < c.i < tok.i for c in tok.head.children) or \
        any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for c in tok.children)


def _comma_between(doc, a, b) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(doc[j].text in (",", "—", "–", "-", "”", '"') for j in range(lo, hi))


def VERB_RATE_CLAUSE_now() -> float:  # noqa: N802 - read at call time so experiments can change it
    return VERB_RATE_CLAUSE
