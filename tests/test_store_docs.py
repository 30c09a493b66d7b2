"""docs/corpus.md documents every table of the store and the run's exit codes."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.store.flatten import TABLES, schema

DOC = Path(__file__).resolve().parents[1] / "docs" / "corpus.md"


@pytest.mark.parametrize("table", TABLES)
def test_store_docs_name_every_table(table):
    assert f"`{table}`" in DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize("table", ["articles", "errors"])
def test_store_docs_list_the_fixed_columns(table):
    text = DOC.read_text(encoding="utf-8")
    missing = [c for c in schema(table).names if f"`{c}`" not in text]
    assert not missing


def test_store_docs_exit_codes_and_dask_commands():
    text = DOC.read_text(encoding="utf-8")
    for needle in ("--max-failures", "dask scheduler", "dask worker", "| 3 |", "kill -9"):
        assert needle in text, needle
