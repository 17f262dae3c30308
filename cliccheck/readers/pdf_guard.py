"""Bound what pdfium will inflate and parse, before it sees the file.

pdfium inflates a page's whole content stream when the page is loaded, and
builds an object for every text, path and image operator in it: a 1 MB
FlateDecode stream of spaces becomes 1 GB in memory, and 97 KB of tiny text
objects costs 800 MB. So *every* stream in the file is decoded here first,
in 1 MB pieces that are counted and thrown away, whatever its dictionary
says (a filter can be indirect, the dictionary can be long or lie, a
content stream can call itself an image):

* each layer is recognised by its bytes, not by ``/Filter``: a zlib header
  is inflated, ASCII85/ASCIIHex text that decodes to another layer is
  decoded, an LZW stream (it starts with a clear code) is measured; double
  Flate is inflated twice (the middle layer is kept only while it is under
  the limit); RunLength is measured when the dictionary names it;
* in an encrypted file (an owner password only: pdfium opens it without
  asking) each stream is decrypted first, with the object's own key
  (pdfminer's standard security handler; pdfplumber brings it);
* the result may not exceed ``limits.max_member_bytes``, nor
  ``limits.max_compression_ratio`` times its compressed size once over 32
  MB, nor hold more than ``limits.max_stream_objects`` operators that make
  page objects (text shows, painted paths, images).

Pages are read and closed one at a time, so one stream, not the sum, is
what must fit in memory.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import io
import re
import zlib
from collections.abc import Iterator

from ..errors import DocumentError, LimitExceeded
from ..limits import Limits

_CHUNK = 1 << 20
#: A stream must expand past this before its ratio alone condemns it.
RATIO_FLOOR = 32 << 20
#: Layers of encoding followed at most (a normal stream has one or two).
MAX_LAYERS = 6
#: Operators that make a page object in pdfium: text shows, path painting, XObjects, inline
#: images, shadings. Counted with ``bytes.count`` (C speed) after all whitespace is made a space.
_TEXT_OPS = (b"Tj", b"TJ", b"'", b'"', b"Do", b"BI", b" sh ")
_PAINT_OPS = tuple(f" {op} ".encode() for op in ("f", "F", "S", "s", "B", "b", "f*", "B*", "b*"))
_SPACES = bytes.maketrans(b"\t\r\n\x0c\x00[]()<>/", b"            ")
_OBJ_HEADER = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+obj\s*$")


def _streams(data: bytes) -> Iterator[tuple[int, int]]:
    """(offset of the ``stream`` keyword, offset of the data) for each stream (bytes.find: fast)."""
    pos = data.find(b"stream")
    while pos >= 0:
        after = pos + 6
        if data[pos - 3:pos] != b"end":
            if data[after:after + 2] == b"\r\n":
                yield pos, after + 2
            elif data[after:after + 1] in (b"\n", b"\r"):
                yield pos, after + 1
        pos = data.find(b"stream", after)


def _header_before(data: bytes, pos: int) -> tuple[bytes, tuple[int, int] | None]:
    """The stream's dictionary (from its ``N G obj`` to ``stream``, however long) and (N, G)."""
    start = data.rfind(b"obj", 0, pos)
    if start < 0:
        return data[max(0, pos - 4096):pos], None
    m = _OBJ_HEADER.search(data, max(0, start - 20), start + 3)
    number = (int(m.group(1)), int(m.group(2))) if m else None
    return data[start + 3:pos], number


def _is_zlib(head: bytes | memoryview) -> bool:
    return len(head) >= 2 and head[0] & 0x0F == 8 and head[0] >> 4 <= 7 and (head[0] << 8 | head[1]) % 31 == 0


class _Over(Exception):
    """A stream decodes to more than a limit allows; ``key`` (a catalogue ``err.*`` key) says which."""

    def __init__(self, key: str, **values: object):
        super().__init__(key)
        self.key, self.values = key, values


class _Budget:
    """Counts one stream's decoded bytes and page-object operators against the limits."""

    def __init__(self, limits: Limits, compressed: int):
        self.limits = limits
        self.compressed = max(compressed, 1)
        self.objects = 0

    def check_size(self, size: int) -> None:
        if size > self.limits.max_member_bytes:
            raise _Over("pdf-stream-bytes", limit=f"{self.limits.max_member_bytes:,}")
        if size > RATIO_FLOOR and size > self.limits.max_compression_ratio * self.compressed:
            raise _Over("pdf-stream-ratio", times=f"{size // self.compressed:,}",
                        limit=self.limits.max_compression_ratio)

    def count(self, chunk: bytes) -> None:
        """Operators in the final layer (one cut across an operator per megabyte is not missed
        often enough to matter)."""
        spaced = chunk.translate(_SPACES)
        self.objects += sum(chunk.count(op) for op in _TEXT_OPS) + sum(spaced.count(op) for op in _PAINT_OPS)
        if self.objects > self.limits.max_stream_objects:
            raise _Over("pdf-stream-objects", limit=f"{self.limits.max_stream_objects:,}")


def _inflate(layer: bytes | memoryview, budget: _Budget) -> bytes | None:
    """Inflate ``layer`` in pieces: the output when it is itself another encoded layer (kept while
    under the limits), else None after counting it."""
    inflater = zlib.decompressobj()
    total = 0
    kept: list[bytes] | None = None
    pending = layer
    try:
        while pending:
            out = inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
            if kept is None and total == 0 and out:
                kept = [] if _encoded(out[:64]) else None
            total += len(out)
            budget.check_size(total)
            if kept is not None:
                kept.append(out)
            elif out:
                budget.count(out)
            if inflater.eof or not out:  # after the end, trailing bytes stay in unconsumed_tail
                break
    except zlib.error:
        pass  # broken data: pdfium stops where zlib stops, so do we
    return b"".join(kept) if kept is not None else None


def _encoded(head: bytes) -> bool:
    """Does this look like another layer of encoding (zlib, LZW, ASCII85 or hex of one)?"""
    if _is_zlib(head) or head[:1] == b"\x80":
        return True
    text = head.strip()
    return bool(text) and all(33 <= c <= 126 or c in b" \t\r\n\x0c" for c in text)


def _ascii_layer(layer: bytes | memoryview) -> bytes | None:
    """ASCII85 or ASCIIHex text that decodes to another layer, decoded; else None. A 1 KB prefix
    is tried first, so a long plain content stream is not decoded for nothing."""

    def hex_decode(body: bytes) -> bytes:
        digits = re.sub(rb"[^0-9A-Fa-f]", b"", body.split(b">", 1)[0])
        return binascii.unhexlify(digits + b"0" * (len(digits) % 2))

    def a85_decode(body: bytes) -> bytes:
        body = body[2:] if body.startswith(b"<~") else body
        return base64.a85decode(body.split(b"~>", 1)[0], ignorechars=b" \t\r\n\x0c")

    head = bytes(layer[:1024]).strip()
    for decode in (hex_decode, a85_decode):
        try:
            probe = decode(head[: len(head) - len(head) % 10] if decode is a85_decode else head)
            if not (_is_zlib(probe[:2]) or probe[:1] == b"\x80"):
                continue
            return decode(bytes(layer).strip())
        except (ValueError, binascii.Error):
            continue
    return None


def _lzw_size(layer: bytes | memoryview, budget: _Budget) -> bool:
    """Measure an LZW stream's output without producing it (entry lengths only); False if it is
    not LZW after all."""
    lengths = [1] * 256 + [0, 0]  # 256 clear, 257 end of data
    bits, width, total, prev = 0, 9, 0, -1
    acc = 0
    for byte in layer:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= width:
            bits -= width
            code = (acc >> bits) & ((1 << width) - 1)
            acc &= (1 << bits) - 1
            if code == 256:
                del lengths[258:]
                width, prev = 9, -1
                continue
            if code == 257:
                return True
            if code < len(lengths):
                size = lengths[code]
            elif code == len(lengths) and prev >= 0:
                size = lengths[prev] + 1
            else:
                return total > 0
            if prev >= 0 and len(lengths) < 4096:
                lengths.append(lengths[prev] + 1)
            prev = code
            total += size
            budget.check_size(total)
            if len(lengths) + 1 >= (1 << width) and width < 12:
                width += 1
    return True


def _runlength_size(layer: bytes | memoryview, budget: _Budget) -> None:
    total, i, n = 0, 0, len(layer)
    while i < n:
        length = layer[i]
        if length == 128:
            break
        if length < 128:
            total += length + 1
            i += length + 2
        else:
            total += 257 - length
            i += 2
        if total > 1 << 20:
            budget.check_size(total)
    budget.check_size(total)


def _measure(layer: bytes | memoryview, dictionary: bytes, budget: _Budget) -> None:
    """Follow the layers of one stream's data, counting what the last one holds."""
    for _ in range(MAX_LAYERS):
        if _is_zlib(layer[:2]):
            inner = _inflate(layer, budget)
            if inner is None:
                return
            layer = inner
            continue
        if layer[:1] == b"\x80" and _lzw_size(layer, budget):
            return
        inner = _ascii_layer(layer) if _encoded(bytes(layer[:64])) else None
        if inner is not None:
            layer = inner
            continue
        if b"RunLength" in dictionary or b"/RL" in dictionary:
            _runlength_size(layer, budget)
            return
        for piece in range(0, len(layer), _CHUNK):
            budget.count(bytes(layer[piece:piece + _CHUNK]))
        return
    raise _Over("pdf-stream-layers", limit=MAX_LAYERS)


def _decipher(data: bytes, password: str | None):  # type: ignore[no-untyped-def]
    """pdfminer's decryption function for this file, or None when it is not encrypted."""
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        return PDFDocument(PDFParser(io.BytesIO(data)), password=password or "").decipher
    except PDFPasswordIncorrect:
        return None  # pdfium will ask for the password (or refuse the wrong one)
    except Exception:  # pdfminer raises many types on damaged or unusual files
        raise DocumentError.of("pdf-encrypted-unchecked", code="encrypted") from None


def check_streams(data: bytes, limits: Limits, password: str | None = None) -> None:
    """Raise :class:`LimitExceeded` if any stream would decode beyond the limits (see module doc)."""
    decipher = _decipher(data, password) if b"/Encrypt" in data else None
    for start, body in _streams(data):
        end = data.find(b"endstream", body)
        if end < 0:
            end = len(data)
        if end <= body:
            continue
        dictionary, number = _header_before(data, start)
        raw = memoryview(data)[body:end]  # not a copy: a content stream can be most of a 200 MB file
        layers: list[bytes | memoryview] = [raw]
        if decipher is not None and number is not None:
            # a stream that is not encrypted (XRef) or damaged: the raw bytes are measured anyway
            with contextlib.suppress(Exception):
                layers.append(decipher(number[0], number[1], bytes(raw)))
        for layer in layers:
            try:
                _measure(layer, dictionary, _Budget(limits, len(raw)))
            except _Over as exc:
                raise LimitExceeded.of(exc.key, at=f"{body:,}", **exc.values) from None
