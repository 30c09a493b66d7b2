"""The "what happened" block at the top of every comparison: the event, what independent accounts agree on,
what is disputed and by whom, the toll as reported over time, and claims only one side makes."""
from __future__ import annotations

from collections import Counter

from .models import Comparison
from .numbers import toll

_PLACE_HINT = ("camp", "city", "town", "village", "province", "district")


def _where(c: Comparison) -> str | None:
    counts: Counter = Counter()
    for a in c.articles:
        for p in a.places:
            if len(p) > 2 and not p.isupper():
                counts[p] += 1
    if not counts:
        return None
    top = [p for p, n in counts.most_common(6) if n >= max(2, len(c.articles) // 4)]
    return ", ".join(top[:3]) or counts.most_common(1)[0][0]


def build_summary(c: Comparison, who=None) -> dict:
    """``who(ref)``: the party behind a reference (its source's organisation, merged spellings)."""
    who = who or (lambda r: r.source or r.outlet)
    s: dict = {}
    incident = next((e for e in c.timeline if e.values and e.label and e.conflict is not None
                     and any(w in e.label for w in ("killed", "raid", "attack", "explosion", "blast", "erupted",
                                                    "shooting", "clash", "fire", "crash", "massacre"))), None)
    line = toll(c.numbers)
    latest = max(line.values, key=lambda v: (max(r.published or "" for r in v.refs), v.value)) if line and line.values \
        else None
    what = f"{latest.label} people killed" if latest else (incident.label.split(" / ")[0] if incident else None)
    disputed_act = None
    if c.disputes:
        d = c.disputes[0]
        disputed_act = f"disputed: whether the {d.actor} {d.act} (denied by {', '.join(x.denier for x in c.disputes)})"
    s["event"] = {"what": what, "disputed": disputed_act, "where": _where(c),
                  "when": incident.values[0].value if incident and incident.values else None,
                  "articles": len(c.articles), "accounts": len(c.accounts) or len(c.articles)}
    agreed = []
    if latest is not None:
        k = line.values.index(latest)
        bad = {j for pair in (line.conflicts or []) if k in pair for j in pair if j != k}
        earlier = [v.label for j, v in enumerate(line.values) if j != k and j not in bad]
        parties = sorted({who(r) for r in latest.refs})
        agreed.append({"fact": f"{latest.label} killed", "accounts": latest.accounts, "articles": len(latest.refs),
                       "sources": parties, "conflict": line.conflict, "earlier": earlier})
    if incident and incident.values:
        d = incident.values[0]
        agreed.append({"fact": f"it happened on {d.value}", "accounts": len({r.account if r.account is not None
                                                                           else r.article for r in d.refs}),
                       "articles": len(d.refs), "sources": sorted({r.outlet for r in d.refs}),
                       "conflict": incident.conflict, "earlier": []})
    s["agreed"] = agreed
    disputed = []
    for d in c.disputes:
        says = sorted({who(r) for r in d.accusations})
        disputed.append({"point": f"{d.actor} {d.act}", "says": says, "denies": d.denier,
                         "instead": d.alternative, "similarity": d.similarity,
                         "accusations": len(d.accusations), "denials": len(d.denials)})
    s["disputed"] = disputed
    over_time = []
    if line is not None:
        for rv in line.revisions:
            over_time.append({"party": rv.party, "steps": [(d, lab) for d, lab, _ in rv.steps]})
    s["toll_over_time"] = over_time
    accusers = {w for x in disputed for w in x["says"]}
    deniers = {x["denies"] for x in disputed}
    one_side = []
    for l in c.numbers:
        if l.scope is not None or l is line:
            continue
        for v in l.values:
            by = {who(r) for r in v.refs}
            side = "denying side" if by & deniers and not by & accusers else \
                "accusing side" if by & accusers and not by & deniers else None
            if side:
                from .render import event_name

                one_side.append({"claim": f"{v.label} {event_name(l.event).split(' /')[0]} — {l.counted}", "side": side,
                                 "sources": sorted(by)})
    s["one_side"] = one_side
    return s
