"""HTML → article text and metadata, with trafilatura (main text) and htmldate (date)."""
from __future__ import annotations

import logging
import re

from ..dossier import Notice
from ..errors import NoArticleError

log = logging.getLogger(__name__)

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I | re.S)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2000])) or ("<p>" in text[:5000].lower() and "</p>" in text.lower())


def extract(html: str, url: str | None = None) -> tuple[str, dict, list[Notice]]:
    """Return ``(text, metadata, warnings)``; the text is the title then the paragraphs, blank-line separated."""
    import trafilatura
    from htmldate import find_date

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as exc:  # broken markup that lxml cannot recover
        raise NoArticleError(f"the HTML could not be parsed ({exc}).", hint="save the page again, or pass its text") from exc
    if doc is not None and not isinstance(doc, dict):
        doc = doc.as_dict() if hasattr(doc, "as_dict") else vars(doc)
    body = (doc or {}).get("text") or ""
    if len(body.strip()) < 40:
        raise NoArticleError("the HTML page holds no article text that could be extracted.",
                             hint="check that the file is an article page, not an index, login or error page")
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    title = (doc.get("title") or "").strip()
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    text = "\n\n".join(([title] if title else []) + paragraphs) + "\n"
    warnings: list[Notice] = []
    try:
        date = find_date(html, original_date=True, outputformat="%Y-%m-%d", url=url)
    except Exception as exc:  # htmldate may choke on odd markup; the date is optional
        log.debug("htmldate failed: %s", exc)
        date = None
    meta = {
        "title": title or None,
        "authors": [a.strip() for a in re.split(r";|\band\b|,", doc.get("author") or "") if a.strip()],
        "published": date or doc.get("date"),
        "site": doc.get("sitename") or doc.get("hostname"),
        "url": url or doc.get("url"),
    }
    return text, meta, warnings
