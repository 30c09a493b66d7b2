"""``newsaudit evaluate field``: precision of what a reader sees, judged by hand on real articles.

The field set (``tests/field/articles.txt``) is a list of paths into the shared benchmarks folder: real news
texts that no shipped model was trained or tuned on.  ``tests/field/judgements.jsonl`` holds one judgement per
line, keyed by article and by the finding's key (a hash of layer, span and label, see
:mod:`newsaudit.report.findings`): ``{"article", "key", "layer", "start", "end", "label", "verdict", "note"}``
with ``verdict`` one of ``right`` / ``partly`` / ``wrong``; a miss the judge noticed is a line with
``"verdict": "miss"``.  A finding whose span or label changes gets a new key and is unjudged until judged again.

Printed per layer: findings shown, judged (right / partly / wrong), unjudged, strict precision (right ÷ judged)
and lenient precision ((right + partly) ÷ judged), misses recorded, and the same for held-back findings.
``--sheet DIR`` writes one review sheet per article (Markdown) listing the unjudged findings with context, for
the judge.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

import click

VERDICTS = ("right", "partly", "wrong")


@dataclass
class FieldArticle:
    path: str  # relative to the benchmarks folder
    text: str
    published: str | None


def read_list(field_dir: Path) -> list[str]:
    lines = (field_dir / "articles.txt").read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _polnear_dates(bench: Path) -> dict[str, str]:
    meta = bench / "polnear" / "metadata.tsv"
    out: dict[str, str] = {}
    if meta.is_file():
        with meta.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", row.get("publication_date") or ""):
                    out[row["filename"]] = row["publication_date"]
    return out


def load_article(bench: Path, rel: str, polnear_dates: dict[str, str]) -> FieldArticle:
    """The article's text as a user would paste it, and its publication date when the source gives it."""
    from ..errors import DataNotFoundError

    path = bench / rel
    if not path.is_file():
        raise DataNotFoundError(f"field article {rel} is not under {bench}", hint="pass the benchmarks folder with --data")
    if path.suffix == ".xml":  # MEANTIME CAT: tokens rebuilt into text; its creation time is the publication date
        from .meantime import read_doc

        raw = path.read_text(encoding="utf-8")
        m = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw)
        return FieldArticle(rel, read_doc(path).text, m.group(1) if m else None)
    text = path.read_text(encoding="utf-8")
    published = next((d for name, d in polnear_dates.items() if path.stem.startswith(name) or name.startswith(path.stem)), None)
    return FieldArticle(rel, text, published)


def read_judgements(field_dir: Path) -> list[dict]:
    path = field_dir / "judgements.jsonl"
    if not path.is_file():
        return []
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec.get("verdict") not in (*VERDICTS, "miss"):
            raise ValueError(f"{path}:{n}: verdict must be one of right/partly/wrong/miss, not {rec.get('verdict')!r}")
        out.append(rec)
    return out


def audit_field(bench: Path, field_dir: Path, limit: int | None = None):
    """[(article, dossier)] for the field set, audited as a user would (the publication date given)."""
    from ..api import audit

    dates = _polnear_dates(bench)
    out = []
    for rel in read_list(field_dir)[:limit]:
        art = load_article(bench, rel, dates)
        out.append((art, audit(art.text, published=art.published)))
    return out


def _row() -> dict:
    return {"shown": 0, "right": 0, "partly": 0, "wrong": 0, "unjudged": 0, "misses": 0,
            "held": 0, "held_judged": 0, "held_right": 0}


def score(audited, judgements: list[dict]) -> dict:
    """Per-layer counts and precision over the findings the default view shows."""
    from ..report.findings import LAYERS, findings

    judged = {(j["article"], j["key"]): j["verdict"] for j in judgements if j["verdict"] != "miss"}
    layers = {name: _row() for name in LAYERS}
    articles = 0
    for art, dossier in audited:
        articles += 1
        for f in findings(dossier):
            row = layers[f.layer]
            verdict = judged.get((art.path, f.key))
            if not f.shown:
                row["held"] += 1
                if verdict:
                    row["held_judged"] += 1
                    row["held_right"] += verdict == "right"
                continue
            row["shown"] += 1
            row[verdict or "unjudged"] += 1
    paths = {art.path for art, _ in audited}
    for j in judgements:
        if j["verdict"] == "miss" and j["article"] in paths and j.get("layer") in layers:
            layers[j["layer"]]["misses"] += 1
    for row in layers.values():
        n = row["right"] + row["partly"] + row["wrong"]
        row["judged"] = n
        row["strict"] = round(row["right"] / n, 3) if n else None
        row["lenient"] = round((row["right"] + row["partly"]) / n, 3) if n else None
    total = {k: sum(r[k] for r in layers.values()) for k in ("shown", "judged", "right", "partly", "wrong", "unjudged", "misses")}
    return {"articles": articles, "layers": layers, "total": total}


def write_sheets(audited, judgements: list[dict], out_dir: Path, sample: int | None = None, seed: int = 0) -> int:
    """Review sheets of the unjudged findings; returns how many findings they list.

    Without ``sample``: one Markdown sheet per article with all its unjudged findings and the article text.
    With ``sample``: one JSONL file (``sample.jsonl``) of at most ``sample`` unjudged findings per layer and
    shown/held group, drawn at random (``seed``) across articles, for judging a layer's precision quickly.
    """
    import random

    from ..report.findings import findings

    done = {(j["article"], j["key"]) for j in judgements}
    out_dir.mkdir(parents=True, exist_ok=True)

    def record(art, dossier, f) -> str:
        return json.dumps({"article": art.path, "key": f.key, "layer": f.layer, "start": f.start, "end": f.end,
                           "label": f.label, "shown": f.shown, "text": f.text[:300],
                           "context": _context(dossier.text, f.start, f.end)}, ensure_ascii=False)

    if sample is not None:
        groups: dict[tuple[str, bool], list[str]] = {}
        for art, dossier in audited:
            for f in findings(dossier):
                if (art.path, f.key) not in done:
                    groups.setdefault((f.layer, f.shown), []).append(record(art, dossier, f))
        rng = random.Random(seed)
        picked = []
        for key in sorted(groups):
            pool = groups[key]
            picked += rng.sample(pool, min(sample, len(pool)))
        (out_dir / "sample.jsonl").write_text("".join(p + "\n" for p in picked), encoding="utf-8")
        return len(picked)
    listed = 0
    for n, (art, dossier) in enumerate(audited):
        todo = [f for f in findings(dossier) if (art.path, f.key) not in done]
        if not todo:
            continue
        lines = [f"# {art.path}", "", f"published: {art.published or 'unknown'}", "", "## Findings to judge", ""]
        lines += [record(art, dossier, f) for f in todo]
        lines += ["", "## Article text", "", "```", dossier.text, "```"]
        (out_dir / f"{n:02d}_{Path(art.path).stem[:60]}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
        listed += len(todo)
    return listed


def _context(text: str, start: int, end: int, width: int = 160) -> str:
    a = max(0, start - width)
    b = min(len(text), end + width)
    return text[a:start] + "⟦" + text[start:end][:400] + "⟧" + text[end:b]


def _table(res: dict) -> str:
    head = f"{'layer':<11}{'shown':>6}{'judged':>7}{'right':>6}{'partly':>7}{'wrong':>6}{'unjudged':>9}{'strict':>8}{'lenient':>8}{'misses':>7}{'held':>6}"
    out = [f"field set: {res['articles']} articles", head]
    for name, r in res["layers"].items():
        s = "—" if r["strict"] is None else f"{r['strict']:.3f}"
        le = "—" if r["lenient"] is None else f"{r['lenient']:.3f}"
        out.append(f"{name:<11}{r['shown']:>6}{r['judged']:>7}{r['right']:>6}{r['partly']:>7}{r['wrong']:>6}{r['unjudged']:>9}"
                   f"{s:>8}{le:>8}{r['misses']:>7}{r['held']:>6}")
    t = res["total"]
    out.append(f"{'all':<11}{t['shown']:>6}{t['judged']:>7}{t['right']:>6}{t['partly']:>7}{t['wrong']:>6}{t['unjudged']:>9}")
    return "\n".join(out)


def default_bench() -> Path:
    import os

    shared = os.environ.get("NEWSAUDIT_SHARED")
    return Path(shared) / "benchmarks" if shared else Path("..") / "shared" / "benchmarks"


@click.command("field")
@click.argument("field_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("tests/field"))
@click.option("--data", "bench", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The benchmarks folder the field paths point into (default: ../shared/benchmarks).")
@click.option("--sheet", "sheet_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write review sheets of the unjudged findings into this folder.")
@click.option("--sample", type=int, default=None, help="With --sheet: at most N random unjudged findings per layer (shown / held).")
@click.option("--seed", type=int, default=0, help="Random seed for --sample.")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def command(field_dir: Path, bench: Path | None, sheet_dir: Path | None, sample: int | None, seed: int, limit: int | None, as_json: bool) -> None:
    """Precision of the default-shown findings on the hand-judged field set (tests/field)."""
    bench = bench or default_bench()
    judgements = read_judgements(field_dir)
    audited = audit_field(bench, field_dir, limit)
    if sheet_dir is not None:
        n = write_sheets(audited, judgements, sheet_dir, sample, seed)
        click.echo(f"{n} unjudged findings written to {sheet_dir}", err=True)
    res = score(audited, judgements)
    click.echo(json.dumps(res, indent=2) if as_json else _table(res))
