"""Inputs the fuzz harness (tests/fuzz) found crashing ingest: each is now a typed error or a clean audit."""
from __future__ import annotations

import codecs

import pytest

from newsaudit.errors import DecodingError, NestingError
from newsaudit.ingest import load

ARTICLE = "Velmora council votes on the dam\n\nThe council of Velmora voted on Monday to close the dam, officials said."


@pytest.mark.parametrize("source", [
    '{"a":' * 30_000 + "1" + "}" * 30_000,
    ('{"text": "x", "extra": ' + "[" * 40_000 + "]" * 40_000 + "}").encode(),
])
def test_ingest_deep_json_is_a_typed_error(source):
    with pytest.raises(NestingError) as err:
        load(source)
    assert err.value.code == "E107" and "nested too deeply" in str(err.value)


@pytest.mark.parametrize("source", [
    '{"text": ' + '"' + ARTICLE.replace("\n", "\\n") + '", "extra": ' + "[" * 50 + "]" * 50 + "}",
    "[" * 50 + "]" * 50 + " is not an article but it is text with words in it",
    "[" * 50_000 + "]" * 50_000,  # not an object: read as (odd) text, never parsed as JSON
])
def test_ingest_shallow_json_still_reads(source):
    art = load(source)
    assert art.text.strip()


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF16_LE + "Velmora \ud800 dam".encode("utf-16-le", "surrogatepass"),
    codecs.BOM_UTF16_BE + "Velmora \udfff dam".encode("utf-16-be", "surrogatepass"),
    codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le") + b"\x00",  # odd length: a truncated code unit
    codecs.BOM_UTF8 + b"Velmora \xff\xfe dam council",
])
def test_ingest_bom_with_bad_bytes_is_a_decoding_error(data):
    with pytest.raises(DecodingError) as err:
        load(data)
    assert err.value.code == "E104"


@pytest.mark.parametrize("codec,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                       ("utf-8", codecs.BOM_UTF8)])
def test_ingest_bom_with_good_bytes_decodes(codec, bom):
    assert load(bom + ARTICLE.encode(codec)).text == ARTICLE
