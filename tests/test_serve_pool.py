"""serve's worker pool: audits in worker processes, typed errors across the process boundary, 504 and recycle, 429."""
from __future__ import annotations

import threading

import httpx
import pytest
from _report_fixtures import REPORT_FIXTURES
from _serve_server import running_server

from newsaudit.dossier import Dossier
from newsaudit.serve.app import create_app

ARTICLE = (REPORT_FIXTURES / "harbour_article.txt").read_text(encoding="utf-8")
NAMES = ("Ostvik", "Bramholm", "Kessley", "Tarnwick")


def _post(base, path, text, token=None):
    with httpx.Client(base_url=base, timeout=120) as c:
        if path == "/report":
            return c.post("/report", data={"text": text, "csrf_token": token})
        return c.post("/api/audit", json={"text": text})


def _parallel(base, jobs):
    out: dict[int, httpx.Response] = {}

    def one(i, args):
        out[i] = _post(base, *args)

    threads = [threading.Thread(target=one, args=(i, a)) for i, a in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    return out


@pytest.fixture(scope="module")
def pooled():
    app = create_app(max_bytes=200_000, workers=2, timeout=120)
    with running_server(app, timeout=180) as base:
        yield app, base


def test_serve_pool_concurrent_requests_succeed(pooled):
    app, base = pooled
    jobs = [("/api/audit" if i % 2 else "/report", ARTICLE.replace("Lornhaven", n), app.state.csrf_token)
            for i, n in enumerate(NAMES)]
    out = _parallel(base, jobs)
    assert sorted(out) == list(range(len(NAMES)))
    for i, r in out.items():
        assert r.status_code == 200, r.text[:300]
        if i % 2:
            assert Dossier.model_validate_json(r.text).text.count(NAMES[i]) == ARTICLE.count("Lornhaven")
        else:
            assert NAMES[i] in r.text and 'id="na-article"' in r.text


@pytest.mark.parametrize("path, body, status, code", [
    ("/api/audit", "   ", 422, "E105"), ("/report", "  ", 422, "E101"),
])
def test_serve_pool_errors_cross_the_process_boundary(pooled, path, body, status, code):
    app, base = pooled
    r = _post(base, path, body, app.state.csrf_token)
    assert r.status_code == status
    if path.startswith("/api"):
        assert r.json()["error"]["code"] == code
    else:
        assert f"[{code}]" in r.text and 'role="alert"' in r.text


def test_serve_pool_timeout_gets_504_and_recycles_the_worker():
    app = create_app(max_bytes=200_000, workers=1, timeout=0.01)
    with running_server(app, timeout=180) as base:
        r = _post(base, "/api/audit", ARTICLE * 3)
        assert r.status_code == 504 and r.json()["error"]["code"] == "E504"
        r = _post(base, "/report", ARTICLE * 3, app.state.csrf_token)
        assert r.status_code == 504 and "timed out" in r.text
        with httpx.Client(base_url=base, timeout=30) as c:
            assert c.get("/health").status_code == 200  # the server lives on with a fresh worker
        assert app.state.pool.recycled == 2
        alive = [ex for ex in app.state.pool._all]
        assert len(alive) == 1 and all(p.is_alive() for p in alive[0]._processes.values())


def test_serve_pool_full_queue_gets_429():
    app = create_app(max_bytes=200_000, workers=1, timeout=120, queue=0)
    with running_server(app, timeout=180) as base:
        out = _parallel(base, [("/api/audit", ARTICLE * 3)] * 6)
    codes = sorted(r.status_code for r in out.values())
    assert set(codes) <= {200, 429} and 200 in codes and 429 in codes, codes
    refused = next(r for r in out.values() if r.status_code == 429)
    assert refused.json()["error"]["code"] == "E429" and refused.headers.get("retry-after")


@pytest.mark.parametrize("workers", [0, -1])
def test_serve_pool_rejects_bad_worker_count(workers):
    from newsaudit.serve.pool import AuditPool

    with pytest.raises(ValueError):
        AuditPool(workers)


@pytest.mark.parametrize("argv, workers, queue", [([], None, None), (["--workers", "3", "--queue", "5"], 3, 5)])
def test_serve_pool_cli_passes_workers(monkeypatch, argv, workers, queue):
    import os

    import uvicorn
    from click.testing import CliRunner

    import newsaudit.nlp
    import newsaudit.serve.app
    from newsaudit.cli import cli

    seen = {}
    monkeypatch.setattr(newsaudit.nlp, "get_nlp", lambda model=None: None)
    monkeypatch.setattr(newsaudit.serve.app, "create_app", lambda **kw: seen.update(kw) or "app")
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    res = CliRunner().invoke(cli, ["serve", *argv])
    assert res.exit_code == 0, res.output
    assert seen["app"] == "app" and seen["host"] == "127.0.0.1"
    assert seen["workers"] == (workers or os.cpu_count() or 1) and seen["queue"] == queue
