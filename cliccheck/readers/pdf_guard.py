"""Bound what pdfium will inflate, before it sees the file.

pdfium inflates a page's whole content stream when the page is loaded: a
1 MB FlateDecode stream of spaces becomes 1 GB in memory. So a FlateDecode
stream that text extraction could make pdfium decode (content streams,
fonts, object streams; not images, which are only decoded to be drawn) and
that is big enough to matter (deflate expands at most ~1032:1) is inflated
here first, in 1 MB pieces that are thrown away: over
``limits.max_member_bytes``, or more than ``limits.max_compression_ratio``
times to over 32 MB, and the PDF is refused before pdfium opens it. Pages
are read and closed one at a time, so one stream, not the sum, is what must
fit in memory. A normal contract has no stream big enough to be checked
beyond its embedded fonts.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib

from ..errors import LimitExceeded
from ..limits import Limits

_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_FLATE = {b"FlateDecode", b"Fl"}
_ASCII = {b"ASCII85Decode", b"A85", b"ASCIIHexDecode", b"AHx"}
_CHUNK = 1 << 20
#: A stream must expand past this before its ratio alone condemns it.
RATIO_FLOOR = 32 << 20
#: The most deflate can expand (about 1032:1): smaller streams cannot reach the limits.
DEFLATE_MAX_RATIO = 1032


def _streams(data: bytes):  # type: ignore[no-untyped-def]
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


def _dictionary_before(data: bytes, pos: int) -> bytes:
    """The stream's dictionary: the text between the last ``obj`` keyword and ``stream``."""
    window = data[max(0, pos - 4096):pos]
    start = window.rfind(b"obj")
    return window[start + 3:] if start >= 0 else window


def _inflated_size(compressed: bytes, budget: int) -> int:
    """Bytes ``compressed`` inflates to, counting stops once ``budget`` is passed."""
    inflater = zlib.decompressobj()
    total = 0
    try:
        out = inflater.decompress(compressed, _CHUNK)
        total += len(out)
        while inflater.unconsumed_tail and total <= budget:
            out = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
            total += len(out)
            if not out:
                break
    except zlib.error:
        return total  # broken data: pdfium will fail on it or skip it
    return total


def _filters(dictionary: bytes) -> list[bytes]:
    m = _FILTER.search(dictionary)
    return _NAME.findall(m.group(1)) if m else []


def _ascii_decode(raw: bytes, name: bytes) -> bytes:
    """Undo an ASCII filter that sits in front of FlateDecode (reportlab writes A85 + Flate)."""
    try:
        if name in (b"ASCII85Decode", b"A85"):
            body = raw.strip()
            if body.startswith(b"<~"):
                body = body[2:]
            return base64.a85decode(body.split(b"~>", 1)[0], ignorechars=b" \t\r\n\x0c")
        return binascii.unhexlify(re.sub(rb"\s", b"", raw.split(b">", 1)[0]).ljust(2, b"0"))
    except (ValueError, binascii.Error):
        return b""


def check_streams(data: bytes, limits: Limits) -> None:
    """Raise :class:`LimitExceeded` if a stream pdfium may decode would inflate beyond the limits."""
    cap = limits.max_member_bytes
    for start, body in _streams(data):
        end = data.find(b"endstream", body)
        if end < 0:
            end = len(data)
        size = end - body
        if size * DEFLATE_MAX_RATIO <= min(cap, RATIO_FLOOR):
            continue  # too small to break either limit even at deflate's maximum ratio
        dictionary = _dictionary_before(data, start)
        if b"/Image" in dictionary:
            continue
        filters = _filters(dictionary)
        if not any(f in _FLATE for f in filters):
            continue
        raw = data[body:end]
        for name in filters:
            if name in _FLATE:
                break
            if name not in _ASCII:
                raw = b""  # an unusual filter chain: leave it to pdfium
                break
            raw = _ascii_decode(raw, name)
        inflated = _inflated_size(raw, cap) if raw else 0
        if inflated > cap:
            raise LimitExceeded(f"a compressed stream at byte {body:,} inflates to over "
                                f"max_member_bytes={cap:,}")
        if inflated > RATIO_FLOOR and inflated > limits.max_compression_ratio * max(size, 1):
            raise LimitExceeded(
                f"a compressed stream at byte {body:,} inflates {inflated // max(size, 1):,} times "
                f"(over max_compression_ratio={limits.max_compression_ratio})")
