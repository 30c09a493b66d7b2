"""Reading PolNeAr (brat standoff) attribution annotations.

Layout: ``DIR/text/NAME.txt`` and ``DIR/attributions/NAME_xxxx.ann`` (the
annotation file name is the text name plus an annotator suffix).  Only the
path given by the caller is read; nothing of the corpus ships with newsaudit.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataNotFoundError

log = logging.getLogger(__name__)

Frag = tuple[int, int]


@dataclass
class GoldSpan:
    label: str  # Source | Cue | Content
    frags: list[Frag]

    @property
    def start(self) -> int:
        return min(a for a, _ in self.frags)

    @property
    def end(self) -> int:
        return max(b for _, b in self.frags)


@dataclass
class GoldAttribution:
    source: GoldSpan | None
    cue: GoldSpan | None
    content: GoldSpan | None


@dataclass
class GoldDoc:
    name: str
    text: str
    spans: list[GoldSpan] = field(default_factory=list)
    attributions: list[GoldAttribution] = field(default_factory=list)


LABELS = ("Source", "Cue", "Content")


def _parse_frags(s: str) -> list[Frag]:
    out = []
    for part in s.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def parse_ann(ann: str) -> tuple[list[GoldSpan], list[GoldAttribution]]:
    spans: dict[str, GoldSpan] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offs = parts[1].partition(" ")
            try:
                spans[parts[0]] = GoldSpan(label, _parse_frags(offs))
            except ValueError:
                log.warning("ill-formed span line skipped: %r", line[:80])
        elif line.startswith("E") and len(parts) >= 2:
            roles = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                roles[role] = ref
            events.append(roles)
    atts = []
    for roles in events:
        get = lambda r: spans.get(roles[r]) if r in roles else None  # noqa: E731
        atts.append(GoldAttribution(get("Source"), get("Cue"), get("Content")))
    return [s for s in spans.values() if s.label in LABELS], atts


def load_dir(path: str | Path, limit: int | None = None) -> list[GoldDoc]:
    root = Path(path)
    tdir, adir = root / "text", root / "attributions"
    if not tdir.is_dir() or not adir.is_dir():
        raise DataNotFoundError(f"{root} is not a PolNeAr directory (needs text/ and attributions/)")
    anns = sorted(adir.glob("*.ann"))
    if not anns:
        raise DataNotFoundError(f"{adir} holds no .ann files")
    texts = {p.stem: p for p in tdir.glob("*.txt")}
    docs = []
    for ann in anns:
        stem = ann.stem
        tp = texts.get(stem) or texts.get(stem.rsplit("_", 1)[0])
        if tp is None:
            log.warning("no text for %s", ann.name)
            continue
        text = tp.read_text(encoding="utf-8")
        spans, atts = parse_ann(ann.read_text(encoding="utf-8"))
        docs.append(GoldDoc(tp.stem, text, spans, atts))
        if limit and len(docs) >= limit:
            break
    if not docs:
        raise DataNotFoundError(f"{root}: no annotated texts found")
    return docs
