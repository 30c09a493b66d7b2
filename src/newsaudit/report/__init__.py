"""Renderers of a dossier: terminal (rich), Markdown, JSON, HTML.

Each layer contributes a section module in ``report.sections`` with
``render_terminal(dossier, console)`` and ``render_markdown(dossier) -> str``;
``SECTIONS`` lists them in reading order.
"""
from __future__ import annotations

import importlib
from types import ModuleType

SECTIONS = ("overview", "structure", "citations", "quotes", "entities", "times", "quantities", "claims", "rhetoric", "problems")


def section(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.sections.{name}")


def render(dossier, fmt: str, show_all: bool = False) -> str:
    """Render ``dossier`` as ``json``, ``markdown``, ``html`` or ``terminal`` (plain text) and return it.

    Reports other than JSON show the default view (findings below their display threshold held back, and
    counted) unless ``show_all``; JSON always holds everything."""
    if fmt == "json":
        return dossier.model_dump_json(indent=2)
    if fmt == "markdown":
        from .markdown import render_markdown

        return render_markdown(dossier, show_all)
    if fmt == "html":
        from .html import render_html

        return render_html(dossier, show_all)
    if fmt == "terminal":
        from .terminal import render_terminal_text

        return render_terminal_text(dossier, show_all=show_all)
    raise ValueError(f"unknown format {fmt!r}")


def write_private(path, text: str) -> None:
    """Write a report file readable by its owner only (0600) when it is new; an existing file keeps its mode."""
    import os

    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
