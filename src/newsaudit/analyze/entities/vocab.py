"""The entities layer's vocabulary and working record: label sets, patterns, and ``_M``, a mention while
the layer works on it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from . import names as N


LAYER = "entities"  # Problem.layer of this layer's findings

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})
# Labels the small model confuses with one another on unfamiliar names.
CONFUSABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", ""})
PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")
PRONOUNS = frozenset("he she it they we i you him her them us me his hers its their our my your who whom".split())
MONTHS_DAYS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split())
CONTEXT_WINDOW = 2  # sentences before a short mention searched for its referent
VARIANT_WINDOW = 3  # sentences apart within which two spellings count as sharing context
_STRIP_CHARS = N.QUOTE_CHARS + " \t\n\r,.;:!?()[]{}*\u2026" + N.DASHES + "-"
_MODEL_RE = re.compile(r"^(?:[A-Z]{1,3}-?\d{2,4}[A-Za-z]{0,3}|\d{1,4}[A-Za-z]{0,3})$")
_YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d$")
_ICAMEL_RE = re.compile(r"^[ie][A-Z][a-z]+")
_ABBREV_END_RE = re.compile(r"(?:(?:^|[^\w.])(?:[A-Za-z]\.){2,}|\b(?:Inc|Corp|Ltd|Co|Jr|Sr|Bros|Mt|St)\.)$")
# country abbreviations (general English, not a gazetteer of the news)
GPE_ACRONYMS = frozenset({"US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE", "U.A.E.", "PRC", "DPRK", "DRC"})
_POSSESSIVE_RE = re.compile(r"(?:['\u2019]s|s['\u2019])$")


@dataclass
class _M:
    """A mention while the layer works on it."""

    start: int
    end: int
    label: str  # the model's label, or "" for a rule-made mention
    source: str  # ner | title | propn | acronym | recur | defined | byline | reference
    key: str = ""
    tokens: list[str] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    sent: int = 10**9
    title: tuple[int, int] | None = None  # span of an office title / honorific before it
    acronym: bool = False
    cluster: int = -1
    candidates: list[int] = field(default_factory=list)  # cluster ids a short mention could mean
    weak: bool = False  # a capitalised word not tagged PROPN: may only repeat a known name
    assign: int | None = None  # set when a short mention is resolved (>= 0) or left ambiguous (-1)
