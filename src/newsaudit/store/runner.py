"""Corpus runs: feed batches of new articles to workers (in-process, local processes or Dask).

The calling process discovers inputs, skips ids already in the store, cuts the
rest into batches (one shard each), hands them to workers with a bounded number
in flight, and writes the DuckDB catalog when the run ends.
"""
from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import OptionsError
from ..settings import AuditOptions
from .catalog import write_catalog
from .inputs import Item, _kind, discover, is_url, iter_items
from .lock import store_lock
from .shards import clean_tmp, done_ids, init_store
from .worker import init_worker, peak_rss_bytes, process_batch, rss_bytes

log = logging.getLogger(__name__)

SHARD_SIZE = 32  # articles per shard (and per task)
EXIT_OK, EXIT_SOME_FAILED, EXIT_TOO_MANY_FAILED = 0, 1, 3


@dataclass
class RunResult:
    store: str
    inputs: int = 0  # articles found in the inputs (after de-duplication)
    skipped: int = 0  # already in the store
    processed: int = 0  # audited (or recorded as failed) in this run
    ok: int = 0
    failed: int = 0
    shards: int = 0
    seconds: float = 0.0
    workers: int = 1
    engine: str = "local"
    not_articles: int = 0  # files a directory walk left out (notes, gold files, sidecars: see store/walk.py)
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # per worker pid
    rss_samples: list[tuple[int, float]] = field(default_factory=list)  # (articles done, MB) of the first worker

    @property
    def failure_share(self) -> float:
        return self.failed / self.processed if self.processed else 0.0

    @property
    def rate(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    def exit_code(self, max_failures: float = 0.1) -> int:
        """0: no failure; 1: some, at most ``max_failures`` of the articles processed; 3: more."""
        if self.failed == 0:
            return EXIT_OK
        return EXIT_SOME_FAILED if self.failure_share <= max_failures else EXIT_TOO_MANY_FAILED


ProgressFn = Callable[[int, int, int], None]  # (advance, ok, failed)


def count_inputs(paths: Iterable[str | os.PathLike], include: tuple[str, ...] = (),
                 exclude: tuple[str, ...] = ()) -> int | None:
    """A cheap count of the articles in ``paths`` (None when a WARC file makes it unknown)."""
    paths = list(paths)
    n = sum(1 for p in paths if is_url(p))
    for path in discover(paths, include, exclude):
        kind = _kind(path)
        if kind == "warc":
            return None
        if kind == "jsonl":
            try:
                from .inputs import _open

                with _open(path) as fh:
                    n += sum(1 for line in fh if line.strip())
            except OSError:
                n += 1
        else:
            n += 1
    return n


def _batches(items: Iterator[Item], done: set[str], size: int, result: RunResult,
             on_skip: Callable[[int], None]) -> Iterator[list[Item]]:
    seen: set[str] = set()
    batch: list[Item] = []
    for item in items:
        if item.id in seen:
            on_skip(1)  # the same article twice in the inputs
            continue
        seen.add(item.id)
        result.inputs += 1
        if item.id in done:
            result.skipped += 1
            on_skip(1)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_corpus(inputs: Iterable[str | os.PathLike], out: str | os.PathLike, *, options: AuditOptions | None = None,
               workers: int = 1, engine: str = "local", scheduler: str | None = None, shard_size: int = SHARD_SIZE,
               on_total: Callable[[int | None], None] | None = None, on_progress: ProgressFn | None = None,
               client=None, include: tuple[str, ...] = (), exclude: tuple[str, ...] = (),
               skipped: list[tuple[str, str]] | None = None) -> RunResult:
    """Audit every article in ``inputs`` (paths and http(s) URLs) not yet in the store ``out``; return the run's
    counts.  ``include``/``exclude``: globs for directory walks; ``skipped`` collects the files a walk left out."""
    options = options or AuditOptions()
    inputs = list(inputs)
    if engine not in ("local", "dask"):
        raise OptionsError(f"unknown engine {engine!r}; choose local or dask")
    if engine == "dask" and not (scheduler or client):
        raise OptionsError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    workers = max(1, int(workers))
    root = init_store(out)
    with store_lock(root):  # one writer per store: a second run is refused, a killed run's lock is gone
        return _run_locked(root, inputs, options, workers, engine, scheduler, shard_size, on_total, on_progress, client,
                           (tuple(include), tuple(exclude), skipped if skipped is not None else []))


def _run_locked(root: Path, inputs: list, options: AuditOptions, workers: int, engine: str, scheduler: str | None,
                shard_size: int, on_total, on_progress, client, walk) -> RunResult:
    include, exclude, skipped = walk
    stale = clean_tmp(root)
    if stale:
        log.info("removed %d unfinished shard(s) of an earlier run", stale)
    done = done_ids(root)
    result = RunResult(store=str(root), workers=workers, engine=engine)
    if on_total:
        on_total(count_inputs(inputs, include, exclude))
    progress = on_progress or (lambda advance, ok, failed: None)
    t0 = time.perf_counter()
    batches = _batches(iter_items(inputs, options.max_bytes, include, exclude, skipped), done, max(1, shard_size),
                       result, lambda k: progress(k, 0, 0))

    def collect(summary: dict[str, Any]) -> None:
        result.processed += summary["n"]
        result.ok += summary["ok"]
        result.failed += summary["failed"]
        result.shards += 1
        pid = str(summary.get("pid"))
        result.peak_rss_mb[pid] = max(result.peak_rss_mb.get(pid, 0.0), summary["peak_rss"] / 1048576)
        if not result.rss_samples or pid == result.rss_samples[0][2]:
            result.rss_samples.append((result.processed, summary["rss"] / 1048576, pid))
        progress(summary["n"], summary["ok"], summary["failed"])

    try:
        if engine == "dask":
            _run_dask(batches, root, options, scheduler, client, collect)
        elif workers == 1:
            init_worker(options.model, logging.getLogger().level)
            for batch in batches:
                collect(process_batch(batch, str(root), options, tag="w0"))
        else:
            _run_pool(batches, root, options, workers, collect)
    finally:
        result.not_articles = len(skipped)
        result.seconds = time.perf_counter() - t0
        try:
            write_catalog(root)
        except Exception as exc:  # pragma: no cover - the shards are the data; the catalog is rebuilt on query
            log.warning("could not write the catalog: %s", exc)
        _log_run(root, result)
    return result


def _log_run(root: Path, result: RunResult) -> None:
    entry = {k: v for k, v in asdict(result).items() if k != "rss_samples"}
    entry["finished_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    try:
        with open(root / "runs.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry) + "\n")
    except OSError as exc:  # pragma: no cover
        log.warning("could not log the run: %s", exc)


def _run_pool(batches: Iterator[list[Item]], root: Path, options: AuditOptions, workers: int,
              collect: Callable[[dict], None]) -> None:
    import multiprocessing as mp
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    ctx = mp.get_context("spawn")
    pending: set = set()
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker,
                             initargs=(options.model, logging.getLogger().level)) as pool:
        try:
            for i, batch in enumerate(batches):
                pending.add(pool.submit(process_batch, batch, str(root), options, f"p{i % workers}"))
                while len(pending) >= 2 * workers:
                    finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for f in finished:
                        collect(f.result())
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    collect(f.result())
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


class LoadModel:
    """Dask worker plugin: load the spaCy pipeline once when the worker starts."""

    name = "newsaudit-load-model"

    def __init__(self, model: str | None = None):
        self.model = model

    def setup(self, worker=None):
        from ..nlp import get_nlp

        get_nlp(self.model)

    def teardown(self, worker=None):  # pragma: no cover
        pass


def _run_dask(batches: Iterator[list[Item]], root: Path, options: AuditOptions, scheduler: str | None, client,
              collect: Callable[[dict], None]) -> None:
    from distributed import Client, as_completed

    own = client is None
    if own:
        client = Client(scheduler)
    try:
        try:
            from distributed.diagnostics.plugin import WorkerPlugin

            plugin = type("NewsauditLoadModel", (LoadModel, WorkerPlugin), {})(options.model)
            client.register_plugin(plugin)
        except Exception as exc:  # the model then loads on a worker's first batch
            log.info("could not register the model plugin (%s); workers load the model on first use", exc)
        nworkers = max(1, len(client.scheduler_info().get("workers", {})))
        window = 2 * nworkers
        ac = as_completed()
        in_flight = 0
        for batch in batches:
            ac.add(client.submit(process_batch, batch, str(root), options, pure=False))
            in_flight += 1
            while in_flight >= window:
                collect(next(ac).result())
                in_flight -= 1
        for fut in ac:
            collect(fut.result())
    finally:
        if own:
            client.close()
