"""Scanned and photographed contracts: OCR into the same document model, with provenance.

Signed contracts are usually kept as scans (盖章版). This module reads page images —
image-only pages of a PDF, or PNG/JPEG/TIFF files — with the engine of
:mod:`.ocr_engine`, after the clean-up of :mod:`.ocr_preprocess`, and turns the
recognised lines into blocks: reading order (two columns when the page has a gutter),
paragraphs, table rows, running headers and footers. Every block keeps its page, its
box on the page and a confidence per character (:class:`~cliccheck.model.OcrInfo`);
seals are kept as :class:`~cliccheck.model.Seal` facts.

OCR is an optional extra (``pip install cliccheck[ocr]``). Without it, a scan gets the
``no-text-layer`` error naming the extra. Limits: ``max_ocr_pages``,
``max_image_pixels`` (checked before any pixel is decoded), ``max_ocr_page_seconds``.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..errors import DocumentError, LimitExceeded
from ..limits import Limits
from ..model import Block, BlockKind, Document, OcrInfo, Seal, TableCell
from ..normalize import is_cjk, normalize
from ..ocr_gate import MIN_CONFIDENCE
from ..pages import page_ranges as _ranges
from .linejoin import Joiner
from .ocr_engine import (
    DEFAULT_ENGINE,
    ENGINES,
    OcrLine,
    OcrUnavailable,
    engine_available,
    get_engine,
    release_memory,
)
from .ocr_words import document_words, respace, space_punctuation, typographic_quotes, word_confidences

MODES = ("auto", "always", "never")
#: Pages are recognised at this resolution (finer images are scaled down first): the PP-OCR models
#: see a 200 dpi A4 page at about this size anyway (the engine caps the long side at 2000 px), and a
#: page read at one scale gives the same confidences however it was scanned or cropped.
RECOGNITION_DPI = 170
DEFAULT_DPI = 200
MIN_DPI, MAX_DPI = 72, 600

#: Image formats read as input, by magic bytes.
IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg", b"II*\x00": "tiff", b"MM\x00*": "tiff"}


@dataclass(frozen=True, slots=True)
class OcrOptions:
    """How to OCR: ``mode`` auto (pages without a usable text layer), always (every page of a
    PDF), never (scans are refused as before); ``dpi`` for rendering PDF pages; ``jobs`` pages
    recognised in parallel (threads: the engine releases the GIL)."""

    mode: str = "auto"
    dpi: int = DEFAULT_DPI
    engine: str = DEFAULT_ENGINE
    jobs: int = 1

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"ocr mode must be one of {', '.join(MODES)}")
        if not MIN_DPI <= self.dpi <= MAX_DPI:
            raise ValueError(f"ocr dpi must be between {MIN_DPI} and {MAX_DPI}")
        if self.engine not in ENGINES:
            raise ValueError(f"ocr engine must be one of {', '.join(ENGINES)}")


DEFAULT_OPTIONS = OcrOptions()


def available(options: OcrOptions = DEFAULT_OPTIONS) -> bool:
    """Is the OCR extra installed (the engine and its image libraries)?"""
    if not engine_available(options.engine):
        return False
    import importlib.util

    return importlib.util.find_spec("numpy") is not None and importlib.util.find_spec("PIL") is not None


def sniff_image(data: bytes) -> str | None:
    """``png``/``jpeg``/``tiff`` from the magic bytes, else None."""
    for magic, kind in IMAGE_MAGIC.items():
        if data.startswith(magic):
            return kind
    return None


# -- one page --------------------------------------------------------------------------------------


@dataclass(slots=True)
class PageOcr:
    """What OCR found on one page image."""

    page: int
    width: int
    height: int
    lines: list[OcrLine]
    seals: list[tuple[int, int, int, int]] = field(default_factory=list)
    skew: float = 0.0
    rotation: int = 0  # degrees the page was turned to read it
    seconds: float = 0.0


def recognise_page(load: Callable[[], tuple[Any, float]], page: int, options: OcrOptions, limits: Limits,
                   threads: int = 0) -> PageOcr:
    """Prepare and recognise one page; turn it when its lines say it lies on its side or upside down.
    The page image comes from ``load`` so that nothing but this function holds it: the rendered
    image is freed as soon as it is scaled down to the recognition size."""
    import numpy as np

    from .ocr_preprocess import prepare

    started = time.perf_counter()
    engine = get_engine(options.engine, threads)
    rgb, dpi = load()
    if dpi > RECOGNITION_DPI * 1.05:
        import cv2

        scale = RECOGNITION_DPI / dpi
        rgb = cv2.resize(np.ascontiguousarray(rgb), (round(rgb.shape[1] * scale), round(rgb.shape[0] * scale)),
                         interpolation=cv2.INTER_AREA)
        dpi = RECOGNITION_DPI
    prepared = prepare(rgb, dpi)
    del rgb
    image = prepared.image
    lines = engine.recognise(image)
    rotation = 0
    if lines and _sideways(lines):
        best = (_score(lines), lines, 0, image)
        for turns in (1, 3):
            turned = np.ascontiguousarray(np.rot90(image, turns))
            found = engine.recognise(turned)
            if _score(found) > best[0]:
                best = (_score(found), found, 90 * turns, turned)
        _, lines, rotation, image = best
    if lines and sum(1 for line in lines if line.angle == 180) * 2 > len(lines):
        image = np.ascontiguousarray(np.rot90(image, 2))
        lines = engine.recognise(image)
        rotation = (rotation + 180) % 360
    height, width = image.shape[:2]
    seals, skew = prepared.seals, prepared.skew
    del image, prepared
    release_memory()
    seconds = time.perf_counter() - started
    if seconds > limits.max_ocr_page_seconds:
        raise DocumentError.of("ocr-page-time", page=page, seconds=f"{seconds:.0f}", limit=limits.max_ocr_page_seconds,
                               code="timeout")
    return PageOcr(page, width, height, lines, seals, skew, rotation, seconds)


def _sideways(lines: list[OcrLine]) -> bool:
    tall = sum(1 for line in lines if line.box[3] - line.box[1] > 2 * (line.box[2] - line.box[0]))
    return tall * 2 > len(lines)


def _score(lines: list[OcrLine]) -> float:
    """Characters read, weighted by confidence: the orientation that reads most wins."""
    return sum(sum(line.confidences) for line in lines)


def recognise_pages(images: Iterable[tuple[int, Callable[[], tuple[Any, float]]]], options: OcrOptions,
                    limits: Limits) -> list[PageOcr]:
    """Recognise pages, ``options.jobs`` at a time; ``images`` yields (page, loader) pairs whose
    loader returns (RGB array, dpi), so that only ``jobs`` page images are in memory at once."""
    items = list(images)
    if len(items) > limits.max_ocr_pages:
        raise LimitExceeded.of("ocr-pages", count=f"{len(items):,}", limit=f"{limits.max_ocr_pages:,}")
    jobs = max(1, min(options.jobs, len(items)))
    threads = 1 if options.jobs > 1 else 0  # one engine thread per page in parallel; else all cores

    def one(item: tuple[int, Callable[[], tuple[Any, float]]]) -> PageOcr:
        page, load = item
        return recognise_page(load, page, options, limits, threads)

    try:
        if jobs == 1:
            return [one(item) for item in items]
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            return list(pool.map(one, items))
    except OcrUnavailable as exc:
        raise DocumentError.of("ocr-engine", detail=str(exc), code="no-text-layer") from None


# -- images as input -------------------------------------------------------------------------------


def open_image_frames(data: bytes, limits: Limits) -> list[tuple[int, int, float]]:
    """The frames of a PNG/JPEG/TIFF (multi-page TIFF: one per page) as (width, height, declared
    dpi), checking the pixel count of every frame from its header before any pixel is decoded
    (decompression bombs). Frames are decoded one at a time later (:func:`decode_frame`), so a
    long TIFF never has more than the page being read in memory."""
    Image, UnidentifiedImageError = _pil()
    frames: list[tuple[int, int, float]] = []
    try:
        with Image.open(io.BytesIO(data)) as img:
            count = getattr(img, "n_frames", 1)
            if count > limits.max_ocr_pages:
                raise LimitExceeded.of("image-pages", count=f"{count:,}", limit=f"{limits.max_ocr_pages:,}")
            for index in range(count):
                img.seek(index)
                width, height = img.size
                if width <= 0 or height <= 0:
                    raise DocumentError.of("image-no-pixels", page=index + 1, code="corrupt")
                if width * height > limits.max_image_pixels:
                    raise LimitExceeded.of("image-pixels", page=index + 1, width=f"{width:,}", height=f"{height:,}", limit=f"{limits.max_image_pixels:,}")
                dpi = img.info.get("dpi", (0, 0))[0] if isinstance(img.info.get("dpi"), tuple) else 0
                frames.append((width, height, float(dpi or 0)))
            if count == 1:  # decode the only frame now: a damaged image is refused before any OCR
                img.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _damaged(exc) from None
    return frames


def decode_frame(data: bytes, index: int) -> Any:
    """Frame ``index`` of an image checked by :func:`open_image_frames`, as an RGB array."""
    import numpy as np

    Image, UnidentifiedImageError = _pil()
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.seek(index)
            return np.asarray(img.convert("RGB"))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _damaged(exc) from None


def _pil() -> tuple[Any, Any]:
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError:
        raise DocumentError.of("ocr-image", code="no-text-layer") from None
    Image.MAX_IMAGE_PIXELS = None  # our own limit (max_image_pixels), checked from the header
    return Image, UnidentifiedImageError


def _damaged(exc: BaseException) -> DocumentError:
    return DocumentError.of("image-damaged", detail=type(exc).__name__, code="corrupt")


def read_image(data: bytes, name: str, *, options: OcrOptions, limits: Limits) -> Document:
    """A photographed or scanned contract given as PNG, JPEG or (multi-page) TIFF."""
    if options.mode == "never":
        raise DocumentError.of("image-ocr-never", code="no-text-layer")
    if not available(options):
        raise DocumentError.of("image-contract", code="no-text-layer")
    frames = open_image_frames(data, limits)

    def loader(index: int, width: int, height: int, dpi: float) -> Callable[[], tuple[Any, float]]:
        return lambda: (decode_frame(data, index), _image_dpi(width, height, dpi))

    pages = recognise_pages(((i + 1, loader(i, *frame)) for i, frame in enumerate(frames)), options, limits)
    blocks, seals = blocks_from_pages(pages, options.engine)
    if not blocks:
        raise DocumentError.of("image-no-text", code="no-text-layer")
    doc = Document(path=name, format="image", blocks=blocks, pages=len(pages))
    doc.ocr_pages = [p.page for p in pages]
    doc.ocr_engine = options.engine
    doc.seals = seals
    return doc


def _image_dpi(width: int, height: int, declared: float) -> float:
    """The dpi a photo or scan declares, or one that makes it A4-sized (a phone photo declares 72)."""
    if declared >= 100:
        return declared
    return max(width, height) / 11.7  # A4's long side in inches


# -- PDF pages -------------------------------------------------------------------------------------


def ocr_pdf_pages(pdf: Any, numbers: Sequence[int], options: OcrOptions, limits: Limits) -> list[PageOcr]:
    """Render the pages ``numbers`` (1-based) of an open pypdfium2 document and recognise them."""
    if not available(options):
        raise DocumentError.of("pdf-image-pages", pages=_ranges(list(numbers)), code="no-text-layer")
    scale = options.dpi / 72

    def loader(number: int) -> Callable[[], tuple[Any, float]]:
        def load() -> tuple[Any, float]:
            import numpy as np

            page = pdf[number - 1]
            try:
                width, height = page.get_size()
                if width * scale * height * scale > limits.max_image_pixels:
                    raise LimitExceeded.of("ocr-render-pixels", page=number, dpi=options.dpi,
                                           limit=f"{limits.max_image_pixels:,}")
                bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB(A) bytes, no conversion copy
                rgb = np.array(bitmap.to_numpy()[..., :3])
                bitmap.close()
                return rgb, float(options.dpi)
            finally:
                page.close()
        return load

    if options.jobs <= 1:
        return recognise_pages(((n, loader(n)) for n in numbers), options, limits)
    if len(numbers) > limits.max_ocr_pages:
        raise LimitExceeded.of("ocr-pages", count=f"{len(numbers):,}", limit=f"{limits.max_ocr_pages:,}")
    # pdfium is not thread-safe: render a few pages here, recognise them in parallel, go on
    out: list[PageOcr] = []
    for i in range(0, len(numbers), options.jobs):
        rendered = [(n, [loader(n)()]) for n in numbers[i:i + options.jobs]]
        # each image is handed over (popped), so the page's recognition is all that holds it
        out += recognise_pages(((n, held.pop) for n, held in rendered), options, limits)
    return out



# -- layout: lines into blocks ---------------------------------------------------------------------

#: A line that starts a clause or an item starts a paragraph.
_CLAUSE_START = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[条章节款]|\d+(?:\.\d+)+|\d+[.、．]\s*\S|[（(][一二三四五六七八九十\da-zA-Z]{1,3}[）)]"
    r"|[一二三四五六七八九十]+、|[a-z][.)]\s|Clause\s+\d|Article\s+\d|ARTICLE\s+\d)")
_PAGE_NUMBER = re.compile(r"^(?:第\s*\d+\s*页.*|[-–—]?\s*\d+\s*[-–—]?|Page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+)$",
                          re.IGNORECASE)
#: Running header/footer band: this share of the page height at the top and at the bottom.
MARGIN_BAND = 0.075
#: Text this near the top or bottom that repeats on other pages is a running header or footer.
RUNNING_BAND = 0.1

_ASCII_TO_WIDE = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}


def fix_cjk_punctuation(text: str, confs: list[float]) -> str:
    """ASCII punctuation the recogniser put between Chinese characters back to full width (the text
    layer of a Chinese contract has 。，；：（）), so that sentence splitting sees the same text."""
    chars = list(text)
    for i, ch in enumerate(chars):
        wide = _ASCII_TO_WIDE.get(ch)
        if wide is None:
            continue
        before = chars[i - 1] if i else ""
        after = chars[i + 1] if i + 1 < len(chars) else ""
        if (before and is_cjk(before)) or (after and is_cjk(after) and ch in "(:"):
            chars[i] = wide
    return "".join(chars)


#: 甲 read as 申 (the same glyph but for the stroke through the top; the recogniser did so on a clean
#: 200 dpi page with confidence 0.94) in the purchaser's party label. "申方" is no word where a party
#: label stands: before its definition or a colon, or inside quotes. Unfixed, the contract's 甲方 is
#: an undefined party and every requirement naming it is only weak.
_MISREAD_PARTY = re.compile(r"申(?=方[（(：:”\"])|(?<=[“\"])申(?=方)")


def fix_party_labels(text: str) -> str:
    """The purchaser's label 甲方 where the recogniser read 申方 (same length: confidences stay aligned)."""
    return _MISREAD_PARTY.sub("甲", text)


def _label(first: str) -> re.Pattern[str]:
    """``first``方 standing as a party's label: before its definition (甲方（采购方）：) or a colon, or
    quoted (以下简称“甲方”)."""
    return re.compile(rf"{first}方(?=\s*(?:[（(][^（）()]{{0,20}}[）)])?\s*[：:])|[“\"]{first}方[”\"]")


_JIA_LABEL, _YI_LABEL, _SHEN_LABEL = _label("甲"), _label("乙"), _label("申")
#: 申方 inside an organisation's name (上海申方科技有限公司: 申 is also Shanghai's short name).
_SHEN_IN_NAME = re.compile(r"申方[\u4e00-\u9fff]{0,12}?(?:公司|集团|有限|银行|中心|事务所|研究院|厂)")
#: 申方 in a sentence, where it can only be the label 甲方 misread: not the end of a word in 申 (重申方针,
#: 引申方面, 三令五申, 追申), not the value of a field (联系人：申方 may be a person so named), and not
#: 申 before a word in 方 (方面, 方针, 方案, 方式, 方法).
_SHEN_MENTION = re.compile(r"(?<![重引五申追：:])申(?=方(?![面针案式法]))")
#: Party labels whose first character the recogniser could also have read as 申 when unsure of it
#: (中方, the Chinese party of a joint venture): where the document uses one, an unsure 申 is not 甲.
_SHEN_LOOKALIKE_LABELS = ("中方",)


@dataclass(frozen=True, slots=True)
class PartyMentions:
    """What the document's own party labels allow :func:`fix_party_mentions` to put back."""

    sure: bool = False  # a 申 read surely is 甲: the document's labels are 甲方 (and 乙方), no name holds 申方
    unsure: bool = False  # so is one read unsurely: besides, no other label of the document looks like 申方


def party_mentions(texts: Iterable[str]) -> PartyMentions:
    """May 申方 in a sentence be put back to 甲方 in this document? Only when its own party labels say
    so: the recogniser read 甲方 where a party label stands, or read 乙方 there and 申方 in the other
    label (甲方 and 乙方 go as a pair; no contract pairs 申方 with 乙方), and no organisation named in
    the document has 申方 in its name. A 申 read below the OCR gate's confidence only when, besides,
    the document has no other label (中方) that glyph could be: the party a sentence names is not among
    the deciding words the gate checks, so this is what keeps an unsure read from naming the wrong
    party."""
    texts = list(texts)
    whole = "\n".join(texts)

    def has(label: re.Pattern[str]) -> bool:
        return any(label.search(t) for t in texts)

    sure = (has(_JIA_LABEL) or (has(_YI_LABEL) and has(_SHEN_LABEL))) and not _SHEN_IN_NAME.search(whole)
    return PartyMentions(sure, sure and not any(label in whole for label in _SHEN_LOOKALIKE_LABELS))


def fix_party_mentions(text: str, confs: Sequence[float], allowed: PartyMentions) -> str:
    """甲方 where the recogniser read 申方 inside a sentence ("向他人提供申方及其用户的数据"), as far as the
    document's labels allow (:func:`party_mentions`). Same length: each character keeps the confidence
    it was read with, so ``extract`` still shows how sure the engine was of the glyph."""
    chars = list(text)
    for m in _SHEN_MENTION.finditer(text):
        conf = confs[m.start()] if m.start() < len(confs) else 0.0
        if allowed.unsure or (allowed.sure and conf >= MIN_CONFIDENCE):
            chars[m.start()] = "甲"
    return "".join(chars)


#: A clause number the recogniser glued to the clause's first word ("3.2乙方承诺", "第一条定义"): the
#: text layer has a space there, and the matcher reads "3.2 乙方" as clause 3.2 whose subject is 乙方.
_GLUED_LABEL = re.compile(r"^\s*(?:\d+(?:\.\d+)+|第[一二三四五六七八九十百零〇\d]+[条章节])(?=[^\s\d.,，。、；;：:）)的之及和或与至规项款])")
#: "…第三十七条、/第三十八条的规定": a line that starts with an article number the sentence refers to
#: (followed by 的, 之, 规定, 、, another article …), not a clause that starts there.
_CROSS_REFERENCE = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+[条章节款项]\s*(?:[的之及和或与至规项款、，,]|第)")
#: A "label：value" line (甲方（采购方）：东湾…, 地址：…, Supplier: …): in a run of them each is its own
#: paragraph (a party block), however near the column's edge it ends.
_FIELD_LINE = re.compile(r"^\s*(?:[\u4e00-\u9fff]{1,8}|[A-Z][A-Za-z ]{0,24})(?:\s*[（(][^（）()]{1,12}[）)])?\s*[：:]\s*\S")


#: The same in English, where the label word is glued as well: "Clause1Cooperation with …",
#: "Section 3.2The Supplier …" (the spaces may be missing on either side of the number).
_GLUED_WORD_LABEL = re.compile(r"^\s*(?:Clause|Article|Section|Schedule|Annex|Appendix|Part)(\s*)\d+(?:\.\d+)*(?=[A-Z][a-z])")


def _insert_space(text: str, confs: list[float], at: int) -> tuple[str, list[float]]:
    return text[:at] + " " + text[at:], [*confs[:at], min(confs[max(0, at - 1):at + 1], default=0.0), *confs[at:]]


def space_after_label(text: str, confs: list[float]) -> tuple[str, list[float]]:
    """A space between a clause number that starts the line and the word glued to it (and in
    English between the label word and its number)."""
    m = _GLUED_LABEL.match(text)
    if m is not None:
        return _insert_space(text, confs, m.end())
    m = _GLUED_WORD_LABEL.match(text)
    if m is None:
        return text, confs
    text, confs = _insert_space(text, confs, m.end())
    if not m.group(1):
        text, confs = _insert_space(text, confs, m.start(1))
    return text, confs


@dataclass(slots=True)
class _Line:
    text: str
    confs: list[float]
    x0: float
    y0: float
    x1: float
    y1: float
    page: int = 0

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def h(self) -> float:
        return self.y1 - self.y0


def _columns(lines: list[_Line], width: float) -> float | None:
    """The x of a gutter between two columns, or None: a vertical band in the middle of the page that
    no line crosses, with enough lines wholly on each side."""
    narrow = [ln for ln in lines if ln.x1 - ln.x0 < 0.6 * width]
    if len(narrow) < 6:
        return None
    step = width / 200
    best: float | None = None
    for k in range(60, 141):
        x = k * step
        crossing = sum(1 for ln in lines if ln.x0 < x < ln.x1)
        left = sum(1 for ln in narrow if ln.x1 <= x)
        right = sum(1 for ln in narrow if ln.x0 >= x)
        fits = crossing * 5 <= len(lines) and left >= 3 and right >= 3 and min(left, right) * 4 >= len(narrow)
        if fits and (best is None or abs(x - width / 2) < abs(best - width / 2)):
            best = x
    return best


def _rows(lines: list[_Line]) -> list[list[_Line]]:
    """Lines side by side (vertical centres within half a line height) form one row, left to right."""
    rows: list[list[_Line]] = []
    for line in sorted(lines, key=lambda ln: ln.cy):
        if rows:
            last = rows[-1]
            ref = statistics.median(ln.cy for ln in last)
            if abs(line.cy - ref) < 0.5 * min(line.h, statistics.median(ln.h for ln in last)):
                last.append(line)
                continue
        rows.append([line])
    for row in rows:
        row.sort(key=lambda ln: ln.x0)
    return rows


def _tabular(rows: list[list[_Line]]) -> bool:
    """Rows of three or more cells side by side, most of the rows that hold more than one line and at
    least three: a table, not two columns of text (whose rows hold one line a column)."""
    wide = [row for row in rows if len(row) >= 2]
    cells = [row for row in wide if len(row) >= 3]
    return len(cells) >= 3 and len(cells) * 2 > len(wide)


def _ordered(lines: list[_Line], width: float) -> list[tuple[int, list[_Line]]]:
    """Rows in reading order with their column (0 left or only, 1 right, -1 across both): on a
    two-column page, the left column then the right one between full-width lines (titles,
    headings across both columns)."""
    gutter = _columns(lines, width)
    if gutter is None:
        return [(0, row) for row in _rows(lines)]
    out: list[tuple[int, list[_Line]]] = []
    band: list[_Line] = []

    def flush() -> None:
        left = [ln for ln in band if ln.x1 <= gutter]
        right = [ln for ln in band if ln.x1 > gutter]
        rows = _rows(band)
        if _tabular(rows):  # a table whose cells stand on both sides of the gap between two of its columns
            out.extend((-1, row) for row in rows)
        else:
            out.extend((0, row) for row in _rows(left))
            out.extend((1, row) for row in _rows(right))
        band.clear()

    for line in sorted(lines, key=lambda ln: ln.cy):
        if line.x0 < gutter < line.x1:
            flush()
            out.append((-1, [line]))
        else:
            band.append(line)
    flush()
    return out


@dataclass(slots=True)
class _Para:
    lines: list[_Line]
    kind: BlockKind
    table: TableCell | None = None
    runs_on: bool = False  # its last line is full and ends mid-sentence: it may go on over the page


#: Labels that are also words: "... in this" / "Clause 3." mid-sentence does not start a clause.
_WORD_LABELS = ("Clause", "Article", "ARTICLE")
#: A line that opens an English sentence: a capitalised function word, which inside a sentence is
#: written small ("the Supplier", not "The Supplier"). After a one-line labelled clause heading set
#: like the body ("Clause 1 Cooperation with the cybersecurity review", as wide as the column) it
#: starts the clause's text, which the heading must not run into.
_SENTENCE_START = re.compile(r"^(?:The|This|These|Each|Any|All|If|Where|Subject|Notwithstanding|Unless|Without|"
                             r"Nothing|Neither|No|Save|Except|Upon|In|For|It|Such)\s")
#: Text that ends a sentence or a clause: a paragraph ending so does not run on to the next page.
_SENTENCE_END = tuple("。.；;：:！!？?")


def running_keys(pages: list[PageOcr]) -> frozenset[str]:
    """Running headers and footers: text in the top or bottom margin band that stands on two or more
    pages (page numbers and spacing aside), however long it is."""
    seen: dict[str, set[int]] = {}
    for page in pages:
        for line in page.lines:
            if line.box[3] < RUNNING_BAND * page.height or line.box[1] > (1 - RUNNING_BAND) * page.height:
                seen.setdefault(_running_key(line.text), set()).add(page.page)
    return frozenset(key for key, on in seen.items() if key and len(on) >= 2)


def _running_key(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalpha())


def _paragraphs(columns: list[tuple[int, list[_Line]]], page: PageOcr, table_base: int,
                running: frozenset[str] = frozenset()) -> tuple[list[_Para], int]:
    heights = [ln.h for _, row in columns for ln in row]
    if not heights:
        return [], table_base
    body_h = statistics.median(heights)
    rights: dict[int, float] = {}  # the right edge of each column's text
    for column, row in columns:
        if len(row) == 1 and MARGIN_BAND * page.height < row[0].cy < (1 - MARGIN_BAND) * page.height:
            rights[column] = max(rights.get(column, 0.0), row[0].x1)
    paras: list[_Para] = []
    table = table_base
    row_index = 0
    in_table = False
    prev: _Line | None = None
    for column_id, row in columns:
        right = rights.get(column_id, float(page.width))
        top, bottom = min(ln.y0 for ln in row), max(ln.y1 for ln in row)
        text = " ".join(ln.text for ln in row)
        in_band = bottom < MARGIN_BAND * page.height or top > (1 - MARGIN_BAND) * page.height
        repeated = (bottom < RUNNING_BAND * page.height or top > (1 - RUNNING_BAND) * page.height) \
            and _running_key(text) in running
        if (in_band and len(text) <= 80) or repeated:
            kind = BlockKind.HEADER if top < page.height / 2 else BlockKind.FOOTER
            paras.append(_Para(list(row), kind))
            prev = None
            continue
        if _PAGE_NUMBER.match(text.strip()) and top > 0.8 * page.height:
            paras.append(_Para(list(row), BlockKind.FOOTER))
            prev = None
            continue
        gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(row)]
        if len(row) > 1 and max(gaps) > 1.5 * body_h:  # cells side by side: a table row
            if not in_table:
                table += 1
                row_index = 0
                in_table = True
            for cell, line in enumerate(row):
                paras.append(_Para([line], BlockKind.TABLE_CELL, TableCell(table, row_index, cell)))
            row_index += 1
            prev = None
            continue
        in_table = False
        line = row[0] if len(row) == 1 else _merge_row(row)
        full = prev is not None and prev.x1 >= right - 3 * body_h
        mid_sentence = full and prev is not None and not prev.text.rstrip().endswith(_SENTENCE_END)
        # "(a) conduct ... release and" / "    provide the results": a labelled item's next lines are
        # set under its text, not under its label; that indent is no new paragraph, and a line there
        # that happens to begin "Clause 3." goes on the sentence
        first = paras[-1].lines[0] if paras and paras[-1].kind == BlockKind.PARAGRAPH and prev is not None else None
        hanging = (mid_sentence and first is not None and bool(_CLAUSE_START.match(first.text))
                   and line.x0 > first.x0 + 0.5 * body_h)
        label = _CLAUSE_START.match(line.text)
        after_heading = (prev is not None and paras and paras[-1].lines == [prev] and _CLAUSE_START.match(prev.text)
                         and not prev.text.rstrip().endswith(_SENTENCE_END) and _SENTENCE_START.match(line.text))
        starts = (prev is None
                  or bool(after_heading)
                  or line.y0 - prev.y1 > 1.2 * body_h  # a blank line
                  or (label is not None and not hanging
                      and not (mid_sentence and (label.group().startswith(_WORD_LABELS)
                                                 or _CROSS_REFERENCE.match(line.text))))
                  or (_FIELD_LINE.match(line.text) is not None and _FIELD_LINE.match(prev.text) is not None)
                  or (line.x0 - prev.x0 > 1.0 * body_h and not hanging)  # a first-line indent
                  or not full
                  or _heading(line, body_h) or _heading(prev, body_h))
        if starts or not paras or paras[-1].kind != BlockKind.PARAGRAPH:
            kind = BlockKind.HEADING if _heading(line, body_h) else BlockKind.PARAGRAPH
            paras.append(_Para([line], kind))
        else:
            paras[-1].lines.append(line)
        prev = line
    body = [p for p in paras if p.kind not in (BlockKind.HEADER, BlockKind.FOOTER)]
    if body and body[-1].kind == BlockKind.PARAGRAPH and columns:
        last = body[-1].lines[-1]
        right = rights.get(columns[-1][0], float(page.width))
        body[-1].runs_on = last.x1 >= right - 3 * body_h and not last.text.rstrip().endswith(_SENTENCE_END)
    return paras, table


def _run_on(pages: list[list[_Para]]) -> list[_Para]:
    """The pages' paragraphs in order, a paragraph that breaks at the foot of a page joined with the
    first body paragraph of the next page when that does not start a clause or a heading (the text
    layer of a PDF reads such a paragraph as one; split, a qualifier on the next page would be cut
    off from the undertaking it qualifies)."""
    out: list[_Para] = []
    pending: _Para | None = None  # the last page's running-on paragraph
    for paras in pages:
        for para in paras:
            if para.kind in (BlockKind.HEADER, BlockKind.FOOTER):
                out.append(para)
                continue
            if pending is not None and para.kind == BlockKind.PARAGRAPH \
                    and not _CLAUSE_START.match(para.lines[0].text):
                pending.lines += para.lines
                pending.runs_on = para.runs_on
                pending = None
                continue
            out.append(para)
            pending = None
        body = [p for p in out if p.kind not in (BlockKind.HEADER, BlockKind.FOOTER)]
        pending = body[-1] if body and body[-1].runs_on else None
    return out


def _cut(paras: list[_Para]) -> _Para | None:
    """The last body paragraph, when it breaks off at the foot of the last page read."""
    body = [p for p in paras if p.kind not in (BlockKind.HEADER, BlockKind.FOOTER)]
    return body[-1] if body and body[-1].runs_on else None


def _heading(line: _Line, body_h: float) -> bool:
    """Set larger than the body, short, and not the end of a sentence (a stray mark can make a body
    line's box tall; it does not make it short)."""
    return line.h > 1.25 * body_h and len(line.text) <= 30 and not line.text.rstrip().endswith(tuple("。；;.:："))


def _merge_row(row: list[_Line]) -> _Line:
    text, confs = row[0].text, list(row[0].confs)
    for line in row[1:]:
        text += " " + line.text
        confs += [1.0, *line.confs]
    return _Line(text, confs, min(ln.x0 for ln in row), min(ln.y0 for ln in row), max(ln.x1 for ln in row),
                 max(ln.y1 for ln in row), row[0].page)


def _join(lines: list[_Line], joiner: Joiner) -> tuple[str, list[float]]:
    """The paragraph's text with one confidence per character (1.0 for an inserted space)."""
    text, confs = "", []
    for line in lines:
        part = line.text.strip()
        lead = len(line.text) - len(line.text.lstrip())
        part_confs = line.confs[lead:lead + len(part)]
        joined = joiner.join(text, part)
        if joined == text + part:
            confs += part_confs
        elif joined == text + " " + part:
            confs += [1.0, *part_confs]
        elif joined == text[:-1] + part:
            confs = confs[:-1] + part_confs
        else:  # not expected; keep the text and the weakest confidence for every character
            confs = [min([*confs, *part_confs], default=0.0)] * len(joined)
        text = joined
    return text, confs


def blocks_from_pages(pages: list[PageOcr], engine: str) -> tuple[list[Block], list[Seal]]:
    """Blocks (reading order, with OCR provenance) and seals of recognised pages. A paragraph that
    runs on over a page break is one block, on the page it starts on, boxed there."""
    seals: list[Seal] = []
    joiner = Joiner([line.text for page in pages for line in page.lines])
    mentions = party_mentions(line.text for page in pages for line in page.lines)
    spelled = document_words(line.text for page in pages for line in page.lines)
    running = running_keys(pages)
    table = 0
    sizes: dict[int, tuple[float, float]] = {}
    per_page: list[list[_Para]] = []
    for page in pages:
        w, h = float(page.width), float(page.height)
        sizes[page.page] = (w, h)
        for x0, y0, x1, y1 in page.seals:
            seals.append(Seal(page.page, (x0 / w, y0 / h, x1 / w, y1 / h),
                              detail=f"red seal, about {(x1 - x0) / w * 21.0:.1f} cm wide"))
        lines = []
        for line in page.lines:
            text = fix_party_labels(fix_cjk_punctuation(line.text, line.confidences))
            confs = word_confidences(line.text, list(line.confidences), line.alternatives, MIN_CONFIDENCE)
            text, confs = space_after_label(text, confs)
            text, confs = typographic_quotes(text, confs)
            text, confs = respace(text, confs, spelled)
            text, confs = space_punctuation(text, confs)
            lines.append(_Line(text, confs, *line.box, page=page.page))
        paras, table = _paragraphs(_ordered(lines, w), page, table, running)
        per_page.append(paras)
    blocks: list[Block] = []
    paras = _run_on(per_page)
    cut = _cut(paras)
    for para in paras:
        raw, confs = _join(para.lines, joiner)
        # a glued run broken at a line's end ("shallnotuseitsposi-" / "tion") is whole only now
        raw, confs = respace(raw, confs, spelled)
        if mentions.sure:
            raw = fix_party_mentions(raw, confs, mentions)
        text, origin = normalize(raw)
        if not text:
            continue
        char_confs = [confs[i] if i < len(confs) else 0.0 for i in origin]
        first = para.lines[0].page
        w, h = sizes[first]
        here = [ln for ln in para.lines if ln.page == first]
        box = (min(ln.x0 for ln in here) / w, min(ln.y0 for ln in here) / h,
               max(ln.x1 for ln in here) / w, max(ln.y1 for ln in here) / h)
        blocks.append(Block(text, kind=para.kind, paragraph=len(blocks), page=first, table=para.table,
                            origin=origin, raw=None if text == raw else raw,
                            ocr=OcrInfo(box, char_confs, engine, cut=para is cut)))
    return blocks, seals


# -- hooks for the PDF reader ----------------------------------------------------------------------


def ocr_scanned_pages(pdf: Any, pages: Sequence[Any], options: OcrOptions | None, limits: Limits) -> list[PageOcr]:
    """OCR the pages of an open PDF that need it: image-only pages (``auto``) or every page
    (``always``); none with ``never`` or when the extra is missing (the text-layer checks then
    refuse or flag the scanned pages, naming the extra)."""
    options = options or DEFAULT_OPTIONS
    if options.mode == "never":
        return []
    if options.mode == "always":
        wanted = [p.number for p in pages]
    else:
        wanted = [p.number for p in pages if p.image_only and legible(pdf, p.number)]
    if not wanted or not available(options):
        return []
    return ocr_pdf_pages(pdf, wanted, options, limits)


#: A page image coarser than this cannot hold legible contract text (10 pt type would be under
#: 7 pixels high): such a page is not worth an engine run, and it stays unread.
MIN_SCAN_DPI = 50


def legible(pdf: Any, number: int) -> bool:
    """Does page ``number`` hold an image fine enough to read (at least :data:`MIN_SCAN_DPI`)?"""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    page = pdf[number - 1]
    try:
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
            try:
                px_w, px_h = obj.get_px_size()
                left, bottom, right, top = obj.get_bounds()
            except (pdfium.PdfiumError, OSError, ValueError):
                continue
            inches = max(right - left, top - bottom) / 72
            if inches > 0 and max(px_w, px_h) / inches >= MIN_SCAN_DPI:
                return True
        return False
    finally:
        page.close()


def merge_ocr_blocks(doc: Document, scanned: list[PageOcr], options: OcrOptions | None) -> None:
    """Put the blocks of OCR'd pages among the text-layer blocks, in page order, and record provenance."""
    if not scanned:
        return
    options = options or DEFAULT_OPTIONS
    blocks, seals = blocks_from_pages(scanned, options.engine)
    merged = sorted([*doc.blocks, *blocks], key=lambda b: b.page or 0)  # stable: keeps each page's order
    moved: dict[int, int] = {}
    for i, block in enumerate(merged):
        if block.ocr is None:
            moved[block.paragraph] = i
        block.paragraph = i
    for item in doc.excluded:  # excluded text points at the paragraph it sat near
        if item.paragraph is not None:
            item.paragraph = moved.get(item.paragraph, item.paragraph)
    doc.blocks = merged
    if not merged:
        raise DocumentError.of("ocr-no-text", pages=_ranges([p.page for p in scanned]), code="no-text-layer")
    doc.ocr_pages = sorted(p.page for p in scanned)
    doc.ocr_engine = options.engine
    doc.seals = seals
    doc.reindex()
