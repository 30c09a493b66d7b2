"""Report section for the entities layer: who and what the article names, with roles and name problems."""
from __future__ import annotations

from ..lines import LineIndex, md_escape, short

ENTITY_PROBLEMS = ("spelling_variant", "ambiguous_mention")
_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")


def _rows(d):
    order = {t: i for i, t in enumerate(_ORDER)}
    ents = sorted(d.entities, key=lambda e: (order.get(e.type, 99), -len(e.mentions), e.mentions[0].start if e.mentions else 0))
    for e in ents:
        flags = []
        if e.ambiguous:
            flags.append("ambiguous")
        if e.variants:
            flags.append("variants: " + ", ".join(e.variants))
        yield (e.id, e.type, e.canonical, str(len(e.mentions)), ", ".join(e.aliases), "; ".join(r.text for r in e.roles), "; ".join(flags))


def _problems(d):
    return [p for p in d.problems if p.kind in ENTITY_PROBLEMS]


def render_terminal(d, console) -> None:
    from rich.table import Table

    t = Table(title=f"Entities ({len(d.entities)})", title_justify="left")
    for col in ("id", "type", "name", "mentions", "also", "roles", "flags"):
        t.add_column(col)
    for row in _rows(d):
        t.add_row(*(short(x, 40) for x in row))
    console.print(t)
    idx = LineIndex(d.text)
    for p in _problems(d):
        console.print(f"[yellow]{p.kind}[/yellow] line {idx.line(p.start)}: {p.message}")


def render_markdown(d) -> str:
    lines = [f"## Entities ({len(d.entities)})", ""]
    if not d.entities:
        lines.append("None found.")
        return "\n".join(lines)
    lines += ["| id | type | name | mentions | also | roles | flags |", "|---|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(md_escape(x) for x in row) + " |" for row in _rows(d)]
    probs = _problems(d)
    if probs:
        idx = LineIndex(d.text)
        lines += ["", "**Name problems**", ""]
        lines += [f"- line {idx.line(p.start)} `{p.kind}`: {md_escape(p.message)}" for p in probs]
    return "\n".join(lines)
