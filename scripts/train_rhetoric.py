#!/usr/bin/env python
"""Train the rhetoric layer's two linear models on the training part of PTC.

    .venv/bin/python scripts/train_rhetoric.py ../shared/benchmarks/ptc-train/articles \
        ../shared/benchmarks/ptc-train/labels-tc [--cv] [--out src/newsaudit/analyze/rhetoric/model]

Only articles outside the held-out rule (``id % 5 != 0``, see
``newsaudit.evaluate.ptc.is_heldout``) are read.  ``--cv`` tunes the
regularisation and the span threshold by 3-fold cross-validation over those
articles (grouped by article); without it the stored defaults are used.
Writes ``si.json.gz`` and ``tc.json.gz`` (feature → weight) and
``si_ctx.json.gz`` (the contextual token model over spaCy's ``doc.tensor``,
stacked on out-of-fold lexical probabilities; ``--only ctx``).
Deterministic: fixed fold assignment (``id % 3``), liblinear / lbfgs solvers, no random seeds.
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsaudit.analyze.rhetoric import span_model as pm  # noqa: E402
from newsaudit.evaluate.ptc import TECHNIQUES, load_corpus, merge_overlapping, si_score  # noqa: E402

log = logging.getLogger("train_rhetoric")

SI_C = 0.1
SI_THRESHOLD = 0.1  # tokens at or above it extend a span ...
SI_SEED = 0.25  # ... that holds at least one token at or above this (hysteresis; CV over train)
SI_GAP = 3
TC_C = 0.3
TC_GRID = (0.3, 1.0, 3.0)
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35)
GAPS = (1, 3, 6)
# contextual model (round 2): chosen by 3-fold CV over the training articles (fold = id % 3)
CTX_C = 1.0
CTX_BLEND = 0.5  # final probability = blend * lexical + (1 - blend) * contextual
CTX_THRESHOLD = 0.15
CTX_GAP = 2
CTX_SEED = 0.2


def parse_all(articles, cache: Path | None):
    from spacy.tokens import DocBin

    from newsaudit.nlp import get_nlp

    nlp = get_nlp()
    tcache = cache.with_suffix(".tensors.npz") if cache else None
    if cache and cache.exists() and tcache.exists():
        db = DocBin().from_disk(cache)
        docs = list(db.get_docs(nlp.vocab))
        if len(docs) == len(articles) and all(d.text == a.text for d, a in zip(docs, articles)):
            tensors = np.load(tcache)
            for i, d in enumerate(docs):  # DocBin does not keep doc.tensor (the tok2vec output)
                d.tensor = tensors[f"arr_{i}"]
            return docs
    t0 = time.time()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=8))
    log.info("parsed %d articles in %.1fs", len(docs), time.time() - t0)
    if cache:
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
        np.savez_compressed(tcache, *[np.asarray(d.tensor, dtype=np.float32) for d in docs])
    return docs


class Vocab:
    def __init__(self, rows: list[list[str]], min_count: int = 2):
        c = Counter(f for r in rows for f in set(r))
        self.index = {f: i for i, f in enumerate(sorted(f for f, n in c.items() if n >= min_count))}
        self.names = sorted(self.index, key=self.index.get)

    def matrix(self, rows: list[list[str]]):
        indptr, idx = [0], []
        for r in rows:
            js = {self.index[f] for f in r if f in self.index}
            idx.extend(sorted(js))
            indptr.append(len(idx))
        data = np.ones(len(idx), dtype=np.float32)
        return sparse.csr_matrix((data, np.array(idx, dtype=np.int32), np.array(indptr)), shape=(len(rows), len(self.index)))


# --- span identification ---------------------------------------------------------------------------

def si_rows(doc, spans):
    feats, sfeats, sent_of = pm.token_features(doc)
    merged = merge_overlapping((s, e) for _, s, e in spans)
    rows, labels, keep = [], [], []
    j = 0
    for i, tok in enumerate(doc):
        if feats[i] == ["space"]:
            continue
        a, b = tok.idx, tok.idx + len(tok)
        y = 0
        for s, e in merged:
            if s < b and a < e:
                y = 1
                break
        rows.append(feats[i] + sfeats[sent_of[i]])
        labels.append(y)
        keep.append(i)
    return rows, labels, keep


def fit_si(rows, labels, C):
    vocab = Vocab(rows)
    X = vocab.matrix(rows)
    clf = LogisticRegression(C=C, solver="liblinear", max_iter=200)
    clf.fit(X, np.array(labels))
    return vocab, clf


def si_probs(vocab, clf, rows):
    return clf.predict_proba(vocab.matrix(rows))[:, 1]


def tune_si(docs, articles, folds, Cs=(0.03, 0.1, 0.3)):
    per = [si_rows(d, a.spans) for d, a in zip(docs, articles)]
    gold = {a.id: [(s, e) for _, s, e in a.spans] for a in articles}
    best = None
    for C in Cs:
        probs: dict[int, list[float]] = {}
        for k in range(3):
            tr = [i for i in range(len(docs)) if folds[i] != k]
            te = [i for i in range(len(docs)) if folds[i] == k]
            vocab, clf = fit_si([r for i in tr for r in per[i][0]], [y for i in tr for y in per[i][1]], C)
            for i in te:
                p = si_probs(vocab, clf, per[i][0])
                full = [0.0] * len(docs[i])
                for pos, tok_i in enumerate(per[i][2]):
                    full[tok_i] = float(p[pos])
                probs[i] = full
        for gap in GAPS:
            for th in THRESHOLDS:
                pred = {articles[i].id: [(s, e) for s, e, _ in pm.decode_spans(docs[i], probs[i], th, max_gap=gap)]
                        for i in range(len(docs))}
                sc = si_score(pred, gold)
                log.info("SI cv C=%s gap=%s th=%s P=%.4f R=%.4f F1=%.4f", C, gap, th, sc["precision"], sc["recall"], sc["f1"])
                if best is None or sc["f1"] > best[0]:
                    best = (sc["f1"], C, th, gap)
    log.info("SI best: F1=%.4f C=%s threshold=%s gap=%s", *best)
    return best[1], best[2], best[3]


def export_si(vocab, clf, threshold, gap, path: Path, C, seed=None):
    coef = clf.coef_[0]
    weights = {vocab.names[j]: round(float(v), 4) for j, v in enumerate(coef) if abs(v) >= 1e-3}
    model = {"kind": "token-logreg", "C": C, "threshold": threshold, "seed": seed, "max_gap": gap, "bias": round(float(clf.intercept_[0]), 4),
             "weights": weights}
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(model, fh, separators=(",", ":"))
    log.info("wrote %s (%d features, %.1f MB)", path, len(weights), path.stat().st_size / 1e6)


# --- span identification: contextual model over doc.tensor -----------------------------------------

def oof_lexical_probs(docs, articles, folds, C):
    """Out-of-fold lexical token probabilities (3 folds by article) — the contextual model's input."""
    per = [si_rows(d, a.spans) for d, a in zip(docs, articles)]
    probs: dict[int, np.ndarray] = {}
    for k in range(3):
        tr = [i for i in range(len(docs)) if folds[i] != k]
        vocab, clf = fit_si([r for i in tr for r in per[i][0]], [y for i in tr for y in per[i][1]], C)
        for i in range(len(docs)):
            if folds[i] == k:
                full = np.zeros(len(docs[i]), dtype=np.float32)
                full[per[i][2]] = si_probs(vocab, clf, per[i][0])
                probs[i] = full
    labels = {i: np.array(per[i][1]) for i in range(len(docs))}
    return probs, labels


def fit_ctx(X, y, C):
    mu = X.mean(0)
    sd = X.std(0) + 1e-6
    clf = LogisticRegression(C=C, max_iter=300)
    clf.fit((X - mu) / sd, y)
    return mu, sd, clf


def ctx_blend(lex, X, ns, mu, sd, clf, blend):
    out = lex.astype(np.float64).copy()
    out[ns] = blend * out[ns] + (1 - blend) * clf.predict_proba((X - mu) / sd)[:, 1]
    return out


def train_ctx(docs, articles, folds, path: Path, cv: bool) -> None:
    """Contextual token model: OOF lexical logit + tok2vec vectors (token, neighbours, sentence mean)."""
    lex, labels = oof_lexical_probs(docs, articles, folds, SI_C)
    feats = {i: pm.context_features(d, lex[i]) for i, d in enumerate(docs)}
    dim = docs[0].tensor.shape[1]
    gold = {a.id: [(s, e) for _, s, e in a.spans] for a in articles}
    if cv:
        blended = {}
        for k in range(3):
            tr = [i for i in range(len(docs)) if folds[i] != k]
            mu, sd, clf = fit_ctx(np.vstack([feats[i][1] for i in tr]), np.concatenate([labels[i] for i in tr]), CTX_C)
            for i in range(len(docs)):
                if folds[i] == k:
                    blended[i] = ctx_blend(lex[i], feats[i][1], feats[i][0], mu, sd, clf, CTX_BLEND)
        for name, pr in (("lexical", lex), ("context", blended)):
            for th, gap, seed in ((SI_THRESHOLD, SI_GAP, SI_SEED), (CTX_THRESHOLD, CTX_GAP, CTX_SEED)):
                pred = {articles[i].id: [(s, e) for s, e, _ in pm.decode_spans(docs[i], pr[i], th, max_gap=gap, seed=seed)]
                        for i in range(len(docs))}
                sc = si_score(pred, gold)
                log.info("SI cv %s th=%s gap=%s seed=%s P=%.4f R=%.4f F1=%.4f", name, th, gap, seed,
                         sc["precision"], sc["recall"], sc["f1"])
    mu, sd, clf = fit_ctx(np.vstack([feats[i][1] for i in feats]), np.concatenate([labels[i] for i in feats]), CTX_C)
    model = {"kind": "token-ctx-logreg", "dim": int(dim), "C": CTX_C, "blend": CTX_BLEND, "threshold": CTX_THRESHOLD,
             "max_gap": CTX_GAP, "seed": CTX_SEED, "bias": round(float(clf.intercept_[0]), 6),
             "mean": [round(float(v), 6) for v in mu], "scale": [round(float(v), 6) for v in sd],
             "coef": [round(float(v), 6) for v in clf.coef_[0]]}
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(model, fh, separators=(",", ":"))
    log.info("wrote %s (%d inputs, %.3f MB)", path, len(model["coef"]), path.stat().st_size / 1e6)


# --- technique classification ----------------------------------------------------------------------

def tc_rows(doc, spans):
    counts = pm.lemma_counts(doc)
    qmask = pm.quote_mask(doc.text)
    sent_len = pm.sentence_content_lengths(doc)
    low = pm.lower_same_length(doc.text)
    return [pm.span_features(doc, s, e, counts, qmask, sent_len, low) for _, s, e in spans], [t for t, _, _ in spans]


def fit_tc(rows, labels, C):
    vocab = Vocab(rows)
    X = vocab.matrix(rows)
    clf = LogisticRegression(C=C, max_iter=1000)
    clf.fit(X, np.array(labels))
    return vocab, clf


def tune_tc(docs, articles, folds):
    per = [tc_rows(d, a.spans) for d, a in zip(docs, articles)]
    best = None
    for C in TC_GRID:
        correct = total = 0
        for k in range(3):
            tr = [i for i in range(len(docs)) if folds[i] != k]
            te = [i for i in range(len(docs)) if folds[i] == k]
            vocab, clf = fit_tc([r for i in tr for r in per[i][0]], [y for i in tr for y in per[i][1]], C)
            rows = [r for i in te for r in per[i][0]]
            ys = [y for i in te for y in per[i][1]]
            if rows:
                pred = clf.predict(vocab.matrix(rows))
                correct += int(sum(p == y for p, y in zip(pred, ys)))
                total += len(ys)
        acc = correct / max(1, total)
        log.info("TC cv C=%s accuracy(micro-F1)=%.4f", C, acc)
        if best is None or acc > best[0]:
            best = (acc, C)
    log.info("TC best: %.4f C=%s", *best)
    return best[1]


def export_tc(vocab, clf, path: Path, C):
    classes = [str(c) for c in clf.classes_]
    weights: dict[str, dict[str, float]] = {}
    for j, name in enumerate(vocab.names):
        col = clf.coef_[:, j]
        row = {str(k): round(float(v), 4) for k, v in enumerate(col) if abs(v) >= 2e-3}
        if row:
            weights[name] = row
    model = {"kind": "span-logreg", "C": C, "classes": classes, "bias": [round(float(b), 4) for b in clf.intercept_],
             "weights": weights}
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(model, fh, separators=(",", ":"))
    log.info("wrote %s (%d features, %.1f MB)", path, len(weights), path.stat().st_size / 1e6)


# --- mined lexicon ---------------------------------------------------------------------------------

def mine_lexicon(docs, articles, path: Path, min_count: int = 4, min_precision: float = 0.6) -> None:
    """Words (lower case) whose uses fall mostly inside spans of one technique."""
    total: Counter = Counter()
    inside: dict[str, Counter] = {}
    for doc, art in zip(docs, articles):
        for tok in doc:
            if not tok.is_alpha or tok.is_stop or len(tok) < 3:
                continue
            w = tok.lower_
            total[w] += 1
            a, b = tok.idx, tok.idx + len(tok)
            techs = {t for t, s, e in art.spans if s <= a and b <= e and (e - s) <= 40}
            for t in techs:
                inside.setdefault(w, Counter())[t] += 1
    words = {}
    for w, n in total.items():
        if n < min_count or w not in inside:
            continue
        t, k = min(inside[w].items(), key=lambda kv: (-kv[1], kv[0]))  # ties: by name (deterministic)
        prec = k / n
        if prec >= min_precision:
            words[w] = [t, round(prec, 3), n]
    path.write_text(json.dumps({"source": "PTC v2 training part (id % 5 != 0), spans of at most 40 characters",
                                "min_count": min_count, "min_precision": min_precision,
                                "words": dict(sorted(words.items()))}, indent=0, ensure_ascii=False), encoding="utf-8")
    log.info("wrote %s (%d words)", path, len(words))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles")
    ap.add_argument("labels")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "newsaudit" / "analyze" / "rhetoric" / "model")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/ptc_train_docs.spacy"))
    ap.add_argument("--cv", action="store_true", help="tune C and the threshold by 3-fold CV (slower)")
    ap.add_argument("--only", choices=("si", "ctx", "tc", "lexicon"), default=None)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    articles = load_corpus(args.articles, args.labels, split="train", limit=args.limit)
    articles = [a for a in articles]
    for a in articles:
        a.spans = [x for x in a.spans if x[0] in TECHNIQUES]
    log.info("%d training articles, %d spans", len(articles), sum(len(a.spans) for a in articles))
    docs = parse_all(articles, args.cache if args.limit is None else None)
    folds = [int(a.id) % 3 for a in articles]
    args.out.mkdir(parents=True, exist_ok=True)

    if args.only in (None, "lexicon"):
        mine_lexicon(docs, articles, args.out / "lexicon.json")
    if args.only in (None, "si"):
        C, th, gap = (tune_si(docs, articles, folds) if args.cv else (SI_C, SI_THRESHOLD, SI_GAP))
        seed = None if args.cv else SI_SEED
        rows, labels = [], []
        for d, a in zip(docs, articles):
            r, y, _ = si_rows(d, a.spans)
            rows += r
            labels += y
        vocab, clf = fit_si(rows, labels, C)
        export_si(vocab, clf, th, gap, args.out / pm.SI_FILE, C, seed)
    if args.only in (None, "ctx"):
        train_ctx(docs, articles, folds, args.out / pm.CTX_FILE, args.cv)
    if args.only in (None, "tc"):
        C = tune_tc(docs, articles, folds) if args.cv else TC_C
        rows, labels = [], []
        for d, a in zip(docs, articles):
            r, y = tc_rows(d, a.spans)
            rows += r
            labels += y
        vocab, clf = fit_tc(rows, labels, C)
        export_tc(vocab, clf, args.out / pm.TC_FILE, C)


if __name__ == "__main__":
    main()
