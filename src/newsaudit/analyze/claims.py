"""Claims layer (placeholder until implemented)."""
from __future__ import annotations

NAME = "claims"
REQUIRES: tuple[str, ...] = ("structure", "citations", "entities", "quotes", "times", "quantities")
PROVIDES = ("claims", "sourcing", "problems")
NEEDS_DOC = True


def analyse(article, doc, found):
    return {"claims": [], "problems": []}
