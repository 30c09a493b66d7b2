"""Report section for the citations layer: the reference list as parsed, and citation problems."""
from __future__ import annotations

from ..lines import LineIndex, md_escape, short

_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}


def _entry_rows(d) -> list[tuple[str, str, str, str, str]]:
    """(number, cited, source, date, note) per entry."""
    c = d.citations
    cited: dict[int, int] = {}
    for m in c.markers:
        cited[m.number] = cited.get(m.number, 0) + 1
    rows = []
    for e in c.entries:
        src = e.source
        if e.is_ibid:
            note = f"ibid → [{e.ibid_of}]" if e.ibid_of is not None else "ibid, unresolvable"
        else:
            note = e.url or ""
        if src is None:
            desc = "—"
        else:
            desc = " — ".join(x for x in (", ".join(src.authors), src.title, src.publisher) if x) or short(e.text, 60)
        rows.append((f"[{e.number}]", str(cited.get(e.number, 0)), desc, (src.date if src else None) or "", note))
    return rows


def _summary(d) -> str:
    c = d.citations
    nums = sorted({m.number for m in c.markers})
    return f"{len(c.markers)} markers ({len(nums)} numbers), {len(c.entries)} entries, {len(c.problems)} problems"


def render_terminal(d, console) -> None:
    from rich.table import Table

    c = d.citations
    if not c.markers and not c.entries:
        console.print("[bold]Citations[/bold]: none")
        return
    t = Table(title=f"Citations — {_summary(d)}", title_justify="left")
    for col in ("entry", "cited", "source", "date", "note"):
        t.add_column(col)
    for row in _entry_rows(d):
        t.add_row(row[0], row[1], short(row[2], 60), row[3], short(row[4], 30))
    console.print(t)
    if c.problems:
        idx = LineIndex(d.text)
        p = Table(title="Citation problems", title_justify="left")
        for col in ("line", "severity", "kind", "message"):
            p.add_column(col)
        for pr in c.problems:
            st = _STYLE.get(pr.severity, "white")
            p.add_row(str(idx.line(pr.start)), f"[{st}]{pr.severity}[/{st}]", pr.kind, pr.message)
        console.print(p)


def render_markdown(d) -> str:
    c = d.citations
    lines = ["## Citations", ""]
    if not c.markers and not c.entries:
        return "\n".join(lines + ["None."])
    lines += [_summary(d), "", "| entry | cited | source | date | note |", "|---|---|---|---|---|"]
    lines += [f"| {a} | {b} | {md_escape(short(s, 100))} | {dt} | {md_escape(n)} |" for a, b, s, dt, n in _entry_rows(d)]
    if c.problems:
        idx = LineIndex(d.text)
        lines += ["", "**Citation problems**", "", "| line | severity | kind | message |", "|---|---|---|---|"]
        lines += [f"| {idx.line(p.start)} | {p.severity} | `{p.kind}` | {md_escape(p.message)} |" for p in c.problems]
    return "\n".join(lines)
