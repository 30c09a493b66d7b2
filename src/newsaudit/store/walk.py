"""What a directory walk takes as an article, and the metadata sidecars beside article files.

A file met in a directory walk is an article when all of these hold (a file named on the command line is
always taken, whatever its name):

1. its name does not start with a dot (nor does any folder above it, within the walk);
2. its suffix is an article's (``.txt .text .md .html .htm .xhtml .json .pdf .docx .eml .mht .mhtml``), a
   JSONL or WARC file's, or ``.xml`` whose first bytes are HTML (other XML — TimeML, NAF, annotation — is not);
   annotation and gold formats (``.ann``, ``.tsv``, ``.csv``, ``.labels``, ``.conll`` …) never are;
3. its name is not a project note: ``README``, ``EXPECTED``, ``LICENSE``/``LICENCE``, ``COPYING``,
   ``PROVENANCE``, ``CHANGELOG``/``CHANGES``/``HISTORY``, ``NOTICE``, ``AUTHORS``, ``CONTRIBUTORS``/
   ``CONTRIBUTING``, ``CITATION``, ``MANIFEST``, ``TODO``, ``INSTALL`` (any case, any suffix: ``README.md``,
   ``expected_output.txt``);
4. no word of its name (split at ``.``, ``_``, ``-``, spaces) is ``gold``, ``expected``, ``labels``,
   ``annotation(s)``, ``answers`` or ``groundtruth`` (``story_gold.txt``, ``x.labels.txt``);
5. it is not a sidecar: ``name.json`` beside an article file ``name.<other suffix>`` holds that file's
   metadata;
6. a ``.json`` file holds an article record: not JSON that parses to something other than an object with
   ``text`` or ``html`` (a list, a metadata object);
7. it matches an ``--include`` glob (when any is given) and no ``--exclude`` glob; globs are matched against
   the path relative to the walked directory (``2024/*.txt``) and against the file name.

**Sidecars** (``story.txt`` + ``story.json``): a JSON object with any of ``title``, ``published``
(``YYYY-MM-DD``), ``outlet``, ``url`` (http or https), ``authors`` (a string or a list of strings).  Any other
key, a wrong type or a bad value makes the article an error row (``bad_sidecar``) instead of an audit with
half its metadata.  Sidecar values win over what the file says; ``--published``/``--outlet`` only fill in
what neither gives.
"""
from __future__ import annotations

import json
import re
from datetime import date
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from ..errors import SidecarError

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".json", ".pdf", ".docx", ".eml", ".mht",
                    ".mhtml")
NOTE_NAME = re.compile(r"^(?:readme|expected|licen[cs]e|copying|provenance|changelog|changes|history|notice|authors|"
                       r"contributors|contributing|citation|manifest|todo|install)(?:[._\-\s].*)?$", re.I)
GOLD_WORDS = {"gold", "expected", "labels", "annotation", "annotations", "answers", "groundtruth"}
SIDECAR_KEYS = {"title", "published", "outlet", "url", "authors"}
_HTML_HEAD = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)


def not_article(path: Path, rel: str, siblings: set[str], include: tuple[str, ...] = (),
                exclude: tuple[str, ...] = ()) -> str | None:
    """Why the file at ``path`` (``rel`` to the walked root; ``siblings``: names in its folder) is not an
    article of the walk, or None when it is one."""
    name = path.name
    lower = name.lower()
    if name.startswith("."):
        return "hidden"
    is_xml = lower.endswith(".xml")
    if not (lower.endswith(ARTICLE_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES) or is_xml):
        return "not an article format"
    if NOTE_NAME.match(name):
        return "a note (README, LICENSE, ...)"
    if GOLD_WORDS & set(re.split(r"[._\-\s]+", lower)):
        return "a gold or annotation file"
    if include and not any(fnmatch(rel, g) or fnmatch(name, g) for g in include):
        return "not matched by --include"
    if any(fnmatch(rel, g) or fnmatch(name, g) for g in exclude):
        return "matched by --exclude"
    if lower.endswith(".json"):
        if any(s.lower().endswith(ARTICLE_SUFFIXES) and not s.lower().endswith(".json")
               and Path(s).with_suffix(".json").name == name for s in siblings):
            return "a metadata sidecar"
        if not _json_article(path):
            return "JSON that is not an article record"
    if is_xml and not _is_html(path):
        return "XML that is not HTML"
    return None


def _json_article(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            data = fh.read(50 * 1024 * 1024)
        value = json.loads(data)
    except (OSError, ValueError, RecursionError):
        return True  # not JSON at all: read as any other file (and recorded if it is no article)
    return isinstance(value, dict) and any(isinstance(value.get(k), str) for k in ("text", "html"))


def _is_html(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return bool(_HTML_HEAD.match(fh.read(4096)))
    except OSError:
        return False


def sidecar_path(path: Path) -> Path | None:
    """``story.json`` beside ``story.txt`` (never for a JSON file itself)."""
    if path.name.lower().endswith(".json"):
        return None
    side = path.with_suffix(".json")
    return side if side != path and side.is_file() else None


def read_sidecar(side: Path) -> dict[str, Any]:
    """The validated metadata of a sidecar file (keys as in ``Meta``: title, published, site, url, authors)."""
    try:
        raw = json.loads(side.read_bytes())
    except (OSError, ValueError, RecursionError) as exc:
        raise SidecarError(f"the sidecar {side.name} is not readable JSON ({exc}).",
                           hint="fix the JSON, or remove the file") from None
    if not isinstance(raw, dict):
        raise SidecarError(f"the sidecar {side.name} is not a JSON object.", hint='write {"title": ..., "published": ...}')
    unknown = sorted(set(raw) - SIDECAR_KEYS)
    if unknown:
        raise SidecarError(f"the sidecar {side.name} has unknown key(s) {unknown}.",
                           hint=f"use only {sorted(SIDECAR_KEYS)}")
    meta: dict[str, Any] = {}
    for key in ("title", "outlet", "url"):
        if key in raw:
            value = raw[key]
            if not isinstance(value, str) or not value.strip():
                raise SidecarError(f"the sidecar {side.name}: '{key}' must be a non-empty string.", hint="fix the value")
            meta["site" if key == "outlet" else key] = value.strip()
    if "url" in meta and not meta["url"].lower().startswith(("http://", "https://")):
        raise SidecarError(f"the sidecar {side.name}: 'url' must be an http(s) URL.", hint="fix the value")
    if "published" in raw:
        value = raw["published"]
        try:
            if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                raise ValueError
            meta["published"] = date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise SidecarError(f"the sidecar {side.name}: 'published' must be a date YYYY-MM-DD, not {value!r}.",
                               hint="fix the value") from None
    if "authors" in raw:
        value = raw["authors"]
        authors = [value] if isinstance(value, str) else value
        if not isinstance(authors, list) or not all(isinstance(a, str) and a.strip() for a in authors):
            raise SidecarError(f"the sidecar {side.name}: 'authors' must be a name or a list of names.",
                               hint="fix the value")
        meta["authors"] = [a.strip() for a in authors]
    return meta
