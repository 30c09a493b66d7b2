"""The dossier: everything newsaudit found in one article, as pydantic v2 models.

``Dossier.model_dump_json()`` and ``Dossier.model_validate_json()`` round-trip
losslessly.  Key names are a public contract: scripts rely on them.
"""
from __future__ import annotations

from pydantic import Field

from .base import Model, Notice, Problem, Span
from .citations import Citations, Entry, Marker, Source
from .claims import Claim, Holder, RhetoricSpan, SourcingSummary
from .entities import Entity, Mention
from .quantities import Quantity
from .quotes import Cue, NonSpeechQuote, Quote, QuoteCitation, Speaker, Via, Voice
from .structure import Byline, Dateline, Heading, Page, PageFurniture, Paragraph, Structure
from .times import TimeExpression, TimelineItem

SCHEMA_VERSION = "1.0"


class Meta(Model):
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: str | None = None  # ISO 8601 date
    published_source: str | None = None  # "argument", "html", "byline", ...
    url: str | None = None
    site: str | None = None
    agency: str | None = None  # the news agency the story is from (its dateline), e.g. ``AP``
    language: str | None = None
    source_format: str = "text"  # text | html | json
    encoding: str | None = None
    final_url: str | None = None  # the URL a fetch ended at (after redirects)
    fetched_at: str | None = None  # UTC ISO 8601 time of the fetch
    http_status: int | None = None
    sha256: str | None = None  # of the raw fetched bytes
    model: str | None = None  # spaCy pipeline name and version
    newsaudit_version: str | None = None
    warnings: list[Notice] = Field(default_factory=list)
    layers_run: list[str] = Field(default_factory=list)  # the layers that ran (see warnings for those that did not)


class Dossier(Model):
    schema_version: str = SCHEMA_VERSION
    text: str
    meta: Meta = Field(default_factory=Meta)
    structure: Structure = Field(default_factory=Structure)
    citations: Citations = Field(default_factory=Citations)
    quotes: list[Quote] = Field(default_factory=list)
    non_speech_quotes: list[NonSpeechQuote] = Field(default_factory=list)
    voices: list[Voice] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    timeline: list[TimelineItem] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    sourcing: SourcingSummary = Field(default_factory=SourcingSummary)
    rhetoric: list[RhetoricSpan] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)  # findings of every layer but citations

    def all_problems(self) -> list[Problem]:
        """Citation problems and every other layer's problems, in text order."""
        return sorted([*self.citations.problems, *self.problems], key=lambda p: (p.start, p.end))


__all__ = [
    "SCHEMA_VERSION", "Byline", "Citations", "Dateline", "Claim", "Cue", "Dossier", "Entity", "Entry", "Heading",
    "Holder", "Marker", "Mention", "Meta", "Model", "NonSpeechQuote", "Notice", "Page", "PageFurniture",
    "Paragraph", "Problem",
    "Quantity", "Quote", "QuoteCitation", "RhetoricSpan", "Source", "SourcingSummary", "Span", "Speaker",
    "Structure", "TimeExpression", "TimelineItem", "Via", "Voice",
]
