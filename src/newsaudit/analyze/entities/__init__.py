"""Entities layer: named mentions, grouped into entities, with roles, ambiguity and spelling variants.

The layer's contract; the work is done in ``mentions`` (imported on first use).
"""
from __future__ import annotations

NAME = "entities"
REQUIRES: tuple[str, ...] = ("structure", "citations")
PROVIDES = ("entities", "mentions", "problems")
NEEDS_DOC = True


def analyse(article, doc, found):
    from .mentions import analyse as run

    return run(article, doc, found)
