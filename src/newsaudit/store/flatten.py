"""Flatten dossiers into tables (one row per finding) with fixed Arrow schemas.

The schema of each finding table is *derived from the dossier models*, so a
field a layer adds to its model shows up as a column without touching this
file.  Rules, applied to each model field:

* ``int`` / ``float`` / ``bool`` / ``str`` / ``Literal`` → a column of that type;
* a nested model (``speaker``, ``cue``, ``number`` …) → its fields, prefixed
  (``speaker_name``, ``number_text``), two levels deep;
* ``list`` of ``str`` / ``int`` / ``float`` → an Arrow list column;
* anything else (lists of models, dicts) → a JSON string column.

Every finding row starts with ``article_id`` and ``idx`` (its index in the
dossier list, so ``claims.holder_quote`` joins ``quotes.idx``).
"""
from __future__ import annotations

import json
import types
import typing
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Any, Callable, Literal, Union

import pyarrow as pa
from pydantic import BaseModel

from ..dossier import (Claim, Dossier, Entity, Entry, Mention, Problem, Quantity, Quote, RhetoricSpan, TimeExpression,
                       TimelineItem, Voice)

TABLES = ("articles", "quotes", "citations", "entities", "mentions", "times", "timeline", "quantities", "claims",
          "voices", "rhetoric", "problems", "errors")

# finding tables: name -> (model class, how to get the list from a dossier)
FINDINGS: dict[str, tuple[type[BaseModel], Callable[[Dossier], list]]] = {
    "quotes": (Quote, lambda d: d.quotes),
    "citations": (Entry, lambda d: d.citations.entries),
    "entities": (Entity, lambda d: d.entities),
    "mentions": (Mention, lambda d: d.mentions),
    "times": (TimeExpression, lambda d: d.times),
    "timeline": (TimelineItem, lambda d: d.timeline),
    "quantities": (Quantity, lambda d: d.quantities),
    "claims": (Claim, lambda d: d.claims),
    "voices": (Voice, lambda d: d.voices),
    "rhetoric": (RhetoricSpan, lambda d: d.rhetoric),
    "problems": (Problem, lambda d: d.all_problems()),
}

ARTICLE_FIELDS: list[tuple[str, pa.DataType]] = [
    ("article_id", pa.string()), ("source", pa.string()), ("outlet", pa.string()), ("url", pa.string()),
    ("title", pa.string()), ("published", pa.string()), ("published_source", pa.string()),
    ("authors", pa.list_(pa.string())), ("language", pa.string()), ("source_format", pa.string()),
    ("encoding", pa.string()), ("model", pa.string()), ("newsaudit_version", pa.string()),
    ("schema_version", pa.string()), ("warnings", pa.string()), ("failed_layers", pa.list_(pa.string())),
    ("n_chars", pa.int64()), ("n_words", pa.int64()), ("n_quotes", pa.int64()), ("n_entities", pa.int64()),
    ("n_times", pa.int64()), ("n_quantities", pa.int64()), ("n_claims", pa.int64()), ("n_rhetoric", pa.int64()),
    ("n_problems", pa.int64()), ("structure", pa.string()), ("text", pa.large_string()),
    ("processed_at", pa.string()), ("shard", pa.string()),
]

ERROR_FIELDS: list[tuple[str, pa.DataType]] = [
    ("article_id", pa.string()), ("source", pa.string()), ("stage", pa.string()), ("code", pa.string()),
    ("reason", pa.string()), ("processed_at", pa.string()), ("shard", pa.string()),
]

_PRIMITIVES: dict[type, pa.DataType] = {int: pa.int64(), float: pa.float64(), bool: pa.bool_(), str: pa.string(),
                                        date: pa.string(), datetime: pa.string()}


def _unwrap_optional(tp):
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
        if set(args) <= {int, float}:
            return float
    return tp


def _to_json(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, BaseModel):
        return value.model_dump_json()
    if isinstance(value, (list, tuple)):
        return json.dumps([v.model_dump(mode="json") if isinstance(v, BaseModel) else v for v in value],
                          ensure_ascii=False, default=str)
    if isinstance(value, dict):
        return json.dumps({k: v.model_dump(mode="json") if isinstance(v, BaseModel) else v for k, v in value.items()},
                          ensure_ascii=False, default=str)
    return json.dumps(value, ensure_ascii=False, default=str)


def _literal_type(tp) -> pa.DataType:
    vals = typing.get_args(tp)
    if vals and all(isinstance(v, bool) for v in vals):
        return pa.bool_()
    if vals and all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
        return pa.int64()
    return pa.string()


Column = tuple[str, pa.DataType, Callable[[Any], Any]]


def _columns(cls: type[BaseModel], prefix: str = "", depth: int = 0) -> list[Column]:
    cols: list[Column] = []
    for name, info in cls.model_fields.items():
        tp = _unwrap_optional(info.annotation)
        origin = typing.get_origin(tp)
        col = f"{prefix}{name}"
        getter = (lambda n: (lambda obj: getattr(obj, n, None) if obj is not None else None))(name)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and depth < 2:
            for sub, dtype, sub_get in _columns(tp, f"{col}_", depth + 1):
                cols.append((sub, dtype, (lambda g, s: (lambda obj: s(g(obj))))(getter, sub_get)))
        elif tp in _PRIMITIVES:
            conv = str if tp in (date, datetime) else None
            cols.append((col, _PRIMITIVES[tp], getter if conv is None else
                         (lambda g: (lambda obj: None if g(obj) is None else str(g(obj))))(getter)))
        elif origin is Literal:
            cols.append((col, _literal_type(tp), getter))
        elif origin in (list, tuple) and typing.get_args(tp) and _unwrap_optional(typing.get_args(tp)[0]) in (
                int, float, str, bool):
            cols.append((col, pa.list_(_PRIMITIVES[_unwrap_optional(typing.get_args(tp)[0])]),
                         (lambda g: (lambda obj: None if g(obj) is None else list(g(obj))))(getter)))
        else:
            cols.append((col, pa.string(), (lambda g: (lambda obj: _to_json(g(obj))))(getter)))
    return cols


@lru_cache(maxsize=None)
def finding_columns(table: str) -> tuple[Column, ...]:
    cls, _ = FINDINGS[table]
    return tuple(_columns(cls))


@lru_cache(maxsize=None)
def schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table``."""
    if table == "articles":
        return pa.schema(ARTICLE_FIELDS)
    if table == "errors":
        return pa.schema(ERROR_FIELDS)
    base = [("article_id", pa.string()), ("idx", pa.int64())]
    names = {"article_id", "idx"}
    fields = list(base)
    for name, dtype, _ in finding_columns(table):
        if name in names:  # pragma: no cover - a model field clashing with a key column
            name = f"f_{name}"
        names.add(name)
        fields.append((name, dtype))
    return pa.schema(fields)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def article_row(article_id: str, source: str, dossier: Dossier, shard: str, when: str) -> dict[str, Any]:
    meta = dossier.meta
    failed = [w.message.split(" layer failed")[0].removeprefix("the ").strip()
              for w in meta.warnings if w.code == "layer_failed"]
    outlet = meta.site or _host(meta.url)
    return {
        "article_id": article_id, "source": source, "outlet": outlet, "url": meta.url, "title": meta.title,
        "published": meta.published, "published_source": meta.published_source, "authors": list(meta.authors),
        "language": meta.language, "source_format": meta.source_format, "encoding": meta.encoding,
        "model": meta.model, "newsaudit_version": meta.newsaudit_version, "schema_version": dossier.schema_version,
        "warnings": _to_json(meta.warnings), "failed_layers": failed,
        "n_chars": len(dossier.text), "n_words": len(dossier.text.split()), "n_quotes": len(dossier.quotes),
        "n_entities": len(dossier.entities), "n_times": len(dossier.times), "n_quantities": len(dossier.quantities),
        "n_claims": len(dossier.claims), "n_rhetoric": len(dossier.rhetoric), "n_problems": len(dossier.all_problems()),
        "structure": dossier.structure.model_dump_json(), "text": dossier.text, "processed_at": when, "shard": shard,
    }


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlparse

    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def finding_rows(table: str, article_id: str, dossier: Dossier) -> list[dict[str, Any]]:
    _, get = FINDINGS[table]
    cols = finding_columns(table)
    names = schema(table).names[2:]
    rows = []
    for i, obj in enumerate(get(dossier)):
        row = {"article_id": article_id, "idx": i}
        for (_, _, getter), name in zip(cols, names):
            row[name] = getter(obj)
        rows.append(row)
    return rows


class Batch:
    """Rows of every table for one shard, collected article by article."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self.ids: set[str] = set()
        self.failed: set[str] = set()

    def add_dossier(self, article_id: str, source: str, dossier: Dossier, shard: str, when: str) -> None:
        row = article_row(article_id, source, dossier, shard, when)
        self.rows["articles"].append(row)
        self.ids.add(article_id)
        for table in FINDINGS:
            self.rows[table].extend(finding_rows(table, article_id, dossier))
        for w in dossier.meta.warnings:
            if w.code == "layer_failed":
                self.add_error(article_id, source, "layer", "layer_failed", w.message, shard, when)

    def add_error(self, article_id: str, source: str, stage: str, code: str, reason: str, shard: str, when: str) -> None:
        self.rows["errors"].append({"article_id": article_id, "source": source, "stage": stage, "code": code,
                                    "reason": reason, "processed_at": when, "shard": shard})
        self.ids.add(article_id)
        self.failed.add(article_id)

    def tables(self) -> dict[str, pa.Table]:
        return {t: pa.Table.from_pylist(rows, schema=schema(t)) for t, rows in self.rows.items()}
