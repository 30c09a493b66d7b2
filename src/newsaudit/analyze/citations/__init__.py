"""Citations layer: inline markers, reference entries, ibid resolution, and citation problems.

The layer's contract; the work is done in ``markers`` (imported on first use).
"""
from __future__ import annotations

NAME = "citations"
REQUIRES = ("structure",)
PROVIDES = ("citations",)
NEEDS_DOC = False


def analyse(article, doc, found):
    from .markers import analyse as run

    return run(article, doc, found)
