"""Overview: title, byline, counts."""
from __future__ import annotations

from ..lines import md_escape


def _facts(d):
    m = d.meta
    return [
        ("Title", m.title or "—"),
        ("Authors", ", ".join(m.authors) or "—"),
        ("Published", m.published or "—"),
        ("Language", m.language or "—"),
        ("Format", m.source_format),
        ("Words", str(len(d.text.split()))),
        ("Quotes", str(len(d.quotes))),
        ("Citations", f"{len(d.citations.markers)} markers, {len(d.citations.entries)} entries"),
        ("Problems", str(len(d.all_problems()))),
    ]


def render_terminal(d, console) -> None:
    from rich.table import Table

    t = Table(title="newsaudit — overview", show_header=False, title_justify="left")
    for k, v in _facts(d):
        t.add_row(k, v)
    console.print(t)
    for w in d.meta.warnings:
        console.print(f"[yellow]warning[/yellow] {w.code}: {w.message}")


def render_markdown(d) -> str:
    lines = ["# newsaudit report", "", "| | |", "|---|---|"]
    lines += [f"| {k} | {md_escape(v)} |" for k, v in _facts(d)]
    if d.meta.warnings:
        lines += ["", "**Warnings**", ""] + [f"- `{w.code}`: {md_escape(w.message)}" for w in d.meta.warnings]
    return "\n".join(lines)
