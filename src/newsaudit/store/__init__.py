"""Corpus store: audit many articles into Parquet shards with a DuckDB catalog.

    >>> from newsaudit.store import run_corpus, query
    >>> result = run_corpus(["articles/"], "store/", workers=2)
    >>> query("store/", "SELECT outlet, count(*) FROM articles GROUP BY 1")

See ``docs/corpus.md`` for the tables and their columns.  Heavy modules load on use.
"""
from __future__ import annotations

__all__ = ["run_corpus", "query", "connect", "RunResult", "TABLES"]


def __getattr__(name: str):
    if name in ("run_corpus", "RunResult"):
        from . import runner

        return getattr(runner, name)
    if name in ("query", "connect"):
        from . import catalog

        return getattr(catalog, name)
    if name == "TABLES":
        from .flatten import TABLES

        return TABLES
    raise AttributeError(name)
