"""Report section for the quantities layer: every counted quantity, and counts that disagree."""
from __future__ import annotations

from ..lines import LineIndex, md_escape, short


def _num(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _range(q) -> str:
    if q.value is not None and q.low == q.value and q.high == q.value:
        return _num(q.value)
    lo = _num(q.low) if q.low is not None else ""
    hi = _num(q.high) if q.high is not None else ""
    if q.low is not None and q.high is None:
        return f"≥ {lo}"
    if q.low in (None, 0.0) and q.high is not None:
        return f"≤ {hi}"
    return f"{lo}–{hi}"


def _rows(d) -> list[tuple[str, ...]]:
    idx = LineIndex(d.text)
    rows = []
    for q in d.quantities:
        where = ", ".join(x for x in (q.place, q.date) if x) or "—"
        rows.append((str(idx.line(q.start)), q.text, _range(q), q.counted or "—", q.event, where))
    return rows


def _mismatches(d):
    return [p for p in d.problems if p.kind == "count_mismatch"]


def render_terminal(d, console) -> None:
    from rich.table import Table

    t = Table(title=f"Counted quantities ({len(d.quantities)})", title_justify="left")
    for col in ("line", "as written", "value", "counted", "event", "where / when"):
        t.add_column(col)
    for line, text, val, counted, event, where in _rows(d):
        t.add_row(line, short(text, 40), val, counted, event, short(where, 30))
    console.print(t)
    idx = LineIndex(d.text)
    for p in _mismatches(d):
        spans = " vs ".join(f"'{short(r.text, 30)}' (line {idx.line(r.start)})" for r in p.related)
        console.print(f"[yellow]count mismatch[/yellow] {p.details.get('event', '')}: {spans}")


def render_markdown(d) -> str:
    lines = [f"## Counted quantities ({len(d.quantities)})", ""]
    rows = _rows(d)
    if rows:
        lines += ["| line | as written | value | counted | event | where / when |", "|---|---|---|---|---|---|"]
        lines += ["| " + " | ".join(md_escape(short(c, 60)) for c in r) + " |" for r in rows]
    else:
        lines.append("None found.")
    mm = _mismatches(d)
    if mm:
        idx = LineIndex(d.text)
        lines += ["", "**Counts that disagree**", ""]
        for p in mm:
            spans = " vs ".join(f"`{md_escape(short(r.text, 40))}` (line {idx.line(r.start)})" for r in p.related)
            lines.append(f"- {p.details.get('event', '')} {md_escape(p.details.get('counted') or '')}: {spans}")
    return "\n".join(lines)
