"""Markdown report: the same findings as the terminal summary, for tickets and notes."""
from __future__ import annotations

from . import SECTIONS, section


def render_markdown(dossier, show_all: bool = False) -> str:
    from .safe import for_markdown
    from .view import default_view

    dossier = for_markdown(default_view(dossier, show_all)[0])  # article text is data: no escape codes (sections escape Markdown syntax)
    parts = []
    for name in SECTIONS:
        mod = section(name)
        if hasattr(mod, "render_markdown"):
            md = mod.render_markdown(dossier)
            if md:
                parts.append(md.rstrip() + "\n")
    return "\n".join(parts)
