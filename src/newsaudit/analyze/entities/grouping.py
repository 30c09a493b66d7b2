"""Grouping mentions into entities: names, surnames and first names, parts of longer names, acronyms,
and short mentions that fit two entities (left ambiguous).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .vocab import CONFUSABLE, CONTEXT_WINDOW, PRIORITY, _M
from . import names as N


class MentionGrouping:
    """Mixin of ``_Layer``: clusters of mentions."""

    # ---- grouping
    def _group(self) -> list[list[_M]]:
        ms = sorted((m for m in self.mentions if m.key), key=lambda m: m.start)
        self.mentions = ms
        parent = list(range(len(ms)))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(x, y):
            rx, ry = find(x), find(y)
            if rx != ry:
                parent[max(rx, ry)] = min(rx, ry)

        index = {id(m): i for i, m in enumerate(ms)}
        by_key: dict[str, int] = {}
        for i, m in enumerate(ms):
            if m.key in by_key:
                union(by_key[m.key], i)
            else:
                by_key[m.key] = i
        for a, b in getattr(self, "links", []):
            if id(a) in index and id(b) in index:
                union(index[id(a)], index[id(b)])

        def clusters():
            groups: dict[int, list[int]] = defaultdict(list)
            for i in range(len(ms)):
                groups[find(i)].append(i)
            return groups

        memo: dict[tuple, str] = {}

        def ctype(idx: list[int]) -> str:
            key = (tuple(idx), sum(sum(ms[i].votes.values()) for i in idx))
            if key not in memo:
                memo[key] = _cluster_type([ms[i] for i in idx])
            return memo[key]

        # acronyms whose letters fit exactly one multi-word name
        groups = clusters()
        long_names = {r: {N.acronym_letters(x) for i in idx for x in N.initials(self.text[ms[i].start:ms[i].end])} for r, idx in groups.items()}
        for r, idx in list(groups.items()):
            if not all(ms[i].acronym for i in idx):
                continue
            letters = N.acronym_letters(self.text[ms[idx[0]].start:ms[idx[0]].end])
            fits = [r2 for r2, ini in long_names.items() if r2 != r and letters in ini and ctype(groups[r2]) != "PERSON"]
            if len(fits) == 1:
                union(r, fits[0])

        # an unlabelled full name sharing its surname with a person is a person ("Sonja Kettler and her brother Aurel Kettler")
        groups = clusters()
        types = {r: ctype(idx) for r, idx in groups.items()}
        person_last = {ms[i].tokens[-1] for r, idx in groups.items() if types[r] == "PERSON" for i in idx if len(ms[i].tokens) >= 2}
        for r, idx in groups.items():
            if types[r] == "" and all(len(ms[i].tokens) >= 2 and ms[i].tokens[-1] in person_last for i in idx):
                for i in idx:
                    ms[i].votes["PERSON"] += 1.5

        # a lone word spelt like a person's surname is most likely that person's name
        groups = clusters()
        types = {r: ctype(idx) for r, idx in groups.items()}
        surnames = {ms[i].tokens[-1] for r, idx in groups.items() if types[r] == "PERSON" for i in idx if len(ms[i].tokens) >= 2}
        for r, idx in groups.items():
            toks = ms[idx[0]].tokens
            if len(toks) == 1 and types[r] in CONFUSABLE and types[r] != "PERSON" and not ms[idx[0]].acronym:
                if any(N.near_spelling(toks[0], sn) for sn in surnames):
                    for i in idx:
                        ms[i].votes["PERSON"] += 2

        # short names to the full names they are part of
        groups = clusters()
        types = {r: ctype(idx) for r, idx in groups.items()}
        full = {r: max((ms[i].tokens for i in idx), key=len) for r, idx in groups.items()}
        for r, idx in list(groups.items()):
            toks = full[r]
            if any(ms[i].acronym for i in idx) or types[r] == "NORP":
                continue
            weak = all(ms[i].weak for i in idx)
            cands = []
            for r2, t2 in full.items():
                if r2 == r or len(t2) <= len(toks) or (weak and types[r2] != "PERSON"):
                    continue
                if self._part_of(toks, types[r], t2, types[r2]):
                    cands.append(r2)
            if not cands:
                continue
            if len(cands) > 1 and all(types[c] != "PERSON" for c in cands):
                # places and organisations: the far more frequent name wins (a bare name → the place named ten times)
                sizes = sorted(((len(groups[c]), c) for c in cands), reverse=True)
                if sizes[0][0] >= 2 * sizes[1][0]:
                    cands = [sizes[0][1]]
            if len(cands) == 1:
                union(r, cands[0])
                continue
            resolved: list[tuple[int, int]] = []  # (sentence, candidate) of short mentions already resolved
            for i in idx:
                m = ms[i]
                near = {c for c in cands if any(m.sent - CONTEXT_WINDOW <= ms[j].sent <= m.sent and ms[j].start < m.start for j in groups[c])}
                near |= {c for s_, c in resolved if m.sent - CONTEXT_WINDOW <= s_ <= m.sent}
                m.candidates = list(cands)
                m.assign = next(iter(near)) if len(near) == 1 else -1
                if m.assign != -1:
                    resolved.append((m.sent, m.assign))
        # final clusters: a mention resolved by context joins its referent; an ambiguous one joins none
        result_roots: dict[int, list[_M]] = {}
        for i, m in enumerate(ms):
            if m.assign == -1:
                continue
            root = find(m.assign) if m.assign is not None else find(i)
            result_roots.setdefault(root, []).append(m)
        result: list[list[_M]] = []
        root_to_cluster: dict[int, int] = {}
        for root, members in sorted(result_roots.items(), key=lambda kv: min(m.start for m in kv[1])):
            root_to_cluster[root] = len(result)
            for m in members:
                m.cluster = len(result)
            result.append(sorted(members, key=lambda m: m.start))
        for m in ms:
            if m.assign == -1:
                m.cluster = -1
            m.candidates = sorted({root_to_cluster[find(c)] for c in m.candidates if find(c) in root_to_cluster})
        return result

    @staticmethod
    def _part_of(short: list[str], stype: str, long: list[str], ltype: str) -> bool:
        if not short or not long:
            return False
        if ltype == "PERSON":
            if stype not in CONFUSABLE:
                return False
            if len(short) == 1:
                return short[0] in N.surname_keys(long) or (short[0] == long[0] and len(short[0]) > 2)
            return long[-len(short):] == short
        if stype != ltype and not (stype in CONFUSABLE and ltype in CONFUSABLE and stype != "GPE"):
            return False
        if all(t in N.FUNCTION_WORDS or t in N.GENERIC_HEADS for t in short):
            return False
        n = len(short)
        if long[-n:] == short:
            return True
        # "Marrow" for "Marrow News Agency": a prefix only when the rest are organisation words
        return n == 1 and long[:1] == short and all(t in N.ORG_WORDS or t in N.FUNCTION_WORDS for t in long[1:])


def _cluster_type(members: list[_M]) -> str:
    """The type of a group of mentions: the model's labels on its longest form(s), plus rule evidence from all.

    The small model labels a full name (``Mark Smith``) far more reliably than
    the bare surname, so only the longest non-acronym forms' labels vote.
    """
    v: Counter = Counter()
    named = [m for m in members if not m.acronym] or members
    longest = max(len(m.tokens) for m in named)
    labelled = [m for m in named if m.label and len(m.tokens) == longest] or [m for m in members if m.label]
    for m in labelled:
        v[m.label] += 1
    for m in members:
        v.update(m.votes)
    return _best(v, fallback=max(members, key=lambda m: len(m.tokens)).label)


def _best(votes: Counter, fallback: str = "") -> str:
    if not votes:
        return fallback
    top = max(votes.values())
    if top <= 0:
        return fallback
    best = [k for k, v in votes.items() if v == top]
    for p in PRIORITY:
        if p in best:
            return p
    return best[0]
