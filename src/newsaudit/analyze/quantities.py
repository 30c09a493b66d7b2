"""Quantities layer (placeholder until implemented)."""
from __future__ import annotations

NAME = "quantities"
REQUIRES: tuple[str, ...] = ("structure", "times")
PROVIDES = ("quantities", "problems")
NEEDS_DOC = True


def analyse(article, doc, found):
    return {"quantities": [], "problems": []}
