"""Which way an expression points from the anchor: the tense of the verb that governs it.
"""
from __future__ import annotations

# ----------------------------------------------------------------------------- tense


_FUTURE_WORDS = {"will", "shall", "'ll", "wo"}
_PLAN_LEMMAS = {"schedule", "expect", "plan", "set", "due", "intend", "hope", "aim", "prepare", "propose"}


def tense_direction(doc, start: int, end: int) -> int:
    """-1 when the verb governing the span is past, +1 when future, 0 when neither is clear."""
    if doc is None:
        return 0
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            break
        if tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return 0
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        low = a.lower_
        if low in _FUTURE_WORDS or (a.tag_ == "MD" and low in ("will", "shall", "'ll")):
            return 1
    for a in auxes:
        if a.tag_ == "VBD" or (a.lemma_ == "have" and tok.tag_ == "VBN"):
            return -1
    if tok.tag_ == "VBD":
        return -1
    if tok.lemma_ in _PLAN_LEMMAS and tok.tag_ != "VBN" or any(a.lemma_ == "go" and a.tag_ == "VBG" for a in auxes):
        return 1
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl", "advcl"):
        return -1
    # "expected to meet Friday", "will try to meet Friday"
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp", "advcl") and head is not tok:
        if any(c.lower_ in _FUTURE_WORDS for c in head.children if c.dep_ == "aux"):
            return 1
        if head.lemma_ in _PLAN_LEMMAS and head.tag_ in ("VBN", "VBZ", "VBP", "VBG"):
            return 0 if any(c.tag_ == "VBD" for c in head.children if c.dep_ in ("aux", "auxpass")) else 1
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP") and any(c.lower_ == "to" for c in tok.children):
            return 1  # "is to resume Tuesday"
        if head.tag_ == "VBD":
            return -1
    if tok.tag_ in ("VBZ", "VBP") and tok.lemma_ not in _REPORT_LEMMAS and not auxes and span.root.dep_ != "poss":
        return 1  # "meet Monday" in the present: a scheduled event
    return 0


_REPORT_LEMMAS = {"say", "tell", "report", "announce", "claim", "state", "add", "note", "insist", "deny", "confirm",
                  "be", "have", "show", "remain", "suggest", "believe", "think", "know", "want", "need", "seem"}
