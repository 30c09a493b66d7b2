"""Labelled findings for calibration, from the public benchmarks (and, where none exists, the hand-made fixtures).

Every source yields ``(document key, features, label)`` rows per calibration layer (``features.LAYERS``).
The findings are those of the layers' own ``analyse`` run on the benchmark text treated as body (the way
each ``evaluate`` command runs them), gathered into a ``Dossier`` so that the features are computed by
the same functions that ``apply.py`` uses at audit time.  Labels follow each evaluator's matching rule:

* quotes / speakers — PolNeAr **dev**: a quote is right when its content shares a token with a gold
  attribution's content (any annotator of the text); its speaker when, in addition, the speaker (or the
  source as written) shares a token with that attribution's source (no row when the gold gives no source);
* mentions / entities — MEANTIME: a mention is right when it overlaps a gold entity mention of its type
  (ours → MEANTIME); an entity when one of its mentions is right and all of its mentions that overlap gold
  point at one gold instance;
* times — TempEval-3 TBAQ (TimeBank + AQUAINT): right when paired with a gold TIMEX3 (the scorer's
  pairing) of the same value;
* claims — CheckThat! 2020 Task 5, the held-out test blocks of the check-worthiness model: right when
  the sentence's label is 1;
* rhetoric — PTC held-out articles (``id % 5 == 0``): right when it overlaps a gold span of the same
  technique (any gold span for the two devices PTC lacks);
* quantities / sourcing — no benchmark: the repo's hand-made gold (``tests/fixtures/quantities``,
  ``tests/fixtures/claims``).

The field set (articles judged by hand, ``tests/field/articles.txt``) is excluded everywhere: PolNeAr dev
texts at sorted index ``i % 4 == 0``, PTC articles with ``id % 10 == 0``, MEANTIME files at sorted index
``i % 8 == 0`` of each corpus, and any path the list names.
"""
from __future__ import annotations

import json
import logging
import re
import zlib
from pathlib import Path
from typing import Any, Callable, Iterable

from .features import LAYERS

log = logging.getLogger(__name__)

Row = tuple[str, dict[str, float], int]
REPO = Path(__file__).resolve().parents[3]
FIELD_LIST = REPO / "tests" / "field" / "articles.txt"
FIXTURES = REPO / "tests" / "fixtures"


def in_measure_part(key: str) -> bool:
    """The fixed split by document: CRC-32 of the document key mod 3 == 2 → measured, never fitted.

    Decided by the key alone, so a run limited to fewer documents measures only documents the full
    fit never saw."""
    return zlib.crc32(key.encode("utf-8")) % 3 == 2


Keep = Callable[[str], bool] | None


def _kept(keys: list[str], keep: Keep, limit: int | None) -> list[int]:
    """Indices of the documents to read: those ``keep`` accepts, at most ``limit``."""
    idx = [i for i, k in enumerate(keys) if keep is None or keep(k)]
    return idx[:limit] if limit else idx


def field_paths(bench: Path) -> set[str]:
    """Paths (relative to ``bench``) of the field set: by the rules above, plus the committed list if present."""
    out: set[str] = set()
    dev = bench / "polnear" / "dev" / "text"
    if dev.is_dir():
        out |= {f"polnear/dev/text/{p.name}" for i, p in enumerate(sorted(dev.glob("*.txt"))) if i % 4 == 0}
    mt = bench / "meantime"
    if mt.is_dir():
        for corpus in sorted(p for p in mt.iterdir() if p.is_dir()):
            out |= {str(p.relative_to(bench)) for i, p in enumerate(sorted(corpus.glob("*.xml"))) if i % 8 == 0}
    if FIELD_LIST.is_file():
        out |= {ln.strip() for ln in FIELD_LIST.read_text(encoding="utf-8").splitlines()
                if ln.strip() and not ln.startswith("#")}
    return out


def run_layers(text: str, doc, layers: Iterable[str], published: str | None = None,
               paragraphs: list[tuple[int, int]] | None = None):
    """The doc layers ``layers`` run on ``text`` (all of it body, one paragraph unless ``paragraphs``), as a Dossier."""
    from ..analyze import load_layer
    from ..analyze.base import Article, freeze
    from ..dossier import Citations, Dossier, Meta, Paragraph, Structure

    art = Article(text=text, body_ranges=((0, len(text)),), meta=Meta(published=published))
    paras = [Paragraph(start=a, end=b, text=text[a:b]) for a, b in (paragraphs or [(0, len(text))])]
    found: dict[str, Any] = {"structure": Structure(paragraphs=paras),
                             "citations": Citations(), "problems": []}
    for name in layers:
        out = load_layer(name).analyse(art, doc, freeze(found))
        for key, value in out.items():
            if key == "problems":
                found["problems"].extend(value)
            else:
                found[key] = value
    fields = {k: v for k, v in found.items() if k in Dossier.model_fields and k != "problems"}
    return Dossier(text=text, problems=found["problems"], **fields)


def _rows(out: dict[str, list[Row]], key: str, dossier, labellers: dict[str, Callable[[Any], int | None]]) -> None:
    for layer, label_of in labellers.items():
        feats = LAYERS[layer][0]
        for finding, f in feats(dossier):
            y = label_of(finding)
            if y is not None:
                out.setdefault(layer, []).append((key, f, int(y)))


def _pipe(texts: list[str], batch_size: int = 8):
    from ..nlp import get_nlp

    return get_nlp().pipe(texts, batch_size=batch_size)


# --------------------------------------------------------------------------- PolNeAr: quotes, speakers

def polnear(bench: Path, limit: int | None = None, keep: Keep = None) -> dict[str, list[Row]]:
    from ..evaluate.polnear import Tokens, to_pred
    from ..evaluate.polnear_data import load_dir

    root = bench / "polnear" / "dev"
    skip = field_paths(bench)
    golds: dict[str, list] = {}
    for g in load_dir(root):
        if f"polnear/dev/text/{g.name}.txt" not in skip:
            golds.setdefault(g.name, []).append(g)
    names = sorted(golds)
    names = [names[i] for i in _kept([f"polnear:{n}" for n in names], keep, limit)]
    out: dict[str, list[Row]] = {}
    for name, doc in zip(names, _pipe([golds[n][0].text for n in names])):
        text = golds[name][0].text
        d = run_layers(text, doc, ("entities", "quotes"))
        tk = Tokens(text)
        atts = [(tk.of(a.source.frags) if a.source else frozenset(), tk.of(a.content.frags) if a.content else frozenset())
                for g in golds[name] for a in g.attributions]
        matched: dict[int, list] = {}
        for q in d.quotes:
            content = tk.of(to_pred(q, text).content)
            matched[id(q)] = [src for src, cont in atts if content & cont]

        def speaker_label(sp, d=d, tk=tk):
            q = next(q for q in d.quotes if q.speaker is sp)
            hits = matched[id(q)]
            if not hits:
                return 0
            srcs = [s for s in hits if s]
            if not srcs:
                return None  # the gold gives no source: nothing to check the speaker against
            mine = tk.of([(sp.start, sp.end)] + ([(q.source.start, q.source.end)] if q.source else []))
            return int(any(mine & s for s in srcs))

        _rows(out, f"polnear:{name}", d, {"quotes": lambda q: int(bool(matched[id(q)])), "speakers": speaker_label})
    return out


# --------------------------------------------------------------------------- MEANTIME: mentions, entities

def meantime(bench: Path, limit: int | None = None, keep: Keep = None) -> dict[str, list[Row]]:
    from ..evaluate.meantime import TYPE_MAP, read_doc

    root = bench / "meantime"
    skip = field_paths(bench)
    files = [p for p in sorted(root.rglob("*.xml")) if str(p.relative_to(bench)) not in skip]
    files = [files[i] for i in _kept([_mt_key(p) for p in files], keep, limit)]
    golds = [read_doc(p) for p in files]
    out: dict[str, list[Row]] = {}
    for path, gold, doc in zip(files, golds, _pipe([g.text for g in golds])):
        d = run_layers(gold.text, doc, ("entities",))
        typed = [m for m in gold.mentions if m.type]

        def overlapping(s, e):
            return [m for m in typed if m.start < e and s < m.end]

        def mention_label(m):
            return int(any(g.type == TYPE_MAP.get(m.type) for g in overlapping(m.start, m.end)))

        def entity_label(ent):
            hits = [(sp, overlapping(sp.start, sp.end)) for sp in ent.mentions]
            right = any(g.type == TYPE_MAP.get(ent.type) for _, gs in hits for g in gs)
            instances = {g.instance for _, gs in hits for g in gs[:1]}
            return int(right and len(instances) == 1)

        _rows(out, _mt_key(path), d, {"mentions": mention_label, "entities": entity_label})
    return out


def _mt_key(path: Path) -> str:
    return f"meantime:{path.parent.name}/{path.name}"


# --------------------------------------------------------------------------- TempEval-3: times

def tempeval3(bench: Path, limit: int | None = None, keep: Keep = None) -> dict[str, list[Row]]:
    from ..evaluate.tempeval3 import find_files, read_timeml, score_file

    root = bench / "tempeval3" / "TBAQ-cleaned"
    files = find_files(root / "TimeBank") + find_files(root / "AQUAINT")
    files = [files[i] for i in _kept([f"tempeval3:{p.parent.name}/{p.name}" for p in files], keep, limit)]
    docs = [read_timeml(f) for f in files]
    out: dict[str, list[Row]] = {}
    for path, td, doc in zip(files, docs, _pipe([t.text for t in docs])):
        d = run_layers(td.text, doc, ("times",), published=td.dct.isoformat())
        _, pairs = score_file(td.timexes, d.times)
        gold_of = {id(s): g for g, s in pairs if s is not None}
        _rows(out, f"tempeval3:{path.parent.name}/{path.name}", d,
              {"times": lambda t: int(gold_of.get(id(t)) is not None and gold_of[id(t)].value == (t.value or ""))})
    return out


# --------------------------------------------------------------------------- CheckThat! 2020 Task 5: claims

CLAIM_LAYERS = ("entities", "quotes", "times", "quantities", "claims")
CHUNK = 40  # sentences per parsed text (one paragraph each): the layers' per-document cost is paid once per chunk


def checkworthy(bench: Path, limit: int | None = None, keep: Keep = None) -> dict[str, list[Row]]:
    import bisect

    from ..analyze.claims import checkworthy as cw

    path = bench / "checkworthy" / "clef2020-task5" / "train.tsv"
    rows = [(i, t.strip(), y) for i, (t, y) in enumerate(cw.read_tsv(path)) if cw.split_of(i) == "test" and t.strip()]
    chunks = [rows[k:k + CHUNK] for k in range(0, len(rows), CHUNK)]
    chunks = [chunks[i] for i in _kept([f"checkworthy:line{ch[0][0]}" for ch in chunks], keep, limit)]
    texts, starts = [], []
    for ch in chunks:
        pos, st = 0, []
        for _, t, _ in ch:
            st.append(pos)
            pos += len(t) + 2
        texts.append("\n\n".join(t for _, t, _ in ch))
        starts.append(st)
    out: dict[str, list[Row]] = {}
    for ch, text, st, doc in zip(chunks, texts, starts, _pipe(texts)):
        paras = [(a, a + len(t)) for a, (_, t, _) in zip(st, ch)]
        d = run_layers(text, doc, CLAIM_LAYERS, paragraphs=paras)
        labels = [y for _, _, y in ch]
        _rows(out, f"checkworthy:line{ch[0][0]}", d,
              {"claims": lambda c: labels[bisect.bisect_right(st, c.start) - 1]})
    return out


# --------------------------------------------------------------------------- PTC: rhetoric

def ptc(bench: Path, limit: int | None = None, keep: Keep = None) -> dict[str, list[Row]]:
    from ..evaluate.ptc import TECHNIQUES, load_corpus

    root = bench / "ptc-train"
    arts = [a for a in load_corpus(root / "articles", root / "labels-tc", split="heldout") if int(a.id) % 10 != 0]
    arts = [arts[i] for i in _kept([f"ptc:{a.id}" for a in arts], keep, limit)]
    out: dict[str, list[Row]] = {}
    for art, doc in zip(arts, _pipe([a.text for a in arts])):
        d = run_layers(art.text, doc, ("rhetoric",))

        def label(r, art=art):
            same = r.technique in TECHNIQUES
            return int(any(s < r.end and r.start < e and (t == r.technique or not same) for t, s, e in art.spans))

        _rows(out, f"ptc:{art.id}", d, {"rhetoric": label})
    return out


# --------------------------------------------------------------------------- fixtures: quantities, sourcing

def _audit(path: Path):
    from ..api import audit

    return audit(path)


def quantity_fixtures(fixtures: Path = FIXTURES) -> dict[str, list[Row]]:
    root = fixtures / "quantities"
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    out: dict[str, list[Row]] = {}
    for name in sorted(k for k in gold if not k.startswith("_")):
        d = _audit(root / name)
        text, g = d.text, gold[name]
        items = []
        for item in g["quantities"]:
            a = text.index(item["context"])
            i = text.index(item["number"], a)
            items.append((i, i + len(item["number"]), item))
        negs = [(text.index(n), text.index(n) + len(n)) for n in g.get("negatives", [])]

        def label(q):
            for a, b, item in items:
                if q.number.start <= a and b <= q.number.end:
                    ok = q.event == item["event"] and all(
                        (getattr(q, k) is None) == (item[k] is None) and (item[k] is None or abs(getattr(q, k) - item[k]) < 1e-6)
                        for k in ("value", "low", "high"))
                    return int(ok)
            if any(q.number.start < b and a < q.number.end for a, b in negs):
                return 0
            return None  # not annotated either way

        _rows(out, f"fixture:quantities/{name}", d, {"quantities": label})
    return out


def sourcing_fixtures(fixtures: Path = FIXTURES) -> dict[str, list[Row]]:
    root = fixtures / "claims"
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    out: dict[str, list[Row]] = {}
    for name in sorted(k for k in gold if not k.startswith("_")):
        d = _audit(root / name)
        items = [it for it in gold[name] if it.get("checkworthy") and it.get("sourcing")]

        def label(c):
            t = re.sub(r"^\W+", "", c.text)
            for it in items:
                if t.startswith(it["prefix"]):
                    return int(c.sourcing == it["sourcing"])
            return None

        _rows(out, f"fixture:claims/{name}", d, {"sourcing": label})
    return out


SOURCES: dict[str, tuple[str, Callable[..., dict[str, list[Row]]]]] = {
    "polnear": ("PolNeAr dev minus the field texts", polnear),
    "meantime": ("MEANTIME minus the field files", meantime),
    "tempeval3": ("TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT)", tempeval3),
    "checkworthy": ("CheckThat! 2020 Task 5 train.tsv, test blocks of the check-worthiness model", checkworthy),
    "ptc": ("PTC held-out articles (id % 5 == 0) minus the field ones (id % 10 == 0)", ptc),
}
LAYER_SOURCE = {"quotes": "polnear", "speakers": "polnear", "mentions": "meantime", "entities": "meantime",
                "times": "tempeval3", "claims": "checkworthy", "rhetoric": "ptc",
                "quantities": "fixtures", "sourcing": "fixtures"}
