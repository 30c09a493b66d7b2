"""The newsaudit web app: paste or upload an article, read its HTML report; a JSON API beside it.

``create_app()`` builds a FastAPI application:

* ``GET /``            — a form to paste text or upload a ``.txt`` / ``.html`` / ``.pdf`` / ``.docx`` file;
* ``POST /report``     — the form's target: the HTML report (or a readable error page);
* ``POST /api/audit``  — JSON ``{"text": ...}`` / ``{"html": ...}``, form field ``text`` or file ``file``
  (or a raw ``text/plain`` / ``text/html`` body) → the dossier as JSON;
* ``GET /health``      — liveness, version and model;
* ``GET /docs``, ``/redoc``, ``/openapi.json`` — API docs whose assets are served locally (no CDN).

With ``workers`` > 0 (``serve`` defaults to the CPU count) audits run in worker
processes (:mod:`newsaudit.serve.pool`: one model each, a per-request timeout → 504,
a bounded queue → 429); with 0 the model is loaded once at start-up and audits run
in the thread pool, one at a time.  Either way the event loop keeps serving
``/health`` and the pages meanwhile.  Request bodies larger than
the limit are refused with HTTP 413 before they are read into memory.
"""
from __future__ import annotations

import json
import logging
import threading
from contextlib import asynccontextmanager
from html import escape
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from .._version import __version__
from ..errors import (BinaryInputError, DecodingError, EmptyInputError, InputError, InputTooLargeError, ModelError,
                      NewsauditError, NoArticleError, OptionsError)
from ..settings import AuditOptions
from .pool import AuditPool, AuditTimeout, QueueFull, WorkerCrashed
from .security import API_HEADER, HostCheck, SecurityHeaders, allowed_hosts, api_post_ok, csrf_ok, new_csrf_token

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
FORM_SLACK = 64 * 1024  # room for multipart boundaries and the other form fields
ALLOWED_SUFFIXES = {"", ".txt", ".text", ".html", ".htm", ".json", ".pdf", ".docx", ".eml", ".mht", ".mhtml"}

__all__ = ["create_app", "DEFAULT_MAX_BYTES", "status_for"]


def status_for(exc: NewsauditError) -> int:
    """HTTP status of a newsaudit error."""
    if isinstance(exc, InputTooLargeError):
        return 413
    if isinstance(exc, (EmptyInputError, NoArticleError, BinaryInputError, DecodingError, InputError)):
        return 422
    if isinstance(exc, OptionsError):
        return 400
    if isinstance(exc, ModelError):
        return 503
    return 400


def _error_body(code: str, message: str, hint: str | None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "hint": hint}}


def _mb(n: int) -> str:
    if n >= 104858:
        return f"{n / 1048576:.1f} MB"
    return f"{max(n / 1024, 0.1):.1f} KB"


class _TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes with 413 (JSON under /api, a page elsewhere)."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        try:
            declared = int(headers.get(b"content-length", b"-1"))
        except ValueError:
            declared = -1
        if declared > self.limit:
            await _drain(receive)
            return await self._refuse(scope, send, declared)
        seen = 0
        started = False

        async def limited_receive():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge()
            return msg

        async def tracking_send(msg):
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if started:
                raise
            await _drain(receive)
            await self._refuse(scope, send, None)

    async def _refuse(self, scope, send, size: int | None):
        limit = self.limit - FORM_SLACK
        what = f"The upload is {_mb(size)}" if size else "The upload is too large"
        message = f"{what}, over the {_mb(limit)} limit."
        hint = "send a smaller article, or start the server with a larger --max-size"
        if scope.get("path", "").startswith("/api"):
            resp: Response = JSONResponse(_error_body(InputTooLargeError.code, message, hint), status_code=413,
                                          headers={"connection": "close"})
        else:
            resp = HTMLResponse(error_page("Too large", message, hint, InputTooLargeError.code), status_code=413,
                                headers={"connection": "close"})
        await resp(scope, _drain_receive, send)


DRAIN_LIMIT = 256 * 1024 * 1024


async def _drain(receive, limit: int = DRAIN_LIMIT) -> None:
    """Read and discard the rest of a refused body, so the client can finish sending and read the 413
    (closing with unread data makes the kernel reset the connection).  Gives up after ``limit`` bytes."""
    seen = 0
    while seen <= limit:
        msg = await receive()
        if msg["type"] != "http.request":
            return
        seen += len(msg.get("body", b""))
        if not msg.get("more_body", False):
            return


async def _drain_receive():  # pragma: no cover - responses here never read the body
    return {"type": "http.disconnect"}


# ---------------------------------------------------------------- pages

_PAGE_CSS = """
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f6f7f9}
main{max-width:820px;margin:0 auto;padding:20px}h1{font-size:1.5rem;margin:.2em 0}
form{background:#fff;border:1px solid #d9dce1;border-radius:8px;padding:16px}
textarea{width:100%;min-height:16em;font:15px/1.5 Georgia,serif;padding:8px;border:1px solid #bbb;border-radius:4px}
label{display:block;font-weight:600;margin:12px 0 4px}.row{display:flex;flex-wrap:wrap;gap:12px;align-items:end}
button{font:inherit;font-weight:600;padding:8px 18px;border:0;border-radius:6px;background:#0b5cad;color:#fff;cursor:pointer;margin-top:14px}
.small{color:#5b5b5b;font-size:.85rem}.err{background:#fff;border:2px solid #b00020;border-radius:8px;padding:14px 18px}
.err h1{color:#b00020}code{background:#eee;padding:0 4px;border-radius:3px}a{color:#0b5cad}
"""


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_PAGE_CSS}</style></head><body><main>{body}</main></body></html>")


def form_page(max_bytes: int, csrf_token: str = "") -> str:
    return _page("newsaudit", f"""
<h1>newsaudit</h1>
<p>Audit a news article — quotes, citations, entities, dates, numbers, claims and rhetoric — on this machine, offline.</p>
<form id="audit-form" method="post" action="/report" enctype="multipart/form-data">
<input type="hidden" name="csrf_token" value="{escape(csrf_token)}">
<label for="text">Paste the article text (or HTML)</label>
<textarea id="text" name="text" placeholder="Title&#10;&#10;By Author&#10;&#10;The article…"></textarea>
<label for="file">…or upload a file (.txt, .html, .pdf, .docx, .eml or .mhtml, up to {escape(_mb(max_bytes))})</label>
<input id="file" name="file" type="file" accept=".txt,.text,.html,.htm,.pdf,.docx,.eml,.mht,.mhtml,text/plain,text/html,application/pdf">
<div class="row"><div><label for="published">Publication date (optional)</label>
<input id="published" name="published" type="date"></div></div>
<button type="submit" id="submit">Audit</button>
</form>
<p class="small">API: <code>POST /api/audit</code> with JSON <code>{{"text": "…"}}</code> or a file returns the dossier;
<a href="/docs">API docs</a> · <a href="/health">health</a>. newsaudit {escape(__version__)}</p>""")


def error_page(title: str, message: str, hint: str | None, code: str | None = None) -> str:
    hint_html = f"<p>Hint: {escape(hint)}</p>" if hint else ""
    code_html = f' <span class="small">[{escape(code)}]</span>' if code else ""
    return _page(f"newsaudit — {title}", f"""<div class="err" role="alert"><h1>{escape(title)}{code_html}</h1>
<p id="error-message">{escape(message)}</p>{hint_html}</div><p><a href="/">← back to the form</a></p>""")


# ---------------------------------------------------------------- app

_AUDIT_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"type": "object", "properties": {
            "text": {"type": "string", "description": "the article's text"},
            "html": {"type": "string", "description": "the article's HTML page"},
            "published": {"type": "string", "format": "date", "description": "publication date (anchors relative dates)"},
            "url": {"type": "string"}, "title": {"type": "string"}}}},
        "multipart/form-data": {"schema": {"type": "object", "properties": {
            "text": {"type": "string"}, "file": {"type": "string", "format": "binary"},
            "published": {"type": "string", "format": "date"}}}},
        "text/plain": {"schema": {"type": "string"}},
    },
}


def create_app(*, max_bytes: int = DEFAULT_MAX_BYTES, model: str | None = None, preload: bool = True,
               host: str | None = None, workers: int = 0, timeout: float = 120.0, queue: int | None = None) -> FastAPI:
    """The web app.  ``max_bytes`` limits an article (and, with a little slack, a request body); ``host`` is the
    bound name, accepted in the ``Host`` header besides the loopback names.  ``workers`` > 0 runs audits in that
    many worker processes (:class:`~newsaudit.serve.pool.AuditPool`, ``timeout`` seconds each, at most ``queue``
    waiting); 0 runs them in this process, one at a time."""
    from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles

    audit_lock = threading.Lock()

    pool = AuditPool(workers, model=model, timeout=timeout, queue=queue) if workers > 0 else None
    app_pool = pool

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if pool is not None:
            from ..nlp import DEFAULT_MODEL

            await pool.start()
            app.state.model_label = model or DEFAULT_MODEL
            log.info("newsaudit serve: %d audit workers started", workers)
            try:
                yield
            finally:
                pool.close()
            return
        if preload:
            from ..nlp import get_nlp, model_label

            nlp = await run_in_threadpool(get_nlp, model)
            app.state.model_label = model_label(nlp)
            log.info("newsaudit serve: model %s loaded", app.state.model_label)
        yield

    app = _App(title="newsaudit", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Audit news articles offline: quotes, citations, entities, dates, numbers, claims and rhetoric.")
    app.state.max_bytes = max_bytes
    app.state.pool = app_pool
    app.state.model_label = None
    app.state.csrf_token = csrf_token = new_csrf_token()
    app.add_middleware(BodyLimit, limit=max_bytes + FORM_SLACK)
    app.add_middleware(HostCheck, hosts=allowed_hosts(host))

    static = _docs_static()
    if static is not None:
        app.mount("/static-docs", StaticFiles(directory=str(static)), name="static-docs")

        @app.get("/docs", include_in_schema=False)
        async def docs() -> HTMLResponse:
            return get_swagger_ui_html(openapi_url="/openapi.json", title="newsaudit API",
                                       swagger_js_url="/static-docs/swagger-ui-bundle.js",
                                       swagger_css_url="/static-docs/swagger-ui.css",
                                       swagger_favicon_url="/static-docs/favicon.png")

        @app.get("/redoc", include_in_schema=False)
        async def redoc() -> HTMLResponse:
            return get_redoc_html(openapi_url="/openapi.json", title="newsaudit API",
                                  redoc_js_url="/static-docs/redoc.standalone.js", with_google_fonts=False,
                                  redoc_favicon_url="/static-docs/favicon.png")
    else:
        @app.get("/docs", include_in_schema=False)
        async def docs_missing() -> HTMLResponse:
            return HTMLResponse(error_page("API docs unavailable offline",
                                           "The Swagger UI assets are not installed; the schema is at /openapi.json.",
                                           "pip install fastapi-offline"), status_code=200)

    def options_for(published: str | None = None, url: str | None = None) -> AuditOptions:
        published = (published or "").strip() or None
        return AuditOptions.build(published=published, url=url or None, model=model, max_bytes=max_bytes)

    def run_audit(source: str | bytes, options: AuditOptions):
        from ..api import audit

        with audit_lock:  # one spaCy pipeline, shared: audits take turns
            return audit(source, options=options)

    async def audited(kind: str, source: str | bytes, options: AuditOptions) -> str:
        if pool is not None:
            return await pool.run(kind, source, options)
        dossier = await run_in_threadpool(run_audit, source, options)
        if kind == "html":
            from ..report.html import render_html

            return await run_in_threadpool(render_html, dossier)
        return dossier.model_dump_json()

    def _busy(request: Request, status: int, title: str, message: str, hint: str, code: str) -> Response:
        headers = {"retry-after": "5"} if status in (429, 503) else {}
        if request.url.path.startswith("/api"):
            return JSONResponse(_error_body(code, message, hint), status_code=status, headers=headers)
        return HTMLResponse(error_page(title, message, hint, code), status_code=status, headers=headers)

    @app.exception_handler(QueueFull)
    async def on_queue_full(request: Request, exc: QueueFull):
        return _busy(request, 429, "Too busy", "Every audit worker is busy and the queue is full.",
                     "try again in a few seconds, or start the server with more --workers", "E429")

    @app.exception_handler(AuditTimeout)
    async def on_timeout(request: Request, exc: AuditTimeout):
        return _busy(request, 504, "Audit timed out", f"The audit took longer than {timeout:.0f} s and was stopped.",
                     "try a shorter article, or start the server with a larger --timeout", "E504")

    @app.exception_handler(WorkerCrashed)
    async def on_crash(request: Request, exc: WorkerCrashed):
        return _busy(request, 503, "Audit failed", "The audit worker stopped unexpectedly; it has been restarted.",
                     "try again", "E503")

    @app.exception_handler(NewsauditError)
    async def on_error(request: Request, exc: NewsauditError):
        status = status_for(exc)
        if request.url.path.startswith("/api"):
            return JSONResponse(_error_body(exc.code, exc.message, exc.hint), status_code=status)
        return HTMLResponse(error_page(_title_for(exc), exc.message, exc.hint, exc.code), status_code=status)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> HTMLResponse:
        return HTMLResponse(form_page(max_bytes, csrf_token))

    @app.get("/health")
    async def health() -> dict[str, Any]:
        """Liveness: version, model and the size limit."""
        return {"status": "ok", "version": __version__, "model": app.state.model_label, "max_bytes": max_bytes}

    @app.post("/report", response_class=HTMLResponse, include_in_schema=False)
    async def report(request: Request) -> HTMLResponse:
        form = await request.form()
        if not csrf_ok(csrf_token, form.get("csrf_token")):
            return HTMLResponse(error_page("Form expired", "This form is not from this server, or the server was "
                                           "restarted since the page was loaded.", "reload the page and submit again",
                                           "E403"), status_code=403)
        source = await _source_from_form(form)
        options = options_for(_str(form.get("published")))
        return HTMLResponse(await audited("html", source, options))

    @app.post("/api/audit", openapi_extra={"requestBody": _AUDIT_BODY},
              responses={200: {"description": "The dossier (see the Dossier schema: `newsaudit schema`)."},
                         413: {"description": "The article is over the size limit."},
                         422: {"description": "The input is not an article (empty, binary, no text...)."}})
    async def api_audit(request: Request) -> Response:
        """Audit one article and return its dossier as JSON."""
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if not api_post_ok(ctype, request.headers):
            return JSONResponse(_error_body("E403", f"a '{ctype or 'untyped'}' post needs the {API_HEADER} header.",
                                            f"send JSON, or add the header '{API_HEADER}: 1' (cross-site forms cannot)"),
                                status_code=403)
        published = request.query_params.get("published")
        url = request.query_params.get("url")
        if ctype == "application/json":
            raw = await request.body()
            try:
                record = json.loads(raw)
            except ValueError as exc:
                raise InputError(f"the body is not valid JSON: {exc}", hint='send {"text": "..."} or {"html": "..."}') from None
            if not isinstance(record, dict):
                raise NoArticleError("the JSON body must be an object.", hint='send {"text": "..."} or {"html": "..."}')
            published = _str(record.get("published")) or published
            url = _str(record.get("url")) or url
            source: str | bytes = json.dumps(_record(record))
        elif ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
            form = await request.form()
            source = await _source_from_form(form)
            published = _str(form.get("published")) or published
        else:
            source = await request.body()
        options = options_for(published, url)
        return Response(await audited("json", source, options), media_type="application/json")

    return app


class _App(FastAPI):
    """FastAPI with :class:`SecurityHeaders` around the whole stack, so even a 500 from Starlette's
    ServerErrorMiddleware (outside every user middleware) carries the security headers."""

    def build_middleware_stack(self):
        return SecurityHeaders(super().build_middleware_stack())


def _title_for(exc: NewsauditError) -> str:
    if isinstance(exc, InputTooLargeError):
        return "Too large"
    if isinstance(exc, InputError):
        return "Cannot read this as an article"
    if isinstance(exc, OptionsError):
        return "Invalid option"
    return "Error"


def _str(v: Any) -> str | None:
    return v.strip() or None if isinstance(v, str) else None


def _record(record: dict[str, Any]) -> dict[str, Any]:
    """The fields of a JSON request that ingest understands (text or html, and metadata)."""
    keep = ("text", "html", "url", "title", "published", "authors", "author", "outlet", "site")
    out = {k: record[k] for k in keep if k in record}
    if not any(isinstance(out.get(k), str) and out[k].strip() for k in ("text", "html")):
        raise NoArticleError("the JSON body has no non-empty 'text' or 'html' field.",
                             hint='send {"text": "..."} or {"html": "..."}')
    return out


async def _source_from_form(form) -> str | bytes:
    upload = form.get("file")
    if upload is not None and not isinstance(upload, str) and getattr(upload, "filename", None):
        suffix = Path(upload.filename).suffix.lower()
        if suffix not in ALLOWED_SUFFIXES:
            raise InputError(f"cannot read a '{suffix}' file: upload a .txt, .html, .pdf or .docx file.",
                             hint="save the article as plain text, HTML or PDF first")
        data = await upload.read()
        if data:
            return data
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        return text
    raise EmptyInputError("nothing to audit: paste an article's text or choose a file.",
                          hint="paste the text into the box, or upload a .txt, .html, .pdf or .docx file")


def _docs_static() -> Path | None:
    """Folder with swagger-ui-bundle.js, swagger-ui.css and redoc.standalone.js (from fastapi-offline), if installed."""
    try:
        import fastapi_offline
    except ImportError:
        return None
    p = Path(fastapi_offline.__file__).parent / "static"
    return p if (p / "swagger-ui-bundle.js").is_file() else None
