"""The audit pipeline: ingest → structure/citations → parse → doc layers → dossier.

``audit_article`` handles one article; ``audit_articles`` streams many through
``nlp.pipe`` (small batches, memory zones) for corpus runs.
"""
from __future__ import annotations

import dataclasses
import logging
from typing import Any, Iterable, Iterator

from ._version import __version__
from .analyze import DOC_LAYERS, TEXT_LAYERS, load_layer
from .analyze.base import Article, freeze
from .dossier import Dossier, Notice, Problem
from .nlp import CHUNK_CHARS, get_nlp, model_label, parse
from .settings import AuditOptions

log = logging.getLogger(__name__)

PIPE_BATCH = 8  # memory follows batch size; 8 keeps ~270 MB per process at full speed


def _run_layer(name: str, article: Article, doc, found: dict[str, Any], warnings: list[Notice], options: AuditOptions):
    mod = load_layer(name)
    try:
        out = mod.analyse(article, doc, freeze(found))
    except Exception as exc:
        if options.strict_layers:
            raise
        log.exception("layer %s failed", name)
        warnings.append(Notice(code="layer_failed", message=f"the {name} layer failed ({type(exc).__name__}: {exc}); its findings are missing"))
        return
    for key, value in out.items():
        if key == "problems":
            found.setdefault("problems", []).extend(value)
        else:
            found[key] = value


def prepare(article: Article, options: AuditOptions) -> tuple[Article, dict[str, Any], list[Notice], str]:
    """Run the text layers; return the article with body ranges, findings so far, notices and the masked text."""
    found: dict[str, Any] = {"problems": []}
    warnings: list[Notice] = list(article.meta.warnings)
    for name in TEXT_LAYERS:
        _run_layer(name, article, None, found, warnings, options)
        if name == "structure" and "structure" in found:
            if article.pages:
                found["structure"] = found["structure"].model_copy(update={"pages": list(article.pages)})
            article = _with_structure(article, found["structure"], options)
    return article, found, warnings, mask(article.text, article.body_ranges)


def _with_structure(article: Article, structure, options: AuditOptions) -> Article:
    ranges = []
    for span in (structure.title, structure.subtitle, *structure.headings, *structure.paragraphs):
        if span is not None:
            ranges.append((span.start, span.end))
    ranges.sort()
    meta = article.meta
    updates: dict[str, Any] = {}
    if structure.byline is not None:
        if structure.byline.published and not meta.published:
            updates.update(published=structure.byline.published, published_source="byline")
        if structure.byline.author_names and not meta.authors:
            updates["authors"] = list(structure.byline.author_names)
    dateline = structure.dateline
    if dateline is not None:
        if dateline.agency and not meta.agency:
            updates["agency"] = dateline.agency
        full = dateline.date_value and not dateline.date_value.startswith("X")
        if full and not meta.published and "published" not in updates:
            updates.update(published=dateline.date_value, published_source="dateline")
    if structure.title is not None and not meta.title:
        updates["title"] = structure.title.text.strip()
    if options.default_published and not meta.published and "published" not in updates:
        updates.update(published=options.default_published.isoformat(), published_source="default")
    if options.default_outlet and not meta.site:
        updates["site"] = options.default_outlet
    if updates:
        meta = meta.model_copy(update=updates)
    return dataclasses.replace(article, meta=meta, body_ranges=tuple(ranges))


def mask(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """Blank out (with spaces, keeping newlines) every character outside ``ranges``."""
    keep = sorted(ranges)
    out: list[str] = []
    pos = 0
    for a, b in keep:
        if a > pos:
            out.append(_blank(text[pos:a]))
        a = max(a, pos)
        if b > a:
            out.append(text[a:b])
            pos = b
    if pos < len(text):
        out.append(_blank(text[pos:]))
    masked = "".join(out)
    assert len(masked) == len(text)
    return masked


def _blank(s: str) -> str:
    return "".join(c if c == "\n" else " " for c in s)


ENGLISH_ONLY = frozenset(DOC_LAYERS)  # every doc layer reads the English spaCy model's parse and English lexicons


def finish(article: Article, doc, found: dict[str, Any], warnings: list[Notice], options: AuditOptions, model: str) -> Dossier:
    lang = article.meta.language
    ran = [name for name in TEXT_LAYERS if name in found]
    skipped = []
    for name in DOC_LAYERS:
        if not options.runs(name):
            continue
        if lang not in (None, "en") and name in ENGLISH_ONLY:
            skipped.append(name)  # English-model output on another language is noise shown as findings
            continue
        _run_layer(name, article, doc, found, warnings, options)
        ran.append(name)
    if skipped:
        warnings = warnings + [Notice(code="layers_skipped", message=f"not run on text in '{lang}' (English-only): "
                                                                     + ", ".join(skipped))]
    meta = article.meta.model_copy(update={"warnings": warnings, "model": model, "newsaudit_version": __version__,
                                           "layers_run": ran})
    fields = {k: v for k, v in found.items() if k in Dossier.model_fields and k != "problems"}
    problems: list[Problem] = sorted(found.get("problems", []), key=lambda p: (p.start, p.end, p.kind))
    dossier = Dossier(text=article.text, meta=meta, problems=problems, **fields)
    return _calibrated(dossier, options)


def _calibrated(dossier: Dossier, options: AuditOptions) -> Dossier:
    """Set each finding's calibrated ``confidence``; a failure is a notice, never a lost dossier."""
    try:
        from .calibrate.apply import apply_calibration

        notices = apply_calibration(dossier)
    except Exception as exc:
        if options.strict_layers:
            raise
        log.exception("calibration failed")
        notices = [Notice(code="calibration_failed", message=f"confidences are missing ({type(exc).__name__}: {exc})")]
    dossier.meta.warnings.extend(notices)
    return dossier


def audit_article(article: Article, options: AuditOptions) -> Dossier:
    nlp = get_nlp(options.model)
    article, found, warnings, masked = prepare(article, options)
    doc = parse(masked, nlp)
    return finish(article, doc, found, warnings, options, model_label(nlp))


def audit_articles(articles: Iterable[Article], options: AuditOptions, batch_size: int = PIPE_BATCH) -> Iterator[Dossier | Exception]:
    """Audit many articles, yielding a Dossier (or the exception that stopped one) per article, in order."""
    nlp = get_nlp(options.model)
    label = model_label(nlp)

    def prepared():
        for art in articles:
            try:
                yield prepare(art, options), None
            except Exception as exc:  # recorded by the caller, the run goes on
                yield None, exc

    batch: list = []

    def flush():
        items = [p for p, _ in batch if p is not None]
        short = [p for p in items if len(p[3]) <= CHUNK_CHARS]
        with nlp.memory_zone():
            docs = dict(zip((id(p) for p in short), nlp.pipe((p[3] for p in short), batch_size=batch_size)))
            for p, err in batch:
                if p is None:
                    yield err
                    continue
                art, found, warnings, masked = p
                try:
                    doc = docs[id(p)] if id(p) in docs else parse(masked, nlp)
                    yield finish(art, doc, found, warnings, options, label)
                except Exception as exc:
                    yield exc
        batch.clear()

    for item in prepared():
        batch.append(item)
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()
