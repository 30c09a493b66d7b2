"""Report section for the quotes layer: who said what, to whom, on which source; voices; non-speech marks."""
from __future__ import annotations

from ..lines import LineIndex, md_escape, short

MAX_ROWS = 80
WEAK_NOTE = "* weak cue: a verb of belief, stance or perception rather than speech (not counted in Voices)."


def speaker_label(q) -> str:
    sp = q.speaker
    if sp is None:
        return "—"
    if sp.resolved_from in ("pronoun", "role") and sp.name:
        return f"{sp.name} (“{sp.text}”)"
    if sp.resolved_from == "unresolved":
        return f"“{sp.text}” (unresolved)"
    return sp.name or sp.text


def citation_label(q) -> str:
    out = []
    for c in q.citations:
        s = f"[{c.number}]"
        if c.status != "ok":
            s += f" {c.status.replace('_', ' ')}"
        elif c.entry is not None and c.entry != c.number:
            s += f" → [{c.entry}]"
        out.append(s)
    return ", ".join(out) or "—"


def via_label(q) -> str:
    return ", ".join(v.text for v in q.via) or ""


def kind_label(q) -> str:
    return q.kind + ("*" if "weak_cue" in q.flags else "")


def _rows(dossier):
    for q in dossier.quotes:
        cue = q.cue.text if q.cue else ""
        if q.addressee is not None:
            cue = f"{cue} → {q.addressee.text}"
        yield q, speaker_label(q), cue, via_label(q), citation_label(q)


def render_terminal(dossier, console) -> None:
    from rich.table import Table

    console.rule("Quotes and attributions")
    if not dossier.quotes:
        console.print("No quotes or attributions found.")
    else:
        lines = LineIndex(dossier.text)
        table = Table(expand=True)
        for col, kw in (("line", {"justify": "right", "no_wrap": True}), ("kind", {"no_wrap": True}), ("speaker", {"ratio": 2}),
                        ("cue → to", {"ratio": 2}), ("via", {"ratio": 1}), ("content", {"ratio": 5}), ("cites", {"ratio": 2})):
            table.add_column(col, **kw)
        rows = list(_rows(dossier))
        for q, spk, cue, via, cites in rows[:MAX_ROWS]:
            table.add_row(str(lines.line(q.start)), kind_label(q), spk, cue, via, short(q.content.text, 110), cites)
        console.print(table)
        if any("weak_cue" in q.flags for q in dossier.quotes):
            console.print(WEAK_NOTE)
        if len(rows) > MAX_ROWS:
            console.print(f"… and {len(rows) - MAX_ROWS} more (see the JSON dossier).")
    if dossier.voices:
        vt = Table(title="Voices", expand=False)
        for col in ("speaker", "quotes", "attributions", "words quoted", "cues", "on a resolvable citation"):
            vt.add_column(col)
        for v in dossier.voices:
            vt.add_row(v.speaker, str(v.quotes), str(v.attributions), str(v.words_quoted), ", ".join(v.cues), str(v.cited))
        console.print(vt)
    if dossier.non_speech_quotes:
        console.print("Quote marks that are not speech: " + "; ".join(
            f"“{short(n.content.text, 50)}” ({n.kind.replace('_', ' ')})" for n in dossier.non_speech_quotes))


def render_markdown(dossier) -> str:
    out = ["## Quotes and attributions", ""]
    if not dossier.quotes:
        out.append("No quotes or attributions found.")
    else:
        lines = LineIndex(dossier.text)
        out += ["| line | kind | speaker | cue → to | via | content | cites |", "|---:|---|---|---|---|---|---|"]
        rows = list(_rows(dossier))
        for q, spk, cue, via, cites in rows[:MAX_ROWS]:
            out.append(f"| {lines.line(q.start)} | {kind_label(q)} | {md_escape(spk)} | {md_escape(cue)} | {md_escape(via)} | "
                       f"{md_escape(short(q.content.text, 120))} | {md_escape(cites)} |")
        if any("weak_cue" in q.flags for q in dossier.quotes):
            out.append(f"\n{WEAK_NOTE}")
        if len(rows) > MAX_ROWS:
            out.append(f"\n… and {len(rows) - MAX_ROWS} more (see the JSON dossier).")
    if dossier.voices:
        out += ["", "### Voices", "", "| speaker | quotes | attributions | words quoted | cues | on a resolvable citation |",
                "|---|---:|---:|---:|---|---:|"]
        for v in dossier.voices:
            out.append(f"| {md_escape(v.speaker)} | {v.quotes} | {v.attributions} | {v.words_quoted} | "
                       f"{md_escape(', '.join(v.cues))} | {v.cited} |")
    if dossier.non_speech_quotes:
        out += ["", "Quote marks that are not speech: " + "; ".join(
            f"“{md_escape(short(n.content.text, 60))}” ({n.kind.replace('_', ' ')})" for n in dossier.non_speech_quotes) + "."]
    return "\n".join(out) + "\n"
