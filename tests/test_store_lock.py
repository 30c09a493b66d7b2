"""One writer per store: a second run is refused naming the holder's PID; a kill -9'd holder leaves no lock."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from test_store_run import make_corpus, run_corpus

from newsaudit.errors import StoreLockedError

HOLDER = """
import sys, time
from pathlib import Path
from newsaudit.store.lock import store_lock
from newsaudit.store.shards import init_store
root = init_store(sys.argv[1])
with store_lock(root):
    print("locked", flush=True)
    time.sleep(120)
"""


def _hold(store):
    p = subprocess.Popen([sys.executable, "-c", HOLDER, str(store)], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "locked"
    return p


def test_store_lock_second_writer_refused_then_taken_over_after_kill_9(tmp_path):
    src = make_corpus(tmp_path, 2)
    holder = _hold(tmp_path / "s")
    try:
        with pytest.raises(StoreLockedError) as exc:
            run_corpus([src], tmp_path / "s")
        assert str(holder.pid) in exc.value.message
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    time.sleep(0.1)
    result = run_corpus([src], tmp_path / "s")  # the dead holder's lock is gone
    assert result.ok == 2


def test_store_lock_cli_one_line_error(tmp_path):
    from click.testing import CliRunner

    from newsaudit.cli import cli

    src = make_corpus(tmp_path, 1)
    holder = _hold(tmp_path / "s")
    try:
        r = CliRunner().invoke(cli, ["corpus", "run", str(src), "--out", str(tmp_path / "s")])
        assert r.exit_code == 3 and "E501" in r.output and str(holder.pid) in r.output and "Traceback" not in r.output
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
