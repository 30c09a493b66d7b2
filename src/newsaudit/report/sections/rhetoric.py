"""Report section for the rhetoric layer: propaganda techniques and rhetorical devices, in text order."""
from __future__ import annotations

from collections import Counter

from ..lines import LineIndex, md_escape, short

MAX_ROWS = 60
# Display threshold: weaker findings stay in the JSON dossier.  Chosen so that neutral reporting raises at most
# 0.5 default-shown findings per 1,000 words (`newsaudit evaluate false-alarms ../shared/benchmarks`: PolNeAr wire
# stories + MEANTIME, 81k words: 7.56 at 0.4, 2.09 at 0.5, 0.87 at 0.6, 0.43 at 0.7, 0.07 at 0.8).
MIN_SCORE = 0.7


def _label(technique: str) -> str:
    return technique.replace("_", " ").replace(",", ", ")


def _rows(dossier):
    return [r for r in dossier.rhetoric if r.score >= MIN_SCORE]


def _weaker(dossier) -> str:
    n = sum(1 for r in dossier.rhetoric if r.score < MIN_SCORE)
    return f"; {n} weaker finding{'s' if n != 1 else ''} (score < {MIN_SCORE}) only in the JSON dossier" if n else ""


def summary(dossier) -> list[tuple[str, int]]:
    """(technique, count) pairs, most frequent first."""
    return Counter(r.technique for r in _rows(dossier)).most_common()


def render_terminal(dossier, console) -> None:
    from rich.table import Table

    rows = _rows(dossier)
    console.rule("Rhetoric")
    if not rows:
        console.print("No propaganda techniques or rhetorical devices found" + _weaker(dossier) + ".")
        return
    console.print("Techniques: " + "; ".join(f"{_label(t)} ×{n}" for t, n in summary(dossier)))
    lines = LineIndex(dossier.text)
    table = Table(show_lines=False, expand=True)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("technique", no_wrap=True)
    table.add_column("text", ratio=3)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("why", ratio=4)
    for r in rows[:MAX_ROWS]:
        table.add_row(str(lines.line(r.start)), _label(r.technique), short(r.text, 70), f"{r.score:.2f}", short(r.reason, 140))
    console.print(table)
    if len(rows) > MAX_ROWS:
        console.print(f"… and {len(rows) - MAX_ROWS} more (see the JSON dossier).")
    if _weaker(dossier):
        console.print(_weaker(dossier).strip("; ").capitalize() + ".")


def render_markdown(dossier) -> str:
    rows = _rows(dossier)
    out = ["## Rhetoric", ""]
    if not rows:
        out.append("No propaganda techniques or rhetorical devices found" + _weaker(dossier) + ".")
        return "\n".join(out) + "\n"
    out.append("Techniques: " + "; ".join(f"{_label(t)} ×{n}" for t, n in summary(dossier)) + ".")
    out += ["", "| line | technique | text | score | why |", "|---:|---|---|---:|---|"]
    lines = LineIndex(dossier.text)
    for r in rows[:MAX_ROWS]:
        out.append(f"| {lines.line(r.start)} | {md_escape(_label(r.technique))} | {md_escape(short(r.text, 90))} | "
                   f"{r.score:.2f} | {md_escape(short(r.reason, 160))} |")
    if len(rows) > MAX_ROWS:
        out.append(f"\n… and {len(rows) - MAX_ROWS} more (see the JSON dossier).")
    if _weaker(dossier):
        out.append("\n" + _weaker(dossier).strip("; ").capitalize() + ".")
    return "\n".join(out) + "\n"
