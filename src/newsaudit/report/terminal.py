"""Terminal summary with rich: one section per layer."""
from __future__ import annotations

import io

from . import SECTIONS, section


def print_terminal(dossier, console, show_all: bool = False) -> None:
    from .safe import for_terminal
    from .view import default_view

    dossier = for_terminal(default_view(dossier, show_all)[0])  # article text is data: no escape codes, no rich markup
    for name in SECTIONS:
        mod = section(name)
        if hasattr(mod, "render_terminal"):
            mod.render_terminal(dossier, console)


def render_terminal_text(dossier, width: int = 100, show_all: bool = False) -> str:
    from rich.console import Console

    buf = io.StringIO()
    print_terminal(dossier, Console(file=buf, width=width, force_terminal=False, color_system=None), show_all)
    return buf.getvalue()
