"""Entities layer models."""
from __future__ import annotations

from pydantic import Field

from .base import Model, Span


class Mention(Span):
    type: str  # PERSON / ORG / GPE / LOC / NORP / FAC / ...
    entity: str | None = None  # id of the entity it belongs to (None when ambiguous)
    candidates: list[str] = Field(default_factory=list)  # entity ids, when ambiguous
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)  # calibrated P(right); see calibrate/model/MODEL_CARD.md


class Entity(Model):
    id: str  # "E1", "E2", ...
    type: str
    canonical: str
    mentions: list[Span] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    roles: list[Span] = Field(default_factory=list)
    ambiguous: bool = False
    variants: list[str] = Field(default_factory=list)  # spelling variants flagged (not merged)
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)  # calibrated P(right); see calibrate/model/MODEL_CARD.md
