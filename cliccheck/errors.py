"""Coded errors: every failure a user can see has a stable code and one line.

Readers and the CLI raise :class:`CliccheckError` subclasses; the CLI prints
``cliccheck: error: FILE: message`` and exits with :data:`EXIT_ERROR`. The
JSON report carries ``{"code", "message"}``. Codes are part of the public
interface: never rename one, add new ones instead.
"""

from __future__ import annotations

from typing import Any

#: Exit codes (ruff/sqlfluff conventions).
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

#: code -> short description (documented in the README).
ERROR_CODES: dict[str, str] = {
    "not-found": "the file does not exist",
    "unreadable": "the file cannot be read (permissions, I/O error, vanished)",
    "empty-file": "the file has zero bytes",
    "unsupported-format": "a format cliccheck does not read (.doc, .rtf, .odt, .pages, ...)",
    "not-a-docx": "named .docx but not a Word 2007+ document",
    "not-a-pdf": "named .pdf but not a PDF",
    "corrupt": "the file is damaged or truncated",
    "encrypted": "password-protected and no (correct) password was given",
    "no-text-layer": "a PDF without text (a scan): OCR it first",
    "no-unicode-map": "a PDF font has no Unicode map, the text would be garbage",
    "too-large": "a size limit was hit (file, inflated size, pages, characters)",
    "unsafe-xml": "XML with a DTD, entity declarations or excessive nesting",
    "ambiguous-package": "a container that different programs read differently (duplicate or case-variant "
                         "zip members, a main part other than the one the package names, a polyglot)",
    "undecodable": "a text file in an encoding cliccheck cannot identify",
    "timeout": "reading or checking took longer than --timeout",
    "config": "a configuration file or option is invalid",
    "output-exists": "the output file exists; pass --force to overwrite",
    "output-is-input": "the output path resolves to the input file",
    "output-unsafe": "the output path is not a regular file in a writable place (a device, FIFO, /proc, /dev/stdout)",
    "register": "the audit register is not usable (not a register, or written by a newer cliccheck)",
    "internal": "a bug in cliccheck: please report it with --debug output",
}


class CliccheckError(Exception):
    """An error with a stable ``code`` and a one-line, user-facing message."""

    code = "internal"
    #: the catalogue key (``err.<key>`` in messages/ui.yaml) and its values, when raised with :meth:`of`
    key: str | None = None
    values: dict[str, Any] | None = None

    def __init__(self, message: str, *, code: str | None = None, path: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code
        if self.code not in ERROR_CODES:
            raise ValueError(f"unknown error code {self.code!r}")
        self.message = message
        self.path = path

    @classmethod
    def of(cls, key: str, /, *, code: str | None = None, path: str | None = None, **values: Any) -> CliccheckError:
        """The error whose words are the catalogue's ``err.<key>`` with ``values`` filled in: ``message`` is
        the English (JSON, logs), :meth:`localized` any UI language."""
        try:
            message = _i18n.render(f"err.{key}", "en", values)
        except Exception:  # the catalogue cannot be read (a broken install): still a coded one-line error
            message = f"{key} ({', '.join(f'{k}={v}' for k, v in values.items())})"
        exc = cls(message, code=code, path=path)
        exc.key, exc.values = key, dict(values)
        return exc

    def localized(self, lang: str) -> str:
        """The message in ``lang``; an error raised without a catalogue key has only its English."""
        if self.key is None:
            return self.message
        try:
            return _i18n.render(f"err.{self.key}", lang, self.values)
        except Exception:
            return self.message

    def one_line(self, lang: str = "en") -> str:
        """The message for a terminal: file names and quoted text cannot carry control sequences."""
        from .termsafe import escape_name, escape_text

        sep = "：" if lang == "zh" else ": "
        where = f"{escape_name(self.path)}{sep}" if self.path else ""
        return f"{where}{escape_text(self.localized(lang).replace(chr(10), ' '))} [{self.code}]"

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


class DocumentError(CliccheckError):
    """A document could not be read; the batch goes on without it."""


class UnsafeInputError(DocumentError):
    """Input that looks hostile: a zip bomb, a DTD, absurd nesting."""

    code = "unsafe-xml"


class LimitExceeded(DocumentError):
    """A configured resource limit was hit; the message names the limit."""

    code = "too-large"


class ConfigError(CliccheckError):
    """A configuration file or command-line option is invalid."""

    code = "config"


class OutputError(CliccheckError):
    """An output cannot be written safely."""

    code = "output-exists"


# Imported here, not where an error is raised: an error must be sayable even when the process can no longer
# import modules (a reader that dropped privileges, a full file table). i18n imports this module first.
from . import i18n as _i18n  # noqa: E402


def error_outcome(exc: BaseException) -> tuple[str, str, str, str | None, str | None, dict[str, Any] | None]:
    """A coded error (or running out of memory) as plain values a worker process sends its parent: the
    catalogue key and values travel with it, so the parent can still say it in the user's language."""
    if isinstance(exc, MemoryError):
        return ("DocumentError", "out of memory while reading", "too-large", None, "out-of-memory", {})
    assert isinstance(exc, CliccheckError)
    return (type(exc).__name__, exc.message, exc.code, exc.path, exc.key, exc.values)


def error_from_outcome(value: tuple[Any, ...]) -> CliccheckError:
    """The coded error :func:`error_outcome` described, rebuilt in the parent process."""
    cls_name, message, code, path, key, values = value
    cls = globals().get(cls_name, CliccheckError)
    if not (isinstance(cls, type) and issubclass(cls, CliccheckError)):
        cls = CliccheckError
    exc = cls(message, code=code, path=path)
    exc.key, exc.values = key, values
    return exc
