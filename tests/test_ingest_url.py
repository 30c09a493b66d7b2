"""URL fetching against a local http.server on 127.0.0.1 (nothing beyond loopback)."""
from __future__ import annotations

import hashlib
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsaudit.errors import (FetchContentTypeError, FetchError, FetchNetworkError, FetchRedirectError,
                              FetchSchemeError, FetchStatusError, InputTooLargeError)
from newsaudit.ingest.fetch import USER_AGENT, fetch

PAGE = "<html><head><meta charset='utf-8'><title>Bridge vote</title></head><body><article><h1>Bridge vote</h1>" + (
    "<p>The council voted on Tuesday to repair the old river bridge, the mayor of Lindenfeld said in a statement. "
    "Work will start in March and cost about 4 million euros, according to the city budget office.</p>" * 4) + "</article></body></html>"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        p = self.path
        if p == "/ok":
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("X-UA", self.headers.get("User-Agent", ""))
            self.end_headers()
            self.wfile.write(body)
        elif p.startswith("/hop"):
            n = int(p[4:] or 0)
            self.send_response(302)
            self.send_header("Location", f"/hop{n + 1}" if n < 20 else "/ok")
            self.end_headers()
        elif p == "/two":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
        elif p == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif p == "/tofile":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif p == "/slow":
            import time
            time.sleep(2)
            self.send_response(200)
            self.end_headers()
        elif p == "/cp1251":
            body = ("<html><head><meta charset='windows-1251'></head><body><p>"
                    + "\u0421\u043e\u0432\u0435\u0442 \u0433\u043e\u043b\u043e\u0441\u043e\u0432\u0430\u043b \u0437\u0430 \u0440\u0435\u043c\u043e\u043d\u0442 \u043c\u043e\u0441\u0442\u0430 \u0432\u043e \u0432\u0442\u043e\u0440\u043d\u0438\u043a. " * 12 + "</p></body></html>").encode("cp1251")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=windows-1251")
            self.end_headers()
            self.wfile.write(body)
        elif p == "/png":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(b"\x89PNG\r\n")
        elif p == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"x" * 65536)
            except OSError:
                pass
        else:
            self.send_response(404)
            self.end_headers()


@pytest.fixture(scope="module")
def base():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_ingest_url_fetch_ok_records_final_url_and_hash(base):
    f = fetch(base + "/two", max_bytes=1 << 20, timeout=5)
    assert f.url.endswith("/ok") and f.status == 200 and f.content_type == "text/html"
    assert f.sha256 == hashlib.sha256(PAGE.encode()).hexdigest()
    assert USER_AGENT.startswith("newsaudit/")


@pytest.mark.parametrize("path,err", [
    ("/missing", FetchStatusError), ("/loop", FetchRedirectError), ("/hop0", FetchRedirectError),
    ("/tofile", FetchSchemeError), ("/png", FetchContentTypeError),
])
def test_ingest_url_fetch_bad_pages_raise_typed_errors(base, path, err):
    with pytest.raises(err) as ei:
        fetch(base + path, max_bytes=1 << 20, timeout=5)
    assert isinstance(ei.value, FetchError) and ei.value.exit_code == 3 and ei.value.hint


def test_ingest_url_fetch_size_limit_stops_early(base):
    with pytest.raises(InputTooLargeError):
        fetch(base + "/huge", max_bytes=100_000, timeout=5)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x"])
def test_ingest_url_fetch_refuses_other_schemes(url):
    with pytest.raises(FetchSchemeError):
        fetch(url, max_bytes=1000, timeout=1)


def test_ingest_url_fetch_connection_refused():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    with pytest.raises(FetchNetworkError) as ei:
        fetch(f"http://127.0.0.1:{port}/", max_bytes=1000, timeout=2)
    assert ei.value.code == "E112"


def test_ingest_url_fetch_slow_response_times_out(base):
    from newsaudit.errors import FetchTimeoutError
    with pytest.raises(FetchTimeoutError):
        fetch(base + "/slow", max_bytes=1000, timeout=0.3)


@pytest.mark.parametrize("path,needle", [("/ok", "council voted"), ("/cp1251", "\u0421\u043e\u0432\u0435\u0442")])
def test_ingest_url_cli_audit_records_fetch_meta(base, path, needle, tmp_path):
    import json

    from click.testing import CliRunner

    from newsaudit.cli import cli
    r = CliRunner().invoke(cli, ["audit", base + path, "-f", "json", "--save-snapshot", str(tmp_path)])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert needle in d["text"]
    assert d["meta"]["http_status"] == 200 and d["meta"]["final_url"].endswith(path)
    assert (tmp_path / d["meta"]["sha256"]).is_file()


@pytest.mark.parametrize("path", ["/missing", "/png"])
def test_ingest_url_cli_bad_url_one_line_exit_3(base, path):
    from click.testing import CliRunner

    from newsaudit.cli import cli
    r = CliRunner().invoke(cli, ["audit", base + path])
    assert r.exit_code == 3 and "Traceback" not in r.output and "E11" in r.output
