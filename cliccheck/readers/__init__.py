"""Readers: turn a file (or bytes) into a :class:`~cliccheck.model.Document`.

:func:`read_document` sniffs the content (never trusting the extension alone),
guards sizes, dispatches to the DOCX, PDF or text reader, then assigns section
numbers and block languages so every reader's output has the same provenance.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

from ..errors import DocumentError, LimitExceeded
from ..limits import DEFAULT_LIMITS, Limits
from ..model import BlockKind, Document
from ..normalize import detect_language
from ..sections import assign_sections
from .ocr import OcrOptions
from .sniff import sniff_format

SUPPORTED_SUFFIXES = (".docx", ".docm", ".pdf", ".txt", ".md", ".markdown", ".text", ".png", ".jpg", ".jpeg",
                      ".tif", ".tiff")


def read_bytes(path: Path, limits: Limits) -> bytes:
    """Read a regular file once, bounded by ``max_file_bytes``.

    Why not ``open()``: opening a FIFO blocks until someone writes to it, and
    ``/dev/zero`` never ends. The file is opened non-blocking and checked with
    ``fstat`` on the open descriptor (no window between the check and the read),
    and the read itself stops one byte past the limit, so a file that grows
    after the check cannot push us past it either.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise DocumentError.of("no-such-file", code="not-found", path=str(path)) from None
    except OSError as exc:
        raise DocumentError.of("cannot-read", reason=exc.strerror, code="unreadable", path=str(path)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DocumentError.of("is-a-directory", code="unreadable", path=str(path))
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError.of("not-a-regular-file", code="unreadable", path=str(path))
        if info.st_size > limits.max_file_bytes:
            raise LimitExceeded.of("file-size", size=f"{info.st_size:,}", limit=f"{limits.max_file_bytes:,}", path=str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise DocumentError.of("cannot-read", reason=exc.strerror, code="unreadable", path=str(path)) from None
    finally:
        os.close(fd)
    if len(data) > limits.max_file_bytes:
        raise LimitExceeded.of("file-grew", limit=f"{limits.max_file_bytes:,}", path=str(path))
    return data


def read_stream(stream: BinaryIO, limits: Limits, name: str = "<stdin>") -> bytes:
    """Read a pipe (standard input) up to ``max_file_bytes``, refusing more without buffering it."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(1 << 20, limits.max_file_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limits.max_file_bytes:
            raise LimitExceeded.of("input-over", limit=f"{limits.max_file_bytes:,}", path=name)
    return b"".join(chunks)


def _locate_excluded(doc: Document) -> None:
    """Give excluded text the section of the block it sits in (or follows), so a warning
    about hidden or deleted text can name the clause; none in headers, footers and notes."""
    located = sorted(((b.paragraph, b.index) for b in doc.blocks), key=lambda item: item[0])
    keys = [paragraph for paragraph, _ in located]
    for item in doc.excluded:
        if item.section is not None or item.paragraph is None:
            continue
        i = bisect.bisect_right(keys, item.paragraph) - 1
        if i >= 0:
            block = doc.blocks[located[i][1]]
            if block.is_body and block.kind not in (BlockKind.FOOTNOTE, BlockKind.ENDNOTE):
                item.section = block.section


def read_document(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    filename: str | None = None,
    password: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    ocr: OcrOptions | None = None,
) -> Document:
    """Read a contract from a path, bytes or a binary stream (``filename`` names it in messages).

    Pass standard input as ``sys.stdin.buffer`` rather than its ``.read()``:
    a stream is read only up to ``max_file_bytes``. ``ocr`` says when to read page images
    by OCR (default: pages without a text layer, when the ``ocr`` extra is installed).
    """
    if hasattr(source, "read"):
        name = filename or "<stdin>"
        data = read_stream(source, limits, name)  # type: ignore[arg-type]
    elif isinstance(source, bytes):
        data = source
        name = filename or "<bytes>"
        if len(data) > limits.max_file_bytes:
            raise LimitExceeded.of("input-size", size=f"{len(data):,}", limit=f"{limits.max_file_bytes:,}", path=name)
    else:
        path = Path(source)  # type: ignore[arg-type]
        data = read_bytes(path, limits)
        name = filename or str(path)
    try:
        doc = _dispatch(data, name, password, limits, ocr)
    except DocumentError as exc:
        if exc.path is None:
            exc.path = name
        raise
    doc.sha256 = hashlib.sha256(data).hexdigest()
    for block in doc.blocks:
        if block.language == "none":
            block.language = detect_language(block.text)
    assign_sections(doc.blocks)
    _locate_excluded(doc)
    doc.reindex()
    total = len(doc.text)
    if total > limits.max_chars:
        raise LimitExceeded.of("text-chars", count=f"{total:,}", limit=f"{limits.max_chars:,}", path=name)
    return doc


def _dispatch(data: bytes, name: str, password: str | None, limits: Limits, ocr: OcrOptions | None) -> Document:
    fmt = sniff_format(data, name, limits)
    if fmt == "image":
        from .ocr import DEFAULT_OPTIONS, read_image

        return read_image(data, name, options=ocr or DEFAULT_OPTIONS, limits=limits)
    if fmt == "docx":
        from .docx_reader import read_docx

        return read_docx(data, name, limits=limits)
    if fmt == "pdf":
        from .pdf_reader import read_pdf

        return read_pdf(data, name, password=password, limits=limits, ocr=ocr)
    from .text_reader import read_text

    return read_text(data, name, limits=limits)
