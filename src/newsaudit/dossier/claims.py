"""Claims-and-sourcing and rhetoric layer models."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model, Span

Sourcing = Literal["cited", "cited_broken", "attributed", "unsourced"]


class Holder(Model):
    kind: Literal["author", "speaker"]
    name: str | None = None
    entity: str | None = None
    quote: int | None = None  # index into ``Dossier.quotes``


class Claim(Span):
    score: float  # check-worthiness, 0..1
    checkworthy: bool
    holder: Holder
    sourcing: Sourcing
    citations: list[int] = Field(default_factory=list)
    hedges: list[Span] = Field(default_factory=list)
    certainty: Literal["high", "medium", "low"] = "high"
    entities: list[str] = Field(default_factory=list)
    times: list[int] = Field(default_factory=list)
    quantities: list[int] = Field(default_factory=list)
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)  # calibrated P(check-worthy); see calibrate/model/MODEL_CARD.md
    sourcing_confidence: float | None = Field(default=None, ge=0.0, le=1.0)  # calibrated P(sourcing status right)


class SourcingSummary(Model):
    checkworthy: int = 0
    counts: dict[str, int] = Field(default_factory=dict)
    shares: dict[str, float] = Field(default_factory=dict)
    unsourced: list[int] = Field(default_factory=list)  # indices into ``Dossier.claims``

    @classmethod
    def of(cls, claims: list["Claim"]) -> "SourcingSummary":
        """Counts and shares of check-worthy claims per sourcing status; the unsourced ones."""
        cw = [(i, c) for i, c in enumerate(claims) if c.checkworthy]
        statuses = ("cited", "cited_broken", "attributed", "unsourced")
        counts = {s: sum(1 for _, c in cw if c.sourcing == s) for s in statuses}
        shares = {s: (round(counts[s] / len(cw), 4) if cw else 0.0) for s in statuses}
        return cls(checkworthy=len(cw), counts=counts, shares=shares,
                   unsourced=[i for i, c in cw if c.sourcing == "unsourced"])


class RhetoricSpan(Span):
    technique: str  # SemEval-2020 Task 11 name, or "Rhetorical_Question" / "Sarcastic_Exclamation"
    score: float
    reason: str
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)  # calibrated P(right); see calibrate/model/MODEL_CARD.md
