"""The default view: the dossier as reports show it, with findings below their layer's display threshold held back.

The JSON dossier keeps every finding with its ``confidence``.  Terminal, Markdown and HTML reports show by
default only the findings whose confidence reaches their layer's threshold (``--all`` shows the rest) and say
how many were held back.  A finding without a confidence (an older dossier) is shown.

Holding back removes the finding from a copy of the dossier and renumbers every index that pointed at the
list it left (a claim's quote, the timeline's times, a claim's times and quantities, the unsourced list), so
the sections render the view exactly as they render a full dossier.
"""
from __future__ import annotations

# Display thresholds on calibrated confidence, per layer (``newsaudit evaluate field`` and ``evaluate calibration``
# show the precision they give).  0.0 shows everything that has been found.
THRESHOLDS: dict[str, float] = {
    "quotes": 0.0,
    "speakers": 0.0,
    "entities": 0.0,
    "times": 0.0,
    "quantities": 0.0,
    "claims": 0.0,
    "problems": 0.0,
    "rhetoric": 0.0,  # the rhetoric section also keeps findings below its score bar (MIN_SCORE) to the JSON
}

# Problem kinds held back whatever their confidence: on the field set every one shown was a false alarm
# (ambiguous_mention 0 of 21 right — the context settles the referent; unmatched_quote_mark 0 of 11 — quotations
# that run on across lines or paragraphs).  They stay in the JSON and show with --all.
HELD_PROBLEMS = frozenset({"ambiguous_mention", "unmatched_quote_mark"})

NAMES = {"quotes": "quotes", "speakers": "speakers", "entities": "entities", "times": "dates and times",
         "quantities": "counted quantities", "claims": "check-worthy claims", "problems": "problems",
         "rhetoric": "rhetoric findings"}


def passes(obj, layer: str) -> bool:
    """Does ``obj`` reach its layer's display threshold?  Without a confidence it does."""
    if layer == "problems" and getattr(obj, "kind", None) in HELD_PROBLEMS:
        return False
    conf = getattr(obj, "confidence", None)
    return conf is None or conf >= THRESHOLDS.get(layer, 0.0)


def _keep(items, layer: str) -> tuple[list, dict[int, int], int]:
    kept, index = [], {}
    for i, item in enumerate(items):
        if passes(item, layer):
            index[i] = len(kept)
            kept.append(item)
    return kept, index, len(items) - len(kept)


def held_back(dossier) -> dict[str, int]:
    """How many findings of each layer the default view holds back (rhetoric: also those below its score bar)."""
    out = {}
    for layer, items in (("quotes", dossier.quotes), ("entities", dossier.entities), ("times", dossier.times),
                         ("quantities", dossier.quantities), ("problems", dossier.all_problems()),
                         ("rhetoric", dossier.rhetoric)):
        out[layer] = sum(1 for x in items if not passes(x, layer))
    out["speakers"] = sum(1 for q in dossier.quotes if passes(q, "quotes") and q.speaker is not None and not passes(q.speaker, "speakers"))
    out["claims"] = sum(1 for c in dossier.claims if c.checkworthy and not passes(c, "claims"))
    return {k: v for k, v in out.items() if v}


def held_back_line(counts: dict[str, int]) -> str | None:
    if not counts:
        return None
    parts = ", ".join(f"{n} {NAMES[k]}" for k, n in counts.items())
    return f"Held back as below their confidence threshold: {parts} (shown with --all; all are in the JSON dossier)."


def default_view(dossier, show_all: bool = False):
    """A copy of ``dossier`` with held-back findings removed and indices renumbered, and the held-back counts."""
    if show_all:
        return dossier, {}
    counts = held_back(dossier)
    if not counts:
        return dossier, {}
    d = dossier.model_copy(deep=True)
    quotes, qmap, _ = _keep(d.quotes, "quotes")
    for q in quotes:
        if q.speaker is not None and not passes(q.speaker, "speakers"):
            q.speaker = None
    times, tmap, _ = _keep(d.times, "times")
    for t in times:
        if t.quote is not None:
            t.quote = qmap.get(t.quote)
    timeline = [item.model_copy(update={"time": tmap[item.time]}) for item in d.timeline if item.time in tmap]
    quantities, nmap, _ = _keep(d.quantities, "quantities")
    claims = []
    cmap: dict[int, int] = {}
    for i, c in enumerate(d.claims):
        if c.checkworthy and not passes(c, "claims"):
            continue  # held back; sentences that were never check-worthy stay (the sourcing table counts them)
        cmap[i] = len(claims)
        if c.holder.quote is not None:
            c.holder.quote = qmap.get(c.holder.quote)
        c.times = [tmap[x] for x in c.times if x in tmap]
        c.quantities = [nmap[x] for x in c.quantities if x in nmap]
        claims.append(c)
    d.sourcing = type(d.sourcing).of(claims)  # counts and shares of what is shown, so the table agrees with the list
    entities, _, _ = _keep(d.entities, "entities")
    kept_ids = {e.id for e in entities}
    for m in d.mentions:
        if m.entity is not None and m.entity not in kept_ids:
            m.entity = None
    rhetoric, _, _ = _keep(d.rhetoric, "rhetoric")
    problems, _, _ = _keep(d.problems, "problems")
    d.citations.problems = [p for p in d.citations.problems if passes(p, "problems")]
    d.quotes, d.times, d.timeline, d.quantities, d.claims = quotes, times, timeline, quantities, claims
    d.entities, d.rhetoric, d.problems = entities, rhetoric, problems
    from ..dossier import Notice

    d.meta.warnings = [*d.meta.warnings, Notice(code="held_back", message=held_back_line(counts))]
    return d, counts

