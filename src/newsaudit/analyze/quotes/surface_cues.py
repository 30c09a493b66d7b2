"""Cues read from the surface text where the parse gives none: ``…,” said the minister`` patterns,
``Name: text`` lines, and the tests that a cue really introduces speech.
"""
from __future__ import annotations

import re

from .cues import VERB_RATE_CLAUSE, Cand
from .marks import QuoteSpan
from .items import _words
from .speakers import OUTLET_WORDS


MIN_SPEECH_WORDS = 7  # an unattributed quote this long (or a full sentence) is taken as speech
# ---------------------------------------------------------------- linking helpers

_FORMS = {}
for _lemma, _forms in {"say": "said says say", "add": "added adds", "tell": "told tells", "ask": "asked asks",
                       "write": "wrote writes", "warn": "warned warns", "explain": "explained explains",
                       "continue": "continued continues", "note": "noted notes", "insist": "insisted insists",
                       "argue": "argued argues", "state": "stated states", "declare": "declared declares",
                       "reply": "replied replies", "respond": "responded responds", "conclude": "concluded concludes",
                       "assert": "asserted asserts", "claim": "claimed claims", "recall": "recalled recalls",
                       "tweet": "tweeted tweets", "remark": "remarked remarks", "clarify": "clarified clarifies"}.items():
    for _f in _forms.split():
        _FORMS[_f] = _lemma
_VERBS = "|".join(sorted(_FORMS, key=len, reverse=True))
_WHO = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|(?:[Tt]he\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})"
SURFACE_BEFORE = re.compile(rf"(?P<src>\b{_WHO})\s+(?:also\s+|then\s+|later\s+)?(?P<cue>{_VERBS})\s*[,:]?\s*$")
SURFACE_AFTER = re.compile(rf"\s*,?\s*(?:(?P<cue1>{_VERBS})\s+(?P<src1>{_WHO})|(?P<src2>{_WHO})\s+(?P<cue2>{_VERBS}))\b")


def _surface_cue(q: QuoteSpan, text: str, qspans) -> Cand | None:
    """``He added,”…`` / ``“…,” said Smith`` read off the text when the parse missed it."""
    pa = max(text.rfind("\n", 0, q.start) + 1, max((x.end for x in qspans if x.end <= q.start), default=0))
    pb = text.find("\n", q.end)
    pb = len(text) if pb < 0 else pb
    pb = min(pb, min((x.start for x in qspans if x.start >= q.end), default=pb))
    m = SURFACE_BEFORE.search(text, pa, q.start)
    if m is not None:
        src, cue = m.span("src"), m.span("cue")
    else:
        m = SURFACE_AFTER.match(text, q.end, pb)
        if m is None:
            return None
        if m.group("cue1"):
            src, cue = m.span("src1"), m.span("cue1")
        else:
            src, cue = m.span("src2"), m.span("cue2")
    lemma = _FORMS[text[cue[0]:cue[1]]]
    return Cand(cue=cue, cue_tok=0, lemma=lemma, source=src, content=None, rate=0.9, flags=["surface"])


COLON_LINE = re.compile(r"^([A-Z][\w.'’&\- ]{1,48}?)\s?:\s+(\S.*?)\s*$")
NOT_SPEAKERS = frozenset("""note update updated editor editor's photo photos video watch read related source sources
correction disclosure tags share advertisement subscribe listen more also see warning breaking exclusive
analysis opinion commentary comment live q a latest contributing contributors twitter follow email contact""".split())


def _colon_cands(text: str, ranges, doc) -> list[Cand]:
    """``Trump: Cruz has a long way to go`` / ``WALLACE: Let’s start …``: a name, a colon, what they said."""
    out = []
    for a, b in ranges:
        for m in re.finditer(r"[^\n]+", text[a:b]):
            line = m.group(0)
            mm = COLON_LINE.match(line)
            if not mm:
                continue
            who = mm.group(1).strip()
            words = who.split()
            low = [w.lower().replace("’", "'").rstrip(".") for w in words]
            if not 1 <= len(words) <= 5 or " ".join(low) in NOT_SPEAKERS or low[0] in NOT_SPEAKERS or low[-1] in NOT_SPEAKERS:
                continue
            if not all(w[:1].isupper() or w.lower() in ("of", "the", "and", "de", "van", "von", "al") for w in words):
                continue
            base = a + m.start()
            sa, sb = base + mm.start(1), base + mm.start(1) + len(who)
            colon = text.index(":", sb, base + mm.start(2))
            ca, cb = base + mm.start(2), base + mm.end(2)
            span = doc.char_span(colon, colon + 1, alignment_mode="expand") if doc is not None else None
            out.append(Cand(cue=(colon, colon + 1), cue_tok=span.start if span is not None else 0, lemma=":",
                            source=(sa, sb), source_root=None, content=(ca, cb), content_is_clause=True, rate=0.5))
    return out

STRICT_CUES = frozenset("""say tell add call describe consider label dub term brand write state declare insist claim
warn notify assert clarify conclude explain argue note quote report accuse deny allege according to""".split()) | {"according to", ":"}


def _speechy_link(q: QuoteSpan, text: str, c: Cand) -> bool:
    inner = text[q.inner[0]:q.inner[1]]
    if _sentence_like(inner):
        return c.rate >= VERB_RATE_CLAUSE
    # fragments: only a core speech verb or a naming verb makes them speech
    return c.lemma in STRICT_CUES


def _has_finite_verb(doc, a: int, b: int) -> bool:
    span = doc.char_span(a, b, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span)


def _outlet_like(text: str, sp) -> bool:
    return sp is not None and bool(OUTLET_WORDS.search(text[sp[0]:sp[1]]))


def _sentence_like(inner: str) -> bool:
    s = inner.strip()
    n = _words(s)
    if n >= MIN_SPEECH_WORDS:
        return True
    return n >= 3 and s[-1:] in ".!?,…" and (s[:1].isupper() or s[:1] in "….")
