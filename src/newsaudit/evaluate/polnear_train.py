"""Mine the reporting-cue lexicon shipped as ``analyze/quotes/model/cues.json`` from PolNeAr *train*.

    python -m newsaudit.evaluate.polnear_train TRAIN_DIR

writes ``analyze/quotes/model/cues.json`` (the lexicon, below) and then
``analyze/quotes/model/cue_model.json`` (the cue classifier, ``train_cue_model``).

For every lemma, counts how often a token with that lemma heads a gold Cue
span versus how often it occurs at all (as VERB/NOUN/ADJ/ADP) in the train
texts; keeps lemmas seen as a cue at least ``MIN_COUNT`` times, with their
cue rate.  Only train is read: dev stays held out for measurement.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from .polnear_data import load_dir

MIN_COUNT = 3
MIN_RATE = 0.1
KEEP_POS = ("VERB", "NOUN", "ADJ")
POS = {"VERB", "NOUN", "ADJ", "ADP", "AUX"}


def mine(train_dir: str | Path, limit: int | None = None) -> dict:
    from ..nlp import get_nlp

    nlp = get_nlp()
    docs = load_dir(train_dir, limit=limit)
    seen_text: dict[str, object] = {}
    cue_n: Counter = Counter()
    all_n: Counter = Counter()
    counted_texts: set[str] = set()
    with nlp.select_pipes(disable=["parser", "ner"]):
        uniq = {}
        for d in docs:
            uniq.setdefault(d.name, d.text)
        parsed = dict(zip(uniq, nlp.pipe(uniq.values(), batch_size=16)))
    for d in docs:
        doc = parsed[d.name]
        if d.name not in counted_texts:
            counted_texts.add(d.name)
            for t in doc:
                if t.pos_ in POS:
                    all_n[(t.lemma_.lower(), t.pos_)] += 1
        for s in d.spans:
            if s.label != "Cue":
                continue
            for a, b in s.frags:
                span = doc.char_span(a, b, alignment_mode="expand")
                if span is None:
                    continue
                toks = [t for t in span if t.pos_ in POS]
                # the lexical head of the cue: last verb, else last noun, else last adj/adp
                # ("endorsement of" is a noun cue, not a preposition)
                verbs = [t for t in toks if t.pos_ == "VERB"] or [t for t in toks if t.pos_ == "NOUN"]
                head = verbs[-1] if verbs else (toks[-1] if toks else None)
                if head is not None:
                    cue_n[(head.lemma_.lower(), head.pos_)] += 1
    lex = {}
    for (lemma, pos), n in cue_n.items():
        if n < MIN_COUNT or pos not in KEEP_POS:
            continue
        total = max(all_n[(lemma, pos)], n)
        if n / total < MIN_RATE:
            continue
        lex.setdefault(pos, {})[lemma] = {"cue": n, "seen": total, "rate": round(n / total, 3)}
    del seen_text
    return {"source": "PolNeAr v1.0.0 train split", "min_count": MIN_COUNT, "lemmas": lex,
            "note": "lemmas with cue rate >= 0.1 (rate = times heading a gold Cue / times seen with that POS in train)"}




def train_cue_model(train_dir: str | Path, skip: int = 60, limit: int = 400, C: float = 0.5) -> dict:
    """Fit the cue classifier (``analyze/quotes/cue_model.py``) on PolNeAr train documents ``skip``..``limit``.

    The first ``skip`` documents are left out so thresholds can be chosen on them.
    Candidates: every VERB whose lemma is in the lexicon (any rate) or the
    built-in speech list; label: the token lies inside a gold Cue span.
    """
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from ..analyze.quotes.cues import SPEECH, cue_rate
    from ..analyze.quotes.cue_model import features
    from ..nlp import get_nlp

    nlp = get_nlp()
    docs = load_dir(train_dir, limit=limit)[skip:]
    uniq: dict[str, str] = {}
    for d in docs:
        uniq.setdefault(d.name, d.text)
    X, y = [], []
    parsed = dict(zip(uniq, nlp.pipe(uniq.values(), batch_size=8)))
    for d in docs:
        doc = parsed[d.name]
        cue_chars = set()
        for s in d.spans:
            if s.label == "Cue":
                for a, b in s.frags:
                    cue_chars.update(range(a, b))
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            lemma = tok.lemma_.lower()
            rate = cue_rate(lemma)
            if rate <= 0 and lemma not in SPEECH:
                continue
            X.append(features(tok, rate, lemma in SPEECH))
            y.append(int(tok.idx in cue_chars))
    vec = DictVectorizer()
    M = vec.fit_transform(X)
    clf = LogisticRegression(C=C, max_iter=2000)
    clf.fit(M, y)
    w = {name: round(float(c), 4) for name, c in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(c) >= 1e-3}
    w["bias"] = round(w.get("bias", 0.0) + float(clf.intercept_[0]), 4)
    return {"source": f"PolNeAr v1.0.0 train split, documents {skip}..{limit} (sorted by file name)",
            "examples": len(y), "positives": int(sum(y)), "C": C, "weights": w}


def main(argv: list[str] | None = None) -> None:  # pragma: no cover - offline training
    argv = sys.argv[1:] if argv is None else argv
    models = Path(__file__).resolve().parents[1] / "analyze" / "quotes" / "model"
    lex = mine(argv[0])
    (models / "cues.json").write_text(json.dumps(lex, indent=0, sort_keys=True), encoding="utf-8")
    from ..analyze.quotes import cues

    cues.lexicon.cache_clear()
    cues.noun_lexicon.cache_clear()
    model = train_cue_model(argv[0])
    (models / "cue_model.json").write_text(json.dumps(model, indent=0, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    main()
