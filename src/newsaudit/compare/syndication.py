"""Copies of one wire story across outlets: MinHash over word shingles of the body, verified exactly.

Outlets reprint agency copy verbatim or lightly edited (a new headline, a dropped last paragraph, their
own header and footer lines). Counting each copy as an agreeing article overstates agreement, so
articles whose shingle sets mostly coincide form one **account**; agreement is counted in accounts.

Candidates come from MinHash LSH (``datasketch``), so the cost is linear in the number of articles;
each candidate pair is then checked on the exact shingle sets (containment of the smaller one).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .facts import ArticleFacts

SHINGLE = 5  # words per shingle
NUM_PERM = 64
LSH_THRESHOLD = 0.3  # MinHash Jaccard for a candidate pair
CONTAINMENT = 0.6  # share of the smaller article's shingles found in the other
MIN_SHARED = 15  # shingles two copies must share at least

_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class Account:
    """One independent account: an article and its copies in other outlets."""

    id: int
    origin: str  # the outlet the copy comes from (an agency credit if one is found)
    articles: list[str] = field(default_factory=list)  # article ids, earliest first
    outlets: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        carriers = [o for o in self.outlets if o != self.origin]
        if len(self.articles) == 1:
            return self.origin
        return f"{self.origin} wire, carried by {len(carriers)} other outlet(s)" if carriers else \
            f"{self.origin} ({len(self.articles)} copies)"


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def _body(a: ArticleFacts) -> str:
    """The article's sentences without its title line (copies are often retitled)."""
    sents = a.sentences
    if sents and a.title and sents[0].text.strip() == a.title.strip():
        sents = sents[1:]
    return " ".join(s.text for s in sents) if sents else a.text


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())


def _credits(outlet: str, text: str) -> bool:
    """Does ``text`` credit ``outlet`` (its name, or its initials in a dateline such as ``(MP)``)?"""
    if outlet and outlet.lower() in text.lower():
        return True
    ini = _initials(outlet)
    return len(ini) >= 2 and re.search(r"\(%s\)" % re.escape(ini), text) is not None


def find_accounts(arts: list[ArticleFacts]) -> list[Account]:
    """Independent accounts among ``arts`` (every article belongs to exactly one), largest first."""
    sets = [shingles(_body(a)) for a in arts]
    parent = list(range(len(arts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidates(sets):
        small, big = (sets[i], sets[j]) if len(sets[i]) <= len(sets[j]) else (sets[j], sets[i])
        shared = len(small & big)
        if small and shared >= MIN_SHARED and shared >= CONTAINMENT * len(small):
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(arts)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in groups.values():
        members.sort(key=lambda i: (arts[i].published or "9999", arts[i].id))
        outlets = list(dict.fromkeys(arts[i].outlet for i in members))
        origin = _origin(arts, members)
        out.append(Account(0, origin, [arts[i].id for i in members], outlets))
    out.sort(key=lambda acc: (-len(acc.articles), acc.origin))
    for k, acc in enumerate(out):
        acc.id = k
    return out


def _origin(arts: list[ArticleFacts], members: list[int]) -> str:
    """The member outlet credited by most copies; else the earliest article's outlet."""
    if len(members) == 1:
        return arts[members[0]].outlet
    best, best_n = arts[members[0]].outlet, 0
    for i in members:
        n = sum(_credits(arts[i].outlet, arts[j].text) for j in members if j != i)
        if n > best_n:
            best, best_n = arts[i].outlet, n
    return best


def _candidates(sets: list[set[str]]):
    """Pairs (i, j), i < j, whose MinHash estimate passes ``LSH_THRESHOLD`` (no all-pairs loop)."""
    if len(sets) < 2:
        return []
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    hashes = []
    for i, s in enumerate(sets):
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([x.encode("utf-8") for x in s])
        hashes.append(m)
        if s:
            lsh.insert(str(i), m)
    pairs = set()
    for i, s in enumerate(sets):
        if not s:
            continue
        for key in lsh.query(hashes[i]):
            j = int(key)
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def account_of(accounts: list[Account]) -> dict[str, Account]:
    return {aid: acc for acc in accounts for aid in acc.articles}
