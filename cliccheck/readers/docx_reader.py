"""DOCX reader: the text a reader of the printed contract sees, with provenance.

The package is opened through :mod:`.safezip` (sizes, ratios, encryption and
DTDs are checked before anything is inflated or parsed); then the XML is read
in one pass with lxml. python-docx is not used: its ``paragraph.text`` drops
runs inside ``w:ins`` and ``w:sdt``, and it knows nothing of numbering labels.

Reading order (this is also what ``Block.paragraph`` counts: every ``w:p``
in this order, including empty ones):

1. the body of ``word/document.xml``: paragraphs, tables (row by row, cell by
   cell, nested tables in place), content controls, and the paragraphs of a
   text box right after the paragraph that anchors it (one branch of
   ``mc:AlternateContent`` only, so a text box is never read twice);
2. footnotes, then endnotes, in the order they are referenced;
3. headers, then footers, each part once, in the order the sections use them.

Tracked changes are read as if all were accepted: ``w:ins``/``w:moveTo``
text counts, ``w:del``/``w:delText``/``w:moveFrom`` text is excluded. Hidden
text, comments, field codes, (near-)white text and text of 2 pt or less are
excluded too. Excluded text never enters a block; it is listed in
``Document.excluded`` with its paragraph, page and author.

Mapping evidence back to runs (for the redline writer)
------------------------------------------------------
:func:`paragraph_segments` returns, for one ``w:p``, the ordered
:class:`Segment` list the reader built the block from. Each segment knows the
element it came from (``w:t``, ``w:delText``, ``w:tab``, ...), whether it is
visible, and its raw offsets ``start``/``end`` in the paragraph's raw text
(the concatenation of the visible segments' ``text``; an invisible segment
has ``start == end`` = where it sits). For a ``w:t`` segment ``text`` equals
the element's text, so raw offset ``r`` is ``element.text[r - start]``.

To map an evidence span of the document back to runs::

    block = doc.block_at(a)
    raw_a = block.origin[a - block.start]           # normalised -> raw
    raw_b = block.origin[b - 1 - block.start] + 1
    doc2, refs = read_docx_package(pkg, name, limits=limits, keep_segments=True)
    segments = refs[block.paragraph].segments       # the same w:p's segments
    hits = [s for s in segments if s.visible and s.start < raw_b and s.end > raw_a]

``refs[i].element`` is the ``w:p`` of paragraph ``i`` in the parsed tree of
``refs[i].part``, so edits can be made in place and the part re-serialised.

Pages: Word stores its last layout as ``w:lastRenderedPageBreak``; when a
document has any, only those count (hard breaks are followed by one, so
counting both would double them). Otherwise hard page breaks,
``pageBreakBefore`` and non-continuous section breaks count. A document with
none of these has ``page = None`` everywhere: no page is guessed.

What Word shows, not what is stored: of ``mc:AlternateContent`` the first
Choice whose ``Requires`` namespaces Word knows, else the Fallback; for a
data-bound content control the custom-XML value it is bound to
(:mod:`.docx_binding`); for a field marked dirty (or all fields, when the
settings say ``w:updateFields``) the recomputed text of a ``QUOTE``, nothing of
a TOC/PAGE/DATE-like field, and an ``unread`` note for any other. Text is
invisible when its colour is that of what is painted behind it: run shading or
highlight, paragraph shading, cell shading (direct, else the table style's
conditional formats as ``w:tblLook`` switches them, else its whole-table
shading), the table's own shading, the page colour only when the settings
display it (``w:displayBackgroundShape``); theme colours win over literal ones.

Known limits: a paragraph whose mark alone is deleted is not merged with the
next one (Word's accepted view would join them); Strict Open XML is refused and
``altChunk`` (embedded documents) are recorded in ``Document.unread``, not
read; first-page and even-page headers are read once each like any other
header; a data-bound block control is read from a paragraph built for it, so
the redline cannot comment inside it.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace

from lxml import etree

from ..errors import DocumentError, LimitExceeded
from ..limits import Limits
from ..model import Block, BlockKind, Document, ExcludedKind, ExcludedText, TableCell, UnreadContent
from ..normalize import normalize_compact, normalize_text
from .docx_binding import DataBindings
from .docx_numbering import (
    COND_ORDER,
    NO_TABLE_PAINT,
    W_NS,
    W_VAL,
    Numbering,
    ParaStyle,
    StyleSheet,
    TablePaint,
    format_number,
    hex_color,
    is_on,
    read_rpr,
    read_theme,
    shading_fill,
    theme_color,
    w,
)
from .safezip import Package, open_package

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DC_NS = "http://purl.org/dc/elements/1.1/"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"

W_P, W_R, W_T, W_TBL, W_TR, W_TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
W_PPR, W_RPR, W_TRPR, W_TCPR = w("pPr"), w("rPr"), w("trPr"), w("tcPr")
W_SDT, W_SDTCONTENT, W_CUSTOMXML, W_SMARTTAG = w("sdt"), w("sdtContent"), w("customXml"), w("smartTag")
W_SDTPR, W_PLACEHOLDER = w("sdtPr"), w("showingPlcHdr")
W_INS, W_DEL, W_MOVETO, W_MOVEFROM = w("ins"), w("del"), w("moveTo"), w("moveFrom")
W_HYPERLINK, W_FLDSIMPLE, W_BDO, W_DIR = w("hyperlink"), w("fldSimple"), w("bdo"), w("dir")
W_DELTEXT, W_INSTRTEXT, W_DELINSTRTEXT = w("delText"), w("instrText"), w("delInstrText")
W_TAB, W_PTAB, W_BR, W_CR = w("tab"), w("ptab"), w("br"), w("cr")
W_NBHYPHEN, W_SOFTHYPHEN, W_SYM = w("noBreakHyphen"), w("softHyphen"), w("sym")
W_FLDCHAR, W_LRPB = w("fldChar"), w("lastRenderedPageBreak")
W_FNREF, W_ENREF = w("footnoteReference"), w("endnoteReference")
W_DRAWING, W_PICT, W_OBJECT, W_TXBX = w("drawing"), w("pict"), w("object"), w("txbxContent")
W_CSTART, W_CEND, W_RSTYLE, W_PSTYLE = w("commentRangeStart"), w("commentRangeEnd"), w("rStyle"), w("pStyle")
W_NUMPR, W_NUMID, W_ILVL = w("numPr"), w("numId"), w("ilvl")
W_SECTPR, W_TYPE, W_PBB, W_OUTLINE = w("sectPr"), w("type"), w("pageBreakBefore"), w("outlineLvl")
W_RUBY, W_RUBYBASE, W_ALTCHUNK = w("ruby"), w("rubyBase"), w("altChunk")
W_AUTHOR, W_DATE, W_ID, W_GRIDSPAN, W_GRIDBEFORE = w("author"), w("date"), w("id"), w("gridSpan"), w("gridBefore")
W_SHD, W_FILL, W_VANISH = w("shd"), w("fill"), w("vanish")
W_TBLPR, W_TBLSTYLE, W_TBLLOOK = w("tblPr"), w("tblStyle"), w("tblLook")
W_DATABINDING, W_DIRTY = w("dataBinding"), w("dirty")
MC_ALT, MC_CHOICE, MC_FALLBACK = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice", f"{{{MC_NS}}}Fallback"
M_T = f"{{{M_NS}}}t"

#: Containers inside a paragraph whose children are read as if in place.
_INLINE_CONTAINERS = frozenset({W_HYPERLINK, W_SMARTTAG, W_CUSTOMXML, W_BDO, W_DIR, W_FLDSIMPLE, W_INS,
                                W_MOVETO})
#: Containers at block level (body, cell, note, header) read in place.
_BLOCK_CONTAINERS = frozenset({W_CUSTOMXML, W_INS, W_MOVETO})
_SKIP_NOTE_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_RUNNING = frozenset({BlockKind.HEADER, BlockKind.FOOTER})
_BODY_STORY_KINDS = frozenset({BlockKind.TABLE_CELL, BlockKind.TEXTBOX})
_NOTE_OR_RUNNING = frozenset({BlockKind.HEADER, BlockKind.FOOTER, BlockKind.FOOTNOTE, BlockKind.ENDNOTE})
_NO_BREAKS: list[int] = []
_NO_FLAGS: frozenset[str] = frozenset()
#: Text whose colour is within this of the colour painted behind it, in every channel, cannot be
#: read (0x0F: near-white on white, as before backgrounds were resolved; black on black alike).
INVISIBLE_CHANNEL_GAP = 0x0F
#: Instruction pieces kept per field (a QUOTE is a few runs; more is not worth recomputing).
MAX_INSTR_PARTS = 256
_STALE = "stored result of a field Word recomputes on opening"
#: Fields whose stored result Word keeps when it updates fields (link text, form-field entries).
RESULT_KEPT = frozenset({"HYPERLINK", "FORMTEXT", "FORMCHECKBOX", "FORMDROPDOWN"})
#: Fields that, recomputed, show page numbers, counts, dates, file facts or the document's own headings
#: and index entries - never contract wording: their stale stored result is excluded, nothing is unread.
RECOMPUTED_NOT_TEXT = frozenset({
    "TOC", "PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "PAGEREF", "SEQ", "DATE", "TIME", "CREATEDATE",
    "SAVEDATE", "PRINTDATE", "EDITTIME", "LISTNUM", "AUTONUM", "AUTONUMLGL", "AUTONUMOUT", "TA", "TC", "XE",
    "INDEX", "TOA", "NUMWORDS", "NUMCHARS", "FILESIZE", "FILENAME", "REVNUM"})
#: A comment's anchor text is kept as a detail up to this many characters.
ANCHOR_CHARS = 400
#: The page colour when nothing is painted.
PAPER = "FFFFFF"
#: 2 pt in half-points: text this small is not read by a human.
TINY_HALF_POINTS = 4


@dataclass(slots=True)
class Segment:
    """One piece of a paragraph's text and the element it came from."""

    text: str
    element: etree._Element | None
    start: int  # raw offset in the paragraph's visible text
    end: int
    visible: bool
    excluded: ExcludedKind | None = None
    author: str | None = None
    detail: str | None = None
    revision: str | None = None  # ins | moveTo | del | moveFrom (tracked change it belongs to)
    group: int = 0  # excluded segments of one group form one ExcludedText


@dataclass(slots=True)
class ParagraphRef:
    """Where paragraph ``index`` (``Block.paragraph``) lives in the package."""

    index: int
    part: str
    element: etree._Element
    segments: list[Segment] | None = None


@dataclass(slots=True)
class _Paragraph:
    segments: list[Segment]
    raw: str
    breaks: list[int]  # raw offsets of explicit page breaks (w:br type=page)
    rendered: list[int]  # raw offsets of w:lastRenderedPageBreak
    textboxes: list[tuple[etree._Element, _Revision | None]]  # w:txbxContent, deleted with its anchor?
    footnotes: list[tuple[str, int]]  # (note id, raw offset of the reference)
    endnotes: list[tuple[str, int]]
    revised: bool
    in_sdt: bool
    placeholder: bool  # a content control still shows its prompt ("Click here to enter text")
    has_excluded: bool  # some segment is not visible


@dataclass(slots=True)
class _Ctx:  # never changed after creation: derived contexts are made with replace()
    part: str
    kind: BlockKind | None = None  # None: decided per paragraph (body text)
    table: TableCell | None = None
    background: str | None = None  # colour painted behind the story (cell, table); None: the page
    table_rpr: dict[str, object] | None = None  # run properties a table style gives this cell's text
    revision: tuple[str, str | None, str | None] | None = None  # a deleted table row: (del, author, date)
    in_sdt: bool = False
    placeholder: bool = False


def _rev(el: etree._Element, kind: str) -> tuple[str, str | None, str | None]:
    return kind, el.get(W_AUTHOR), el.get(W_DATE)


#: Namespaces Word (2010-2021/365), WPS and LibreOffice understand in ``mc:Choice/@Requires``.
KNOWN_NAMESPACES = frozenset({
    W_NS, R_NS, M_NS, MC_NS,
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingInk",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "http://schemas.microsoft.com/office/word/2010/wordml",
    "http://schemas.microsoft.com/office/word/2012/wordml",
    "http://schemas.microsoft.com/office/word/2015/wordml/symex",
    "http://schemas.microsoft.com/office/word/2016/wordml/cid",
    "http://schemas.microsoft.com/office/word/2018/wordml",
    "http://schemas.microsoft.com/office/word/2018/wordml/cex",
    "http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash",
    "http://schemas.microsoft.com/office/word/2006/wordml",
    "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "http://schemas.microsoft.com/office/drawing/2010/main",
    "http://schemas.microsoft.com/office/drawing/2014/chartex",
    "http://schemas.microsoft.com/office/drawing/2016/ink",
    "http://schemas.microsoft.com/office/drawing/2017/model3d",
    "urn:schemas-microsoft-com:vml",
    "urn:schemas-microsoft-com:office:office",
    "urn:schemas-microsoft-com:office:word",
})


def _choose_branch(alt: etree._Element) -> etree._Element | None:
    """The branch of ``mc:AlternateContent`` a word processor shows: the first Choice whose
    ``Requires`` names only namespaces it knows, else the Fallback (a Choice requiring an unknown
    or undeclared namespace is skipped, as Word skips it)."""
    for branch in alt:
        if branch.tag == MC_CHOICE:
            required = (branch.get("Requires") or "").split()
            nsmap = branch.nsmap
            if required and all(nsmap.get(prefix) in KNOWN_NAMESPACES for prefix in required):
                return branch
        elif branch.tag == MC_FALLBACK:
            return branch
    return None


def _find_textboxes(el: etree._Element, out: list[etree._Element]) -> None:
    """Text-box contents under a drawing/pict, taking one AlternateContent branch."""
    for child in el:
        tag = child.tag
        if tag == W_TXBX:
            out.append(child)
        elif tag == MC_ALT:
            branch = _choose_branch(child)
            if branch is not None:
                _find_textboxes(branch, out)
        elif len(child):
            _find_textboxes(child, out)


_Revision = tuple[str, str | None, str | None]  # (ins|moveTo|del|moveFrom, author, date)
_REMOVING = frozenset({"del", "moveFrom"})
_FIELD_CODE = (ExcludedKind.FIELD_CODE, None)
#: Run properties that can hide text; a w:rPr without any of them changes nothing.
_RELEVANT_RPR = frozenset({W_RSTYLE, w("vanish"), w("specVanish"), w("color"), w("sz"), w("highlight"),
                           w("shd")})
M_PREFIX = f"{{{M_NS}}}"


class ParagraphWalker:
    """Turns ``w:p`` elements into segments; keeps state that spans paragraphs.

    Field state (a field can begin in one paragraph and end in another) and
    open comment ranges live here, so one walker must see a story's
    paragraphs in order.
    """

    def __init__(self, styles: StyleSheet | None = None, *, page_color: str | None = None,
                 keep_visible: bool = True, bindings: DataBindings | None = None):
        self.styles = styles or StyleSheet(None)
        #: custom XML data bindings of the package (None: cached control text is read as it stands)
        self.bindings = bindings
        #: the settings ask Word to update every field on opening (w:updateFields): all are dirty
        self.update_fields = False
        #: filled per paragraph: (code, detail) of what Word would show but cliccheck could not read
        self.unread: list[tuple[str, str]] = []
        #: the page colour a word processor shows (None: white paper, or a colour that is not displayed)
        self.page_color = page_color
        #: False: record only excluded segments (the reader's fast path; raw text is still built)
        self.keep_visible = keep_visible
        #: open fields, innermost last: [phase "code"|"result"|"stale", group id, dirty, instruction parts,
        #: nested field in the instruction]; "stale": a cached result Word replaces on opening
        self.fields: list[list] = []
        #: comment id -> where its anchor text begins in ``_anchor_log``, for ranges still open. One log
        #: shared by all open ranges: 20,000 ranges left open must not each collect the rest of the text.
        self.open_comments: dict[str, int] = {}
        self._anchor_log: list[str] = []
        #: filled per paragraph: comments whose range starts / ends in it
        self.comment_starts: list[str] = []
        self.finished_comments: list[tuple[str, str]] = []
        self._group = 0
        self._segments: list[Segment] = []
        self._parts: list[str] = []
        self._len = 0
        self._breaks: list[int] = []
        self._rendered: list[int] = []
        self._textboxes: list[tuple[etree._Element, _Revision | None]] = []
        self._footnotes: list[tuple[str, int]] = []
        self._endnotes: list[tuple[str, int]] = []
        self._revised = False
        self._in_sdt = False
        self._placeholder = False
        self._base_rpr: dict[str, object] = {}
        self._base_verdict: tuple[ExcludedKind, str | None] | None = None
        self._para_bg = PAPER
        self._verdicts: dict[tuple[int, str, int], tuple[object, tuple[ExcludedKind, str | None] | None]] = {}

    def walk(self, p: etree._Element, style: ParaStyle | None = None, *, background: str | None = None,
             revision: _Revision | None = None, shading: str | bool | None = False,
             table_rpr: dict[str, object] | None = None) -> _Paragraph:
        """Segments and side information of one paragraph."""
        style = style or self.styles.para(_style_id(p))
        self._segments, self._parts, self._len = [], [], 0
        self._breaks, self._rendered, self._textboxes = [], [], []
        self._footnotes, self._endnotes = [], []
        self._revised = revision is not None
        self._in_sdt = self._placeholder = False
        self.comment_starts, self.finished_comments = [], []
        self.unread = []
        if self.open_comments:
            self._anchor_log.append(" ")  # a range spanning paragraphs
        base = style.rpr
        if table_rpr:  # a table style's run properties, under what the paragraph style itself sets
            defaults = self.styles.default_rpr
            base = dict(base)
            for key_, value in table_rpr.items():
                if key_ not in base or base[key_] == defaults.get(key_):
                    base[key_] = value
        self._base_rpr = base
        if shading is False:  # not supplied by the caller: read the paragraph's own shading
            shading = None
            ppr = p[0] if len(p) and p[0].tag == W_PPR else None
            if ppr is not None:
                shading = shading_fill(ppr.find(W_SHD), self.styles.theme)
        # what is painted behind this paragraph's text: its shading, else the cell's, else the page's
        self._para_bg = bg = shading or style.shading or background or self.page_color or PAPER
        # the verdict on a style's own run properties is the same for every paragraph of that style
        key = (id(style.rpr), bg, id(table_rpr))
        cached = self._verdicts.get(key)
        if cached is None or cached[0] is not base:
            cached = self._verdicts[key] = (base, self._verdict(base))
        self._base_verdict = cached[1]
        self._children(p, revision)
        segments = self._segments
        if not segments:
            has_excluded = False
        elif self.keep_visible:
            has_excluded = any(not seg.visible for seg in segments)
        else:
            has_excluded = True  # only excluded segments are recorded
        return _Paragraph(segments, "".join(self._parts), self._breaks, self._rendered,
                          self._textboxes, self._footnotes, self._endnotes, self._revised, self._in_sdt,
                          self._placeholder, has_excluded)

    def _children(self, parent: etree._Element, revision: _Revision | None) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_R:
                self._run(child, revision)
            elif tag == W_PPR:
                continue
            elif tag in (W_INS, W_MOVETO):
                self._revised = True
                inner = revision if revision is not None and revision[0] in _REMOVING else \
                    _rev(child, "ins" if tag == W_INS else "moveTo")
                self._children(child, inner)
            elif tag in (W_DEL, W_MOVEFROM):
                self._revised = True
                self._children(child, _rev(child, "del" if tag == W_DEL else "moveFrom"))
            elif tag == W_FLDSIMPLE:
                self._group += 1
                instr = (child.get(w("instr")) or "").strip()
                if instr:
                    self._segment(instr, child, _FIELD_CODE, revision)
                self._group += 1
                if self.update_fields or is_on_attr(child.get(W_DIRTY)):  # Word recomputes it on opening
                    field = ["code", self._group, True, [instr], False]
                    if self._field_separated(field, self._base_verdict, revision) == "stale":
                        field[0] = "stale"
                        self.fields.append(field)
                        self._children(child, revision)
                        self.fields.pop()
                        continue
                self._children(child, revision)
            elif tag in _INLINE_CONTAINERS:
                self._children(child, revision)
            elif tag == W_SDT:
                self._in_sdt = True
                props = child.find(W_SDTPR)
                content = child.find(W_SDTCONTENT)
                binding = props.find(W_DATABINDING) if props is not None else None
                if binding is not None and self._bound(binding, content, revision):
                    continue
                if props is not None and props.find(W_PLACEHOLDER) is not None:
                    self._placeholder = True
                if content is not None:
                    self._children(content, revision)
            elif tag == MC_ALT:
                branch = _choose_branch(child)
                if branch is not None:
                    self._children(branch, revision)
            elif tag == W_CSTART:
                cid = child.get(W_ID)
                if cid is not None:
                    self.open_comments[cid] = len(self._anchor_log)
                    self.comment_starts.append(cid)
            elif tag == W_CEND:
                cid = child.get(W_ID)
                if cid is not None and cid in self.open_comments:
                    self.finished_comments.append((cid, self._anchor_text(self.open_comments.pop(cid))))
                    if not self.open_comments:
                        self._anchor_log.clear()
            elif tag == W_RUBY:
                base = child.find(W_RUBYBASE)
                if base is not None:
                    self._children(base, revision)
            elif tag == M_T:
                if child.text:
                    self._segment(child.text, child, None, revision)
            elif isinstance(tag, str) and tag.startswith(M_PREFIX):
                self._children(child, revision)

    def bound_value(self, binding: etree._Element) -> str | None:
        """The custom-XML value Word shows in a data-bound control; None (and an unread note) when it
        cannot be resolved, or when the walker has no package to resolve it in."""
        if self.bindings is None:
            return None
        bound = self.bindings.value(binding)
        if bound.value is None:
            self.unread.append(("data-binding", f"{bound.problem}: Word shows the bound value, not the text "
                                                "stored in the control"))
            return None
        return " ".join(bound.value.split())

    def _bound(self, binding: etree._Element, content: etree._Element | None, revision: _Revision | None) -> bool:
        """Read a data-bound inline control as Word shows it; False: read its stored text instead."""
        value = self.bound_value(binding)
        if value is None:
            return False
        first = next(content.iter(W_R), None) if content is not None else None
        rpr = first[0] if first is not None and len(first) and first[0].tag == W_RPR else None
        hidden = self._rpr_verdict(rpr) if rpr is not None else self._base_verdict
        if value:
            self._segment(value, None, hidden, revision)
        return True

    def _dirty_unread(self, instr: str) -> None:
        shown = " ".join(instr.split())[:80]
        self.unread.append(("dirty-field", f"a field marked for update ({shown}): Word recomputes it on "
                                           "opening, cliccheck cannot, so its shown text is unknown"))

    def _field_separated(self, field: list, hidden: tuple[ExcludedKind, str | None] | None,
                         revision: _Revision | None) -> str:
        """Phase after the code of ``field`` ends: a dirty field's stored result is stale, and Word
        shows its recomputed value, which is read for QUOTE fields and noted as unread otherwise."""
        if not field[2]:
            return "result"
        instr = "".join(field[3])
        keyword = instr.split(None, 1)[0].upper() if instr.strip() else ""
        if keyword in RESULT_KEPT:
            return "result"
        if keyword in RECOMPUTED_NOT_TEXT and not field[4]:
            return "stale"  # Word shows a number, a date or the document's own headings instead
        shown = None if field[4] else quote_field_text(instr)
        if shown is None:
            self._dirty_unread(instr)
            return "result"
        field[0] = "result"
        self._group += 1
        self._segment(shown, None, hidden, revision)
        self._group += 1
        return "stale"

    def _verdict(self, props: dict[str, object]) -> tuple[ExcludedKind, str | None] | None:
        """Why text with these run properties is not shown (hidden, white, tiny), if it is not."""
        if props.get("hidden"):
            return ExcludedKind.HIDDEN, None
        color = props.get("color")
        if isinstance(color, str) and color != "auto":  # "auto" is drawn to contrast with what is behind
            bg = props.get("bg")
            behind = bg if isinstance(bg, str) else self._para_bg
            if all(abs(int(color[i:i + 2], 16) - int(behind[i:i + 2], 16)) <= INVISIBLE_CHANNEL_GAP
                   for i in (0, 2, 4)):
                shown_on = "" if behind == PAPER else f" on #{behind}"
                return ExcludedKind.WHITE_TEXT, f"colour #{color}{shown_on}"
        size = props.get("sz")
        if isinstance(size, int) and size <= TINY_HALF_POINTS:
            return ExcludedKind.TINY_TEXT, f"{size / 2:g} pt"
        return None

    def _props(self, r: etree._Element) -> tuple[ExcludedKind, str | None] | None:
        """Verdict for one run; runs without relevant properties share the paragraph's."""
        rpr = r[0] if len(r) and r[0].tag == W_RPR else None
        if rpr is None:
            return self._base_verdict
        return self._rpr_verdict(rpr)

    def _rpr_verdict(self, rpr: etree._Element) -> tuple[ExcludedKind, str | None] | None:
        """Verdict for a run whose first child is ``rpr``."""
        for child in rpr:
            if child.tag in _RELEVANT_RPR:
                break
        else:
            return self._base_verdict
        props = dict(self._base_rpr)
        rstyle = rpr.find(W_RSTYLE)
        if rstyle is not None and rstyle.get(W_VAL):
            props.update(self.styles.char(rstyle.get(W_VAL) or ""))
        props.update(read_rpr(rpr, self.styles.theme))
        return self._verdict(props)

    def _run(self, r: etree._Element, revision: _Revision | None) -> None:
        children = list(r)
        if children and children[0].tag == W_RPR:
            hidden = self._rpr_verdict(children[0])
        else:
            hidden = self._base_verdict
        for child in children:
            tag = child.tag
            if tag == W_T:
                text = child.text
                if text:
                    self._segment(text, child, hidden, revision)
            elif tag == W_RPR:
                continue
            elif tag == W_DELTEXT:
                if child.text:
                    removing = revision if revision is not None and revision[0] in _REMOVING else None
                    self._segment(child.text, child, hidden, removing or ("del", None, None))
            elif tag == W_INSTRTEXT:
                if self.fields:
                    if len(self.fields[-1][3]) < MAX_INSTR_PARTS:
                        self.fields[-1][3].append(child.text or "")
                    else:
                        self.fields[-1][4] = True  # too long to recompute: unread if it is dirty
                self._segment(child.text or "", child, _FIELD_CODE, revision)
            elif tag in (W_TAB, W_PTAB, W_CR):
                self._segment(" ", child, hidden, revision)
            elif tag == W_BR:
                if child.get(W_TYPE) == "page" and (revision is None or revision[0] not in _REMOVING):
                    self._breaks.append(self._len)
                self._segment(" ", child, hidden, revision)
            elif tag == W_NBHYPHEN:
                self._segment("-", child, hidden, revision)
            elif tag == W_SYM:
                try:
                    ch = chr(int(child.get(w("char")) or "", 16))
                except ValueError:
                    ch = ""
                if ch and ch.isprintable():
                    self._segment(ch, child, hidden, revision)
            elif tag == W_FLDCHAR:
                kind = child.get(w("fldCharType"))
                self._group += 1
                if kind == "begin":
                    if self.fields and self.fields[-1][0] == "code":
                        self.fields[-1][4] = True  # a field inside an instruction
                    dirty = self.update_fields or is_on_attr(child.get(W_DIRTY))
                    self.fields.append(["code", self._group, dirty, [], False])
                elif kind == "separate" and self.fields:
                    self.fields[-1][0] = self._field_separated(self.fields[-1], hidden, revision)
                elif kind == "end" and self.fields:
                    field = self.fields[-1]
                    if field[0] == "code" and field[2]:  # a dirty field without a stored result
                        self._field_separated(field, hidden, revision)
                    self.fields.pop()
            elif tag == W_LRPB:
                self._rendered.append(self._len)
            elif tag in (W_FNREF, W_ENREF):
                nid = child.get(W_ID)
                if nid is not None and (revision is None or revision[0] not in _REMOVING):
                    (self._footnotes if tag == W_FNREF else self._endnotes).append((nid, self._len))
            elif tag in (W_DRAWING, W_PICT, W_OBJECT, MC_ALT):
                found: list[etree._Element] = []
                if tag == MC_ALT:
                    branch = _choose_branch(child)
                    if branch is not None:
                        _find_textboxes(branch, found)
                else:
                    _find_textboxes(child, found)
                removing = revision if revision is not None and revision[0] in _REMOVING else None
                self._textboxes.extend((box, removing) for box in found)

    def _segment(self, text: str, element: etree._Element | None,
                 hidden: tuple[ExcludedKind, str | None] | None, revision: _Revision | None) -> None:
        at = self._len
        if hidden is _FIELD_CODE or (self.fields and any(f[0] != "result" for f in self.fields)):
            group = self.fields[-1][1] if self.fields else self._group
            stale = hidden is not _FIELD_CODE and any(f[0] == "stale" for f in self.fields) and \
                not any(f[0] == "code" for f in self.fields)
            self._segments.append(Segment(text, element, at, at, False, ExcludedKind.FIELD_CODE,
                                          detail=_STALE if stale else None, group=group))
            return
        if revision is not None and revision[0] in _REMOVING:
            kind = ExcludedKind.DELETED if revision[0] == "del" else ExcludedKind.MOVED_FROM
            self._segments.append(Segment(text, element, at, at, False, kind, revision[1], revision[2],
                                          revision[0], self._group))
            return
        if hidden is not None:
            self._segments.append(Segment(text, element, at, at, False, hidden[0], None, hidden[1],
                                          None, self._group))
            return
        self._len += len(text)
        self._parts.append(text)
        if self._segments and not self._segments[-1].visible and text.strip():
            self._group += 1  # visible text separates two excluded stretches
        if not self.keep_visible:
            pass  # the reader needs only the excluded segments (and their order)
        elif revision is None:
            self._segments.append(Segment(text, element, at, self._len, True))
        else:
            self._segments.append(Segment(text, element, at, self._len, True, author=revision[1],
                                          detail=revision[2], revision=revision[0]))
        if self.open_comments:
            self._anchor_log.append(text)

    def _anchor_text(self, start: int) -> str:
        """A comment's anchor text (only shown as a detail): at most ANCHOR_CHARS characters."""
        out: list[str] = []
        size = 0
        for chunk in self._anchor_log[start:start + ANCHOR_CHARS]:
            out.append(chunk)
            size += len(chunk)
            if size >= ANCHOR_CHARS:
                break
        return "".join(out)[:ANCHOR_CHARS]


#: ``w:tblLook`` switches: attribute names (Word 2010+) and their bits in the older hex ``w:val``.
_LOOK_BITS = {"firstRow": 0x20, "lastRow": 0x40, "firstColumn": 0x80, "lastColumn": 0x100, "noHBand": 0x200,
              "noVBand": 0x400}


def _look_bits(look: etree._Element) -> int:
    """The ``w:tblLook`` switches as bits (absent: no header/first formats, bands on)."""
    try:
        bits = int(look.get(W_VAL) or "0", 16)
    except ValueError:
        bits = 0
    for name, bit in _LOOK_BITS.items():
        value = look.get(w(name))
        if value is not None:
            bits = bits | bit if value.lower() not in ("0", "false", "off") else bits & ~bit
    return bits


def _conditions(look: frozenset[str], paint: TablePaint, row: int, rows: int, col: int, span: int,
                cols: int) -> list[str]:
    """The table-style conditional formats that apply to one cell, weakest first (as Word layers them)."""
    if not paint.cond_fill and not paint.cond_rpr:
        return []
    first_row = "firstRow" in look and row == 0
    last_row = "lastRow" in look and row == rows - 1
    first_col = "firstColumn" in look and col == 0
    last_col = "lastColumn" in look and col + span >= cols
    found = set()
    if "noVBand" not in look and not first_col and not last_col:
        band = (col - (1 if "firstColumn" in look else 0)) // paint.col_band
        found.add("band1Vert" if band % 2 == 0 else "band2Vert")
    if "noHBand" not in look and not first_row and not last_row:
        band = (row - (1 if "firstRow" in look else 0)) // paint.row_band
        found.add("band1Horz" if band % 2 == 0 else "band2Horz")
    for name, on in (("firstCol", first_col), ("lastCol", last_col), ("firstRow", first_row),
                     ("lastRow", last_row), ("nwCell", first_row and first_col), ("neCell", first_row and last_col),
                     ("swCell", last_row and first_col), ("seCell", last_row and last_col)):
        if on:
            found.add(name)
    return [c for c in COND_ORDER if c in found]


_QUOTE = re.compile(r'^\s*QUOTE\s+(?:"((?:[^"\\]|\\.)*)"|([^\s"\\]+))\s*(?:\\[*@#]\s*\S+\s*)*$',
                    re.IGNORECASE | re.DOTALL)


def quote_field_text(instr: str) -> str | None:
    """What a ``QUOTE "text"`` field shows once Word recomputes it (None: not a plain QUOTE)."""
    m = _QUOTE.match(instr)
    if m is None:
        return None
    if m.group(1) is not None:
        return re.sub(r"\\(.)", r"\1", m.group(1))
    return m.group(2)


def is_on_attr(value: str | None) -> bool:
    """An on/off attribute (``w:dirty="true"``); absent means off."""
    return value is not None and value.strip().lower() in ("1", "true", "on")


def _child(el: etree._Element, tag: str) -> etree._Element | None:
    """First child of ``el`` with ``tag`` (``el.find(tag)`` without the path machinery)."""
    for child in el.iterchildren(tag):
        return child
    return None


def _safe_int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _style_id(p: etree._Element) -> str | None:
    ppr = p[0] if len(p) and p[0].tag == W_PPR else None
    if ppr is None:
        return None
    ps = ppr.find(W_PSTYLE)
    return ps.get(W_VAL) if ps is not None else None


def paragraph_segments(p: etree._Element, styles: StyleSheet | None = None) -> list[Segment]:
    """Segments of one ``w:p`` (see the module docstring).

    Pass the document's :class:`StyleSheet` (``StyleSheet(pkg.xml("word/styles.xml"))``)
    so that text hidden or whitened through a style is classified as the
    reader did; a field begun in an earlier paragraph is not known here (use
    :func:`read_docx_package` with ``keep_segments=True`` for exact parity).
    """
    return ParagraphWalker(styles).walk(p).segments


# ---------------------------------------------------------------------------
# the reader


class _Reader:
    def __init__(self, pkg: Package, name: str, limits: Limits, keep_segments: bool, collect_refs: bool = True):
        self.pkg = pkg
        self.name = name
        self.limits = limits
        self.keep_segments = keep_segments
        self.collect_refs = collect_refs
        self.main = pkg.main_document()
        root = pkg.xml(self.main)
        if root is None:
            raise DocumentError.of("docx-no-main", code="not-a-docx")
        if root.tag != w("document"):
            if STRICT_W_NS in str(root.tag):
                raise DocumentError.of("docx-strict", code="unsupported-format")
            raise DocumentError.of("docx-not-wordml", part=self.main, code="not-a-docx")
        self.root = root
        styles_part = self._related_one(self.main, "styles")
        theme_part = self._related_one(self.main, "theme")
        self.styles = StyleSheet(pkg.xml(styles_part) if styles_part else None,
                                 read_theme(pkg.xml(theme_part)) if theme_part else None)
        numbering_part = self._related_one(self.main, "numbering")
        self.numbering = Numbering(pkg.xml(numbering_part) if numbering_part else None, self.styles)
        self.walker = ParagraphWalker(self.styles, keep_visible=keep_segments, page_color=self._page_color(root),
                                      bindings=DataBindings(pkg, self.main))
        self.walker.update_fields = self._settings_on("updateFields")
        self.unread: list[UnreadContent] = []
        self.blocks: list[Block] = []
        self.excluded: list[ExcludedText] = []
        self.refs: list[ParagraphRef] = []
        self.paragraph = 0
        self.table_count = 0
        self.chars = 0
        body = root.find(w("body"))
        self.body = body
        self.rendered_mode = body is not None and next(body.iter(W_LRPB), None) is not None
        self.section_types = self._section_types(body)
        self.section_index = 0
        self.has_pages = self.rendered_mode or self._has_explicit_breaks(body)
        self.page = 1
        self.footnote_refs: list[tuple[str, int, int | None]] = []  # (id, paragraph, page)
        self.endnote_refs: list[tuple[str, int, int | None]] = []
        self.comment_anchor: dict[str, tuple[int, int | None]] = {}
        self.comment_text: dict[str, str] = {}
        self.warnings: list[str] = []

    # -- helpers -------------------------------------------------------------
    def _page_color(self, root: etree._Element) -> str | None:
        """The page colour (``w:background``) if a word processor shows it: only when the settings
        say ``w:displayBackgroundShape``; otherwise the page is white on screen and on paper."""
        background = root.find(w("background"))
        color = None if background is None else theme_color(
            background, "themeColor", "themeTint", "themeShade", self.styles.theme, hex_color(background.get(w("color"))))
        if color is None:
            return None
        return color if self._settings_on("displayBackgroundShape") else None

    def _settings_on(self, name: str) -> bool:
        """An on/off switch of the document settings (``word/settings.xml``)."""
        settings_part = self._related_one(self.main, "settings")
        settings = self.pkg.xml(settings_part) if settings_part else None
        return settings is not None and is_on(settings.find(w(name)))

    def _related_one(self, source: str, type_name: str) -> str | None:
        parts = self.pkg.related(source, type_name)
        return parts[0] if parts else None

    def _section_types(self, body: etree._Element | None) -> list[str]:
        if body is None:
            return []
        types = []
        for sect in body.iter(W_SECTPR):
            parent = sect.getparent()
            if parent is not None and parent.tag == w("sectPrChange"):
                continue
            t = sect.find(W_TYPE)
            types.append((t.get(W_VAL) if t is not None else None) or "nextPage")
        return types

    def _has_explicit_breaks(self, body: etree._Element | None) -> bool:
        if body is None:
            return False
        for br in body.iter(W_BR):
            if br.get(W_TYPE) == "page":
                return True
        for pbb in body.iter(W_PBB):
            if is_on(pbb):
                return True
        if any(t != "continuous" for t in self.section_types[1:]):
            return True
        # pageBreakBefore inherited from a style used in the body
        return any(self.styles.para(ps.get(W_VAL)).page_break_before for ps in body.iter(W_PSTYLE))

    def _current_page(self) -> int | None:
        return self.page if self.has_pages else None

    def _bump_pages(self, n: int) -> None:
        if n <= 0:
            return
        self.page += n
        if self.page > self.limits.max_pages:
            raise LimitExceeded.of("docx-pages", limit=f"{self.limits.max_pages:,}")

    # -- stories -------------------------------------------------------------
    def story(self, container: etree._Element, ctx: _Ctx) -> None:
        for child in container:
            tag = child.tag
            if tag == W_P:
                self.para(child, ctx)
            elif tag == W_TBL:
                self.table(child, ctx)
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                props = child.find(W_SDTPR)
                binding = props.find(W_DATABINDING) if props is not None else None
                if binding is not None and self._bound_block(binding, content, replace(ctx, in_sdt=True)):
                    continue
                if content is not None:
                    prompt = props is not None and props.find(W_PLACEHOLDER) is not None
                    self.story(content, replace(ctx, in_sdt=True, placeholder=ctx.placeholder or prompt))
            elif tag in _BLOCK_CONTAINERS:
                self.story(child, ctx)
            elif tag in (W_DEL, W_MOVEFROM):
                self.story(child, replace(ctx, revision=_rev(child, "del" if tag == W_DEL else "moveFrom")))
            elif tag == MC_ALT:
                branch = _choose_branch(child)
                if branch is not None:
                    self.story(branch, ctx)
            elif tag == W_ALTCHUNK:
                msg = "an embedded document (altChunk) was not read: open and re-save the file in Word"
                if msg not in self.warnings:
                    self.warnings.append(msg)
                target = self.pkg.resolve(ctx.part, child.get(f"{{{R_NS}}}id") or "")
                self.unread.append(UnreadContent(
                    "alt-chunk", f"an embedded document ({target or 'missing part'}) that Word merges into the "
                                 "contract when it opens it; cliccheck does not read it",
                    page=self._current_page() if ctx.kind not in _RUNNING else None, paragraph=self.paragraph))

    def _bound_block(self, binding: etree._Element, content: etree._Element | None, ctx: _Ctx) -> bool:
        """A data-bound block-level control: Word shows the bound value in place of the stored
        paragraphs, formatted as the first of them. False: read the stored paragraphs."""
        walker = self.walker
        walker.unread = []
        value = walker.bound_value(binding)
        if value is None:
            for code, detail in walker.unread:
                self.unread.append(UnreadContent(code, detail, page=None if ctx.kind in _RUNNING else
                                                 self._current_page(), paragraph=self.paragraph))
            return False
        first = next(content.iter(W_P), None) if content is not None else None
        p = etree.Element(W_P)
        if first is not None and len(first) and first[0].tag == W_PPR:
            p.append(copy.deepcopy(first[0]))
        r = etree.SubElement(p, W_R)
        first_run = next(first.iter(W_R), None) if first is not None else None
        if first_run is not None and len(first_run) and first_run[0].tag == W_RPR:
            r.append(copy.deepcopy(first_run[0]))
        etree.SubElement(r, W_T).text = value
        self.para(p, ctx)
        if self.collect_refs and first is not None:
            # edits go to the stored paragraph, which is in the tree; no run of it holds the bound text
            ref = self.refs[-1]
            ref.element = first
            for seg in ref.segments or []:
                seg.element = None
        return True

    def _children(self, parent: etree._Element, tag: str):  # type: ignore[no-untyped-def]
        """Children with ``tag`` (rows of a table, cells of a row), looking through the
        content controls and custom XML that Word may wrap around them."""
        for child in parent:
            if child.tag == tag:
                yield child
            elif child.tag in (W_SDT, W_CUSTOMXML):
                inner = child.find(W_SDTCONTENT) if child.tag == W_SDT else child
                if inner is not None:
                    yield from self._children(inner, tag)

    def table(self, tbl: etree._Element, ctx: _Ctx) -> None:
        index = self.table_count
        self.table_count += 1
        depth = ctx.table.depth + 1 if ctx.table is not None else 0
        row = 0
        tblpr = _child(tbl, W_TBLPR)
        paint, look, table_bg = self._table_paint(tblpr, ctx.background)
        rows = list(self._children(tbl, W_TR))
        for position, tr in enumerate(rows):
            row_ctx = ctx
            trpr = _child(tr, W_TRPR)
            column = 0
            if trpr is not None:
                deleted = _child(trpr, W_DEL)
                if deleted is not None:
                    row_ctx = replace(ctx, revision=_rev(deleted, "del"))
                before = _child(trpr, W_GRIDBEFORE)
                if before is not None:
                    column = _safe_int(before.get(W_VAL), 0)
            kind = ctx.kind if ctx.kind in _NOTE_OR_RUNNING else BlockKind.TABLE_CELL
            cells = []
            for tc in self._children(tr, W_TC):
                span = 1
                shd = None
                tcpr = _child(tc, W_TCPR)
                if tcpr is not None:
                    gs = None
                    for prop in tcpr:  # the first w:gridSpan and w:shd, as find() would give
                        tag = prop.tag
                        if tag == W_GRIDSPAN:
                            gs = gs if gs is not None else prop
                        elif tag == W_SHD:
                            shd = shd if shd is not None else prop
                    if gs is not None:
                        span = max(1, _safe_int(gs.get(W_VAL), 1))
                cells.append((tc, column, span, shd))
                column += span
            for tc, col, span, shd in cells:
                conds = _conditions(look, paint, position, len(rows), col, span, column)
                bg = shading_fill(shd, self.styles.theme) if shd is not None else None
                if bg is None:
                    bg = next((paint.cond_fill[c] for c in reversed(conds) if c in paint.cond_fill),
                              paint.cell_fill or table_bg)
                rpr: dict[str, object] | None = None
                if paint.rpr or conds:
                    rpr = dict(paint.rpr)
                    for c in conds:
                        rpr.update(paint.cond_rpr.get(c, {}))
                cell_ctx = _Ctx(row_ctx.part, kind, TableCell(index, row, col, depth), bg, rpr or None,
                                row_ctx.revision, row_ctx.in_sdt, row_ctx.placeholder)
                self.story(tc, cell_ctx)
            if row_ctx.revision is None:
                row += 1

    def _table_paint(self, tblpr: etree._Element | None,
                     behind: str | None) -> tuple[TablePaint, frozenset[str], str | None]:
        """A table's style paint, its ``w:tblLook`` switches, and the colour behind its cells."""
        style_id = None
        look = 0
        direct: etree._Element | None = None
        if tblpr is not None:
            for prop in tblpr:
                tag = prop.tag
                if tag == W_TBLSTYLE:
                    style_id = prop.get(W_VAL)
                elif tag == W_TBLLOOK:
                    look = _look_bits(prop)
                elif tag == W_SHD and direct is None:
                    direct = prop
        paint = self.styles.table(style_id) if (style_id or self.styles.default_table) else NO_TABLE_PAINT
        switches = frozenset(name for name, bit in _LOOK_BITS.items() if look & bit)
        table_bg = shading_fill(direct, self.styles.theme) if direct is not None else paint.table_fill
        return paint, switches, table_bg or behind

    def para(self, p: etree._Element, ctx: _Ctx) -> None:
        index = self.paragraph
        self.paragraph += 1
        ppr = p[0] if len(p) and p[0].tag == W_PPR else None
        style_id = num_id = None
        ilvl: int | None = None
        page_break_before = outline = None
        mark_deleted = mark_hidden = False
        sect = None
        shading: str | None = None
        if ppr is not None:
            for child in ppr:
                tag = child.tag
                if tag == W_PSTYLE:
                    style_id = child.get(W_VAL)
                elif tag == W_NUMPR:
                    for sub in child:
                        if sub.tag == W_NUMID:
                            num_id = sub.get(W_VAL)
                        elif sub.tag == W_ILVL:
                            ilvl = _safe_int(sub.get(W_VAL), 0)
                elif tag == W_SHD:
                    shading = shading_fill(child, self.styles.theme)
                elif tag == W_PBB:
                    page_break_before = is_on(child)
                elif tag == W_OUTLINE:
                    outline = _safe_int(child.get(W_VAL), 9)
                elif tag == W_RPR:
                    for sub in child:
                        if sub.tag == W_DEL or sub.tag == W_MOVEFROM:
                            mark_deleted = True
                        elif sub.tag == W_VANISH:
                            mark_hidden = is_on(sub)
                elif tag == W_SECTPR:
                    sect = child
        style = self.styles.para(style_id)
        walker = self.walker
        content = walker.walk(p, style, background=ctx.background, revision=ctx.revision,
                              shading=shading, table_rpr=ctx.table_rpr)
        if self.collect_refs:
            self.refs.append(ParagraphRef(index, ctx.part, p, content.segments if self.keep_segments else None))

        # pages: rendered breaks (Word's last layout) win over explicit ones
        ctx_kind = ctx.kind
        in_body = ctx_kind is None or ctx_kind in _BODY_STORY_KINDS
        breaks: list[int] = _NO_BREAKS
        if in_body and self.has_pages:
            if self.rendered_mode:
                breaks = content.rendered
            else:
                breaks = content.breaks
                if page_break_before if page_break_before is not None else style.page_break_before:
                    breaks = [0, *breaks]
        raw = content.raw
        self.chars += len(raw)
        if self.chars > self.limits.max_chars:
            raise LimitExceeded.of("max-chars", limit=f"{self.limits.max_chars:,}")
        stripped = raw.strip()
        before = inside = 0
        if breaks:
            first = len(raw) - len(raw.lstrip()) if stripped else len(raw)
            last = len(raw.rstrip()) - 1 if stripped else len(raw)
            before = sum(1 for b in breaks if b <= first)
            inside = sum(1 for b in breaks if first < b <= last)
        page_start = self.page + before if self.has_pages and ctx_kind not in _RUNNING else None

        # numbering
        label: str | None = None
        numbered = False
        effective_num = num_id if num_id is not None else style.num_id
        if effective_num and effective_num != "0" and not (
                (mark_deleted or mark_hidden or ctx.revision) and not stripped):
            level = ilvl if ilvl is not None else style.ilvl
            if level is None:
                level = self.numbering.level_for_style(effective_num, style.id) or 0
            label, bullet = self.numbering.next_label(effective_num, level)
            numbered = label is not None or bullet

        if walker.unread:
            for code, detail in walker.unread:
                self.unread.append(UnreadContent(code, detail, page=page_start, paragraph=index))
        # excluded text of this paragraph
        if content.has_excluded:
            self._collect_excluded(content.segments, index, page_start)
        if walker.comment_starts:
            for cid in walker.comment_starts:
                self.comment_anchor.setdefault(cid, (index, page_start))
        if walker.finished_comments:
            for cid, anchor in walker.finished_comments:
                self.comment_text[cid] = anchor
        if content.footnotes or content.endnotes:
            for refs, found in ((self.footnote_refs, content.footnotes), (self.endnote_refs, content.endnotes)):
                for nid, offset in found:
                    # a note is printed on the page where its reference mark falls
                    page = self.page + sum(1 for b in breaks if b <= offset) if page_start is not None else None
                    refs.append((nid, index, page))

        text, origin = normalize_compact(raw)
        if text:
            if ctx_kind is not None:
                kind = ctx_kind
            elif style.heading or (outline is not None and 0 <= outline <= 8):
                kind = BlockKind.HEADING
            elif numbered:
                kind = BlockKind.LIST_ITEM
            else:
                kind = BlockKind.PARAGRAPH
            flags = _NO_FLAGS
            if content.revised or content.in_sdt or ctx.in_sdt:
                found_flags = set()
                if content.revised:
                    found_flags.add("tracked-change")
                if content.in_sdt or ctx.in_sdt:
                    found_flags.add("content-control")
                if content.placeholder or ctx.placeholder:
                    found_flags.add("placeholder")
                flags = frozenset(found_flags)
            page_end = (page_start + inside) if page_start is not None else None
            self.blocks.append(Block(text=text, kind=kind, paragraph=index, page=page_start, page_end=page_end,
                                     label=label, style=style.name, table=ctx.table, flags=flags,
                                     origin=origin, raw=None if text == raw else raw))
        if breaks:
            self._bump_pages(len(breaks))

        # section break after this paragraph
        if sect is not None and in_body and ctx.table is None:
            self.section_index += 1
            if (not self.rendered_mode and self.has_pages and self.section_index < len(self.section_types)
                    and self.section_types[self.section_index] != "continuous"):
                self._bump_pages(1)

        # text boxes anchored here follow their anchor
        if content.textboxes:
            tb_kind = ctx.kind if ctx.kind in (BlockKind.HEADER, BlockKind.FOOTER, BlockKind.FOOTNOTE,
                                               BlockKind.ENDNOTE) else BlockKind.TEXTBOX
            tb_ctx = replace(ctx, kind=tb_kind, table=None)
            for box, removed in content.textboxes:
                self.story(box, replace(tb_ctx, revision=removed) if removed else tb_ctx)

    def _collect_excluded(self, segments: list[Segment], paragraph: int, page: int | None) -> None:
        current: list[Segment] = []

        def flush() -> None:
            if not current:
                return
            text = normalize_text("".join(s.text for s in current))
            if text:
                head = current[0]
                detail = head.detail
                self.excluded.append(ExcludedText(kind=head.excluded or ExcludedKind.HIDDEN, text=text,
                                                  paragraph=paragraph, page=page, author=head.author,
                                                  detail=detail))
            current.clear()

        for seg in segments:
            if seg.visible:
                if seg.text.strip():
                    flush()
                continue
            if current:
                head = current[0]
                if (head.excluded, head.author, head.detail, head.group) != (
                        seg.excluded, seg.author, seg.detail, seg.group):
                    flush()
            current.append(seg)
        flush()

    # -- notes, comments, headers --------------------------------------------
    def notes(self, kind: BlockKind, refs: list[tuple[str, int, int | None]]) -> None:
        type_name = "footnotes" if kind == BlockKind.FOOTNOTE else "endnotes"
        part = self._related_one(self.main, type_name)
        if part is None or not refs:
            return
        root = self.pkg.xml(part)
        if root is None:
            return
        tag = w("footnote") if kind == BlockKind.FOOTNOTE else w("endnote")
        by_id = {el.get(W_ID): el for el in root.iter(tag)
                 if (el.get(W_TYPE) or "normal") not in _SKIP_NOTE_TYPES}
        fmt = self._note_format(kind)
        seen: set[str] = set()
        number = 0
        for nid, _anchor, page in refs:
            if nid in seen or nid not in by_id:
                continue
            seen.add(nid)
            number += 1
            first_block = len(self.blocks)
            self.story(by_id[nid], _Ctx(part=part, kind=kind))
            for block in self.blocks[first_block:]:
                block.page = block.page_end = page
            if len(self.blocks) > first_block:
                self.blocks[first_block].label = format_number(number, fmt)

    def _note_format(self, kind: BlockKind) -> str:
        tag = w("footnotePr") if kind == BlockKind.FOOTNOTE else w("endnotePr")
        default = "decimal" if kind == BlockKind.FOOTNOTE else "lowerRoman"
        for source in (self.body, self.pkg.xml(self._related_one(self.main, "settings") or "")):
            if source is None:
                continue
            for pr in source.iter(tag):
                fmt = pr.find(w("numFmt"))
                if fmt is not None and fmt.get(W_VAL):
                    return fmt.get(W_VAL) or default
        return default

    def comments(self) -> None:
        part = self._related_one(self.main, "comments")
        if part is None:
            return
        root = self.pkg.xml(part)
        if root is None:
            return
        walker = ParagraphWalker(self.styles)
        items: list[tuple[int, ExcludedText]] = []
        for order, el in enumerate(root.iter(w("comment"))):
            cid = el.get(W_ID) or ""
            texts = []
            for p in el.iter(W_P):
                texts.append(walker.walk(p).raw)
            text = normalize_text(" ".join(texts))
            if not text:
                continue
            paragraph, page = self.comment_anchor.get(cid, (None, None))
            anchor = normalize_text(self.comment_text.get(cid, "")) or None
            items.append((order, ExcludedText(kind=ExcludedKind.COMMENT, text=text, paragraph=paragraph,
                                              page=page, author=el.get(W_AUTHOR), detail=anchor)))
        self.excluded.extend(item for _, item in items)

    def headers_footers(self) -> None:
        if self.body is None:
            return
        order: dict[str, list[str]] = {"header": [], "footer": []}
        for sect in self.body.iter(W_SECTPR):
            for ref in sect:
                local = etree.QName(ref).localname if isinstance(ref.tag, str) else ""
                if local not in ("headerReference", "footerReference"):
                    continue
                kind = "header" if local == "headerReference" else "footer"
                part = self.pkg.resolve(self.main, ref.get(f"{{{R_NS}}}id") or "")
                if part is not None and self.pkg.has(part) and part not in order[kind]:
                    order[kind].append(part)
        for kind, block_kind in (("header", BlockKind.HEADER), ("footer", BlockKind.FOOTER)):
            for part in order[kind]:
                root = self.pkg.xml(part)
                if root is not None:
                    self.walker.fields = []
                    self.story(root, _Ctx(part=part, kind=block_kind))

    def title(self) -> str | None:
        core = None
        for rel in self.pkg.rels("").values():
            if rel.type_name == "core-properties":
                core = self.pkg.resolve("", rel)
        root = self.pkg.xml(core or "docProps/core.xml")
        if root is None:
            return None
        el = root.find(f"{{{DC_NS}}}title")
        title = normalize_text(el.text or "") if el is not None else ""
        return title or None

    def run(self) -> Document:
        if self.body is not None:
            self.story(self.body, _Ctx(part=self.main))
        self.walker.fields = []  # a field left open in the body must not swallow the notes
        self.notes(BlockKind.FOOTNOTE, self.footnote_refs)
        self.notes(BlockKind.ENDNOTE, self.endnote_refs)
        self.comments()
        self.headers_footers()
        order = {id(e): i for i, e in enumerate(self.excluded)}
        self.excluded.sort(key=lambda e: (e.paragraph if e.paragraph is not None else 1 << 30, order[id(e)]))
        doc = Document(path=self.name, format="docx", blocks=self.blocks, excluded=self.excluded,
                       pages=self.page if self.has_pages else None, title=self.title())
        doc.warnings.extend(self.warnings)
        doc.unread.extend(self.unread)
        return doc


def read_docx_package(pkg: Package, name: str, *, limits: Limits,
                      keep_segments: bool = False) -> tuple[Document, list[ParagraphRef]]:
    """Read an opened package; also return where each paragraph lives (for the redline)."""
    reader = _Reader(pkg, name, limits, keep_segments)
    doc = reader.run()
    return doc, reader.refs


def read_docx(data: bytes, name: str, *, limits: Limits) -> Document:
    """Read a .docx/.docm (macros are never run or even read) into a Document."""
    with open_package(data, limits) as pkg:
        return _Reader(pkg, name, limits, keep_segments=False, collect_refs=False).run()


__all__ = [
    "W_NS",
    "ParagraphRef",
    "ParagraphWalker",
    "Segment",
    "StyleSheet",
    "paragraph_segments",
    "read_docx",
    "read_docx_package",
]
