"""How each layer's cost grows with the length of one article (issue 14).

    .venv/bin/python benchmarks/scaling.py [--sizes 10,100,1000] [--model NAME] [--profile LAYER]

Builds one invented article per size (kB of text) from varied paragraphs with counts, dates,
quotes, names and a numbered reference list (no two paragraphs identical), audits it once with
every layer timed (the parse too), and prints per layer: seconds at each size, ms per kB at each
size, the ratio (time/kB at the largest size) / (time/kB at the smallest) and the exponent k of a
least-squares fit time ~ size^k.  A layer whose ratio is above 1.5 misses the linear target and is
marked.  Layers that take under 20 ms at the smallest size are timed on noise there; their ratio is
still printed.  Also prints the peak RSS.  ``--profile LAYER`` prints a cProfile summary of that
layer at the largest size; ``--no-gc`` switches the cyclic garbage collector off.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import io
import math
import pstats
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.5

PLACES = ["Velmora", "Ostrand", "Karrow Valley", "Lissen", "Port Adrel", "Minsk Heights", "Tallow Bay", "Drennick"]
PEOPLE = ["Maren Olsk", "Tobias Fenn", "Ilse Varga", "Joaquin Reyes", "Priya Natarajan", "Hollis Grant",
          "Amara Chukwu", "Leif Sandvik"]
ROLES = ["the regional governor", "a hospital spokesperson", "the police chief", "a local council member",
         "an aid worker", "the interior minister"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WORDS = ["three", "seven", "twelve", "dozens of", "hundreds of", "at least 40", "nearly 90", "about 1,200"]
NOUNS = ["residents", "workers", "soldiers", "children", "families", "protesters", "patients", "students"]
EVENTS = ["were killed", "were wounded", "went missing", "were arrested", "were evacuated", "were rescued",
          "were detained", "fled their homes"]

TEMPLATES = [
    "On {month} {day}, {year}, {n} {noun} {event} in {place}, {role} said on {weekday}.",
    "\u201cWe counted {n} {noun} by the evening,\u201d {person} told reporters in {place}. \u201cThe number may rise.\u201d",
    "According to {person}, {role}, {m} {noun} {event} after the floods of {month} {year}, "
    "while {k} more were still unaccounted for.",
    "The report, published in {month} {year}, says {n} {noun} {event} near {place} and that {m} of them "
    "were taken to hospital.[{ref}]",
    "{person} said that more than {m} {noun} had {past} since the start of the year, up from {k} in {year2}.",
    "Officials in {place} put the toll at {n} on {weekday}; by {weekday2} the figure stood at {m}.",
    "Some {pct} percent of the {noun} in {place} lost power for {hours} hours, {role} said.",
    "\u201cIt is the worst week since {year2},\u201d said {person}, who has worked in {place} for {k} years.",
]
PAST = ["been killed", "been wounded", "gone missing", "been arrested", "been evacuated", "been detained"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _paragraph(rng: random.Random, i: int) -> str:
    sents = []
    for _ in range(rng.randint(2, 4)):
        t = rng.choice(TEMPLATES)
        sents.append(t.format(
            month=rng.choice(MONTHS), day=rng.randint(1, 28), year=rng.randint(2015, 2024),
            year2=rng.randint(1990, 2014), n=rng.choice(WORDS + [str(rng.randint(2, 500))]),
            m=rng.randint(2, 900), k=rng.randint(2, 60), noun=rng.choice(NOUNS), event=rng.choice(EVENTS),
            past=rng.choice(PAST), place=rng.choice(PLACES), role=rng.choice(ROLES), person=rng.choice(PEOPLE),
            weekday=rng.choice(WEEKDAYS), weekday2=rng.choice(WEEKDAYS), ref=rng.randint(1, 40),
            pct=rng.randint(3, 95), hours=rng.randint(2, 72),
        ))
    return " ".join(sents)


def build_text(kb: float, seed: int = 14) -> str:
    """An invented article of about ``kb`` kilobytes: title, byline, varied paragraphs, headings, references."""
    rng = random.Random(seed)
    target = int(kb * 1000)
    head = "Floods and unrest leave a region counting its losses\n\nBy Dana Whitlock | 12 March 2024\n\n"
    refs_n = max(3, target // 4000)
    refs = "\n\nReferences\n\n" + "\n".join(
        f"{j}. {rng.choice(PEOPLE)} ({rng.randint(1995, 2024)}). Report on {rng.choice(PLACES)}, "
        f"vol. {rng.randint(1, 30)}, pp. {rng.randint(1, 300)}-{rng.randint(301, 600)}."
        for j in range(1, refs_n + 1)) + "\n"
    body: list[str] = []
    size = len(head) + len(refs)
    i = 0
    while size < target:
        if i and i % 9 == 0:
            p = f"{rng.choice(PLACES)} after the {rng.choice(['floods', 'storm', 'clashes'])}"
        else:
            p = _paragraph(rng, i)
        body.append(p)
        size += len(p) + 2
        i += 1
    return head + "\n\n".join(body) + refs


def _fit_exponent(sizes: list[float], times: list[float]) -> float:
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else float("nan")


def run(sizes: list[float], model: str | None, profile: str | None) -> int:
    from newsaudit import pipeline
    from newsaudit.ingest import from_text
    from newsaudit.nlp import get_nlp
    from newsaudit.settings import AuditOptions

    options = AuditOptions(model=model, max_bytes=64 * 1024 * 1024)
    get_nlp(model)
    acc: dict[str, float] = {}
    prof: dict[str, cProfile.Profile | None] = {"p": None}
    inner_run, inner_parse = pipeline._run_layer, pipeline.parse

    def timed_layer(name, *a, **kw):
        t0 = time.perf_counter()
        p = prof["p"] if name == profile else None
        try:
            if p is not None:
                p.enable()
            return inner_run(name, *a, **kw)
        finally:
            if p is not None:
                p.disable()
            acc[name] = acc.get(name, 0.0) + time.perf_counter() - t0

    def timed_parse(*a, **kw):
        t0 = time.perf_counter()
        try:
            return inner_parse(*a, **kw)
        finally:
            acc["(parse)"] = acc.get("(parse)", 0.0) + time.perf_counter() - t0

    pipeline._run_layer, pipeline.parse = timed_layer, timed_parse
    pipeline.audit_article(from_text(build_text(2), options=options), options)  # warm up
    results: dict[float, dict[str, float]] = {}
    failed = []
    for kb in sizes:
        text = build_text(kb)
        acc.clear()
        if kb == sizes[-1] and profile:
            prof["p"] = cProfile.Profile()
        t0 = time.perf_counter()
        d = pipeline.audit_article(from_text(text, options=options), options)
        total = time.perf_counter() - t0
        failed += [w.message for w in d.meta.warnings if w.code == "layer_failed"]
        results[kb] = dict(acc, **{"(total)": total})
        print(f"{len(text) / 1000:8.1f} kB: {total:7.2f} s total, {len(d.quantities)} quantities", flush=True)
    pipeline._run_layer, pipeline.parse = inner_run, inner_parse

    names = sorted({n for r in results.values() for n in r}, key=lambda n: (n.startswith("("), n))
    lo, hi = sizes[0], sizes[-1]
    head = "".join(f"{f'{s:g} kB s':>11s}" for s in sizes) + "".join(f"{f'{s:g} kB ms/kB':>14s}" for s in sizes)
    print(f"\n{'layer':14s}{head}{'ratio':>8s}{'exp':>6s}")
    missing = []
    for n in names:
        ts = [results[s].get(n, 0.0) for s in sizes]
        per = [t / s * 1000 for t, s in zip(ts, sizes)]
        ratio = per[-1] / per[0] if per[0] > 0 else float("nan")
        k = _fit_exponent(sizes, ts) if len(sizes) > 1 else float("nan")
        mark = "  MISS" if ratio > TARGET and n != "(total)" else ""
        if mark:
            missing.append(n)
        print(f"{n:14s}" + "".join(f"{t:11.3f}" for t in ts) + "".join(f"{p:14.3f}" for p in per)
              + f"{ratio:8.2f}{k:6.2f}{mark}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nratio = (time/kB at {hi:g} kB) / (time/kB at {lo:g} kB); target <= {TARGET}")
    print(f"layers missing the target: {', '.join(missing) if missing else 'none'}")
    print(f"peak RSS: {rss:.0f} MB")
    if failed:
        print("layer failures: " + "; ".join(failed), file=sys.stderr)
    if prof["p"] is not None:
        s = io.StringIO()
        pstats.Stats(prof["p"], stream=s).sort_stats("cumulative").print_stats(25)
        print(s.getvalue())
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,100,1000", help="comma-separated sizes in kB (default 10,100,1000)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--profile", metavar="LAYER", help="cProfile this layer at the largest size")
    ap.add_argument("--no-gc", action="store_true",
                    help="switch Python's cyclic GC off (tells growth from full-heap collections from the algorithm's)")
    args = ap.parse_args(argv)
    sizes = sorted(float(s) for s in args.sizes.split(",") if s.strip())
    if not sizes:
        ap.error("--sizes needs at least one size")
    if args.no_gc:
        gc.disable()
    return run(sizes, args.model, args.profile)


if __name__ == "__main__":
    sys.exit(main())
