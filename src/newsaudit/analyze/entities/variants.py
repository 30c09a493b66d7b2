"""From clusters to dossier entities: canonical names, display forms, ambiguity problems, and spelling
variants (names of one type a small edit apart that share context: flagged, never merged).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from ...dossier import Entity, Mention, Problem, Span
from .vocab import LAYER, VARIANT_WINDOW, _M
from .grouping import _cluster_type
from . import names as N


class EntityBuilding:
    """Mixin of ``_Layer``: dossier entities, mentions and problems."""

    # ---- output
    def _build(self, clusters: list[list[_M]]) -> dict[str, Any]:
        text = self.text
        ids = [f"E{i + 1}" for i in range(len(clusters))]
        ctypes = []
        for members in clusters:
            ctypes.append(_cluster_type(members))
        # rule-made mentions with no evidence at all are dropped
        keep = [any(m.votes or m.label for m in members) for members in clusters]
        entities: list[Entity] = []
        for ci, members in enumerate(clusters):
            if not keep[ci]:
                continue
            spans = [Span.of(text, m.start, m.end) for m in members]
            canon_m = self._canonical(members)
            canonical = self._display(canon_m)
            aliases: list[str] = []
            seen = {N.name_key(canonical)}
            for m in members:
                d = self._display(m)
                k = N.name_key(d)
                if k not in seen:
                    seen.add(k)
                    aliases.append(d)
            roles: list[Span] = []
            if ctypes[ci] in ("PERSON", "ORG", ""):
                found_r = sorted({r for m in members for r in self._roles(m) if r[1] > r[0]})
                for a, b in found_r:
                    if not any(x <= a and b <= y and (x, y) != (a, b) for x, y in found_r):
                        roles.append(Span.of(text, a, b))
            entities.append(Entity(id=ids[ci], type=ctypes[ci] or "ORG", canonical=canonical, mentions=spans,
                                   aliases=aliases, roles=roles))
        # renumber E1.. in order of first mention, over kept clusters only
        renum = {}
        for k, e in enumerate(entities):
            renum[e.id] = f"E{k + 1}"
            e.id = renum[e.id]
        cid = {ci: renum[ids[ci]] for ci in range(len(clusters)) if keep[ci]}
        ent_by_id = {e.id: e for e in entities}
        mentions: list[Mention] = []
        problems: list[Problem] = []
        for m in self.mentions:
            if m.cluster >= 0:
                if not keep[m.cluster]:
                    continue
                mentions.append(Mention(start=m.start, end=m.end, text=text[m.start:m.end], type=ctypes[m.cluster] or "ORG",
                                        entity=cid[m.cluster]))
                continue
            cands = [cid[c] for c in m.candidates if c in cid]
            if not cands:
                continue
            ctyp = {ent_by_id[c].type for c in cands}
            mtype = ctyp.pop() if len(ctyp) == 1 else (_cluster_type([m]) or "PERSON")
            if len(cands) == 1:
                ent_by_id[cands[0]].mentions.append(Span.of(text, m.start, m.end))
                mentions.append(Mention(start=m.start, end=m.end, text=text[m.start:m.end], type=mtype, entity=cands[0]))
                continue
            mentions.append(Mention(start=m.start, end=m.end, text=text[m.start:m.end], type=mtype, candidates=cands))
            names = [f"{ent_by_id[c].canonical} ({c})" for c in cands]
            problems.append(Problem(kind="ambiguous_mention", severity="info", layer=LAYER, start=m.start, end=m.end,
                                    text=text[m.start:m.end],
                                    message=f"'{text[m.start:m.end]}' could refer to " + " or ".join(names) + "; the context does not settle it",
                                    details={"candidates": cands, "names": [ent_by_id[c].canonical for c in cands]}))
        # entities a short mention could have meant are ambiguous (even where the context settled it)
        for m in self.mentions:
            if m.candidates and (m.cluster == -1 or len(m.candidates) > 1):
                for c in m.candidates:
                    if c in cid:
                        ent_by_id[cid[c]].ambiguous = True
        for e in entities:
            e.mentions.sort(key=lambda s: s.start)
        mentions.sort(key=lambda x: x.start)
        problems += self._variants(entities, mentions)
        problems += _first_name_variants(entities)
        return {"entities": entities, "mentions": mentions, "problems": problems}

    def _canonical(self, members: list[_M]) -> _M:
        counts = Counter(m.key for m in members)
        body = [m for m in members if not m.acronym] or members
        person = _cluster_type(members) == "PERSON"
        if person:
            return max(body, key=lambda m: (m.source not in ("reference",), len(m.tokens), counts[m.key], -m.start))
        return max(body, key=lambda m: (m.source not in ("reference",), counts[m.key], len(m.tokens), -m.start))

    def _display(self, m: _M) -> str:
        s = self.text[m.start:m.end]
        if m.source in ("byline", "reference") and "," in s:
            last, _, first = s.partition(",")
            s = f"{first.strip()} {last.strip()}"
        return N.display_name(s)

    def _variants(self, entities: list[Entity], mentions: list[Mention]) -> list[Problem]:
        """Names of one type that differ by a small edit and share context: flagged, not merged."""
        text = self.text
        sent_of_start = {}
        for m in self.mentions:
            sent_of_start[m.start] = m.sent
        forms: dict[str, list[tuple[str, str, Span]]] = defaultdict(list)  # type -> (entity id, form, span)
        for e in entities:
            if e.type not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
                continue
            for sp in e.mentions:
                toks = sp.text.replace(",", " ").split()
                if not toks:
                    continue
                if e.type == "PERSON":
                    word = toks[0] if "," in sp.text else toks[-1]  # "Last, First" in references
                    word = N.display_name(word)
                    off = sp.text.find(word)
                    forms[e.type].append((e.id, word, Span.of(text, sp.start + off, sp.start + off + len(word))))
                else:
                    forms[e.type].append((e.id, N.display_name(sp.text), sp))
        ent_by_id = {e.id: e for e in entities}
        parent: dict[str, str] = {}

        def find(x):
            parent.setdefault(x, x)
            while parent[x] != x:
                x = parent[x]
            return x

        for typ, items in forms.items():
            by_form: dict[str, list[tuple[str, Span]]] = defaultdict(list)
            for eid, form, sp in items:
                by_form[form].append((eid, sp))
            fl = sorted(by_form)
            for x in range(len(fl)):
                for y in range(x + 1, len(fl)):
                    a, b = fl[x], fl[y]
                    if not N.near_spelling(N.fold(a), N.fold(b)):
                        continue
                    if not self._share_context(by_form[a], by_form[b]):
                        continue
                    ra, rb = find(a + "\0" + typ), find(b + "\0" + typ)
                    parent[ra] = rb
        groups: dict[str, set[str]] = defaultdict(set)
        for k in list(parent):
            groups[find(k)].add(k)
        problems: list[Problem] = []
        for members in groups.values():
            if len(members) < 2:
                continue
            typ = next(iter(members)).split("\0")[1]
            spellings = sorted(k.split("\0")[0] for k in members)
            items = [(eid, form, sp) for eid, form, sp in forms[typ] if form in spellings]
            count = Counter(form for _, form, _ in items)
            first = {}
            for eid, form, sp in items:
                first.setdefault(form, sp.start)
            majority = max(spellings, key=lambda f: (count[f], -first[f]))
            eids = sorted({eid for eid, _, _ in items}, key=lambda s: int(s[1:]))
            for eid in eids:
                e = ent_by_id[eid]
                own = {form for i2, form, _ in items if i2 == eid}
                others = set(spellings) - own if own != set(spellings) else set(spellings) - {majority}
                e.variants = sorted(set(e.variants) | others)
            minority = [(eid, form, sp) for eid, form, sp in items if form != majority]
            anchor = min(minority, key=lambda x: x[2].start)[2]
            related = [sp for _, _, sp in sorted(items, key=lambda x: x[2].start)]
            problems.append(Problem(
                kind="spelling_variant", severity="warning", layer=LAYER, start=anchor.start, end=anchor.end, text=anchor.text,
                message="one name spelt " + str(len(spellings)) + " ways: " + ", ".join(f"'{f}' ({count[f]}×)" for f in spellings)
                        + f"; most frequent: '{majority}'",
                related=related,
                details={"type": typ, "majority": majority, "entities": eids,
                         "spellings": {f: [sp.model_dump() for _, f2, sp in items if f2 == f] for f in spellings}},
            ))
        return problems

    def _share_context(self, xs, ys) -> bool:
        """Within a few sentences of each other, or sharing a content word in their sentences."""
        sx = [self._sent_index(sp.start) for _, sp in xs]
        sy = [self._sent_index(sp.start) for _, sp in ys]
        if any(abs(a - b) <= VARIANT_WINDOW for a in sx for b in sy if a >= 0 and b >= 0):
            return True
        wx = self._content(sx)
        wy = self._content(sy)
        return bool(wx & wy)

    def _sent_index(self, char: int) -> int:
        t = self.tok_at(char)
        if t is None or not (t.idx <= char < t.idx + len(t.text)) or t.is_space:
            return -1
        return self.sent_of[t.i] if t is not None else -1

    def _content(self, sents: list[int]) -> set[str]:
        out: set[str] = set()
        for si in sents:
            if 0 <= si < len(self.sent_bounds):
                a, b = self.sent_bounds[si]
                for t in self.T[a:b]:
                    if t.pos_ in ("NOUN", "PROPN") and not t.is_stop and len(t.text) > 1 and t.ent_type_ not in ("PERSON",):
                        out.add(t.lemma_.lower())
        return out


class _TS:
    """A token range ``[start, end)`` (cheaper than a spaCy Span)."""

    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end

    def __len__(self) -> int:
        return self.end - self.start


def _first_name_variants(entities: list[Entity]) -> list[Problem]:
    """``Dan Okafor`` and ``Daniel Okafor`` in one article: the same surname, one first name a short form of
    the other.  Flagged (``name_variant``) and listed as variants; never merged, since two relatives can
    share a surname."""
    by_surname: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
    for e in entities:
        parts = e.canonical.split()
        if e.type == "PERSON" and len(parts) >= 2 and parts[0][:1].isupper():
            by_surname[N.fold(parts[-1])].append((parts[0], e))
    problems: list[Problem] = []
    for group in by_surname.values():
        for i, (fa, ea) in enumerate(group):
            for fb, eb in group[i + 1:]:
                short, full = sorted((fa, fb), key=len)
                if short == full or len(short) < 3 or not N.fold(full).startswith(N.fold(short.rstrip("."))):
                    continue
                ea.variants = sorted(set(ea.variants) | {eb.canonical})
                eb.variants = sorted(set(eb.variants) | {ea.canonical})
                later = max(ea, eb, key=lambda e: e.mentions[0].start)
                first = min(ea, eb, key=lambda e: e.mentions[0].start)
                sp = later.mentions[0]
                problems.append(Problem(
                    kind="name_variant", severity="info", layer=LAYER, start=sp.start, end=sp.end, text=sp.text,
                    message=f"'{first.canonical}' and '{later.canonical}' may be one person ('{short}' is a short "
                            f"form of '{full}'): check before counting them as two voices",
                    related=[first.mentions[0], sp], details={"entities": [first.id, later.id]}))
    return problems
