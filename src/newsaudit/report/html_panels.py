"""The side panels of the HTML report (overview, problems, citations, voices, timeline, numbers,
sourcing, rhetoric) and the small formatting helpers they share with the page.
"""
from __future__ import annotations

from collections import Counter
from html import escape

from .charts import hbar_chart, stacked_bar, timeline_chart


SOURCING_COLOURS = (("cited", "#009E73"), ("cited_broken", "#E69F00"), ("attributed", "#0072B2"), ("unsourced", "#D55E00"))


def _e(s: object) -> str:
    return escape("" if s is None else str(s), quote=True)


def _fmt_source(s) -> str:
    if s is None:
        return "—"
    bits = []
    if s.authors:
        bits.append(", ".join(s.authors))
    if s.title:
        bits.append(f"“{s.title}”")
    if s.publisher:
        bits.append(s.publisher)
    if s.date:
        bits.append(s.date)
    if s.url:
        bits.append(s.url)
    return ". ".join(bits) or "—"


def _speaker_key(q) -> str | None:
    sp = q.speaker
    if sp is None:
        return None
    return sp.name or sp.text or None


def speaker_colours(d) -> dict[str, int]:
    """Speaker display name → palette index (voices order first, then order of appearance)."""
    idx: dict[str, int] = {}
    for v in d.voices:
        idx.setdefault(v.speaker, len(idx))
    for q in d.quotes:
        k = _speaker_key(q)
        if k:
            idx.setdefault(k, len(idx))
    return idx


def _num(v) -> str | None:
    if v is None:
        return None
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


# ---------------------------------------------------------------- panels


def _goto(fid: str, label: str) -> str:
    return f'<a class="goto" href="#f-{_e(fid)}" data-goto="{_e(fid)}">{_e(label)}</a>'


def _clip(s: str, n: int = 90) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _panel(pid: str, title: str, body: str, open_: bool = True) -> str:
    return f'<details id="panel-{pid}" class="panel"{" open" if open_ else ""}><summary>{_e(title)}</summary>{body}</details>'


def _table(head: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    """``rows`` hold already-escaped HTML cells."""
    if not rows:
        return '<p class="small">None found.</p>'
    th = "".join(f'<th{" class=n" if i in numeric else ""}>{_e(h)}</th>' for i, h in enumerate(head))
    trs = "".join("<tr>" + "".join(f'<td{" class=n" if i in numeric else ""}>{c}</td>' for i, c in enumerate(r)) + "</tr>"
                  for r in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table>"


def _panel_overview(d) -> str:
    m = d.meta
    facts = [("Title", m.title), ("Authors", ", ".join(m.authors)), ("Published", m.published), ("Site", m.site),
             ("URL", m.url), ("Language", m.language), ("Format", m.source_format), ("Words", len(d.text.split())),
             ("Quotes", len(d.quotes)), ("Citation markers", len(d.citations.markers)),
             ("Reference entries", len(d.citations.entries)), ("Claims", len(d.claims)),
             ("Problems", len(d.all_problems())), ("Model", m.model), ("newsaudit", m.newsaudit_version)]
    rows = [[_e(k), _e(v)] for k, v in facts if v not in (None, "")]
    warn = "".join(f'<p class="warn">{_e(w.code)}: {_e(w.message)}</p>' for w in m.warnings)
    return _panel("overview", "Overview", _table(["", ""], rows) + warn)


def _panel_problems(d) -> str:
    probs = d.all_problems()
    rows = [[f'<span class="sev-{_e(p.severity)}">{_e(p.severity)}</span>', _e(p.kind), _goto(f"p{i}", _clip(p.text, 40) or "(here)"),
             _e(p.message)] for i, p in enumerate(probs)]
    return _panel("problems", f"Problems ({len(probs)})", _table(["severity", "kind", "where", "message"], rows))


def _panel_citations(d) -> str:
    c = d.citations
    items = []
    for e in c.entries:
        extra = ""
        if e.is_ibid:
            extra = (f' <span class="small">→ ibid of entry {e.ibid_of}: {_e(_fmt_source(e.source))}</span>' if e.ibid_of is not None
                     else ' <span class="small sev-warning">→ ibid that resolves to nothing</span>')
        used = sum(1 for m in c.markers if m.number == e.number)
        items.append(f'<li>{_e(" ".join(e.text.split()))}{extra} <span class="small">({used}× cited)</span></li>')
    refs = f'<ul class="refs">{"".join(items)}</ul>' if items else '<p class="small">No reference list found.</p>'
    broken = [(i, m) for i, m in enumerate(c.markers) if c.entry(m.number) is None]
    summary = (f'<p class="small">{len(c.markers)} markers, {len(c.entries)} entries, '
               f'{sum(1 for e in c.entries if e.is_ibid)} ibid entries, {len(broken)} markers without an entry.</p>')
    probs = [[_e(p.kind), _goto(f"p{d.all_problems().index(p)}", _clip(p.text, 30) or "(here)"), _e(p.message)] for p in c.problems]
    return _panel("citations", "Citation integrity", summary + refs + "<h4>Problems</h4>" + _table(["kind", "where", "message"], probs))


def _panel_voices(d) -> str:
    voices = list(d.voices)
    if not voices and d.quotes:  # the quotes layer gave no voices table: count the quotes ourselves
        agg: dict[str, dict[str, int]] = {}
        for q in d.quotes:
            k = _speaker_key(q) or "(unknown)"
            a = agg.setdefault(k, {"quotes": 0, "attributions": 0, "cited": 0, "words": 0})
            a["attributions" if q.kind == "indirect" else "quotes"] += 1
            a["cited"] += 1 if any(c.status == "ok" for c in q.citations) else 0
            a["words"] += len(q.content.text.split())
        from ..dossier import Voice

        voices = [Voice(speaker=k, quotes=v["quotes"], attributions=v["attributions"], cited=v["cited"], words_quoted=v["words"])
                  for k, v in agg.items()]
    colours = speaker_colours(d)
    voices.sort(key=lambda v: -(v.quotes + v.attributions))
    rows = []
    for v in voices:
        sw = colours.get(v.speaker)
        swatch = f'<span class="sw L-quotes sp{sw % 10}">&nbsp;&nbsp;</span> ' if sw is not None else ""
        rows.append([swatch + _e(v.speaker), str(v.quotes), str(v.attributions), str(v.words_quoted), str(v.cited),
                     _e(", ".join(v.cues))])
    chart = hbar_chart([(v.speaker, [min(v.cited, v.quotes + v.attributions), max(v.quotes + v.attributions - v.cited, 0)])
                        for v in voices], [("cited", "#009E73"), ("not cited", "#D55E00")], title="Quotes per speaker")
    table = _table(["speaker", "quotes", "indirect", "words", "cited", "cues"], rows, {1, 2, 3, 4})
    return _panel("voices", f"Voices ({len(voices)})", (chart if voices else "") + table)


def _panel_timeline(d) -> str:
    items = list(d.timeline)
    if items:
        points = [(it.value, it.sentence) for it in items]
        rows = [[_e(it.value), _goto(f"t{it.time}", _clip(it.sentence, 110))] for it in sorted(items, key=lambda x: x.value)]
    else:
        dated = [(i, t) for i, t in enumerate(d.times) if t.type == "DATE" and t.value]
        points = [(t.value, t.text) for _, t in dated]
        rows = [[_e(t.value), _goto(f"t{i}", _clip(t.text, 110))] for i, t in sorted(dated, key=lambda x: x[1].value)]
    return _panel("timeline", f"Timeline ({len(rows)})",
                  (timeline_chart(points, title="Dates mentioned") if rows else "") + _table(["date", "where"], rows))


def _panel_numbers(d) -> str:
    rows = []
    for i, q in enumerate(d.quantities):
        val = f"{_num(q.low)}–{_num(q.high)}" if (q.low is not None or q.high is not None) else (_num(q.value) or "—")
        rows.append([_goto(f"n{i}", _clip(q.number.text, 20)), _e(((q.modifier + " ") if q.modifier else "") + val),
                     _e(q.counted or ""), _e(q.event), _e(q.place or ""), _e(q.date or "")])
    return _panel("numbers", f"Numbers ({len(rows)})", _table(["number", "value", "counted", "event", "place", "date"], rows))


def _panel_sourcing(d) -> str:
    counts = Counter(d.sourcing.counts) if d.sourcing.counts else Counter(c.sourcing for c in d.claims if c.checkworthy)
    parts = [(name.replace("_", " "), counts.get(name, 0), col) for name, col in SOURCING_COLOURS
             if counts.get(name, 0) or name != "cited_broken"]
    body = stacked_bar(parts, title="Sourcing of check-worthy claims") if sum(counts.values()) else '<p class="small">No check-worthy claims found.</p>'
    unsourced_idx = d.sourcing.unsourced or [i for i, c in enumerate(d.claims) if c.checkworthy and c.sourcing == "unsourced"]
    rows = [[_goto(f"c{i}", _clip(d.claims[i].text, 120)), f"{d.claims[i].score:.2f}"] for i in unsourced_idx if 0 <= i < len(d.claims)]
    if rows:
        body += "<h4>Unsourced check-worthy claims</h4>" + _table(["claim", "score"], rows, {1})
    total = d.sourcing.checkworthy or sum(counts.values())
    return _panel("sourcing", f"Sourcing ({total} check-worthy claims)", body)


def _panel_rhetoric(d) -> str:
    from .sections.rhetoric import MIN_SCORE

    shown = [(i, r) for i, r in enumerate(d.rhetoric) if r.score >= MIN_SCORE]
    held = len(d.rhetoric) - len(shown)
    counts = Counter(r.technique for _, r in shown)
    chart = hbar_chart([(t.replace("_", " "), [n]) for t, n in counts.most_common()], [("spans", "#CC79A7")],
                       title="Rhetoric by technique") if counts else ""
    rows = [[_e(r.technique.replace("_", " ")), _goto(f"r{i}", _clip(r.text, 60)), _e(r.reason)] for i, r in shown]
    note = (f"<p class=\"na-note\">{held} weaker finding{'s' if held != 1 else ''} (score &lt; {MIN_SCORE}) held "
            "back: they are in the JSON dossier.</p>") if held else ""
    return _panel("rhetoric", f"Rhetoric ({len(shown)})", chart + _table(["technique", "where", "reason"], rows) + note)
