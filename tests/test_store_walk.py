"""Corpus inputs: what a directory walk takes, sidecars, --published/--outlet defaults, globs, URL inputs."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsaudit.cli import cli
from newsaudit.errors import SidecarError
from newsaudit.settings import AuditOptions
from newsaudit.store.catalog import query
from newsaudit.store.inputs import discover, iter_items, read_input_list
from newsaudit.store.runner import run_corpus
from newsaudit.store.walk import read_sidecar

FAST = AuditOptions(rhetoric=False)


def story(town: str, extra: str = "") -> str:
    return (f"Bridge reopens in {town}\n\n{extra}The old bridge in {town} reopened on Monday after repairs that took "
            f"nine months, the council said. Engineers replaced 40 steel cables and the road surface.\n")


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize("name,content,taken", [
    ("story.txt", "An article.", True),
    ("2024/story.md", "An article.", True),
    ("report.pdf", b"%PDF-1.4 ...", True),
    ("story.docx", b"PK\x03\x04...", True),
    ("saved.mhtml", "MIME-Version: 1.0", True),
    ("page.xml", "<!DOCTYPE html><html><body><p>An article.</p></body></html>", True),
    ("record.json", '{"text": "An article."}', True),
    ("README", "About this corpus.", False),
    ("README.md", "About this corpus.", False),
    ("readme.txt", "About this corpus.", False),
    ("EXPECTED.txt", "quote: ...", False),
    ("expected_output.txt", "quote: ...", False),
    ("LICENSE", "MIT", False),
    ("LICENCE.txt", "CC-BY", False),
    ("PROVENANCE.md", "Collected from ...", False),
    ("CHANGELOG.md", "v1", False),
    ("story.ann", "T1\tPERSON 0 4\tMira", False),
    ("gold.tsv", "a\tb", False),
    ("labels.txt", "1\t0", False),
    ("story.labels", "x", False),
    ("story_gold.txt", "An article's gold.", False),
    ("story.gold.txt", "An article's gold.", False),
    ("timeml.xml", "<?xml version='1.0'?><TimeML><TEXT>x</TEXT></TimeML>", False),
    ("meta.json", '{"corpus": "bridges", "n": 3}', False),
    ("list.json", '[{"text": "x"}]', False),
    ("golden-gate.txt", "An article about a bridge.", True),  # 'golden' is not 'gold'
    ("expectations.txt", "An article.", True),
])
def test_store_walk_takes_articles_only(tmp_path, name, content, taken):
    _write(tmp_path / "in" / name, content)
    skipped: list = []
    found = [p.relative_to(tmp_path / "in").as_posix() for p in discover([tmp_path / "in"], skipped=skipped)]
    assert found == ([name] if taken else [])
    assert len(skipped) == (0 if taken else 1)
    assert [p.name for p in discover([tmp_path / "in" / name])] == [Path(name).name]  # named: always taken


def test_store_walk_sidecar_is_not_an_article(tmp_path):
    _write(tmp_path / "a.txt", story("Osk"))
    _write(tmp_path / "a.json", '{"title": "Osk bridge"}')
    _write(tmp_path / "b.json", '{"text": "' + "An article. " * 5 + '"}')
    _write(tmp_path / "c.v2.txt", story("Brede"))
    _write(tmp_path / "c.json", '{"text": "A record of its own."}')  # not c.v2.txt's sidecar (that is c.v2.json)
    assert [p.name for p in discover([tmp_path])] == ["a.txt", "b.json", "c.json", "c.v2.txt"]


@pytest.mark.parametrize("include,exclude,expected", [
    ((), (), ["2023/a.txt", "2024/b.txt", "2024/c.html"]),
    (("*.txt",), (), ["2023/a.txt", "2024/b.txt"]),
    (("2024/*",), (), ["2024/b.txt", "2024/c.html"]),
    ((), ("2023/*",), ["2024/b.txt", "2024/c.html"]),
    (("*.txt",), ("b.*",), ["2023/a.txt"]),
    (("*.pdf",), (), []),
])
def test_store_walk_include_exclude_globs(tmp_path, include, exclude, expected):
    for rel in ("2023/a.txt", "2024/b.txt", "2024/c.html"):
        _write(tmp_path / rel, "x")
    assert [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path], include, exclude)] == expected


@pytest.mark.parametrize("raw,ok", [
    ({"title": "Osk bridge", "published": "2024-05-06", "outlet": "Osk Courier", "url": "https://osk.example/b",
      "authors": ["Mira Tann", "Ola Berg"]}, True),
    ({"authors": "Mira Tann"}, True),
    ({}, True),
    ({"publised": "2024-05-06"}, False),  # a typo is an error, not a silently missing date
    ({"published": "06/05/2024"}, False),
    ({"published": "2024-02-30"}, False),
    ({"published": 20240506}, False),
    ({"url": "ftp://osk.example/b"}, False),
    ({"authors": [1, 2]}, False),
    ({"title": ""}, False),
    ([1, 2], False),
    ("not json", False),
])
def test_store_sidecar_validation(tmp_path, raw, ok):
    side = _write(tmp_path / "a.json", raw if isinstance(raw, str) else json.dumps(raw))
    if ok:
        meta = read_sidecar(side)
        assert set(meta) <= {"title", "published", "site", "url", "authors"}
    else:
        with pytest.raises(SidecarError):
            read_sidecar(side)


def test_store_sidecar_bad_file_is_an_error_item(tmp_path):
    _write(tmp_path / "a.txt", story("Osk"))
    _write(tmp_path / "a.json", '{"published": "yesterday"}')
    (item,) = list(iter_items([tmp_path]))
    assert item.payload is None and item.error[0] == "bad_sidecar" and "YYYY-MM-DD" in item.error[1]


def test_store_input_list_reads_paths_and_urls(tmp_path):
    lst = _write(tmp_path / "list.txt", "# sources\n\nhttps://osk.example/a\n  in/a.txt  \nhttp://x.example/b\n")
    assert read_input_list(lst) == ["https://osk.example/a", "in/a.txt", "http://x.example/b"]


def test_store_run_sidecars_and_defaults_reach_the_articles(tmp_path):
    src = tmp_path / "in"
    _write(src / "osk.txt", story("Osk"))
    _write(src / "osk.json", json.dumps({"title": "Osk bridge open", "published": "2024-05-06", "outlet": "Osk Courier",
                                         "url": "https://osk.example/bridge", "authors": ["Mira Tann"]}))
    _write(src / "brede.txt", story("Brede"))  # no sidecar, no date: takes the defaults
    _write(src / "dated.txt", story("Quillan", "By Ola Berg | March 3, 2023\n\n"))  # its byline's date wins
    _write(src / "bad.txt", story("Istmere"))
    _write(src / "bad.json", '{"outlet": "Istmere Times", "colour": "red"}')
    _write(src / "README.md", "These are bridge stories.")
    options = FAST.model_copy(update={"default_published": __import__("datetime").date(2024, 1, 2),
                                      "default_outlet": "Wire"})
    skipped: list = []
    res = run_corpus([src], tmp_path / "store", options=options, skipped=skipped)
    assert res.ok == 3 and res.failed == 1 and res.not_articles == 3  # the README and the two sidecars
    assert sorted((Path(p).name, why) for p, why in skipped) == [
        ("README.md", "a note (README, LICENSE, ...)"), ("bad.json", "a metadata sidecar"),
        ("osk.json", "a metadata sidecar")]
    rows = {Path(r["source"]).name: r for r in query(tmp_path / "store",
            "SELECT source, title, published, published_source, outlet, url, authors FROM articles").to_pylist()}
    assert rows["osk.txt"] == {"source": str(src / "osk.txt"), "title": "Osk bridge open", "published": "2024-05-06",
                               "published_source": "sidecar", "outlet": "Osk Courier",
                               "url": "https://osk.example/bridge", "authors": ["Mira Tann"]}
    assert (rows["brede.txt"]["published"], rows["brede.txt"]["published_source"], rows["brede.txt"]["outlet"]) == (
        "2024-01-02", "default", "Wire")
    assert rows["dated.txt"]["published"] == "2023-03-03" and rows["dated.txt"]["published_source"] == "byline"
    errs = query(tmp_path / "store", "SELECT source, stage, code, reason FROM errors").to_pylist()
    assert [(Path(e["source"]).name, e["stage"], e["code"]) for e in errs] == [("bad.txt", "read", "bad_sidecar")]
    assert "colour" in errs[0]["reason"]


PAGE = ("<html><head><title>Bridge reopens in Varnholt</title></head><body><article><h1>Bridge reopens in Varnholt</h1>"
        "<p>The old bridge in Varnholt reopened on Monday after repairs that took nine months, the council said. "
        "Engineers replaced 40 steel cables.</p></article></body></html>").encode()


class _Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *a):
        pass

    def do_GET(self):
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/ok":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE)
        elif self.path == "/flaky":  # fails on the first run, works on the second
            if self.hits[self.path] == 1:
                self.send_response(503)
                self.end_headers()
            else:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(PAGE.replace(b"Varnholt", b"Pellingham"))
        else:
            self.send_response(404)
            self.end_headers()


@pytest.fixture()
def server():
    _Handler.hits = {}
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_store_run_fetches_url_lines_and_records_failed_fetches(tmp_path, server):
    lst = _write(tmp_path / "urls.txt", f"# to audit\n{server}/ok\n{server}/gone\n{server}/flaky\n")
    store = tmp_path / "store"
    res = CliRunner().invoke(cli, ["corpus", "run", "--from", str(lst), "--out", str(store), "--no-rhetoric",
                                   "--no-progress", "--max-failures", "0.9"])
    assert res.exit_code == 1, res.output  # some failed, the run went on
    arts = query(store, "SELECT url, title FROM articles").to_pylist()
    assert arts == [{"url": f"{server}/ok", "title": "Bridge reopens in Varnholt"}]
    errs = sorted((e["source"], e["stage"], e["code"]) for e in query(store, "SELECT * FROM errors").to_pylist())
    assert errs == [(f"{server}/flaky", "fetch_retry", "FetchStatusError"), (f"{server}/gone", "fetch", "FetchStatusError")]
    # a re-run skips what is done (without fetching it) and tries the passing failure again
    res = CliRunner().invoke(cli, ["corpus", "run", "--from", str(lst), "--out", str(store), "--no-rhetoric",
                                   "--no-progress"])
    assert res.exit_code == 0, res.output
    assert _Handler.hits == {"/ok": 1, "/gone": 1, "/flaky": 2}
    titles = sorted(r["title"] for r in query(store, "SELECT title FROM articles").to_pylist())
    assert titles == ["Bridge reopens in Pellingham", "Bridge reopens in Varnholt"]


@pytest.mark.parametrize("args,message", [
    ([], "give INPUTS"),
    (["no/such/dir"], "no such file or directory: no/such/dir"),
])
def test_store_cli_run_usage_errors(tmp_path, args, message):
    res = CliRunner().invoke(cli, ["corpus", "run", *args, "--out", str(tmp_path / "s")])
    assert res.exit_code == 2 and message in res.output
