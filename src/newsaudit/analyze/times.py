"""Times layer (placeholder until implemented)."""
from __future__ import annotations

NAME = "times"
REQUIRES: tuple[str, ...] = ("structure", "citations", "quotes")
PROVIDES = ("times", "timeline", "problems")
NEEDS_DOC = True


def analyse(article, doc, found):
    return {"times": [], "timeline": [], "problems": []}
