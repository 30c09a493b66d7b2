"""Corpus-run benchmark: throughput with 1 and N workers, peak RSS per worker, RSS growth over a long run.

    python benchmarks/corpus.py --articles 400             # quick: 1 vs 2 workers
    python benchmarks/corpus.py --articles 5000 --workers 1  # RSS growth over 5,000 articles

The corpus is generated (invented towns, people and numbers; ~N words each) into
a temporary directory, identical for every worker count.  Rates are steady-state
(from the first finished shard to the last, so process start-up and model load
are left out) and total (wall clock of the whole run).  Targets (issue 7): 2
workers ≥ 1.45× one worker on 2 cores; peak RSS ≤ 600 MB per worker; RSS growth
< 10 % over 5,000 articles.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

TOWNS = ["Lowbay", "Carrow Fell", "Istmere", "Pellingham", "Osk", "Varnholt", "Quillan", "Brede", "Thessaly Cross",
         "Marrowgate", "Upper Tane", "Skelby"]
FIRST = ["Tova", "Anselm", "Rhea", "Ivo", "Marit", "Coll", "Signe", "Baz", "Orla", "Pim", "Ysolde", "Kemal"]
LAST = ["Rink", "Haverl", "Dace", "Morrow", "Quint", "Abelard", "Strand", "Okonkwo", "Velde", "Pask", "Arno", "Lund"]
EVENTS = ["flood", "fire", "bridge collapse", "storm", "landslide", "power cut", "chemical spill", "train derailment"]
ORGS = ["the Regional Safety Board", "the Red Lantern Society", "the Harbour Authority", "the Ministry of Works",
        "the Coastal Rescue Service", "the county council"]


def make_article(i: int, words: int, rng: random.Random) -> dict:
    town, ev = rng.choice(TOWNS), rng.choice(EVENTS)
    who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    org = rng.choice(ORGS)
    day = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    paras = [f"{ev.capitalize()} hits {town}", ""]
    sentences = [
        f"A {ev} struck {town} on {day}, {i % 28 + 1} March 2024, killing at least {rng.randint(1, 90)} people, "
        f"{org} said.",
        f"\"We have never seen anything like this,\" said {who}, a spokesperson for {org}.",
        f"{who.split()[1]} said {rng.randint(5, 400)} people were injured and {rng.randint(0, 60)} were missing.",
        f"Residents of {town} said warnings had come too late, according to a report by {org}.",
        f"The damage was estimated at {rng.randint(2, 900)} million crowns, officials said on {day}.",
        f"Rescue teams worked through the night, and {rng.randint(10, 900)} families were evacuated.",
        f"Critics called the response \"a disgrace\" and demanded an inquiry within {rng.randint(2, 12)} weeks.",
        f"Mayor {rng.choice(FIRST)} {rng.choice(LAST)} promised that the town would rebuild.",
    ]
    body: list[str] = []
    n = 0
    k = 0
    while n < words:
        s = sentences[k % len(sentences)]
        body.append(s)
        n += len(s.split())
        k += 1
        if k % 4 == 0:
            body.append("\n\n")
    text = "\n".join(paras) + " ".join(body).replace(" \n\n ", "\n\n")
    return {"text": text + f"\n\n(Report {i}.)\n", "outlet": f"{rng.choice(TOWNS)} Courier",
            "published": f"2024-03-{i % 28 + 1:02d}", "url": f"https://news{i % 17}.example/{i}"}


def generate(path: Path, n: int, words: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(make_article(i, words, rng)) + "\n")
    return path


def run_once(corpus: Path, store: Path, workers: int, shard_size: int) -> dict:
    from newsaudit.store.runner import run_corpus

    stamps: list[tuple[float, int]] = []
    done = [0]

    def progress(advance, ok, failed):
        if ok or failed:
            done[0] += advance
            stamps.append((time.perf_counter(), done[0]))

    t0 = time.perf_counter()
    res = run_corpus([corpus], store, workers=workers, shard_size=shard_size, on_progress=progress)
    total = time.perf_counter() - t0
    steady = None
    if len(stamps) >= 2:
        (ta, na), (tb, nb) = stamps[0], stamps[-1]
        steady = (nb - na) / (tb - ta) if tb > ta else None
    samples = [mb for _, mb, _ in res.rss_samples]
    growth = None
    if len(samples) >= 4:
        base = samples[max(0, len(samples) // 10)]  # after warm-up (~10 % of the run)
        growth = (samples[-1] - base) / base
    return {"workers": workers, "articles": res.processed, "failed": res.failed, "seconds": round(total, 2),
            "rate_total": round(res.processed / total, 2) if total else None,
            "rate_steady": round(steady, 2) if steady else None,
            "peak_rss_mb": {k: round(v) for k, v in res.peak_rss_mb.items()},
            "rss_first_mb": round(samples[0]) if samples else None, "rss_last_mb": round(samples[-1]) if samples else None,
            "rss_growth": round(growth, 4) if growth is not None else None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=400, help="articles in the generated corpus (default 400)")
    ap.add_argument("--words", type=int, default=300, help="words per article (default 300)")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    ap.add_argument("--shard-size", type=int, default=32)
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    counts = [int(x) for x in args.workers.split(",") if x.strip()]
    results = []
    with tempfile.TemporaryDirectory(prefix="newsaudit-bench-") as tmp:
        corpus = generate(Path(tmp) / "corpus.jsonl", args.articles, args.words)
        if 1 in counts:  # load the model before timing the in-process run, as a worker's initializer would
            from newsaudit.nlp import get_nlp

            get_nlp()
        for w in counts:
            results.append(run_once(corpus, Path(tmp) / f"store-{w}", w, args.shard_size))
    out = {"articles": args.articles, "words": args.words, "runs": results}
    base = next((r for r in results if r["workers"] == 1), None)
    for r in results:
        if base and r is not base and base["rate_steady"] and r["rate_steady"]:
            r["speedup_steady"] = round(r["rate_steady"] / base["rate_steady"], 3)
            r["speedup_total"] = round(r["rate_total"] / base["rate_total"], 3)
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    print(f"corpus: {args.articles} generated articles of ~{args.words} words")
    print(f"{'workers':>7} {'art/s steady':>12} {'art/s total':>11} {'speedup':>8} {'peak RSS MB/worker':>20} "
          f"{'RSS growth':>10} {'failed':>6}")
    for r in results:
        peak = ",".join(str(v) for v in r["peak_rss_mb"].values())
        growth = f"{100 * r['rss_growth']:.1f}%" if r["rss_growth"] is not None else "-"
        print(f"{r['workers']:>7} {r['rate_steady'] or '-':>12} {r['rate_total'] or '-':>11} "
              f"{r.get('speedup_steady', '-'):>8} {peak:>20} {growth:>10} {r['failed']:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
