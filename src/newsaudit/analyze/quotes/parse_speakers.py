"""The source of a reporting verb from the dependency parse: its own subject, an inverted subject
(``…, said the minister``), or one inherited from a governing verb (``…, he said, adding …``).
"""
from __future__ import annotations

from .cues import SUBJ, TELL_LIKE, _same_para


STRICT_INVERSION = True
PASSIVE_NO_SOURCE = True
PCOMP_SUBJECT = True


def _subject(tok, depth: int = 0):
    subs = _own_subjects(tok)
    for c in subs[:1]:
        if c.dep_ == "nsubjpass":
            for a in tok.children:
                if a.dep_ == "agent":
                    objs = [p for p in a.children if p.dep_ == "pobj"]
                    return objs[0] if objs else None
            if PASSIVE_NO_SOURCE or tok.lemma_ in TELL_LIKE:  # "it was revealed that …": no source; "X was told": addressee
                return None
        if c.lower_ == "it" and PASSIVE_NO_SOURCE and not (IT_SPEAKS and c.dep_ == "nsubj" and tok.lemma_.lower() in IT_SPEECH):
            return None  # expletive "It appears that …" (but "It said in a statement that …": the group speaks)
        return c
    if depth == 0 and _inverted_subject(tok) is not None:
        return None
    return _inherited_subject(tok, depth)


def _own_subjects(tok):
    """Subject children, those in the cue's paragraph first (a title line can be parsed into the first sentence)."""
    return sorted((c for c in tok.children if c.dep_ in SUBJ),
                  key=lambda c: (not _same_para(c, tok), c.lower_ in ("both", "all", "each", "either", "neither"), abs(c.i - tok.i)))


def _inverted_subject(tok):
    """``…, reported the AP`` / ``“…,” said Smith``: the reporter follows the verb."""
    doc = tok.doc
    if STRICT_INVERSION and tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # "…, telling them", "calling him": a participle's object is not its speaker
    deps = ("dobj", "nsubj", "appos") if STRICT_INVERSION else ("dobj", "nsubj", "attr", "npadvmod", "appos")
    after_quote = tok.i > 0 and any(ch in "”\"’»" for ch in doc[tok.i - 1].text) and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    post = [c for c in tok.children if c.i > tok.i and c.dep_ in deps and c.pos_ in ("PROPN", "NOUN", "PRON")
            and not (STRICT_INVERSION and c.lower_ in ("him", "her", "them", "me", "us", "it", "you"))
            and not (STRICT_INVERSION and c.dep_ == "dobj" and tok.lemma_ in TELL_LIKE and not after_quote)]
    if not post:
        return None
    pre_content = [c for c in tok.children if c.i < tok.i and c.dep_ in ("ccomp", "csubj")]
    if pre_content or (tok.dep_ in ("parataxis", "ccomp", "advcl", "conj") and tok.i > tok.head.i) \
            or (tok.i > 0 and doc[tok.i - 1].text in (",", "”", '"', ",”", ',"')):
        return post[0]
    return None


def _inherited_subject(tok, depth: int):
    if depth >= 3:
        return None
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return tok.head
    if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.pos_ in ("VERB", "AUX"):
        return _subject(tok.head, depth + 1)
    if PCOMP_SUBJECT and tok.dep_ == "pcomp" and tok.head.pos_ == "ADP" and tok.tag_ == "VBG":
        # "…, insisting in calling it a sham", "by remembering the victims": the governing verb's subject
        gov = tok.head.head
        if gov.pos_ in ("VERB", "AUX") and gov.i != tok.head.i:
            return _subject(gov, depth + 1)
    return None

IT_SPEAKS = True
IT_SPEECH = frozenset("say tell add claim argue note warn accuse deny insist write state announce report urge "
                      "allege assert contend charge demand ask".split())
