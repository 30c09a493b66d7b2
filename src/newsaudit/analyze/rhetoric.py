"""Rhetoric layer (placeholder until implemented)."""
from __future__ import annotations

NAME = "rhetoric"
REQUIRES: tuple[str, ...] = ("structure", "quotes")
PROVIDES = ("rhetoric", "problems")
NEEDS_DOC = True


def analyse(article, doc, found):
    return {"rhetoric": [], "problems": []}
