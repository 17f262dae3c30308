"""Identify a document by its bytes, and say clearly what we cannot read.

The extension is a hint; the content decides. A ``.doc`` renamed ``.docx``
or a PDF named ``.txt`` gets a message naming the format found and how to
convert it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from ..errors import DocumentError

CONVERT_HINT = "convert it to .docx first, e.g. `soffice --headless --convert-to docx FILE`"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
DOCX_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}


def _zip_kind(data: bytes) -> str:
    """docx, odt, xlsx/pptx/other-ooxml, or zip, from the package's member names."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                try:
                    mime = zf.read("mimetype")[:100].decode("ascii", "replace")
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
    except zipfile.BadZipFile:
        return "bad-zip"
    except (OSError, ValueError, EOFError):
        return "bad-zip"


def sniff_format(data: bytes, name: str) -> str:
    """Return ``docx``, ``pdf`` or ``text``; raise a coded error for anything else."""
    suffix = PurePath(name).suffix.lower()
    if not data:
        raise DocumentError("the file is empty (0 bytes)", code="empty-file")
    head = data[:8]
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if suffix == ".pdf":
        raise DocumentError("named .pdf but is not a PDF (no %PDF- header)", code="not-a-pdf")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        kind = _zip_kind(data)
        if kind == "docx":
            return "docx"
        if kind == "odt":
            raise DocumentError(f"an OpenDocument text (.odt): {CONVERT_HINT}", code="unsupported-format")
        if kind == "pages":
            raise DocumentError("an Apple Pages document: export it to .docx or PDF from Pages",
                                code="unsupported-format")
        if kind in ("xlsx", "pptx"):
            raise DocumentError(f"a spreadsheet or presentation ({kind}), not a contract document",
                                code="unsupported-format")
        if kind == "bad-zip":
            raise DocumentError("damaged or truncated zip container: re-save the document in Word",
                                code="not-a-docx" if suffix in DOCX_SUFFIXES else "corrupt")
        raise DocumentError("a zip file without word/document.xml: not a Word document",
                            code="not-a-docx")
    if head.startswith(OLE_MAGIC):
        if ENCRYPTED_PACKAGE in data[:65536] or ENCRYPTED_PACKAGE in data:
            raise DocumentError(
                "password-protected Word document: remove the password in Word "
                "(File > Info > Protect Document) and lint the saved copy",
                code="encrypted",
            )
        raise DocumentError(f"a legacy Word 97-2003 (.doc) file: {CONVERT_HINT}",
                            code="unsupported-format")
    if head.startswith(b"{\\rtf"):
        raise DocumentError(f"an RTF document: {CONVERT_HINT}", code="unsupported-format")
    if suffix in DOCX_SUFFIXES:
        raise DocumentError("named .docx but is not a Word document (no zip container)",
                            code="not-a-docx")
    if suffix in {".doc", ".rtf", ".odt", ".pages", ".wps"}:
        raise DocumentError(f"unsupported format {suffix}: {CONVERT_HINT}", code="unsupported-format")
    return "text"
