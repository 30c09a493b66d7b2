"""``newsaudit evaluate meantime DIR``: the entities layer against MEANTIME (NewsReader, CAT XML).

Reads every ``*.xml`` under DIR (recursively).  MEANTIME stores tokens with
``t_id``/``sentence``/``number`` attributes and marks entity mentions by token
anchors; the article text is rebuilt from the tokens (sentences on separate
lines, tokens joined with the usual English spacing) and each gold mention
becomes a character span of that text.  The entities layer runs on the rebuilt
text (all of it treated as body), and its mentions are compared with gold.

Type mapping (ours → MEANTIME):

* ``PERSON`` → ``PER``
* ``ORG`` → ``ORG``
* ``GPE``, ``LOC``, ``FAC`` → ``LOC``
* ``NORP`` → ``LOC`` (MEANTIME annotates nationality adjectives such as
  ``European`` or ``Canadian`` as mentions of the place)
* ``PRODUCT``, ``WORK_OF_ART`` → ``PRO``
* ``EVENT``, ``LAW``, ``LANGUAGE`` → not scored (MEANTIME has no such entity
  class; those predictions are left out); gold ``FIN`` and ``MIX`` mentions
  have no counterpart and count as misses.

Metrics:

* mention P/R/F1 per type and overall (micro), typed and untyped, with
  **exact** (same start and end) and **overlap** (any shared character;
  one-to-one greedy matching) criteria.  Recall is over gold *name* mentions
  (``syntactic_type`` ``NAM`` or ``PRE.NAM``, the ones a names layer should
  find); precision counts a prediction correct when it matches any gold entity
  mention of that type (MEANTIME leaves the syntactic type of many name
  mentions blank).  Gold mentions without a type (no ``REFERS_TO`` to a typed
  ``ENTITY``) are ignored.
* grouping: B-cubed P/R/F1 of the predicted mentions that overlap a gold name
  mention, clustered by our entity id versus by the gold entity instance
  (``REFERS_TO`` target), within each document.  Ambiguous mentions are
  singletons.
"""
from __future__ import annotations

import json
import logging
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..errors import DataNotFoundError

log = logging.getLogger(__name__)

TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "LOC", "PRODUCT": "PRO", "WORK_OF_ART": "PRO"}
GOLD_TYPES = ("PER", "ORG", "LOC", "PRO", "FIN", "MIX")
NAME_SYNTAX = frozenset({"NAM", "PRE.NAM"})
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "'"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


@dataclass
class GoldMention:
    start: int
    end: int
    type: str | None
    instance: str | None
    name: bool


@dataclass
class GoldDoc:
    name: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)


def rebuild_text(tokens: list[tuple[int, int, str]]) -> tuple[str, dict[int, tuple[int, int]]]:
    """Text from ``(sentence, number, token)`` triples in order; returns it and token-number → char span."""
    parts: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    pos = 0
    prev_sent = None
    prev_tok = None
    dq_open = False
    for sent, number, tok in tokens:
        if prev_sent is None:
            sep = ""
        elif sent != prev_sent:
            sep = "\n"
        elif tok in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER:
            sep = ""
        elif tok == '"':
            sep = "" if dq_open else " "
        elif prev_tok == '"' and dq_open:
            sep = ""
        else:
            sep = " "
        if tok == '"':
            dq_open = not dq_open
        parts.append(sep)
        pos += len(sep)
        spans[number] = (pos, pos + len(tok))
        parts.append(tok)
        pos += len(tok)
        prev_sent, prev_tok = sent, tok
    return "".join(parts), spans


def read_doc(path: Path) -> GoldDoc:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise DataNotFoundError(f"{path} is not well-formed XML: {exc}") from exc
    toks = []
    for t in root.iter("token"):
        try:
            toks.append((int(t.get("sentence")), int(t.get("number")), int(t.get("t_id")), t.text or ""))
        except (TypeError, ValueError):
            continue
    toks.sort(key=lambda x: x[1])
    text, spans = rebuild_text([(s, n, tx) for s, n, _, tx in toks])
    tid_span = {tid: spans[n] for _, n, tid, _ in toks}
    markables = root.find("Markables")
    relations = root.find("Relations")
    entities: dict[str, tuple[str, str]] = {}  # m_id -> (type, instance)
    mentions: dict[str, tuple[list[int], bool]] = {}
    if markables is not None:
        for el in markables:
            if el.tag == "ENTITY":
                entities[el.get("m_id")] = (el.get("ent_type") or "", el.get("instance_id") or f"{path.stem}#{el.get('m_id')}")
            elif el.tag == "ENTITY_MENTION":
                anchors = [int(a.get("t_id")) for a in el.findall("token_anchor") if a.get("t_id", "").isdigit()]
                mentions[el.get("m_id")] = (anchors, (el.get("syntactic_type") or "") in NAME_SYNTAX)
    refers: dict[str, str] = {}
    if relations is not None:
        for rel in relations.iter("REFERS_TO"):
            tgt = rel.find("target")
            if tgt is None or tgt.get("m_id") not in entities:
                continue
            for src in rel.findall("source"):
                refers[src.get("m_id")] = tgt.get("m_id")
    doc = GoldDoc(name=path.name, text=text)
    for mid, (anchors, is_name) in mentions.items():
        anchors = [a for a in anchors if a in tid_span]
        if not anchors:
            continue
        start = min(tid_span[a][0] for a in anchors)
        end = max(tid_span[a][1] for a in anchors)
        ent = entities.get(refers.get(mid, ""))
        doc.mentions.append(GoldMention(start, end, ent[0] if ent else None, ent[1] if ent else None, is_name))
    return doc


def load_dir(directory: Path, limit: int | None = None) -> list[GoldDoc]:
    directory = Path(directory)
    if not directory.is_dir():
        raise DataNotFoundError(f"MEANTIME directory not found: {directory}")
    files = sorted(directory.rglob("*.xml"))
    if not files:
        raise DataNotFoundError(f"no MEANTIME *.xml files under {directory}")
    if limit:
        files = files[:limit]
    docs = [read_doc(f) for f in files]
    if not any(d.mentions for d in docs):
        raise DataNotFoundError(f"no ENTITY_MENTION markables in the XML under {directory}: not MEANTIME CAT XML?")
    return docs


# --------------------------------------------------------------------------- metrics

def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "pred": n_pred, "gold": n_gold}


def _match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], exact: bool) -> int:
    """One-to-one greedy matching; returns the number of matched pairs."""
    if exact:
        g = Counter(gold)
        n = 0
        for p in pred:
            if g[p] > 0:
                g[p] -= 1
                n += 1
        return n
    used = [False] * len(gold)
    n = 0
    for ps, pe in sorted(pred):
        best, best_ov = -1, 0
        for k, (gs, ge) in enumerate(gold):
            if used[k]:
                continue
            ov = min(pe, ge) - max(ps, gs)
            if ov > best_ov:
                best, best_ov = k, ov
        if best >= 0:
            used[best] = True
            n += 1
    return n


def score_mentions(pairs: list[tuple[GoldDoc, list[tuple[int, int, str, str | None]]]]) -> dict:
    """Mention P/R/F1 per MEANTIME type, overall typed and untyped, exact and overlap.

    ``pairs``: (gold document, predicted mentions as (start, end, our type, entity id)).
    """
    out: dict = {}
    for crit in ("exact", "overlap"):
        exact = crit == "exact"
        tot = defaultdict(lambda: [0, 0, 0, 0])  # tp_p, n_pred, tp_r, n_gold
        for gold, pred in pairs:
            gold_typed = [m for m in gold.mentions if m.type]
            for typ in (*GOLD_TYPES, "ALL", "UNTYPED"):
                if typ == "UNTYPED":
                    ps = [(s, e) for s, e, t, _ in pred if t in TYPE_MAP]
                    g_all = [(m.start, m.end) for m in gold_typed]
                    g_nam = [(m.start, m.end) for m in gold_typed if m.name]
                elif typ == "ALL":
                    continue
                else:
                    ps = [(s, e) for s, e, t, _ in pred if TYPE_MAP.get(t) == typ]
                    g_all = [(m.start, m.end) for m in gold_typed if m.type == typ]
                    g_nam = [(m.start, m.end) for m in gold_typed if m.type == typ and m.name]
                prec_tp = _match(ps, g_all, exact)
                rec_tp = _match(ps, g_nam, exact)
                for key in ((typ,) if typ == "UNTYPED" else (typ, "ALL")):
                    t = tot[key]
                    t[0] += prec_tp
                    t[1] += len(ps)
                    t[2] += rec_tp
                    t[3] += len(g_nam)
        out[crit] = {k: _prf(*v) for k, v in tot.items()}
    return out


def bcubed(pairs: list[tuple[GoldDoc, list[tuple[int, int, str, str | None]]]]) -> dict[str, float]:
    """B-cubed over predicted mentions that overlap a gold name mention with an instance, per document."""
    ps, rs = [], []
    for gold, pred in pairs:
        gm = [m for m in gold.mentions if m.instance and m.type and m.name]
        items = []  # (gold instance, predicted cluster)
        used = set()
        for k, (s, e, t, eid) in enumerate(sorted(pred)):
            best, best_ov = None, 0
            for j, m in enumerate(gm):
                if j in used:
                    continue
                ov = min(e, m.end) - max(s, m.start)
                if ov > best_ov:
                    best, best_ov = j, ov
            if best is not None:
                used.add(best)
                items.append((gm[best].instance, eid or f"_single{k}"))
        for gi, pi in items:
            same_p = [x for x in items if x[1] == pi]
            same_g = [x for x in items if x[0] == gi]
            both = sum(1 for x in items if x[0] == gi and x[1] == pi)
            ps.append(both / len(same_p))
            rs.append(both / len(same_g))
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "mentions": len(ps)}


def run(directories: list[Path], limit: int | None = None, batch_size: int = 8) -> dict:
    """Run the entities layer over MEANTIME directories and return all metrics."""
    from ..analyze.entities import mentions as entities
    from ..analyze.base import Article, freeze
    from ..dossier import Paragraph, Structure
    from ..nlp import get_nlp

    docs: list[GoldDoc] = []
    for d in directories:
        docs += load_dir(Path(d), limit)
    nlp = get_nlp()
    t0 = time.perf_counter()
    pairs = []
    for gold, doc in zip(docs, nlp.pipe((g.text for g in docs), batch_size=batch_size)):
        t = gold.text
        art = Article(text=t, body_ranges=((0, len(t)),))
        found = freeze({"structure": Structure(paragraphs=[Paragraph(start=0, end=len(t), text=t)]), "problems": []})
        out = entities.analyse(art, doc, found)
        pairs.append((gold, [(m.start, m.end, m.type, m.entity) for m in out["mentions"]]))
    elapsed = time.perf_counter() - t0
    return {
        "documents": len(docs),
        "seconds": round(elapsed, 1),
        "type_map": {k: v for k, v in TYPE_MAP.items()},
        "mentions": score_mentions(pairs),
        "bcubed": bcubed(pairs),
    }


def _table(res: dict) -> str:
    lines = [f"MEANTIME — entities layer, {res['documents']} documents, {res['seconds']} s",
             "type map (ours→MEANTIME): " + ", ".join(f"{k}→{v}" for k, v in res["type_map"].items())
             + "; EVENT/LAW/LANGUAGE not scored; gold FIN/MIX have no counterpart",
             "recall over gold NAM/PRE.NAM mentions; precision against any gold entity mention of the type", ""]
    lines.append(f"{'type':<9}{'crit':<9}{'P':>8}{'R':>8}{'F1':>8}{'pred':>7}{'gold':>7}")
    for typ in ("PER", "ORG", "LOC", "PRO", "FIN", "MIX", "ALL", "UNTYPED"):
        for crit in ("exact", "overlap"):
            m = res["mentions"][crit].get(typ)
            if m:
                lines.append(f"{typ:<9}{crit:<9}{m['p']:>8.3f}{m['r']:>8.3f}{m['f1']:>8.3f}{m['pred']:>7}{m['gold']:>7}")
    b = res["bcubed"]
    lines += ["", f"grouping B-cubed (over {b['mentions']} matched mentions): P {b['p']:.3f}  R {b['r']:.3f}  F1 {b['f1']:.3f}"]
    return "\n".join(lines)


@click.command("meantime")
@click.argument("directories", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--limit", type=int, default=None, help="At most N documents per directory.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
def command(directories, limit, as_json):
    """Score entity mentions and grouping on MEANTIME CAT XML directories (e.g. corpus_airbus)."""
    res = run(list(directories), limit=limit)
    click.echo(json.dumps(res, indent=2) if as_json else _table(res))
