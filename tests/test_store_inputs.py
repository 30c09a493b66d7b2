"""Input discovery for corpus runs: files, directories, JSONL, WARC; ids and bad inputs."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from newsaudit.store.inputs import content_id, discover, iter_items, record_id


def _write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_store_discover_walks_directories_sorted_and_skips_hidden(tmp_path):
    _write(tmp_path / "b" / "2.txt", "two")
    _write(tmp_path / "a.txt", "one")
    _write(tmp_path / ".hidden.txt", "no")
    _write(tmp_path / ".git" / "x.txt", "no")
    names = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert names == ["a.txt", "b/2.txt"]


def test_store_discover_takes_article_files_only_in_directories(tmp_path):
    for name in ("a.html", "b.json", "c.jsonl", "d.warc.gz", "e.py", "f.png", "g.csv", "h.TXT"):
        _write(tmp_path / name, "x")
    names = [p.name for p in discover([tmp_path])]
    assert names == ["a.html", "b.json", "c.jsonl", "d.warc.gz", "h.TXT"]
    assert [p.name for p in discover([tmp_path / "e.py"])] == ["e.py"]  # named directly: always taken


@pytest.mark.parametrize("text", ["An article.", "Ünïcode text — with dashes."])
def test_store_file_item_id_is_content_hash(tmp_path, text):
    p = _write(tmp_path / "x.txt", text)
    (item,) = iter_items([p])
    assert item.id == content_id(text.encode("utf-8"))
    assert item.payload == text.encode("utf-8") and item.error is None


def test_store_same_content_same_id_different_content_different_id(tmp_path):
    a = _write(tmp_path / "a.txt", "same text")
    b = _write(tmp_path / "b.txt", "same text")
    c = _write(tmp_path / "c.txt", "other text")
    ids = [i.id for i in iter_items([a, b, c])]
    assert ids[0] == ids[1] != ids[2]


def test_store_jsonl_records_and_bad_lines(tmp_path):
    lines = [json.dumps({"text": "One.", "outlet": "X"}), "", "not json", json.dumps([1, 2]),
             json.dumps({"html": "<p>x</p>", "url": "https://e.example/a"})]
    p = _write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    items = list(iter_items([p]))
    assert [i.source.rsplit(":", 1)[1] for i in items] == ["1", "3", "4", "5"]
    assert items[0].payload == {"text": "One.", "outlet": "X"} and items[0].id == record_id({"outlet": "X", "text": "One."})
    assert items[1].error[0] == "bad_json" and items[2].error[0] == "bad_json"
    assert items[3].url == "https://e.example/a"


def test_store_jsonl_gz_is_read(tmp_path):
    p = tmp_path / "in.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "Hello."}) + "\n")
    (item,) = iter_items([p])
    assert item.payload == {"text": "Hello."}


@pytest.mark.parametrize("size,limit,too_large", [(100, 50, True), (100, 100, False), (10, None, False)])
def test_store_too_large_inputs_become_errors_without_payload(tmp_path, size, limit, too_large):
    p = _write(tmp_path / "big.txt", "x" * size)
    (item,) = iter_items([p], max_bytes=limit)
    assert (item.error is not None and item.error[0] == "too_large") == too_large
    assert (item.payload is None) == too_large


def test_store_missing_file_is_an_error_item(tmp_path):
    (item,) = iter_items([tmp_path / "nope.txt"])
    assert item.error[0] == "unreadable"


def _warc_bytes(records):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for uri, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


def test_store_warc_keeps_html_responses_only(tmp_path):
    data = _warc_bytes([("https://a.example/1", "text/html; charset=utf-8", b"<html><body><p>One.</p></body></html>"),
                        ("https://a.example/img.png", "image/png", b"\x89PNG...."),
                        ("https://a.example/2", "text/html", b"<html><body><p>Two.</p></body></html>")])
    p = _write(tmp_path / "crawl.warc.gz", data)
    items = list(iter_items([p]))
    assert [i.url for i in items] == ["https://a.example/1", "https://a.example/2"]
    assert all(b"<html>" in i.payload for i in items)
    assert items[0].id != items[1].id


def test_store_damaged_warc_is_an_error_not_a_crash(tmp_path):
    data = _warc_bytes([("https://a.example/1", "text/html", b"<html><body><p>One.</p></body></html>")])
    p = _write(tmp_path / "bad.warc.gz", data[: len(data) // 2] + b"garbage" * 10)
    items = list(iter_items([p]))
    assert any(i.error and i.error[0] == "unreadable" for i in items) or items == []
