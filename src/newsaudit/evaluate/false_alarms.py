"""``newsaudit evaluate false-alarms``: rhetoric findings shown by default on neutral reporting.

Neutral mainstream reporting should raise (almost) no propaganda alarm.  The texts: PolNeAr's wire stories
(``metadata.tsv`` column ``wire``: AP, Reuters, AFP, UPI; real news with datelines) and MEANTIME's Wikinews
articles.  Neither was used to train or tune the rhetoric models (they were trained on PTC).  Printed: default-
shown findings (score at or above the report's display threshold) per 1,000 words, per corpus and overall,
and how the rate falls as the threshold rises, so the threshold can be chosen on evidence.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import click

WIRES = {"ap", "reuters", "afp", "upi"}
THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def neutral_texts(bench: Path, limit: int | None = None) -> list[tuple[str, str, str]]:
    """(corpus, name, text) for the wire stories of PolNeAr and the MEANTIME articles under ``bench``."""
    from ..errors import DataNotFoundError
    from .meantime import read_doc

    out: list[tuple[str, str, str]] = []
    meta = bench / "polnear" / "metadata.tsv"
    meantime = bench / "meantime"
    if not meta.is_file() or not meantime.is_dir():
        raise DataNotFoundError(f"no PolNeAr metadata or MEANTIME corpus under {bench}",
                                hint="pass the benchmarks folder, e.g. ../shared/benchmarks")
    texts = {p.stem: p for p in (bench / "polnear").glob("*/text/*.txt")}
    with meta.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if (row.get("wire") or "").strip().lower() in WIRES:
                path = texts.get(row["filename"]) or next((p for k, p in texts.items() if k.startswith(row["filename"])), None)
                if path is not None:
                    out.append(("polnear-wire", path.name, path.read_text(encoding="utf-8")))
    for p in sorted(meantime.glob("corpus_*/*.xml")):
        out.append(("meantime", p.name, read_doc(p).text))
    return out[:limit] if limit else out


def evaluate(bench: Path, limit: int | None = None) -> dict:
    from ..api import audit
    from ..report.sections.rhetoric import MIN_SCORE
    from ..settings import AuditOptions

    options = AuditOptions(detect_language=False)
    per: dict[str, dict] = {}
    examples: list[dict] = []
    for corpus, name, text in neutral_texts(bench, limit):
        found = audit(text, options=options).rhetoric  # the full pipeline: quoted speech is masked as in use
        words = len(text.split())
        c = per.setdefault(corpus, {"texts": 0, "words": 0, **{f"shown@{t}": 0 for t in THRESHOLDS}})
        c["texts"] += 1
        c["words"] += words
        for t in THRESHOLDS:
            c[f"shown@{t}"] += sum(1 for r in found if r.score >= t)
        for r in found:
            if r.score >= MIN_SCORE and len(examples) < 15:
                examples.append({"file": name, "technique": r.technique, "score": round(r.score, 2), "text": r.text[:90]})
    total_words = sum(c["words"] for c in per.values())
    overall = {t: sum(c[f"shown@{t}"] for c in per.values()) * 1000 / max(1, total_words) for t in THRESHOLDS}
    return {"display_threshold": MIN_SCORE, "corpora": per, "per_1000_words": overall,
            "per_1000_words_default": overall.get(MIN_SCORE), "words": total_words, "examples": examples}


@click.command()
@click.argument("bench", type=click.Path(path_type=Path))
@click.option("--limit", type=int, default=None, help="score only the first N texts")
@click.option("--json", "as_json", is_flag=True, help="print the metrics as JSON")
def command(bench: Path, limit: int | None, as_json: bool) -> None:
    """Rhetoric false alarms per 1,000 words on neutral reporting (PolNeAr wire stories, MEANTIME) under BENCH."""
    m = evaluate(bench, limit)
    if as_json:
        click.echo(json.dumps(m, indent=2, ensure_ascii=False))
        return
    click.echo(f"{m['words']} words; display threshold {m['display_threshold']}")
    for corpus, c in m["corpora"].items():
        shown = c.get(f"shown@{m['display_threshold']}", 0)
        click.echo(f"  {corpus}: {c['texts']} texts, {c['words']} words, {shown} shown at the display threshold")
    click.echo("findings shown per 1,000 words, by threshold: "
               + ", ".join(f"{t}: {v:.2f}" for t, v in m["per_1000_words"].items()))
    for x in m["examples"]:
        click.echo(f"  e.g. {x['file']}: {x['technique']} {x['score']}: {x['text']!r}")
