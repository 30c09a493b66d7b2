"""What a worker does with one batch: ingest, audit (``nlp.pipe``), flatten, write one shard.

Runs in the calling process, in a local worker process, or on a Dask worker;
the spaCy pipeline is loaded once per process (``newsaudit.nlp`` caches it).
"""
from __future__ import annotations

import dataclasses
import logging
import os
import time
from pathlib import Path
from typing import Any

from .inputs import Item

log = logging.getLogger(__name__)


def init_worker(model: str | None = None, log_level: int = logging.WARNING) -> None:
    """Process-pool initializer: quiet logs, load the pipeline once."""
    logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("trafilatura", "htmldate", "urllib3", "distributed", "pdfminer"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    from ..nlp import get_nlp

    get_nlp(model)


def rss_bytes() -> int:
    try:
        import psutil

        return psutil.Process().memory_info().rss
    except Exception:  # pragma: no cover - psutil missing
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_rss_bytes() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _ingest(item: Item, options):
    from ..ingest import load, load_record

    if item.fetch:
        return _fetch_and_load(item, options)
    if isinstance(item.payload, dict):
        article = load_record(item.payload, options=options)
    else:
        if item.url and not options.url:
            options = options.model_copy(update={"url": item.url})
        article = load(bytes(item.payload or b""), options=options)
    if item.meta:  # a sidecar's values win over what the file says
        update = dict(item.meta)
        if "published" in update:
            update["published_source"] = "sidecar"
        article = dataclasses.replace(article, meta=article.meta.model_copy(update=update))
    return article


def _fetch_and_load(item: Item, options):
    from ..ingest import load
    from ..ingest.fetch import fetch

    fetched = fetch(item.url or item.source, max_bytes=options.max_bytes)
    article = load(fetched.decoded(), options=options.model_copy(update={"url": options.url or fetched.url}))
    return dataclasses.replace(article, meta=article.meta.model_copy(update={
        "final_url": fetched.url, "fetched_at": fetched.fetched_at, "http_status": fetched.status,
        "sha256": fetched.sha256}))


def _transient(exc) -> bool:
    """A fetch failure worth trying again on the next run (network, timeout, a server error)."""
    from ..errors import FetchNetworkError, FetchStatusError, FetchTimeoutError

    if isinstance(exc, (FetchNetworkError, FetchTimeoutError)):
        return True
    return isinstance(exc, FetchStatusError) and (" HTTP 5" in exc.message or " HTTP 429" in exc.message)


def process_batch(items: list[Item], store: str, options, tag: str = "") -> dict[str, Any]:
    """Audit ``items`` and write them as one shard of ``store``; returns counts and memory figures."""
    from ..errors import FetchError, NewsauditError
    from ..pipeline import audit_articles
    from .flatten import Batch, now_iso
    from .shards import RETRY_STAGE, new_shard_id, write_shard

    t0 = time.perf_counter()
    root = Path(store)
    shard = new_shard_id(tag or f"w{os.getpid()}")
    when = now_iso()
    batch = Batch()
    good: list[tuple[Item, Any]] = []
    for item in items:
        if item.error is not None:
            batch.add_error(item.id, item.source, "read", item.error[0], item.error[1], shard, when)
            continue
        try:
            good.append((item, _ingest(item, options)))
        except FetchError as exc:  # a transient failure is retried by the next run: not recorded as done
            stage = RETRY_STAGE if _transient(exc) else "fetch"
            batch.add_error(item.id, item.source, stage, type(exc).__name__, exc.message, shard, when)
        except NewsauditError as exc:
            batch.add_error(item.id, item.source, "ingest", type(exc).__name__, exc.message, shard, when)
        except Exception as exc:  # a bug in ingest must not stop the run
            log.exception("ingest failed for %s", item.source)
            batch.add_error(item.id, item.source, "ingest", type(exc).__name__, str(exc) or repr(exc), shard, when)
    results = audit_articles((a for _, a in good), options)
    for (item, _), result in zip(good, results):
        if isinstance(result, Exception):
            reason = result.message if isinstance(result, NewsauditError) else (str(result) or repr(result))
            batch.add_error(item.id, item.source, "audit", type(result).__name__, reason, shard, when)
            continue
        try:
            batch.add_dossier(item.id, item.source, result, shard, when)
        except Exception as exc:  # pragma: no cover - a flattening bug: record, go on
            log.exception("could not flatten %s", item.source)
            batch.add_error(item.id, item.source, "store", type(exc).__name__, str(exc), shard, when)
    write_shard(root, shard, batch.tables())
    return {
        "shard": shard, "n": len(items), "ok": len(items) - len(batch.failed),
        "failed": len(batch.failed), "seconds": time.perf_counter() - t0,
        "rss": rss_bytes(), "peak_rss": peak_rss_bytes(), "pid": os.getpid(),
    }
