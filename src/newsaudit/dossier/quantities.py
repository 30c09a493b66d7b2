"""Counted-quantities layer models."""
from __future__ import annotations

from pydantic import Field

from .base import Model, Span


class Quantity(Span):
    number: Span  # the number as written
    value: float | None = None
    low: float | None = None
    high: float | None = None
    modifier: str | None = None  # "at least", "about", "more than", "up to", ...
    counted: str | None = None  # residents, survivors, people
    event: str = "OTHER"  # KILL, WOUND, MISSING, ARREST, DISPLACE, RESETTLE, ..., OTHER
    event_text: Span | None = None
    place: str | None = None
    date: str | None = None
    sentence: Span | None = None
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)  # calibrated P(right); see calibrate/model/MODEL_CARD.md
