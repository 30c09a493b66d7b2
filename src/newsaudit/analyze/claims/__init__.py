"""Claims and sourcing: what the article asserts, on whose word, with how much certainty.

The layer's contract; the work is done in ``sourcing`` (imported on first use).
"""
from __future__ import annotations

NAME = "claims"
REQUIRES: tuple[str, ...] = ("structure", "citations", "entities", "quotes", "times", "quantities")
PROVIDES = ("claims", "sourcing", "problems")
NEEDS_DOC = True


def analyse(article, doc, found):
    from .sourcing import analyse as run

    return run(article, doc, found)
