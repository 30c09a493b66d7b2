"""Peak memory of one audit worker on one long article (issue 14: target <= 600 MB at 1 MB).

    .venv/bin/python benchmarks/memory.py [--sizes 100,1000] [--model NAME]

Each size runs in a fresh subprocess (so one size's peak cannot hide another's): it loads the model,
warms every layer up on a 2 kB article (so the models' own memory is counted in the baseline), then
audits the invented article of ``benchmarks/scaling.py`` at that size.  Prints, per size, the peak RSS
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``) after the warm-up and after the audit, their difference,
and whether the peak meets the target.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MB = 600


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def child(kb: float, model: str | None) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scaling import build_text

    from newsaudit import pipeline
    from newsaudit.ingest import from_text
    from newsaudit.settings import AuditOptions

    options = AuditOptions(model=model, max_bytes=64 * 1024 * 1024)
    pipeline.audit_article(from_text(build_text(2), options=options), options)
    base = _rss_mb()
    text = build_text(kb)
    t0 = time.perf_counter()
    d = pipeline.audit_article(from_text(text, options=options), options)
    failed = [w.message for w in d.meta.warnings if w.code == "layer_failed"]
    print(json.dumps({"kb": len(text) / 1000, "base_mb": base, "peak_mb": _rss_mb(), "seconds": time.perf_counter() - t0,
                      "failed": failed}))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000", help="comma-separated sizes in kB (default 1000)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        child(args.child, args.model)
        return 0
    worst = 0.0
    print(f"{'size kB':>9s}{'baseline MB':>13s}{'peak MB':>10s}{'audit adds':>12s}{'seconds':>9s}  target <= {TARGET_MB} MB")
    for kb in sorted(float(s) for s in args.sizes.split(",") if s.strip()):
        cmd = [sys.executable, __file__, "--child", str(kb)] + (["--model", args.model] if args.model else [])
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if out.returncode != 0:
            print(f"{kb:9g}  failed: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}")
            return 1
        r = json.loads(out.stdout.strip().splitlines()[-1])
        worst = max(worst, r["peak_mb"])
        mark = "" if r["peak_mb"] <= TARGET_MB else "  MISS"
        print(f"{r['kb']:9.1f}{r['base_mb']:13.0f}{r['peak_mb']:10.0f}{r['peak_mb'] - r['base_mb']:12.0f}"
              f"{r['seconds']:9.1f}{mark}", flush=True)
        if r["failed"]:
            print("  layer failures: " + "; ".join(r["failed"]))
    print(f"worst peak RSS: {worst:.0f} MB ({'meets' if worst <= TARGET_MB else 'misses'} the {TARGET_MB} MB target)")
    return 0 if worst <= TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
