"""Throughput of the full audit against the bare spaCy parse, on the same texts, in one process.

    .venv/bin/python benchmarks/throughput.py [--articles 60] [--rounds 2] [--no-rhetoric] [--texts DIR]

Prints bare ``nlp.pipe`` words/s, full-audit words/s (``pipeline.audit_articles``:
structure, citations, parse and every layer), their ratio, and the peak RSS.
Texts: ``--texts DIR`` (*.txt), else the PTC news articles in ../shared/benchmarks
(if present), else the bundled sample article repeated.  Each measurement is
the best of ``--rounds`` rounds; inside a round every chunk of ``--batch-size`` texts is parsed
bare and audited back to back (alternating which goes first), so both sides see the same machine load —
this machine's speed drifts by ±15 % over a minute, which whole-run timings cannot separate from the
difference being measured.
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

    def bare(chunk: list[str]) -> float:
        t0 = time.perf_counter()
        with nlp.memory_zone():
            for _ in nlp.pipe(chunk, batch_size=args.batch_size):
                pass
        return time.perf_counter() - t0

    failures = 0

    def full(chunk: list[str]) -> float:
        nonlocal failures
        from newsaudit.ingest import from_text

        t0 = time.perf_counter()
        arts = (from_text(t, options=options) for t in chunk)
        for d in audit_articles(arts, options, batch_size=args.batch_size):
            failures += isinstance(d, Exception) or any(w.code == "layer_failed" for w in d.meta.warnings)
        return time.perf_counter() - t0

    # Interleave: each chunk of texts is parsed bare and audited back to back (order alternating),
    # so both sides see the same machine load; sum per side over all chunks, best round wins.
    chunks = [texts[i:i + args.batch_size] for i in range(0, len(texts), args.batch_size)]
    tb, tf, chunk_ratios = [], [], []
    for r in range(args.rounds):
        sb = sf = 0.0
        for k, chunk in enumerate(chunks):
            if (k + r) % 2:
                b_, f_ = bare(chunk), full(chunk)
            else:
                f_ = full(chunk)
                b_ = bare(chunk)
            sb, sf = sb + b_, sf + f_
            chunk_ratios.append(b_ / f_)
        tb.append(sb)
        tf.append(sf)
    if failures:
        print(f"warning: {failures} article(s) failed or lost a layer", file=sys.stderr)
    b, f = min(tb), min(tf)
    chunk_ratios.sort()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts: {len(texts)} articles, {words} words; model {nlp.meta['name']} {nlp.meta['version']}; "
          f"rhetoric {'off' if args.no_rhetoric else 'on'}")
    print(f"bare nlp.pipe : {words / b:8.0f} words/s")
    print(f"full audit    : {words / f:8.0f} words/s")
    print(f"ratio full/bare: {b / f:.3f}  (median over {len(chunk_ratios)} interleaved chunks: "
          f"{chunk_ratios[len(chunk_ratios) // 2]:.3f})")
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
