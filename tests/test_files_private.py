"""Reports and stores are private by default: a report file 0600, a new store directory 0700."""
from __future__ import annotations

import os
import stat

from click.testing import CliRunner

from newsaudit.cli import cli


def _mode(p) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def test_files_report_written_0600(tmp_path):
    old = os.umask(0o022)
    try:
        out = tmp_path / "r.json"
        r = CliRunner().invoke(cli, ["audit", "--sample", "-o", str(out)])
        assert r.exit_code == 0, r.output
        assert _mode(out) == 0o600
    finally:
        os.umask(old)


def test_files_existing_report_keeps_its_mode(tmp_path):
    out = tmp_path / "r.md"
    out.write_text("old")
    os.chmod(out, 0o644)
    r = CliRunner().invoke(cli, ["audit", "--sample", "-o", str(out)])
    assert r.exit_code == 0 and _mode(out) == 0o644 and out.read_text() != "old"


def test_files_new_store_is_0700(tmp_path):
    from newsaudit.store.shards import init_store

    old = os.umask(0o022)
    try:
        root = init_store(tmp_path / "store")
        assert _mode(root) == 0o700
    finally:
        os.umask(old)
