"""Report section for the structure layer: title, byline, headings, and what was kept out of the body."""
from __future__ import annotations

from ..lines import LineIndex, md_escape, short


def _rows(d) -> list[tuple[str, str, str]]:
    """(part, line, text) rows in reading order."""
    s = d.structure
    idx = LineIndex(d.text)
    rows: list[tuple[int, str, str, str]] = []
    if s.title is not None:
        rows.append((s.title.start, "title", str(idx.line(s.title.start)), s.title.text))
    if s.subtitle is not None:
        rows.append((s.subtitle.start, "subtitle", str(idx.line(s.subtitle.start)), s.subtitle.text))
    if s.byline is not None:
        b = s.byline
        who = ", ".join(b.author_names) or "no author named"
        when = b.published or (b.date.text if b.date else "no date")
        rows.append((b.start, f"byline ({b.position})", str(idx.line(b.start)), f"{who} — {when}"))
    for h in s.headings:
        rows.append((h.start, "heading" + (" (question)" if h.is_question else ""), str(idx.line(h.start)), h.text))
    body_at = s.paragraphs[0].start if s.paragraphs else len(d.text)
    rows.append((body_at, "body", "", f"{len(s.paragraphs)} paragraphs, {sum(len(p.text.split()) for p in s.paragraphs)} words"))
    if s.references is not None:
        r = s.references
        rows.append((r.start, "references", f"{idx.line(r.start)}–{idx.line(r.end)}", f"{len(d.citations.entries)} entries"))
    for n in s.notes:
        rows.append((n.start, "note", str(idx.line(n.start)), n.text))
    for b in s.boilerplate:
        rows.append((b.start, "boilerplate", f"{idx.line(b.start)}–{idx.line(b.end)}", b.text))
    rows.sort(key=lambda r: r[0])
    return [r[1:] for r in rows]


def render_terminal(d, console) -> None:
    from rich.table import Table

    t = Table(title="Structure", title_justify="left")
    for col in ("part", "line", "text"):
        t.add_column(col)
    for part, line, text in _rows(d):
        t.add_row(part, line, short(text, 70))
    console.print(t)


def render_markdown(d) -> str:
    lines = ["## Structure", "", "| part | line | text |", "|---|---|---|"]
    lines += [f"| {part} | {line} | {md_escape(short(text, 90))} |" for part, line, text in _rows(d)]
    return "\n".join(lines)
