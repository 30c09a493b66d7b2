"""The web app: form, report page, JSON API, size limit, errors, offline docs, concurrency."""
from __future__ import annotations

import json
import re
import threading

import pytest
from _report_fixtures import REPORT_FIXTURES
from _serve_server import running_server

from newsaudit.dossier import Dossier
from newsaudit.serve.app import FORM_SLACK, create_app, status_for

LIMIT = 40_000  # bytes: small, so the tests can exceed it cheaply
ARTICLE = (REPORT_FIXTURES / "harbour_article.txt").read_text(encoding="utf-8")
XSS = (REPORT_FIXTURES / "xss_article.txt").read_text(encoding="utf-8")
HTML_PAGE = ("<html><head><title>Pier vote</title></head><body><article><h1>Pier vote</h1>"
             + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[3:6]) + "</article></body></html>")


@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    with TestClient(create_app(max_bytes=LIMIT), base_url="http://localhost") as c:
        yield c


API = {"x-newsaudit": "1"}  # the custom header that lets a non-JSON post through to /api


def token(client) -> dict[str, str]:
    return {"csrf_token": client.app.state.csrf_token}


def test_serve_health(client):
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["max_bytes"] == LIMIT and body["model"]


def test_serve_form_page(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    for needle in ('name="text"', 'name="file"', 'type="file"', 'action="/report"', 'enctype="multipart/form-data"'):
        assert needle in r.text


@pytest.mark.parametrize("kind", ["json_text", "json_html", "form_text", "file_txt", "file_html", "raw_text"])
def test_serve_api_audit_returns_dossier(client, kind):
    if kind == "json_text":
        r = client.post("/api/audit", json={"text": ARTICLE, "published": "2023-03-14"})
    elif kind == "json_html":
        r = client.post("/api/audit", json={"html": HTML_PAGE})
    elif kind == "form_text":
        r = client.post("/api/audit", data={"text": ARTICLE}, headers=API)
    elif kind == "file_txt":
        r = client.post("/api/audit", files={"file": ("a.txt", ARTICLE.encode("utf-8"), "text/plain")}, headers=API)
    elif kind == "file_html":
        r = client.post("/api/audit", files={"file": ("a.html", HTML_PAGE.encode("utf-8"), "text/html")}, headers=API)
    else:
        r = client.post("/api/audit", content=ARTICLE.encode("utf-8"), headers={"content-type": "text/plain", **API})
    assert r.status_code == 200, r.text
    d = Dossier.model_validate_json(r.text)
    assert "Lornhaven" in d.text
    if kind == "json_text":
        assert d.meta.published == "2023-03-14"
    if kind.endswith("html"):
        assert d.meta.source_format in ("html", "json") and "<p>" not in d.text


@pytest.mark.parametrize("path", ["/api/audit", "/report"])
@pytest.mark.parametrize("size", [LIMIT + 100, LIMIT + FORM_SLACK + 5000])  # refused by ingest / by the body limit
def test_serve_too_large_gets_413_and_a_message(client, path, size):
    r = client.post(path, files={"file": ("big.txt", b"word " * (size // 5), "text/plain")}, data=token(client), headers=API)
    assert r.status_code == 413
    if path.startswith("/api"):
        err = r.json()["error"]
        assert err["code"] == "E103" and "limit" in err["message"] and err["hint"]
    else:
        assert "text/html" in r.headers["content-type"]
        assert "Too large" in r.text and "limit" in r.text and 'href="/"' in r.text


def test_serve_too_large_json_body_gets_413(client):
    r = client.post("/api/audit", json={"text": "word " * (LIMIT // 4)})
    assert r.status_code == 413 and r.json()["error"]["code"] == "E103"


@pytest.mark.parametrize("kwargs, status, code", [
    ({"json": {"text": "   "}}, 422, "E105"),
    ({"json": {"nothing": 1}}, 422, "E105"),
    ({"json": [1, 2]}, 422, "E105"),
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "E100"),
    ({"data": {"text": ""}, "headers": API}, 422, "E101"),
    ({"files": {"file": ("a.xlsx", b"PK\x03\x04 ...", "application/zip")}, "headers": API}, 422, "E100"),
    ({"files": {"file": ("a.pdf", b"%PDF-1.4 ...", "application/pdf")}, "headers": API}, 422, "E123"),
    ({"files": {"file": ("a.txt", bytes(range(256)) * 8, "text/plain")}, "headers": API}, 422, "E102"),
    ({"json": {"text": "An article.", "published": "not-a-date"}}, 400, "E300"),
])
def test_serve_api_errors_are_json_with_code_and_hint(client, kwargs, status, code):
    r = client.post("/api/audit", **kwargs)
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert err["code"] == code and err["message"] and "hint" in err


def test_serve_form_error_is_a_readable_page(client):
    r = client.post("/report", data={"text": "  ", **token(client)})
    assert r.status_code == 422 and "text/html" in r.headers["content-type"]
    assert 'role="alert"' in r.text and "nothing to audit" in r.text


def test_serve_report_page_from_form(client):
    r = client.post("/report", files={"file": ("a.txt", ARTICLE.encode("utf-8"), "text/plain")}, data={"published": "2023-03-14", **token(client)})
    assert r.status_code == 200 and r.text.startswith("<!DOCTYPE html>")
    assert 'id="na-article"' in r.text and "Lornhaven" in r.text


def test_serve_report_escapes_article(client):
    r = client.post("/report", data={"text": XSS, **token(client)})
    assert r.status_code == 200
    assert len(re.findall(r"<script\b", r.text)) == 2
    assert "<img" not in r.text and "<svg onload" not in r.text and 'onerror="' not in r.text


def test_serve_docs_work_offline(client):
    r = client.get("/docs")
    assert r.status_code == 200
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", r.text) + re.findall(r"""url:\s*'([^']+)'""", r.text)
    assert urls and all(u.startswith("/") for u in urls), urls
    for u in re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", r.text):
        assert client.get(u).status_code == 200, u
    spec = client.get("/openapi.json").json()
    assert "/api/audit" in spec["paths"] and "/health" in spec["paths"]
    assert "multipart/form-data" in spec["paths"]["/api/audit"]["post"]["requestBody"]["content"]


@pytest.mark.parametrize("exc, status", [
    ("InputTooLargeError", 413), ("EmptyInputError", 422), ("BinaryInputError", 422), ("NoArticleError", 422),
    ("OptionsError", 400), ("ModelNotFoundError", 503), ("DataNotFoundError", 400),
])
def test_serve_status_for_errors(exc, status):
    import newsaudit.errors as errors

    assert status_for(getattr(errors, exc)("x")) == status


def test_serve_concurrent_requests_all_succeed():
    import httpx

    texts = [ARTICLE.replace("Lornhaven", name) for name in ("Ostvik", "Bramholm", "Kessley", "Tarnwick", "Ulden", "Pellin")]
    results: dict[int, tuple[int, str]] = {}

    app = create_app(max_bytes=LIMIT)
    with running_server(app) as base:
        def worker(i, text):
            with httpx.Client(base_url=base, timeout=120) as c:
                if i % 2:
                    r = c.post("/api/audit", json={"text": text})
                else:
                    r = c.post("/report", files={"file": (f"{i}.txt", text.encode(), "text/plain")},
                               data={"csrf_token": app.state.csrf_token})
                results[i] = (r.status_code, r.text)

        threads = [threading.Thread(target=worker, args=(i, t)) for i, t in enumerate(texts)]
        health = []
        for t in threads:
            t.start()
        with httpx.Client(base_url=base, timeout=30) as c:
            health.append(c.get("/health").status_code)
        for t in threads:
            t.join(timeout=300)
    assert health == [200]
    assert sorted(results) == list(range(len(texts)))
    for i, (status, body) in results.items():
        assert status == 200, body[:300]
        name = ("Ostvik", "Bramholm", "Kessley", "Tarnwick", "Ulden", "Pellin")[i]
        if i % 2:
            assert json.loads(body)["text"].count(name) == ARTICLE.count("Lornhaven")
        else:
            assert name in body


def test_serve_cli_defaults_to_loopback():
    from newsaudit.serve.cli import serve

    params = {p.name: p for p in serve.params}
    assert params["host"].default == "127.0.0.1"
    assert params["port"].default == 8000
    assert params["max_size"].default == 5.0


def test_serve_cli_help_lists_options():
    from click.testing import CliRunner

    from newsaudit.cli import cli

    res = CliRunner().invoke(cli, ["serve", "--help"])
    assert res.exit_code == 0
    for opt in ("--host", "--port", "--max-size", "--workers", "--timeout", "--queue"):
        assert opt in res.output
