"""Entities layer (placeholder until implemented)."""
from __future__ import annotations

NAME = "entities"
REQUIRES: tuple[str, ...] = ("structure",)
PROVIDES = ("entities", "mentions", "problems")
NEEDS_DOC = True


def analyse(article, doc, found):
    return {"entities": [], "mentions": [], "problems": []}
