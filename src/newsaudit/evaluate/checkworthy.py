"""``newsaudit evaluate checkworthy FILE``: the check-worthiness scorer on CheckThat!-style data.

FILE is a TSV of ``text<TAB>label`` with a header (CLEF CheckThat! 2020 Task 5
layout).  ``--split test`` (the default) scores only the held-out part of the
fixed block split the shipped model was trained with (blocks of 1,000
consecutive lines, block index mod 5 == 4; see ``analyze.checkworthy``) — use
it on ``clef2020-task5/train.tsv``.  ``--split all`` scores every line (for
files the model never saw).  Prints precision / recall / F1 of the positive
class at the model's threshold and average precision.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import click


def average_precision(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Average precision of the positive class (the mean of precision at each positive, ranked by score)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits = 0
    total = 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    n_pos = sum(1 for y in labels if y)
    return total / n_pos if n_pos else 0.0


def prf(labels: Sequence[int], predicted: Sequence[int]) -> dict[str, float]:
    tp = sum(1 for y, p in zip(labels, predicted) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted) if not y and p)
    fn = sum(1 for y, p in zip(labels, predicted) if y and not p)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def metrics(labels: Sequence[int], scores: Sequence[float], threshold: float) -> dict[str, float]:
    """P / R / F1 of the positive class at ``threshold`` and average precision."""
    out = prf(labels, [1 if s >= threshold else 0 for s in scores])
    out.update(average_precision=average_precision(labels, scores), threshold=threshold,
               n=len(labels), positives=sum(1 for y in labels if y))
    return out


def evaluate_file(path: Path, split: str = "test", limit: int | None = None, model: Path | None = None) -> dict[str, float]:
    from ..analyze.claims import checkworthy as cw
    from ..errors import DataNotFoundError

    rows = cw.read_tsv(path)
    if split != "all":
        rows = [r for i, r in enumerate(rows) if cw.split_of(i) == split]
    if limit:
        rows = rows[:limit]
    bundle = cw.load_model(model)
    if bundle is None:
        raise DataNotFoundError(f"no check-worthiness model at {model or cw.MODEL_PATH}",
                                hint="train one with scripts/train_checkworthy.py")
    texts = [t for t, _ in rows]
    labels = [y for _, y in rows]
    scores = cw.score_texts(texts, bundle) or []
    out = metrics(labels, scores, float(bundle.get("threshold", 0.5)))
    out["split"] = split
    return out


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--split", type=click.Choice(["test", "dev", "train", "all"]), default="test", show_default=True,
              help="part of the fixed block split to score (test = never trained or tuned on); 'all' for other files")
@click.option("--limit", type=int, default=None, help="score only the first N lines of the split")
@click.option("--model", type=click.Path(path_type=Path), default=None, help="a model bundle other than the shipped one")
@click.option("--json", "as_json", is_flag=True, help="print the metrics as JSON")
def command(file: Path, split: str, limit: int | None, model: Path | None, as_json: bool) -> None:
    """Check-worthiness: P/R/F1 of the positive class and average precision on FILE (text<TAB>label)."""
    m = evaluate_file(file, split=split, limit=limit, model=model)
    if as_json:
        click.echo(json.dumps(m, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"check-worthiness on {file.name} (split: {split}, {m['n']} sentences, {m['positives']} positive)",
              title_justify="left")
    for col in ("precision", "recall", "F1", "average precision", "threshold"):
        t.add_column(col, justify="right")
    t.add_row(f"{m['precision']:.4f}", f"{m['recall']:.4f}", f"{m['f1']:.4f}", f"{m['average_precision']:.4f}",
              f"{m['threshold']:.3f}")
    Console().print(t)
