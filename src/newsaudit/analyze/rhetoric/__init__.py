"""Rhetoric layer: how the text leans on the reader.

The layer's contract; the work is done in ``findings`` (imported on first use).
"""
from __future__ import annotations

NAME = "rhetoric"
REQUIRES: tuple[str, ...] = ("structure", "quotes")
PROVIDES = ("rhetoric", "problems")
NEEDS_DOC = True


def analyse(article, doc, found):
    from .findings import analyse as run

    return run(article, doc, found)
