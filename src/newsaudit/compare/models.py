"""The records a comparison is made of: references to articles and sentences, number lines, claim groups,
contradictions, voices, dates, name variants, and the whole ``Comparison``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import text as T
from .facts import ArticleFacts
from .intervals import labels_compatible


# ----------------------------------------------------------------- result model


@dataclass
class Ref:
    """A statement (or number) in one article, with where it came from."""

    article: str
    outlet: str
    url: str | None
    published: str | None
    start: int
    end: int
    text: str
    source: str | None = None  # on whose word
    account: int | None = None  # the independent account (syndication group) the article belongs to


@dataclass
class ValueReport:
    value: float
    label: str  # as shown: "52", "at least 52"
    refs: list[Ref]

    @property
    def outlets(self) -> list[str]:
        return sorted({r.outlet for r in self.refs})

    @property
    def accounts(self) -> int:
        """Independent accounts reporting the value (copies of one wire story count once)."""
        return len({r.account if r.account is not None else r.article for r in self.refs})


@dataclass
class Revision:
    """One party's figure over time: an update, not a contradiction."""

    party: str
    steps: list[tuple[str, str, Ref]]  # (date published, label, where), in order


@dataclass
class NumberLine:
    event: str
    values: list[ValueReport]
    counted: str = "people"  # whose count: people (the event's victims), soldiers, members, children ...
    scope: str | None = None  # None: the event compared; else another event or a running total, and why
    revisions: list[Revision] = field(default_factory=list)
    conflicts: list[tuple[int, int]] | None = None  # indices of values that cannot both hold (None: not computed)

    @property
    def conflict(self) -> bool:
        if self.conflicts is not None:
            return bool(self.conflicts)
        return any(not labels_compatible(self.values[0].label, v.label) for v in self.values[1:])


@dataclass
class ClaimGroup:
    refs: list[Ref]


@dataclass
class Contradiction:
    kind: str  # denial | role_denial | attribution | values
    a: Ref
    b: Ref
    why: str


@dataclass
class VoiceLine:
    name: str
    outlets: list[str]
    articles: int
    direct: int
    indirect: int
    examples: list[Ref]
    variants: list[str] = field(default_factory=list)  # other spellings, acronyms, transliterations


@dataclass
class DateValue:
    value: str
    refs: list[Ref]


@dataclass
class TimelineEvent:
    label: str  # the event word(s): "explosion / attack"
    values: list[DateValue]  # most-reported first
    conflict: bool


@dataclass
class NameVariant:
    forms: list[tuple[str, list[str]]]  # (form, outlets using it), most used first


@dataclass
class Dispute:
    """A denial paired with the accusation it denies: one row per denying party and denied act."""

    denier: str
    act: str  # "raided", "involved" ...
    actor: str  # whose act is denied
    denials: list[Ref]
    accusations: list[Ref]
    similarity: float  # best TF-IDF cosine between a denial and an accusation (evidence)
    alternative: str | None = None  # what the denying side says happened instead


@dataclass
class SideCell:
    stance: str  # "says" | "denies" | a number label
    refs: list[Ref]


@dataclass
class Comparison:
    event: str  # how the group was chosen
    articles: list[ArticleFacts]
    outlets: list[str]
    numbers: list[NumberLine] = field(default_factory=list)
    claim_groups: list[ClaimGroup] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    voices: list[VoiceLine] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    names: list[NameVariant] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    other_groups: list[list[str]] = field(default_factory=list)  # titles of other groups' articles
    accounts: list = field(default_factory=list)  # syndication.Account, largest first
    disputes: list[Dispute] = field(default_factory=list)
    sides: dict[str, dict[str, SideCell]] = field(default_factory=dict)  # voice → key point → cell
    summary: dict = field(default_factory=dict)  # the "what happened" block (summary.py)

    def to_dict(self) -> dict:
        from dataclasses import asdict

        d = {k: v for k, v in asdict(self).items() if k != "articles"}
        d["articles"] = [{"id": a.id, "outlet": a.outlet, "url": a.url, "title": a.title, "published": a.published}
                         for a in self.articles]
        return d


def _ref(art: ArticleFacts, start: int, end: int, source: str | None = None) -> Ref:
    return Ref(art.id, art.outlet, art.url, art.published, start, end, art.text[start:end], source)


def _sref(art: ArticleFacts, s: T.Sentence, source: str | None = None, at: int | None = None) -> Ref:
    """A reference to sentence ``s``; cut to the line holding offset ``at`` when the sentence spans lines."""
    a, b = s.start, s.end
    if at is not None and "\n" in art.text[a:b]:
        a = max(a, art.text.rfind("\n", a, at) + 1)
        nl = art.text.find("\n", at, b)
        b = nl if nl != -1 else b
        while a < b and art.text[a].isspace():
            a += 1
        while b > a and art.text[b - 1].isspace():
            b -= 1
    return _ref(art, a, b, source)
