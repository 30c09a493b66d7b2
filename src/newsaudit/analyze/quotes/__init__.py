"""Quotes layer: who said what, to whom, on which source (see ``linking``)."""
from __future__ import annotations

NAME = "quotes"
REQUIRES: tuple[str, ...] = ("structure", "citations", "entities")
PROVIDES = ("quotes", "non_speech_quotes", "voices", "problems")
NEEDS_DOC = True


def analyse(article, doc, found):
    from .linking import analyse_quotes

    return analyse_quotes(article, doc, found)
