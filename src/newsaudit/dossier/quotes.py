"""Quotes layer models: who said what, to whom, on which source."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model, Span


class Speaker(Span):
    entity: str | None = None  # id of an entity in ``Dossier.entities``
    name: str | None = None  # the resolved name (canonical form of the entity)
    # name: a named person/organisation; outlet: a news outlet; description: an unnamed source
    # ("an Iraqi official"); pronoun / role: resolved from ``he``/``the minister`` to an earlier
    # named speaker; unresolved: a pronoun or role noun with no compatible speaker before it (name is None)
    resolved_from: Literal["name", "pronoun", "role", "outlet", "description", "unresolved"] = "name"
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)  # calibrated P(right); see calibrate/model/MODEL_CARD.md


class Cue(Span):
    lemma: str


class QuoteCitation(Model):
    number: int
    status: Literal["ok", "missing_entry", "unresolvable_ibid"] = "ok"
    entry: int | None = None  # entry number whose source backs this quote (ibid resolved)
    source_title: str | None = None
    source_publisher: str | None = None


class Via(Span):
    """An outlet or party that relays the quote (``reported the AP``)."""

    entity: str | None = None
    cue: Cue | None = None


class Quote(Span):
    kind: Literal["direct", "mixed", "indirect"]
    content: Span
    speaker: Speaker | None = None
    # the source as the sentence gives it, when that is no speaker itself: a relative pronoun (``who``,
    # resolved to the noun it hangs on in ``speaker``), a document or report (``reports say``), a date, a place
    source: Span | None = None
    cue: Cue | None = None
    addressee: Span | None = None
    via: list[Via] = Field(default_factory=list)  # outer relays first
    citations: list[QuoteCitation] = Field(default_factory=list)
    parts: list[Span] = Field(default_factory=list)  # pieces of a quote split by its attribution
    flags: list[str] = Field(default_factory=list)  # e.g. "doubtful_mark", "multi_paragraph"
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)  # calibrated P(right); see calibrate/model/MODEL_CARD.md


class NonSpeechQuote(Span):
    kind: Literal["scare_quote", "title", "event_name", "term", "other"] = "scare_quote"
    content: Span


class Voice(Model):
    speaker: str  # display name
    entity: str | None = None
    quotes: int = 0  # direct + mixed
    attributions: int = 0  # indirect
    words_quoted: int = 0
    cues: list[str] = Field(default_factory=list)
    cited: int = 0  # items resting on a resolvable citation
