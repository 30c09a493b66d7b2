"""A dead store (full or read-only disk) is a typed store error with exit 3; finished shards stay valid."""
from __future__ import annotations

import errno
import pickle

from click.testing import CliRunner
from test_store_run import make_corpus, run_corpus

from newsaudit.errors import StoreLockedError


def test_store_errors_pickle_across_processes():
    e = pickle.loads(pickle.dumps(StoreLockedError("held by 42", hint="wait")))
    assert isinstance(e, StoreLockedError) and e.message == "held by 42" and e.hint == "wait" and e.code == "E501"


def test_store_full_disk_is_typed_and_keeps_finished_shards(tmp_path, monkeypatch):
    from newsaudit.cli import cli
    from newsaudit.store import shards
    from newsaudit.store.catalog import query

    src = make_corpus(tmp_path, 2)
    run_corpus([src], tmp_path / "s")

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shards.pq, "write_table", full)
    extra = tmp_path / "extra.jsonl"
    extra.write_text('{"text": "The harbour reopened on Friday after the storm, officials in Kestrava said."}\n')
    r = CliRunner().invoke(cli, ["corpus", "run", str(extra), "--out", str(tmp_path / "s")])
    assert r.exit_code == 3 and "E500" in r.output and "No space left" in r.output and "Traceback" not in r.output
    monkeypatch.undo()
    assert query(tmp_path / "s", "SELECT count(*) AS n FROM articles").to_pylist() == [{"n": 2}]  # still valid
    assert not any((tmp_path / "s" / "tmp").iterdir())
