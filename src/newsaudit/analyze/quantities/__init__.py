"""Counted quantities: how many people (or things) an event touched, as the text says it.

The layer's contract; the work is done in ``counts`` (imported on first use).
"""
from __future__ import annotations

NAME = "quantities"
REQUIRES: tuple[str, ...] = ("structure", "citations", "entities", "times")  # reference blocks, place mentions, dates
PROVIDES = ("quantities", "problems")
NEEDS_DOC = True


def analyse(article, doc, found):
    from .counts import analyse as run

    return run(article, doc, found)
