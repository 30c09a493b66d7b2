"""Group a corpus's articles by event and compare their accounts.

* grouping: TF-IDF cosine of the texts blended with the overlap of names and
  dates, average-link clustering; or the articles matching a user's query;
* numbers: every value of every counted-quantity type, with who reported it,
  on whose word, and when;
* claims: statements made in several articles (TF-IDF cosine), and
  contradictions — a denial of a statement, a denial of a role someone was
  blamed for, opposite attributions of who did it, incompatible values;
* voices, the merged timeline (conflicting dates flagged), name variants.
"""
from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from typing import Iterable

from . import text as T
from .facts import GROUP_NOUNS, ArticleFacts, Corpus
from .models import ClaimGroup, Comparison, Contradiction, DateValue, NameVariant, TimelineEvent, VoiceLine, _ref, _sref
from .numbers import _label, compare_numbers, value_conflicts  # noqa: F401 - _label: re-exported
from .resolve import Resolver, clean_voice, is_acronym, is_voice, norm


log = logging.getLogger(__name__)

LINK_SIM = 0.10  # average-link similarity needed to join two articles' groups
SAME_STATEMENT = 0.62  # cosine for "the same statement"
DENIAL_MATCH = 0.30  # cosine between a denied proposition and a statement
MAX_PER_STATEMENT = 10  # contradictions listed per denial / per blamed party pair


# ----------------------------------------------------------------- grouping


def similarity_matrix(arts: list[ArticleFacts]):
    from .grouping import similarity_matrix as dense

    return dense(arts)


def group_articles(arts: list[ArticleFacts], link: float = LINK_SIM) -> list[list[int]]:
    """Clusters of article indices (largest first); see ``compare.grouping`` (blocked, not all pairs)."""
    from .grouping import group_articles as grouped

    return grouped(arts, link)


def query_filter(arts: list[ArticleFacts], query: str) -> list[int]:
    """Articles holding at least half of the query's content words (all of them for one or two words)."""
    words = [w for w in re.findall(r"[a-z0-9]+", query.lower()) if w not in T.STOP]
    if not words:
        return list(range(len(arts)))
    need = len(words) if len(words) <= 2 else (len(words) + 1) // 2
    out = []
    for i, a in enumerate(arts):
        low = a.text.lower()
        if sum(1 for w in words if re.search(r"\b%s" % re.escape(w), low)) >= need:
            out.append(i)
    return out


# ----------------------------------------------------------------- comparison


def _tfidf(texts: list[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words="english", ngram_range=(1, 2), sublinear_tf=True).fit(texts)


def compare_claims(arts: list[ArticleFacts]) -> tuple[list[ClaimGroup], list[Contradiction]]:
    from sklearn.metrics.pairwise import cosine_similarity

    items = [(a, s) for a in arts for s in a.statements]
    if len(items) < 2:
        return [], []
    try:
        vec = _tfidf([s.text for _, s in items])
    except ValueError:
        return [], []
    X = vec.transform([s.text for _, s in items])
    S = cosine_similarity(X, dense_output=False).tocoo()
    parent = list(range(len(items)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    denial = [bool(T.DENIAL.search(s.text)) for _, s in items]
    for i, j, v in zip(S.row, S.col, S.data):
        if i < j and v >= SAME_STATEMENT and items[i][0].id != items[j][0].id and denial[i] == denial[j]:
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    claim_groups = []
    for members in groups.values():
        if len({items[i][0].id for i in members}) < 2:
            continue
        seen, refs = set(), []
        for i in members:
            a, s = items[i]
            if a.id in seen:
                continue
            seen.add(a.id)
            refs.append(_sref(a, s, _holder(a, s)))
        claim_groups.append(ClaimGroup(refs))
    claim_groups.sort(key=lambda g: -len(g.refs))

    contradictions: list[Contradiction] = []
    # a denial of a statement made elsewhere (one pair of articles once: the body outranks the title)
    done_pairs: set[tuple[str, str]] = set()
    order = sorted(range(len(items)), key=lambda i: -len(items[i][1].text))
    for i in order:
        a, s = items[i]
        m = T.DENY_THAT.search(s.text)
        if not m:
            continue
        prop = core(m.group("prop"))
        pw = T.content_words(prop)
        if len(pw) < 2:
            continue
        pv = vec.transform([prop])
        sims = cosine_similarity(pv, X)[0]
        best: dict[str, tuple[float, int]] = {}
        for j, (b, t) in enumerate(items):
            if b.id == a.id or denial[j] or sims[j] < DENIAL_MATCH or _NEGATED.search(t.text):
                continue  # a negated statement ("had not entered") is not the claim a denial denies
            shared = pw & T.content_words(t.text)
            if len(shared) < 2 or len(shared) < 0.75 * len(pw):
                continue
            if b.id not in best or sims[j] > best[b.id][0]:
                best[b.id] = (float(sims[j]), j)
        for b_id, (score, j) in sorted(best.items(), key=lambda kv: -kv[1][0])[:MAX_PER_STATEMENT]:
            if (a.id, b_id) in done_pairs:
                continue
            done_pairs.add((a.id, b_id))
            b, t = items[j]
            contradictions.append(Contradiction("denial", _sref(a, s, _holder(a, s) or _denier(s.text)),
                                                _sref(b, t, _holder(b, t)),
                                                f"denies what the other states (similarity {score:.2f})"))
    contradictions.extend(_attribution_conflicts(items))
    return claim_groups, contradictions


_CLAUSE_END = re.compile(r"\s(?:at|in|on|near|during|after|before|since|which|who|when|while|because|according)\s|[,;:(]")


def core(prop: str) -> str:
    """The core of a denied proposition: its words up to the first clause or place/time phrase after two words."""
    words = prop.split()
    head = " ".join(words[:2]).rstrip(",;:")
    m = _CLAUSE_END.search(prop, len(head))
    return prop[:m.start()] if m else prop


_NEGATED = re.compile(r"(?i)\b(?:not|n't|never|no)\b")


def _holder(art: ArticleFacts, s: T.Sentence) -> str | None:
    for v in art.voices:
        if v.start < s.end and s.start < v.end:
            return v.name
    att = T.attribution(s.text)
    if att and att[0].lower() not in T.PRONOUNS:
        return att[0]
    return None


def _voice_holder(resolver: Resolver):
    """``_holder`` limited to parties: ``the force`` → the force named in the article; a place → no one."""
    from .facts import _generic

    def holder(art: ArticleFacts, s: T.Sentence) -> str | None:
        h = _holder(art, s)
        if not h:
            return None
        h = clean_voice(_generic(art, h, s.end))
        if h.lower() in GROUP_NOUNS or h.lower() == "government" or h.lower().removeprefix("the ") == "government":
            return h.lower().removeprefix("the ").capitalize() if h.lower() in GROUP_NOUNS else "the government"
        return h if is_voice(h, art.places) else None
    return holder


def _denier(sentence: str) -> str | None:
    m = re.search(r"\b%s\s+(?:has\s+|have\s+)?(?:denied|denies|rejected|dismissed)" % T._NAME, sentence)
    return T.clean_name(m.group("who")) if m else None


def _same_party(x: str, y: str) -> bool:
    x, y = x.lower().removeprefix("the "), y.lower().removeprefix("the ")
    return x == y or x in y or y in x


def _attribution_conflicts(items) -> list[Contradiction]:
    blames: list[tuple[str, ArticleFacts, T.Sentence]] = []  # (who is blamed, article, sentence)
    denials: list[tuple[str, ArticleFacts, T.Sentence]] = []
    for a, s in items:
        for rx in T.RESPONSIBLE:
            for m in rx.finditer(s.text):
                who = T.clean_name(m.group("who"))
                if who and who.lower() not in T.PRONOUNS and who.lower() not in GROUP_NOUNS:
                    blames.append((who, a, s))
        for m in T.DENY_ROLE.finditer(s.text):
            who = T.clean_name(m.group("who"))
            if who:
                denials.append((who, a, s))
    out: list[Contradiction] = []
    seen: set[tuple] = set()
    per: Counter = Counter()
    for who, a, s in denials:
        for blamed, b, t in blames:
            if b.id != a.id and _same_party(who, blamed) and (a.id, b.id) not in seen \
                    and per[who.lower()] < MAX_PER_STATEMENT:
                seen.add((a.id, b.id))
                per[who.lower()] += 1
                out.append(Contradiction("role_denial", _sref(a, s, who), _sref(b, t, _holder(b, t)),
                                         f"{who} denies a role the other account gives it"))
    for i, (x, a, s) in enumerate(blames):
        for y, b, t in blames[i + 1:]:
            if a.id == b.id or _same_party(x, y):
                continue
            key = tuple(sorted([(a.id, x.lower()), (b.id, y.lower())]))
            parties = tuple(sorted([x.lower(), y.lower()]))
            if key in seen or per[parties] >= MAX_PER_STATEMENT:
                continue
            seen.add(key)
            per[parties] += 1
            out.append(Contradiction("attribution", _sref(a, s, _holder(a, s)), _sref(b, t, _holder(b, t)),
                                     f"one account blames {x}, the other {y}"))
    return out


def compare_voices(arts: list[ArticleFacts], resolver: Resolver | None = None) -> list[VoiceLine]:
    """Who is quoted: one line per party (its spellings, acronyms and transliterations merged)."""
    resolver = resolver or build_resolver(arts)
    places = set().union(*(a.places for a in arts)) if arts else set()
    by: dict[str, dict] = {}
    for a in arts:
        for v in a.voices:
            if v.name.lower() in GROUP_NOUNS or v.name.lower() in T.PRONOUNS or not is_voice(v.name, places):
                continue
            name = resolver.name(v.name) or v.name
            d = by.setdefault(name, {"outlets": set(), "articles": set(), "direct": 0, "indirect": 0, "ex": [],
                                     "forms": Counter()})
            d["forms"][v.name] += 1
            d["outlets"].add(a.outlet)
            d["articles"].add(a.id)
            d[v.kind] += 1
            if len(d["ex"]) < 3 and a.id not in {r.article for r in d["ex"]}:
                d["ex"].append(_ref(a, v.start, v.end, v.name))
    lines = []
    for name, d in by.items():
        p = resolver.party(name)
        forms = [f for f in (p.forms if p else []) if re.sub(r"(?i)^the\s+", "", f).lower() != name.lower()]
        lines.append(VoiceLine(name, sorted(d["outlets"]), len(d["articles"]), d["direct"], d["indirect"], d["ex"],
                               forms))
    lines.sort(key=lambda l: (-len(l.outlets), -(l.direct + l.indirect), l.name))
    return lines


_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,6}\b")


def build_resolver(arts: list[ArticleFacts]) -> Resolver:
    """A resolver over every name form the articles use: voices, sources, affiliations, names, acronyms."""
    forms: Counter = Counter()
    for a in arts:
        forms.update(v.name for v in a.voices)
        forms.update(nf.source for nf in a.numbers if nf.source)
        forms.update(a.affiliations.values())
        forms.update(n for n, _, _ in a.names)
        forms.update(m.group(0) for m in _ACRONYM.finditer(a.text) if is_acronym(m.group(0)))
        forms[a.outlet] += 1  # a party's own statement page: "Ministry of Interior of X" is the Interior Ministry
    forms.pop(None, None)
    return Resolver(forms)


def affiliation_map(arts: list[ArticleFacts], resolver: Resolver) -> dict[str, str]:
    """Person (as resolved) → the organisation most often named with their role, across the articles."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for a in arts:
        for person, org in a.affiliations.items():
            votes[resolver.name(person) or person][resolver.name(org) or org] += 1
    return {p: c.most_common(1)[0][0] for p, c in votes.items()}


def party_of(resolver: Resolver, account_origin: dict[str, str], affiliation: dict[str, str] | None = None):
    """The party behind a figure: the source's organisation when it is a spokesman, merged across spellings."""
    affiliation = affiliation or {}

    def party(a: ArticleFacts, source: str | None) -> str:
        if not source or source.lower() in T.PRONOUNS:
            own = account_origin.get(a.id, a.outlet)
            return resolver.name(own) or own
        who = resolver.name(source) or source
        return affiliation.get(who) or resolver.name(a.affiliations.get(source, source)) or source
    return party


def compare_dates(arts: list[ArticleFacts]) -> list[TimelineEvent]:
    by: dict[str, dict[str, dict[str, tuple]]] = defaultdict(lambda: defaultdict(dict))
    words: dict[str, Counter] = defaultdict(Counter)
    for a in arts:
        for d in a.dates:
            if not d.klass or d.klass == "reported":
                continue
            words[d.klass][d.trigger] += 1
            by[d.klass][d.value].setdefault(a.id, (a, d))
    events = []
    for klass, values in by.items():
        vals = [DateValue(v, [_sref(a, d.sentence) for a, d in per.values()]) for v, per in values.items()]
        vals.sort(key=lambda dv: (-len(dv.refs), dv.value))
        label = " / ".join(w for w, _ in words[klass].most_common(3))
        events.append(TimelineEvent(label, vals, conflict=len(vals) > 1 and klass == "incident"))
    events.sort(key=lambda e: (e.values[0].value if e.values else "", e.label))
    return events


def _similar_forms(x: str, y: str) -> bool:
    xs, ys = x.lower().split(), y.lower().split()
    if x.lower() == y.lower() or len(xs) != len(ys):
        return False
    diff = [(p, q) for p, q in zip(xs, ys) if p != q]
    if not diff or len(diff) == len(xs) and len(xs) > 1:
        return False
    return all(len(p) >= 4 and len(q) >= 4 and SequenceMatcher(None, p, q).ratio() >= 0.75 for p, q in diff)


def compare_names(arts: list[ArticleFacts], resolver: Resolver | None = None) -> list[NameVariant]:
    """Names spelt differently across articles, with the outlets writing each form."""
    uses: dict[str, set[str]] = defaultdict(set)
    for a in arts:
        for n, _, _ in a.names:
            uses[clean_voice(n)].add(a.outlet)
        for v in a.voices:
            uses[v.name].add(a.outlet)
        for canon, var in a.variant_pairs:
            uses.setdefault(canon, set()).add(a.outlet)
            uses.setdefault(var, set()).add(a.outlet)
    forms = sorted(f for f in uses if not is_acronym(f))
    parent = {f: f for f in forms}

    def find(f):
        while parent[f] != f:
            f = parent[f]
        return f

    for i, x in enumerate(forms):
        for y in forms[i + 1:]:
            if _similar_forms(x, y):
                parent[find(x)] = find(y)
    for a in arts:
        for canon, var in a.variant_pairs:
            if canon in parent and var in parent:
                parent[find(canon)] = find(var)
    if resolver is not None:  # transliterations and spellings the resolver merged
        for p in resolver.parties():
            fs = [f for f in p.forms if f in parent]
            for f in fs[1:]:
                parent[find(fs[0])] = find(f)
    groups: dict[str, list[str]] = defaultdict(list)
    for f in forms:
        groups[find(f)].append(f)
    out = []
    for members in groups.values():
        if len({norm(f).lower() for f in members}) < 2:
            continue  # only punctuation or "the" differs
        members.sort(key=lambda f: (-len(uses[f]), f))
        out.append(NameVariant([(f, sorted(uses[f])) for f in members]))
    out.sort(key=lambda v: -sum(len(o) for _, o in v.forms))
    return out


def compare_corpus(corpus: Corpus, event: str | None = None, link: float = LINK_SIM) -> Comparison:
    """Choose the event's articles (``event`` query, else the largest group) and compare them."""
    arts = corpus.articles
    others: list[list[str]] = []
    if event:
        seeds = set(query_filter(arts, event))
        groups = group_articles(arts, link) if seeds else []
        best = max(groups, key=lambda g: len(seeds & set(g)), default=[])
        idx = sorted(seeds | (set(best) if len(seeds & set(best)) * 2 >= len(seeds) else set()))
        how = f"articles matching {event!r}, with the articles grouped with them"
    else:
        groups = group_articles(arts, link)
        idx = groups[0] if groups else []
        others = [[arts[i].title or arts[i].text[:60] for i in g] for g in groups[1:]]
        how = "the largest group of articles sharing names, dates and words"
    chosen = [arts[i] for i in idx]
    cmp = Comparison(event=how, articles=chosen, outlets=sorted({a.outlet for a in chosen}), sources=corpus.sources,
                     other_groups=others)
    from .syndication import find_accounts

    cmp.accounts = find_accounts(chosen)
    account = {aid: acc.id for acc in cmp.accounts for aid in acc.articles}
    origin = {aid: acc.origin for acc in cmp.accounts for aid in acc.articles}
    resolver = build_resolver(chosen)
    cmp.numbers = compare_numbers(chosen, account, party_of(resolver, origin, affiliation_map(chosen, resolver)))
    cmp.claim_groups, contradictions = compare_claims(chosen)
    cmp.contradictions = contradictions + value_conflicts(cmp.numbers)
    from .dispute import find_disputes, sides
    from .numbers import toll

    party = party_of(resolver, origin, affiliation_map(chosen, resolver))
    cmp.disputes, blame = find_disputes(chosen, resolver, _voice_holder(resolver), party)
    cmp.contradictions += blame
    cmp.sides = sides(cmp.disputes, toll(cmp.numbers), party, {a.id: a for a in chosen})
    cmp.voices = compare_voices(chosen, resolver)
    cmp.timeline = compare_dates(chosen)
    cmp.names = compare_names(chosen, resolver)
    from .summary import build_summary

    by_id = {a.id: a for a in chosen}
    cmp.summary = build_summary(cmp, lambda r: party(by_id[r.article], r.source) if r.article in by_id else r.outlet)
    return cmp
