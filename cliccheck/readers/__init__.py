"""Readers: turn a file (or bytes) into a :class:`~cliccheck.model.Document`.

:func:`read_document` sniffs the content (never trusting the extension alone),
guards sizes, dispatches to the DOCX, PDF or text reader, then assigns section
numbers and block languages so every reader's output has the same provenance.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..errors import DocumentError, LimitExceeded
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document
from ..normalize import detect_language
from ..sections import assign_sections
from .sniff import sniff_format

SUPPORTED_SUFFIXES = (".docx", ".docm", ".pdf", ".txt", ".md", ".markdown", ".text")


def read_bytes(path: Path, limits: Limits) -> bytes:
    """Read a file once, with the size limit checked before reading."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DocumentError("no such file", code="not-found", path=str(path)) from None
    except OSError as exc:
        raise DocumentError(f"cannot read: {exc.strerror}", code="unreadable", path=str(path)) from None
    if size > limits.max_file_bytes:
        raise LimitExceeded(
            f"file is {size:,} bytes, over max_file_bytes={limits.max_file_bytes:,}",
            path=str(path),
        )
    try:
        with open(path, "rb") as fh:
            return fh.read(limits.max_file_bytes + 1)
    except IsADirectoryError:
        raise DocumentError("is a directory", code="unreadable", path=str(path)) from None
    except OSError as exc:
        raise DocumentError(f"cannot read: {exc.strerror}", code="unreadable", path=str(path)) from None


def read_document(
    source: str | os.PathLike[str] | bytes,
    *,
    filename: str | None = None,
    password: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Read a contract from a path or from bytes (``filename`` names it in messages)."""
    if isinstance(source, bytes):
        data = source
        name = filename or "<bytes>"
        if len(data) > limits.max_file_bytes:
            raise LimitExceeded(
                f"input is {len(data):,} bytes, over max_file_bytes={limits.max_file_bytes:,}",
                path=name,
            )
    else:
        path = Path(source)
        data = read_bytes(path, limits)
        name = filename or str(path)
    try:
        doc = _dispatch(data, name, password, limits)
    except DocumentError as exc:
        if exc.path is None:
            exc.path = name
        raise
    doc.sha256 = hashlib.sha256(data).hexdigest()
    for block in doc.blocks:
        if block.language == "none":
            block.language = detect_language(block.text)
    assign_sections(doc.blocks)
    doc.reindex()
    total = len(doc.text)
    if total > limits.max_chars:
        raise LimitExceeded(
            f"{total:,} characters of text, over max_chars={limits.max_chars:,}", path=name
        )
    return doc


def _dispatch(data: bytes, name: str, password: str | None, limits: Limits) -> Document:
    fmt = sniff_format(data, name)
    if fmt == "docx":
        from .docx_reader import read_docx

        return read_docx(data, name, limits=limits)
    if fmt == "pdf":
        from .pdf_reader import read_pdf

        return read_pdf(data, name, password=password, limits=limits)
    from .text_reader import read_text

    return read_text(data, name, limits=limits)
