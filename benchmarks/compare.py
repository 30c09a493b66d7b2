"""Compare benchmark: ``compare`` time on generated stores of N and 10×N articles, printed as a ratio.

    python benchmarks/compare.py                      # 1,000 vs 10,000 articles
    python benchmarks/compare.py --articles 500       # 500 vs 5,000

Each store holds invented articles about N/10 invented events (ten articles each, some of them syndicated
copies), written straight into Parquet shards (the articles table; no layer tables, so compare uses its text
rules — the audit pipeline is not what is measured). Timed: reading the store into per-article facts,
grouping (blocked on names and dates, never all pairs), and comparing the largest group. Linear cost gives a
ratio near 10; quadratic grouping would give about 100.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

SYL = ["ka", "vel", "dor", "mi", "sar", "tu", "ben", "ro", "lis", "an", "gor", "fe", "ul", "tra", "hes", "op", "zin"]
FIRST = ["Tova", "Anselm", "Rhea", "Ivo", "Marit", "Coll", "Signe", "Orla", "Pim", "Ysolde", "Kemal", "Baz"]
OUTLETS = ["Coastal Mercury", "Northgate Herald", "Pinecrest Daily", "Upland Courier", "Eastbridge Observer",
           "Harbourtown News", "Lakeside Tribune", "Velmira Evening", "Borderlands Monitor", "Sarvan Post"]
KINDS = ["flood", "fire", "landslide", "bridge collapse", "storm", "chemical spill"]


def _word(rng: random.Random, n: int = 3) -> str:
    return "".join(rng.choice(SYL) for _ in range(n)).capitalize()


def generate(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for e in range(max(1, n // 10)):
        town, person, org = _word(rng), f"{rng.choice(FIRST)} {_word(rng)}", f"{_word(rng)} Relief Society"
        kind, killed, day = rng.choice(KINDS), rng.randint(3, 90), rng.randint(1, 27)
        wire = (f"At least {killed} people were killed in a {kind} in {town} on {day} May 2026, {person} said. "
                f"\"We are still searching,\" {person} told reporters. The {org} said {killed + rng.randint(0, 5)} "
                f"people had died and {rng.randint(10, 200)} were wounded.")
        for k in range(10):
            body = wire if k < 3 else (f"The {kind} in {town} killed {killed + rng.choice([0, 0, 2])} people, "
                                       f"according to the {org}. {person} said the search would continue. "
                                       f"Residents of {town} described the {kind} on {day} May.")
            aid = f"{e:06d}{k:02d}".ljust(24, "0")
            text = f"{kind.capitalize()} in {town}\n\n{body}\n"
            rows.append({"article_id": aid, "outlet": OUTLETS[k], "url": f"https://{OUTLETS[k].split()[0].lower()}"
                         f".example/{e}-{k}", "title": text.split("\n")[0], "published": f"2026-05-{day + 1:02d}",
                         "text": text})
            if len(rows) >= n:
                return rows
    return rows


def write_store(rows: list[dict], root: Path) -> Path:
    import pyarrow as pa

    from newsaudit.store.catalog import write_catalog
    from newsaudit.store.flatten import TABLES, schema
    from newsaudit.store.shards import init_store, new_shard_id, write_shard

    root = init_store(root)
    for i in range(0, len(rows), 2000):
        chunk = rows[i:i + 2000]
        tables = {}
        for t in TABLES:
            sch = schema(t)
            if t == "articles":
                cols = {f.name: [r.get(f.name) for r in chunk] for f in sch}
                cols["n_chars"] = [len(r["text"]) for r in chunk]
                tables[t] = pa.table(cols, schema=sch)
            else:
                tables[t] = sch.empty_table()
        write_shard(root, new_shard_id(), tables)
    write_catalog(root)
    return root


def time_compare(store: Path) -> dict:
    from newsaudit.compare.analysis import compare_corpus, group_articles
    from newsaudit.compare.facts import load_corpus

    t0 = time.perf_counter()
    corpus = load_corpus(store)
    t1 = time.perf_counter()
    groups = group_articles(corpus.articles)
    t2 = time.perf_counter()
    c = compare_corpus(corpus)
    t3 = time.perf_counter()
    return {"articles": len(corpus.articles), "groups": len(groups), "largest_group": len(c.articles),
            "load_s": round(t1 - t0, 2), "group_s": round(t2 - t1, 2), "compare_s": round(t3 - t2, 2),
            "total_s": round(t3 - t0, 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000, help="the small store's size (the large one is 10×)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        time_compare(write_store(generate(20), Path(tmp) / "warm"))  # imports and first-call costs left out
        for n in (args.articles, 10 * args.articles):
            store = write_store(generate(n), Path(tmp) / f"s{n}")
            out[n] = time_compare(store)
    small, large = out[args.articles], out[10 * args.articles]
    ratio = large["total_s"] / max(small["total_s"], 1e-9)
    group_ratio = large["group_s"] / max(small["group_s"], 1e-9)
    if args.json:
        print(json.dumps({"runs": out, "ratio": round(ratio, 2), "group_ratio": round(group_ratio, 2)}, indent=1))
    else:
        for n, r in out.items():
            print(f"{n:>7} articles: load {r['load_s']:>6.2f} s  group {r['group_s']:>6.2f} s  compare {r['compare_s']:>6.2f} s"
                  f"  total {r['total_s']:>6.2f} s  ({r['groups']} groups, largest {r['largest_group']})")
        print(f"10x the articles: {ratio:.1f}x the time (grouping {group_ratio:.1f}x); quadratic would be ~100x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
