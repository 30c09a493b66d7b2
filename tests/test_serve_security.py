"""The web app is safe to run: request data is never a path, Host check, CSRF, security headers, 413 not a reset."""
from __future__ import annotations

import pytest
from _serve_server import running_server

from newsaudit.dossier import Dossier
from newsaudit.serve.app import create_app
from newsaudit.serve.security import SECURITY_HEADERS, allowed_hosts

LIMIT = 40_000


@pytest.fixture(scope="module")
def app():
    return create_app(max_bytes=LIMIT, host="audit.example.test")


@pytest.fixture(scope="module")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, base_url="http://localhost") as c:
        yield c


@pytest.fixture()
def secret_file(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("Vellmar's private ledger: the vault code is 4417-ZEBRA.\n", encoding="utf-8")
    return p


def _tok(app):
    return {"csrf_token": app.state.csrf_token}


@pytest.mark.parametrize("how", ["json_text", "json_html", "form_text", "report_form", "raw_text"])
def test_serve_security_request_naming_a_file_is_not_read(client, app, secret_file, how):
    name = str(secret_file)
    if how == "json_text":
        r = client.post("/api/audit", json={"text": name})
    elif how == "json_html":
        r = client.post("/api/audit", json={"html": name})
    elif how == "form_text":
        r = client.post("/api/audit", data={"text": name}, headers={"x-newsaudit": "1"})
    elif how == "report_form":
        r = client.post("/report", data={"text": name, **_tok(app)})
    else:
        r = client.post("/api/audit", content=name.encode(), headers={"content-type": "text/plain", "x-newsaudit": "1"})
    assert "4417-ZEBRA" not in r.text and "Vellmar" not in r.text
    if how != "report_form" and r.status_code == 200:
        assert name in Dossier.model_validate_json(r.text).text


@pytest.mark.parametrize("host, ok", [
    ("localhost", True), ("localhost:8000", True), ("127.0.0.1:8000", True), ("[::1]:8000", True),
    ("audit.example.test", True), ("audit.example.test:80", True),
    ("evil.example", False), ("evil.example:8000", False), ("127.0.0.1.evil.example", False), ("", False),
])
def test_serve_security_host_header_checked(client, host, ok):
    r = client.get("/health", headers={"host": host})
    assert (r.status_code == 200) is ok, (host, r.status_code)
    if not ok:
        assert r.status_code == 421


@pytest.mark.parametrize("configured, expected_in", [(None, "[::1]"), ("Box.Local", "box.local"), ("::1", "[::1]")])
def test_serve_security_allowed_hosts(configured, expected_in):
    hosts = allowed_hosts(configured)
    assert expected_in in hosts and "localhost" in hosts and "evil.example" not in hosts


@pytest.mark.parametrize("token, status", [(None, 403), ("wrong", 403), ("", 403), ("right", 200)])
def test_serve_security_report_form_needs_csrf_token(client, app, token, status):
    data = {"text": "The council of Ostvik voted on Tuesday to close the old pier, its chair said."}
    if token is not None:
        data["csrf_token"] = app.state.csrf_token if token == "right" else token
    r = client.post("/report", data=data)
    assert r.status_code == status
    if status == 403:
        assert "reload the page" in r.text


def test_serve_security_form_page_carries_token(client, app):
    r = client.get("/")
    assert f'name="csrf_token" value="{app.state.csrf_token}"' in r.text


@pytest.mark.parametrize("kwargs, status", [
    ({"data": {"text": "An article about Ostvik."}}, 403),
    ({"files": {"file": ("a.txt", b"An article about Ostvik.", "text/plain")}}, 403),
    ({"content": b"An article about Ostvik.", "headers": {"content-type": "text/plain"}}, 403),
    ({"content": b"An article about Ostvik."}, 403),
    ({"data": {"text": "An article about Ostvik."}, "headers": {"x-newsaudit": "1"}}, 200),
    ({"json": {"text": "An article about Ostvik."}}, 200),
])
def test_serve_security_api_refuses_simple_cross_site_posts(client, kwargs, status):
    r = client.post("/api/audit", **kwargs)
    assert r.status_code == status, r.text
    if status == 403:
        assert r.json()["error"]["code"] == "E403"


@pytest.mark.parametrize("method, path, kwargs", [
    ("get", "/", {}), ("get", "/health", {}), ("get", "/nowhere", {}), ("get", "/docs", {}),
    ("post", "/api/audit", {"json": {"text": " "}}),
    ("post", "/report", {"data": {"text": "x"}}),
    ("post", "/api/audit", {"content": b"x" * (LIMIT * 3), "headers": {"content-type": "application/json"}}),
    ("get", "/health", {"headers": {"host": "evil.example"}}),
])
def test_serve_security_headers_on_every_response(client, method, path, kwargs):
    r = getattr(client, method)(path, **kwargs)
    for k, v in SECURITY_HEADERS.items():
        assert r.headers.get(k) == v, (path, r.status_code, k)
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]


@pytest.mark.parametrize("path", ["/api/audit", "/report"])
@pytest.mark.parametrize("declared", [True, False])
def test_serve_security_oversized_body_gets_413_not_a_reset(path, declared):
    import httpx

    body = b"word " * (2 * 1024 * 1024)  # 10 MB
    headers = {"content-type": "application/json"}
    if path == "/report":
        headers = {"content-type": "multipart/form-data; boundary=zzz"}
        body = b'--zzz\r\nContent-Disposition: form-data; name="text"\r\n\r\n' + body + b"\r\n--zzz--\r\n"
    content = body if declared else iter([body[i:i + 65536] for i in range(0, len(body), 65536)])
    with running_server(create_app(max_bytes=LIMIT)) as base:
        with httpx.Client(base_url=base, timeout=60) as c:
            r = c.post(path, content=content, headers=headers)
    assert r.status_code == 413
    assert r.headers.get("connection", "").lower() == "close"
    assert "limit" in r.text


def test_serve_security_cli_binds_loopback_and_passes_host():
    import inspect

    from newsaudit.serve import cli

    assert {p.name: p for p in cli.serve.params}["host"].default == "127.0.0.1"
    assert "host=host" in inspect.getsource(cli.serve.callback)


def test_serve_security_headers_on_a_server_error():
    from fastapi.testclient import TestClient

    app = create_app(max_bytes=LIMIT, preload=False)

    async def boom():
        raise RuntimeError("an invented failure")

    app.add_api_route("/boom", boom)
    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as c:
        r = c.get("/boom")
    assert r.status_code == 500
    for k, v in SECURITY_HEADERS.items():
        assert r.headers.get(k) == v, k
