"""Coreference metrics over one set of mentions: MUC, B-cubed, CEAF-e and their average (CoNLL F1).

``gold`` and ``pred`` map each mention key to a cluster id; both are scored over the same mentions.
"""
from __future__ import annotations

from collections import defaultdict


def _clusters(assign: dict) -> list[set]:
    by: dict = defaultdict(set)
    for m, c in assign.items():
        by[c].add(m)
    return list(by.values())


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(gold: dict, pred: dict) -> dict[str, float]:
    def part(key: list[set], resp: dict) -> tuple[float, float]:
        num = den = 0
        for k in key:
            parts = {resp.get(m, ("_single", m)) for m in k}
            num += len(k) - len(parts)
            den += len(k) - 1
        return num, den

    rn, rd = part(_clusters(gold), pred)
    pn, pd = part(_clusters(pred), gold)
    r = rn / rd if rd else 0.0
    p = pn / pd if pd else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(_f(p, r), 4)}


def bcubed(gold: dict, pred: dict) -> dict[str, float]:
    g, pr = defaultdict(set), defaultdict(set)
    for m, c in gold.items():
        g[c].add(m)
    for m, c in pred.items():
        pr[c].add(m)
    ms = list(gold)
    if not ms:
        return {"p": 0.0, "r": 0.0, "f1": 0.0}
    p = sum(len(g[gold[m]] & pr[pred[m]]) / len(pr[pred[m]]) for m in ms) / len(ms)
    r = sum(len(g[gold[m]] & pr[pred[m]]) / len(g[gold[m]]) for m in ms) / len(ms)
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(_f(p, r), 4)}


def ceaf_e(gold: dict, pred: dict) -> dict[str, float]:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    G, P = _clusters(gold), _clusters(pred)
    if not G or not P:
        return {"p": 0.0, "r": 0.0, "f1": 0.0}
    # entity similarity phi4 on the sparse overlaps only (a dense |G|x|P| matrix of zeros elsewhere)
    M = np.zeros((len(G), len(P)))
    where = {m: j for j, c in enumerate(P) for m in c}
    for i, k in enumerate(G):
        for m in k:
            j = where.get(m)
            if j is not None:
                M[i, j] += 1
    for i, k in enumerate(G):
        for j in np.nonzero(M[i])[0]:
            M[i, j] = 2 * M[i, j] / (len(k) + len(P[j]))
    rows, cols = linear_sum_assignment(-M)
    sim = float(M[rows, cols].sum())
    r, p = sim / len(G), sim / len(P)
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(_f(p, r), 4)}


def conll(gold: dict, pred: dict) -> dict:
    out = {"muc": muc(gold, pred), "bcubed": bcubed(gold, pred), "ceafe": ceaf_e(gold, pred)}
    out["conll_f1"] = round((out["muc"]["f1"] + out["bcubed"]["f1"] + out["ceafe"]["f1"]) / 3, 4)
    return out
