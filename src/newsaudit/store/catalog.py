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

from ..errors import QueryTimeoutError, StoreError, UnsafeQueryError
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


READ_ONLY_STATEMENTS = frozenset({"SELECT", "EXPLAIN"})  # DESCRIBE, SHOW, SUMMARIZE, WITH … parse as SELECT
QUERY_TIMEOUT_S = 60.0


def lock_down(con, root: Path) -> None:
    """After the views are defined: no extensions, file access only to the store's shards, settings frozen."""
    shards = str((root / SHARDS).resolve())
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")
    con.execute("SET allowed_directories = [?]", [shards + os.sep])
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def check_read_only(con, sql: str) -> None:
    """Refuse any statement but a query: no COPY, ATTACH, INSTALL, CREATE, SET, PRAGMA …"""
    import duckdb

    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise StoreError(f"the query failed: {exc}", hint="check the SQL; see docs/corpus.md") from exc
    bad = [st.type.name for st in statements if st.type.name not in READ_ONLY_STATEMENTS]
    if bad:
        raise UnsafeQueryError(f"only queries run over a store; refused: {', '.join(sorted(set(bad)))}",
                               hint="use SELECT (or DESCRIBE/SHOW/SUMMARIZE); pass --unsafe to lift the guard "
                                    "on your own store")


def query(store: str | os.PathLike, sql: str, params: list[Any] | None = None, *, unsafe: bool = False,
          timeout: float = QUERY_TIMEOUT_S) -> pa.Table:
    """Run ``sql`` over the store and return an Arrow table.

    By default the connection is read-only in effect: statements other than queries are refused, DuckDB
    may read only the store's shards (no other file, no network, no extension install or autoload), its
    settings are locked, and a query running past ``timeout`` seconds is interrupted.  ``unsafe=True``
    (``corpus sql --unsafe``) lifts all of that.
    """
    import threading

    import duckdb

    con = connect(store)
    timer = None
    timed_out = threading.Event()
    try:
        if not unsafe:
            check_read_only(con, sql)
            lock_down(con, Path(store).resolve())

            def stop() -> None:
                timed_out.set()
                con.interrupt()

            timer = threading.Timer(timeout, stop)
            timer.daemon = True
            timer.start()
        rel = con.sql(sql, params=params or None)
        if rel is None:  # a statement without a result (CREATE, SET ...)
            return pa.table({})
        fetch = getattr(rel, "to_arrow_table", None) or getattr(rel, "arrow")
        table = fetch()
        return table if isinstance(table, pa.Table) else table.read_all()
    except duckdb.Error as exc:
        if timed_out.is_set():
            raise QueryTimeoutError(f"the query ran past {timeout:.0f} s and was stopped",
                                    hint="add a LIMIT or a WHERE clause") from exc
        if isinstance(exc, duckdb.PermissionException):
            raise UnsafeQueryError(f"the query was refused: {exc}",
                                   hint="a store query may read only the store's own tables") from exc
        raise StoreError(f"the query failed: {exc}", hint="list the tables and their columns with "
                         "`newsaudit corpus sql STORE \"DESCRIBE articles\"`; see docs/corpus.md") from exc
    finally:
        if timer is not None:
            timer.cancel()
        con.close()


def read_table(store: str | os.PathLike, table: str, columns: list[str] | None = None) -> pa.Table:
    cols = ", ".join(f'"{c}"' for c in columns) if columns else "*"
    return query(store, f"SELECT {cols} FROM {table}")
