"""Quotes layer (placeholder until implemented)."""
from __future__ import annotations

NAME = "quotes"
REQUIRES: tuple[str, ...] = ("structure", "citations", "entities")
PROVIDES = ("quotes", "non_speech_quotes", "voices", "problems")
NEEDS_DOC = True


def analyse(article, doc, found):
    return {"quotes": [], "non_speech_quotes": [], "voices": [], "problems": []}
