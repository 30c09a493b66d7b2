"""Request guard for the local web app: Host and Origin checks, security headers on every response.

* **Host**: a request whose ``Host`` is not the bound address (or ``localhost``, ``127.0.0.1``, ``[::1]``)
  is refused with 421: a page on another site that rebinds its DNS name to 127.0.0.1 cannot reach the app.
* **Origin**: a POST that carries an ``Origin`` header from another site is refused with 403 (cross-site
  form posts); the HTML form also carries a per-process token (``CSRF_FIELD``) checked by ``/report``.
* **Headers**: CSP (no external loads, no framing, no plugins, forms only to the app), ``X-Frame-Options:
  DENY``, ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``, on every response,
  errors and refusals included.
"""
from __future__ import annotations

import json
from typing import Iterable
from urllib.parse import urlsplit

LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})
CSRF_FIELD = "csrf_token"
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


def host_name(host: str) -> str:
    """``127.0.0.1:8000`` → ``127.0.0.1``; ``[::1]:8000`` → ``[::1]``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def allowed_hosts(bound: str | None, extra: Iterable[str] = ()) -> frozenset[str]:
    names = set(LOOPBACK_HOSTS) | {h.lower() for h in extra}
    if bound:
        b = bound.lower()
        names.add(f"[{b}]" if ":" in b and not b.startswith("[") else b)
    return frozenset(names)


class Guard:
    """ASGI middleware (outermost): refuses foreign Host/Origin, adds the security headers."""

    def __init__(self, app, hosts: frozenset[str]):
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(msg):
            if msg["type"] == "http.response.start":
                have = {k.lower() for k, _ in msg.get("headers", [])}
                msg["headers"] = list(msg.get("headers", [])) + [(k, v) for k, v in SECURITY_HEADERS if k not in have]
            await send(msg)

        headers = {k.lower(): v for k, v in scope.get("headers") or []}
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if host not in self.hosts:
            return await _plain(with_headers, 421, "E801", f"this server does not answer for host {host!r}",
                                "open the app at http://127.0.0.1 (or the address it was started on)")
        origin = headers.get(b"origin", b"").decode("latin-1")
        if scope.get("method") in ("POST", "PUT", "PATCH", "DELETE") and origin and origin != "null":
            if host_name(urlsplit(origin).netloc) not in self.hosts:
                return await _plain(with_headers, 403, "E802", "cross-site requests are refused",
                                    "use the app's own form or call the API from this machine")
        return await self.app(scope, receive, with_headers)


async def _plain(send, status: int, code: str, message: str, hint: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message, "hint": hint}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
