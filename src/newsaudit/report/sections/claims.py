"""Report section for the claims layer: the sourcing summary, check-worthy claims, unsourced assertions."""
from __future__ import annotations

from ..lines import LineIndex, md_escape, short

STATUSES = ("cited", "cited_broken", "attributed", "unsourced")
LABELS = {"cited": "cited (resolvable source)", "cited_broken": "cited, broken citation",
          "attributed": "attributed, no citation", "unsourced": "unsourced (author's own)"}


def _holder(c) -> str:
    if c.holder.kind == "author":
        return "author" + (f" ({c.holder.name})" if c.holder.name else "")
    return c.holder.name or "unnamed source"


def _summary_rows(d) -> list[tuple[str, str, str]]:
    s = d.sourcing
    return [(LABELS[k], str(s.counts.get(k, 0)), f"{100 * s.shares.get(k, 0.0):.0f} %") for k in STATUSES]


def _checkworthy(d):
    return [(i, c) for i, c in enumerate(d.claims) if c.checkworthy]


def _unsourced(d):
    return [d.claims[i] for i in d.sourcing.unsourced if 0 <= i < len(d.claims)]


def _cites(c) -> str:
    return " ".join(f"[{n}]" for n in c.citations)


def render_terminal(d, console) -> None:
    from rich.table import Table

    console.print(f"[bold]Claims and sourcing[/bold]: {d.sourcing.checkworthy} check-worthy claims among {len(d.claims)} sentences")
    t = Table(title="Sourcing", title_justify="left")
    for col in ("status", "claims", "share"):
        t.add_column(col)
    for row in _summary_rows(d):
        t.add_row(*row)
    console.print(t)
    idx = LineIndex(d.text)
    t = Table(title="Check-worthy claims", title_justify="left")
    for col in ("line", "score", "sourcing", "holder", "certainty", "claim"):
        t.add_column(col)
    for _, c in _checkworthy(d):
        t.add_row(str(idx.line(c.start)), f"{c.score:.2f}", f"{c.sourcing} {_cites(c)}".strip(), short(_holder(c), 25),
                  c.certainty, short(c.text, 60))
    console.print(t)
    uns = _unsourced(d)
    if uns:
        console.print(f"[bold]Unsourced assertions ({len(uns)})[/bold]")
        for c in uns:
            console.print(f"  line {idx.line(c.start)}: {short(c.text, 90)}")
    hedged = [c for c in d.claims if c.hedges]
    if hedged:
        console.print(f"[bold]Hedged ({len(hedged)})[/bold]")
        for c in hedged:
            console.print(f"  line {idx.line(c.start)}: {', '.join(repr(h.text) for h in c.hedges)} — {c.certainty} certainty")


def render_markdown(d) -> str:
    idx = LineIndex(d.text)
    lines = [f"## Claims and sourcing", "",
             f"{d.sourcing.checkworthy} check-worthy claims among {len(d.claims)} sentences.", "",
             "| sourcing | claims | share |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in _summary_rows(d)]
    cw = _checkworthy(d)
    if cw:
        lines += ["", "### Check-worthy claims", "", "| line | score | sourcing | holder | certainty | claim |",
                  "|---|---|---|---|---|---|"]
        for _, c in cw:
            lines.append(f"| {idx.line(c.start)} | {c.score:.2f} | {c.sourcing} {_cites(c)} | {md_escape(short(_holder(c), 40))} "
                         f"| {c.certainty} | {md_escape(short(c.text, 120))} |")
    uns = _unsourced(d)
    lines += ["", f"### Unsourced assertions ({len(uns)})", ""]
    lines += [f"- line {idx.line(c.start)}: {md_escape(c.text)}" for c in uns] or ["None."]
    hedged = [c for c in d.claims if c.hedges]
    if hedged:
        lines += ["", "### Hedged", ""]
        lines += [f"- line {idx.line(c.start)}: " + ", ".join(f"`{md_escape(h.text)}`" for h in c.hedges) + f" ({c.certainty} certainty)"
                  for c in hedged]
    return "\n".join(lines)
