"""The DuckDB catalog: one view per table over the store's Parquet shards.

The views read ``shards/*/<table>.parquet`` by glob (``union_by_name``), so a
shard finished after the catalog was written is visible at the next query.
A store with no shard yet gets empty tables with the right columns.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import StoreError
from .flatten import TABLES, schema
from .shards import CATALOG, SHARDS, shard_dirs

log = logging.getLogger(__name__)


def _quote(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def define_views(con, root: Path) -> None:
    """(Re)create a view per table in the DuckDB connection ``con``."""
    have_shards = bool(shard_dirs(root))
    for table in TABLES:
        if have_shards:
            glob = str(root / SHARDS / "*" / f"{table}.parquet")
            con.execute(f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet({_quote(glob)}, union_by_name=true)")
        else:
            empty = schema(table).empty_table()  # noqa: F841 - read by DuckDB's replacement scan
            con.register(f"_empty_{table}", empty)
            con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM _empty_{table}")
            con.unregister(f"_empty_{table}")


def write_catalog(root: Path) -> Path:
    """Write ``STORE/catalog.duckdb`` (only one process should call this)."""
    import duckdb

    path = root / CATALOG
    tmp = root / f".{CATALOG}.{os.getpid()}.tmp"
    if tmp.exists():
        tmp.unlink()
    con = duckdb.connect(str(tmp))
    try:
        define_views(con, root)
    finally:
        con.close()
    os.replace(tmp, path)
    wal = Path(str(tmp) + ".wal")
    if wal.exists():
        wal.unlink()
    return path


def connect(store: str | os.PathLike):
    """A DuckDB connection with every table of ``store`` as a view (in memory: never locks the catalog file)."""
    import duckdb

    root = Path(store).resolve()
    if not (root / SHARDS).is_dir():
        raise StoreError(f"{root} is not a newsaudit store (no {SHARDS}/ directory).",
                         hint="create one with `newsaudit corpus run INPUT... --out STORE`")
    con = duckdb.connect()
    define_views(con, root)
    return con


def query(store: str | os.PathLike, sql: str, params: list[Any] | None = None) -> pa.Table:
    """Run ``sql`` over the store and return an Arrow table."""
    import duckdb

    con = connect(store)
    try:
        rel = con.sql(sql, params=params or None)
        if rel is None:  # a statement without a result (CREATE, SET ...)
            return pa.table({})
        fetch = getattr(rel, "to_arrow_table", None) or getattr(rel, "arrow")
        table = fetch()
        return table if isinstance(table, pa.Table) else table.read_all()
    except duckdb.Error as exc:
        raise StoreError(f"the query failed: {exc}", hint="list the tables and their columns with "
                         "`newsaudit corpus sql STORE \"DESCRIBE articles\"`; see docs/corpus.md") from exc
    finally:
        con.close()


def read_table(store: str | os.PathLike, table: str, columns: list[str] | None = None) -> pa.Table:
    cols = ", ".join(f'"{c}"' for c in columns) if columns else "*"
    return query(store, f"SELECT {cols} FROM {table}")
