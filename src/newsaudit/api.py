"""Library entry points."""
from __future__ import annotations

from datetime import date
from os import PathLike

from .dossier import Dossier
from .ingest import load
from .pipeline import audit_article
from .settings import AuditOptions


def audit(source: str | bytes | PathLike, *, published: str | date | None = None, url: str | None = None,
          model: str | None = None, options: AuditOptions | None = None) -> Dossier:
    """Audit one article and return its :class:`~newsaudit.dossier.Dossier`.

    ``source``: article text (``str`` — always text, never opened as a file), raw
    bytes (any supported encoding, HTML or JSON), or a path given as a
    ``pathlib.Path`` (any ``os.PathLike``) to a file.  ``published`` (ISO date)
    anchors relative dates; ``model`` names an installed spaCy pipeline.
    """
    overrides = {k: v for k, v in {"published": published, "url": url, "model": model}.items() if v is not None}
    if options is None:
        options = AuditOptions.build(**overrides)
    elif overrides:
        options = AuditOptions.build(**{**options.model_dump(), **overrides})
    article = load(source, options=options)
    return audit_article(article, options)
