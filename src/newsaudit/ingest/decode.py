"""Bytes → text: BOMs, UTF-8, and a cp1252 / latin-1 fallback with a warning."""
from __future__ import annotations

import codecs

from ..dossier import Notice
from ..errors import BinaryInputError, DecodingError, EmptyInputError

_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"%PDF-": "PDF document",
    b"PK\x03\x04": "ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str, list[Notice]]:
    """Return ``(text, encoding, warnings)``; raise a typed error for empty or binary input."""
    if not data.strip():
        raise EmptyInputError("the input is empty.", hint="pass a file that holds an article's text or HTML")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryInputError(f"the input is a {what}, not an article.", hint="pass plain text, HTML or JSON")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", ""), []
            except UnicodeDecodeError as exc:  # a byte-order mark, then bytes that are not that encoding
                raise DecodingError(f"the input starts with a {enc.replace('-sig', '').upper()} byte-order mark but "
                                    f"is not valid {enc.replace('-sig', '').upper()} (bad bytes at {exc.start}).",
                                    hint="re-save the article as UTF-8 text") from None
    if b"\x00" in data[:4096]:
        raise BinaryInputError("the input holds NUL bytes: it looks binary, or UTF-16 without a byte-order mark.",
                               hint="save the article as UTF-8 text")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        where = exc.start
    try:
        text, enc = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, enc = data.decode("latin-1"), "latin-1"
    note = Notice(code="encoding_fallback",
                  message=f"the input is not valid UTF-8 (first bad byte at {where}); decoded as {enc}: check accented letters and quote marks")
    return text, enc, [note]


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly control characters (a binary file that happened to decode)."""
    sample = text[:8192]
    if not sample:
        return False
    ctrl = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return ctrl / len(sample) > 0.05
