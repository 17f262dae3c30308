"""Receiving an upload: streamed to a private folder, bounded, removed after the request.

Why not the framework's form parsing: it spools large files to the system's
shared temporary folder and has no limit on a file's size. Here the body is
streamed through python-multipart (or taken raw) straight into a file in a
folder only this process can read (mode 0700), and the request is refused
with 413 as soon as the limit is passed, before the rest is read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import Said

try:  # python-multipart >= 0.0.13 installs as python_multipart
    from python_multipart.multipart import MultipartParser, parse_options_header
except ImportError:  # pragma: no cover - older releases
    from multipart.multipart import MultipartParser, parse_options_header  # type: ignore[no-redef]

#: Form fields other than the file: small, few (they are options, not content).
MAX_FIELDS = 16
MAX_FIELD_BYTES = 4096
#: Bytes of multipart framing allowed beyond the file itself.
FRAMING_BYTES = 64 * 1024
MAX_NAME_CHARS = 120


class UploadError(Exception):
    """A request whose body cannot be accepted; ``status`` is the HTTP status to answer."""

    def __init__(self, status: int, code: str, message: str):
        """``message``: a :class:`~cliccheck.i18n.Said`, the English that can be said in the client's language."""
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass(slots=True)
class Upload:
    """The received document: where it is, its client-side name, size and sha256."""

    path: Path
    filename: str
    size: int = 0
    sha256: str = ""
    fields: dict[str, str] = field(default_factory=dict)


def safe_filename(name: str | None) -> str:
    """The client's file name reduced to a harmless base name (it names the document in reports)."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if ch.isprintable() and ch not in "<>:\"|?*")
    name = name.strip().lstrip(".")
    if len(name) > MAX_NAME_CHARS:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: MAX_NAME_CHARS - len(suffix) - 1] + dot + suffix) if dot and len(suffix) < 10 \
            else name[:MAX_NAME_CHARS]
    return name or "upload"


class PrivateFolder:
    """The service's own temporary folder (0700); each request gets a subfolder removed after it."""

    def __init__(self, parent: str | None = None):
        self.root = Path(tempfile.mkdtemp(prefix="cliccheck-serve-", dir=parent))
        os.chmod(self.root, 0o700)

    @contextlib.contextmanager
    def request_dir(self):  # type: ignore[no-untyped-def]
        path = Path(tempfile.mkdtemp(prefix="req-", dir=self.root))
        try:
            yield path
        finally:
            shutil.rmtree(path, ignore_errors=True)

    def entries(self) -> list[str]:
        try:
            return sorted(os.listdir(self.root))
        except OSError:
            return []

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


class _Sink:
    """Writes one file, counting and hashing, refusing past ``limit`` bytes."""

    def __init__(self, path: Path, limit: int):
        self.path = path
        self.limit = limit
        self.size = 0
        self.digest = hashlib.sha256()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        self.handle = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise UploadError(413, "too-large", Said("service.too-large", limit=f"{self.limit:,}"))
        self.digest.update(data)
        self.handle.write(data)

    def close(self) -> None:
        self.handle.close()


async def receive(stream: AsyncIterator[bytes], content_type: str, folder: Path, *, limit: int,
                  filename: str | None, content_length: str | None) -> Upload:
    """Stream the request body into ``folder``: multipart (field ``file``) or the raw document."""
    if content_length and content_length.isdigit() and int(content_length) > limit + FRAMING_BYTES:
        raise UploadError(413, "too-large", Said("service.too-large", limit=f"{limit:,}"))
    target = folder / "document"
    ctype, params = parse_options_header(content_type or "")
    if ctype == b"multipart/form-data":
        upload = await _receive_multipart(stream, params.get(b"boundary"), target, limit)
    else:
        sink = _Sink(target, limit)
        try:
            async for chunk in stream:
                sink.write(chunk)
        finally:
            sink.close()
        upload = Upload(target, safe_filename(filename), sink.size, sink.digest.hexdigest())
    if filename and ctype == b"multipart/form-data":
        upload.filename = safe_filename(filename)  # an explicit ?filename= wins over the part's name
    if upload.size == 0:
        raise UploadError(400, "empty-file", Said("service.empty"))
    return upload


async def _receive_multipart(stream: AsyncIterator[bytes], boundary: bytes | None, target: Path,
                             limit: int) -> Upload:
    if not boundary:
        raise UploadError(400, "bad-request", Said("service.no-boundary"))
    state: dict[str, object] = {"headers": {}, "field": b"", "value": b"", "name": None, "filename": None,
                                "buffer": None, "sink": None, "files": 0}
    fields: dict[str, str] = {}
    sinks: list[_Sink] = []

    def on_header_field(data: bytes, start: int, end: int) -> None:
        state["field"] = state["field"] + data[start:end]  # type: ignore[operator]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        state["value"] = state["value"] + data[start:end]  # type: ignore[operator]

    def on_header_end() -> None:
        headers = state["headers"]
        assert isinstance(headers, dict)
        if len(headers) > 16:
            raise UploadError(400, "bad-request", Said("service.too-many-headers"))
        headers[bytes(state["field"]).lower()] = bytes(state["value"])  # type: ignore[arg-type]
        state["field"], state["value"] = b"", b""

    def on_headers_finished() -> None:
        headers = state["headers"]
        assert isinstance(headers, dict)
        _, disposition = parse_options_header(headers.get(b"content-disposition", b""))
        name = disposition.get(b"name", b"").decode("utf-8", "replace")
        part_filename = disposition.get(b"filename")
        if part_filename is not None or name == "file":
            if name != "file" or state["files"]:
                raise UploadError(400, "bad-request", Said("service.one-file"))
            state["files"] = 1
            state["filename"] = (part_filename or b"").decode("utf-8", "replace")
            sink = _Sink(target, limit)
            sinks.append(sink)
            state["sink"] = sink
        else:
            if len(fields) >= MAX_FIELDS:
                raise UploadError(400, "bad-request", Said("service.too-many-fields", max=MAX_FIELDS))
            state["name"] = name
            state["buffer"] = bytearray()

    def on_part_data(data: bytes, start: int, end: int) -> None:
        sink = state["sink"]
        if isinstance(sink, _Sink):
            sink.write(data[start:end])
            return
        buffer = state["buffer"]
        assert isinstance(buffer, bytearray)
        buffer.extend(data[start:end])
        if len(buffer) > MAX_FIELD_BYTES:
            raise UploadError(413, "too-large", Said("service.field-too-large", max=MAX_FIELD_BYTES))

    def on_part_end() -> None:
        sink = state["sink"]
        if isinstance(sink, _Sink):
            sink.close()
        elif isinstance(state["buffer"], bytearray):
            fields[str(state["name"])] = bytes(state["buffer"]).decode("utf-8", "replace")
        state.update(headers={}, sink=None, buffer=None, name=None)

    parser = MultipartParser(boundary, callbacks={
        "on_header_field": on_header_field, "on_header_value": on_header_value, "on_header_end": on_header_end,
        "on_headers_finished": on_headers_finished, "on_part_data": on_part_data, "on_part_end": on_part_end,
    })
    total = 0
    try:
        async for chunk in stream:
            total += len(chunk)
            if total > limit + FRAMING_BYTES:
                raise UploadError(413, "too-large", Said("service.too-large", limit=f"{limit:,}"))
            parser.write(chunk)
        parser.finalize()
    except UploadError:
        raise
    except Exception as exc:  # the parser's own errors: a malformed body
        raise UploadError(400, "bad-request", Said("service.malformed", kind=type(exc).__name__)) from None
    finally:
        for sink in sinks:
            with contextlib.suppress(Exception):
                sink.close()
    if not sinks:
        raise UploadError(400, "bad-request", Said("service.no-document"))
    sink = sinks[0]
    return Upload(target, safe_filename(str(state["filename"] or "")), sink.size, sink.digest.hexdigest(),
                  fields)
