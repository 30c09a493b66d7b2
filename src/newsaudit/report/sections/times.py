"""Report section for the times layer: the timeline of dated sentences, durations, and time problems."""
from __future__ import annotations

from ..lines import LineIndex, md_escape, short

_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}


def _anchor(t) -> str:
    if t.anchor_source == "citation":
        return f"source {t.anchor}" + (f" [{t.citation}]" if t.citation is not None else "")
    if t.anchor_source == "publication":
        return f"published {t.anchor}"
    if t.anchor_source == "text":
        return f"date before it {t.anchor}"
    return t.anchor_source if t.anchor_source != "none" else ""


def _timeline_rows(d) -> list[tuple[str, str, str, str, str]]:
    """(line, value, expression, anchor, sentence) per timeline item."""
    idx = LineIndex(d.text)
    rows = []
    for item in d.timeline:
        if not 0 <= item.time < len(d.times):
            continue
        t = d.times[item.time]
        rows.append((str(idx.line(t.start)), item.value + (f" ({t.mod})" if t.mod else ""), t.text, _anchor(t), item.sentence))
    return rows


def _other_rows(d) -> list[tuple[str, str, str, str]]:
    """Durations, sets and vague references: (line, type, value, expression)."""
    idx = LineIndex(d.text)
    in_timeline = {i.time for i in d.timeline}
    return [(str(idx.line(t.start)), t.type, (t.value or "?") + (f" ({t.mod})" if t.mod else ""), t.text)
            for i, t in enumerate(d.times) if i not in in_timeline and t.section == "body"]


def _problems(d):
    return [p for p in d.problems if p.layer == "times"]


def _summary(d) -> str:
    body = sum(1 for t in d.times if t.section == "body")
    return (f"{len(d.times)} time expressions ({body} in the body), {len(d.timeline)} on the timeline, "
            f"{len(_problems(d))} problems; anchored to publication date {d.meta.published or 'unknown'}")


def render_terminal(d, console) -> None:
    from rich.table import Table

    if not d.times:
        console.print("[bold]Time[/bold]: no time expressions")
        return
    t = Table(title=f"Timeline — {_summary(d)}", title_justify="left")
    for col in ("line", "date", "expression", "anchor", "sentence"):
        t.add_column(col)
    for line, value, expr, anchor, sent in _timeline_rows(d):
        t.add_row(line, value, short(expr, 30), anchor, short(sent, 70))
    console.print(t)
    other = _other_rows(d)
    if other:
        o = Table(title="Durations, sets and vague times", title_justify="left")
        for col in ("line", "type", "value", "expression"):
            o.add_column(col)
        for row in other:
            o.add_row(row[0], row[1], row[2], short(row[3], 50))
        console.print(o)
    probs = _problems(d)
    if probs:
        idx = LineIndex(d.text)
        p = Table(title="Time problems", title_justify="left")
        for col in ("line", "severity", "kind", "text", "message"):
            p.add_column(col)
        for pr in probs:
            st = _STYLE.get(pr.severity, "white")
            p.add_row(str(idx.line(pr.start)), f"[{st}]{pr.severity}[/{st}]", pr.kind, short(pr.text, 30), pr.message)
        console.print(p)


def render_markdown(d) -> str:
    lines = ["## Time", ""]
    if not d.times:
        return "\n".join(lines + ["No time expressions."])
    lines += [_summary(d), ""]
    rows = _timeline_rows(d)
    if rows:
        lines += ["| line | date | expression | anchor | sentence |", "|---|---|---|---|---|"]
        lines += [f"| {a} | {v} | {md_escape(e)} | {md_escape(an)} | {md_escape(short(s, 120))} |" for a, v, e, an, s in rows]
    other = _other_rows(d)
    if other:
        lines += ["", "**Durations, sets and vague times**", "", "| line | type | value | expression |", "|---|---|---|---|"]
        lines += [f"| {a} | {ty} | {v} | {md_escape(e)} |" for a, ty, v, e in other]
    probs = _problems(d)
    if probs:
        idx = LineIndex(d.text)
        lines += ["", "**Time problems**", "", "| line | severity | kind | text | message |", "|---|---|---|---|---|"]
        lines += [f"| {idx.line(p.start)} | {p.severity} | `{p.kind}` | {md_escape(short(p.text, 40))} | {md_escape(p.message)} |"
                  for p in probs]
    return "\n".join(lines)
