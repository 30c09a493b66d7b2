"""Number lines: one per event instance (event type, counted group, this event or another), with revisions.

* A line holds one kind of count of one event: ``killed — people`` (the toll), ``killed — soldiers``,
  ``killed — members``; counts the instance rules place in another event (``last year``, ``since 2023``)
  are lines of their own with ``scope`` saying why, and are never compared with the toll.
* Each value is listed once per article, with the independent accounts behind it (``Ref.account``).
* **Revisions**: the values one party gives over time (``12`` → ``at least 40`` → ``52``) are an update,
  not a contradiction. Two values conflict only when their intervals cannot both hold, they come from
  different parties, and the lower one is not simply the earlier figure of a rising toll.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Callable, Iterable

from .facts import ArticleFacts
from .intervals import VAGUE, from_label, labels_compatible
from .models import Contradiction, NumberLine, Revision, ValueReport, _sref

MAX_VALUES = 10
ORDER = {"KILL": 0, "WOUND": 1, "MISSING": 2}


def _label(value: float, modifiers: Iterable[str | None]) -> str:
    v = f"{value:g}"
    mods = Counter((m or "").lower() for m in modifiers)
    if not mods:
        return v
    top = mods.most_common(1)[0][0]
    if not top:
        return v
    return top if top in VAGUE else f"{top} {v}"  # vague words are shown as words


def _rank(a: ArticleFacts, nf) -> tuple[bool, bool]:
    """Which report of a figure stands for its article: one with a source, then one outside the title line."""
    first_nl = a.text.find("\n")
    in_title = bool(a.title) and (first_nl == -1 or nf.start < first_nl)
    return (nf.source is not None, not in_title)


def compare_numbers(arts: list[ArticleFacts], account: dict[str, int] | None = None,
                    party: Callable[[ArticleFacts, str | None], str] | None = None) -> list[NumberLine]:
    account = account or {}
    party = party or (lambda a, s: s or a.outlet)
    by: dict[tuple, dict[float, dict[str, tuple]]] = defaultdict(lambda: defaultdict(dict))
    mods: dict[tuple, list] = defaultdict(list)
    for a in arts:
        for nf in a.numbers:
            if nf.event in ("OTHER", "", None):
                continue
            key = (nf.event, nf.counted or "people", nf.scope)
            mods[(key, nf.value)].append(nf.modifier)
            prev = by[key][nf.value].get(a.id)
            if prev is None or _rank(a, nf) > _rank(*prev):
                by[key][nf.value][a.id] = (a, nf)
    lines = []
    for key, values in by.items():
        reports = []
        for value, per_art in values.items():
            refs = []
            for a, nf in per_art.values():
                r = _sref(a, nf.sentence, nf.source, nf.start)
                r.account = account.get(a.id)
                refs.append(r)
            refs.sort(key=lambda r: (r.published or "", r.outlet))
            reports.append(ValueReport(value, _label(value, mods[(key, value)]), refs))
        reports.sort(key=lambda r: (-r.accounts, -len(r.refs), -r.value))
        line = NumberLine(key[0], reports, counted=key[1], scope=key[2])
        _revisions_and_conflicts(line, {a.id: a for a in arts}, party)
        lines.append(line)
    lines.sort(key=lambda l: (l.scope is not None, ORDER.get(l.event, 9), l.counted != "people",
                              -sum(len(v.refs) for v in l.values)))
    return lines


def _revisions_and_conflicts(line: NumberLine, arts: dict[str, ArticleFacts], party) -> None:
    if line.scope is not None:  # other events' counts: listed, never revised or compared
        line.conflicts = []
        return
    reports = []  # (party, date, position, value index, ref)
    for k, v in enumerate(line.values[:MAX_VALUES]):
        for r in v.refs:
            reports.append((party(arts[r.article], r.source), r.published or "", r.start, k, r))
    by_party: dict[str, list] = defaultdict(list)
    for rep in reports:
        by_party[rep[0]].append(rep)
    for who, reps in by_party.items():
        reps.sort(key=lambda x: (x[1], x[2]))
        steps, seen = [], set()
        for _, d, _, k, r in reps:
            if k not in seen:
                seen.add(k)
                steps.append((d, line.values[k].label, r))
        if len(steps) >= 2:
            line.revisions.append(Revision(who, steps))
    line.revisions.sort(key=lambda rv: -len(rv.steps))
    conflicts = set()
    for i, x in enumerate(reports):
        for y in reports[i + 1:]:
            if x[3] == y[3] or x[0] == y[0] or labels_compatible(line.values[x[3]].label, line.values[y[3]].label):
                continue
            lo, hi = (x, y) if _low(line, x[3]) <= _low(line, y[3]) else (y, x)
            if lo[1] and hi[1] and lo[1] < hi[1]:
                continue  # the earlier, lower figure of a rising toll
            conflicts.add((min(x[3], y[3]), max(x[3], y[3])))
    line.conflicts = sorted(conflicts)


def _low(line: NumberLine, k: int) -> float:
    iv = from_label(line.values[k].label)
    return iv[0] if iv else line.values[k].value


def value_conflicts(lines: list[NumberLine]) -> list[Contradiction]:
    """Incompatible values of one event instance, each with both sides' sources (never across instances)."""
    out = []
    for line in lines:
        if line.scope is not None:
            continue
        for i, j in (line.conflicts or [])[:MAX_VALUES]:
            vi, vj = line.values[i], line.values[j]
            a = next((r for r in vi.refs if r.source), vi.refs[0])
            b = next((r for r in vj.refs if r.source), vj.refs[0])
            out.append(Contradiction("values", a, b, f"{line.event} — {line.counted}: {vi.label} vs {vj.label}"))
    return out


def toll(lines: list[NumberLine]) -> NumberLine | None:
    """The event's death toll line (killed — people, this event)."""
    return next((l for l in lines if l.event == "KILL" and l.counted == "people" and l.scope is None), None)
