"""Ingest: encodings, formats and bad input (typed errors, never a traceback)."""
from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from newsaudit.errors import (BinaryInputError, EmptyInputError, InputNotFoundError, InputTooLargeError,
                              NoArticleError)
from newsaudit.ingest import load
from newsaudit.settings import AuditOptions

ARTICLE = (
    "Flood defences fail in Marrowvale\n\n"
    "The river Tamsin burst its banks on Monday, the regional council said.\n\n"
    "\u201cWe were not warned,\u201d said Elin Okafor, a baker whose shop was flooded.\n"
)
OPTS = AuditOptions(detect_language=False)


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
])
def test_ingest_decodes_unicode_encodings(encoding, bom):
    art = load(bom + ARTICLE.encode(encoding), options=OPTS)
    assert art.text == ARTICLE
    assert art.meta.warnings == []


def test_ingest_cp1252_fallback_warns():
    data = ARTICLE.replace("\u201c", "\u201c").encode("cp1252")
    art = load(data, options=OPTS)
    assert art.text == ARTICLE
    assert art.meta.encoding == "cp1252"
    assert [w.code for w in art.meta.warnings] == ["encoding_fallback"]


def test_ingest_invalid_utf8_is_decoded_with_warning():
    data = ARTICLE.encode("utf-8") + b"\xff\xfe\x81 tail\n"
    art = load(data, options=OPTS)
    assert art.text.endswith(" tail\n")
    assert art.meta.warnings[0].code == "encoding_fallback"
    assert "not valid UTF-8" in art.meta.warnings[0].message


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", "".encode()])
def test_ingest_empty_input_raises(data):
    with pytest.raises(EmptyInputError) as err:
        load(data, options=OPTS)
    assert str(err.value) == "[E101] the input is empty. Hint: pass a file that holds an article's text or HTML"


def test_ingest_png_is_binary():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    with pytest.raises(BinaryInputError) as err:
        load(png, options=OPTS)
    assert err.value.code == "E102" and "PNG image" in err.value.message


def test_ingest_nul_bytes_are_binary():
    with pytest.raises(BinaryInputError):
        load(b"abc\x00\x01\x02def" * 50, options=OPTS)


def test_ingest_too_large_raises(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (4 * 1024 * 1024))  # 20 MiB
    with pytest.raises(InputTooLargeError) as err:
        load(big, options=OPTS)
    assert err.value.message == "the input is 20.0 MiB, over the 10.0 MiB limit."
    assert err.value.hint == "split it into articles, or raise the limit with --max-size"


def test_ingest_missing_path_raises(tmp_path):
    with pytest.raises(InputNotFoundError):
        load(tmp_path / "nope.txt", options=OPTS)


def test_ingest_path_and_text_agree(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    assert load(p, options=OPTS).text == load(ARTICLE, options=OPTS).text


def test_ingest_crlf_normalised():
    art = load(ARTICLE.replace("\n", "\r\n").encode(), options=OPTS)
    assert art.text == ARTICLE


@pytest.mark.parametrize("record", [
    {"text": ARTICLE, "url": "https://example.org/a", "published": "2021-03-04", "outlet": "Vale Post"},
])
def test_ingest_json_record(record):
    art = load(json.dumps(record).encode(), options=OPTS)
    assert art.text == ARTICLE
    assert art.meta.source_format == "json"
    assert art.meta.published == "2021-03-04" and art.meta.site == "Vale Post"
    assert art.meta.url == "https://example.org/a"


@pytest.mark.parametrize("record", [{"title": "x"}, {"text": "   "}, {"html": 3}])
def test_ingest_json_without_text_raises(record):
    with pytest.raises(NoArticleError):
        load(json.dumps(record), options=OPTS)


HTML = """<!doctype html><html><head><title>Flood defences fail in Marrowvale</title>
<meta property="article:published_time" content="2021-03-04T09:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Flood defences fail in Marrowvale</h1>
<p>The river Tamsin burst its banks on Monday, the regional council said in a statement on its website.</p>
<p>\u201cWe were not warned,\u201d said Elin Okafor, a baker whose shop on Mill Street was flooded overnight.</p>
<p>Council engineers had inspected the embankment in January and found no fault, officials added.</p>
</article><footer>Share this | Subscribe | \u00a9 Vale Post</footer></body></html>"""


def test_ingest_html_extracts_article_and_date():
    art = load(HTML.encode(), options=OPTS)
    assert art.meta.source_format == "html"
    assert art.text.startswith("Flood defences fail in Marrowvale\n\n")
    assert "We were not warned" in art.text
    assert "Subscribe" not in art.text and "Home" not in art.text
    assert art.meta.published == "2021-03-04"


@pytest.mark.parametrize("html", [
    "<html><body><nav><a href='/'>Home</a></nav><div>Login</div></body></html>",
    "<html><body><div><p>short</p>",  # broken and empty
])
def test_ingest_html_without_article_raises(html):
    with pytest.raises(NoArticleError) as err:
        load(html, options=OPTS)
    assert err.value.code == "E105"


def test_ingest_broken_html_still_extracts():
    broken = "<html><body><p>" + "The council met on Tuesday and agreed a new flood plan for the valley. " * 3 + "<p><b>unclosed <i>tags"
    art = load(broken, options=OPTS)
    assert "flood plan" in art.text


def test_ingest_other_language_warns():
    german = ("Der Stadtrat von Marrowvale hat am Montag beschlossen, die Deiche zu erneuern. "
              "Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern, sagte die Bürgermeisterin.")
    art = load(german, options=AuditOptions())
    assert art.meta.language == "de"
    assert [w.code for w in art.meta.warnings] == ["language"]


def test_ingest_published_option_overrides():
    art = load(ARTICLE, options=AuditOptions(detect_language=False, published="2020-01-02"))
    assert art.meta.published == "2020-01-02" and art.meta.published_source == "argument"


def test_ingest_str_is_always_text_never_a_path(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    assert load(p, options=OPTS).text == ARTICLE  # a Path is a file
    assert load(str(p), options=OPTS).text == str(p)  # a str is the article itself
    monkeypatch.chdir(tmp_path)
    assert load("a.txt", options=OPTS).text == "a.txt"
    assert "root:" not in load("/etc/passwd", options=OPTS).text


@pytest.mark.parametrize("source", [
    "The council met on Monday. \ud800 Nobody came.",
    '{"text": "The council met on Monday. \\ud800 Nobody came.", "title": "Bad \\udfff title"}',
    b'{"text": "The council met on Monday. \\ud800 Nobody came."}',
])
def test_ingest_lone_surrogates_replaced_with_notice(source):
    art = load(source, options=OPTS)
    assert "\ufffd" in art.text and not any(0xD800 <= ord(c) <= 0xDFFF for c in art.text)
    assert any(w.code == "lone_surrogate" for w in art.meta.warnings)
    art.meta.model_dump_json()  # serialisable
    art.text.encode("utf-8")


@pytest.mark.parametrize("record", ['{"text": "\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\u0008\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"}'])
def test_ingest_binary_json_text_refused(record):
    from newsaudit.errors import BinaryInputError

    with pytest.raises(BinaryInputError):
        load(record, options=OPTS)


def test_ingest_json_text_nul_removed_with_notice():
    art = load('{"text": "The council met\\u0000 on Monday and voted to close the road."}', options=OPTS)
    assert "\x00" not in art.text and any(w.code == "nul_removed" for w in art.meta.warnings)


@pytest.mark.parametrize("as_path", [False, True])
def test_ingest_str_is_always_text_path_is_read(tmp_path, monkeypatch, as_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in (str(p), "a.txt"):
        if as_path:
            assert load(Path(name), options=OPTS).text == ARTICLE
        else:
            assert load(name, options=OPTS).text == name  # a string naming a file is still text
