"""Styles and list numbering of a DOCX, as Word would resolve them.

Why not python-docx: it exposes neither resolved style inheritance nor the
numbering label Word shows ("4.1", "(a)", "第三条"), and contracts carry their
clause numbers in exactly those labels.

* :class:`StyleSheet` resolves paragraph and character styles through
  ``w:basedOn`` (with cycle guards) into the few properties the reader needs:
  heading level, inherited ``w:numPr``, ``pageBreakBefore``, and run
  properties that hide text (vanish, colour, size, shading).
* :class:`Numbering` keeps Word's list counters (per abstract numbering,
  restarted by ``w:startOverride`` and by ``w:lvlRestart``) and renders
  ``w:lvlText`` with each level's ``w:numFmt``.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_VAL = w("val")
OFF_VALUES = frozenset({"0", "false", "off", "none"})

HIGHLIGHT_HEX = {
    "black": "000000", "blue": "0000FF", "cyan": "00FFFF", "green": "00FF00", "magenta": "FF00FF",
    "red": "FF0000", "yellow": "FFFF00", "white": "FFFFFF", "darkBlue": "000080", "darkCyan": "008080",
    "darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000",
    "darkGray": "808080", "lightGray": "C0C0C0",
}

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "标题"})


def is_on(el: etree._Element | None) -> bool:
    """Value of an OOXML on/off property element (absent val means on)."""
    if el is None:
        return False
    val = el.get(W_VAL)
    return val is None or val.lower() not in OFF_VALUES


def hex_color(value: str | None) -> str | None:
    """``RRGGBB`` upper-case, or None for auto/none/invalid."""
    if not value:
        return None
    value = value.strip().upper()
    if len(value) == 6 and all(c in "0123456789ABCDEF" for c in value):
        return value
    return None


#: Share of the pattern colour in each ``w:shd/@w:val`` pattern (the rest is the fill). Stripes,
#: crosses and trellises paint about half the area; "solid" paints only the pattern colour.
_PATTERN_SHARE = {"clear": 0.0, "solid": 1.0, "horzStripe": 0.5, "vertStripe": 0.5, "reverseDiagStripe": 0.5,
                  "diagStripe": 0.5, "horzCross": 0.5, "diagCross": 0.5, "thinHorzStripe": 0.25,
                  "thinVertStripe": 0.25, "thinReverseDiagStripe": 0.25, "thinDiagStripe": 0.25,
                  "thinHorzCross": 0.25, "thinDiagCross": 0.25}


#: ``w:themeColor``/``w:themeFill`` names -> the theme's colour-scheme slot (``a:clrScheme``).
THEME_SLOTS = {"dark1": "dk1", "text1": "dk1", "light1": "lt1", "background1": "lt1", "dark2": "dk2",
               "text2": "dk2", "light2": "lt2", "background2": "lt2", "hyperlink": "hlink",
               "followedHyperlink": "folHlink", **{f"accent{i}": f"accent{i}" for i in range(1, 7)}}
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
Theme = dict[str, str]


def read_theme(root: etree._Element | None) -> Theme:
    """Colour-scheme slot -> ``RRGGBB`` of a theme part (``word/theme/theme1.xml``)."""
    out: Theme = {}
    if root is None:
        return out
    scheme = next(root.iter(f"{{{A_NS}}}clrScheme"), None)
    if scheme is None:
        return out
    for slot in scheme:
        if not isinstance(slot.tag, str):
            continue
        for colour in slot:
            value = colour.get("val") if colour.tag == f"{{{A_NS}}}srgbClr" else colour.get("lastClr")
            if hex_color(value):
                out[etree.QName(slot).localname] = hex_color(value) or ""
                break
    return out


def theme_color(el: etree._Element, attr: str, tint_attr: str, shade_attr: str, theme: Theme | None,
                fallback: str | None) -> str | None:
    """The colour Word paints for ``el``: a theme colour (with its tint or shade) wins over the
    literal value, as in Word; the literal value when the theme does not define it."""
    name = el.get(w(attr))
    slot = THEME_SLOTS.get(name or "")
    base = theme.get(slot) if theme and slot else None
    if base is None:
        return fallback
    channels = [int(base[i:i + 2], 16) for i in (0, 2, 4)]
    tint, shade = _hex_byte(el.get(w(tint_attr))), _hex_byte(el.get(w(shade_attr)))
    if tint is not None:
        channels = [round(c * tint / 255 + 255 * (1 - tint / 255)) for c in channels]
    if shade is not None:
        channels = [round(c * shade / 255) for c in channels]
    return "".join(f"{c:02X}" for c in channels)


def _hex_byte(value: str | None) -> int | None:
    try:
        return int(value, 16) if value else None
    except ValueError:
        return None


def shading_fill(shd: etree._Element | None, theme: Theme | None = None) -> str | None:
    """The colour a ``w:shd`` paints (``RRGGBB``), or None when it paints nothing.

    Word draws the pattern colour (``w:color``) over the fill in the proportion the
    pattern (``w:val``) gives: ``solid`` is the pattern colour alone (an automatic
    pattern colour is black), ``pct25`` a quarter of it, ``clear`` the fill alone.
    """
    if shd is None:
        return None
    val = shd.get(W_VAL) or "clear"
    if val == "nil":
        return None
    fill = theme_color(shd, "themeFill", "themeFillTint", "themeFillShade", theme, hex_color(shd.get(_FILL)))
    if val.startswith("pct") and val[3:].isdigit():
        share = min(int(val[3:]), 100) / 100
    else:
        share = _PATTERN_SHARE.get(val, 0.5)
    if share == 0.0:
        return fill
    pattern = theme_color(shd, "themeColor", "themeTint", "themeShade", theme,
                          hex_color(shd.get(_COLOR_ATTR))) or "000000"
    base = fill or "FFFFFF"
    mixed = (round(int(base[i:i + 2], 16) * (1 - share) + int(pattern[i:i + 2], 16) * share) for i in (0, 2, 4))
    return "".join(f"{c:02X}" for c in mixed)


def luminance(color: str) -> float:
    r, g, b = int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)
    return 0.299 * r + 0.587 * g + 0.114 * b


def read_rpr(rpr: etree._Element | None, theme: Theme | None = None) -> dict[str, object]:
    """The run properties we care about that ``rpr`` sets explicitly."""
    out: dict[str, object] = {}
    if rpr is None:
        return out
    for child in rpr:
        tag = child.tag
        if tag == _VANISH:  # w:specVanish alone is shown (it only joins a paragraph to the next)
            if is_on(child):
                out["hidden"] = True
            elif "hidden" not in out:
                out["hidden"] = False
        elif tag == _COLOR:
            val = child.get(W_VAL)
            literal = hex_color(val) if val and val.lower() != "auto" else "auto"
            out["color"] = theme_color(child, "themeColor", "themeTint", "themeShade", theme, literal)
        elif tag == _SZ:
            with contextlib.suppress(ValueError):
                out["sz"] = int(child.get(W_VAL) or "")
        elif tag == _HIGHLIGHT:
            val = child.get(W_VAL) or ""
            out["bg"] = HIGHLIGHT_HEX.get(val)
        elif tag == _SHD:
            fill = shading_fill(child, theme)
            if fill is not None:
                out.setdefault("bg", fill)
    return out


_VANISH = w("vanish")
_FILL, _COLOR_ATTR = w("fill"), w("color")
_COLOR = w("color")
_SZ = w("sz")
_HIGHLIGHT = w("highlight")
_SHD = w("shd")
_STYLE, _STYLE_ID, _TYPE, _DEFAULT = w("style"), w("styleId"), w("type"), w("default")


@dataclass(slots=True)
class _Style:
    id: str
    type: str
    name: str
    based_on: str | None
    rpr: dict[str, object]
    outline: int | None
    num_id: str | None
    ilvl: int | None
    page_break_before: bool | None
    shading: str | None
    has_num: bool


@dataclass(frozen=True, slots=True)
class ParaStyle:
    """A paragraph style resolved through its ``basedOn`` chain."""

    id: str | None
    name: str | None
    heading: bool
    heading_level: int | None
    num_id: str | None
    ilvl: int | None
    page_break_before: bool
    shading: str | None
    rpr: dict[str, object] = field(default_factory=dict)


#: Conditional table formats in the order Word applies them: a later one wins over an earlier one.
COND_ORDER = ("band1Vert", "band2Vert", "band1Horz", "band2Horz", "firstCol", "lastCol", "firstRow", "lastRow",
              "neCell", "nwCell", "seCell", "swCell")


@dataclass(frozen=True, slots=True)
class TablePaint:
    """What a table style paints, resolved through ``basedOn``: the shading behind the whole
    table, behind each cell, the run properties it gives the table's text, and the same per
    conditional format (``w:tblStylePr``: header row, bands, first column, corners)."""

    table_fill: str | None = None
    cell_fill: str | None = None
    rpr: dict[str, object] = field(default_factory=dict)
    cond_fill: dict[str, str] = field(default_factory=dict)
    cond_rpr: dict[str, dict[str, object]] = field(default_factory=dict)
    row_band: int = 1
    col_band: int = 1


NO_TABLE_PAINT = TablePaint()


class StyleSheet:
    """Resolved styles of one document (``word/styles.xml``).

    A document uses a handful of the hundreds of styles Word's template
    declares, so each ``w:style`` is only indexed here and read the first time
    a lookup reaches it (reading them all was most of the reader's set-up).
    """

    def __init__(self, root: etree._Element | None, theme: Theme | None = None):
        self.theme: Theme = theme or {}
        self._styles: dict[str, _Style] = {}
        self._elements: dict[str, etree._Element] = {}  # styleId -> w:style, read on first use
        self.default_rpr: dict[str, object] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self._para_cache: dict[str | None, ParaStyle] = {}
        self._char_cache: dict[str, dict[str, object]] = {}
        self._table_cache: dict[str | None, TablePaint] = {}
        self.default_table: str | None = None
        if root is None:
            return
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
            self.default_rpr = read_rpr(rpr, self.theme)
        elements = self._elements
        for el in root.iter(_STYLE):
            sid = el.get(_STYLE_ID)
            if not sid:
                continue
            elements[sid] = el  # a repeated id: the last one wins
            if el.get(_DEFAULT) in ("1", "true", "on") or is_on(next(el.iterchildren(_DEFAULT), None)):
                stype = el.get(_TYPE) or "paragraph"
                if stype == "paragraph" and self.default_para is None:
                    self.default_para = sid
                elif stype == "character" and self.default_char is None:
                    self.default_char = sid
                elif stype == "table" and self.default_table is None:
                    self.default_table = sid

    def _style(self, sid: str) -> _Style | None:
        """The parsed ``w:style`` with id ``sid`` (None when the document has none)."""
        style = self._styles.get(sid)
        if style is not None:
            return style
        el = self._elements.get(sid)
        if el is None:
            return None
        stype = el.get(_TYPE) or "paragraph"
        name_el = el.find(w("name"))
        based_el = el.find(w("basedOn"))
        ppr = el.find(w("pPr"))
        outline = num_id = ilvl = page_break = shading = None
        has_num = False
        if ppr is not None:
            outline_el = ppr.find(w("outlineLvl"))
            if outline_el is not None:
                outline = _int(outline_el.get(W_VAL))
            num_pr = ppr.find(w("numPr"))
            if num_pr is not None:
                has_num = True
                nid = num_pr.find(w("numId"))
                num_id = nid.get(W_VAL) if nid is not None else None
                lvl = num_pr.find(w("ilvl"))
                ilvl = _int(lvl.get(W_VAL)) if lvl is not None else None
            pbb = ppr.find(w("pageBreakBefore"))
            if pbb is not None:
                page_break = is_on(pbb)
            shading = shading_fill(ppr.find(w("shd")), self.theme)
        style = _Style(
            id=sid,
            type=stype,
            name=(name_el.get(W_VAL) if name_el is not None else None) or sid,
            based_on=based_el.get(W_VAL) if based_el is not None else None,
            rpr=read_rpr(el.find(w("rPr")), self.theme),
            outline=outline,
            num_id=num_id,
            ilvl=ilvl,
            page_break_before=page_break,
            shading=shading,
            has_num=has_num,
        )
        self._styles[sid] = style
        return style

    def _chain(self, sid: str | None) -> list[_Style]:
        """The style and its ancestors, nearest first (cycles cut)."""
        chain: list[_Style] = []
        seen: set[str] = set()
        while sid and sid not in seen:
            style = self._style(sid)
            if style is None:
                break
            seen.add(sid)
            chain.append(style)
            sid = style.based_on
        return chain

    def para(self, sid: str | None) -> ParaStyle:
        """Resolved paragraph style ``sid`` (the default style when None/unknown)."""
        cached = self._para_cache.get(sid)
        if cached is not None:
            return cached
        chain = self._chain(sid if sid in self._elements else self.default_para)
        rpr: dict[str, object] = dict(self.default_rpr)
        for style in reversed(chain):
            rpr.update(style.rpr)
        heading_level: int | None = None
        heading = False
        for style in chain:
            m = _HEADING_NAME.match(style.name.strip())
            if m:
                heading, heading_level = True, int(m.group(1))
                break
            if style.name.strip().lower() in _TITLE_NAMES:
                heading = True
                break
        outline = next((s.outline for s in chain if s.outline is not None), None)
        if not heading and outline is not None and 0 <= outline <= 8:
            heading, heading_level = True, outline + 1
        num_style = next((s for s in chain if s.has_num), None)
        resolved = ParaStyle(
            id=chain[0].id if chain else None,
            name=chain[0].name if chain else None,
            heading=heading,
            heading_level=heading_level,
            num_id=num_style.num_id if num_style else None,
            ilvl=num_style.ilvl if num_style else None,
            page_break_before=bool(next((s.page_break_before for s in chain
                                         if s.page_break_before is not None), False)),
            shading=next((s.shading for s in chain if s.shading is not None), None),
            rpr=rpr,
        )
        self._para_cache[sid] = resolved
        return resolved

    def char(self, sid: str) -> dict[str, object]:
        """Run properties a character style sets (through its chain)."""
        cached = self._char_cache.get(sid)
        if cached is not None:
            return cached
        rpr: dict[str, object] = {}
        for style in reversed(self._chain(sid)):
            rpr.update(style.rpr)
        self._char_cache[sid] = rpr
        return rpr

    def table(self, sid: str | None) -> TablePaint:
        """What table style ``sid`` (the default table style when None/unknown) paints."""
        cached = self._table_cache.get(sid)
        if cached is not None:
            return cached
        chain = self._chain(sid if sid in self._elements else self.default_table)
        table_fill = cell_fill = None
        row_band = col_band = 1
        rpr: dict[str, object] = {}
        cond_fill: dict[str, str] = {}
        cond_rpr: dict[str, dict[str, object]] = {}
        for style in reversed(chain):  # ancestors first: a derived style overrides what it sets
            el = self._elements[style.id]
            tblpr = el.find(w("tblPr"))
            if tblpr is not None:
                table_fill = _shading_or(tblpr.find(_SHD), table_fill, self.theme)
                row_band = _int(_val(tblpr, "tblStyleRowBandSize"), row_band) or 1
                col_band = _int(_val(tblpr, "tblStyleColBandSize"), col_band) or 1
            tcpr = el.find(w("tcPr"))
            if tcpr is not None:
                cell_fill = _shading_or(tcpr.find(_SHD), cell_fill, self.theme)
            rpr.update(style.rpr)
            for cond in el.iterchildren(w("tblStylePr")):
                kind = cond.get(_TYPE) or ""
                cond_tcpr = cond.find(w("tcPr"))
                fill = shading_fill(cond_tcpr.find(_SHD), self.theme) if cond_tcpr is not None else None
                if fill is not None:
                    cond_fill[kind] = fill
                cond_rpr.setdefault(kind, {}).update(read_rpr(cond.find(w("rPr")), self.theme))
        paint = TablePaint(table_fill, cell_fill, rpr, cond_fill, cond_rpr, max(row_band, 1), max(col_band, 1))
        self._table_cache[sid] = paint
        return paint

    def style_num_id(self, sid: str) -> str | None:
        """numId a (numbering) style links to, for ``w:numStyleLink``."""
        for style in self._chain(sid):
            if style.num_id is not None:
                return style.num_id
        return None


def _val(parent: etree._Element, tag: str) -> str | None:
    """``w:val`` of the first child ``tag`` of ``parent`` (None when absent)."""
    child = parent.find(w(tag))
    return child.get(W_VAL) if child is not None else None


def _shading_or(shd: etree._Element | None, default: str | None, theme: Theme) -> str | None:
    """The colour ``shd`` paints; ``default`` when there is no ``w:shd`` (an explicit nil clears it)."""
    if shd is None:
        return default
    return shading_fill(shd, theme)


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# ---------------------------------------------------------------------------
# number formats


_ZH_DIGITS = "〇一二三四五六七八九"
_ZH_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_IDEOGRAPH_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_IDEOGRAPH_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa.. (the letter repeats)."""
    n -= 1
    return chr(ord("a") + n % 26) * (n // 26 + 1)


def _zh_counting(n: int, digits: str = "零一二三四五六七八九", units: str = "十百千") -> str:
    """Chinese counting numerals: 十, 十一, 二十, 一百零五 (below 10,000)."""
    if n == 0:
        return digits[0]
    if n >= 10000:
        return str(n)
    parts: list[str] = []
    values = [(1000, units[2]), (100, units[1]), (10, units[0]), (1, "")]
    zero_pending = False
    for value, unit in values:
        d = n // value % 10
        if d == 0:
            if parts:
                zero_pending = True
            continue
        if zero_pending:
            parts.append(digits[0])
            zero_pending = False
        if value == 10 and d == 1 and not parts and digits[1] == "一":
            parts.append(unit)  # 十一, not 一十一
        else:
            parts.append(digits[d] + unit)
    return "".join(parts)


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in OOXML number format ``fmt`` (decimal fallback)."""
    if n < 0:
        return str(n)
    if fmt == "decimal" or not fmt:
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n) if n > 0 else str(n)
    if fmt == "upperLetter":
        return _letters(n).upper() if n > 0 else str(n)
    if fmt == "lowerRoman":
        return _roman(n) if n > 0 else str(n)
    if fmt == "upperRoman":
        return _roman(n).upper() if n > 0 else str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return _zh_counting(n)
    if fmt in ("chineseLegalSimplified", "japaneseLegal"):
        return _zh_counting(n, _ZH_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_ZH_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _IDEOGRAPH_TRADITIONAL[n - 1] if 1 <= n <= 10 else str(n)
    if fmt == "ideographZodiac":
        return _IDEOGRAPH_ZODIAC[n - 1] if 1 <= n <= 12 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if fmt == "none":
        return ""
    return str(n)


# ---------------------------------------------------------------------------
# numbering


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # w:lvlRestart (1-based level; 0 = never)
    is_lgl: bool = False
    pstyle: str | None = None


def _read_level(el: etree._Element) -> Level:
    level = Level()
    for child in el:
        tag = child.tag
        if tag == _START:
            level.start = _int(child.get(W_VAL), 1) or 0
        elif tag == _NUMFMT:
            level.fmt = child.get(W_VAL) or "decimal"
        elif tag == _LVLTEXT:
            level.text = child.get(W_VAL)
        elif tag == _LVLRESTART:
            level.restart = _int(child.get(W_VAL))
        elif tag == _ISLGL:
            level.is_lgl = is_on(child)
        elif tag == _PSTYLE:
            level.pstyle = child.get(W_VAL)
    return level


_START = w("start")
_NUMFMT = w("numFmt")
_LVLTEXT = w("lvlText")
_LVLRESTART = w("lvlRestart")
_ISLGL = w("isLgl")
_PSTYLE = w("pStyle")
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(slots=True)
class _Num:
    abstract: str
    starts: dict[int, int]  # ilvl -> startOverride
    levels: dict[int, Level]  # ilvl -> overriding w:lvl


class Numbering:
    """List counters of one document; call :meth:`next_label` in reading order."""

    def __init__(self, root: etree._Element | None, styles: StyleSheet):
        self._abstract: dict[str, dict[int, Level]] = {}
        self._style_link: dict[str, str] = {}  # abstractNumId -> numbering style id
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        self._resolved_cache: dict[str, _Resolved | None] = {}
        self._styles = styles
        if root is None:
            return
        for el in root.iter(w("abstractNum")):
            aid = el.get(w("abstractNumId"))
            if aid is None:
                continue
            levels = {}
            for lvl in el.iter(w("lvl")):
                ilvl = _int(lvl.get(w("ilvl")), 0) or 0
                levels[ilvl] = _read_level(lvl)
            self._abstract[aid] = levels
            link = el.find(w("numStyleLink"))
            if link is not None and link.get(W_VAL):
                self._style_link[aid] = link.get(W_VAL) or ""
        for el in root.iter(w("num")):
            nid = el.get(w("numId"))
            ab = el.find(w("abstractNumId"))
            if nid is None or ab is None:
                continue
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in el.iter(w("lvlOverride")):
                ilvl = _int(override.get(w("ilvl")), 0) or 0
                so = override.find(w("startOverride"))
                if so is not None:
                    starts[ilvl] = _int(so.get(W_VAL), 1) or 0
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _read_level(lvl)
            self._nums[nid] = _Num(ab.get(W_VAL) or "", starts, levels)

    def _abstract_id(self, num_id: str) -> str | None:
        num = self._nums.get(num_id)
        seen: set[str] = set()
        aid = num.abstract if num else None
        while aid is not None and aid in self._style_link and aid not in seen:
            seen.add(aid)
            linked = self._styles.style_num_id(self._style_link[aid])
            target = self._nums.get(linked) if linked else None
            if target is None:
                break
            aid = target.abstract
        return aid

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """ilvl whose ``w:pStyle`` is ``style_id`` (a style-driven list)."""
        aid = self._abstract_id(num_id)
        if aid is None or style_id is None:
            return None
        for ilvl, level in self._abstract.get(aid, {}).items():
            if level.pstyle == style_id:
                return ilvl
        return None

    def _level(self, num: _Num, aid: str, ilvl: int) -> Level | None:
        return num.levels.get(ilvl) or self._abstract.get(aid, {}).get(ilvl)

    def _resolved(self, num_id: str) -> _Resolved | None:
        """Levels, restart rules and label templates of a list instance (cached)."""
        if num_id in self._resolved_cache:
            return self._resolved_cache[num_id]
        resolved = None
        num = self._nums.get(num_id)
        aid = self._abstract_id(num_id) if num is not None else None
        if num is not None and aid is not None and aid in self._abstract:
            levels = [self._level(num, aid, k) for k in range(9)]
            restarts = []
            for k, level in enumerate(levels):
                restart = level.restart if level is not None and level.restart is not None else k
                restarts.append(restart)
            templates = []
            for level in levels:
                parts: list[str | int] = []
                if level is not None and level.text is not None:
                    pos = 0
                    for m in _PLACEHOLDER.finditer(level.text):
                        parts.append(level.text[pos:m.start()])
                        parts.append(int(m.group(1)) - 1)
                        pos = m.end()
                    parts.append(level.text[pos:])
                templates.append(parts)
            # levels a paragraph at level k restarts (those below it whose w:lvlRestart allows it)
            resets = [[deeper for deeper in range(k + 1, 9) if restarts[deeper] != 0 and k < restarts[deeper]]
                      for k in range(9)]
            resolved = _Resolved(aid, num.starts, levels, restarts, templates, resets)
        self._resolved_cache[num_id] = resolved
        return resolved

    def next_label(self, num_id: str, ilvl: int) -> tuple[str | None, bool]:
        """Advance the list and return ``(label, is_bullet)`` for one paragraph.

        ``label`` is None when the list has no visible number (bullets,
        ``numFmt none``, undefined lists).
        """
        res = self._resolved(num_id)
        if res is None:
            return None, False
        ilvl = max(0, min(ilvl, 8))
        level = res.levels[ilvl]
        if level is None:
            return None, False
        counters = self._counters.get(res.abstract)
        if counters is None:
            counters = self._counters[res.abstract] = [None] * 9
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl_index in res.starts:
                if 0 <= lvl_index < 9:
                    counters[lvl_index] = None  # a startOverride restarts that level
        current = counters[ilvl]
        counters[ilvl] = res.starts.get(ilvl, level.start) if current is None else current + 1
        for deeper in res.resets[ilvl]:
            counters[deeper] = None
        if level.fmt == "bullet":
            return None, True
        if level.text is None:
            return None, False
        out = []
        for part in res.templates[ilvl]:
            if isinstance(part, str):
                out.append(part)
                continue
            lvl = res.levels[part]
            value = counters[part]
            if value is None:
                value = res.starts.get(part, lvl.start if lvl else 1)
            fmt = lvl.fmt if lvl else "decimal"
            if level.is_lgl and fmt != "none":
                fmt = "decimal"
            out.append(str(value) if fmt == "decimal" else format_number(value, fmt))
        label = "".join(out).strip()
        return (label or None), False


@dataclass(slots=True)
class _Resolved:
    abstract: str
    starts: dict[int, int]
    levels: list[Level | None]
    restarts: list[int]
    templates: list[list[str | int]]
    resets: list[list[int]]
