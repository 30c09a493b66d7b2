"""Reporting-cue lexicons and the attribution candidate type.

The verbs that always report (``SPEECH``), take their addressee as object (``TELL_LIKE``) or relay
(``RELAY``); the lexicon mined from PolNeAr train (``model/cues.json``, lemma -> cue rate); the
``Cand`` record every cue finder returns and the helpers that turn tokens into character spans.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


log = logging.getLogger(__name__)

LEXICON = Path(__file__).resolve().parent / "model" / "cues.json"

# core reporting verbs: always cues when they govern content or a quote
SPEECH = frozenset("""say tell add claim accuse deny warn state explain report announce insist argue note write
assert clarify conclude acknowledge admit suggest confirm quote notify reply respond declare allege contend
complain predict urge describe tweet post testify recount recall remark comment observe stress emphasize
emphasise maintain concede reveal disclose estimate boast vow pledge promise threaten caution lament joke
quip shout yell scream whisper announce proclaim reiterate repeat counter retort rebut dispute question wonder
ask demand charge blame praise criticize criticise condemn told inform assure remind brief advise
""".split())
# verbs whose direct object is the addressee, not the content
TELL_LIKE = frozenset("tell inform notify assure remind brief advise warn ask urge email text promise".split())
# relaying verbs: their subject passes on what someone else said
RELAY = frozenset("report quote cite relay carry".split())
VERB_RATE = 0.25  # a lexicon verb with this cue rate is a cue whenever it has content (chosen on PolNeAr train)
VERB_RATE_CLAUSE = 0.15  # ... with this rate, only when its content is a clause
SUBJ = ("nsubj", "nsubjpass", "csubj")
PUNCT_EDGE = set(",;:—–-()[]")


@lru_cache(maxsize=1)
def noun_lexicon() -> dict[str, float]:
    try:
        data = json.loads(LEXICON.read_text(encoding="utf-8"))
        return {k: float(v["rate"]) for k, v in data.get("lemmas", {}).get("NOUN", {}).items()}
    except (OSError, ValueError, KeyError):  # pragma: no cover - shipped file
        return {}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    try:
        data = json.loads(LEXICON.read_text(encoding="utf-8"))
        return {k: float(v["rate"]) for k, v in data.get("lemmas", {}).get("VERB", {}).items()}
    except (OSError, ValueError, KeyError) as exc:  # pragma: no cover - shipped file
        log.warning("cue lexicon unreadable (%s); using the built-in verb list only", exc)
        return {}


def cue_rate(lemma: str) -> float:
    if lemma in SPEECH:
        return max(lexicon().get(lemma, 0.0), 0.5)
    return lexicon().get(lemma, 0.0)


@dataclass
class Cand:
    cue: tuple[int, int]  # char offsets
    cue_tok: int  # token index of the cue head
    lemma: str
    source: tuple[int, int] | None = None
    source_root: int | None = None
    content: tuple[int, int] | None = None
    content_is_clause: bool = False
    addressee: tuple[int, int] | None = None
    relay: bool = False
    via: tuple[int, int] | None = None  # for ``X quoted Y``: X
    rate: float = 0.0
    prob: float | None = None  # the cue model's probability (None: lexicon rules only)
    flags: list[str] = field(default_factory=list)


def _span_chars(doc, toks) -> tuple[int, int] | None:
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].is_punct and toks[0].text not in "“\"‘«") or (toks and toks[0].is_space):
        toks = toks[1:]
    while toks and ((toks[-1].text in PUNCT_EDGE) or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subtree_range(tok, exclude: set[int]) -> list:
    """Contiguous tokens of ``tok``'s subtree around it that are not in ``exclude``."""
    left, right = tok.left_edge.i, tok.right_edge.i
    doc = tok.doc
    toks = []
    # grow from tok outwards, stopping at excluded tokens
    i = tok.i
    while i >= left and i not in exclude:
        i -= 1
    lo = i + 1
    i = tok.i
    while i <= right and i not in exclude:
        i += 1
    hi = i - 1
    for j in range(lo, hi + 1):
        if not doc[j].is_space:
            toks.append(doc[j])
    return toks


def _same_para(a, b) -> bool:
    lo, hi = sorted((a.i, b.i))
    doc = a.doc
    return not any("\n" in doc[j].text or "\n" in doc[j].whitespace_ for j in range(lo, hi))
