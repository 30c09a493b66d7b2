"""newsaudit: what does this article actually establish, and on whose word?

    >>> import newsaudit
    >>> d = newsaudit.audit(open("article.txt").read())
    >>> d.citations.problems

Nothing heavy is imported here; the spaCy pipeline loads on first use.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ._version import __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:  # pragma: no cover
    from .dossier import Dossier

__all__ = ["__version__", "audit", "Dossier", "AuditOptions"]


def audit(source, *, published=None, url=None, model=None, options=None) -> "Dossier":
    """Audit one article.  ``source`` is the article's text (``str``), raw ``bytes`` or a ``pathlib.Path``."""
    from .api import audit as _audit

    return _audit(source, published=published, url=url, model=model, options=options)


def __getattr__(name: str):
    if name == "Dossier":
        from .dossier import Dossier

        return Dossier
    if name == "AuditOptions":
        from .settings import AuditOptions

        return AuditOptions
    raise AttributeError(name)
