"""Features of the contextual span model: each non-space token's tok2vec row, its neighbours' rows, its
sentence's mean row and the lexical model's logit (``span_model.ctx_probs`` scores them).

``context_blocks`` yields the same rows in blocks so that a long article never holds the whole matrix
(issue 14: memory per worker); the sentence means are taken in one pass over the sentences' runs.
"""
from __future__ import annotations

from typing import Sequence


def _ctx_parts(doc, lex_probs: Sequence[float]):
    """(non-space token indices, their tensor rows, their sentence means, their lexical logits)."""
    import numpy as np

    tensor = np.asarray(doc.tensor, dtype=np.float32)
    ns = np.array([t.i for t in doc if not t.is_space], dtype=np.int64)
    if len(ns) == 0:
        return ns, np.zeros((0, tensor.shape[1]), dtype=np.float32), None, None
    tn = tensor[ns]
    sid = np.zeros(len(doc), dtype=np.int64)
    for k, sent in enumerate(doc.sents):
        sid[sent.start:sent.end] = k
    sidn = sid[ns]  # non-decreasing: each sentence's rows are one run
    smean = np.zeros_like(tn)
    cuts = [0, *(np.flatnonzero(np.diff(sidn)) + 1).tolist(), len(sidn)]
    for a, b in zip(cuts, cuts[1:]):  # one pass over the runs (a scan of every row per sentence was quadratic)
        smean[a:b] = tn[a:b].mean(0)
    lp = np.clip(np.asarray(lex_probs, dtype=np.float64)[ns], 1e-4, 1 - 1e-4)
    logit = np.log(lp / (1 - lp))[:, None].astype(np.float32)
    return ns, tn, smean, logit


def context_features(doc, lex_probs: Sequence[float]):
    """(indices of the non-space tokens, their feature matrix) for the contextual token model."""
    import numpy as np

    ns, tn, smean, logit = _ctx_parts(doc, lex_probs)
    if len(ns) == 0:
        return ns, np.zeros((0, 4 * tn.shape[1] + 1), dtype=np.float32)
    zero = np.zeros_like(tn[:1])
    prev = np.vstack([zero, tn[:-1]])
    nxt = np.vstack([tn[1:], zero])
    return ns, np.hstack([tn, prev, nxt, smean, logit])


CTX_ROWS = 4096  # rows of the feature matrix built at a time: memory stays flat with the article's length


def context_blocks(doc, lex_probs: Sequence[float], rows: int = CTX_ROWS):
    """``context_features`` in blocks of ``rows`` rows: yields (token indices, feature rows), the same
    numbers without the whole matrix (five tensor-sized copies of a 1 MB article) held at once."""
    import numpy as np

    ns, tn, smean, logit = _ctx_parts(doc, lex_probs)
    n = len(ns)
    zero = np.zeros_like(tn[:1])
    for r0 in range(0, n, rows):
        r1 = min(n, r0 + rows)
        prev = tn[r0 - 1:r1 - 1] if r0 > 0 else np.vstack([zero, tn[:r1 - 1]])
        nxt = tn[r0 + 1:r1 + 1] if r1 < n else np.vstack([tn[r0 + 1:r1], zero])
        yield ns[r0:r1], np.hstack([tn[r0:r1], prev, nxt, smean[r0:r1], logit[r0:r1]])
