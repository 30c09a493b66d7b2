"""Poison records never stop a corpus run: each is recorded in ``errors`` and the run goes on (and resumes)."""
from __future__ import annotations

import json

from test_store_run import run_corpus

from newsaudit.store.catalog import query

GOOD = [{"id": "a", "text": "The council met on Monday and voted to close the harbour road, the mayor said."},
        {"id": "d", "text": "The harbour reopened on Friday after the storm, officials in Kestrava said."}]
POISON = [
    '{"id": "b", "text": "A lone \\ud800 surrogate sits in this council story about the harbour road."}',
    "[" * 100_000 + "]" * 100_000,
    '{"id": "c", "text": "\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\u0008\\u000e\\u000f\\u0010"}',
    "not json at all",
    '"a JSON string, not an object"',
]


def _write(path):
    lines = [json.dumps(GOOD[0]), *POISON, json.dumps(GOOD[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_store_poison_records_recorded_and_run_goes_on(tmp_path):
    src = _write(tmp_path / "in.jsonl")
    run_corpus([src], tmp_path / "s")
    texts = [r["text"] for r in query(tmp_path / "s", "SELECT text FROM articles").to_pylist()]
    assert len(texts) == 3  # two good records and the repaired surrogate one
    assert any("\ufffd" in t for t in texts)
    errors = query(tmp_path / "s", "SELECT source, code FROM errors ORDER BY source").to_pylist()
    assert len(errors) == 4 and {e["code"] for e in errors} >= {"bad_json", "BinaryInputError"}
    # a resume over the same input adds nothing and crashes on nothing
    run_corpus([src], tmp_path / "s")
    assert query(tmp_path / "s", "SELECT count(*) AS n FROM articles").to_pylist() == [{"n": 3}]
