"""Fetch one article page over http(s): timeouts, limited redirects, a size limit, a content-type check."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .._version import __version__
from ..errors import (FetchContentTypeError, FetchNetworkError, FetchRedirectError, FetchSchemeError,
                      FetchStatusError, FetchTimeoutError, InputTooLargeError)

USER_AGENT = f"newsaudit/{__version__} (+offline audit tool)"
ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf")
MAX_REDIRECTS = 5


@dataclass
class Fetched:
    url: str
    status: int
    content_type: str
    body: bytes
    fetched_at: str
    sha256: str
    charset: str | None = None  # declared in the Content-Type header

    def decoded(self) -> str | bytes:
        """The body as text when the server declared a charset Python knows, else the raw bytes."""
        if self.charset and self.content_type != "application/pdf":
            try:
                return self.body.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                pass
        return self.body


def is_url(s: str) -> bool:
    return isinstance(s, str) and s.strip().lower().startswith(("http://", "https://"))


def _check_scheme(url: str) -> None:
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchSchemeError(f"refused to fetch {url!r}: only http and https URLs are fetched.",
                               hint="give an http(s) URL, or a local file path")


def fetch(url: str, *, max_bytes: int, timeout: float = 15.0, max_redirects: int = MAX_REDIRECTS) -> Fetched:
    """GET ``url`` following at most ``max_redirects`` http(s) redirects; stream and stop at ``max_bytes``."""
    import httpx

    _check_scheme(url)
    seen: set[str] = set()
    t = httpx.Timeout(timeout, connect=min(timeout, 10.0))
    with httpx.Client(follow_redirects=False, timeout=t, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(max_redirects + 1):
            seen.add(url)
            try:
                with client.stream("GET", url) as resp:
                    if resp.is_redirect:
                        nxt = urljoin(url, resp.headers.get("location", ""))
                        _check_scheme(nxt)
                        if nxt in seen:
                            raise FetchRedirectError(f"redirect loop at {nxt}.", hint="check the URL in a browser")
                        url = nxt
                        continue
                    if resp.status_code >= 400:
                        raise FetchStatusError(f"{url} answered HTTP {resp.status_code}.",
                                               hint="check the URL; the page may have moved or need a login")
                    ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                    charset = resp.charset_encoding
                    if ctype and ctype not in ACCEPTED:
                        raise FetchContentTypeError(f"{url} is {ctype!r}, not an article page.",
                                                    hint="give a URL of an HTML, plain-text or PDF page")
                    chunks, n = [], 0
                    for chunk in resp.iter_bytes():
                        n += len(chunk)
                        if n > max_bytes:
                            raise InputTooLargeError(f"{url} is over the {max_bytes / 1048576:.1f} MiB limit.",
                                                     hint="raise the limit with --max-size")
                        chunks.append(chunk)
                    body = b"".join(chunks)
                    return Fetched(url=str(resp.url), status=resp.status_code, content_type=ctype, body=body,
                                   fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                                   sha256=hashlib.sha256(body).hexdigest(), charset=charset)
            except httpx.TimeoutException as exc:
                raise FetchTimeoutError(f"fetching {url} timed out ({type(exc).__name__}).",
                                        hint="check the network, or try again later") from None
            except httpx.HTTPError as exc:
                raise FetchNetworkError(f"could not fetch {url}: {exc or type(exc).__name__}.",
                                        hint="check the network connection and the host name") from None
    raise FetchRedirectError(f"more than {max_redirects} redirects.", hint="check the URL in a browser")


def save_snapshot(fetched: Fetched, directory: str | Path) -> Path:
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    p = d / fetched.sha256
    p.write_bytes(fetched.body)
    return p
