"""Who is who across articles: one party for the spellings, acronyms and transliterations of a name.

``Yusuf Qaderi`` / ``Youssef Kaderi`` / ``Yousef Qadiri`` (each word reduced to a transliteration key: its first
letter and its consonants, with q→k, y→i, w→v, ph→f, zh/j, kh/h and doubled letters folded), ``UN`` /
``U.N.`` / ``United Nations`` (an acronym joins the one full name in the corpus whose initials it spells),
``Kheshet Mutual-Aid Society`` / ``Kheshet Mutual Aid Society`` (punctuation and ``the`` ignored), ``Tavrenia's
Health Ministry`` / ``Health Ministry`` (a possessive place prefix dropped). Places, dates and report nouns are
never parties (``is_voice``).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

ORG_HEADS = {"ministry", "force", "forces", "society", "office", "nations", "agency", "rights", "network", "council",
             "committee", "front", "party", "army", "police", "guard", "brigade", "union", "association", "group",
             "organisation", "organization", "commission", "court", "government", "department", "service", "press",
             "movement", "institute", "foundation", "fund", "bank", "company", "corporation", "hospital", "red",
             "crescent", "cross", "watch", "international", "federation", "alliance", "coalition", "authority"}
REPORT_NOUNS = {"statement", "statements", "report", "reports", "claims", "claim", "sources", "media", "video",
                "footage", "officials", "residents", "witnesses", "survivors", "government"}
DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
             "today", "yesterday"}
_SMALL = {"of", "the", "and", "for", "de", "al", "on", "in", "to"}


def norm(name: str) -> str:
    """Compare form: accents, ``the``, possessive place prefixes, dots in acronyms and hyphens removed."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"^(?:the|The)\s+", "", s.strip())
    s = re.sub(r"^[A-Z][a-z]+(?:'s|’s)\s+(?=[A-Z])", "", s)  # "Tavrenia's Health Ministry"
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]\.?", s):
        s = s.replace(".", "")
    s = re.sub(r"^Ministry of (?:the )?([A-Z]\w+)(?: of [A-Z][\w ]+)?$", r"\1 Ministry", s)  # "Ministry of Interior of X"
    s = re.sub(r",?\s+(?:Inc|Corp|Corporation|Co|Ltd|Limited|plc|PLC|LLC|SA|AG|NV)\.?$", "", s)  # "Apple Inc." → "Apple"
    s = re.sub(r"[-‐–]", " ", s)
    s = re.sub(r"[^\w\s]", "", s)
    return " ".join(s.split())


_TITLE_WORDS = {"minister", "prosecutor-general", "prosecutor", "president", "general", "gen", "gen.", "colonel",
                "col.", "commander", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor", "director",
                "secretary-general", "secretary", "chief", "judge", "dr", "dr.", "prof.", "professor", "ambassador",
                "envoy", "senator", "captain", "lieutenant", "major", "sergeant", "prime", "deputy", "interior",
                "foreign", "defence", "defense", "health", "justice", "attorney-general", "inspector", "sheikh", "imam"}


def clean_voice(name: str) -> str:
    """A speaker phrase reduced to the party: titles before a personal name and lowercase tails dropped
    (``Interior Minister Arkady Zhuravlev`` → ``Arkady Zhuravlev``, ``UN human rights office`` → ``UN``)."""
    words = name.split()
    while len(words) > 1 and words[0][:1].isupper() and words[-1][:1].islower():
        words.pop()
    k = max((i for i, w in enumerate(words) if w.lower().strip(",") in _TITLE_WORDS), default=-1)
    if k >= 0 and len(words) - k - 1 >= 2 and all(w[:1].isupper() for w in words[k + 1:]):
        words = words[k + 1:]
    return " ".join(words).strip(",;:")


_PLACE_NOUN = r"(?:province|region|district|camp|city|town|village|county|prison|border|valley|river|island|harbour|port)"
_NAME_RUN = r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*"
_PLACES = [re.compile(r"\b(?:in|at|near|outside|from|into|across|around|to)\s+(?:the\s+)?(?P<n>%s)(?=[\s,.;:]|$)" % _NAME_RUN),
           re.compile(r"(?P<n>%s)\s+%s\b" % (_NAME_RUN, _PLACE_NOUN)),
           re.compile(r"(?m)^(?P<n>[A-Z][A-Z' -]+[A-Z])(?:,\s+[A-Z][\w]+)?\s+(?:\(|[—–-])")]  # a dateline


def text_places(text: str) -> set[str]:
    """Names written as places (``in Kesh Barin``, ``Upper Sarvan province``, a ``VELMIRA (CNA)`` dateline)."""
    out = set()
    for rx in _PLACES:
        for m in rx.finditer(text):
            n = m.group("n").strip()
            if not is_org(n) and n.lower() not in DAY_WORDS:
                out.add(n if not n.isupper() else n.title())
    return out


def acronym_of(name: str) -> str | None:
    words = [w for w in norm(name).split() if w.lower() not in _SMALL]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def is_acronym(name: str) -> bool:
    n = norm(name)
    return bool(re.fullmatch(r"[A-Z]{2,6}", n))


_TRANSLIT = [("ph", "f"), ("kh", "h"), ("zh", "j"), ("dj", "j"), ("ck", "k"), ("q", "k"), ("c", "k"), ("w", "v"),
             ("y", "i"), ("x", "ks")]


def translit_key(word: str) -> str:
    w = norm(word).lower()
    for a, b in _TRANSLIT:
        w = w.replace(a, b)
    if not w:
        return ""
    head, rest = w[0], re.sub(r"[aeiou]", "", w[1:])
    if head in "aeiou":
        head = "a"
    out = head
    for ch in rest:
        if ch != out[-1]:
            out += ch
    return out


def is_org(name: str) -> bool:
    return is_acronym(name) or any(w.lower() in ORG_HEADS for w in norm(name).split())


def is_voice(name: str, places: set[str] | frozenset[str] = frozenset()) -> bool:
    """Could ``name`` be a party that speaks? Not a place, a date word or a report noun."""
    n = norm(name)
    if not n or n.lower() in REPORT_NOUNS or n.lower() in DAY_WORDS:
        return False
    if not n[:1].isupper():
        return False
    if n in places and not is_org(n):
        return False
    words = n.split()
    if len(words) == 1 and not is_acronym(n):
        return False  # a lone capitalised word: a place ("Dolvaro") or a surname already resolved in its article
    return True


def _same_person(x: str, y: str) -> bool:
    xs, ys = norm(x).split(), norm(y).split()
    if len(xs) != len(ys) or len(xs) < 2 or is_org(x) or is_org(y):
        return False
    if any(translit_key(a) != translit_key(b) for a, b in zip(xs, ys)):
        return False
    return SequenceMatcher(None, norm(x).lower(), norm(y).lower()).ratio() >= 0.6


@dataclass
class Party:
    name: str  # the form most used
    forms: list[str] = field(default_factory=list)  # every form, most used first


class Resolver:
    """Clusters name forms seen across articles; ``party(form)`` gives the cluster's shown name."""

    def __init__(self, forms: Counter, cooccur: dict[str, set[str]] | None = None):
        self.count = Counter({f: c for f, c in forms.items() if f and f.strip()})
        names = sorted(self.count)
        parent = {f: f for f in names}

        def find(f: str) -> str:
            while parent[f] != f:
                parent[f] = parent[parent[f]]
                f = parent[f]
            return f

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb

        by_norm: dict[str, list[str]] = defaultdict(list)
        for f in names:
            by_norm[norm(f).lower()].append(f)
        for group in by_norm.values():
            for f in group[1:]:
                union(group[0], f)
        full_by_acr: dict[str, set[str]] = defaultdict(set)
        for f in names:
            a = acronym_of(f)
            if a:
                full_by_acr[a].add(norm(f).lower())
        for f in names:
            if is_acronym(f):
                fulls = full_by_acr.get(norm(f), set())
                if len(fulls) == 1:
                    union(f, by_norm[next(iter(fulls))][0])
        keyed: dict[tuple, list[str]] = defaultdict(list)
        for f in names:
            ws = norm(f).split()
            if len(ws) >= 2 and not is_org(f):
                keyed[tuple(translit_key(w) for w in ws)].append(f)
        for group in keyed.values():
            for i, x in enumerate(group):
                for y in group[i + 1:]:
                    if _same_person(x, y):
                        union(x, y)
        members: dict[str, list[str]] = defaultdict(list)
        for f in names:
            members[find(f)].append(f)
        self._party: dict[str, Party] = {}
        for group in members.values():
            group.sort(key=lambda f: (-self.count[f], -len(f), f))
            shown = max(group, key=lambda f: (not is_acronym(f), self.count[f], len(f)))
            p = Party(shown, [shown] + [f for f in group if f != shown])
            for f in group:
                self._party[f] = p

    def party(self, form: str | None) -> Party | None:
        if not form:
            return None
        p = self._party.get(form)
        if p is None:
            key = norm(form).lower()
            p = next((q for f, q in self._party.items() if norm(f).lower() == key), None)
        return p

    def name(self, form: str | None) -> str | None:
        p = self.party(form)
        return p.name if p else form

    def parties(self) -> list[Party]:
        seen, out = set(), []
        for p in self._party.values():
            if id(p) not in seen:
                seen.add(id(p))
                out.append(p)
        return out
