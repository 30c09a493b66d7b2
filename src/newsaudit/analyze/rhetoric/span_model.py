"""Linear models of the rhetoric layer: span identification and technique classification.

Both are logistic regressions trained by ``scripts/train_rhetoric.py`` on the
training part of the Propaganda Techniques Corpus (see
``model/MODEL_CARD.md``).  They are stored as plain JSON (feature name →
weight), so inference is a sum of weights over binary features — fast, with
no pickles, and each decision can name the features that weighed most.

* ``token_probs(doc)``: for each token, the probability that it lies inside a
  propaganda span (features: the word, its neighbours, POS, shape, quotes, and
  the words of its sentence).
* ``classify_span(doc, start, end)``: the technique of a given span (features:
  its words, character n-grams of its words, first/last word, length,
  punctuation, capitals, entity types, the words around it, and how often its
  text recurs in the article).

The feature functions here are the single source for training and inference.
"""
from __future__ import annotations

import gzip
import json
import logging
import math
import re
import threading
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .context_features import context_blocks, context_features  # noqa: F401  (context_features: training, tests)

log = logging.getLogger(__name__)

MODELS = Path(__file__).resolve().parent / "model"
SI_FILE = "si.json.gz"
TC_FILE = "tc.json.gz"
_lock = threading.Lock()

OPEN_Q = "“‘«"
CLOSE_Q = "”’»"
_WORD = re.compile(r"\w", re.UNICODE)


# --- shared helpers ------------------------------------------------------------------------------

def quote_mask(text: str) -> bytearray:
    """1 for characters inside quotation marks (straight or curly), reset at each line break."""
    mask = bytearray(len(text))
    inside = False
    for i, c in enumerate(text):
        if c == "\n":
            inside = False
        elif c == '"':
            inside = not inside
        elif c == "“":
            inside = True
        elif c == "”":
            inside = False
        elif inside:
            mask[i] = 1
    return mask


def _shape(t: str) -> str:
    if t.isupper() and len(t) > 1:
        return "UP"
    if t[:1].isupper():
        return "Tt"
    if t.isdigit():
        return "d"
    if t.isalpha():
        return "x"
    return "p"


def _lenbin(n: int) -> str:
    for lim, name in ((1, "1"), (2, "2"), (4, "3-4"), (8, "5-8"), (16, "9-16"), (32, "17-32")):
        if n <= lim:
            return name
    return "33+"


# --- span identification: token features --------------------------------------------------------

def token_features(doc, qmask: bytearray | None = None, text: str | None = None) -> tuple[list[list[str]], list[list[str]], list[int]]:
    """Per-token features, per-sentence features, and each token's sentence index."""
    sent_feats, sent_of, rows = _feature_rows(doc, qmask, text)
    return list(rows), sent_feats, sent_of


def _feature_rows(doc, qmask: bytearray | None = None, text: str | None = None):
    """(per-sentence features, each token's sentence index, an iterator of each token's features): the
    token features one at a time, so scoring a long article never holds them all (issue 14: memory)."""
    text = doc.text if text is None else text
    qmask = quote_mask(text) if qmask is None else qmask
    lows = [t.lower_ for t in doc]
    tags = [t.tag_ for t in doc]
    n = len(doc)
    sent_feats: list[list[str]] = []
    sent_of: list[int] = [0] * n
    for si, sent in enumerate(doc.sents):
        words = {lows[i] for i in range(sent.start, sent.end) if not doc[i].is_space}
        toks = [doc[i] for i in range(sent.start, sent.end) if not doc[i].is_space]
        sf = ["S:" + w for w in words]
        if toks:
            last = toks[-1].text
            sf.append("S_end:" + (last if last in "!?." else "other"))
            sf.append("S_len:" + _lenbin(len(toks)))
        if "!" in words:
            sf.append("S_has!")
        sent_feats.append(sf)
        for i in range(sent.start, sent.end):
            sent_of[i] = si
    return sent_feats, sent_of, _token_rows(doc, qmask, lows, tags)


def _token_rows(doc, qmask, lows, tags):
    n = len(doc)
    for i, tok in enumerate(doc):
        w = lows[i]
        if tok.is_space:
            yield ["space"]
            continue
        p1 = lows[i - 1] if i > 0 else "<s>"
        p2 = lows[i - 2] if i > 1 else "<s>"
        n1 = lows[i + 1] if i + 1 < n else "</s>"
        n2 = lows[i + 2] if i + 2 < n else "</s>"
        t0 = tags[i]
        tp = tags[i - 1] if i > 0 else "<s>"
        tn = tags[i + 1] if i + 1 < n else "</s>"
        f = [
            "w:" + w, "l:" + tok.lemma_.lower(), "sh:" + _shape(tok.text), "t:" + t0,
            "s3:" + w[-3:], "p1:" + p1, "p2:" + p2, "n1:" + n1, "n2:" + n2,
            "b-:" + p1 + "|" + w, "b+:" + w + "|" + n1,
            "tt:" + tp + "|" + t0 + "|" + tn,
            "q:%d" % qmask[tok.idx] if tok.idx < len(qmask) else "q:0",
            "dep:" + tok.dep_,
        ]
        if tok.ent_type_:
            f.append("ent:" + tok.ent_type_)
        if tok.is_sent_start:
            f.append("first")
        yield f


@lru_cache(maxsize=4)
def _load(name: str) -> dict:
    path = MODELS / name
    with _lock:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return json.load(fh)


def model_available() -> bool:
    return (MODELS / SI_FILE).exists() and (MODELS / TC_FILE).exists()


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def token_scores(doc, qmask: bytearray | None = None, text: str | None = None) -> list[float]:
    """Probability, per token, of lying inside a propaganda span (0 for whitespace tokens)."""
    model = _load(SI_FILE)
    w = model["weights"]
    b = model["bias"]
    sfeats, sent_of, feats = _feature_rows(doc, qmask, text)
    sent_score = [sum(w.get(f, 0.0) for f in sf) for sf in sfeats]
    out = []
    for i, f in enumerate(feats):
        if f == ["space"]:
            out.append(0.0)
            continue
        out.append(_sigmoid(b + sent_score[sent_of[i]] + sum(w.get(x, 0.0) for x in f)))
    return out


TRIM = " \n\t.,:;"


def decode_spans(doc, probs: Sequence[float], threshold: float, max_gap: int = 1,
                 allowed: Sequence[tuple[int, int]] | None = None, text: str | None = None,
                 seed: float | None = None) -> list[tuple[int, int, float]]:
    """Join runs of tokens whose probability reaches ``threshold`` into character spans.

    With ``seed`` (hysteresis), a run is kept only if one of its tokens reaches ``seed``.

    A run may bridge ``max_gap`` low tokens inside the same sentence; spans are
    trimmed of the boundary characters PTC never starts/ends a span with.
    Returns (start, end, mean probability).
    """
    text = doc.text if text is None else text
    spans: list[tuple[int, int, float]] = []
    run: list[int] = []
    gap = 0

    def flush():
        if not run:
            return
        if seed is not None and max(probs[k] for k in run) < seed:
            return
        s = doc[run[0]].idx
        e = doc[run[-1]].idx + len(doc[run[-1]])
        while s < e and text[s] in TRIM:
            s += 1
        while e > s and text[e - 1] in TRIM:
            e -= 1
        if e > s and _WORD.search(text, s, e):
            sc = sum(probs[k] for k in run) / len(run)
            spans.append((s, e, sc))

    for i, tok in enumerate(doc):
        p = probs[i]
        if p >= threshold and not tok.is_space:
            if run and (gap > max_gap or (tok.is_sent_start and run[-1] < i)):
                flush()
                run = []
            run.append(i)
            gap = 0
        elif run:
            gap += 1
            if gap > max_gap or tok.is_space and "\n" in tok.text:
                flush()
                run = []
                gap = 0
    flush()
    if allowed is not None:
        spans = [x for x in spans if any(a <= x[0] and x[1] <= b for a, b in allowed)]
    return spans


def si_threshold() -> float:
    return float(_load(SI_FILE).get("threshold", 0.5))


def si_max_gap() -> int:
    return int(_load(SI_FILE).get("max_gap", 1))


def si_seed() -> float | None:
    v = _load(SI_FILE).get("seed")
    return None if v is None else float(v)


def top_token_features(doc, start: int, end: int, k: int = 3, qmask: bytearray | None = None) -> list[str]:
    """The content words of [start, end) whose own weights pushed most towards 'propaganda' (as ``w:word``)."""
    w = _load(SI_FILE)["weights"]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    tally: dict[str, float] = {}
    for tok in span:
        if not tok.is_alpha or tok.is_stop:
            continue
        v = max(w.get("w:" + tok.lower_, 0.0), w.get("l:" + tok.lemma_.lower(), 0.0))
        if v > 0:
            tally[tok.lower_] = max(tally.get(tok.lower_, 0.0), v)
    return ["w:" + x for x, _ in sorted(tally.items(), key=lambda kv: -kv[1])[:k]]


# --- technique classification -------------------------------------------------------------------

_STOP = frozenset("the a an of to in and or is are was were be been it that this for on with as by at from".split())


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping characters whose lower case is longer than one character (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def sentence_content_lengths(doc) -> list[int]:
    """For each token, the number of non-space, non-punctuation tokens of its sentence."""
    out = [0] * len(doc)
    for sent in doc.sents:
        n = sum(1 for t in sent if not t.is_space and not t.is_punct)
        for i in range(sent.start, sent.end):
            out[i] = n
    return out


def span_features(doc, start: int, end: int, counts: Counter | None = None, qmask: bytearray | None = None,
                  sent_len: Sequence[int] | None = None, lower_text: str | None = None) -> list[str]:
    """Features of the span [start, end) of ``doc`` for technique classification.

    ``lower_text`` (``doc.text.lower()``), ``counts``, ``qmask`` and ``sent_len`` can be
    computed once per document and passed in; building ``doc.text`` costs a pass over the doc.
    """
    text = lower_text if lower_text is not None else lower_same_length(doc.text)
    span = doc.char_span(start, end, alignment_mode="expand")
    raw = low = text[start:end]
    f: list[str] = []
    if span is None or len(span) == 0:
        return ["empty"]
    toks = [t for t in span if not t.is_space]
    words = [t.lower_ for t in toks]
    for wd in set(words):
        f.append("u:" + wd)
        if wd.isalpha() and len(wd) > 2:
            padded = "<" + wd + ">"
            for n in (3, 4, 5):
                for k in range(len(padded) - n + 1):
                    f.append("c:" + padded[k:k + n])
    for a, b in set(zip(words, words[1:])):
        f.append("bi:" + a + "_" + b)
    for lem in {t.lemma_.lower() for t in toks}:
        f.append("lem:" + lem)
    if words:
        f += ["f:" + words[0], "last:" + words[-1]]
    f.append("len:" + _lenbin(len(toks)))
    if len(toks) <= 3:
        f.append("pos:" + "_".join(t.pos_ for t in toks))
    f += ["fpos:" + toks[0].pos_, "lpos:" + toks[-1].pos_] if toks else []
    for t in toks:
        if t.ent_type_:
            f.append("ent:" + t.ent_type_)
    if "!" in raw:
        f.append("has!")
    if "?" in raw:
        f.append("has?")
    if any(t.text.isupper() and len(t.text) > 1 and t.is_alpha for t in toks):
        f.append("caps")
    # context
    i0, i1 = span.start, span.end
    for k, name in ((1, "p1"), (2, "p2"), (3, "p3")):
        if i0 - k >= 0:
            f.append(f"{name}:" + doc[i0 - k].lower_)
    for k, name in ((0, "n1"), (1, "n2"), (2, "n3")):
        if i1 + k < len(doc):
            f.append(f"{name}:" + doc[i1 + k].lower_)
    if sent_len is not None:
        n_sent = sent_len[span.start]
    else:
        n_sent = sum(1 for t in span[0].sent if not t.is_space and not t.is_punct)
    cover = len(toks) / max(1, n_sent)
    f.append("cover:" + ("full" if cover >= 0.8 else "half" if cover >= 0.4 else "part"))
    qmask = quote_mask(doc.text) if qmask is None else qmask
    if 0 <= start < len(qmask) and qmask[start]:
        f.append("inquote")
    # repetition: how often the span text recurs in the article
    if counts is None:
        counts = Counter()
    n_occ = text.count(low) if low.strip() else 0
    f.append("rep:" + ("0" if n_occ <= 1 else "1" if n_occ == 2 else "2" if n_occ <= 4 else "3+"))
    content = [t.lemma_.lower() for t in toks if t.is_alpha and t.lower_ not in _STOP]
    if content and counts:
        frequent = sum(1 for c in content if counts.get(c, 0) >= 3) / len(content)
        f.append("repw:" + ("hi" if frequent >= 0.75 else "mid" if frequent >= 0.4 else "lo"))
    return f


def lemma_counts(doc) -> Counter:
    return Counter(t.lemma_.lower() for t in doc if t.is_alpha)


def _tc_scores(feats: list[str]) -> list[float]:
    model = _load(TC_FILE)
    w = model["weights"]
    scores = list(model["bias"])
    for x in feats:
        row = w.get(x)
        if row is not None:
            for k, v in row.items():
                scores[int(k)] += v
    return scores


def _softmax(xs: list[float]) -> list[float]:
    m = max(xs)
    ex = [math.exp(x - m) for x in xs]
    s = sum(ex)
    return [e / s for e in ex]


def classify_span(doc, start: int, end: int, counts: Counter | None = None, qmask: bytearray | None = None,
                  k: int = 3, sent_len: Sequence[int] | None = None, lower_text: str | None = None) -> tuple[str, float, list[str]]:
    """(technique, probability, top features) of the span [start, end)."""
    model = _load(TC_FILE)
    classes = model["classes"]
    feats = span_features(doc, start, end, counts, qmask, sent_len, lower_text)
    probs = _softmax(_tc_scores(feats))
    best = max(range(len(probs)), key=probs.__getitem__)
    w = model["weights"]
    contrib = []
    for x in set(feats):
        row = w.get(x)
        if row is not None and _readable(x):
            v = row.get(str(best), 0.0)
            if v > 0:
                contrib.append((v, x))
    contrib.sort(reverse=True)
    return classes[best], probs[best], [x for _, x in contrib[:k]]


_READABLE = ("u:", "bi:", "f:", "last:", "ent:", "p1:", "n1:")
_READABLE_EXACT = frozenset(("has!", "has?", "caps", "inquote", "rep:1", "rep:2", "rep:3+", "repw:hi", "cover:full"))


def _readable(feature: str) -> bool:
    """Features a reader can check in the text (words, marks, repetition), not letter n-grams or length bins."""
    if feature in _READABLE_EXACT:
        return True
    if feature.startswith(_READABLE):
        val = feature.split(":", 1)[1]
        return any(c.isalpha() for c in val) and val not in _STOP
    return False


def classify_spans(doc, spans: Sequence[tuple[int, int]]) -> list[str]:
    counts = lemma_counts(doc)
    qmask = quote_mask(doc.text)
    sent_len = sentence_content_lengths(doc)
    low = lower_same_length(doc.text)
    return [classify_span(doc, s, e, counts, qmask, sent_len=sent_len, lower_text=low)[0] for s, e in spans]


# --- span identification: contextual (tok2vec tensor) model -------------------------------------
#
# A second token scorer over the parse's own ``doc.tensor`` (the tok2vec output the audit already
# computes): the token's vector, its non-space neighbours' vectors, the mean vector of its sentence
# and the lexical model's logit, into a logistic regression.  Its probability is blended with the
# lexical one.  When a pipeline gives no usable tensor (``doc.tensor.shape != (len(doc), dim)``) the
# lexical model alone is used, with its own decoding thresholds.

CTX_FILE = "si_ctx.json.gz"


def ctx_available() -> bool:
    return (MODELS / CTX_FILE).exists()


def tensor_usable(doc) -> bool:
    """Whether ``doc.tensor`` holds one vector per token of the width the contextual model expects."""
    if not ctx_available():
        return False
    t = getattr(doc, "tensor", None)
    shape = getattr(t, "shape", None)
    if shape is None or len(shape) != 2 or shape[0] != len(doc) or len(doc) == 0:
        return False
    return shape[1] == int(_load(CTX_FILE)["dim"])


def ctx_probs(doc, lex_probs: Sequence[float]) -> list[float]:
    """Blend of the lexical and the contextual token probabilities (requires ``tensor_usable(doc)``)."""
    import numpy as np

    model = _load(CTX_FILE)
    out = np.asarray(lex_probs, dtype=np.float64).copy()
    mu = np.asarray(model["mean"], dtype=np.float32)
    sd = np.asarray(model["scale"], dtype=np.float32)
    coef = np.asarray(model["coef"], dtype=np.float32)
    b = float(model["blend"])
    for ns, X in context_blocks(doc, lex_probs):
        z = ((X - mu) / sd) @ coef + float(model["bias"])
        pc = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        out[ns] = b * out[ns] + (1 - b) * pc
    return out.tolist()


def span_probs(doc, qmask: bytearray | None = None, text: str | None = None):
    """Token probabilities and the decoding parameters (threshold, max_gap, seed) that go with them.

    Uses the contextual model where the doc has a usable tensor, else the lexical model alone.
    """
    lex = token_scores(doc, qmask, text)
    if tensor_usable(doc):
        try:
            m = _load(CTX_FILE)
            seed = m.get("seed")
            return ctx_probs(doc, lex), (float(m["threshold"]), int(m["max_gap"]), None if seed is None else float(seed)), "context"
        except Exception:  # a malformed tensor must not sink the layer
            log.exception("contextual span model failed; using the lexical model")
    return lex, (si_threshold(), si_max_gap(), si_seed()), "lexical"
