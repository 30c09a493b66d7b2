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
    rows, other = [], []
    for line in c.numbers:
        cells = []
        for v in line.values:
            who = "; ".join(f"{r.outlet} [{r.source or 'no source named'}, {_when(r)}]" for r in v.refs)
            cells.append(f"{v.label} — {v.accounts} independent account(s), {len(v.refs)} article(s): {who}")
        for rv in line.revisions:
            cells.append(f"update by {rv.party}: " + " → ".join(f"{lab} ({d or 'undated'})" for d, lab, _ in rv.steps))
        what = f"{event_name(line.event).split(' /')[0]} — {line.counted}"
        if line.scope is not None:
            other.append([what, line.scope, "\n".join(cells)])
        else:
            rows.append([what, "CONFLICT" if line.conflict else "agree", "\n".join(cells)])
    out.append(("Numbers", ["counted", "status", "values reported: outlet [on whose word, published]"], rows,
                "each value once per article; copies of one wire story are one account; a party raising its own "
                "figure over days is an update, not a conflict"))
    out.append(("Numbers about other events", ["counted", "why it is another event", "values"], other,
                "counts of other events or running totals mentioned in passing; never part of the event's toll"))
    rows = [[acc.label, str(len(acc.articles)), ", ".join(acc.outlets)] for acc in c.accounts if len(acc.articles) > 1]
    out.append(("Copies of one story", ["account", "articles", "outlets"], rows,
                f"{len(c.accounts)} independent account(s) among {len(c.articles)} article(s): near-identical "
                "bodies (word shingles, MinHash) are one account"))
    rows = []
    for d in c.disputes:
        den = "\n".join(f"{r.outlet} ({_when(r)}): {_short(r.text, 160)}" for r in d.denials[:6])
        acc = "\n".join(f"{r.outlet} ({_when(r)}), {_who(r)}: {_short(r.text, 160)}" for r in d.accusations[:6])
        more = len(d.accusations) - 6
        if more > 0:
            acc += f"\n… and {more} more"
        rows.append([f"{d.denier} denies that {d.actor} {d.act}", den, acc,
                     f"{d.similarity:.2f}" + (f"; says instead: {d.alternative}" if d.alternative else "")])
    out.append(("What is disputed", ["denial", "where it is denied", "the accounts it denies (on whose word)",
                                     "best similarity; the other version"], rows,
                "a denial is paired with statements naming the same actor and act, never with a statement that "
                "is itself negated; similarity is the TF-IDF cosine of the closest pair"))
    points = sorted({p for cells in c.sides.values() for p in cells})
    rows = [[who] + [_side_cell(cells.get(p)) for p in points] for who, cells in
            sorted(c.sides.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    out.append(("Who says what", ["voice"] + points, rows, "cells: what the voice says on each point, and the outlets "
                                                           "carrying it"))
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


def _side_cell(cell) -> str:
    if cell is None:
        return ""
    outlets = sorted({r.outlet for r in cell.refs})
    return f"{cell.stance} ({', '.join(outlets[:4])}{' …' if len(outlets) > 4 else ''})"


def what_happened(c: Comparison) -> list[tuple[str, list[str]]]:
    """The summary block as (plain-language heading, lines)."""
    s = c.summary or {}
    ev = s.get("event") or {}
    out = []
    bits = [x for x in (ev.get("what"), f"at {ev['where']}" if ev.get("where") else None,
                        f"on {ev['when']}" if ev.get("when") else None) if x]
    out.append(("The event", [" ".join(bits) or "not identified"] + ([ev["disputed"]] if ev.get("disputed") else []) + [
                              f"{ev.get('articles', len(c.articles))} articles, "
                              f"{ev.get('accounts', len(c.articles))} independent accounts"]))
    lines = []
    for a in s.get("agreed", []):
        line = f"{a['fact']} — {a['accounts']} independent account(s) in {a['articles']} article(s); " \
               f"on the word of {', '.join(a['sources'][:6])}"
        if a.get("earlier"):
            line += f" (earlier figures: {', '.join(a['earlier'])})"
        if a.get("conflict"):
            line += " — but some reports conflict (see Numbers)"
        lines.append(line)
    out.append(("What independent accounts agree on", lines or ["nothing found"]))
    lines = [f"{d['point']}? Says so: {', '.join(d['says'][:8])}. Denies it: {d['denies']}"
             + (f", who says {d['instead']}" if d.get("instead") else "") for d in s.get("disputed", [])]
    out.append(("What is disputed", lines or ["no denial paired with an accusation"]))
    lines = [f"{t['party']}: " + " → ".join(f"{lab} ({d or 'undated'})" for d, lab in t["steps"])
             for t in s.get("toll_over_time", [])]
    out.append(("The toll as reported over time", lines or ["no revisions found"]))
    lines = [f"{o['claim']} — only the {o['side']} ({', '.join(o['sources'])})" for o in s.get("one_side", [])]
    out.append(("Claims only one side makes", lines or ["none found"]))
    return out


def _intro(c: Comparison) -> list[str]:
    lines = [f"{len(c.articles)} article(s) from {len(c.outlets)} outlet(s): {c.event}."]
    from .facts import LAYER_TABLES

    src = ", ".join(f"{k} from {'the ' + LAYER_TABLES.get(k, k) + ' layer' if v == 'layer' else v}"
                    for k, v in sorted(c.sources.items()))
    if src:
        lines.append(f"How facts were read: {src}.")
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
    for head, lines in what_happened(c):
        console.print(f"[bold]{escape(head)}[/bold]")
        for line in lines:
            console.print("  " + escape(line))
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
    for head, lines in what_happened(c):
        out += [f"**{_md_cell(head)}**", ""] + [f"- {_md_cell(x)}" for x in lines] + [""]
    out += [f"{_md_cell(x)}" for x in _intro(c)]
    out += ["", "## Articles", ""]
    for a in c.articles:
        label = _md_cell(f"{a.outlet} ({a.published or 'undated'}): {a.title or a.id}")
        url = a.url or ""
        safe = url.startswith(("http://", "https://")) and not any(ch in url for ch in " ()<>[]\"'\\")
        out.append(f"- [{label}]({url})" if safe else f"- {label}")
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
    parts.append('<section class="summary">')
    for head, lines in what_happened(c):
        parts.append(f"<h3>{_h(head)}</h3><ul>" + "".join(f"<li>{_h(x)}</li>" for x in lines) + "</ul>")
    parts.append("</section>")
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
