"""Corpus runs end to end: shards, catalog, resume, errors and exit codes, kill -9, process pool, Dask."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsaudit.cli import cli
from newsaudit.store.catalog import query
from newsaudit.store.runner import run_corpus
from newsaudit.store.shards import SHARDS, TMP, done_ids, shard_dirs

TOWNS = ["Lowbay", "Carrow Fell", "Istmere", "Pellingham", "Osk", "Varnholt", "Quillan", "Brede"]


def article(i: int) -> str:
    town = TOWNS[i % len(TOWNS)]
    return (f"Flooding closes roads in {town}\n\n"
            f"Heavy rain flooded {i + 3} streets in {town} on Monday, officials said. "
            f"\"We have never seen water this high,\" mayor Tova Rink{i} said. "
            f"About {i + 10} families were evacuated overnight.\n")


def make_corpus(root: Path, n: int, extra_bad: bool = False) -> Path:
    d = root / "in"
    (d / "sub").mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (d / ("sub" if i % 2 else "") / f"a{i:03d}.txt").write_text(article(i), encoding="utf-8")
    if extra_bad:
        (d / "empty.txt").write_text("", encoding="utf-8")
        (d / "batch.jsonl").write_text(json.dumps({"text": article(900), "outlet": "Istmere Times",
                                                   "published": "2024-05-06"}) + "\nnot json\n", encoding="utf-8")
    return d


def count(store, sql):
    return query(store, sql).to_pylist()


def test_store_run_writes_shards_catalog_and_tables(tmp_path):
    src = make_corpus(tmp_path, 5, extra_bad=True)
    store = tmp_path / "store"
    res = run_corpus([src], store, shard_size=3)
    assert res.inputs == 8 and res.processed == 8 and res.failed == 2 and res.ok == 6
    assert res.shards == 3 and len(shard_dirs(store.resolve())) == 3
    assert (store / "catalog.duckdb").is_file() and not any((store / TMP).iterdir())
    rows = count(store, "SELECT count(*) n, count(DISTINCT article_id) d FROM articles")
    assert rows == [{"n": 6, "d": 6}]
    errs = count(store, "SELECT stage, code FROM errors ORDER BY stage DESC")
    assert errs == [{"stage": "read", "code": "bad_json"}, {"stage": "ingest", "code": "EmptyInputError"}]
    meta = count(store, "SELECT outlet, published FROM articles WHERE outlet IS NOT NULL")
    assert meta == [{"outlet": "Istmere Times", "published": "2024-05-06"}]
    texts = count(store, "SELECT a.text, q.start, q.\"end\", q.text AS qt FROM quotes q JOIN articles a USING (article_id)")
    for r in texts:  # offsets in the tables point into the stored text
        assert r["text"][r["start"]:r["end"]] == r["qt"]
    # the catalog file alone answers queries (views over the shards)
    import duckdb

    con = duckdb.connect(str(store / "catalog.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    con.close()


def test_store_rerun_skips_done_and_adds_new(tmp_path):
    src = make_corpus(tmp_path, 4)
    store = tmp_path / "store"
    first = run_corpus([src], store)
    assert first.processed == 4
    again = run_corpus([src], store)
    assert again.processed == 0 and again.skipped == 4 and again.shards == 0
    (src / "new.txt").write_text(article(50), encoding="utf-8")
    more = run_corpus([src], store)
    assert more.processed == 1 and more.skipped == 4
    assert count(store, "SELECT count(*) n, count(DISTINCT article_id) d FROM articles") == [{"n": 5, "d": 5}]


def test_store_duplicate_inputs_are_audited_once(tmp_path):
    src = make_corpus(tmp_path, 2)
    (src / "copy.txt").write_text(article(0), encoding="utf-8")
    res = run_corpus([src, src / "a000.txt"], tmp_path / "store")
    assert res.processed == 2


def test_store_empty_store_has_queryable_empty_tables(tmp_path):
    (tmp_path / "store" / SHARDS).mkdir(parents=True)
    assert count(tmp_path / "store", "SELECT count(*) n FROM quotes") == [{"n": 0}]
    cols = [r["column_name"] for r in count(tmp_path / "store", "DESCRIBE quantities")]
    assert "number_text" in cols and "event" in cols


@pytest.mark.parametrize("bad,max_failures,code", [(0, 0.1, 0), (1, 0.5, 1), (1, 0.1, 3)])
def test_store_cli_exit_code_follows_failure_share(tmp_path, bad, max_failures, code):
    src = make_corpus(tmp_path, 3)
    for i in range(bad):
        (src / f"bad{i}.txt").write_bytes(b"")
    r = CliRunner().invoke(cli, ["corpus", "run", str(src), "--out", str(tmp_path / "s"), "--no-progress",
                                 "--max-failures", str(max_failures)])
    assert r.exit_code == code, r.output


def test_store_cli_too_large_is_recorded_and_run_goes_on(tmp_path):
    src = make_corpus(tmp_path, 2)
    (src / "huge.txt").write_text("word " * 100_000, encoding="utf-8")
    r = CliRunner().invoke(cli, ["corpus", "run", str(src), "--out", str(tmp_path / "s"), "--no-progress",
                                 "--max-size", "0.1", "--max-failures", "0.5"])
    assert r.exit_code == 1, r.output
    assert count(tmp_path / "s", "SELECT code FROM errors") == [{"code": "too_large"}]
    assert count(tmp_path / "s", "SELECT count(*) n FROM articles") == [{"n": 2}]


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_store_cli_sql_formats(tmp_path, fmt):
    src = make_corpus(tmp_path, 2)
    run_corpus([src], tmp_path / "s")
    r = CliRunner().invoke(cli, ["corpus", "sql", str(tmp_path / "s"),
                                 "SELECT article_id, authors FROM articles ORDER BY 1", "--format", fmt])
    assert r.exit_code == 0, r.output
    if fmt == "json":
        assert len(json.loads(r.stdout)) == 2
    elif fmt == "csv":
        assert r.stdout.splitlines()[0] == '"article_id","authors"' and len(r.stdout.splitlines()) == 3
    else:
        assert "article_id" in r.stdout


@pytest.mark.parametrize("sql", ["SELECT * FROM no_such_table", "SELEC nonsense"])
def test_store_cli_sql_bad_query_is_a_clean_error(tmp_path, sql):
    (tmp_path / "s" / SHARDS).mkdir(parents=True)
    r = CliRunner().invoke(cli, ["corpus", "sql", str(tmp_path / "s"), sql])
    assert r.exit_code == 3 and "E500" in r.output and "Traceback" not in r.output


def test_store_unfinished_shard_is_ignored_and_cleaned(tmp_path):
    src = make_corpus(tmp_path, 2)
    store = tmp_path / "store"
    run_corpus([src], store)
    junk = store / TMP / "half-written"
    junk.mkdir()
    (junk / "articles.parquet").write_bytes(b"PAR1 not really")
    assert len(done_ids(store.resolve())) == 2
    run_corpus([src], store)
    assert not junk.exists()


@pytest.mark.slow
def test_store_kill_9_then_resume_loses_and_duplicates_nothing(tmp_path):
    n = 40
    src = make_corpus(tmp_path, n)
    store = tmp_path / "store"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "newsaudit.cli", "corpus", "run", str(src), "--out", str(store),
                             "--shard-size", "2", "--no-progress"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and len(shard_dirs(store.resolve()) if (store / SHARDS).exists() else []) < 3:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = len(done_ids(store.resolve()))
    assert 0 < done_before < n, "the run must be killed mid-way"
    res = run_corpus([src], store, shard_size=8)
    assert res.skipped == done_before and res.processed == n - done_before
    rows = count(store, "SELECT count(*) n, count(DISTINCT article_id) d FROM articles")
    assert rows == [{"n": n, "d": n}]
    assert not any((store / TMP).iterdir())


@pytest.mark.slow
def test_store_process_pool_matches_in_process(tmp_path):
    src = make_corpus(tmp_path, 6)
    a = run_corpus([src], tmp_path / "one", shard_size=2)
    b = run_corpus([src], tmp_path / "two", shard_size=2, workers=2)
    assert a.ok == b.ok == 6 and len(b.peak_rss_mb) == 2
    q = "SELECT article_id, n_quotes, n_entities, n_quantities FROM articles ORDER BY 1"
    assert count(tmp_path / "one", q) == count(tmp_path / "two", q)


@pytest.mark.slow
def test_store_dask_local_cluster(tmp_path):
    from distributed import Client, LocalCluster

    src = make_corpus(tmp_path, 4, extra_bad=True)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        res = run_corpus([src], tmp_path / "store", engine="dask", client=client, shard_size=2)
        assert res.processed == 7 and res.failed == 2
        again = run_corpus([src], tmp_path / "store", engine="dask", client=client)
        assert again.processed == 0 and again.skipped == 7
    assert count(tmp_path / "store", "SELECT count(DISTINCT article_id) d, count(*) n FROM articles") == [{"d": 5, "n": 5}]
