"""Self-contained HTML report: the article with every layer highlighted, details on click, side panels.

``render_html(dossier)`` returns one HTML document with its CSS, JavaScript and
SVG charts inline: it needs no network and works from a ``file://`` URL.

Safety: every string from the article or the dossier is HTML-escaped; the
finding data travels as JSON in a ``<script type="application/json">`` block
with ``<``, ``>`` and ``&`` written as ``\\u003c`` ... so it cannot close the
block, and the page script builds details with ``textContent`` only.

Highlights nest: the text is cut at every span boundary and, for each piece,
the spans covering it are opened outermost first; a span that crosses another
is split into fragments that share its ``data-f`` id.
"""
from __future__ import annotations

import base64
import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterable

from .sections.rhetoric import MIN_SCORE as RHETORIC_MIN_SCORE
from .html_panels import (
    _e, _fmt_source, _num, _panel_citations, _panel_numbers, _panel_overview, _panel_problems, _panel_rhetoric,
    _panel_sourcing, _panel_timeline, _panel_voices, _speaker_key, speaker_colours,
)


log = logging.getLogger(__name__)

__all__ = ["render_html", "collect", "highlight", "Highlight", "LAYERS", "safe_json"]

# (layer, label, swatch colour); the order is the nesting order for spans with equal bounds (outermost first).
LAYERS: tuple[tuple[str, str, str], ...] = (
    ("claims", "Claims", "#009E73"),
    ("quotes", "Quotes", "#0072B2"),
    ("rhetoric", "Rhetoric", "#CC79A7"),
    ("problems", "Problems", "#b00020"),
    ("entities", "Entities", "#7F7F7F"),
    ("quantities", "Numbers", "#D55E00"),
    ("times", "Dates", "#66c2a5"),
    ("citations", "Citations", "#0b5cad"),
)
_PRIORITY = {name: i for i, (name, _, _) in enumerate(LAYERS)}


def safe_json(obj: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">`` (no ``<``, ``>``, ``&``, U+2028/9)."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    layer: str
    fid: str  # finding id (key in the findings dict)
    classes: str = ""


# ---------------------------------------------------------------- highlighted text


def highlight(text: str, spans: Iterable[Highlight]) -> str:
    """HTML of ``text`` with ``spans`` as nested ``<span>`` elements; crossing spans become fragments."""
    n = len(text)
    items = []
    for h in spans:
        a, b = max(0, h.start), min(n, h.end)
        if b > a:
            items.append((a, b, h))
    if not items:
        return _e(text)
    order = {id(h): (a, -b, _PRIORITY.get(h.layer, 99), h.fid) for a, b, h in items}
    starts: dict[int, list] = {}
    ends: dict[int, list] = {}
    for a, b, h in items:
        starts.setdefault(a, []).append(h)
        ends.setdefault(b, []).append(h)
    bounds = sorted({0, n, *starts, *ends})
    active: dict[int, Highlight] = {}
    stack: list[Highlight] = []
    first_seen: set[str] = set()
    out: list[str] = []
    for i, pos in enumerate(bounds[:-1]):
        for h in ends.get(pos, ()):
            active.pop(id(h), None)
        for h in starts.get(pos, ()):
            active[id(h)] = h
        want = sorted(active.values(), key=lambda h: order[id(h)])
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        out.append("</span>" * (len(stack) - keep))
        for h in want[keep:]:
            anchor = ""
            if h.fid not in first_seen:
                first_seen.add(h.fid)
                anchor = f' id="f-{_e(h.fid)}"'
            cls = f"hl L-{h.layer}" + (f" {h.classes}" if h.classes else "")
            out.append(f'<span{anchor} class="{_e(cls)}" data-l="{_e(h.layer)}" data-f="{_e(h.fid)}">')
        stack = want
        out.append(_e(text[pos:bounds[i + 1]]))
    out.append("</span>" * len(stack))
    return "".join(out)


# ---------------------------------------------------------------- findings


def _entry_rows(d, number: int) -> list[list[str]]:
    e = d.citations.entry(number)
    if e is None:
        return [["Reference entry", f"none numbered {number} (broken citation)"]]
    rows = [["Reference entry", f"[{e.number}] {' '.join(e.text.split())}"]]
    if e.is_ibid:
        if e.ibid_of is not None:
            rows.append(["Ibid resolves to", f"entry {e.ibid_of}"])
            ante = d.citations.entry(e.ibid_of)
            if ante is not None:
                rows.append(["Antecedent", f"[{ante.number}] {' '.join(ante.text.split())}"])
        else:
            rows.append(["Ibid resolves to", "nothing (unresolvable)"])
    src = e.source
    rows.append(["Source", _fmt_source(src) if src is not None else "unresolved"])
    return rows


def _marker_status(d, number: int) -> str:
    """``ok``, ``missing_entry`` or ``unresolvable_ibid`` for a cited number."""
    resolve = getattr(d.citations, "resolve", None)
    if resolve is not None:
        return resolve(number)[0]
    e = d.citations.entry(number)
    if e is None:
        return "missing_entry"
    return "unresolvable_ibid" if e.is_ibid and e.source is None else "ok"


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1 or (a0 == b0 and a1 == b1)


def collect(d) -> tuple[list[Highlight], dict[str, dict[str, Any]]]:
    """Every highlight of the dossier and the details of each finding (``id -> {layer, title, text, rows}``)."""
    spans: list[Highlight] = []
    found: dict[str, dict[str, Any]] = {}
    ents = {e.id: e for e in d.entities}

    def add(fid, layer, title, text, rows, start, end, classes=""):
        found[fid] = {"layer": layer, "title": title, "text": " ".join((text or "").split())[:600],
                      "rows": [[str(k), str(v)] for k, v in rows if v not in (None, "", [])]}
        spans.append(Highlight(start, end, layer, fid, classes))

    def ent_name(eid):
        e = ents.get(eid) if eid else None
        return f"{e.canonical} ({e.type}, {e.id})" if e else eid

    colours = speaker_colours(d)
    for i, q in enumerate(d.quotes):
        key = _speaker_key(q)
        cls = f"sp{colours[key] % 10}" if key else "sp-none"
        sp = q.speaker
        rows: list[tuple[str, Any]] = [("Kind", q.kind)]
        if sp is not None:
            who = sp.name or sp.text
            how = f" — from {sp.resolved_from}" if sp.resolved_from != "name" else ""
            written = f" (written “{sp.text}”)" if sp.name and sp.text and sp.text != sp.name else ""
            rows.append(("Speaker", f"{who}{written}{how}"))
            if sp.entity:
                rows.append(("Speaker entity", ent_name(sp.entity)))
        else:
            rows.append(("Speaker", "unknown"))
        if q.cue is not None:
            rows.append(("Cue", f"{q.cue.text} ({q.cue.lemma})"))
        if q.addressee is not None:
            rows.append(("Addressee", q.addressee.text))
        for v in q.via:
            rows.append(("Via", v.text + (f" ({ent_name(v.entity)})" if v.entity else "")))
        for c in q.citations:
            rows.append(("Citation", f"[{c.number}] {c.status.replace('_', ' ')}"))
            if c.entry is not None:
                if c.entry != c.number:
                    rows.append(("Rests on", f"entry {c.entry} (ibid resolved)"))
                for k, v in _entry_rows(d, c.entry):
                    rows.append((k, v))
            elif c.status != "ok":
                rows.append(("Rests on", "no reference entry"))
            if c.entry is None and (c.source_title or c.source_publisher):
                rows.append(("Source", " — ".join(x for x in (c.source_title, c.source_publisher) if x)))
        if not q.citations:
            rows.append(("Source", "no citation"))
        if q.flags:
            rows.append(("Flags", ", ".join(q.flags)))
        add(f"q{i}", "quotes", f"Quote by {key}" if key else "Quote (speaker unknown)", q.content.text, rows,
            q.start, q.end, cls)
        if sp is not None and sp.end > sp.start and not (q.start <= sp.start and sp.end <= q.end and sp.end - sp.start == q.end - q.start):
            spans.append(Highlight(sp.start, sp.end, "quotes", f"q{i}", cls + " spk"))
    for i, s in enumerate(d.non_speech_quotes):
        add(f"s{i}", "quotes", f"Quotation marks ({s.kind.replace('_', ' ')})", s.text,
            [("Kind", s.kind.replace("_", " ")), ("Content", s.content.text)], s.start, s.end, "nsq")

    cit_problems = list(d.citations.problems)
    groups: dict[tuple[int, int], list] = {}  # one highlight per marker as written ([3, 4] holds two numbers)
    for m in d.citations.markers:
        groups.setdefault((m.start, m.end), []).append(m)
    for i, ((start, end), ms) in enumerate(groups.items()):
        probs = [p for p in cit_problems if _overlaps(p.start, p.end, start, end)]
        statuses = {m.number: _marker_status(d, m.number) for m in ms}
        broken = any(st != "ok" for st in statuses.values()) or any(p.severity != "info" for p in probs)
        numbers = ", ".join(str(m.number) for m in ms)
        rows = [("Marker", ms[0].text), ("Style", ms[0].style)]
        for m in ms:
            rows.append((f"Number {m.number}", statuses[m.number].replace("_", " ")))
            rows += [tuple(r) for r in _entry_rows(d, m.number)]
        rows += [("Problem", f"{p.kind}: {p.message}") for p in probs]
        add(f"m{i}", "citations", f"Citation [{numbers}]" + (" — broken" if broken else ""), ms[0].text, rows,
            start, end, "broken" if broken else "")

    mentions = list(d.mentions)
    if not mentions:
        for e in d.entities:
            for sp in e.mentions:
                mentions.append(type("M", (), {"start": sp.start, "end": sp.end, "text": sp.text, "type": e.type,
                                                "entity": e.id, "candidates": []})())
    for i, m in enumerate(mentions):
        e = ents.get(m.entity) if m.entity else None
        rows = [("Type", m.type)]
        if e is not None:
            rows += [("Entity", f"{e.canonical} ({e.id})"), ("Mentions", len(e.mentions)),
                     ("Aliases", ", ".join(e.aliases)), ("Roles", "; ".join(r.text for r in e.roles)),
                     ("Spelling variants", ", ".join(e.variants))]
            if e.ambiguous:
                rows.append(("Ambiguous", "yes"))
        if m.candidates:
            rows.append(("Could be", "; ".join(ent_name(c) for c in m.candidates)))
        add(f"e{i}", "entities", f"{m.type}: {e.canonical if e else m.text}", m.text, rows, m.start, m.end,
            f"ent-{''.join(ch for ch in m.type if ch.isalnum())}")

    for i, t in enumerate(d.times):
        anchor = f"{t.anchor} ({t.anchor_source})" if t.anchor else ("none" if t.anchor_source == "none" else t.anchor_source)
        rows = [("Type", t.type), ("Normalised", t.value or "—"), ("Anchor", anchor), ("Modifier", t.mod),
                ("Weekday named", t.weekday)]
        add(f"t{i}", "times", f"{t.type.title()}: {t.value or t.text}", t.text, rows, t.start, t.end)

    for i, q in enumerate(d.quantities):
        if q.low is not None or q.high is not None:
            val = f"{_num(q.low)}–{_num(q.high)}"
        else:
            val = _num(q.value)
        rows = [("Number as written", q.number.text), ("Value", val), ("Modifier", q.modifier), ("Counted", q.counted),
                ("Event", q.event + (f" (“{q.event_text.text}”)" if q.event_text else "")), ("Place", q.place),
                ("Date", q.date)]
        add(f"n{i}", "quantities", f"Number: {q.number.text}" + (f" {q.counted}" if q.counted else ""), q.text, rows,
            q.start, q.end)

    for i, c in enumerate(d.claims):
        h = c.holder
        holder = "the author" if h.kind == "author" else (h.name or "a speaker")
        if h.entity:
            holder += f" ({ent_name(h.entity)})"
        if h.quote is not None:
            holder += f" — quote {h.quote + 1}"
        rows = [("Sourcing", c.sourcing.replace("_", " ")), ("Check-worthiness", f"{c.score:.2f}" + (" (check-worthy)" if c.checkworthy else "")),
                ("Held by", holder), ("Certainty", c.certainty), ("Hedges", ", ".join(x.text for x in c.hedges)),
                ("Citations", ", ".join(f"[{n}]" for n in c.citations)),
                ("Entities", ", ".join(ents[x].canonical if x in ents else x for x in c.entities)),
                ("Dates", ", ".join(d.times[k].value or d.times[k].text for k in c.times if 0 <= k < len(d.times))),
                ("Numbers", ", ".join(d.quantities[k].text for k in c.quantities if 0 <= k < len(d.quantities)))]
        for n in c.citations:
            rows += [tuple(r) for r in _entry_rows(d, n)]
        add(f"c{i}", "claims", f"Claim — {c.sourcing.replace('_', ' ')}", c.text, rows, c.start, c.end,
            f"src-{c.sourcing}")

    techniques = {t: k for k, t in enumerate(sorted({r.technique for r in d.rhetoric}))}
    for i, r in enumerate(d.rhetoric):
        if r.score < RHETORIC_MIN_SCORE:
            continue  # held back: below the display threshold (kept in the JSON dossier)
        add(f"r{i}", "rhetoric", r.technique.replace("_", " "), r.text,
            [("Technique", r.technique.replace("_", " ")), ("Score", f"{r.score:.2f}"), ("Reason", r.reason)],
            r.start, r.end, f"rh{techniques[r.technique] % 10}")

    for i, p in enumerate(d.all_problems()):
        rows = [("Kind", p.kind), ("Severity", p.severity), ("Layer", p.layer), ("Message", p.message),
                ("Numbers", ", ".join(str(n) for n in p.numbers)),
                ("Related", "; ".join(f"“{s.text}”" for s in p.related))]
        rows += [(str(k), _short(v)) for k, v in p.details.items()]
        add(f"p{i}", "problems", f"Problem: {p.kind.replace('_', ' ')}", p.text, rows, p.start, p.end, f"sev-{p.severity}")
    return spans, found


def _short(v: Any, n: int = 200) -> str:
    s = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
    return s if len(s) <= n else s[: n - 1] + "…"


# ---------------------------------------------------------------- page


@lru_cache(maxsize=None)
def _script_hash() -> str:
    """CSP source for the one inline script: only it may run, even if something slipped through escaping."""
    digest = hashlib.sha256(_asset("report.js").encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (files(__package__) / "static" / name).read_text(encoding="utf-8")


def render_html(dossier, show_all: bool = False) -> str:
    """The whole report as one self-contained HTML document (the default view unless ``show_all``)."""
    from .view import default_view

    d = default_view(dossier, show_all)[0]
    spans, findings = collect(d)
    counts = Counter(h.layer for h in spans if h.fid in findings and "spk" not in h.classes.split())
    article_html = highlight(d.text, spans)
    toggles = "".join(
        f'<label><input type="checkbox" checked data-layer="{name}" id="toggle-{name}">'
        f'<span class="sw" style="background:{col}"></span>{_e(label)} ({counts.get(name, 0)})</label>'
        for name, label, col in LAYERS)
    title = d.meta.title or "Article"
    meta_bits = [x for x in (", ".join(d.meta.authors), d.meta.published, d.meta.site) if x]
    panels = [_panel_overview(d), _panel_problems(d), _panel_citations(d), _panel_voices(d), _panel_sourcing(d),
              _panel_timeline(d), _panel_numbers(d), _panel_rhetoric(d)]
    data = {"findings": findings, "layers": [name for name, _, _ in LAYERS]}
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '{_script_hash()}'; img-src data:; form-action 'none'">
<meta name="generator" content="newsaudit {_e(d.meta.newsaudit_version or '')}">
<title>newsaudit — {_e(title)}</title>
<style>{_asset("report.css")}</style>
</head><body>
<header class="top"><h1>newsaudit report — {_e(title)}</h1><div class="meta">{_e(" · ".join(meta_bits))}</div></header>
<nav class="toggles" aria-label="Layers">{toggles}</nav>
<main class="layout">
<article class="text" id="na-article" lang="{_e(d.meta.language or 'en')}">{article_html}</article>
<aside class="panels">{"".join(panels)}</aside>
</main>
<div id="na-details" role="dialog" aria-label="Details" hidden><button type="button" class="close" aria-label="Close">×</button><div class="d-body"></div></div>
<footer>Generated offline by newsaudit {_e(d.meta.newsaudit_version or '')}{(" with " + _e(d.meta.model)) if d.meta.model else ""}. Click a highlight for its details; the boxes above switch layers on and off.</footer>
<script type="application/json" id="na-data">{safe_json(data)}</script>
<script>{_asset("report.js")}</script>
</body></html>
"""
