"""Time layer models: TIMEX3-like expressions and the timeline."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model


class TimeExpression(Model):
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None = None  # TIMEX3 value: 2013-09-01, 2013-W37, P3D, PXY, PAST_REF, ...
    anchor: str | None = None  # the ISO date it was resolved against
    # "text": resolved against the date last mentioned before it ("that year", "the following day")
    anchor_source: Literal["publication", "citation", "explicit", "text", "named_event", "none"] = "none"
    mod: str | None = None  # TIMEX3 mod: START / MID / END / APPROX / ...
    weekday: str | None = None  # weekday named in the text, if any
    section: Literal["body", "byline", "references", "notes", "other"] = "body"  # where in the article it stands
    tense: Literal["past", "future"] | None = None  # tense of the governing verb, when clear
    explicit: bool = False  # the text itself gives the full date (year included)
    quote: int | None = Field(default=None, description="index into Dossier.quotes of the quote whose source anchors it")
    citation: int | None = Field(default=None, description="reference entry whose date anchors it")
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)  # calibrated P(right); see calibrate/model/MODEL_CARD.md


class TimelineItem(Model):
    value: str  # normalised date
    time: int  # index into ``Dossier.times``
    sentence_start: int
    sentence_end: int
    sentence: str
