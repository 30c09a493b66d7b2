"""The long fuzz profile:  ``python -m tests.fuzz --cases 10000 [--workers 2] [--seed 14]``.

Case ``n`` is built from ``random.Random(seed * 1_000_003 + n)`` (reproduce one with ``--only n``), so the
same command finds the same failures.  Each worker process loads the spaCy model once and runs its share;
the parent kills a worker silent on one case for ten times the hang limit (a hang in C code the alarm cannot
stop), records a hang and starts a fresh one.  Prints the inputs run (by form and mutator), then the
uncaught exceptions grouped by type and frame, layer failures, hangs and offset mismatches, each with
example case numbers.  Exits 1 when any of those four is non-zero.
"""
from __future__ import annotations

import argparse
import collections
import multiprocessing as mp
import queue
import random
import sys
import time

from .check import HANG_SECONDS, run_case
from .mutate import make_case
from .seeds import seed_texts

BAD = ("uncaught", "layer_failed", "hang", "mismatch")
WATCHDOG_SECONDS = 10 * HANG_SECONDS  # wall clock: a loaded machine stretches CPU time; this catches hangs in C


def case_rng(seed: int, n: int) -> random.Random:
    return random.Random(seed * 1_000_003 + n)


def _worker(numbers: list[int], seed: int, out) -> None:
    import logging

    logging.disable(logging.CRITICAL)  # layer failures are reported through the outcome, not the log
    from newsaudit.nlp import get_nlp

    get_nlp()
    seeds = seed_texts()
    for n in numbers:
        case = make_case(n, seeds, case_rng(seed, n))
        out.put(("start", n, case.describe(), time.time()))
        o = run_case(case.source)
        out.put(("done", n, case.describe(), (o.status, o.detail, round(o.seconds, 2), len(case.source))))


def run(cases: int, workers: int, seed: int, only: int | None = None, verbose: bool = False) -> int:
    numbers = [only] if only is not None else list(range(cases))
    todo = [numbers[i::workers] for i in range(workers)]
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    procs: dict[int, tuple] = {}
    results: dict[int, tuple] = {}
    descs: dict[int, str] = {}
    current: dict[int, tuple[int, float]] = {}
    t_start = time.time()

    def spawn(w: int, nums: list[int]) -> None:
        p = ctx.Process(target=_worker, args=(nums, seed, q), daemon=True)
        p.start()
        procs[w] = (p, nums)

    owner = {n: w for w, nums in enumerate(todo) for n in nums}
    for w, nums in enumerate(todo):
        if nums:
            spawn(w, nums)
    last_print = time.time()
    try:
        _collect(q, numbers, procs, results, descs, current, owner, spawn, verbose, t_start, last_print)
    except KeyboardInterrupt:  # Ctrl-C: report the cases finished so far
        print("\ninterrupted: reporting the finished cases only", flush=True)
        for p, _ in procs.values():
            p.kill()
        numbers = [n for n in numbers if n in results]
    for p, _ in procs.values():
        p.join(timeout=5)
    return report(numbers, results, descs, time.time() - t_start)


def _collect(q, numbers, procs, results, descs, current, owner, spawn, verbose, t_start, last_print) -> None:
    while len(results) < len(numbers):
        try:
            kind, n, desc, payload = q.get(timeout=2)
            descs[n] = desc
            if kind == "start":
                current[owner[n]] = (n, time.time())
            else:
                results[n] = payload
                current.pop(owner[n], None)
                if verbose or payload[0] in BAD:
                    print(f"  {payload[0]:12s} {desc}  {payload[1]}", flush=True)
        except queue.Empty:
            pass
        now = time.time()
        for w, (p, nums) in list(procs.items()):
            cur = current.get(w)
            stuck = cur is not None and now - cur[1] > WATCHDOG_SECONDS
            if stuck or (not p.is_alive() and any(m not in results for m in nums)):
                n = cur[0] if cur else next(m for m in nums if m not in results)
                if p.is_alive():
                    p.kill()
                p.join()
                results[n] = ("hang" if stuck else "uncaught", "killed by the watchdog" if stuck else
                              f"worker died (exit {p.exitcode})", round(now - (cur[1] if cur else now), 1), 0)
                print(f"  {results[n][0]:12s} {descs.get(n, f'case {n}')}  {results[n][1]}", flush=True)
                current.pop(w, None)
                rest = [m for m in nums if m not in results]
                if rest:
                    spawn(w, rest)
                else:
                    del procs[w]
        if now - last_print > 60:
            print(f"  ... {len(results)}/{len(numbers)} cases, {now - t_start:.0f} s", flush=True)
            last_print = now


def report(numbers, results, descs, elapsed: float) -> int:
    by_status = collections.Counter(r[0] for r in results.values())
    forms = collections.Counter(descs.get(n, "").split("form ")[-1].split(",")[0] for n in numbers)
    ops = collections.Counter(op for n in numbers for op in descs.get(n, "ops -,").split("ops ")[1].split(",")[0].split("+"))
    if not numbers:
        print("no case finished")
        return 1
    sizes = [results[n][3] for n in numbers]
    slow = max((results[n] for n in numbers), key=lambda r: r[2])
    print(f"\ninputs: {len(numbers)} cases in {elapsed:.0f} s; sizes up to {max(sizes)} units; "
          f"slowest {slow[2]:.1f} s")
    print("  by form:    " + ", ".join(f"{k} {v}" for k, v in sorted(forms.items())))
    print("  by mutator: " + ", ".join(f"{k} {v}" for k, v in sorted(ops.items())))
    print("  outcomes:   " + ", ".join(f"{k} {v}" for k, v in sorted(by_status.items())))
    bad_total = 0
    for status, title in (("uncaught", "uncaught exceptions"), ("layer_failed", "layer failures"),
                          ("hang", f"hangs (> {HANG_SECONDS} s)"), ("mismatch", "offset mismatches")):
        groups: dict[str, list[int]] = collections.defaultdict(list)
        for n in numbers:
            if results[n][0] == status:
                key = results[n][1] if status != "mismatch" else results[n][1].split(":")[0].split("[")[0]
                groups[key].append(n)
        count = sum(len(v) for v in groups.values())
        bad_total += count
        print(f"{title}: {count}")
        for key, ns in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(ns):5d} x {key}   (e.g. cases {', '.join(map(str, ns[:5]))})")
    return 1 if bad_total else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--only", type=int, default=None, help="run just case N (as numbered by --seed)")
    ap.add_argument("--verbose", action="store_true", help="print every case, not only the bad ones")
    args = ap.parse_args(argv)
    return run(args.cases, max(1, args.workers), args.seed, args.only, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
