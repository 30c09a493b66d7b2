"""Flattening dossiers into tables: schemas follow the models, offsets survive, every table is written."""
from __future__ import annotations

import json

import pyarrow as pa
import pytest

from newsaudit.dossier import (Claim, Dossier, Entity, Holder, Meta, Mention, Notice, Problem, Quantity, Quote, Span,
                               Speaker, TimeExpression)
from newsaudit.store.flatten import FINDINGS, TABLES, Batch, schema

TEXT = "Storm hits Lowbay\n\nAt least 12 people were killed, mayor Ada Pike said. \"It was awful,\" Pike said."


def _span(cls, sub, **kw):
    start = TEXT.index(sub)
    return cls(start=start, end=start + len(sub), text=sub, **kw)


@pytest.fixture()
def dossier():
    q = _span(Quote, '"It was awful," Pike said', kind="direct", content=_span(Span, "It was awful,"),
              speaker=_span(Speaker, "Pike", name="Ada Pike", entity="E1"))
    qty = _span(Quantity, "At least 12 people were killed", number=_span(Span, "12"), value=12.0, modifier="at least",
                event="KILL", sentence=_span(Span, "At least 12 people were killed, mayor Ada Pike said."))
    claim = _span(Claim, "At least 12 people were killed, mayor Ada Pike said.", score=0.9, checkworthy=True,
                  holder=Holder(kind="speaker", name="Ada Pike", quote=0), sourcing="attributed", quantities=[0])
    ent = Entity(id="E1", type="PERSON", canonical="Ada Pike", mentions=[_span(Span, "Ada Pike")], variants=["Ada Pyke"])
    men = _span(Mention, "Ada Pike", type="PERSON", entity="E1")
    tim = TimeExpression(start=0, end=5, text=TEXT[:5], type="DATE", value="2024-01-01")
    prob = _span(Problem, "Lowbay", kind="test_kind", message="a test problem", details={"x": 1})
    meta = Meta(title="Storm hits Lowbay", site="Lowbay News", published="2024-01-02", authors=["A. Writer"],
                warnings=[Notice(code="layer_failed", message="the rhetoric layer failed (ValueError: x); its findings are missing")])
    return Dossier(text=TEXT, meta=meta, quotes=[q], quantities=[qty], claims=[claim], entities=[ent], mentions=[men],
                   times=[tim], problems=[prob])


def test_store_every_table_has_a_schema_with_keys():
    for t in TABLES:
        names = schema(t).names
        assert names[0] == "article_id"
        assert len(names) == len(set(names)), t
    for t in FINDINGS:
        assert schema(t).names[1] == "idx"


@pytest.mark.parametrize("table,column,dtype", [
    ("quantities", "number_text", pa.string()), ("quantities", "value", pa.float64()),
    ("quotes", "speaker_name", pa.string()), ("quotes", "flags", pa.list_(pa.string())),
    ("claims", "holder_quote", pa.int64()), ("claims", "checkworthy", pa.bool_()),
    ("entities", "variants", pa.list_(pa.string())), ("entities", "mentions", pa.string()),
    ("problems", "details", pa.string()), ("times", "type", pa.string()),
])
def test_store_schema_follows_models(table, column, dtype):
    assert schema(table).field(column).type == dtype


def test_store_flattened_offsets_point_into_the_text(dossier):
    b = Batch()
    b.add_dossier("id1", "src", dossier, "shard1", "now")
    tables = b.tables()
    for name in ("quotes", "quantities", "claims", "mentions", "problems"):
        rows = tables[name].to_pylist()
        assert rows, name
        for r in rows:
            assert TEXT[r["start"]:r["end"]] == r["text"], name
    q = tables["quotes"].to_pylist()[0]
    assert TEXT[q["content_start"]:q["content_end"]] == q["content_text"]
    assert q["speaker_name"] == "Ada Pike" and q["cue_lemma"] is None
    n = tables["quantities"].to_pylist()[0]
    assert TEXT[n["number_start"]:n["number_end"]] == n["number_text"] == "12"
    assert n["event_text_start"] is None  # an absent nested span gives nulls
    c = tables["claims"].to_pylist()[0]
    assert c["holder_name"] == "Ada Pike" and c["holder_quote"] == 0 and c["quantities"] == [0]
    e = tables["entities"].to_pylist()[0]
    assert e["variants"] == ["Ada Pyke"] and json.loads(e["mentions"])[0]["text"] == "Ada Pike"
    assert json.loads(tables["problems"].to_pylist()[0]["details"]) == {"x": 1}


def test_store_article_row_and_layer_failure_recorded(dossier):
    b = Batch()
    b.add_dossier("id1", "src.txt", dossier, "shard1", "now")
    art = b.tables()["articles"].to_pylist()[0]
    assert art["outlet"] == "Lowbay News" and art["published"] == "2024-01-02" and art["authors"] == ["A. Writer"]
    assert art["text"] == TEXT and art["n_quotes"] == 1 and art["n_quantities"] == 1
    assert art["failed_layers"] == ["rhetoric"]
    errs = b.tables()["errors"].to_pylist()
    assert [(e["article_id"], e["stage"], e["code"]) for e in errs] == [("id1", "layer", "layer_failed")]
    assert b.failed == {"id1"}


def test_store_empty_dossier_gives_an_article_row_and_no_findings():
    b = Batch()
    b.add_dossier("id2", "s", Dossier(text="Just text."), "sh", "now")
    t = b.tables()
    assert t["articles"].num_rows == 1 and t["errors"].num_rows == 0
    assert all(t[name].num_rows == 0 for name in FINDINGS)
    assert b.failed == set()


def test_store_outlet_falls_back_to_url_host():
    b = Batch()
    b.add_dossier("id3", "s", Dossier(text="x", meta=Meta(url="https://www.news.example/a")), "sh", "now")
    assert b.tables()["articles"].to_pylist()[0]["outlet"] == "news.example"
