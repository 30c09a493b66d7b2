"""The web app's defences: request data is never a path, Host/Origin checks, CSRF, headers, 413 closes."""
from __future__ import annotations

import socket

import pytest
from _report_fixtures import REPORT_FIXTURES
from _serve_server import running_server

from newsaudit.serve.app import create_app
from newsaudit.serve.guard import host_name

ARTICLE = (REPORT_FIXTURES / "harbour_article.txt").read_text(encoding="utf-8")
HEADERS = ("content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy")


@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    with TestClient(create_app(max_bytes=40_000), base_url="http://127.0.0.1") as c:
        yield c


@pytest.mark.parametrize("how", ["json", "form", "raw"])
def test_serve_security_path_in_request_is_text_not_a_file(client, tmp_path, how):
    secret = tmp_path / "secret.txt"
    secret.write_text("The vault code is 7431 and the council must never learn it.", encoding="utf-8")
    if how == "json":
        r = client.post("/api/audit", json={"text": str(secret)})
    elif how == "form":
        r = client.post("/api/audit", data={"text": str(secret)})
    else:
        r = client.post("/api/audit", content=str(secret).encode(), headers={"content-type": "text/plain"})
    assert "vault code" not in r.text
    if r.status_code == 200:
        assert r.json()["text"].strip() == str(secret)


@pytest.mark.parametrize("path", ["/", "/health", "/api/audit", "/nowhere"])
def test_serve_security_headers_on_every_response(client, path):
    r = client.post(path, json={"text": ""}) if path == "/api/audit" else client.get(path)
    for h in HEADERS:
        assert h in r.headers, (path, h)
    assert r.headers["x-frame-options"] == "DENY" and "frame-ancestors 'none'" in r.headers["content-security-policy"]


@pytest.mark.parametrize("host,ok", [("127.0.0.1:8000", True), ("localhost", True), ("[::1]:8000", True),
                                     ("evil.example", False), ("127.0.0.1.evil.example", False)])
def test_serve_security_host_checked(client, host, ok):
    r = client.get("/health", headers={"host": host})
    assert (r.status_code == 200) is ok, r.status_code
    if not ok:
        assert r.status_code == 421 and "content-security-policy" in r.headers


def test_serve_security_cross_site_post_refused(client):
    r = client.post("/api/audit", json={"text": ARTICLE}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403
    r = client.post("/api/audit", json={"text": "The council met on Monday."}, headers={"origin": "http://127.0.0.1:8000"})
    assert r.status_code == 200


def test_serve_security_form_needs_csrf_token(client):
    r = client.post("/report", data={"text": ARTICLE})
    assert r.status_code == 403
    page = client.get("/").text
    assert client.app.state.csrf_token in page
    r = client.post("/report", data={"text": ARTICLE, "csrf_token": client.app.state.csrf_token})
    assert r.status_code == 200


@pytest.mark.parametrize("raw,name", [("127.0.0.1:8000", "127.0.0.1"), ("[::1]:80", "[::1]"), ("LOCALHOST", "localhost")])
def test_serve_security_host_name(raw, name):
    assert host_name(raw) == name


def test_serve_security_oversized_body_gets_413_page_not_reset():
    app = create_app(max_bytes=40_000, preload=False)
    with running_server(app) as base:
        host, port = base.split("//")[1].split(":")
        body = b"x" * (10 * 1024 * 1024)
        s = socket.create_connection((host, int(port)), timeout=20)
        s.sendall(b"POST /api/audit HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                  + f"Content-Length: {len(body)}\r\n\r\n".encode())
        try:
            s.sendall(body[:1024 * 1024])
        except OSError:
            pass
        data = b""
        s.settimeout(20)
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        assert data.startswith(b"HTTP/1.1 413"), data[:200]
        assert b"connection: close" in data.lower()
