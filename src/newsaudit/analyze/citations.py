"""Citations layer (placeholder until implemented)."""
from __future__ import annotations

from ..dossier import Citations

NAME = "citations"
REQUIRES = ("structure",)
PROVIDES = ("citations",)
NEEDS_DOC = False


def analyse(article, doc, found):
    return {"citations": Citations()}
