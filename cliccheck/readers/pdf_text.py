"""The text layer of one PDF page, as lines with geometry, through pdfium.

Why pdfium and not pdfplumber: on this machine pdfplumber's ``extract_text``
costs ~51 ms per English page, pdfium ~0.5 ms for the same characters. To
keep that advantage the common case never makes a Python call per character:

* the page text comes from one ``FPDFText_GetText`` call; pdfium already
  separates lines with generated ``"\\r\\n"``;
* each line's box is the union of ``FPDFText_CountRects``/``GetRect`` (pdfium
  computes them in C), its baseline and size come from its first character;
* hidden text is found per *text object* (one per line or run; reportlab's
  CJK subsets make ~300 a page): fill colour, render mode, effective font
  size; position is checked per line against the visible page box.

Only a page that has a suspicious text object, or a line whose rectangles do
not sit on one baseline (pdfium merged two lines or two columns) or leave
the page box, is read character by character. Not visible: (near-)white or
fully transparent fill, an effective size of 2 pt or less, a glyph centre
outside the intersection of media and crop box, and invisible render modes
except on scanned pages (see :func:`hidden_reason`). Not detected: text
covered by an opaque shape or clipped away by a clipping path.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
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
#: pdfium's mark for a hyphen at a line end (U+FFFE; older builds U+0002).
LINE_END_HYPHENS = "\ufffe\x02"
#: Lines with more rectangles than this are checked by their end characters only.
MAX_RECTS = 4


@dataclass(slots=True)
class Line:
    """One line of visible text on a page (PDF units, y grows upwards, origin at the lower
    left corner of the visible page box)."""

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
    y: float | None = None  # where on the page (PDF y of its first character), to locate it


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


def _matrix(obj) -> tuple[float, ...]:  # type: ignore[no-untyped-def]
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


@dataclass(slots=True)
class _ObjectScan:
    suspicious: dict[int, tuple[ExcludedKind, str]] = field(default_factory=dict)  # handle -> reason
    invisible: dict[int, str] = field(default_factory=dict)  # render mode 3/7, decided later
    text_objects: int = 0
    image_area: float = 0.0


def _address(obj) -> int:  # type: ignore[no-untyped-def]
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


class _ObjectScanner:
    """Classifies text objects by colour, render mode and effective size.

    Called for every text object of every page, so the ctypes out-parameters
    are allocated once and the functions bound once (a reportlab CJK page
    can hold 300+ text objects: one per font subset switch).
    Position is checked per line later (cheaper than bounds per object).
    """

    def __init__(self) -> None:
        self.r, self.g, self.b, self.a = (ctypes.c_uint() for _ in range(4))
        self.size = ctypes.c_float()
        self.matrix = pdfium_c.FS_MATRIX()
        self.bounds = tuple(ctypes.c_float() for _ in range(4))

    def scan(self, container, count_fn, get_fn, box: tuple[float, float, float, float],  # type: ignore[no-untyped-def]
             result: _ObjectScan, parent: tuple[float, ...] | None, depth: int = 0) -> None:
        get_type = pdfium_c.FPDFPageObj_GetType
        text_type, image_type, form_type = (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_IMAGE,
                                            pdfium_c.FPDF_PAGEOBJ_FORM)
        get_size = pdfium_c.FPDFTextObj_GetFontSize
        get_matrix = pdfium_c.FPDFPageObj_GetMatrix
        get_mode = pdfium_c.FPDFTextObj_GetTextRenderMode
        get_fill = pdfium_c.FPDFPageObj_GetFillColor
        r, g, b, a, size, m = self.r, self.g, self.b, self.a, self.size, self.matrix
        text_objects = 0
        for i in range(count_fn(container)):
            obj = get_fn(container, i)
            # The render mode is -1 for anything but text: one call fewer per text object.
            mode = get_mode(obj)
            kind = text_type if mode >= 0 else get_type(obj)
            if kind == text_type:
                text_objects += 1
                if mode == 1:
                    pdfium_c.FPDFPageObj_GetStrokeColor(obj, r, g, b, a)
                else:
                    get_fill(obj, r, g, b, a)
                get_size(obj, size)
                get_matrix(obj, m)
                s = size.value
                squared = s * s * abs(m.a * m.d - m.b * m.c)  # effective size squared
                if parent is not None:
                    squared *= abs(parent[0] * parent[3] - parent[1] * parent[2])
                if squared <= TINY_POINTS * TINY_POINTS:
                    effective = math.sqrt(squared)
                    result.suspicious[_address(obj)] = (ExcludedKind.TINY_TEXT, f"font size {effective:.2g} pt")
                elif (r.value >= NEAR_WHITE and g.value >= NEAR_WHITE and b.value >= NEAR_WHITE) or a.value == 0:
                    result.suspicious[_address(obj)] = (
                        ExcludedKind.WHITE_TEXT, f"fill rgba({r.value},{g.value},{b.value},{a.value})")
                elif mode in INVISIBLE_MODES:
                    result.invisible[_address(obj)] = f"text render mode {mode} (invisible)"
            elif kind == image_type:
                left, bottom, right, top = self._bounds(obj, parent)
                w = max(0.0, min(right, box[2]) - max(left, box[0]))
                h = max(0.0, min(top, box[3]) - max(bottom, box[1]))
                result.image_area += w * h
            elif kind == form_type and depth < 8:
                matrix = _matrix(obj)
                self.scan(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, box,
                          result, matrix if parent is None else _mul(matrix, parent), depth + 1)
        result.text_objects += text_objects

    def _bounds(self, obj, parent: tuple[float, ...] | None) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
        left, bottom, right, top = self.bounds
        pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        box = (left.value, bottom.value, right.value, top.value)
        if parent is None:
            return box
        xs, ys = zip(*(_apply(parent, x, y) for x in (box[0], box[2]) for y in (box[1], box[3])),
                     strict=True)
        return min(xs), min(ys), max(xs), max(ys)


_SCANNER = _ObjectScanner()


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
    # A surrogate pair (a character outside the BMP) decodes to one character: indices shift.
    return text if len(text) == count else None


#: Characters only a font without a Unicode map produces: U+FFFD, C0/C1 controls (not tab,
#: CR, LF), private use.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _segments(text: str) -> list[tuple[int, int]]:
    """pdfium's lines: separated by generated CR LF, or right after a line-end hyphen mark
    (pdfium joins a hyphenated line to the next without CR LF)."""
    out: list[tuple[int, int]] = []
    marks = "\ufffe" in text or "\x02" in text
    start = 0
    find = text.find
    length = len(text)
    while start < length:
        end = find("\r\n", start)
        if end < 0:
            end = length
        while marks:
            cuts = [c for c in (find("\ufffe", start, end), find("\x02", start, end)) if c >= 0]
            if not cuts:
                break
            cut = min(cuts) + 1
            out.append((start, cut))
            start = cut
        if end > start:
            out.append((start, end))
        start = end + 2
    return out


def _page_text_slow(textpage, count: int) -> str:  # type: ignore[no-untyped-def]
    """One character per char index (pdfium's UCS-4 view): for pages with astral or excluded chars."""
    out = []
    for i in range(count):
        code = pdfium_c.FPDFText_GetUnicode(textpage, i)
        out.append(chr(code) if 0 < code < 0x110000 and not 0xD800 <= code <= 0xDFFF else "\ufffd")
    return "".join(out)


_MATRIX = pdfium_c.FS_MATRIX()


def _size_at(textpage, index: int) -> float:  # type: ignore[no-untyped-def]
    """Effective font size of a character (its font size times its matrix's scale)."""
    return _size_and_baseline(textpage, index)[0]


def _size_and_baseline(textpage, index: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Effective font size and baseline y of a character, from one matrix (upright text: its
    ``f`` is the baseline) rather than a second call for the origin."""
    size = pdfium_c.FPDFText_GetFontSize(textpage, index)
    m = _MATRIX
    if pdfium_c.FPDFText_GetMatrix(textpage, index, m):
        if m.b == 0 and m.c == 0:
            return size * math.sqrt(abs(m.a * m.d)), m.f
        return size * math.sqrt(abs(m.a * m.d - m.b * m.c)), _origin(textpage, index)[1]
    return size, _origin(textpage, index)[1]


def _origin(textpage, index: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y)
    return x.value, y.value


_RECT = tuple(ctypes.c_double() for _ in range(4))


def _rects(textpage, n: int) -> list[tuple[float, float, float, float]]:  # type: ignore[no-untyped-def]
    """The ``n`` rectangles of the last ``FPDFText_CountRects`` (one per run of one text object
    on one line)."""
    get_rect = pdfium_c.FPDFText_GetRect
    left, top, right, bottom = _RECT
    out = []
    for k in range(n):
        if get_rect(textpage, k, left, top, right, bottom):
            out.append((left.value, bottom.value, right.value, top.value))
    return out


def _one_baseline(rects: list[tuple[float, float, float, float]], size: float) -> bool:
    """True when a pdfium line's rectangles sit on one line without a column-sized gap.

    Rectangles are tight glyph boxes (a "，" is a small box near the baseline), so
    each one's vertical centre must fall within the tallest rectangle's extent.
    """
    if len(rects) <= 1:
        return True
    tallest = max(rects, key=lambda r: r[3] - r[1])
    slack = 0.15 * max(size, 1.0)
    low, high = tallest[1] - slack, tallest[3] + slack
    if not all(low <= (r[1] + r[3]) / 2 <= high for r in rects):
        return False
    ordered = sorted(rects)
    return all(b[0] - a[2] < 2.5 * max(size, 4.0) for a, b in itertools.pairwise(ordered))


def _inside(rects: list[tuple[float, float, float, float]], box: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = box
    return all(r[0] >= x0 - 1 and r[2] <= x1 + 1 and r[1] >= y0 - 1 and r[3] <= y1 + 1 for r in rects)


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


_LOOSE = pdfium_c.FS_RECTF()


def _origin_box(textpage, index: int) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    """A character's box from what the PDF says: its origin, its effective size and its advance
    (the font's /Widths or /W, through pdfium's loose box), never the glyph outline.

    Why: for a font that is not embedded, pdfium draws a substitute found on this machine, and
    the tight glyph box is that substitute's (empty when it has no such glyph, e.g. CJK on a
    machine without CJK fonts): positions would depend on the fonts installed.
    """
    size, baseline = _size_and_baseline(textpage, index)
    x = _origin(textpage, index)[0]
    right = x + 0.5 * size
    if pdfium_c.FPDFText_GetLooseCharBox(textpage, index, _LOOSE) and x < _LOOSE.right <= x + 4 * max(size, 1.0):
        right = _LOOSE.right
    return x, baseline - 0.2 * size, right, baseline + 0.8 * size


class PageReader:
    """Reads one page; see the module docstring for the fast and the careful path."""

    def __init__(self, page: pdfium.PdfPage, number: int):
        self.page = page
        self.number = number
        rect = pdfium_c.FS_RECTF()
        # The visible box: the intersection of the media box and the crop box, in one call.
        if pdfium_c.FPDF_GetPageBoundingBox(page.raw, rect) and rect.right > rect.left and rect.top > rect.bottom:
            self.box = (rect.left, rect.bottom, rect.right, rect.top)
        else:
            self.box = tuple(page.get_mediabox())
        self.result = PageText(number, self.box[2] - self.box[0], self.box[3] - self.box[1])
        self._fonts: dict[int, bool] = {}  # text object handle -> font embedded

    def _embedded(self, obj, handle: int) -> bool:  # type: ignore[no-untyped-def]
        """Is the font of this text object embedded (its glyph boxes are the same everywhere)?"""
        known = self._fonts.get(handle)
        if known is None:
            font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
            known = bool(font) and pdfium_c.FPDFFont_GetIsEmbedded(font) == 1
            self._fonts[handle] = known
        return known

    def _embedded_at(self, textpage, index: int) -> bool:  # type: ignore[no-untyped-def]
        obj = pdfium_c.FPDFText_GetTextObject(textpage, index)
        return self._embedded(obj, _address(obj) if obj else 0)

    def read(self) -> PageText:
        scan = _ObjectScan()
        # Raw handles: pypdfium2 wrappers cost a property lookup on every ctypes call.
        _SCANNER.scan(self.page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, self.box,
                      scan, None)
        hidden_reason(scan, self.result.width * self.result.height)
        if scan.text_objects == 0:
            self.result.image_only = scan.image_area > 0
            return self.result
        textpage = self.page.get_textpage()
        try:
            self._read_text(textpage.raw, scan)
        finally:
            textpage.close()
        return self.result

    def _read_text(self, textpage, scan: _ObjectScan) -> None:  # type: ignore[no-untyped-def]
        count = pdfium_c.FPDFText_CountChars(textpage)
        if count <= 0:
            return
        text = _page_text(textpage, count)
        careful_page = bool(scan.suspicious)
        if text is None:
            text = _page_text_slow(textpage, count)
            careful_page = True
        self._check_unicode(textpage, text, count)
        if careful_page:
            self._careful(textpage, text, 0, count, scan)
            return
        for start, end in _segments(text):
            self._fast_line(textpage, text, start, end, scan)

    def _check_unicode(self, textpage, text: str, count: int) -> None:  # type: ignore[no-untyped-def]
        """Count garbage characters, and ask pdfium about a sample of up to 32 characters per page."""
        self.result.bad_chars += len(_BAD_CHARS.findall(text))
        step = max(1, count // 32)
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
        size, baseline = _size_and_baseline(textpage, first)
        n_rects = pdfium_c.FPDFText_CountRects(textpage, start, end - start)
        if n_rects <= 0:
            return
        last = start + len(segment.rstrip()) - 1
        if not (self._embedded_at(textpage, first) and self._embedded_at(textpage, last)):
            # A substituted font: the line's box from origins, sizes and advances (see _origin_box).
            x = _origin(textpage, first)[0]
            last_x, last_baseline = _origin(textpage, last)
            if n_rects > 1 or abs(last_baseline - baseline) > 0.3 * max(size, 1.0) or last_x < x:
                # several runs (maybe two columns pdfium joined) or a slanted line: per character
                self._careful(textpage, text, start, end, scan)
                return
            rects = [(x, baseline - 0.2 * size, _origin_box(textpage, last)[2], baseline + 0.8 * size)]
        elif n_rects <= MAX_RECTS:
            rects = _rects(textpage, n_rects)
        else:
            # Many runs on one line (a CJK font split into 256-glyph subsets): judge the line by
            # its first and last characters instead of fetching every rectangle.
            x = _origin(textpage, first)[0]
            last_x, last_baseline = _origin(textpage, last)
            if abs(last_baseline - baseline) > 0.3 * max(size, 1.0) or last_x < x:
                self._careful(textpage, text, start, end, scan)
                return
            left = _char_box(textpage, first)[0]
            right = _char_box(textpage, last)[2]
            rects = [(left, baseline - 0.25 * size, right, baseline + 0.85 * size)]
        if not _one_baseline(rects, size) or not _inside(rects, self.box):
            self._careful(textpage, text, start, end, scan)
            return
        self._add_line(stripped, rects, baseline, size)

    def _add_line(self, text: str, rects, baseline: float, size: float) -> None:  # type: ignore[no-untyped-def]
        if text[-1] in LINE_END_HYPHENS:
            text = text[:-1] + "-"  # pdfium marks a hyphen at a line end as U+FFFE (older: U+0002)
        if len(rects) == 1:
            x0, bottom, x1, top = rects[0]
        else:
            xs0, bottoms, xs1, tops = zip(*rects, strict=True)
            x0, x1, bottom, top = min(xs0), max(xs1), min(bottoms), max(tops)
        # Coordinates relative to the visible box, so that (0, 0) is its lower left corner.
        bx, by = self.box[0], self.box[1]
        self.result.lines.append(Line(text, self.number, x0 - bx, x1 - bx, bottom - by, top - by,
                                      baseline - by, size))
        self.result.chars += len(text) - text.count(" ")

    def _careful(self, textpage, text: str, start: int, end: int, scan: _ObjectScan) -> None:  # type: ignore[no-untyped-def]
        """Character by character: drop hidden characters, then rebuild lines from geometry."""
        x0, y0, x1, y1 = self.box
        visible: list[_Char] = []
        hidden_kind: ExcludedKind | None = None
        hidden_detail = ""
        hidden_text: list[str] = []
        hidden_y: float | None = None

        def flush_hidden() -> None:
            nonlocal hidden_kind, hidden_text, hidden_y
            if hidden_kind is not None and "".join(hidden_text).strip():
                self.result.hidden.append(HiddenRun(hidden_kind, " ".join("".join(hidden_text).split()),
                                                    self.number, hidden_detail, hidden_y))
            hidden_kind, hidden_text, hidden_y = None, [], None

        for i in range(start, end):
            ch = text[i]
            if ch in "\r\n":
                continue
            generated = pdfium_c.FPDFText_IsGenerated(textpage, i) == 1
            reason: tuple[ExcludedKind, str] | None = None
            box = (0.0, 0.0, 0.0, 0.0)
            if not generated:
                obj = pdfium_c.FPDFText_GetTextObject(textpage, i)
                handle = _address(obj) if obj else 0
                if scan.suspicious:
                    reason = scan.suspicious.get(handle)
                box = _char_box(textpage, i) if self._embedded(obj, handle) else _origin_box(textpage, i)
                if reason is None:
                    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
                    if not (x0 <= cx <= x1 and y0 <= cy <= y1):
                        reason = (ExcludedKind.OFF_PAGE, "outside the visible page box")
            if reason is not None:
                if hidden_kind is not None and reason[0] != hidden_kind:
                    flush_hidden()
                if hidden_y is None:
                    hidden_y = box[1] - y0
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
