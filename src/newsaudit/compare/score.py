"""Score a comparison against a hand-made gold file (see ``tests/fixtures/corpus/gold.json``).

Articles are named by the host of their URL.  Returns plain numbers so tests
can pin floors and a user can check ``compare`` on their own annotated corpus.
"""
from __future__ import annotations

from urllib.parse import urlparse

from .models import Comparison


def _host(url: str | None) -> str:
    return (urlparse(url or "").hostname or "").removeprefix("www.")


def _prf(found: set, gold: set) -> tuple[float, float]:
    p = len(found & gold) / len(found) if found else 0.0
    r = len(found & gold) / len(gold) if gold else 1.0
    return p, r


def score(c: Comparison, gold: dict) -> dict[str, float]:
    host_of = {a.id: _host(a.url) for a in c.articles}
    out: dict[str, float] = {}
    out["group_precision"], out["group_recall"] = _prf({_host(a.url) for a in c.articles}, set(gold["event_articles"]))
    found = {(l.event, v.value, host_of.get(r.article)) for l in c.numbers for v in l.values for r in v.refs}
    want = {(ev, float(val), h) for ev, vals in gold["numbers"].items() for val, hosts in vals.items() for h in hosts}
    found = {f for f in found if f[0] in gold["numbers"]}
    out["numbers_precision"], out["numbers_recall"] = _prf(found, want)
    src = {(l.event, v.value, host_of.get(r.article)): (r.source or "") for l in c.numbers for v in l.values
           for r in v.refs}
    hits = sum(1 for g in gold["number_sources"]
               if g["source"].lower() in src.get((g["event"], float(g["value"]), g["article"]), "").lower())
    out["number_sources"] = hits / len(gold["number_sources"])
    groups = [{host_of.get(r.article) for r in g.refs} for g in c.claim_groups]
    out["same_statement_recall"] = sum(1 for g in gold["same_statement_groups"]
                                       if any(set(g) <= f for f in groups)) / len(gold["same_statement_groups"])
    ok = 0
    for g in gold["contradictions"]:
        xs = [x for x in c.contradictions if x.kind == g["kind"]]
        if g["kind"] == "values":
            vals = {float(v) for v in g["values"]}
            line = next((l for l in c.numbers if l.event == g["event"]), None)
            ok += bool(line and vals <= {v.value for v in line.values})
        elif "pair" in g:
            ok += any({host_of.get(x.a.article), host_of.get(x.b.article)} == set(g["pair"]) for x in xs)
        else:
            ok += any(host_of.get(x.a.article) == g["a"] and host_of.get(x.b.article) in g["b_any_of"] for x in xs)
    out["contradiction_recall"] = ok / len(gold["contradictions"])
    voices = {v.name.lower(): v for v in c.voices}
    out["voice_recall"] = sum(1 for name, want in gold["voices"].items()
                              if name.lower() in voices and len(voices[name.lower()].outlets) >= want["min_outlets"]
                              ) / len(gold["voices"])
    inc = gold["dates"]["incident"]
    ev = next((e for e in c.timeline if e.conflict), None)
    date_ok = 0.0
    if ev is not None and ev.values and ev.values[0].value == inc["consensus"]:
        others = {d.value: {host_of.get(r.article) for r in d.refs} for d in ev.values[1:]}
        date_ok = float(all(set(h) <= others.get(v, set()) for v, h in inc["conflicting"].items()))
    out["date_conflict"] = date_ok
    forms = [{f.lower() for f, _ in v.forms} for v in c.names]
    out["name_variants"] = sum(1 for g in gold["names"] if any({x.lower() for x in g} <= f for f in forms)) / len(gold["names"])
    return out
