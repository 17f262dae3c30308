"""The document model every stage after the reader works on.

A :class:`Document` is an ordered list of :class:`Block` objects. The text the
matcher sees is ``Document.text``: the blocks' normalised texts joined by a
single ``"\\n"``. Every block knows its ``start``/``end`` in that string, so an
evidence span found anywhere downstream (``doc.text[a:b]``) can be mapped back
to its block, page, section and paragraph with :meth:`Document.locate`.

Text that a reader of the printed contract would not see (hidden, deleted,
comments, field codes, white or tiny text, text off the page) never enters the
blocks; it is kept in ``Document.excluded`` with its location so that rules
can warn about it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    HEADER = "header"
    FOOTER = "footer"
    TEXTBOX = "textbox"


#: Kinds whose text is kept but which the matcher must not treat as contract
#: clauses (running headers and footers can be anything a template left there).
NON_BODY_KINDS = frozenset({BlockKind.HEADER, BlockKind.FOOTER})


class ExcludedKind(StrEnum):
    HIDDEN = "hidden"  # w:vanish / w:specVanish
    DELETED = "deleted"  # w:del / w:delText
    MOVED_FROM = "moved_from"  # w:moveFrom
    COMMENT = "comment"  # comment bodies
    FIELD_CODE = "field_code"  # w:instrText
    WHITE_TEXT = "white_text"  # text coloured (near) white
    TINY_TEXT = "tiny_text"  # 2 pt or smaller
    OFF_PAGE = "off_page"  # placed outside the page box
    RUNNING_HEADER = "running_header"  # PDF running header/footer/page number removed from the body
    OPTIONAL_CONTENT = "optional_content"  # PDF optional-content layer that is off by default


@dataclass(frozen=True, slots=True)
class TableCell:
    """Where a table-cell block sits; ``depth`` > 0 for nested tables."""

    table: int
    row: int
    column: int
    depth: int = 0


@dataclass(slots=True)
class OcrInfo:
    """Provenance of a block read by OCR: where on the page it was and how sure the engine was of
    each character, so that uncertain words can never decide a verdict (:mod:`cliccheck.ocr_gate`)."""

    box: tuple[float, float, float, float]  # x0, y0, x1, y1 as fractions of the page, from its top left
    confidences: Sequence[float]  # one per character of Block.text, 0..1
    engine: str = ""
    #: the paragraph breaks off mid-sentence at the foot of the last page read: the rest of it (which
    #: may qualify it) was not seen
    cut: bool = False

    @property
    def confidence(self) -> float:
        """The lowest character confidence: the block is only as sure as its weakest character."""
        return min(self.confidences) if self.confidences else 0.0

    @property
    def mean(self) -> float:
        return sum(self.confidences) / len(self.confidences) if self.confidences else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"engine": self.engine, "box": [round(v, 4) for v in self.box],
                "confidence": round(self.confidence, 3), "mean_confidence": round(self.mean, 3),
                "confidences": [round(c, 3) for c in self.confidences]}


@dataclass(slots=True, frozen=True)
class Seal:
    """A seal (公章, a red stamp) found on a scanned page: a fact a lawyer wants to know. ``box``
    is in fractions of the page from its top left, as for :class:`OcrInfo`."""

    page: int
    box: tuple[float, float, float, float]
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "box": [round(v, 4) for v in self.box], "detail": self.detail}


_EN_WORD = re.compile(r"[A-Za-z]{2,}")
_ZH_CHAR = re.compile(r"[\u3400-\u9fff]")


def _is_prose(text: str, language: str) -> bool:
    """Enough words to be a sentence: three English words, or four Chinese characters ("NMS V7.2" is neither)."""
    if language == "en":
        return len(_EN_WORD.findall(text)) >= 3
    return len(_ZH_CHAR.findall(text)) >= 4


@dataclass(slots=True)
class Block:
    """One paragraph-like unit of contract text with its provenance."""

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    paragraph: int = 0  # index of the source paragraph in reading order
    page: int | None = None  # first page (1-based); None where the format has no pages
    page_end: int | None = None  # last page when the block crosses a page break
    section: str | None = None  # governing clause number: "4.1", "第四条", "（一）"
    section_title: str | None = None
    label: str | None = None  # list/clause number shown before the text, if any
    line: int | None = None  # 1-based line of the source file where the block starts (text and Markdown)
    style: str | None = None  # source style name (DOCX) where known
    table: TableCell | None = None
    language: str = "none"  # zh | en | mixed | none
    flags: frozenset[str] = field(default_factory=frozenset)
    index: int = 0  # position in Document.blocks (set by Document)
    start: int = 0  # offset of text in Document.text (set by Document)
    end: int = 0
    #: origin[i] is the offset in the raw (un-normalised) source text of the
    #: block for normalised character i; used to map evidence back to runs.
    #: A list, or a compact equivalent (normalize.IdentityOrigin) when normalising changed nothing.
    origin: Sequence[int] | None = field(default=None, repr=False)
    #: The text as the source has it, before normalisation (invisible characters, look-alikes and
    #: traditional characters included); None when normalising changed nothing (raw == text).
    raw: str | None = field(default=None, repr=False)
    ocr: OcrInfo | None = field(default=None, repr=False)  # set when the text was read by OCR

    @property
    def is_body(self) -> bool:
        return self.kind not in NON_BODY_KINDS

    @property
    def source_text(self) -> str:
        """What the source says, as a reader sees it (``raw``, or ``text`` when they are the same)."""
        return self.text if self.raw is None else self.raw

    def original(self, start: int, end: int) -> str:
        """The source characters behind ``text[start:end]`` (offsets relative to this block), every
        invisible or look-alike character between them included."""
        if self.raw is None or self.origin is None or start >= end:
            return self.text[start:end]
        start, end = max(start, 0), min(end, len(self.text))
        if start >= end:
            return ""
        return self.raw[self.origin[start]:self.origin[end - 1] + 1]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "index": self.index,
            "kind": str(self.kind),
            "text": self.text,
            "paragraph": self.paragraph,
            "page": self.page,
            "page_end": self.page_end,
            "section": self.section,
            "section_title": self.section_title,
            "label": self.label,
            "style": self.style,
            "table": asdict(self.table) if self.table else None,
            "language": self.language,
            "flags": sorted(self.flags),
            "start": self.start,
            "end": self.end,
        }
        if self.ocr is not None:
            data["ocr"] = self.ocr.to_dict()
        return data


@dataclass(slots=True)
class ExcludedText:
    """Text kept out of the blocks, with where it was found."""

    kind: ExcludedKind
    text: str
    paragraph: int | None = None
    page: int | None = None
    section: str | None = None
    author: str | None = None  # revision or comment author, where recorded
    detail: str | None = None  # e.g. the comment's anchor text, a colour, a font size

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "text": self.text,
            "paragraph": self.paragraph,
            "page": self.page,
            "section": self.section,
            "author": self.author,
            "detail": self.detail,
        }


@dataclass(slots=True, frozen=True)
class UnreadContent:
    """Something a reader of the contract sees that cliccheck did not read (an image-only page
    inside a text PDF, an embedded altChunk document, glyphs whose Unicode map disagrees with
    what they show). The tool cannot vouch for it, so the gate fails (finding ``unread-content``)."""

    code: str  # image-page | alt-chunk | tounicode-mismatch | ...
    detail: str
    page: int | None = None
    paragraph: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "detail": self.detail, "page": self.page, "paragraph": self.paragraph}


@dataclass(slots=True)
class Document:
    """A read contract: blocks in reading order plus everything excluded."""

    path: str
    format: str  # docx | pdf | text
    blocks: list[Block]
    excluded: list[ExcludedText] = field(default_factory=list)
    pages: int | None = None
    sha256: str | None = None
    title: str | None = None
    warnings: list[str] = field(default_factory=list)
    unread: list[UnreadContent] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # pages whose text was read by OCR
    ocr_engine: str | None = None
    seals: list[Seal] = field(default_factory=list)
    text: str = field(init=False, default="")
    _starts: list[int] = field(init=False, default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        """Assign block indices and offsets; call after changing ``blocks``."""
        parts: list[str] = []
        offset = 0
        for i, block in enumerate(self.blocks):
            block.index = i
            block.start = offset
            block.end = offset + len(block.text)
            parts.append(block.text)
            offset = block.end + 1
        self.text = "\n".join(parts)
        self._starts = [b.start for b in self.blocks]

    def _paired_clauses(self) -> bool:
        """Some clause number heads prose in both languages. Table cells are not counted: a Chinese delivery schedule
        lists model numbers ("NR-9800X", "NMS V7.2") under its clause, which are no English version of it; a rider in
        a table cell that binds someone is read anyway (the matcher reads any binding block in the other language)."""
        seen: dict[str, set[str]] = {"zh": set(), "en": set()}
        for block in self.blocks:
            if (block.is_body and block.section and block.language in seen and block.kind != BlockKind.TABLE_CELL
                    and _is_prose(block.text, block.language)):
                seen[block.language].add(block.section)
        return bool(seen["zh"] & seen["en"])

    @property
    def language(self) -> str:
        """zh, en, mixed (both present in substance, or one clause numbered alike in both) or none."""
        counts: dict[str, int] = {}
        for block in self.blocks:
            if block.is_body and block.language != "none":
                counts[block.language] = counts.get(block.language, 0) + len(block.text)
        total = sum(counts.values())
        if not total:
            return "none"
        zh = counts.get("zh", 0) + counts.get("mixed", 0) / 2
        en = counts.get("en", 0) + counts.get("mixed", 0) / 2
        if zh / total >= 0.15 and en / total >= 0.15:
            return "mixed"
        if zh and en and self._paired_clauses():
            # a clause numbered alike in both languages is a version of each ("6.4 The Contractor shall not …" and
            # "6.4 承包人不得恶意控制…"), however few characters the shorter one has
            return "mixed"
        return "zh" if zh >= en else "en"

    def block_at(self, offset: int) -> Block:
        """The block containing document offset ``offset``."""
        if not self.blocks:
            raise IndexError("document has no blocks")
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.blocks[max(i, 0)]

    def locate(self, start: int, end: int) -> dict[str, Any]:
        """Provenance of ``text[start:end]``: block, page, section, paragraph."""
        block = self.block_at(start)
        return {
            "block": block.index,
            "page": block.page,
            "section": block.section,
            "paragraph": block.paragraph,
            "start": start,
            "end": end,
            "language": block.language,
        }

    def original(self, start: int, end: int) -> str:
        """The source text behind ``text[start:end]`` (document offsets), block by block."""
        parts: list[str] = []
        if not self.blocks or start >= end:
            return ""
        block = self.block_at(start)
        while True:
            parts.append(block.original(max(start, block.start) - block.start, min(end, block.end) - block.start))
            if end <= block.end + 1 or block.index + 1 >= len(self.blocks):
                break
            block = self.blocks[block.index + 1]
        return "\n".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "sha256": self.sha256,
            "pages": self.pages,
            "title": self.title,
            "language": self.language,
            "blocks": [b.to_dict() for b in self.blocks],
            "excluded": [e.to_dict() for e in self.excluded],
            "warnings": list(self.warnings),
            "unread": [u.to_dict() for u in self.unread],
            "ocr": {"engine": self.ocr_engine, "pages": list(self.ocr_pages)} if self.ocr_pages else None,
            "seals": [s.to_dict() for s in self.seals],
        }
