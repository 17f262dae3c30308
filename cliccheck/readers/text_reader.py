"""Plain text and Markdown contracts.

Encodings: UTF-8 (with or without BOM), UTF-16/32 by BOM, UTF-16 without a
BOM when the NUL pattern is unmistakable, and GB18030 (a superset of GBK and
GB2312, still produced by Chinese tools). Anything else is a clear error:
guessing an encoding would mean matching on mojibake.

Paragraphs are separated by blank lines; inside one, a line that starts with a
clause number starts a new block, other lines are joined (no space between two
CJK characters, one space otherwise).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator

from ..errors import DocumentError, LimitExceeded
from ..limits import Limits
from ..model import Block, BlockKind, Document, TableCell
from ..normalize import is_cjk, normalize
from ..sections import parse_label

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def _plausibility(data: bytes, encoding: str) -> float:
    """Share of characters that are ordinary text when ``data`` is decoded as ``encoding``."""
    if len(data) % 2:
        return 0.0
    try:
        text = data[:65536].decode(encoding)
    except UnicodeDecodeError:
        return 0.0
    if not text:
        return 0.0
    good = sum(1 for ch in text if ch in "\r\n\t" or (unicodedata.category(ch)[0] in "LNPSZ"
               and unicodedata.category(ch) not in ("Co", "Cn")))
    return good / len(text)


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise a coded error."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DocumentError.of("bom-invalid", encoding=encoding, offset=exc.start, code="undecodable") from None
    sample = data[:4096]
    if b"\x00" in sample:
        # UTF-16 without a BOM (Notepad's "Unicode"): pick the byte order whose
        # decoding is plausible text; otherwise NULs mean binary data.
        best = max((_plausibility(data, enc), enc) for enc in ("utf-16-le", "utf-16-be"))
        if best[0] >= 0.97:
            return data.decode(best[1]), best[1]
        raise DocumentError.of("text-binary", code="undecodable")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise DocumentError.of("text-not-utf8", offset=exc.start, code="undecodable") from None
    # GB18030 decodes almost any byte soup; accept it only if it looks like Chinese text.
    cjk = sum(1 for ch in text if is_cjk(ch))
    odd = sum(1 for ch in text if not (ch.isprintable() or ch in "\r\n\t") or 0x80 <= ord(ch) < 0x2E80)
    if cjk == 0 or odd > 0.05 * len(text):
        raise DocumentError.of("text-not-gbk", code="undecodable")
    if _han_in_runs(text) < 0.6:
        # Latin-1/Windows-1252 text whose accented letters pair up into GB18030 characters
        # ("Caf\xe9s" -> "Caf閟"): real Chinese comes in runs, mojibake in isolated characters.
        raise DocumentError.of("text-mojibake", code="undecodable")
    return text, "gb18030"


def _wide(ch: str) -> bool:
    code = ord(ch)
    return is_cjk(ch) or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF


def _han_in_runs(text: str) -> float:
    """Share of CJK characters that have a CJK character or CJK punctuation next to them."""
    total = paired = 0
    for i, ch in enumerate(text):
        if is_cjk(ch):
            total += 1
            if (i > 0 and _wide(text[i - 1])) or (i + 1 < len(text) and _wide(text[i + 1])):
                paired += 1
    return paired / total if total else 0.0


#: A "field" line of a preamble or signature block: 甲方（采购方）：…, 地址：…, Supplier: …
#: Each is its own block, never joined to the next line.
_FIELD_LINE = re.compile(r"^[^\s，。；,;.:：]{1,12}(?:\s?[（(][^）)]{1,12}[）)])?\s?[：:]\s*\S")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _is_heading_line(pending: list[str]) -> bool:
    """A single numbered line without sentence punctuation ("第一条 总则", "4. Payment")."""
    if len(pending) != 1:
        return False
    label = parse_label(pending[0].strip())
    rest = label.rest.strip() if label else ""
    if label is None or label.relative or label.level > 1:
        return False
    return len(rest) <= 40 and not re.search(r"[。；;:：,，.]", rest)


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-"):
            out += line  # a plain-text file is not typeset: keep the hyphen, drop the break
        elif is_cjk(out[-1]) or is_cjk(line[0]) or not (out[-1].isascii() or line[0].isascii()):
            out += line  # never a space next to a CJK character or full-width punctuation
        else:
            out += " " + line
    return out


_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _lines(text: str) -> Iterator[str]:
    """``text.splitlines()`` one line at a time: no list of every line beside the text."""
    start = 0
    for match in _LINE_BREAK.finditer(text):
        yield text[start:match.start()]
        start = match.end()
    if start < len(text):
        yield text[start:]


def _paragraph_too_long(chars: int, limits: Limits) -> LimitExceeded:
    return LimitExceeded.of("paragraph-chars", count=f"{chars:,}", limit=f"{limits.max_paragraph_chars:,}")


def read_text(data: bytes, name: str, *, limits: Limits) -> Document:
    """Read a UTF-8/UTF-16/GB18030 text or Markdown file.

    Memory: the per-character work (normalisation keeps an offset per
    character) costs tens of bytes a character, so sizes are refused before
    it starts: the bytes, then the decoded characters (``max_chars``), then
    each line and paragraph (``max_paragraph_chars``) as it is reached — a
    60 MB one-line file is refused after one decode, not after a copy per stage.
    """
    if len(data) > limits.max_text_bytes:
        raise LimitExceeded.of("text-bytes", size=f"{len(data):,}", limit=f"{limits.max_text_bytes:,}")
    if len(data) > 4 * limits.max_chars + 4:  # even at 4 bytes a character it is too long
        raise LimitExceeded.of("text-bytes-chars", size=f"{len(data):,}", limit=f"{limits.max_chars:,}")
    text, encoding = decode(data)
    del data
    if len(text) > limits.max_chars:
        raise LimitExceeded.of("text-chars", count=f"{len(text):,}", limit=f"{limits.max_chars:,}")
    if "\x00" in text:
        raise DocumentError.of("text-nul", code="undecodable")
    markdown = name.lower().endswith((".md", ".markdown"))
    blocks: list[Block] = []
    paragraph = 0
    table_index = -1
    pending: list[str] = []
    pending_kind = BlockKind.PARAGRAPH
    line_no = 0  # 1-based number of the current source line, for SARIF startLine / GitHub line
    pending_line = 0

    def flush() -> None:
        nonlocal pending, paragraph, pending_kind
        raw = _join(pending)
        pending = []
        if raw:
            cleaned, origin = normalize(raw)
            if cleaned:
                blocks.append(Block(cleaned, kind=pending_kind, paragraph=paragraph, origin=origin,
                                    raw=None if cleaned == raw else raw, line=pending_line or None))
                paragraph += 1
        pending_kind = BlockKind.PARAGRAPH

    in_table = False
    row = 0
    pending_chars = 0
    for line in _lines(text):
        line_no += 1
        if len(line) > limits.max_paragraph_chars:
            raise _paragraph_too_long(len(line), limits)
        if not pending:
            pending_chars = 0
        pending_chars += len(line)
        if pending_chars > limits.max_paragraph_chars:
            raise _paragraph_too_long(pending_chars, limits)
        stripped = line.strip()
        if markdown and stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            flush()
            if not in_table:
                in_table, row = True, 0
                table_index += 1
            if _MD_TABLE_RULE.match(stripped):
                continue
            for column, cell in enumerate(stripped.strip("|").split("|")):
                cleaned, origin = normalize(cell)
                if cleaned:
                    blocks.append(Block(cleaned, kind=BlockKind.TABLE_CELL, paragraph=paragraph,
                                        table=TableCell(table_index, row, column), origin=origin,
                                        raw=None if cleaned == cell else cell, line=line_no))
                    paragraph += 1
            row += 1
            continue
        in_table = False
        if not stripped:
            flush()
            continue
        if markdown and _MD_HEADING.match(line):
            flush()
            pending = [_MD_HEADING.sub("", line).rstrip("#")]
            pending_line = line_no
            pending_kind = BlockKind.HEADING
            flush()
            continue
        if markdown and _MD_BULLET.match(line):
            flush()
            pending = [_MD_BULLET.sub("", line)]
            pending_line = line_no
            pending_kind = BlockKind.LIST_ITEM
            continue
        if pending and (parse_label(stripped) is not None or _is_heading_line(pending)
                        or _FIELD_LINE.match(stripped) or _FIELD_LINE.match(pending[-1].strip())):
            flush()
        if not pending:
            pending_line = line_no
        pending.append(line)
    flush()
    doc = Document(path=name, format="text", blocks=blocks)
    if encoding != "utf-8":
        doc.warnings.append(f"decoded as {encoding}")
    return doc
