"""Structure layer: title, subtitle, subheadings, byline, body paragraphs, references, notes, boilerplate.

The layer's contract; the work is done in ``segment`` (imported on first use).
"""
from __future__ import annotations

NAME = "structure"
REQUIRES: tuple[str, ...] = ()
PROVIDES = ("structure",)
NEEDS_DOC = False


def analyse(article, doc, found):
    from .segment import analyse as run

    return run(article, doc, found)
