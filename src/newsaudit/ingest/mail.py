"""``.eml`` messages and ``.mhtml`` saved pages → article text, with the standard library's ``email``.

* **.mhtml** (``multipart/related``, as browsers save a page): the first ``text/html`` part, read as HTML
  (trafilatura), the page's address from ``Snapshot-Content-Location`` / ``Content-Location``.
* **.eml**: the ``text/plain`` part (else the ``text/html`` one, read as HTML).  ``Subject`` (less
  ``Re:``/``Fwd:``) is the title and the first line of the text; ``Date`` gives ``meta.published``;
  ``From`` names an author only when its display name reads like a person's name (not a newsletter, desk or
  address).
"""
from __future__ import annotations

import re
from email import message_from_bytes, policy
from email.message import EmailMessage

from ..dossier import Notice
from ..errors import EmailInputError

_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]*\S")
_REPLY = re.compile(r"^\s*(?:(?:re|fwd?|aw|wg|tr)\s*:\s*)+", re.I)
_NOT_A_PERSON = re.compile(
    r"\b(?:news|newsletters?|team|daily|digest|weekly|editors?|editorial|desk|info|service|support|alerts?|"
    r"bulletin|briefing|updates?|press|media|office|times|post|herald|gazette|tribune|journal|no-?reply|admin|"
    r"the|and|of|inc|ltd|llc|gmbh|group|council|ministry|department|university)\b", re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?|[A-Z]\.|(?:van|von|de|da|del|di|der|le|la|bin|al))$")


def looks_like_message(data: bytes) -> bool:
    """A MIME header block first: header lines up to a blank line, with ``MIME-Version`` or ``From`` and
    ``Date``/``Subject`` among them."""
    head = data[:8192].split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    lines = [ln for ln in head.replace(b"\r\n", b"\n").split(b"\n") if ln.strip()]
    if len(lines) < 2:
        return False
    names = set()
    for ln in lines:
        if ln[:1] in (b" ", b"\t"):
            continue  # a folded header's continuation
        if not _HEADER.match(ln):
            return False
        names.add(ln.split(b":", 1)[0].strip().lower())
    return b"mime-version" in names or (b"from" in names and bool(names & {b"date", b"subject"}))


def is_mhtml(msg: EmailMessage) -> bool:
    return msg.get_content_type() == "multipart/related" or bool(msg.get("Snapshot-Content-Location"))


def read_message(data: bytes, *, saved_page: bool | None = None) -> tuple[str, dict, list[Notice], str]:
    """``(text or html, meta, warnings, kind)``; ``kind`` is ``"html"`` when the text still is HTML to extract."""
    msg = message_from_bytes(data, policy=policy.default)
    page = is_mhtml(msg) if saved_page is None else saved_page
    meta: dict = {"source_format": "mhtml" if page else "eml"}
    warnings: list[Notice] = []
    subject = _REPLY.sub("", str(msg.get("Subject") or "")).strip()
    if page:
        part = _first(msg, "text/html")
        if part is None:
            raise EmailInputError("the saved page (.mhtml) holds no HTML part.",
                                  hint="save the page again as a complete web page, or as HTML")
        url = msg.get("Snapshot-Content-Location") or part.get("Content-Location")
        if url and str(url).lower().startswith(("http://", "https://")):
            meta["url"] = str(url).strip()
        if subject:
            meta["title"] = subject
        return _content(part), meta, warnings, "html"
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise EmailInputError("the e-mail has no text or HTML part.", hint="save the message with its text, or paste it")
    if subject:
        meta["title"] = subject
    try:
        when = msg["Date"].datetime if msg["Date"] is not None else None
    except (AttributeError, ValueError, TypeError):
        when = None
    if when is not None:
        meta["published"] = when.date().isoformat()
        meta["published_source"] = "email"
    elif msg.get("Date"):
        warnings.append(Notice(code="bad_date", message="ignored the e-mail's Date header: not a date"))
    author = _author(msg)
    if author:
        meta["authors"] = [author]
    content = _content(body)
    if body.get_content_type() == "text/html":
        return content, meta, warnings, "html"
    content = content.replace("\r\n", "\n")
    if subject and not content.lstrip().startswith(subject):
        content = subject + "\n\n" + content.lstrip("\n")
    return content, meta, warnings, "text"


def _first(msg: EmailMessage, ctype: str):
    for part in msg.walk():
        if part.get_content_type() == ctype and not part.is_multipart():
            return part
    return None


def _content(part) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeDecodeError, AssertionError):  # an unknown charset: read it as UTF-8, replacing
        content = (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    if not content.strip():
        raise EmailInputError("the message's text part is empty.", hint="save the message with its text, or paste it")
    return content


def _author(msg: EmailMessage) -> str | None:
    """The From display name when it reads like a person's name (2–4 capitalised words)."""
    try:
        addresses = msg["From"].addresses if msg["From"] is not None else ()
    except (AttributeError, IndexError, TypeError):
        return None
    if len(addresses) != 1:
        return None
    name = " ".join((addresses[0].display_name or "").split())
    words = name.split()
    if not 2 <= len(words) <= 4 or _NOT_A_PERSON.search(name) or any(ch.isdigit() or ch in "@|/" for ch in name):
        return None
    return name if all(_NAME_WORD.match(w) for w in words) else None
