"""Is this verb a reporting cue?  A tiny logistic model over parse features, trained on PolNeAr train.

The weights ship as JSON (``model/cue_model.json``: feature → weight),
so inference is a dictionary sum and a sigmoid: no pickles, no scikit-learn at
run time.  Training lives in ``newsaudit.evaluate.polnear_train``.
"""
from __future__ import annotations

import json
import logging
import math
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

MODEL = Path(__file__).resolve().parent / "model" / "cue_model.json"
QUOTE_CHARS = set("“”\"«»‘’")


def features(tok, rate: float, speech: bool) -> dict[str, float]:
    """Binary (and one numeric) features of a verb token as a possible cue."""
    lemma = tok.lemma_.lower()
    deps = {c.dep_ for c in tok.children}
    f: dict[str, float] = {
        "bias": 1.0,
        f"lemma={lemma}": 1.0,
        "rate": rate,
        f"dep={tok.dep_}": 1.0,
        f"tag={tok.tag_}": 1.0,
        f"headpos={tok.head.pos_}": 1.0,
    }
    if speech:
        f["speech"] = 1.0
    for d in ("ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "dative", "parataxis", "advcl", "agent", "prt", "neg", "aux"):
        if d in deps:
            f[f"has={d}"] = 1.0
            f[f"lemma={lemma}|has={d}"] = 1.0
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            f[f"subjpos={c.pos_}"] = 1.0
            if c.ent_type_:
                f[f"subjent={c.ent_type_}"] = 1.0
        elif c.dep_ == "prep":
            f[f"prep={c.lower_}"] = 1.0
        elif c.dep_ == "ccomp":
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                f["ccomp_that"] = 1.0
    doc = tok.doc
    lo, hi = max(tok.i - 3, 0), min(tok.i + 4, len(doc))
    if any(ch in QUOTE_CHARS for t in doc[lo:hi] for ch in t.text):
        f["quote_near"] = 1.0
    if tok.i > 0 and doc[tok.i - 1].text in (",", "”", '"'):
        f["after_comma"] = 1.0
    return f


@lru_cache(maxsize=1)
def weights() -> dict[str, float] | None:
    try:
        return json.loads(MODEL.read_text(encoding="utf-8"))["weights"]
    except (OSError, ValueError, KeyError) as exc:
        log.info("cue model unavailable (%s); lexicon thresholds only", exc)
        return None


def probability(feats: dict[str, float]) -> float | None:
    w = weights()
    if w is None:
        return None
    z = sum(w.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
