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
the page box, is read character by character.

Not visible (excluded, with its kind): text whose paint (the fill, the
stroke, or either for fill-and-stroke outlines, by render mode) cannot be
told from what is painted under it (the last filled path or image under
it, else white paper: white on a black box is visible, white on white is
not); fully transparent text; an effective size of 2 pt or less; a glyph
centre outside the intersection of media and crop box; text in an
optional-content layer that is off by default; invisible render modes,
unless the text lies over an image that carries ink under it (the OCR
layer of a scan). Not detected: text covered by a shape painted after it,
or clipped away by a clipping path.

Positions of text in fonts that are not embedded come from the PDF (glyph
origins, sizes, advances), never from the glyph boxes of whatever system
font pdfium substitutes, so the result does not depend on the fonts
installed (see :func:`_origin_box`).
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
    origin: str | None = None  # where text outside the page content came from: pdf-annotation, pdf-form-field

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
    text: str = ""  # the page's text as pdfium maps it (compared with the glyphs' own mapping)


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
class _Painted:
    """Something painted on the page before a text object: a filled path or an image."""

    box: tuple[float, float, float, float]
    rgb: tuple[int, int, int] | None  # a fill's colour; None for an image
    image: object = None  # the image object handle (to look at its pixels)
    matrix: tuple[float, ...] | None = None  # the image's placement (unit square -> page)


@dataclass(slots=True)
class _ObjectScan:
    suspicious: dict[int, tuple[ExcludedKind, str]] = field(default_factory=dict)  # handle -> reason
    text_objects: int = 0
    image_area: float = 0.0
    painted: list[_Painted] = field(default_factory=list)
    dark_fill: bool = False  # a fill that is not near white: text colour must be judged against it


def _address(obj) -> int:  # type: ignore[no-untyped-def]
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


def _utf16(fn, *args) -> str:  # type: ignore[no-untyped-def]
    """A string from a pdfium getter that writes UTF-16LE (buffer, byte length, out length)."""
    out = ctypes.c_ulong()
    buf = (ctypes.c_ushort * 256)()
    if not fn(*args, buf, ctypes.sizeof(buf), out):
        return ""
    return bytes(buf)[: max(0, min(out.value, ctypes.sizeof(buf)) - 2)].decode("utf-16-le", "replace")


def _contrast(colour: tuple[int, int, int], background: tuple[int, int, int]) -> bool:
    """Can a reader tell a colour from its background? (255 - NEAR_WHITE is the smallest gap read.)"""
    return max(abs(a - b) for a, b in zip(colour, background, strict=True)) > 255 - NEAR_WHITE + 32


class _Images:
    """Pixels of the page's images, decoded once each (bounded: the stream guard measured them)."""

    def __init__(self) -> None:
        self.cache: dict[int, tuple[int, int, int, int, bytes] | None] = {}

    def bitmap(self, image) -> tuple[int, int, int, int, bytes] | None:  # type: ignore[no-untyped-def]
        """(width, height, stride, bytes per pixel, buffer) or None when it cannot be decoded."""
        key = _address(image)
        if key in self.cache:
            return self.cache[key]
        result = None
        w, h = ctypes.c_uint(), ctypes.c_uint()
        if pdfium_c.FPDFImageObj_GetImagePixelSize(image, w, h) and 0 < w.value * h.value <= MAX_IMAGE_PIXELS:
            bitmap = pdfium_c.FPDFImageObj_GetBitmap(image)
            if bitmap:
                try:
                    width, height = pdfium_c.FPDFBitmap_GetWidth(bitmap), pdfium_c.FPDFBitmap_GetHeight(bitmap)
                    stride = pdfium_c.FPDFBitmap_GetStride(bitmap)
                    bpp = {1: 1, 2: 3, 3: 4, 4: 4}.get(pdfium_c.FPDFBitmap_GetFormat(bitmap), 0)
                    buffer = pdfium_c.FPDFBitmap_GetBuffer(bitmap)
                    if bpp and buffer and width > 0 and height > 0:
                        result = (width, height, stride, bpp, ctypes.string_at(buffer, stride * height))
                finally:
                    pdfium_c.FPDFBitmap_Destroy(bitmap)
        self.cache[key] = result
        return result

    def patch(self, item: _Painted, box: tuple[float, float, float, float]) -> tuple[float, float] | None:
        """(share of dark bytes, mean byte value) of the image under ``box`` (page space)."""
        pixels = self.bitmap(item.image)
        if pixels is None or item.matrix is None:
            return None
        width, height, stride, bpp, data = pixels
        a, b, c, d, e, f = item.matrix
        if abs(b) > 1e-6 or abs(c) > 1e-6 or abs(a) < 1e-6 or abs(d) < 1e-6:
            x0, x1, y0, y1 = 0, width, 0, height  # rotated or skewed: the whole image
        else:
            u0, u1 = sorted(((box[0] - e) / a, (box[2] - e) / a))
            v0, v1 = sorted(((box[1] - f) / d, (box[3] - f) / d))
            x0, x1 = max(0, int(u0 * width)), min(width, math.ceil(u1 * width))
            y0, y1 = max(0, int((1 - v1) * height)), min(height, math.ceil((1 - v0) * height))
        if x1 <= x0 or y1 <= y0:
            return None
        dark = total = mean = 0
        for row in range(y0, y1):
            line = data[row * stride + x0 * bpp: row * stride + x1 * bpp]
            dark += len(line) - len(line.translate(None, _DARK_BYTES))
            mean += sum(line)
            total += len(line)
        return dark / total, mean / total


#: Byte values (per channel) that count as ink.
_DARK_BYTES = bytes(range(128))
#: Images larger than this are not decoded to look for ink (invisible text over them is excluded).
MAX_IMAGE_PIXELS = 40_000_000
#: Share of dark pixels under invisible text that makes the image a scan of it (an OCR layer).
OCR_INK = 0.01


class _ObjectScanner:
    """Classifies text objects by colour against what is painted under them, render mode,
    effective size and optional-content layer.

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
        self.fillmode, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.images = _Images()
        #: names of the optional-content groups shown by default; text in any other layer (or in
        #: every layer, while this is None: nothing known) is excluded
        self.shown_layers: frozenset[str] | None = None

    def colour(self, obj, stroke: bool) -> tuple[tuple[int, int, int], int]:  # type: ignore[no-untyped-def]
        r, g, b, a = self.r, self.g, self.b, self.a
        (pdfium_c.FPDFPageObj_GetStrokeColor if stroke else pdfium_c.FPDFPageObj_GetFillColor)(obj, r, g, b, a)
        return (r.value, g.value, b.value), a.value

    def scan(self, container, count_fn, get_fn, box: tuple[float, float, float, float],  # type: ignore[no-untyped-def]
             result: _ObjectScan, parent: tuple[float, ...] | None, depth: int = 0,
             layer: str | None = None) -> None:
        text_type, image_type, form_type, path_type = (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_IMAGE,
                                                       pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_PATH)
        get_type = pdfium_c.FPDFPageObj_GetType
        get_size = pdfium_c.FPDFTextObj_GetFontSize
        get_matrix = pdfium_c.FPDFPageObj_GetMatrix
        get_mode = pdfium_c.FPDFTextObj_GetTextRenderMode
        count_marks = pdfium_c.FPDFPageObj_CountMarks
        size, m = self.size, self.matrix
        text_objects = 0
        for i in range(count_fn(container)):
            obj = get_fn(container, i)
            # The render mode is -1 for anything but text: one call fewer per text object.
            mode = get_mode(obj)
            kind = text_type if mode >= 0 else get_type(obj)
            if kind == text_type:
                text_objects += 1
                get_size(obj, size)
                get_matrix(obj, m)
                s = size.value
                squared = s * s * abs(m.a * m.d - m.b * m.c)  # effective size squared
                if parent is not None:
                    squared *= abs(parent[0] * parent[3] - parent[1] * parent[2])
                off = layer or (self._layer_off(obj) if count_marks(obj) else None)
                if off is not None:
                    result.suspicious[_address(obj)] = (ExcludedKind.OPTIONAL_CONTENT, off)
                elif squared <= TINY_POINTS * TINY_POINTS:
                    effective = math.sqrt(squared)
                    result.suspicious[_address(obj)] = (ExcludedKind.TINY_TEXT, f"font size {effective:.2g} pt")
                else:
                    reason = self._unseen(obj, mode, math.sqrt(squared), (m.e, m.f), parent, result)
                    if reason is not None:
                        result.suspicious[_address(obj)] = reason
            elif kind == image_type:
                left, bottom, right, top = self._bounds(obj, parent)
                w = max(0.0, min(right, box[2]) - max(left, box[0]))
                h = max(0.0, min(top, box[3]) - max(bottom, box[1]))
                result.image_area += w * h
                matrix = _matrix(obj)
                result.painted.append(_Painted((left, bottom, right, top), None, obj,
                                               matrix if parent is None else _mul(matrix, parent)))
            elif kind == path_type:
                self._fill(obj, parent, result)
            elif kind == form_type and depth < 8:
                matrix = _matrix(obj)
                off = layer or (self._layer_off(obj) if count_marks(obj) else None)
                self.scan(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, box,
                          result, matrix if parent is None else _mul(matrix, parent), depth + 1, off)
        result.text_objects += text_objects

    def _fill(self, obj, parent: tuple[float, ...] | None, result: _ObjectScan) -> None:  # type: ignore[no-untyped-def]
        """Remember a filled path (an area a text could sit on) and whether it is dark."""
        if not pdfium_c.FPDFPath_GetDrawMode(obj, self.fillmode, self.stroke) or not self.fillmode.value:
            return
        rgb, alpha = self.colour(obj, stroke=False)
        if alpha < 128:
            return
        bounds = self._bounds(obj, parent)
        if (bounds[2] - bounds[0]) * (bounds[3] - bounds[1]) < 4:
            return
        result.painted.append(_Painted(bounds, rgb))
        if not all(v >= NEAR_WHITE for v in rgb):
            result.dark_fill = True

    def _layer_off(self, obj) -> str | None:  # type: ignore[no-untyped-def]
        """The detail when the object is in an optional-content layer not shown by default."""
        for k in range(pdfium_c.FPDFPageObj_CountMarks(obj)):
            mark = pdfium_c.FPDFPageObj_GetMark(obj, k)
            if _utf16(pdfium_c.FPDFPageObjMark_GetName, mark) != "OC":
                continue
            name = _utf16(pdfium_c.FPDFPageObjMark_GetParamStringValue, mark, b"Name")
            membership = pdfium_c.FPDFPageObjMark_GetParamValueType(mark, b"OCGs") != pdfium_c.FPDF_OBJECT_UNKNOWN
            if membership:
                return "optional content (a membership dictionary, not judged: excluded)"
            if self.shown_layers and name in self.shown_layers:
                continue
            return f"optional-content layer {name!r} off by default"
        return None

    def _unseen(self, obj, mode: int, size: float, origin: tuple[float, float],  # type: ignore[no-untyped-def]
                parent: tuple[float, ...] | None, result: _ObjectScan) -> tuple[ExcludedKind, str] | None:
        """Why a reader cannot see this text object, or None: its paint (fill, stroke or both by
        render mode) against what is painted under it, or invisible text not over a scan of it."""
        x, y = _apply(parent, *origin) if parent is not None else origin
        probe = (x + 0.25 * size, y + 0.3 * size)
        if mode in INVISIBLE_MODES:
            return self._invisible(obj, mode, probe, parent, result)
        paints = ((True,) if mode in (1, 5) else (False, True) if mode in (2, 6) else (False,))
        seen = []
        for stroke in paints:
            rgb, alpha = self.colour(obj, stroke)
            if alpha == 0:
                continue
            if not all(v >= NEAR_WHITE for v in rgb) and not result.dark_fill:
                return None  # the common case: dark text on a white page
            background = self._background(probe, result)
            if background is None or _contrast(rgb, background):
                return None
            seen.append((stroke, rgb, alpha, background))
        what = "stroke" if mode in (1, 5) else "fill"
        rgb, alpha = self.colour(obj, mode in (1, 5))
        detail = f"{what} rgba({rgb[0]},{rgb[1]},{rgb[2]},{alpha})"
        if seen and seen[0][3] != (255, 255, 255):
            detail += " on rgb({},{},{})".format(*seen[0][3])
        return ExcludedKind.WHITE_TEXT, detail

    def _background(self, probe: tuple[float, float], result: _ObjectScan) -> tuple[int, int, int] | None:
        """The colour painted last under a point (white paper when nothing is); None for an image
        whose pixels cannot be judged (then the text is taken as visible: fail closed)."""
        px, py = probe
        for item in reversed(result.painted):
            x0, y0, x1, y1 = item.box
            if x0 <= px <= x1 and y0 <= py <= y1:
                if item.rgb is not None:
                    return item.rgb
                stats = self.images.patch(item, (px - 2, py - 2, px + 2, py + 2))
                if stats is None:
                    return None
                level = round(stats[1])
                return level, level, level
        return 255, 255, 255

    def _invisible(self, obj, mode: int, probe: tuple[float, float],  # type: ignore[no-untyped-def]
                   parent: tuple[float, ...] | None, result: _ObjectScan) -> tuple[ExcludedKind, str] | None:
        """Invisible text counts only as the OCR layer of an image that carries ink under it."""
        px, py = probe
        box = self._bounds(obj, parent)
        for item in reversed(result.painted):
            x0, y0, x1, y1 = item.box
            if item.image is None or not (x0 <= px <= x1 and y0 <= py <= y1):
                continue
            stats = self.images.patch(item, box)
            if stats is not None and stats[0] >= OCR_INK:
                return None
            return ExcludedKind.HIDDEN, f"text render mode {mode} (invisible) over an image without ink under it"
        return ExcludedKind.HIDDEN, f"text render mode {mode} (invisible)"

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


def page_text(textpage, count: int) -> str:  # type: ignore[no-untyped-def]
    """The page's characters, one per char index."""
    text = _page_text(textpage, count)
    return text if text is not None else _page_text_slow(textpage, count)


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
        _SCANNER.images = _Images()  # handles are addresses: never reuse another page's pixels
        # Raw handles: pypdfium2 wrappers cost a property lookup on every ctypes call.
        _SCANNER.scan(self.page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, self.box,
                      scan, None)
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
        if text is None:  # astral characters: char indices and text indices differ
            text = _page_text_slow(textpage, count)
            careful_page = True
        self.result.text = text
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
