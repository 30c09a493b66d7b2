"""``corpus sql`` is read-only: no writes, attaches, installs, other files or network; a timeout; --unsafe."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_store_run import make_corpus, run_corpus

from newsaudit.cli import cli
from newsaudit.errors import UnsafeQueryError
from newsaudit.store.catalog import query


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sqlguard")
    run_corpus([make_corpus(tmp, 2)], tmp / "s")
    return tmp / "s"


@pytest.mark.parametrize("sql", [
    "COPY (SELECT * FROM articles) TO '{out}/leak.csv'",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "INSTALL httpfs",
    "LOAD httpfs",
    "ATTACH '{out}/other.duckdb' AS o",
    "CREATE TABLE t AS SELECT 1",
    "SET enable_external_access = true",
    "SELECT 1; DROP VIEW articles",
    "PRAGMA enable_profiling",
])
def test_store_sql_guard_refuses(store, tmp_path, sql):
    with pytest.raises(UnsafeQueryError):
        query(store, sql.format(out=tmp_path))
    assert not (tmp_path / "leak.csv").exists() and not (tmp_path / "other.duckdb").exists()


@pytest.mark.parametrize("sql", ["SELECT count(*) AS n FROM articles", "DESCRIBE articles", "SHOW TABLES",
                                 "WITH a AS (SELECT article_id FROM articles) SELECT count(*) AS n FROM a"])
def test_store_sql_guard_allows_queries(store, sql):
    assert query(store, sql).num_rows >= 1


def test_store_sql_guard_timeout(store):
    from newsaudit.errors import QueryTimeoutError

    with pytest.raises(QueryTimeoutError):
        query(store, "SELECT count(*) FROM range(100000000000) a", timeout=0.5)


def test_store_sql_guard_cli_one_line_error_and_unsafe(store, tmp_path):
    out = tmp_path / "x.csv"
    r = CliRunner().invoke(cli, ["corpus", "sql", str(store), f"COPY (SELECT 1) TO '{out}'"])
    assert r.exit_code == 2 and "E510" in r.output and "Traceback" not in r.output and not out.exists()
    r = CliRunner().invoke(cli, ["corpus", "sql", str(store), f"COPY (SELECT 1 AS a) TO '{out}'", "--unsafe"])
    assert r.exit_code == 0 and out.exists()
