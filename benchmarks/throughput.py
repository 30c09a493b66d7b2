"""Throughput of the full audit against the bare spaCy parse, on the same texts, in one process.

    .venv/bin/python benchmarks/throughput.py [--articles 60] [--rounds 2] [--no-rhetoric] [--texts DIR]

Prints bare ``nlp.pipe`` words/s, full-audit words/s (``pipeline.audit_articles``:
structure, citations, parse and every layer), their ratio, and the peak RSS.
Texts: ``--texts DIR`` (*.txt), else the PTC news articles in ../shared/benchmarks
(if present), else the bundled sample article repeated.  Each measurement is
the best of ``--rounds`` alternating runs, so both sides see the same machine load.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_texts(n: int, texts_dir: str | None) -> list[str]:
    candidates = [Path(texts_dir)] if texts_dir else [ROOT.parent / "shared" / "benchmarks" / "ptc-train" / "articles"]
    for d in candidates:
        files = sorted(d.glob("*.txt"))[:n] if d.is_dir() else []
        if files:
            return [f.read_text(encoding="utf-8", errors="replace") for f in files]
    sample = (ROOT / "src" / "newsaudit" / "data" / "sample_article.txt").read_text(encoding="utf-8")
    return [sample] * n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--no-rhetoric", action="store_true", help="turn the rhetoric layer off")
    ap.add_argument("--texts", help="directory of .txt articles to use")
    ap.add_argument("--model", default=None)
    ap.add_argument("--layers", action="store_true", help="also print the time spent in each layer")
    args = ap.parse_args(argv)

    from newsaudit.analyze.base import Article
    from newsaudit.dossier import Meta
    from newsaudit.nlp import get_nlp
    from newsaudit.pipeline import audit_articles
    from newsaudit.settings import AuditOptions

    layer_time: dict[str, float] = {}
    if args.layers:
        _time_layers(layer_time)
    texts = load_texts(args.articles, args.texts)
    words = sum(len(t.split()) for t in texts)
    nlp = get_nlp(args.model)
    options = AuditOptions(model=args.model, rhetoric=not args.no_rhetoric, detect_language=True)
    list(nlp.pipe(texts[:2]))  # warm up
    list(audit_articles([Article(text=t, meta=Meta()) for t in texts[:2]], options))

    def bare() -> float:
        t0 = time.perf_counter()
        with nlp.memory_zone():
            for _ in nlp.pipe(texts, batch_size=args.batch_size):
                pass
        return time.perf_counter() - t0

    def full() -> float:
        from newsaudit.ingest import from_text

        t0 = time.perf_counter()
        failures = 0
        arts = (from_text(t, options=options) for t in texts)
        for d in audit_articles(arts, options, batch_size=args.batch_size):
            failures += isinstance(d, Exception) or any(w.code == "layer_failed" for w in d.meta.warnings)
        if failures:
            print(f"warning: {failures} article(s) failed or lost a layer", file=sys.stderr)
        return time.perf_counter() - t0

    tb, tf = [], []
    for _ in range(args.rounds):
        tb.append(bare())
        tf.append(full())
    b, f = min(tb), min(tf)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts: {len(texts)} articles, {words} words; model {nlp.meta['name']} {nlp.meta['version']}; "
          f"rhetoric {'off' if args.no_rhetoric else 'on'}")
    print(f"bare nlp.pipe : {words / b:8.0f} words/s")
    print(f"full audit    : {words / f:8.0f} words/s")
    print(f"ratio full/bare: {b / f:.3f}")
    print(f"peak RSS      : {rss:.0f} MB")
    if args.layers:
        total = sum(layer_time.values())
        print("time per layer (all rounds, incl. warm-up), share of one bare parse round:")
        for name, t in sorted(layer_time.items(), key=lambda kv: -kv[1]):
            print(f"  {name:12s} {t:7.2f} s  {t / (args.rounds * b):6.1%}")
        print(f"  {'all layers':12s} {total:7.2f} s")
    return 0


def _time_layers(acc: dict[str, float]) -> None:
    """Wrap every analyser's ``analyse`` with a timer accumulating into ``acc``."""
    from newsaudit.analyze import ALL_LAYERS, load_layer

    for name in ALL_LAYERS:
        mod = load_layer(name)
        inner = mod.analyse

        def timed(article, doc, found, _inner=inner, _name=name):
            t0 = time.perf_counter()
            try:
                return _inner(article, doc, found)
            finally:
                acc[_name] = acc.get(_name, 0.0) + time.perf_counter() - t0

        mod.analyse = timed


if __name__ == "__main__":
    sys.exit(main())
