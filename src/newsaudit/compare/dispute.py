"""The dispute: who is said to have done it, who denies it, and what the denying side says happened instead.

Lexical and negation-aware, over every sentence of the compared articles:

* an **accusation** names an actor doing an act (``troops of the Rapid Intervention Force raided the camp``,
  ``the raid was carried out by the RIF``, ``a massacre by the RIF``) with no negation in it;
* a **denial** negates an act or involvement (``denied that its troops had entered the camp``, ``our forces
  were not involved``, ``reports that security forces raided the camp are false``);
* a denial is paired with the accusations whose actor is the same party — or, for ``its troops`` /
  ``security forces``, an armed force named in the accusation — and whose act it negates (``involved``
  negates every act). One row per denying party and act, listing the denials, the accusations with their
  sources and the best TF-IDF cosine between a pair (the evidence to check);
* the **alternative** account (``residents fought each other``, ``clashes among residents``) of the denying
  side gives the opposite attribution of who did it.
"""
from __future__ import annotations

import re
from collections import defaultdict

from . import text as T
from .facts import ArticleFacts
from .models import Contradiction, Dispute, Ref, SideCell, _sref
from .resolve import Resolver, is_org

ACTS = {"raided": "raided", "raid": "raided", "raids": "raided", "stormed": "raided", "storm": "raided",
        "entered": "entered", "enter": "entered", "attacked": "attacked", "attack": "attacked",
        "opened fire": "fired", "fired": "fired", "shot": "fired", "shooting": "fired", "killed": "killed",
        "massacre": "killed", "carried out": "raided", "involved": "involved", "behind": "involved"}
_ACT = "|".join(sorted((re.escape(k) for k in ACTS), key=len, reverse=True))
_GENERIC = r"(?:(?:its|his|her|their|our|the)\s+)?(?:security\s+forces|forces|troops|soldiers|army|police|units?)"
_ARMED = re.compile(r"(?i)\b(?:force|forces|army|guard|brigade|police|militia|troops|regiment|battalion|unit)\b")
_NAMED = r"(?P<name>(?:[A-Z][\w'-]+|(?:[A-Z]\.){2,})(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'-]+)*)"
_ACCUSE = [
    re.compile(r"\b(?:troops|forces|soldiers|units?|members)\s+of\s+(?:the\s+)?%s\s+(?:had\s+|have\s+)?(?P<act>%s)\b"
               % (_NAMED, _ACT)),
    re.compile(r"\b%s\s+(?:troops\s+|forces\s+|soldiers\s+|units?\s+)?(?:had\s+|have\s+)?(?P<act>%s)\b" % (_NAMED, _ACT)),
    re.compile(r"(?i)\b(?P<act>raid|massacre|attack|killings?)\s+(?:was\s+|were\s+)?(?:carried\s+out\s+)?by\s+(?:the\s+)?"
               r"(?-i:%s)" % _NAMED),
    re.compile(r"(?i)\b(?P<generic>security\s+forces|troops|soldiers)\s+(?:had\s+)?(?P<act>raided|stormed|opened fire|"
               r"fired on|attacked|entered)\b"),
]
_NEG = re.compile(r"(?i)\b(?:denied|denies|deny|denying|rejects?|rejected|dismissed|not|n't|never|no|false|"
                  r"fabricated|untrue|baseless)\b")
_DENY_ACT = re.compile(r"\b(?P<actor>(?i:%s)|(?:[A-Z][\w'-]+|(?:[A-Z]\.){2,})(?:\s+[A-Z][\w'-]+)*)\s+(?:had\s+|have\s+|"
                       r"has\s+|were\s+|was\s+|did\s+)?(?:not\s+|never\s+)?(?:been\s+)?(?P<act>%s)\b" % (_GENERIC, _ACT))
_ALTERNATIVE = [re.compile(r"(?i)\b(?P<who>residents|villagers|inhabitants|rival\s+\w+|families|tribes|clans|"
                           r"gangs|protesters)\s+(?:had\s+)?fought\s+(?:each\s+other|among\s+themselves)"),
                re.compile(r"(?i)\bclashes\s+(?:between|among)\s+(?P<who>residents|villagers|rival\s+\w+|families|"
                           r"tribes|clans|gangs)")]
_STOP_NAMES = {"The", "In", "On", "At", "A", "This", "Our", "Residents", "Survivors", "Witnesses", "Last"}


def _actor_key(name: str, resolver: Resolver) -> str | None:
    words = [w for w in name.split() if w not in _STOP_NAMES]
    if not words:
        return None
    n = re.sub(r"^(?:Troops|Forces|Soldiers|Units?|Members)\s+of\s+(?:the\s+)?", "", " ".join(words))
    return resolver.name(n) or n


def accusations(art: ArticleFacts, s: T.Sentence, resolver: Resolver) -> list[tuple[str, str]]:
    """(actor, act) pairs the sentence asserts, none when it is negated."""
    if _NEG.search(s.text):
        return []
    out = []
    for rx in _ACCUSE:
        for m in rx.finditer(s.text):
            act = ACTS.get(m.group("act").lower().rstrip("s") if m.group("act").lower() == "killings" else
                           m.group("act").lower(), "killed")
            if "generic" in rx.groupindex:
                out.append(("security forces", act))
                continue
            key = _actor_key(m.group("name"), resolver)
            if key and (is_org(key) or _ARMED.search(key)):
                out.append((key, act))
    return list(dict.fromkeys(out))


def denials(s: T.Sentence, resolver: Resolver) -> list[tuple[str, str]]:
    """(actor, act) pairs the sentence denies."""
    if not _NEG.search(s.text):
        return []
    out = []
    for m in _DENY_ACT.finditer(s.text):
        neg_near = _NEG.search(s.text[max(0, m.start() - 60):m.end()]) or \
            re.match(r"[^.;]{0,30}\b(?:are|is|were|was)\s+(?:false|fabricated|untrue|baseless)\b", s.text[m.end():])
        if not neg_near:
            continue
        actor = m.group("actor")
        act = ACTS[m.group("act").lower()]
        if re.fullmatch(_GENERIC, actor, re.IGNORECASE):
            out.append(("security forces", act))
        else:
            key = _actor_key(actor, resolver)
            if key and (is_org(key) or _ARMED.search(key)):
                out.append((key, act))
    if re.search(r"(?i)\b(?:denied|denies|deny|rejects?|rejected)\s+(?:it|this|the claims?|the reports?)\b", s.text):
        out.append(("", "involved"))  # "The force denies it": the actor is the speaker
    return list(dict.fromkeys(out))


def _matches(denied_actor: str, accused: str) -> bool:
    if not denied_actor or denied_actor == accused:
        return True
    generic = {denied_actor, accused} & {"security forces"}
    other = accused if denied_actor == "security forces" else denied_actor
    return bool(generic) and bool(_ARMED.search(other))


def _act_matches(denied: str, act: str) -> bool:
    return denied in ("involved", act) or {denied, act} <= {"raided", "entered", "attacked", "fired"}


def find_disputes(arts: list[ArticleFacts], resolver: Resolver, holder, party) -> tuple[list[Dispute], list[Contradiction]]:
    """Denial rows (one per denying party and act) and the opposite attributions of who did it."""
    acc: list[tuple[str, str, ArticleFacts, T.Sentence, str]] = []  # actor, act, article, sentence, holder party
    den: list[tuple[str, str, ArticleFacts, T.Sentence, str]] = []
    alt: list[tuple[str, ArticleFacts, T.Sentence, str]] = []
    for a in arts:
        for s in a.sentences:
            who = party(a, holder(a, s))
            for actor, act in accusations(a, s, resolver):
                acc.append((actor, act, a, s, who))
            for actor, act in denials(s, resolver):
                den.append((actor or who, act, a, s, who))
            for rx in _ALTERNATIVE:
                m = rx.search(s.text)
                if m:
                    alt.append((" ".join(m.group("who").lower().split()), a, s, who))
                    break
    if not den or not acc:
        return [], []
    named = {x[0] for x in acc if x[0] != "security forces" and _ARMED.search(x[0])}
    if len(named) == 1:  # "security forces" / "its troops" in this story are the one armed force accused by name
        force = next(iter(named))
        acc = [(force if x[0] == "security forces" else x[0], *x[1:]) for x in acc]
        den = [(force if x[0] == "security forces" else x[0], *x[1:]) for x in den]
        acc = list({(x[0], x[1], x[2].id, x[3].start): x for x in acc}.values())
    vec = _vectoriser([s.text for *_, s, _ in acc + den])
    rows: dict[tuple[str, str], dict] = {}
    for actor, act, a, s, who in den:
        hits = [(x_actor, x_act, b, t, bw) for x_actor, x_act, b, t, bw in acc
                if _matches(actor, x_actor) and _act_matches(act, x_act) and bw != who]
        if not hits:
            continue
        accused = max((h[0] for h in hits), key=lambda k: (k != "security forces", sum(h[0] == k for h in hits)))
        row = rows.setdefault((who, accused), {"acts": [], "den": {}, "acc": {}, "sim": 0.0})
        row["acts"].append(act)
        row["den"].setdefault(a.id + str(s.start), (a, s, who))
        for _, x_act, b, t, bw in hits:
            row["acc"].setdefault(b.id + str(t.start), (b, t, bw))
            row["acts"].append(x_act)
            row["sim"] = max(row["sim"], _cos(vec, s.text, t.text))
    disputes = []
    for (who, accused), row in rows.items():
        acts = [x for x in row["acts"] if x != "involved"] or ["involved"]
        act = max(set(acts), key=acts.count)
        alternative = next((f"{w} fought each other" for w, b, t, bw in alt if bw == who), None)
        disputes.append(Dispute(who, act, accused, [_sref(a, s, w) for a, s, w in row["den"].values()],
                                [_sref(b, t, bw) for b, t, bw in row["acc"].values()], round(row["sim"], 2),
                                alternative))
    for d in disputes:  # a named voice before an outlet's own words
        d.accusations.sort(key=lambda r: (r.source == r.outlet, r.published or "", r.outlet))
    disputes.sort(key=lambda d: (-len(d.accusations) - len(d.denials), d.denier))
    contradictions = []
    for d in disputes:  # who did it: the accused actor, or what the denying side says happened instead
        mine = [(w, b, t) for w, b, t, bw in alt if bw == d.denier]
        if not mine or not d.accusations:
            continue
        w, b, t = mine[0]
        first = next((r for r in d.accusations if r.article != b.id and r.source), None) or \
            next((r for r in d.accusations if r.article != b.id), None)
        if first is not None:
            contradictions.append(Contradiction("attribution", first, _sref(b, t, d.denier),
                                                f"one account blames {d.actor}, the other {w}"))
    return disputes, contradictions


def _vectoriser(texts: list[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        return TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(texts)
    except ValueError:
        return None


def _cos(vec, x: str, y: str) -> float:
    if vec is None:
        return 0.0
    from sklearn.metrics.pairwise import cosine_similarity

    return float(cosine_similarity(vec.transform([x]), vec.transform([y]))[0, 0])


def sides(disputes: list[Dispute], toll_line, party, arts: dict[str, ArticleFacts]) -> dict[str, dict[str, SideCell]]:
    """Voice → key point → stance: who says the act happened, who denies it, and the toll each gives."""
    out: dict[str, dict[str, SideCell]] = defaultdict(dict)
    for d in disputes:
        point = f"{d.actor} {d.act}"
        for r in d.accusations:
            who = party(arts[r.article], r.source)
            cell = out[who].setdefault(point, SideCell("says", []))
            cell.refs.append(r)
        for r in d.denials:
            cell = out[d.denier].setdefault(point, SideCell("denies", []))
            cell.refs.append(r)
    if toll_line is not None:
        for v in toll_line.values:
            for r in v.refs:
                who = party(arts[r.article], r.source)
                cell = out[who].get("killed")
                if cell is None or (r.published or "", r.start, v.value) >= (cell.refs[-1].published or "", cell.refs[-1].start, _value_of(cell)):
                    out[who]["killed"] = SideCell(v.label, [r])
    return dict(out)


def outlets_of(cell: SideCell) -> list[str]:
    return sorted({r.outlet for r in cell.refs})


def ref_text(r: Ref) -> str:
    return f"{r.outlet} ({r.published or 'undated'})"


def _value_of(cell: SideCell) -> float:
    m = re.search(r"(\d+(?:\.\d+)?)$", cell.stance)
    return float(m.group(1)) if m else 0.0
