"""Shared building blocks of the dossier: spans and problems.

Every finding that points into the article carries ``start``/``end`` character
offsets into ``Dossier.text`` (the exact text that was analysed) and the
``text`` those offsets cover, so a report can highlight it and a reader can
check it.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["info", "warning", "error"]


class Model(BaseModel):
    """Base for every dossier model: strict about unknown keys, lossless JSON."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(Model):
    """A stretch of the analysed text: ``text == dossier.text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> "Span":
        return cls(start=start, end=end, text=source[start:end])


class Problem(Model):
    """A finding that something is wrong or worth a look.

    ``kind`` is a stable machine name (``missing_entry``, ``weekday_mismatch``,
    ...); ``layer`` says which analyser raised it; ``related`` holds further
    spans (e.g. both reports of a count that disagree).
    """

    kind: str
    severity: Severity = "warning"
    layer: str = ""
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    message: str
    numbers: list[int] = Field(default_factory=list)
    related: list[Span] = Field(default_factory=list)
    details: dict[str, Any] = Field(default_factory=dict)
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)  # calibrated P(right); see calibrate/model/MODEL_CARD.md


class Notice(Model):
    """A warning about the input or the run (not about the article's content)."""

    code: str
    message: str
