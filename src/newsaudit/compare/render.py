"""Render a :class:`~newsaudit.compare.analysis.Comparison` as terminal tables, Markdown, or one HTML page."""
from __future__ import annotations

import html
import json
from typing import Callable

from .models import Comparison, Contradiction, Ref

EVENT_NAMES = {"KILL": "killed", "WOUND": "wounded / injured", "MISSING": "missing", "ARREST": "arrested",
               "DISPLACE": "displaced / evacuated", "RESCUE": "rescued", "RESETTLE": "resettled"}
KIND_NAMES = {"denial": "denial", "role_denial": "denied role", "attribution": "opposite attribution",
              "values": "incompatible values"}
MAX_TEXT = 220


def _short(s: str, n: int = MAX_TEXT) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _who(r: Ref) -> str:
    return r.source or "the outlet (no source named)"


def _when(r: Ref) -> str:
    return r.published or "undated"


def event_name(e: str) -> str:
    return EVENT_NAMES.get(e, e.lower())


# ----------------------------------------------------------------- plain structure shared by the renderers
def sections(c: Comparison) -> list[tuple[str, list[str], list[list[str]], str]]:
    """(title, header, rows, note) per section; every cell is plain text (renderers escape it)."""
    out = []
    rows = []
    for line in c.numbers:
        cells = []
        for v in line.values:
            who = "; ".join(f"{r.outlet} [{r.source or 'no source named'}, {_when(r)}]" for r in v.refs)
            cells.append(f"{v.label} {event_name(line.event).split(' /')[0]} — {len(v.refs)} article(s): {who}")
        rows.append([event_name(line.event), "CONFLICT" if line.conflict else "agree", "\n".join(cells)])
    out.append(("Numbers", ["counted", "status", "values reported: outlet [on whose word, published]"], rows,
                "each value once per article; the source is the quote or attribution behind the figure"))
    rows = [[str(len(g.refs)), _short(g.refs[0].text),
             "\n".join(f"{r.outlet} ({_when(r)}): {_who(r)}" for r in g.refs)] for g in c.claim_groups]
    out.append(("Claims made in several articles", ["articles", "statement (first)", "where, on whose word"], rows,
                "statements with a TF-IDF cosine ≥ the threshold, from different articles"))
    rows = [[KIND_NAMES.get(x.kind, x.kind), x.why, f"{x.a.outlet} ({_when(x.a)}), {_who(x.a)}: {_short(x.a.text)}",
             f"{x.b.outlet} ({_when(x.b)}), {_who(x.b)}: {_short(x.b.text)}"] for x in c.contradictions]
    out.append(("Contradictions", ["kind", "why", "one account", "the other"], rows, ""))
    rows = [[v.name, str(len(v.outlets)), ", ".join(v.outlets), str(v.direct), str(v.indirect)] for v in c.voices]
    out.append(("Voices", ["who", "outlets", "quoted by", "direct", "indirect"], rows,
                "direct = quoted words; indirect = reported speech"))
    rows = []
    for ev in c.timeline:
        vals = "\n".join(f"{d.value}: {len(d.refs)} article(s) — " + ", ".join(r.outlet for r in d.refs)
                         for d in ev.values)
        rows.append([ev.label, "CONFLICTING DATES" if ev.conflict else "", vals])
    out.append(("Dates", ["event", "status", "dates reported"], rows,
                "dates attached to the event word nearest before them; dates of statements ('said on …') left out"))
    rows = []
    for v in c.names:
        rows.append([" / ".join(f for f, _ in v.forms),
                     "\n".join(f"{f}: {', '.join(o)}" for f, o in v.forms)])
    out.append(("Names spelt differently", ["forms (most used first)", "who writes which"], rows, ""))
    return out


def _intro(c: Comparison) -> list[str]:
    lines = [f"{len(c.articles)} article(s) from {len(c.outlets)} outlet(s): {c.event}."]
    src = ", ".join(f"{k}: {v}" for k, v in sorted(c.sources.items()))
    if src:
        lines.append(f"Facts from — {src}.")
    if c.other_groups:
        lines.append(f"{len(c.other_groups)} other group(s) left out (use --event QUERY to pick one).")
    return lines


# ----------------------------------------------------------------- terminal
def print_terminal(c: Comparison, console=None) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = console or Console()
    console.print("[bold]What happened? — comparison of accounts[/bold]")
    for line in _intro(c):
        console.print(escape(line))
    for title, header, rows, note in sections(c):
        table = Table(title=escape(title), show_lines=True, title_justify="left")
        for h in header:
            table.add_column(escape(h), overflow="fold")
        for row in rows:
            table.add_row(*(escape(x) if x not in ("CONFLICT", "CONFLICTING DATES") else f"[bold red]{x}[/]"
                            for x in row))
        if not rows:
            table.add_row(*(["(none found)"] + [""] * (len(header) - 1)))
        console.print(table)
        if note:
            console.print(f"[dim]{escape(note)}[/dim]")


# ----------------------------------------------------------------- markdown
def _md_cell(s: str) -> str:
    """Text safe inside a Markdown table cell: no HTML, no pipes, line breaks as <br>."""
    s = html.escape(s, quote=False).replace("\\", "\\\\").replace("|", "\\|")
    for ch in "*_`[]":
        s = s.replace(ch, "\\" + ch)
    return s.replace("\n", "<br>")


def to_markdown(c: Comparison) -> str:
    out = ["# What happened? — comparison of accounts", ""]
    out += [f"{_md_cell(x)}" for x in _intro(c)]
    out.append("")
    out.append("Articles: " + "; ".join(_md_cell(f"{a.outlet} ({a.published or 'undated'}): {a.title or a.id}")
                                        for a in c.articles))
    for title, header, rows, note in sections(c):
        out += ["", f"## {title}", ""]
        if note:
            out += [f"_{_md_cell(note)}_", ""]
        if not rows:
            out.append("(none found)")
            continue
        out.append("| " + " | ".join(_md_cell(h) for h in header) + " |")
        out.append("|" + "---|" * len(header))
        for row in rows:
            out.append("| " + " | ".join(_md_cell(x) for x in row) + " |")
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------- html
CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1200px;color:#1d1d1f;
padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid #ddd;padding:.35rem .5rem;
vertical-align:top;text-align:left}th{background:#f4f4f6}td div+div{margin-top:.25rem}
.bad{color:#b00020;font-weight:600}.note{color:#666;font-size:.85rem}.muted{color:#666}
@media print{body{margin:0;max-width:none}}
"""


def _h(s: str) -> str:
    return html.escape(s, quote=True)


def _cell_html(s: str) -> str:
    cls = ' class="bad"' if s in ("CONFLICT", "CONFLICTING DATES") else ""
    return f"<td{cls}>" + "".join(f"<div>{_h(x)}</div>" for x in s.split("\n")) + "</td>"


def to_html(c: Comparison) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
             "<title>What happened? — newsaudit compare</title>", f"<style>{CSS}</style></head><body>",
             "<h1>What happened? — comparison of accounts</h1>"]
    parts += [f"<p>{_h(x)}</p>" for x in _intro(c)]
    parts.append("<details><summary>Articles</summary><ul>")
    for a in c.articles:
        link = _h(a.title or a.id)
        if a.url and a.url.startswith(("http://", "https://")):
            link = f'<a href="{_h(a.url)}" rel="noopener noreferrer">{link}</a>'
        parts.append(f"<li>{_h(a.outlet)} <span class=\"muted\">({_h(a.published or 'undated')})</span>: {link}</li>")
    parts.append("</ul></details>")
    for title, header, rows, note in sections(c):
        parts.append(f"<section><h2>{_h(title)}</h2>")
        if note:
            parts.append(f'<p class="note">{_h(note)}</p>')
        if not rows:
            parts.append("<p class=\"muted\">(none found)</p></section>")
            continue
        parts.append("<table><thead><tr>" + "".join(f"<th>{_h(h)}</th>" for h in header) + "</tr></thead><tbody>")
        for row in rows:
            parts.append("<tr>" + "".join(_cell_html(x) for x in row) + "</tr>")
        parts.append("</tbody></table></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def to_json(c: Comparison) -> str:
    return json.dumps(c.to_dict(), ensure_ascii=False, indent=1, default=str)


RENDERERS: dict[str, Callable[[Comparison], str]] = {"markdown": to_markdown, "html": to_html, "json": to_json}


def contradiction_line(x: Contradiction) -> str:
    return f"{KIND_NAMES.get(x.kind, x.kind)}: {x.a.outlet} vs {x.b.outlet} — {x.why}"
