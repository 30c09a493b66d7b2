"""The findings a report shows, one flat record per finding: the unit a reader judges.

Every report section shows findings of one layer; this module lists them in one shape (layer, span, the label
a reader sees, confidence, shown or held back) so that ``newsaudit evaluate field`` judges exactly what a
reader sees, and so that a changed finding (another span or label) gets a new key and is judged again.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .view import passes

LAYERS = ("quotes", "speakers", "entities", "times", "quantities", "claims", "sourcing", "rhetoric", "problems")


@dataclass(frozen=True)
class Finding:
    layer: str
    start: int
    end: int
    text: str
    label: str  # what the report says about the span (speaker name, date value, technique, ...)
    confidence: float | None = None
    shown: bool = True

    @property
    def key(self) -> str:
        """Stable id of the finding as shown: layer, span and label (not the confidence)."""
        raw = f"{self.layer}|{self.start}|{self.end}|{self.label}".encode("utf-8", "surrogatepass")
        return hashlib.sha1(raw).hexdigest()[:16]


def _conf(obj) -> float | None:
    value = getattr(obj, "confidence", None)
    return float(value) if isinstance(value, (int, float)) else None


def _quotes(d):
    from .sections.quotes import speaker_label

    for q in d.quotes:
        shown = passes(q, "quotes")
        yield Finding("quotes", q.start, q.end, q.text, f"{q.kind}: {q.content.start}-{q.content.end}", _conf(q), shown)
        if q.speaker is not None:
            yield Finding("speakers", q.start, q.end, q.text, f"speaker: {speaker_label(q)}", _conf(q.speaker),
                          shown and passes(q.speaker, "speakers"))


def _entities(d):
    for e in d.entities:
        if not e.mentions:
            continue
        first = e.mentions[0]
        label = f"{e.type} {e.canonical}"
        if e.aliases:
            label += " | also " + ", ".join(e.aliases)
        if e.variants:
            label += " | variants " + ", ".join(e.variants)
        yield Finding("entities", first.start, first.end, first.text, label, _conf(e), passes(e, "entities"))


def _times(d):
    in_timeline = {i.time for i in d.timeline}
    for i, t in enumerate(d.times):
        if i in in_timeline or t.section == "body":
            label = f"{t.type} {t.value or '?'}" + (f" ({t.mod})" if t.mod else "")
            yield Finding("times", t.start, t.end, t.text, label, _conf(t), passes(t, "times"))


def _quantities(d):
    from .sections.quantities import _range

    for q in d.quantities:
        yield Finding("quantities", q.start, q.end, q.text, f"{_range(q)} | {q.counted or '—'} | {q.event}", _conf(q),
                      passes(q, "quantities"))


def _claims(d):
    for c in d.claims:
        if not c.checkworthy:
            continue
        shown = passes(c, "claims")
        yield Finding("claims", c.start, c.end, c.text, "check-worthy", _conf(c), shown)
        holder = "author" if c.holder.kind == "author" else (c.holder.name or "unnamed source")
        cites = " ".join(f"[{n}]" for n in c.citations)
        label = f"{c.sourcing} {cites}".strip() + f" | holder: {holder}"
        yield Finding("sourcing", c.start, c.end, c.text, label, getattr(c, "sourcing_confidence", None), shown)


def _rhetoric(d):
    from .sections.rhetoric import MIN_SCORE

    for r in d.rhetoric:
        yield Finding("rhetoric", r.start, r.end, r.text, r.technique, _conf(r),
                      shown=r.score >= MIN_SCORE and passes(r, "rhetoric"))


def _problems(d):
    for p in d.all_problems():
        yield Finding("problems", p.start, p.end, p.text, f"{p.kind}: {p.message}", _conf(p), passes(p, "problems"))


def findings(d) -> list[Finding]:
    """Every finding of the dossier as a report presents it, shown or held back, in layer order."""
    out: list[Finding] = []
    for part in (_quotes, _entities, _times, _quantities, _claims, _rhetoric, _problems):
        out.extend(part(d))
    return out
