"""Rhetoric layer: how the text leans on the reader.

Spans using propaganda techniques, labelled with the 14 SemEval-2020 Task 11
classes, plus two devices of their own (``Rhetorical_Question``,
``Sarcastic_Exclamation``).  Each finding has a score (0..1) and a reason a
reader can follow: the cue word or pattern of a rule, or the features that
weighed most in the models.

Two sources, merged:

* the linear models of ``span_model`` (trained on the PTC training part):
  a token model marks the spans (lexical, blended with a contextual model over the
  parse's tok2vec vectors when ``doc.tensor`` fits), a span model names their technique;
* the rules of ``rules`` (questions, exclamations, doubt hedges,
  appeals to authority, labelling and loaded words).

Only body prose is searched (``article.body_ranges``); headline questions are
not counted as rhetorical questions.
"""
from __future__ import annotations

import logging

from ...dossier import RhetoricSpan
from . import span_model as pm
from . import rules

log = logging.getLogger(__name__)


TECHNIQUES = (
    "Loaded_Language", "Name_Calling,Labeling", "Repetition", "Exaggeration,Minimisation", "Doubt",
    "Appeal_to_fear-prejudice", "Flag-Waving", "Causal_Oversimplification", "Slogans", "Appeal_to_Authority",
    "Black-and-White_Fallacy", "Thought-terminating_Cliches", "Whataboutism,Straw_Men,Red_Herring",
    "Bandwagon,Reductio_ad_hitlerum",
)
DEVICES = ("Rhetorical_Question", "Sarcastic_Exclamation")
# What a model finding means, for a reader (the model's features are not a reason a reader can check).
READER_REASONS = {
    "Loaded_Language": "wording chosen to stir emotion rather than to describe",
    "Name_Calling,Labeling": "labels a person or group instead of describing what they did",
    "Repetition": "repeats a phrase to drive it home",
    "Exaggeration,Minimisation": "overstates or plays down what happened",
    "Doubt": "casts doubt on a person or claim without evidence given",
    "Appeal_to_fear-prejudice": "appeals to fear or prejudice",
    "Flag-Waving": "appeals to national or group pride",
    "Causal_Oversimplification": "gives a single cause for a complex matter",
    "Slogans": "a slogan: a short, striking phrase",
    "Appeal_to_Authority": "rests the point on an authority rather than on evidence",
    "Black-and-White_Fallacy": "presents two options as the only ones",
    "Thought-terminating_Cliches": "a cliché that cuts the discussion short",
    "Whataboutism,Straw_Men,Red_Herring": "turns to another matter, or answers a position nobody took",
    "Bandwagon,Reductio_ad_hitlerum": "argues from what everybody does, or by likening to a hated group",
}


def analyse(article, doc, found):
    text = article.text
    if doc is None or not text.strip() or len(doc) == 0:
        return {"rhetoric": [], "problems": []}
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        log.warning("rhetoric: the pipeline sets no sentence boundaries; layer skipped")
        return {"rhetoric": [], "problems": []}
    allowed = list(article.body_ranges) or [(0, len(text))]
    headings = _headings(found.get("structure"))
    dtext = doc.text  # the parsed (masked) text: same offsets as article.text
    qmask = pm.quote_mask(dtext)
    findings: list[tuple[int, int, str, float, str]] = []
    try:
        findings += rules.questions_and_exclamations(doc, qmask, headings, lone_line_is_heading=not headings, text=dtext)
        findings += rules.lexicon_cues(doc, qmask, text=dtext)
        findings += rules.authority(doc, qmask)
    except Exception:  # a rule must never sink the layer
        log.exception("rhetoric rules failed")
    if pm.model_available():
        findings += _model_findings(doc, qmask, allowed, dtext)
    kept = _dedupe([f for f in findings if _inside(f[0], f[1], allowed) and f[1] > f[0]])
    spans = [RhetoricSpan(start=s, end=e, text=text[s:e], technique=t, score=round(float(sc), 3), reason=r)
             for s, e, t, sc, r in sorted(kept, key=lambda f: (f[0], f[1], f[2]))]
    return {"rhetoric": spans, "problems": []}


def _headings(structure) -> list[tuple[int, int]]:
    if structure is None:
        return []
    out = []
    for sp in (getattr(structure, "title", None), getattr(structure, "subtitle", None), *getattr(structure, "headings", [])):
        if sp is not None:
            out.append((sp.start, sp.end))
    return out


def _inside(s: int, e: int, allowed) -> bool:
    return any(a <= s and e <= b for a, b in allowed)


def _model_findings(doc, qmask, allowed, dtext) -> list[tuple[int, int, str, float, str]]:
    probs, (th, gap, seed), _path = pm.span_probs(doc, qmask, dtext)
    spans = pm.decode_spans(doc, probs, th, max_gap=gap, allowed=allowed, text=dtext, seed=seed)
    if not spans:
        return []
    counts = pm.lemma_counts(doc)
    sent_len = pm.sentence_content_lengths(doc)
    low = pm.lower_same_length(dtext)
    out = []
    for s, e, p in spans:
        tech, tp, _top = pm.classify_span(doc, s, e, counts, qmask, k=4, sent_len=sent_len, lower_text=low)
        score = (p * tp) ** 0.5
        reason = f"model: {READER_REASONS.get(tech, tech.replace('_', ' '))}"
        out.append((s, e, tech, score, reason))
    return out


def _dedupe(findings):
    """Keep the best of findings of one technique that overlap by more than half of the shorter."""
    kept: list[tuple[int, int, str, float, str]] = []
    for f in sorted(findings, key=lambda f: (-f[3], f[0])):
        s, e, t = f[0], f[1], f[2]
        clash = False
        for g in kept:
            if g[2] != t:
                continue
            inter = min(e, g[1]) - max(s, g[0])
            if inter > 0 and inter >= 0.5 * min(e - s, g[1] - g[0]):
                clash = True
                break
        if not clash:
            kept.append(f)
    return kept
