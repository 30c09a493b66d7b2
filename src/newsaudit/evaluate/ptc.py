"""``newsaudit evaluate ptc ARTICLES_DIR LABELS_DIR``: the rhetoric layer on the Propaganda Techniques Corpus.

Corpus layout (SemEval-2020 Task 11): ``ARTICLES_DIR/article<ID>.txt`` and
``LABELS_DIR/article<ID>.*.labels`` with rows ``id<TAB>technique<TAB>start<TAB>end``
(``labels-tc``) or ``id<TAB>start<TAB>end`` (``labels-si``).

Two figures, computed as the organisers' scorers compute them (ported from
``ptc-train/scorer/task-SI_scorer.py`` and ``task-TC_scorer.py``):

* span identification (SI): the partial-overlap precision / recall / F1 of
  ``compute_score_pr``: gold spans that overlap are merged first, predicted
  spans that overlap are merged too (the scorer's ``-m`` option); precision sums
  ``|p ∩ g| / |p|`` over every (prediction, gold) pair and divides by the number
  of predictions, recall sums ``|p ∩ g| / |g|`` and divides by the number of
  gold spans;
* technique classification (TC): given the gold spans, the micro-averaged F1 of
  the predicted labels after the scorer's alignment of labels on identical
  spans (``Articles_annotations.align_annotations``), i.e. the share of gold
  spans labelled correctly; per-technique F1 as in the scorer.

Held-out split: every article whose numeric id is divisible by 5
(``id % 5 == 0``) is held out: never trained or tuned on
(``scripts/train_rhetoric.py`` uses the others).  ``--split`` picks
``heldout`` (default), ``train`` or ``all``.
"""
from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import click

from ..errors import DataNotFoundError

log = logging.getLogger(__name__)

TECHNIQUES = (
    "Appeal_to_Authority", "Appeal_to_fear-prejudice", "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy", "Causal_Oversimplification", "Doubt", "Exaggeration,Minimisation",
    "Flag-Waving", "Loaded_Language", "Name_Calling,Labeling", "Repetition", "Slogans",
    "Thought-terminating_Cliches", "Whataboutism,Straw_Men,Red_Herring",
)  # sorted, as the TC scorer sorts them
SPLITS = ("heldout", "train", "all")
_ID = re.compile(r"article(\d+)")


@dataclass
class PtcArticle:
    id: str
    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # (technique or "propaganda", start, end)


def is_heldout(article_id: str) -> bool:
    """The held-out rule: numeric article id divisible by 5."""
    try:
        return int(article_id) % 5 == 0
    except ValueError:
        return False


def in_split(article_id: str, split: str) -> bool:
    if split == "all":
        return True
    if split == "heldout":
        return is_heldout(article_id)
    if split == "train":
        return not is_heldout(article_id)
    raise ValueError(f"unknown split {split!r}; choose from {SPLITS}")


def load_corpus(articles_dir: Path | str, labels_dir: Path | str, split: str = "all", limit: int | None = None) -> list[PtcArticle]:
    """Read the articles of ``split`` (sorted by id) with their gold spans."""
    adir, ldir = Path(articles_dir), Path(labels_dir)
    if not adir.is_dir():
        raise DataNotFoundError(f"PTC articles folder not found: {adir}", hint="pass the corpus 'articles' folder (ptc-train/articles)")
    if not ldir.is_dir():
        raise DataNotFoundError(f"PTC labels folder not found: {ldir}", hint="pass the corpus 'labels-tc' folder (ptc-train/labels-tc)")
    files = sorted(adir.glob("article*.txt"), key=lambda p: _numeric_id(p.name))
    if not files:
        raise DataNotFoundError(f"no article*.txt files in {adir}", hint="the PTC layout is article<ID>.txt")
    labels: dict[str, list[tuple[str, int, int]]] = {}
    label_files = list(ldir.glob("*.labels"))
    if not label_files:
        raise DataNotFoundError(f"no *.labels files in {ldir}", hint="the PTC layout is article<ID>.task2-TC.labels")
    for lf in label_files:
        m = _ID.match(lf.name)
        if not m:
            continue
        rows = labels.setdefault(m.group(1), [])
        for n, line in enumerate(lf.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            try:
                if len(cols) == 4:
                    rows.append((cols[1], int(cols[2]), int(cols[3])))
                elif len(cols) == 3:
                    rows.append(("propaganda", int(cols[1]), int(cols[2])))
                else:
                    raise ValueError(f"{len(cols)} columns")
            except ValueError as exc:
                raise DataNotFoundError(f"ill-formed label row {n} in {lf}: {exc}") from None
    out: list[PtcArticle] = []
    for f in files:
        aid = _ID.match(f.name).group(1)
        if not in_split(aid, split):
            continue
        out.append(PtcArticle(aid, f.read_text(encoding="utf-8"), sorted(labels.get(aid, []), key=lambda s: s[1])))
        if limit is not None and len(out) >= limit:
            break
    return out


def _numeric_id(name: str) -> int:
    m = _ID.match(name)
    return int(m.group(1)) if m else -1


# --- span identification (port of task-SI_scorer.py, compute_score_pr) ---------------------------

def merge_overlapping(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge spans that share at least one character (as the scorer's ``merge_spans`` does)."""
    out: list[list[int]] = []
    for s, e in sorted((s, e) for s, e in spans if e > s):
        if out and s < out[-1][1]:  # shares a character (touching spans stay apart)
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def si_score(pred: dict[str, Sequence[tuple[int, int]]], gold: dict[str, Sequence[tuple[int, int]]]) -> dict[str, float]:
    """Partial-overlap P/R/F1 of predicted spans against gold spans, per article id.

    Gold spans are merged; predicted spans are merged (scorer option ``-m``).
    Articles with no gold rows count as having no gold spans (the official
    script would stop there).
    """
    gold_m = {a: merge_overlapping(v) for a, v in gold.items()}
    pred_m = {a: merge_overlapping(v) for a, v in pred.items()}
    prec_den = sum(len(v) for v in pred_m.values())
    rec_den = sum(len(v) for v in gold_m.values())
    prec_num = rec_num = 0.0
    for aid, spans in pred_m.items():
        for ps, pe in spans:
            for gs, ge in gold_m.get(aid, ()):
                inter = max(0, min(pe, ge) - max(ps, gs))
                prec_num += inter / (pe - ps)
                rec_num += inter / (ge - gs)
    p, r, f1 = _prf(prec_num, prec_den, rec_num, rec_den)
    return {"precision": p, "recall": r, "f1": f1, "predicted": prec_den, "gold": rec_den}


def _prf(pn: float, pd: int, rn: float, rd: int) -> tuple[float, float, float]:
    """``compute_prec_rec_f1`` of the scorer."""
    p = pn / pd if pd > 0 else 0.0
    r = rn / rd if rd > 0 else 0.0
    f1 = 0.0
    if pd == 0 and rd == 0:
        f1 = 1.0
    if p > 0 and r > 0:
        f1 = 2 * p * r / (p + r)
    return p, r, f1


# --- technique classification (port of task-TC_scorer.py) ------------------------------------------

def _align(sub: list[tuple[str, int, int]], gold: list[tuple[str, int, int]]) -> None:
    """``Articles_annotations.align_annotations``: reorder (in place) so that equal labels on equal spans line up."""
    def same(a, b):
        return a[1] == b[1] and a[2] == b[2]

    i = 0
    while i < len(sub):
        j1 = j2 = -1
        k2 = i
        found = False
        while k2 < len(gold) and same(gold[k2], gold[i]):
            k1 = i
            while k1 < len(sub) and same(sub[k1], sub[i]):
                if sub[k1] == gold[k2]:
                    j1, j2, found = k1, k2, True
                    break
                k1 += 1
            if found:
                break
            k2 += 1
        if j1 > i:
            sub[j1], sub[i] = sub[i], sub[j1]
        if j2 > i:
            gold[j2], gold[i] = gold[i], gold[j2]
        i += 1
        if j1 == -1:
            while i + 1 < len(sub) and same(sub[i], sub[i + 1]):
                i += 1


def tc_score(pred: dict[str, Sequence[tuple[str, int, int]]], gold: dict[str, Sequence[tuple[str, int, int]]]) -> dict:
    """Micro P/R/F1 (and per-technique F1) of labels predicted for the gold spans."""
    from sklearn.metrics import f1_score, precision_score, recall_score

    if set(pred) != set(gold):
        raise ValueError("TC scoring needs predictions for exactly the gold articles")
    gl: list[str] = []
    pl: list[str] = []
    for aid in gold:  # the scorer walks the gold articles in insertion order
        g = sorted(gold[aid], key=lambda x: x[1])
        p = sorted(pred[aid], key=lambda x: x[1])
        if len(g) != len(p) or any((a[1], a[2]) != (b[1], b[2]) for a, b in zip(g, p)):
            raise ValueError(f"predicted spans of article {aid} differ from the gold spans")
        _align(p, g)
        gl.extend(x[0] for x in g)
        pl.extend(x[0] for x in p)
    if not gl:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "spans": 0, "per_technique": {}}
    per = f1_score(gl, pl, average=None, labels=list(TECHNIQUES), zero_division=0)
    return {
        "precision": float(precision_score(gl, pl, average="micro")),
        "recall": float(recall_score(gl, pl, average="micro")),
        "f1": float(f1_score(gl, pl, average="micro")),
        "spans": len(gl),
        "per_technique": {t: float(f) for t, f in zip(TECHNIQUES, per)},
    }


# --- running the layer ---------------------------------------------------------------------------

def predict(articles: Sequence[PtcArticle], nlp=None, batch_size: int = 8) -> dict:
    """Run the rhetoric layer on each article; return SI spans, TC labels for the gold spans, timings."""
    from ..analyze.rhetoric import findings as rhetoric
    from ..analyze.base import Article
    from ..analyze.rhetoric.span_model import classify_spans
    from ..nlp import get_nlp

    nlp = nlp or get_nlp()
    si: dict[str, list[tuple[int, int]]] = {}
    tc: dict[str, list[tuple[str, int, int]]] = {}
    t_parse = t_layer = 0.0
    texts = (a.text for a in articles)
    docs = nlp.pipe(texts, batch_size=batch_size)
    for art in articles:
        t0 = time.perf_counter()
        doc = next(docs)
        t1 = time.perf_counter()
        out = rhetoric.analyse(Article(text=art.text, body_ranges=((0, len(art.text)),)), doc, {})
        t2 = time.perf_counter()
        t_parse += t1 - t0
        t_layer += t2 - t1
        si[art.id] = [(r.start, r.end) for r in out["rhetoric"] if r.technique in TECHNIQUES]
        gold = [(t, s, e) for t, s, e in art.spans if t != "propaganda"]
        labels = classify_spans(doc, [(s, e) for _, s, e in gold]) if gold else []
        tc[art.id] = [(lab, s, e) for lab, (_, s, e) in zip(labels, gold)]
    return {"si": si, "tc": tc, "parse_s": t_parse, "layer_s": t_layer}


def evaluate(articles: Sequence[PtcArticle], nlp=None) -> dict:
    pred = predict(articles, nlp)
    gold_si = {a.id: [(s, e) for _, s, e in a.spans] for a in articles}
    gold_tc = {a.id: [x for x in a.spans if x[0] != "propaganda"] for a in articles}
    res = {
        "articles": len(articles),
        "si": si_score(pred["si"], gold_si),
        "tc": tc_score(pred["tc"], gold_tc) if any(gold_tc.values()) else None,
        "parse_s": round(pred["parse_s"], 3),
        "layer_s": round(pred["layer_s"], 3),
        "layer_share_of_parse": round(pred["layer_s"] / pred["parse_s"], 4) if pred["parse_s"] else None,
    }
    res["_pred"] = pred
    return res


def write_submissions(pred: dict, folder: Path) -> None:
    """Write SI and TC predictions in the scorers' submission format (for cross-checking)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "submission-SI.tsv", "w", encoding="utf-8") as f:
        for aid, spans in pred["si"].items():
            for s, e in merge_overlapping(spans):
                f.write(f"{aid}\t{s}\t{e}\n")
    with open(folder / "submission-TC.tsv", "w", encoding="utf-8") as f:
        for aid, rows in pred["tc"].items():
            for t, s, e in rows:
                f.write(f"{aid}\t{t}\t{s}\t{e}\n")


@click.command(name="ptc")
@click.argument("articles_dir", type=click.Path(path_type=Path))
@click.argument("labels_dir", type=click.Path(path_type=Path))
@click.option("--split", type=click.Choice(SPLITS), default="heldout", show_default=True,
              help="heldout = articles with id % 5 == 0 (never trained on).")
@click.option("--limit", type=int, default=None, help="Only the first N articles of the split (by id).")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--write-predictions", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Also write submission files for the official scorers into this folder.")
def command(articles_dir, labels_dir, split, limit, as_json, write_predictions):
    """Span identification F1 and technique classification micro-F1 on a PTC folder."""
    articles = load_corpus(articles_dir, labels_dir, split=split, limit=limit)
    if not articles:
        raise DataNotFoundError(f"no articles of split {split!r} in {articles_dir}")
    res = evaluate(articles)
    pred = res.pop("_pred")
    if write_predictions:
        write_submissions(pred, write_predictions)
    res["split"] = split
    if as_json:
        click.echo(json.dumps(res, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"PTC ({split}, {res['articles']} articles)")
    for col in ("task", "precision", "recall", "F1", "items"):
        table.add_column(col, justify="right" if col != "task" else "left")
    si = res["si"]
    table.add_row("span identification", f"{si['precision']:.4f}", f"{si['recall']:.4f}", f"{si['f1']:.4f}",
                  f"{si['predicted']} pred / {si['gold']} gold")
    tc = res["tc"]
    if tc:
        table.add_row("technique classification (micro)", f"{tc['precision']:.4f}", f"{tc['recall']:.4f}", f"{tc['f1']:.4f}",
                      f"{tc['spans']} gold spans")
        for t, f in tc["per_technique"].items():
            table.add_row(f"  {t}", "", "", f"{f:.4f}", "")
    console = Console()
    console.print(table)
    if res["layer_share_of_parse"] is not None:
        console.print(f"layer time {res['layer_s']:.2f} s = {100 * res['layer_share_of_parse']:.1f}% of spaCy parse time ({res['parse_s']:.2f} s)")
