"""The on-disk store: atomic Parquet shards and the set of articles already done.

Layout::

    STORE/
      shards/<shard-id>/<table>.parquet   one directory per finished batch, every table present
      tmp/<uuid>/                         a batch being written (never read)
      catalog.duckdb                      views over shards/*/<table>.parquet
      runs.jsonl                          one line per finished run (counts, timing)

A shard is written into ``tmp/``, every file is fsynced, and the directory is
renamed into ``shards/`` (an atomic rename on one file system).  An article
counts as done exactly when its shard directory is in ``shards/``; a run killed
at any moment leaves at worst a directory in ``tmp/``, which the next run
deletes and whose articles it audits again.
"""
from __future__ import annotations

import logging
import os
import shutil
import time
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import StoreError
from .flatten import TABLES, schema

log = logging.getLogger(__name__)

SHARDS, TMP, CATALOG = "shards", "tmp", "catalog.duckdb"


def init_store(store: str | os.PathLike) -> Path:
    root = Path(store).resolve()
    try:
        if not root.exists():
            root.mkdir(parents=True, mode=0o700)  # a new store is private: articles can be sensitive
            os.chmod(root, 0o700)  # mkdir's mode is filtered by the umask; the store's is not
        (root / SHARDS).mkdir(parents=True, exist_ok=True)
        (root / TMP).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the store {root}: {exc}", hint="pass a writable --out directory") from exc
    return root


def clean_tmp(root: Path, older_than_s: float = 0.0) -> int:
    """Delete unfinished shards left by killed runs; returns how many."""
    n = 0
    tmp = root / TMP
    if not tmp.is_dir():
        return 0
    now = time.time()
    for d in tmp.iterdir():
        try:
            if now - d.stat().st_mtime >= older_than_s:
                shutil.rmtree(d, ignore_errors=True)
                n += 1
        except OSError:
            continue
    return n


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def new_shard_id(tag: str = "") -> str:
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    return f"{stamp}-{tag or os.getpid()}-{uuid.uuid4().hex[:10]}"


def write_shard(root: Path, shard_id: str, tables: dict[str, pa.Table]) -> Path:
    """Write every table of one batch as ``shards/<shard_id>/``, atomically."""
    tmp = root / TMP / f"{shard_id}.{uuid.uuid4().hex[:6]}"
    try:
        return _write_shard(root, tmp, shard_id, tables)
    except OSError as exc:  # a full or read-only disk: finished shards stay valid, this one is dropped
        shutil.rmtree(tmp, ignore_errors=True)
        raise StoreError(f"cannot write to the store {root}: {exc.strerror or exc}",
                         hint="free disk space or check the store's permissions; finished shards are kept, "
                              "and a re-run resumes") from None


def _write_shard(root: Path, tmp: Path, shard_id: str, tables: dict[str, pa.Table]) -> Path:
    tmp.mkdir(parents=True)
    for name in TABLES:
        table = tables.get(name)
        if table is None:
            table = schema(name).empty_table()
        path = tmp / f"{name}.parquet"
        with open(path, "wb") as fh:
            pq.write_table(table, fh, compression="zstd")
            fh.flush()
            os.fsync(fh.fileno())
    _fsync_dir(tmp)
    final = root / SHARDS / shard_id
    os.rename(tmp, final)
    _fsync_dir(root / SHARDS)
    return final


def shard_dirs(root: Path) -> list[Path]:
    base = root / SHARDS
    if not base.is_dir():
        return []
    return sorted(d for d in base.iterdir() if d.is_dir() and not d.name.startswith("."))


RETRY_STAGE = "fetch_retry"  # errors.stage of a failure the next run retries


def done_ids(root: Path) -> set[str]:
    """The ids of every article recorded in a finished shard (audited, or recorded as an error)."""
    done: set[str] = set()
    for d in shard_dirs(root):
        for table in ("articles", "errors"):
            path = d / f"{table}.parquet"
            try:
                cols = ["article_id", "stage"] if table == "errors" else ["article_id"]
                read = pq.read_table(path, columns=cols)
            except (OSError, pa.ArrowException) as exc:
                log.warning("unreadable shard file %s (%s); its articles will be audited again", path, exc)
                continue
            ids = read.column("article_id").to_pylist()
            stages = read.column("stage").to_pylist() if table == "errors" else [None] * len(ids)
            # a fetch that failed for a passing reason (network, timeout, HTTP 5xx) is tried again
            done.update(x for x, st in zip(ids, stages) if x is not None and st != RETRY_STAGE)
    return done
