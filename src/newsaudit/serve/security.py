"""Protections for the local web app: Host check (DNS rebinding), security headers, CSRF token.

* :class:`SecurityHeaders` adds CSP, ``X-Frame-Options: DENY``, ``X-Content-Type-Options: nosniff`` and
  ``Referrer-Policy: no-referrer`` to every response, errors and 413 pages included.
* :class:`HostCheck` answers 421 to a request whose ``Host`` is not a loopback name or the configured host,
  so a page on another site that rebinds its DNS name to 127.0.0.1 cannot read the app.
* :func:`csrf_ok` / :func:`api_post_ok` keep cross-site pages from posting: the form carries a per-process
  token; API posts need a non-simple content type (JSON) or the ``X-Newsaudit`` header.
"""
from __future__ import annotations

import hmac
import secrets

from starlette.responses import PlainTextResponse

__all__ = ["SecurityHeaders", "HostCheck", "allowed_hosts", "new_csrf_token", "csrf_ok", "api_post_ok",
           "CSP", "SECURITY_HEADERS", "API_HEADER"]

CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}
API_HEADER = "x-newsaudit"
SIMPLE_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data", "text/plain", ""}
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "[::1]", "::1"}


def allowed_hosts(configured: str | None = None) -> frozenset[str]:
    """Host names accepted in the ``Host`` header: loopback names and the configured bind name."""
    names = set(LOOPBACK_NAMES)
    if configured and configured not in ("0.0.0.0", "::"):
        c = configured.lower()
        names.add(f"[{c}]" if ":" in c and not c.startswith("[") else c)
    return frozenset(names)


def _host_name(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):
        return value[: value.find("]") + 1] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class SecurityHeaders:
    """ASGI middleware: add the security headers to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(msg):
            if msg["type"] == "http.response.start":
                headers = [(k, v) for k, v in msg.get("headers", []) if k.decode("latin-1").lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                msg = {**msg, "headers": headers}
            await send(msg)

        await self.app(scope, receive, send_with_headers)


class HostCheck:
    """ASGI middleware: 421 unless the ``Host`` header names an allowed host (defeats DNS rebinding)."""

    def __init__(self, app, hosts: frozenset[str]):
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        host = next((v.decode("latin-1") for k, v in scope.get("headers") or [] if k == b"host"), "")
        if _host_name(host) not in self.hosts:
            resp = PlainTextResponse(
                "Misdirected request: this newsaudit server only answers to "
                + ", ".join(sorted(self.hosts)) + " (start it with --host NAME to add one).",
                status_code=421, headers={"connection": "close"})
            return await resp(scope, receive, send)
        await self.app(scope, receive, send)


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_ok(expected: str, given: object) -> bool:
    return isinstance(given, str) and hmac.compare_digest(expected.encode(), given.encode())


def api_post_ok(content_type: str, headers) -> bool:
    """A cross-site HTML form can only send simple content types and no custom header."""
    return content_type not in SIMPLE_TYPES or bool(headers.get(API_HEADER))
