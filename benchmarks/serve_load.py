"""Load on ``newsaudit serve``: many concurrent audits against the worker pool.

    PYTHONPATH=src .venv/bin/python benchmarks/serve_load.py [--requests 200] [--concurrency 50] [--workers 2]

Starts ``newsaudit serve`` on 127.0.0.1 (a free port) in a subprocess, measures one request alone
(best of 3, after a warm-up), then sends ``--requests`` JSON audits, ``--concurrency`` at a time
(httpx async), and prints the status counts, median and p95 latency, the single request's time and
ratio = p95 / (requests / workers * one request's time).  Target: 0 errors and ratio <= 2
(a ratio near 1 means the last requests waited for everything before them, as they must; far above
means the pool is not running requests in parallel).  Texts: the invented test articles in
tests/fixtures/report (each request gets a different town name, so no cache can help).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (ROOT / "tests" / "fixtures" / "report" / "harbour_article.txt").read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-c", "from newsaudit.cli import main; main()", "serve", "--host", "127.0.0.1",
           "--port", str(port), "--workers", str(workers)]  # default --queue
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not start in 180 s")


def text_for(i: int) -> str:
    return ARTICLE.replace("Lornhaven", f"Town{i:04d}")


async def one(client: httpx.AsyncClient, i: int) -> tuple[int | str, float]:
    t0 = time.perf_counter()
    try:
        r = await client.post("/api/audit", json={"text": text_for(i)})
        status: int | str = r.status_code
    except httpx.HTTPError as exc:
        status = type(exc).__name__
    return status, time.perf_counter() - t0


async def load(base: str, n: int, concurrency: int) -> list[tuple[int | str, float]]:
    sem = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=600, limits=limits) as client:
        async def bounded(i):
            async with sem:
                return await one(client, i)

        return await asyncio.gather(*(bounded(i) for i in range(n)))


async def alone(base: str) -> float:
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        await one(client, 9999)  # warm-up
        times = []
        for i in range(3):
            status, t = await one(client, 9000 + i)
            if status != 200:
                raise SystemExit(f"a single request failed: {status}")
            times.append(t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    port = free_port()
    proc = start_server(port, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        single = asyncio.run(alone(base))
        t0 = time.perf_counter()
        results = asyncio.run(load(base, args.requests, args.concurrency))
        wall = time.perf_counter() - t0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    counts = Counter(s for s, _ in results)
    lat = sorted(t for _, t in results)
    p95 = lat[min(len(lat) - 1, int(round(0.95 * len(lat))) - 1)]
    ideal = args.requests / args.workers * single
    errors = sum(c for s, c in counts.items() if s != 200)
    print(f"requests {args.requests}, concurrency {args.concurrency}, workers {args.workers}, wall {wall:.1f} s")
    print(f"status counts: {dict(sorted(counts.items(), key=str))}  (errors: {errors})")
    print(f"latency median {statistics.median(lat):.2f} s, p95 {p95:.2f} s; one request alone {single:.3f} s")
    print(f"ratio p95 / (requests / workers * one request) = {p95:.2f} / {ideal:.2f} = {p95 / ideal:.2f}  (target <= 2)")


if __name__ == "__main__":
    main()
