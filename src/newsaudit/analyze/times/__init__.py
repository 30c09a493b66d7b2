"""Times layer: temporal expressions (TIMEX3 type and value), a timeline, and date problems.

The layer's contract; the work is done in ``timeline`` (imported on first use).
"""
from __future__ import annotations

NAME = "times"
REQUIRES: tuple[str, ...] = ("structure", "citations", "quotes")
PROVIDES = ("times", "timeline", "problems")
NEEDS_DOC = True


def analyse(article, doc, found):
    from .timeline import analyse as run

    return run(article, doc, found)
