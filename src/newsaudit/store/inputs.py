"""Input discovery for corpus runs: files, directories (recursively), JSONL, WARC and http(s) URLs.

``iter_items(paths)`` yields one :class:`Item` per article found, each with a
content hash (``id``) computed from the raw input, so a re-run can skip what is
done *before* anything is parsed.  Reading problems never raise: an item that
cannot be read carries an ``error`` instead of a payload and is recorded in the
``errors`` table by the worker.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import NewsauditError
from .walk import JSONL_SUFFIXES, WARC_SUFFIXES, not_article, read_sidecar, sidecar_path

log = logging.getLogger(__name__)

ID_CHARS = 24  # hex chars of the sha256 kept as the article id (96 bits)


@dataclass(frozen=True)
class Item:
    """One article to audit: ``payload`` is raw bytes (a file, a WARC record) or a JSON record (dict)."""

    id: str
    source: str  # where it came from: a path, ``path:LINE`` or ``path#URI``
    payload: bytes | dict[str, Any] | None = None
    size: int = 0
    error: tuple[str, str] | None = None  # (code, reason) when it could not be read
    url: str | None = None  # known before ingest (WARC target URI)
    fetch: bool = False  # a URL the worker fetches (``payload`` is then None)
    meta: dict[str, Any] | None = None  # from a sidecar: title, published, site, url, authors


def content_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:ID_CHARS]


def record_id(record: dict[str, Any]) -> str:
    # surrogatepass: a record holding a lone surrogate (``"\ud800"``) still gets an id (ingest repairs the text)
    return content_id(json.dumps(record, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass"))


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return "file"


def is_url(entry: str | os.PathLike) -> bool:
    return isinstance(entry, str) and entry.strip().lower().startswith(("http://", "https://"))


def read_input_list(path: str | os.PathLike) -> list[str]:
    """The inputs listed in a file, one a line (paths or http(s) URLs); blank lines and ``#`` comments skipped."""
    with open(path, encoding="utf-8-sig") as fh:
        return [ln.strip() for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]


def discover(paths: Iterable[str | os.PathLike], include: tuple[str, ...] = (), exclude: tuple[str, ...] = (),
             skipped: list[tuple[str, str]] | None = None) -> Iterator[Path]:
    """Every input file under ``paths``: directories are walked recursively in sorted order, taking the files
    that :func:`newsaudit.store.walk.not_article` accepts (``skipped`` collects the others with the reason);
    a file named directly is always taken.  URLs are left to :func:`iter_items`."""
    for p in paths:
        if is_url(p):
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                names = set(files)
                for f in sorted(files):
                    full = Path(root) / f
                    why = not_article(full, full.relative_to(path).as_posix(), names, include, exclude)
                    if why is None:
                        yield full
                    elif skipped is not None and why != "hidden":
                        skipped.append((str(full), why))
        else:
            yield path


def iter_items(paths: Iterable[str | os.PathLike], max_bytes: int | None = None, include: tuple[str, ...] = (),
               exclude: tuple[str, ...] = (), skipped: list[tuple[str, str]] | None = None) -> Iterator[Item]:
    """Yield an :class:`Item` per article in ``paths`` (files, directories, URLs); too-large or unreadable
    inputs come as items with an error."""
    for entry in paths:
        if is_url(entry):
            url = str(entry).strip()
            yield Item(id=url_id(url), source=url, url=url, fetch=True)
            continue
        for path in discover([entry], include, exclude, skipped):
            kind = _kind(path)
            try:
                if kind == "jsonl":
                    yield from _jsonl(path, max_bytes)
                elif kind == "warc":
                    yield from _warc(path, max_bytes)
                else:
                    yield _file(path, max_bytes)
            except OSError as exc:
                reason = f"{type(exc).__name__}: {exc}"
                yield Item(id=content_id(f"unreadable:{path}".encode()), source=str(path), error=("unreadable", reason))


def url_id(url: str) -> str:
    """A URL's article id: of the address, so a re-run skips a page already fetched without fetching it."""
    return content_id(b"url\0" + url.encode("utf-8", "surrogatepass"))


def _too_large(size: int, max_bytes: int | None) -> tuple[str, str] | None:
    if max_bytes is not None and size > max_bytes:
        return ("too_large", f"the input is {size / 1048576:.1f} MiB, over the {max_bytes / 1048576:.1f} MiB limit")
    return None


def _file(path: Path, max_bytes: int | None) -> Item:
    if not path.is_file():
        return Item(id=content_id(f"missing:{path}".encode()), source=str(path),
                    error=("unreadable", f"no such file: {path}"))
    size = path.stat().st_size
    err = _too_large(size, max_bytes)
    if err:  # identify it without reading it all
        h = hashlib.sha256(f"large:{path}:{size}".encode())
        return Item(id=h.hexdigest()[:ID_CHARS], source=str(path), size=size, error=err)
    data = path.read_bytes()
    side = sidecar_path(path)
    if side is None:
        return Item(id=content_id(data), source=str(path), payload=data, size=len(data))
    side_bytes = side.read_bytes()
    ident = content_id(data + b"\0sidecar\0" + side_bytes)  # a changed sidecar is a new audit
    try:
        meta = read_sidecar(side)
    except NewsauditError as exc:
        return Item(id=ident, source=str(path), size=len(data), error=("bad_sidecar", exc.message))
    return Item(id=ident, source=str(path), payload=data, size=len(data), meta=meta)


def _open(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _jsonl(path: Path, max_bytes: int | None) -> Iterator[Item]:
    with _open(path) as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            source = f"{path}:{lineno}"
            err = _too_large(len(raw), max_bytes)
            if err:
                yield Item(id=content_id(raw), source=source, size=len(raw), error=err)
                continue
            try:
                record = json.loads(raw)
            except (ValueError, RecursionError) as exc:  # RecursionError: JSON nested too deep to read
                reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
                yield Item(id=content_id(raw), source=source, size=len(raw), error=("bad_json", f"not JSON: {reason}"))
                continue
            if not isinstance(record, dict):
                yield Item(id=content_id(raw), source=source, size=len(raw),
                           error=("bad_json", "the line is JSON but not an object"))
                continue
            try:
                rid = record_id(record)
            except (ValueError, TypeError, RecursionError) as exc:  # a poison record must not stop the run
                yield Item(id=content_id(raw), source=source, size=len(raw), error=("bad_record", f"unusable record: {exc}"))
                continue
            yield Item(id=rid, source=source, payload=record, size=len(raw),
                       url=record.get("url") if isinstance(record.get("url"), str) else None)


def _warc(path: Path, max_bytes: int | None) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        try:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type not in ("response", "resource"):
                    continue
                ctype = ""
                if record.http_headers is not None:
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                source = f"{path}#{uri}"
                data = record.content_stream().read()
                err = _too_large(len(data), max_bytes)
                if err:
                    yield Item(id=content_id(uri.encode() + b"\0" + data[:4096]), source=source, size=len(data), error=err)
                    continue
                if record.http_headers is not None:
                    status = record.http_headers.get_statuscode()
                    if status and not str(status).startswith("2"):
                        continue
                yield Item(id=content_id(uri.encode() + b"\0" + data), source=source, payload=data, size=len(data),
                           url=uri or None)
        except Exception as exc:  # a truncated or corrupt archive: keep what was read
            log.warning("WARC %s: stopped reading (%s)", path, exc)
            yield Item(id=content_id(f"warc-broken:{path}".encode()), source=str(path),
                       error=("unreadable", f"the WARC file is damaged: {type(exc).__name__}: {exc}"))
