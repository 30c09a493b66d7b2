"""Group a corpus's articles by event, without comparing every article with every other one.

Each article gets **keys**: the names it uses (entity mentions or capitalised runs, and lone proper words
such as a camp or town name) and the dates it gives the incident. Only articles sharing a key that is not
too common (``MAX_KEY_DF`` articles at most) become candidate pairs — blocking, so the pairwise work grows
with the articles, not with their square. A candidate pair's similarity blends the TF-IDF cosine of the
texts (0.6) with the IDF-weighted cosine of the keys (0.4); pairs at or above ``link`` join components, and
average-link clustering runs inside each component.
"""
from __future__ import annotations

import re
from collections import defaultdict

from . import text as T
from .facts import ArticleFacts

MAX_KEY_DF = 200  # a key used by more articles than this is no evidence of one event (and is not blocked on)
_PROPER = re.compile(r"(?<=[a-z,;:]\s)([A-Z][a-z]{3,}|[A-Z]{2,6})\b")
_COMMON = {m.capitalize() for m in T.MONTHS + T.WEEKDAYS} | {"The", "This", "That", "Residents", "Officials", "Police"}


def keys(art: ArticleFacts) -> set[str]:
    ks = {n.lower() for n, _, _ in art.names}
    ks |= {w.lower() for s in art.sentences for w in _PROPER.findall(s.text) if w not in _COMMON}
    ks |= {f"date:{d.value}" for d in art.dates if d.klass == "incident"}
    return ks


def candidate_pairs(key_sets: list[set[str]], max_df: int = MAX_KEY_DF) -> tuple[list[int], list[int]]:
    """Pairs (i < j) sharing at least one key used by at most ``max_df`` articles."""
    post: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(key_sets):
        for k in ks:
            post[k].append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in post.values():
        if 2 <= len(ids) <= max_df:
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    pairs.add((ids[x], ids[y]))
    ordered = sorted(pairs)
    return [p[0] for p in ordered], [p[1] for p in ordered]


def _matrices(arts: list[ArticleFacts], key_sets: list[set[str]]):
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(arts)
    try:
        X = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform([a.text for a in arts])
    except ValueError:  # empty vocabulary
        X = csr_matrix((n, 1))
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, ks in enumerate(key_sets):
        for k in ks:
            rows.append(i)
            cols.append(vocab.setdefault(k, len(vocab)))
    B = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, max(1, len(vocab))))
    df = np.asarray((B > 0).sum(axis=0)).ravel()
    idf = np.log((1 + n) / (1 + df)) + 1.0
    K = B.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(K.multiply(K).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    from scipy.sparse import diags

    K = diags(1.0 / norms) @ K
    return X.tocsr(), K.tocsr()


def pair_similarity(X, K, I, J):
    import numpy as np

    if not len(I):
        return np.zeros(0)
    s = np.asarray(X[I].multiply(X[J]).sum(axis=1)).ravel()
    k = np.asarray(K[I].multiply(K[J]).sum(axis=1)).ravel()
    return 0.6 * s + 0.4 * k


def similarity_matrix(arts: list[ArticleFacts]):
    """Dense similarity of every pair (small inputs and tests only; grouping never builds it for a corpus)."""
    import numpy as np

    n = len(arts)
    if n == 0:
        return np.zeros((0, 0))
    ks = [keys(a) for a in arts]
    X, K = _matrices(arts, ks)
    M = 0.6 * (X @ X.T).toarray() + 0.4 * (K @ K.T).toarray()
    np.fill_diagonal(M, 1.0)
    return M


def group_articles(arts: list[ArticleFacts], link: float) -> list[list[int]]:
    """Clusters of article indices (largest first): blocked candidate pairs, components, average link inside."""
    n = len(arts)
    if n <= 1:
        return [list(range(n))] if n else []
    import numpy as np

    ks = [keys(a) for a in arts]
    I, J = candidate_pairs(ks)
    X, K = _matrices(arts, ks)
    I, J = np.asarray(I, dtype=int), np.asarray(J, dtype=int)
    sims = pair_similarity(X, K, I, J)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    strong = sims >= link
    for i, j in zip(I[strong], J[strong]):
        parent[find(int(i))] = find(int(j))
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        comps[find(i)].append(i)
    sim_of = {(int(i), int(j)): float(v) for i, j, v in zip(I, J, sims)}
    clusters: list[list[int]] = []
    for members in comps.values():
        clusters.extend(_average_link(members, sim_of, link) if len(members) > 2 else [members])
    return sorted(clusters, key=lambda c: (-len(c), c[0]))


def _average_link(members: list[int], sim_of: dict[tuple[int, int], float], link: float) -> list[list[int]]:
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    m = len(members)
    D = np.ones((m, m))
    for x in range(m):
        for y in range(x + 1, m):
            s = sim_of.get((members[x], members[y]), 0.0)
            D[x, y] = D[y, x] = max(0.0, 1.0 - s)
    np.fill_diagonal(D, 0.0)
    labels = fcluster(linkage(squareform(D, checks=False), method="average"), t=1.0 - link, criterion="distance")
    out: dict[int, list[int]] = defaultdict(list)
    for k, lab in enumerate(labels):
        out[int(lab)].append(members[k])
    return [sorted(c) for c in out.values()]
