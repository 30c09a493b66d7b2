"""Pipeline plumbing: masking, chunked parsing, layer order, dossier round trip."""
from __future__ import annotations

import json

import pytest

from newsaudit.analyze import ALL_LAYERS, check_order
from newsaudit.dossier import Dossier
from newsaudit.nlp import chunk_bounds, parse
from newsaudit.pipeline import mask


@pytest.mark.parametrize("text,ranges,expected", [
    ("abc\ndef\nghi", [(4, 7)], "   \ndef\n   "),
    ("abc\ndef", [], "   \n   "),
    ("abcdef", [(0, 6)], "abcdef"),
    ("ab cd ef", [(0, 2), (6, 8)], "ab    ef"),
])
def test_pipeline_mask_keeps_offsets(text, ranges, expected):
    assert mask(text, ranges) == expected


@pytest.mark.parametrize("limit", [10, 50, 1000])
def test_nlp_chunk_bounds_cover_text(limit):
    text = ("Para one has words.\n\nPara two, longer, has more words in it.\nA line.\n\n" * 20)
    bounds = chunk_bounds(text, limit)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a == prev_b for (a, _), (_, prev_b) in zip(bounds[1:], bounds))
    assert "".join(text[a:b] for a, b in bounds) == text


def test_nlp_chunked_parse_preserves_text(nlp, monkeypatch):
    import newsaudit.nlp as mod

    monkeypatch.setattr(mod, "CHUNK_CHARS", 200)
    text = "The mayor of Eastbrook spoke on Monday.\n\nShe said the bridge would reopen.\n\n" * 12
    doc = parse(text, nlp)
    assert doc.text == text
    assert [t.idx for t in doc][:3] == [0, 4, 10]


def test_analyze_layer_order_is_consistent():
    check_order()
    assert ALL_LAYERS[:2] == ("structure", "citations")


def test_dossier_json_round_trip_is_lossless(audit_text):
    d = audit_text("Title here\n\nThe council said on Monday that 12 people were hurt [1].\n\n[1] Vale Post, 2021\n")
    js = d.model_dump_json()
    again = Dossier.model_validate_json(js)
    assert again == d
    assert again.model_dump_json() == js


def test_dossier_schema_lists_stable_keys():
    schema = Dossier.model_json_schema()
    for key in ("schema_version", "text", "meta", "structure", "citations", "quotes", "non_speech_quotes", "voices",
                "entities", "times", "timeline", "quantities", "claims", "sourcing", "rhetoric", "problems"):
        assert key in schema["properties"], key
    json.dumps(schema)


def test_pipeline_layer_crash_becomes_warning(monkeypatch, audit_text):
    import newsaudit.analyze.rhetoric.findings as rh

    def boom(article, doc, found):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(rh, "analyse", boom)
    d = audit_text("The council met on Monday.\n", strict_layers=False)
    assert [w.code for w in d.meta.warnings] == ["layer_failed"]
    assert "rhetoric" in d.meta.warnings[0].message and "kaboom" in d.meta.warnings[0].message
    with pytest.raises(RuntimeError):
        audit_text("The council met on Monday.\n", strict_layers=True)


def test_pipeline_every_span_matches_text(audit_text):
    """Every span-bearing finding in the dossier points at the text it quotes."""
    text = ("Bridge closes in Eastbrook\n\n\u201cIt is unsafe,\u201d said engineer Ravi Moss on Monday [1]. "
            "At least 3 people were hurt, according to the Eastbrook Herald.\n\n[1] Moss, Ravi, Bridge report, Eastbrook Herald, March 2, 2021\n")
    d = audit_text(text)
    for start, end, quoted in iter_spans(d.model_dump()):
        assert d.text[start:end] == quoted


def iter_spans(obj):
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys() and isinstance(obj["text"], str) and isinstance(obj["start"], int):
            yield obj["start"], obj["end"], obj["text"]
        for k, v in obj.items():
            if k != "text":
                yield from iter_spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from iter_spans(v)


@pytest.mark.parametrize("text,tokens", [
    ("He added,\u201dHundreds of", ["He", "added", ",", "\u201d", "Hundreds", "of"]),
    ("So they\u201dhave been", ["So", "they", "\u201d", "have", "been"]),
    ("the \u201cHeaven\u201cby the", ["the", "\u201c", "Heaven", "\u201c", "by", "the"]),
    ("don\u2019t split it\u2019s", ["do", "n\u2019t", "split", "it", "\u2019s"]),  # apostrophes untouched
    ("3.5 and 1,000 people", ["3.5", "and", "1,000", "people"]),
])
def test_nlp_tokenizer_splits_glued_quote_marks(nlp, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens
