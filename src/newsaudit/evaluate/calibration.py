"""``newsaudit evaluate calibration DIR [--fit]``: how well each layer's ``confidence`` is calibrated.

DIR is the benchmarks folder (``../shared/benchmarks``).  For every calibration layer the labelled
findings of ``calibrate.samples`` are split by document: a document whose key has CRC-32 mod 3 == 2
is in the *measure* part, the rest in the *fit* part (for CheckThat! a "document" is a run of 40
consecutive lines of one debate).  Without ``--fit`` the shipped
parameters (``calibrate/model/<layer>.json``) are scored on the measure part (only its documents are
read); with ``--fit`` they are
re-fitted on the fit part (scikit-learn), written, and then scored on the measure part.  Quantities and
sourcing have no benchmark: they are fitted and measured on the same hand-made fixtures (in-sample,
said so in the output).  Prints per layer n, positives, ECE (10 equal-width bins), Brier score and a
reliability table.
"""
from __future__ import annotations

import json
import math
import time
from pathlib import Path

import click

from ..calibrate import metrics
from ..calibrate.samples import FIXTURES, LAYER_SOURCE, SOURCES, Row, in_measure_part
from ..errors import DataNotFoundError

ALL_LAYERS = tuple(LAYER_SOURCE)
IN_SAMPLE = ("quantities", "sourcing")


def split_rows(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """(fit part, measure part) by document (``in_measure_part``)."""
    return [r for r in rows if not in_measure_part(r[0])], [r for r in rows if in_measure_part(r[0])]


def collect(bench: Path, layers: tuple[str, ...], limit: int | dict[str, int] | None, fixtures: Path,
            measure_only: bool = False) -> tuple[dict[str, list[Row]], dict[str, float]]:
    from ..calibrate import samples

    rows: dict[str, list[Row]] = {}
    seconds: dict[str, float] = {}
    needed = {LAYER_SOURCE[lay] for lay in layers}
    for src in [s for s in SOURCES if s in needed] + (["fixtures"] if "fixtures" in needed else []):
        t0 = time.perf_counter()
        if src == "fixtures":
            got: dict[str, list[Row]] = {}
            if "quantities" in layers:
                got.update(samples.quantity_fixtures(fixtures))
            if "sourcing" in layers:
                got.update(samples.sourcing_fixtures(fixtures))
        else:
            _check(bench, src)
            lim = limit.get(src) if isinstance(limit, dict) else limit
            got = SOURCES[src][1](bench, lim, in_measure_part if measure_only else None)
        seconds[src] = round(time.perf_counter() - t0, 1)
        for lay, r in got.items():
            if lay in layers:
                rows.setdefault(lay, []).extend(r)
    return rows, seconds


_NEEDS = {"polnear": "polnear/dev", "meantime": "meantime", "tempeval3": "tempeval3/TBAQ-cleaned",
          "checkworthy": "checkworthy/clef2020-task5/train.tsv", "ptc": "ptc-train/articles"}


def _check(bench: Path, src: str) -> None:
    if not (bench / _NEEDS[src]).exists():
        raise DataNotFoundError(f"{bench / _NEEDS[src]} not found",
                                hint="give the benchmarks folder (../shared/benchmarks) or pick layers with --layer")


def run(bench: Path, layers: tuple[str, ...] = ALL_LAYERS, fit: bool = False, limit: int | dict[str, int] | None = None,
        fixtures: Path = FIXTURES, model_dir: Path | None = None, measure_only: bool = False) -> dict:
    """Score (after re-fitting, with ``fit``) the calibration of ``layers``.  ``limit``: at most N documents
    per benchmark (or per source name: ``{"ptc": 8}``); ``measure_only``: read only measure-part documents (no fitting then possible)."""
    if fit and measure_only:
        raise ValueError("cannot fit on the measure part only")
    from ..calibrate.apply import clear_cache, load, predict

    rows, seconds = collect(Path(bench), layers, limit, fixtures, measure_only)
    results: dict = {"_meta": {"dir": str(bench), "limit": limit, "fit": fit, "seconds": seconds}}
    for layer in layers:
        data = rows.get(layer, [])
        if not data:
            results[layer] = {"n": 0, "error": "no labelled findings"}
            continue
        in_sample = layer in IN_SAMPLE
        fit_part, measure = (data, data) if in_sample else split_rows(data)
        if fit:
            from ..calibrate.fit import fit_params, write_params

            params = fit_params(layer, fit_part)
            write_params(params, _provenance(layer, fit_part, measure, in_sample, limit), model_dir)
            clear_cache()
        params, why = load(layer, model_dir)
        if params is None:
            results[layer] = {"n": len(measure), "error": why}
            continue
        probs = [predict(params, f) for _, f, _ in measure]
        res = metrics.summary(probs, [y for _, _, y in measure])
        if all("logit_score" in f for _, f, _ in measure):  # the raw model score, for comparison
            raw = [1.0 / (1.0 + math.exp(-f["logit_score"])) for _, f, _ in measure]
            res["raw_score_ece"] = round(metrics.ece(raw, [y for _, _, y in measure]), 4)
        res.update(source=_source_name(layer), split=_split_name(in_sample), fit_n=params.get("fit_rows", len(fit_part)),
                   measure_docs=len({k for k, _, _ in measure}), method=params.get("method", ""))
        results[layer] = res
    return results


def _source_name(layer: str) -> str:
    src = LAYER_SOURCE[layer]
    if src == "fixtures":
        return "hand-made fixtures (no benchmark): tests/fixtures/" + ("quantities" if layer == "quantities" else "claims")
    return SOURCES[src][0]


def _split_name(in_sample: bool) -> str:
    if in_sample:
        return "IN-SAMPLE: fitted and measured on the same fixtures (no held-out data)"
    return "by document: crc32(key) % 3 == 2 measured, the rest fitted"


def _provenance(layer, fit_part, measure, in_sample, limit) -> dict:
    return {"data": _source_name(layer), "split": _split_name(in_sample), "limit_per_source": limit,
            "fit_rows": len(fit_part), "fit_positives": sum(y for _, _, y in fit_part),
            "fit_docs": len({k for k, _, _ in fit_part}), "measure_rows": len(measure)}


def render(res: dict) -> str:
    meta = res["_meta"]
    lines = [f"calibration on {meta['dir']} ({'re-fitted, then ' if meta['fit'] else ''}shipped parameters scored"
             + (f"; at most {meta['limit']} documents per source, a subset" if meta["limit"] else "") + ")",
             f"{'layer':<11}{'n':>7}{'pos':>7}{'ECE':>8}{'Brier':>8}  data / split"]
    for layer, r in res.items():
        if layer.startswith("_"):
            continue
        if "error" in r:
            lines.append(f"{layer:<11}{r['n']:>7}{'':>7}{'':>8}{'':>8}  ({r['error']})")
            continue
        lines.append(f"{layer:<11}{r['n']:>7}{r['positives']:>7}{r['ece']:>8.4f}{r['brier']:>8.4f}  "
                     f"{r['source']}; {r['split']}")
    raw = [f"{layer} {r['raw_score_ece']:.4f}" for layer, r in res.items() if not layer.startswith("_") and "raw_score_ece" in r]
    if raw:
        lines.append("ECE of the raw model score on the same findings (what calibration corrects): " + ", ".join(raw))
    for layer, r in res.items():
        if layer.startswith("_") or "error" in r:
            continue
        lines += ["", f"{layer}: reliability (10 bins; fitted on {r['fit_n']} findings, measured on "
                      f"{r['n']} in {r['measure_docs']} documents; {r['method']})",
                  f"  {'bin':<11}{'n':>6}{'mean conf':>11}{'observed':>10}"]
        for b in r["reliability"]:
            if b["n"]:
                lines.append(f"  {b['lo']:.1f}–{b['hi']:.1f}    {b['n']:>6}{b['conf']:>11.3f}{b['rate']:>10.3f}")
    lines += ["", "timing (s) per source: " + ", ".join(f"{k} {v}" for k, v in meta["seconds"].items())]
    return "\n".join(lines)


@click.command("calibration")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--fit", "refit", is_flag=True, help="Re-fit the parameters on the fit part and write calibrate/model/*.json.")
@click.option("--layer", "layers", multiple=True, type=click.Choice(ALL_LAYERS), help="Only these layers (repeatable).")
@click.option("--limit", type=int, default=None, help="At most N documents per benchmark (faster; said in the output).")
@click.option("--fixtures", type=click.Path(file_okay=False, path_type=Path), default=FIXTURES, show_default=True,
              help="The hand-made fixtures folder (quantities and sourcing have no benchmark).")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
def command(directory: Path, refit: bool, layers: tuple[str, ...], limit: int | None, fixtures: Path, as_json: bool) -> None:
    """Per layer: n, positives, ECE (10 bins), Brier and a reliability table of the calibrated confidences."""
    res = run(directory, tuple(layers) or ALL_LAYERS, fit=refit, limit=limit, fixtures=fixtures, measure_only=not refit)
    if refit:
        from ..calibrate.card import write_card

        if not layers:
            write_card(res)
    click.echo(json.dumps(res, indent=2) if as_json else render(res))
