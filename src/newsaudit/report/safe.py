"""Article text made safe for a terminal or a Markdown document.

Article text is data: it must never reach the user's terminal as escape sequences, nor the rich renderer as
markup (``[/]`` in a title once crashed it), nor a Markdown viewer as a link, an image or HTML.

* ``clean(s)`` removes ANSI/VT escape sequences (CSI, OSC such as ``ESC ] 52`` clipboard writes), every
  other C0/C1 control character but newline and tab, and the bidirectional overrides that can make text
  read differently from what it is (U+202A–U+202E, U+2066–U+2069).
* ``for_terminal(dossier)`` / ``for_markdown(dossier)`` return a copy of the dossier whose every string is
  cleaned (and, for the terminal, has its rich markup escaped), so no section can forget it.
* ``md_text(s)`` backslash-escapes what Markdown reads as links, images, HTML, code and table bars.
"""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[@-Z\\-_])")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MD_SPECIAL = re.compile(r"([\\`<>|])")


def clean(s: str) -> str:
    """``s`` without escape sequences, control characters (newline and tab kept) and bidi overrides."""
    if not s:
        return s
    return _CONTROLS.sub("", _ESCAPES.sub("", s))


def md_text(s: str) -> str:
    """``s`` as literal Markdown text: syntax characters escaped, newlines folded."""
    out = _MD_SPECIAL.sub(r"\\\1", clean(s)).replace("\n", " ")
    return out.replace("](", "]\\(").replace("![", "!\\[")  # no link or image can form


def _walk(value: Any, f) -> Any:
    if isinstance(value, str):
        return f(value)
    if isinstance(value, BaseModel):
        return value.model_copy(update={k: _walk(getattr(value, k), f) for k in type(value).model_fields})
    if isinstance(value, list):
        return [_walk(v, f) for v in value]
    if isinstance(value, tuple):
        return tuple(_walk(v, f) for v in value)
    if isinstance(value, dict):
        return {k: _walk(v, f) for k, v in value.items()}
    return value


def for_terminal(dossier):
    """A copy of ``dossier`` fit for rich: strings cleaned and their markup escaped."""
    from rich.markup import escape

    return _walk(dossier, lambda s: escape(clean(s)))


def for_markdown(dossier):
    """A copy of ``dossier`` with every string cleaned (sections escape Markdown syntax with ``md_escape``)."""
    return _walk(dossier, clean)
