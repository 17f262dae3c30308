"""The text layer of one PDF page, as lines with geometry, through pdfium.

Why pdfium and not pdfplumber: on this machine pdfplumber's ``extract_text``
costs ~51 ms per English page, pdfium ~0.5 ms for the same characters. To
keep that advantage the common case never makes a Python call per character:

* the page text comes from one ``FPDFText_GetText`` call; pdfium already
  separates lines with generated ``"\\r\\n"``;
* each line's box is the union of ``FPDFText_CountRects``/``GetRect`` (pdfium
  computes them in C), its baseline and size come from its first character;
* hidden text is found per *text object* (a handful per page): fill colour,
  render mode, effective font size, bounds against the visible page box.

Only a page that has a suspicious text object, or a line whose rectangles do
not sit on one baseline (pdfium merged two lines or two columns), is read
character by character, and only those characters. See
:func:`hidden_reason` for what counts as not visible.
"""

from __future__ import annotations

import ctypes
import itertools
import math
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..model import ExcludedKind

#: Font size (effective, after all scaling) at or below which text is not readable.
TINY_POINTS = 2.0
#: Each of R, G, B at or above this (0-255) is "near white" on a white page.
NEAR_WHITE = 240
#: An image covering this share of the page makes it a scan: its invisible text is its OCR layer.
SCAN_COVERAGE = 0.6
#: Render modes that paint nothing (3: invisible, 7: clip only).
INVISIBLE_MODES = frozenset({3, 7})
LINE_END_HYPHENS = "\ufffe\x02"


@dataclass(slots=True)
class Line:
    """One line of visible text on a page (PDF user space: y grows upwards)."""

    text: str
    page: int
    x0: float
    x1: float
    bottom: float
    top: float
    baseline: float
    size: float  # effective font size of the first character

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(slots=True)
class HiddenRun:
    kind: ExcludedKind
    text: str
    page: int
    detail: str


@dataclass(slots=True)
class PageText:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    hidden: list[HiddenRun] = field(default_factory=list)
    chars: int = 0  # visible non-space characters
    bad_chars: int = 0  # U+FFFD, private use, control characters
    sampled: int = 0  # characters checked with FPDFText_HasUnicodeMapError
    unmapped: int = 0  # ... of which pdfium had no Unicode for
    image_only: bool = False  # no text objects but images: a scan


def is_bad_char(ch: str) -> bool:
    """A character that only a font without a Unicode map produces."""
    code = ord(ch)
    return (
        code == 0xFFFD
        or (code < 0x20 and ch not in "\r\n\t")
        or 0x7F <= code <= 0x9F
        or 0xE000 <= code <= 0xF8FF
        or code >= 0xF0000
    )


# --- page objects -------------------------------------------------------------------------------

def _mul(m1: tuple[float, ...], m2: tuple[float, ...]) -> tuple[float, ...]:
    """Affine matrices (a, b, c, d, e, f): m1 then m2."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _bounds(obj, parent: tuple[float, ...] | None) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    box = (left.value, bottom.value, right.value, top.value)
    if parent is None:
        return box
    xs, ys = zip(*(_apply(parent, x, y) for x in (box[0], box[2]) for y in (box[1], box[3])), strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def _matrix(obj) -> tuple[float, ...]:  # type: ignore[no-untyped-def]
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _colour(getter, obj) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return (0, 0, 0, 255)
    return (r.value, g.value, b.value, a.value)


@dataclass(slots=True)
class _ObjectScan:
    suspicious: dict[int, tuple[ExcludedKind, str]] = field(default_factory=dict)  # handle -> reason
    partly_off: set[int] = field(default_factory=set)  # handles straddling the page edge
    invisible: dict[int, str] = field(default_factory=dict)  # render mode 3/7, decided later
    text_objects: int = 0
    image_area: float = 0.0


def _address(obj) -> int:  # type: ignore[no-untyped-def]
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


def _scan_objects(container, count_fn, get_fn, box: tuple[float, float, float, float],  # type: ignore[no-untyped-def]
                  scan: _ObjectScan, parent: tuple[float, ...] | None, depth: int = 0) -> None:
    """Classify every text object (recursing into form XObjects) and measure image cover."""
    x0, y0, x1, y1 = box
    for i in range(count_fn(container)):
        obj = get_fn(container, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 8:
            matrix = _matrix(obj)
            _scan_objects(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, box,
                          scan, matrix if parent is None else _mul(matrix, parent), depth + 1)
            continue
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = _bounds(obj, parent)
            w = max(0.0, min(right, x1) - max(left, x0))
            h = max(0.0, min(top, y1) - max(bottom, y0))
            scan.image_area += w * h
            continue
        if kind != pdfium_c.FPDF_PAGEOBJ_TEXT:
            continue
        scan.text_objects += 1
        handle = _address(obj)
        matrix = _matrix(obj)
        if parent is not None:
            matrix = _mul(matrix, parent)
        size = ctypes.c_float()
        pdfium_c.FPDFTextObj_GetFontSize(obj, size)
        effective = size.value * math.sqrt(abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]))
        mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj)
        colour = _colour(pdfium_c.FPDFPageObj_GetStrokeColor if mode == 1 else pdfium_c.FPDFPageObj_GetFillColor,
                         obj)
        left, bottom, right, top = _bounds(obj, parent)
        if effective <= TINY_POINTS:
            scan.suspicious[handle] = (ExcludedKind.TINY_TEXT, f"font size {effective:.2g} pt")
        elif colour[3] == 0 or min(colour[:3]) >= NEAR_WHITE:
            scan.suspicious[handle] = (ExcludedKind.WHITE_TEXT,
                                       "fill rgba({},{},{},{})".format(*colour))
        elif mode in INVISIBLE_MODES:
            scan.invisible[handle] = f"text render mode {mode} (invisible)"
        elif right <= x0 or left >= x1 or top <= y0 or bottom >= y1:
            scan.suspicious[handle] = (ExcludedKind.OFF_PAGE, "outside the visible page box")
        elif left < x0 - 1 or right > x1 + 1 or bottom < y0 - 1 or top > y1 + 1:
            scan.partly_off.add(handle)


def hidden_reason(scan: _ObjectScan, page_area: float) -> None:
    """Decide about invisible (render mode 3/7) text.

    Invisible text is how OCR tools put a searchable text layer over a scanned
    page image: there it *is* the page's text. Anywhere else nobody sees it, so
    it is hidden. Rule: when images cover at least :data:`SCAN_COVERAGE` of the
    page, invisible text counts as normal text; otherwise it is excluded as
    ``HIDDEN``. (A reader of the printed page sees the scan, whose words the
    OCR layer transcribes.)
    """
    if scan.image_area >= SCAN_COVERAGE * page_area:
        scan.invisible.clear()
        return
    for handle, detail in scan.invisible.items():
        scan.suspicious[handle] = (ExcludedKind.HIDDEN, detail)
    scan.invisible.clear()


# --- characters and lines ------------------------------------------------------------------------

def _page_text(textpage, count: int) -> str | None:  # type: ignore[no-untyped-def]
    """All characters in one call, or None when text indices do not match char indices."""
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    if written != count + 1:
        return None
    text = bytes(memoryview(buffer)[:count]).decode("utf-16-le", errors="replace")
    if len(text) != count or any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        return None
    return text


def _page_text_slow(textpage, count: int) -> str:  # type: ignore[no-untyped-def]
    """One character per char index (pdfium's UCS-4 view): for pages with astral or excluded chars."""
    out = []
    for i in range(count):
        code = pdfium_c.FPDFText_GetUnicode(textpage, i)
        out.append(chr(code) if 0 < code < 0x110000 and not 0xD800 <= code <= 0xDFFF else "\ufffd")
    return "".join(out)


def _size_at(textpage, index: int) -> float:  # type: ignore[no-untyped-def]
    size = pdfium_c.FPDFText_GetFontSize(textpage, index)
    m = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(textpage, index, m):
        size *= math.sqrt(abs(m.a * m.d - m.b * m.c))
    return size


def _origin(textpage, index: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y)
    return x.value, y.value


def _rects(textpage, start: int, count: int) -> list[tuple[float, float, float, float]]:  # type: ignore[no-untyped-def]
    n = pdfium_c.FPDFText_CountRects(textpage, start, count)
    out = []
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    for k in range(n):
        if pdfium_c.FPDFText_GetRect(textpage, k, left, top, right, bottom):
            out.append((left.value, bottom.value, right.value, top.value))
    return out


def _one_baseline(rects: list[tuple[float, float, float, float]], size: float) -> bool:
    """True when a pdfium line's rectangles sit on one line without a column-sized gap."""
    if len(rects) <= 1:
        return True
    rects = sorted(rects)
    low = max(r[1] for r in rects)
    high = min(r[3] for r in rects)
    if high - low < 0.3 * max(size, 1.0):
        return False
    return all(b[0] - a[2] < 2.5 * max(size, 4.0) for a, b in itertools.pairwise(rects))


@dataclass(slots=True)
class _Char:
    ch: str
    x0: float
    bottom: float
    x1: float
    top: float
    index: int


def _char_box(textpage, index: int) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
    return left.value, bottom.value, right.value, top.value


class PageReader:
    """Reads one page; see the module docstring for the fast and the careful path."""

    def __init__(self, page: pdfium.PdfPage, number: int):
        self.page = page
        self.number = number
        media = page.get_mediabox()
        try:
            crop = page.get_cropbox()
        except pdfium.PdfiumError:
            crop = media
        self.box = (max(media[0], crop[0]), max(media[1], crop[1]),
                    min(media[2], crop[2]), min(media[3], crop[3]))
        if self.box[2] <= self.box[0] or self.box[3] <= self.box[1]:
            self.box = media
        self.result = PageText(number, self.box[2] - self.box[0], self.box[3] - self.box[1])

    def read(self) -> PageText:
        scan = _ObjectScan()
        _scan_objects(self.page, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, self.box,
                      scan, None)
        hidden_reason(scan, self.result.width * self.result.height)
        if scan.text_objects == 0:
            self.result.image_only = scan.image_area > 0
            return self.result
        textpage = self.page.get_textpage()
        try:
            self._read_text(textpage, scan)
        finally:
            textpage.close()
        return self.result

    def _read_text(self, textpage, scan: _ObjectScan) -> None:  # type: ignore[no-untyped-def]
        count = pdfium_c.FPDFText_CountChars(textpage)
        if count <= 0:
            return
        text = _page_text(textpage, count)
        careful_page = bool(scan.suspicious or scan.partly_off)
        if text is None:
            text = _page_text_slow(textpage, count)
            careful_page = True
        self._check_unicode(textpage, text, count)
        if careful_page:
            self._careful(textpage, text, 0, count, scan)
            return
        start = 0
        while start < count:
            end = text.find("\r\n", start)
            if end < 0:
                end = count
            self._fast_line(textpage, text, start, end, scan)
            start = end + 2

    def _check_unicode(self, textpage, text: str, count: int) -> None:  # type: ignore[no-untyped-def]
        """Count garbage characters, and ask pdfium about a sample of up to 64 characters."""
        self.result.bad_chars += sum(1 for ch in text if is_bad_char(ch))
        step = max(1, count // 64)
        for i in range(0, count, step):
            if text[i].isspace():
                continue
            self.result.sampled += 1
            if pdfium_c.FPDFText_HasUnicodeMapError(textpage, i):
                self.result.unmapped += 1

    def _fast_line(self, textpage, text: str, start: int, end: int, scan: _ObjectScan) -> None:  # type: ignore[no-untyped-def]
        segment = text[start:end]
        stripped = segment.strip()
        if not stripped:
            return
        first = start + (len(segment) - len(segment.lstrip()))
        size = _size_at(textpage, first)
        rects = _rects(textpage, start, end - start)
        if not rects:
            return
        if not _one_baseline(rects, size):
            self._careful(textpage, text, start, end, scan)
            return
        _, baseline = _origin(textpage, first)
        self._add_line(stripped, rects, baseline, size)

    def _add_line(self, text: str, rects, baseline: float, size: float) -> None:  # type: ignore[no-untyped-def]
        if text[-1] in LINE_END_HYPHENS:
            text = text[:-1] + "-"  # pdfium marks a hyphen at a line end as U+FFFE (older: U+0002)
        x0 = min(r[0] for r in rects)
        x1 = max(r[2] for r in rects)
        bottom = min(r[1] for r in rects)
        top = max(r[3] for r in rects)
        self.result.lines.append(Line(text, self.number, x0, x1, bottom, top, baseline, size))
        self.result.chars += sum(1 for ch in text if not ch.isspace())

    def _careful(self, textpage, text: str, start: int, end: int, scan: _ObjectScan) -> None:  # type: ignore[no-untyped-def]
        """Character by character: drop hidden characters, then rebuild lines from geometry."""
        x0, y0, x1, y1 = self.box
        visible: list[_Char] = []
        hidden_kind: ExcludedKind | None = None
        hidden_detail = ""
        hidden_text: list[str] = []

        def flush_hidden() -> None:
            nonlocal hidden_kind, hidden_text
            if hidden_kind is not None and "".join(hidden_text).strip():
                self.result.hidden.append(HiddenRun(hidden_kind, " ".join("".join(hidden_text).split()),
                                                    self.number, hidden_detail))
            hidden_kind, hidden_text = None, []

        for i in range(start, end):
            ch = text[i]
            if ch in "\r\n":
                continue
            generated = pdfium_c.FPDFText_IsGenerated(textpage, i) == 1
            reason: tuple[ExcludedKind, str] | None = None
            if not generated:
                obj = pdfium_c.FPDFText_GetTextObject(textpage, i)
                handle = _address(obj) if obj else 0
                reason = scan.suspicious.get(handle)
                box = _char_box(textpage, i)
                if reason is None and handle in scan.partly_off:
                    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
                    if not (x0 <= cx <= x1 and y0 <= cy <= y1):
                        reason = (ExcludedKind.OFF_PAGE, "outside the visible page box")
            if reason is not None:
                if hidden_kind is not None and reason[0] != hidden_kind:
                    flush_hidden()
                hidden_kind, hidden_detail = reason
                hidden_text.append(ch)
                continue
            if generated or ch.isspace():
                if hidden_kind is not None:
                    hidden_text.append(" ")
                if visible and visible[-1].ch != " ":
                    last = visible[-1]
                    visible.append(_Char(" ", last.x1, last.bottom, last.x1, last.top, i))
                continue
            flush_hidden()
            visible.append(_Char(ch, *box, i))  # type: ignore[misc]
        flush_hidden()
        self._group_lines(textpage, visible)

    def _group_lines(self, textpage, chars: list[_Char]) -> None:  # type: ignore[no-untyped-def]
        line: list[_Char] = []
        size = 0.0

        def emit() -> None:
            solid = [c for c in line if c.ch != " "]
            if not solid:
                return
            text = "".join(c.ch for c in line).strip()
            rects = [(c.x0, c.bottom, c.x1, c.top) for c in solid]
            _, baseline = _origin(textpage, solid[0].index)
            self._add_line(text, rects, baseline, size)

        for c in chars:
            if c.ch != " " and line:
                solid = [p for p in line if p.ch != " "]
                if solid:
                    prev = solid[-1]
                    mid = (c.bottom + c.top) / 2
                    low = min(p.bottom for p in solid[-3:])
                    high = max(p.top for p in solid[-3:])
                    new_row = not (low - 0.2 * size <= mid <= high + 0.2 * size)
                    jump = c.x0 < prev.x0 - 0.5 * size or c.x0 - prev.x1 > 2.5 * max(size, 4.0)
                    if new_row or jump:
                        emit()
                        line = []
            if not line and c.ch != " ":
                size = _size_at(textpage, c.index)
            if line or c.ch != " ":
                line.append(c)
        emit()
