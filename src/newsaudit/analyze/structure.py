"""Structure layer (placeholder until implemented): whole text is body."""
from __future__ import annotations

from ..dossier import Paragraph, Structure

NAME = "structure"
REQUIRES: tuple[str, ...] = ()
PROVIDES = ("structure",)
NEEDS_DOC = False


def analyse(article, doc, found):
    t = article.text
    return {"structure": Structure(paragraphs=[Paragraph(start=0, end=len(t), text=t)])}
