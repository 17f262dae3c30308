"""Identify a document by its bytes, and say clearly what we cannot read.

The extension is a hint; the content decides. A ``.doc`` renamed ``.docx``
or a PDF named ``.txt`` gets a message naming the format found and how to
convert it.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import PurePath

from ..errors import DocumentError, LimitExceeded
from ..limits import DEFAULT_LIMITS, Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
#: Image formats cliccheck does not OCR, by magic bytes: say how to convert them.
OTHER_IMAGES = {b"GIF87a": "GIF", b"GIF89a": "GIF", b"BM": "BMP", b"RIFF": "WebP"}
DOCX_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}


_EOCD = b"PK\x05\x06"
_CDIR = b"PK\x01\x02"


def zip_member_count(data: bytes, stop: int) -> int | None:
    """Count central-directory entries, giving up after ``stop``; None if the directory is not found.

    Why: ``zipfile.ZipFile`` builds a Python object for every entry before any
    other check can run (about 700 bytes each: a 120 MB zip of empty members
    costs over 700 MB). Walking the records with ``struct`` costs nothing.
    """
    eocd = data.rfind(_EOCD, max(0, len(data) - 65_557))
    if eocd < 0 or eocd + 22 > len(data):
        return None
    cd_size, cd_offset = struct.unpack_from("<II", data, eocd + 12)
    pos = eocd - cd_size  # where the directory really is, even with bytes prepended to the zip
    if cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF or pos < 0:
        return None  # ZIP64: leave it to zipfile (a DOCX never needs it)
    count = 0
    while pos + 46 <= eocd and data[pos:pos + 4] == _CDIR:
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, pos + 28)
        pos += 46 + name_len + extra_len + comment_len
        count += 1
        if count > stop:
            break
    return count


def _zip_kind(data: bytes) -> str:
    """docx, odt, xlsx/pptx/other-ooxml, or zip, from the package's member names."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                try:  # read 100 bytes, never the whole member: it may be a bomb
                    with zf.open("mimetype") as fh:
                        mime = fh.read(100)[:100].decode("ascii", "replace")
                except Exception:
                    mime = ""
                if "opendocument" in mime:
                    return "odt"
            if "word/document.xml" in names:
                return "docx"
            if "[Content_Types].xml" in names:
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
                if any(n.startswith("ppt/") for n in names):
                    return "pptx"
                return "ooxml-without-document"
            if any(n.endswith(".iwa") or n.startswith("Index/") for n in names):
                return "pages"
            return "zip"
    except Exception:  # zipfile raises BadZipFile, ValueError, NotImplementedError, EOFError,
        # UnicodeDecodeError ... on damaged input (found by fuzzing); any of them means a damaged zip.
        return "bad-zip"


def _looks_like_ooxml(data: bytes) -> bool:
    """A damaged zip whose local headers still name Word package parts."""
    head = data[:65536]
    return b"[Content_Types].xml" in head or b"word/" in head or b"_rels/" in head


def _is_zip_too(data: bytes) -> bool:
    """Does a file that PDF readers open also hold a zip that zip readers open (its end-of-directory
    record within the last 64 KB, a central directory with at least one entry before it)?"""
    return bool(zip_member_count(data, 1)) or (data.startswith(b"PK\x03\x04") and b"PK\x01\x02" in data)


def sniff_format(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """Return ``docx``, ``pdf``, ``image`` (PNG/JPEG/TIFF, read by OCR) or ``text``; raise a coded
    error for anything else.

    A polyglot, a file both a PDF reader and a zip reader open (a PDF with a DOCX appended, a
    DOCX after a PDF header), is refused as ``ambiguous-package``: which one a person sees
    depends on the program they open it with, so neither can be vouched for.
    """
    suffix = PurePath(name).suffix.lower()
    if not data:
        raise DocumentError.of("empty", code="empty-file")
    head = data[:8]
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        if _is_zip_too(data):
            raise DocumentError.of("polyglot", code="ambiguous-package")
        return "pdf"
    if suffix == ".pdf":
        raise DocumentError.of("not-a-pdf", code="not-a-pdf")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        members = zip_member_count(data, limits.max_zip_members)
        if members is not None and members > limits.max_zip_members:
            raise LimitExceeded.of("zip-members", limit=f"{limits.max_zip_members:,}")
        kind = _zip_kind(data)
        if kind == "docx":
            return "docx"
        if kind == "odt":
            raise DocumentError.of("odt", code="unsupported-format")
        if kind == "pages":
            raise DocumentError.of("pages", code="unsupported-format")
        if kind in ("xlsx", "pptx"):
            raise DocumentError.of("office-other", kind=kind, code="unsupported-format")
        if kind == "bad-zip":
            # A Word package cut short is damaged ("corrupt"), not a different format.
            damaged = suffix not in DOCX_SUFFIXES or _looks_like_ooxml(data)
            raise DocumentError.of("bad-zip", code="corrupt" if damaged else "not-a-docx")
        raise DocumentError.of("zip-not-docx", code="not-a-docx")
    from .ocr import sniff_image

    if sniff_image(data) is not None:
        return "image"
    if suffix in IMAGE_SUFFIXES:
        raise DocumentError.of("not-an-image", suffix=suffix, code="corrupt")
    for magic, kind in OTHER_IMAGES.items():
        confirmed = {"WebP": data[8:12] == b"WEBP",
                     "BMP": len(data) > 26 and int.from_bytes(data[2:6], "little") == len(data)}.get(kind, True)
        if data.startswith(magic) and confirmed:
            raise DocumentError.of("other-image", kind=kind, code="unsupported-format")
    if head.startswith(OLE_MAGIC):
        if ENCRYPTED_PACKAGE in data[:65536] or ENCRYPTED_PACKAGE in data:
            raise DocumentError.of("encrypted-docx", code="encrypted")
        raise DocumentError.of("doc", code="unsupported-format")
    if head.startswith(b"{\\rtf"):
        raise DocumentError.of("rtf", code="unsupported-format")
    if suffix in DOCX_SUFFIXES:
        raise DocumentError.of("not-a-docx", code="not-a-docx")
    if suffix in {".doc", ".rtf", ".odt", ".pages", ".wps"}:
        raise DocumentError.of("unsupported-suffix", suffix=suffix, code="unsupported-format")
    return "text"
