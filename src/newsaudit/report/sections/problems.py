"""Every problem found, with line numbers."""
from __future__ import annotations

from ..lines import LineIndex, md_escape, short

_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_terminal(d, console) -> None:
    from rich.table import Table

    probs = d.all_problems()
    t = Table(title=f"Problems ({len(probs)})", title_justify="left")
    for col in ("line", "severity", "kind", "text", "message"):
        t.add_column(col)
    idx = LineIndex(d.text)
    for p in probs:
        st = _STYLE.get(p.severity, "white")
        t.add_row(str(idx.line(p.start)), f"[{st}]{p.severity}[/{st}]", p.kind, short(p.text, 30), p.message)
    console.print(t)


def render_markdown(d) -> str:
    probs = d.all_problems()
    idx = LineIndex(d.text)
    lines = [f"## Problems ({len(probs)})", ""]
    if probs:
        lines += ["| line | severity | kind | text | message |", "|---|---|---|---|---|"]
        lines += [f"| {idx.line(p.start)} | {p.severity} | `{p.kind}` | {md_escape(short(p.text, 40))} | {md_escape(p.message)} |" for p in probs]
    else:
        lines.append("None found.")
    return "\n".join(lines)
