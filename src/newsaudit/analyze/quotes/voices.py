"""The voices table: one row per speaker, with how often and how they are quoted.
"""
from __future__ import annotations

from ...dossier import Quote, Voice
from .items import _words
from .speakers import _surname


def _close(a: str, b: str) -> bool:
    """Spelling variants of one surname (``Halloran``/``Hallorann``): one edit, long names only."""
    if a == b:
        return True
    if min(len(a), len(b)) < 7 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    s, l = (a, b) if len(a) < len(b) else (b, a)
    return any(l[:i] + l[i + 1:] == s for i in range(len(l)))


def voices(quotes: list[Quote]) -> list[Voice]:
    groups: list[dict] = []
    for q in quotes:
        sp = q.speaker
        if sp is None or "weak_cue" in q.flags:
            continue
        display = sp.name or (sp.text if sp.resolved_from == "description" else None)
        if display is None:
            continue
        key_ent = sp.entity if sp.name else None  # a description ("Iraqi sources") is its own voice
        sur = _surname(sp.name) if sp.name else None
        g = None
        for cand in groups:
            if key_ent and cand["entity"] == key_ent:
                g = cand
                break
            if sp.name and cand["surname"] and sur and _close(cand["surname"], sur) and cand["kind"] == "name" and sur != cand["surname"]:
                g = cand  # spelling variants of one surname (the entities layer flags them)
                break
            if not key_ent and sp.name and cand["surname"] and _close(cand["surname"], sur) and cand["kind"] == "name":
                g = cand
                break
            if not sp.name and cand["display"].lower() == display.lower():
                g = cand
                break
        if g is None:
            g = {"entity": key_ent, "surname": sur, "display": display, "kind": "name" if sp.name else "description",
                 "voice": Voice(speaker=display, entity=key_ent)}
            groups.append(g)
        elif sp.name and len(sp.name) > len(g["display"]):
            g["display"] = sp.name
            g["voice"].speaker = sp.name
        v = g["voice"]
        if q.kind == "indirect":
            v.attributions += 1
        else:
            v.quotes += 1
            v.words_quoted += _words(" ".join(p.text for p in q.parts) if q.parts else q.content.text)
        if q.cue is not None and q.cue.lemma not in v.cues:
            v.cues.append(q.cue.lemma)
        if any(c.status == "ok" for c in q.citations):
            v.cited += 1
    return [g["voice"] for g in groups]
