"""Per-layer feature vectors of the findings in a finished Dossier.

Each ``*_features`` function returns one ``(finding, features)`` pair per finding the layer's
calibration covers, in dossier order; ``features`` is a sparse ``{name: value}`` dict of a few
interpretable signals (categoricals as ``name=value`` with value 1.0, numbers scaled to about 0..1).
Fitting (``fit.py``) and applying (``apply.py``) both read these functions, so the features a model
was fitted on are exactly those it is applied to.  Pure Python; nothing heavy is imported.
"""
from __future__ import annotations

import math
import re
from typing import Any, Callable, Iterator

# reporting cues common enough to carry their own weight; every other lemma is ``cue=other``
COMMON_CUES = frozenset({"say", "tell", "add", "according to", "ask", "write", "report", "announce", "claim", "note",
                         "explain", "argue", "warn", "call", "believe", "think", "accuse", "deny", "insist"})
# entity types the MEANTIME benchmark scores (ours → PER / ORG / LOC / PRO); others stay uncalibrated
ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"})
_WORD = re.compile(r"\w+")

Features = dict[str, float]


def _words(s: str) -> int:
    return len(_WORD.findall(s or ""))


def _loglen(n: int, top: int = 60) -> float:
    return min(math.log1p(n) / math.log1p(top), 1.0)


def _logit(p: float) -> float:
    p = min(max(float(p), 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def quote_features(d) -> Iterator[tuple[Any, Features]]:
    for q in d.quotes:
        f: Features = {f"kind={q.kind}": 1.0, "content_words": _loglen(_words(q.content.text), 80)}
        f["speaker=" + (q.speaker.resolved_from if q.speaker is not None else "none")] = 1.0
        f["cue=" + _cue_class(q)] = 1.0
        for flag in q.flags:
            f[f"flag={flag}"] = 1.0
        if q.source is not None:
            f["has_source"] = 1.0
        if q.via:
            f["has_via"] = 1.0
        if len(q.parts) > 1:
            f["split"] = 1.0
        yield q, f


def speaker_features(d) -> Iterator[tuple[Any, Features]]:
    for q in d.quotes:
        sp = q.speaker
        if sp is None:
            continue
        f: Features = {f"resolved={sp.resolved_from}": 1.0, f"kind={q.kind}": 1.0, "cue=" + _cue_class(q): 1.0,
                       "speaker_words": _loglen(_words(sp.text), 12)}
        if sp.entity is not None:
            f["linked"] = 1.0
        if q.source is not None:
            f["has_source"] = 1.0
        for flag in q.flags:
            if flag in ("speaker_from_previous_quote", "continuation", "agentless", "weak_cue", "surface"):
                f[f"flag={flag}"] = 1.0
        yield sp, f


def _cue_class(q) -> str:
    if q.cue is None:
        return "none"
    lemma = (q.cue.lemma or "").lower()
    return lemma if lemma in COMMON_CUES else "other"


def mention_features(d) -> Iterator[tuple[Any, Features]]:
    sizes = {e.id: len(e.mentions) for e in d.entities}
    for m in d.mentions:
        if m.type not in ENTITY_TYPES:
            continue
        t = m.text.strip()
        f: Features = {f"type={m.type}": 1.0, "words": _loglen(_words(t), 6),
                       "entity_mentions": _loglen(sizes.get(m.entity, 1) if m.entity else 1, 20)}
        if t[:1].isupper():
            f["capitalised"] = 1.0
        if len(t) > 1 and t.isupper():
            f["all_caps"] = 1.0
        if m.entity is None:
            f["ambiguous"] = 1.0
        yield m, f


def entity_features(d) -> Iterator[tuple[Any, Features]]:
    for e in d.entities:
        if e.type not in ENTITY_TYPES:
            continue
        f: Features = {f"type={e.type}": 1.0, "mentions": _loglen(len(e.mentions), 20),
                       "words": _loglen(_words(e.canonical), 6)}
        if e.aliases:
            f["has_aliases"] = 1.0
        if e.ambiguous:
            f["ambiguous"] = 1.0
        if e.variants:
            f["variants"] = 1.0
        if e.canonical.isupper() and len(e.canonical) > 1:
            f["all_caps"] = 1.0
        yield e, f


_SHAPES = {"9999-99-99", "9999-99", "9999", "9999-W99", "9999-Q9", "999", "99", "9999-99-99T99:99", "9999-99-99TMO",
           "9999-99-99TAF", "9999-99-99TEV", "9999-99-99TNI", "PRESENT_REF", "PAST_REF", "FUTURE_REF", "9999-SU",
           "9999-WI", "9999-SP", "9999-FA", "9999-H9", "9999-WXX-9", "9999-W99-WE"}


def value_shape(value: str | None) -> str:
    """The TIMEX3 value's granularity: digits as 9 (``2013-09-01`` → ``9999-99-99``), durations as ``P``."""
    if not value:
        return "none"
    if value.startswith("P") and value not in ("PAST_REF", "PRESENT_REF"):
        return "P" if any(c.isdigit() for c in value) else "PX"
    if value.startswith("XXXX"):
        return "yearless"
    shape = re.sub(r"\d", "9", value)
    return shape if shape in _SHAPES else "other"


def time_features(d) -> Iterator[tuple[Any, Features]]:
    for t in d.times:
        f: Features = {f"type={t.type}": 1.0, f"anchor={t.anchor_source}": 1.0, f"shape={value_shape(t.value)}": 1.0,
                       f"tense={t.tense or 'none'}": 1.0, "words": _loglen(_words(t.text), 8)}
        if t.explicit:
            f["explicit"] = 1.0
        if t.weekday:
            f["weekday"] = 1.0
        if t.mod:
            f["mod"] = 1.0
        yield t, f


def quantity_features(d) -> Iterator[tuple[Any, Features]]:
    for q in d.quantities:
        f: Features = {f"event={q.event}": 1.0, "modifier=" + ("none" if not q.modifier else "some"): 1.0}
        if q.counted:
            f["counted"] = 1.0
        if q.value is None:
            f["vague"] = 1.0
        if q.place:
            f["place"] = 1.0
        if q.date:
            f["date"] = 1.0
        yield q, f


def claim_features(d) -> Iterator[tuple[Any, Features]]:
    for c in d.claims:
        yield c, {"logit_score": _logit(c.score)}


def sourcing_features(d) -> Iterator[tuple[Any, Features]]:
    for c in d.claims:
        if not c.checkworthy:
            continue
        f: Features = {f"sourcing={c.sourcing}": 1.0, f"holder={c.holder.kind}": 1.0}
        if c.hedges:
            f["hedged"] = 1.0
        yield c, f


def rhetoric_features(d) -> Iterator[tuple[Any, Features]]:
    for r in d.rhetoric:
        f: Features = {"logit_score": _logit(r.score), f"technique={r.technique}": 1.0,
                       "source=" + ("model" if r.reason.startswith("model") else "rule"): 1.0}
        yield r, f


# layer name → (features of a dossier, the attribute the confidence is written to)
LAYERS: dict[str, tuple[Callable[[Any], Iterator[tuple[Any, Features]]], str]] = {
    "quotes": (quote_features, "confidence"),
    "speakers": (speaker_features, "confidence"),
    "mentions": (mention_features, "confidence"),
    "entities": (entity_features, "confidence"),
    "times": (time_features, "confidence"),
    "quantities": (quantity_features, "confidence"),
    "claims": (claim_features, "confidence"),
    "sourcing": (sourcing_features, "sourcing_confidence"),
    "rhetoric": (rhetoric_features, "confidence"),
}
# features in which the confidence must not fall (enforced at fit time: a negative weight is refused)
MONOTONE = {"claims": ("logit_score",), "rhetoric": ("logit_score",)}
