"""Ingest: turn text, bytes, paths, HTML or JSON into an :class:`~newsaudit.analyze.base.Article`."""
from __future__ import annotations

import dataclasses
import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

from ..analyze.base import Article
from ..dossier import Meta, Notice
from ..errors import (BinaryInputError, EmptyInputError, InputNotFoundError, InputTooLargeError, NestingError,
                      NoArticleError)
from ..settings import AuditOptions
from .decode import decode, looks_binary
from .formats import Document, read_document, sniff
from .html import extract, looks_like_html
from .language import detect_language

__all__ = ["load", "load_record"]


def load(source: str | bytes | os.PathLike, *, options: AuditOptions | None = None) -> Article:
    """Read ``source`` into an Article: a ``str`` is always the article's text, ``bytes`` are raw input in any
    supported encoding (text, HTML, JSON), and only a ``pathlib.Path`` (or other ``os.PathLike``) is read as a
    file.  A string is never taken for a path, so text that arrives over the network cannot open local files."""
    options = options or AuditOptions()
    encoding = None
    warnings: list[Notice] = []
    name = None
    if isinstance(source, os.PathLike):
        path = Path(source)
        if not path.is_file():
            raise InputNotFoundError(f"no such file: {path}", hint="check the path")
        size = path.stat().st_size
        _check_size(size, options)
        source = path.read_bytes()
        name = path.name
    if isinstance(source, (bytes, bytearray)):
        _check_size(len(source), options)
        kind = sniff(bytes(source), name)
        if kind != "text":
            return from_document(read_document(kind, bytes(source)), options)
        text, encoding, warnings = decode(bytes(source))
    elif isinstance(source, str):
        _check_size(len(source.encode("utf-8", "surrogatepass")), options)
        text = source
    else:
        raise TypeError(f"source must be str, bytes or a path, not {type(source).__name__}")
    return from_text(text, options=options, encoding=encoding, warnings=warnings)


def from_document(doc: Document, options: AuditOptions) -> Article:
    """An Article from what a PDF / .docx / e-mail reader found (HTML parts extracted here)."""
    meta = {k: v for k, v in doc.meta.items() if v}
    warnings = list(doc.warnings)
    text = doc.text
    if doc.is_html:
        text, html_meta, html_warn = extract(text, options.url or meta.get("url"))
        meta.update({k: v for k, v in html_meta.items() if v and not meta.get(k)})  # the headers' values first
        if meta.get("published") and not meta.get("published_source"):
            meta["published_source"] = "html"
        warnings.extend(html_warn)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise EmptyInputError(f"the {meta.get('source_format', 'document')} file holds no text.",
                              hint="check that it holds the article, or paste its text")
    article = _finish(text, meta, warnings, options)
    return dataclasses.replace(article, pages=tuple(doc.pages)) if doc.pages else article


def _check_size(n: int, options: AuditOptions) -> None:
    if n > options.max_bytes:
        raise InputTooLargeError(
            f"the input is {n / 1048576:.1f} MiB, over the {options.max_bytes / 1048576:.1f} MiB limit.",
            hint="split it into articles, or raise the limit with --max-size",
        )


def from_text(text: str, *, options: AuditOptions, encoding: str | None = None, warnings: list[Notice] | None = None,
              record: dict[str, Any] | None = None) -> Article:
    warnings = list(warnings or [])
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise EmptyInputError("the input is empty.", hint="pass a file that holds an article's text or HTML")
    if looks_binary(text):
        raise BinaryInputError("the input looks binary, not like an article.", hint="pass plain text, HTML or JSON")
    meta: dict[str, Any] = {"source_format": "text", "encoding": encoding}
    stripped = text.lstrip()
    if record is None and stripped.startswith("{"):
        try:
            record = json.loads(stripped)
        except ValueError:
            record = None
        except RecursionError:
            raise NestingError("the input is JSON nested too deeply to read.",
                               hint='give each article as a flat object: {"text": "..."} or {"html": "..."}') from None
        if record is not None and not isinstance(record, dict):
            record = None
    if record is not None:
        return load_record(record, options=options, encoding=encoding, warnings=warnings)
    if looks_like_html(text):
        text, html_meta, html_warn = extract(text, options.url)
        meta.update({k: v for k, v in html_meta.items() if v})
        meta["source_format"] = "html"
        if meta.get("published"):
            meta["published_source"] = "html"
        warnings.extend(html_warn)
    return _finish(text, meta, warnings, options)


def load_record(record: dict[str, Any], *, options: AuditOptions, encoding: str | None = None,
                warnings: list[Notice] | None = None) -> Article:
    """An article given as a JSON object with ``text`` or ``html`` (and optional url, published, title, outlet)."""
    warnings = list(warnings or [])
    meta: dict[str, Any] = {"source_format": "json", "encoding": encoding}
    html = record.get("html")
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        body = text.replace("\r\n", "\n").replace("\r", "\n")
        if "\x00" in body:
            body = body.replace("\x00", "")
            warnings.append(Notice(code="nul_removed", message="NUL characters were removed from the 'text' field"))
        if looks_binary(body):
            raise BinaryInputError("the JSON object's 'text' field looks binary, not like an article.",
                                   hint="give the article's text, HTML or JSON")
    elif isinstance(html, str) and html.strip():
        body, html_meta, html_warn = extract(html, record.get("url") or options.url)
        meta.update({k: v for k, v in html_meta.items() if v})
        warnings.extend(html_warn)
    else:
        raise NoArticleError("the JSON object has no non-empty 'text' or 'html' field.",
                             hint='give each article as {"text": "..."} or {"html": "..."}')
    for key in ("title", "url"):
        if isinstance(record.get(key), str) and record[key].strip():
            meta[key] = record[key].strip()
    if isinstance(record.get("outlet") or record.get("site"), str):
        meta["site"] = record.get("outlet") or record.get("site")
    authors = record.get("authors") or record.get("author")
    if isinstance(authors, str):
        authors = [authors]
    if isinstance(authors, list):
        meta["authors"] = [str(a) for a in authors if str(a).strip()]
    if record.get("published"):
        meta["published"] = str(record["published"])[:10]
        meta["published_source"] = "json"
    return _finish(body, meta, warnings, options)


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(s: str) -> tuple[str, int]:
    """``s`` with every unpaired surrogate (which UTF-8 cannot encode) replaced by U+FFFD, and how many."""
    out, n = _SURROGATE.subn("\ufffd", s)
    return out, n


def _finish(text: str, meta: dict[str, Any], warnings: list[Notice], options: AuditOptions) -> Article:
    text, fixed = without_surrogates(text)
    for key, value in list(meta.items()):
        if isinstance(value, str):
            meta[key], more = without_surrogates(value)
            fixed += more
        elif isinstance(value, list):
            cleaned = [without_surrogates(v) if isinstance(v, str) else (v, 0) for v in value]
            meta[key] = [v for v, _ in cleaned]
            fixed += sum(n for _, n in cleaned)
    if fixed:
        warnings.append(Notice(code="lone_surrogate", message=f"{fixed} unpaired surrogate code point(s) (broken "
                                                              "UTF-16) were replaced by U+FFFD"))
    if options.published is not None:
        meta["published"] = options.published.isoformat()
        meta["published_source"] = "argument"
    if options.url:
        meta["url"] = options.url
    pub = meta.get("published")
    if pub and not _ISO.match(str(pub)):
        try:
            meta["published"] = date.fromisoformat(str(pub)[:10]).isoformat()
        except ValueError:
            warnings.append(Notice(code="bad_date", message=f"ignored publication date {pub!r}: not an ISO date"))
            meta.pop("published", None)
    if options.detect_language:
        lang = detect_language(text)
        meta["language"] = lang
        if lang and lang != "en":
            warnings.append(Notice(code="language",
                                   message=f"the article seems to be in '{lang}', not English: only the layers that do not "
                                           "depend on the language (structure, citations) run"))
    meta["warnings"] = warnings
    return Article(text=text, meta=Meta(**{k: v for k, v in meta.items() if k in Meta.model_fields}))
