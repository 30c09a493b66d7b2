"""Typed exceptions.  Each carries a stable code and a message that says how to fix it.

The library raises these and only logs; the CLI turns them into one-line
messages and exit codes (see ``newsaudit.cli.EXIT_CODES``).
"""
from __future__ import annotations


class NewsauditError(Exception):
    """Base class of every error newsaudit raises on purpose."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None):
        self.message = message
        self.hint = hint
        super().__init__(f"[{self.code}] {message}" + (f" Hint: {hint}" if hint else ""))

    def __reduce__(self):  # keyword-only ``hint``: pickle explicitly, so errors cross process pools intact
        return _rebuild, (type(self), self.message, self.hint)


def _rebuild(cls, message, hint):
    return cls(message, hint=hint)


class InputError(NewsauditError):
    """The input could not be read as an article."""

    code = "E100"
    exit_code = 3


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class InputTooLargeError(InputError):
    code = "E103"


class DecodingError(InputError):
    code = "E104"


class NoArticleError(InputError):
    """An HTML page (or JSON object) held no article text."""

    code = "E105"


class InputNotFoundError(InputError):
    code = "E106"


class NestingError(InputError):
    """A JSON input nested too deeply to read (a stack-exhaustion attack or a broken export)."""

    code = "E107"


class ModelError(NewsauditError):
    """The spaCy pipeline could not be loaded."""

    code = "E200"
    exit_code = 4


class ModelNotFoundError(ModelError):
    code = "E201"


class OptionsError(NewsauditError):
    """Invalid options (library-side equivalent of a CLI usage error)."""

    code = "E300"
    exit_code = 2


class DataNotFoundError(NewsauditError):
    """An evaluation data set is missing or not in the expected layout."""

    code = "E400"
    exit_code = 3


class StoreError(NewsauditError):
    """A corpus store could not be read or written."""

    code = "E500"
    exit_code = 3


class StoreLockedError(StoreError):
    """Another process is writing to the store."""

    code = "E501"


class UnsafeQueryError(StoreError):
    """``corpus sql`` refused a statement that could write, attach, install or read outside the store."""

    code = "E510"
    exit_code = 2


class QueryTimeoutError(StoreError):
    code = "E511"


class FetchError(InputError):
    """A URL could not be fetched (network, HTTP status, redirects, type or size)."""

    code = "E110"


class FetchSchemeError(FetchError):
    code = "E111"


class FetchNetworkError(FetchError):
    code = "E112"


class FetchTimeoutError(FetchError):
    code = "E113"


class FetchStatusError(FetchError):
    code = "E114"


class FetchRedirectError(FetchError):
    code = "E115"


class FetchContentTypeError(FetchError):
    code = "E116"


class DocumentError(InputError):
    """A PDF, .docx or e-mail file could not be read as an article."""

    code = "E120"


class PdfEncryptedError(DocumentError):
    code = "E121"


class PdfNoTextError(DocumentError):
    """The PDF has no text layer (scanned pages) or its text cannot be decoded."""

    code = "E122"


class PdfBrokenError(DocumentError):
    code = "E123"


class DocxError(DocumentError):
    code = "E124"


class EmailInputError(DocumentError):
    """An .eml / .mhtml file with no readable text or HTML part."""

    code = "E125"


class SidecarError(InputError):
    """A corpus file's metadata sidecar (``name.json`` beside ``name.txt``) is not valid."""

    code = "E126"
