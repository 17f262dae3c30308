"""What a PDF reader sees beyond the page content: layers, annotations, the glyphs themselves.

* Optional content: which layers (OCGs) a viewer shows when the file opens,
  from the catalogue's ``/OCProperties /D`` (``/BaseState``, ``/ON``,
  ``/OFF``); text in any other layer is excluded by the page scanner.
* Annotations and form fields: a viewer draws their appearance streams on
  the page. The page is flattened in memory (pdfium merges those
  appearances into the content) and read again; the lines that were not
  there before are the annotations' text, flagged ``pdf-annotation`` or
  ``pdf-form-field``. A shown annotation without an appearance but with a
  text or value of its own is recorded as unread (the viewer makes one up).
* ToUnicode: the text comes from the font's ToUnicode map, the glyphs from
  its encoding and glyph names (or its CID map). The file is opened a second
  time with every ``/ToUnicode`` key renamed (same length: offsets do not
  move), so pdfium maps the codes from the font's own glyph names or CID
  map. Line by line, where both give a letter of the same script and they
  disagree (at least :data:`MISMATCH_MIN`, over :data:`MISMATCH_SHARE` of
  the letters compared), the map lies about what is shown and the page is
  recorded as unread (``tounicode-mismatch``). A glyph-side line with raw
  codes (control characters: a subset font without glyph names) tells
  nothing and is skipped.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..model import UnreadContent
from .pdf_text import Line, PageReader, page_text

#: A page needs this many characters, and this share of the comparable ones, mapped differently by
#: ToUnicode and by the glyphs before its map is called a lie (ligatures and odd symbols are not).
MISMATCH_MIN = 4
MISMATCH_SHARE = 0.01
#: Annotation subtypes never drawn as text on the page.
_NOT_TEXT = {pdfium_c.FPDF_ANNOT_LINK, pdfium_c.FPDF_ANNOT_POPUP}
_HIDDEN_FLAGS = pdfium_c.FPDF_ANNOT_FLAG_HIDDEN | pdfium_c.FPDF_ANNOT_FLAG_NOVIEW


# --- optional content -----------------------------------------------------------------------------

_REF = re.compile(rb"(\d+)\s+(\d+)\s+R")


def _object(data: bytes, number: int) -> bytes:
    """The text of object ``number`` (up to 8 KB; object streams are not searched)."""
    m = re.search(rb"(?<![0-9])%d\s+0\s+obj\b" % number, data)
    if not m:
        return b""
    end = data.find(b"endobj", m.end(), m.end() + 8192)
    return data[m.end(): end if end > 0 else m.end() + 8192]


def _pdf_string(raw: bytes) -> str:
    """A literal ``(...)`` or hex ``<...>`` PDF string, decoded."""
    raw = raw.strip()
    if raw.startswith(b"<"):
        body = bytes.fromhex(re.sub(rb"[^0-9A-Fa-f]", b"", raw[1:-1]).decode())
    else:
        body = re.sub(rb"\\(.)", rb"\1", raw[1:-1])
    if body.startswith(b"\xfe\xff"):
        return body[2:].decode("utf-16-be", "replace")
    return body.decode("latin-1")


def shown_layers(data: bytes) -> frozenset[str] | None:
    """Names of the optional-content groups shown by default; None when the file has layers that
    cannot be found (in object streams): then no layer counts as shown (fail closed)."""
    names: dict[int, str] = {}
    pos = data.find(b"/OCG")
    while pos >= 0:
        if data[pos + 4:pos + 5] in (b" ", b"/", b">", b"\r", b"\n", b"\t"):
            head = data.rfind(b"obj", max(0, pos - 2048), pos)
            m = re.search(rb"(\d+)\s+\d+\s+obj\s*$", data[max(0, head - 24):head + 3]) if head >= 0 else None
            name = re.search(rb"/Name\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)", data[pos - 200:pos + 2048])
            if m and name:
                names[int(m.group(1))] = _pdf_string(name.group(1))
        pos = data.find(b"/OCG", pos + 4)
    props = data.find(b"/OCProperties")
    if props < 0:
        return frozenset(names.values()) if names else None
    body = data[props:props + 8192]
    ref = re.match(rb"/OCProperties\s+(\d+)\s+0\s+R", body)
    if ref:
        body = _object(data, int(ref.group(1)))
    d = re.search(rb"/D\s+(\d+)\s+0\s+R", body)
    if d:
        body = _object(data, int(d.group(1)))
    if not names:
        return None
    base_off = re.search(rb"/BaseState\s*/OFF", body) is not None
    off = _refs(body, b"/OFF")
    on = _refs(body, b"/ON")
    shown = {n for num, n in names.items() if (num in on or not base_off) and num not in off}
    hidden = {n for num, n in names.items() if n not in shown}
    return frozenset(shown - hidden)


def _refs(body: bytes, key: bytes) -> set[int]:
    m = re.search(re.escape(key) + rb"\s*\[([^\]]*)\]", body)
    return {int(r.group(1)) for r in _REF.finditer(m.group(1))} if m else set()


# --- annotations ----------------------------------------------------------------------------------

@dataclass(slots=True)
class _Annot:
    widget: bool
    rect: tuple[float, float, float, float]


def _annotations(page: pdfium.PdfPage, number: int, unread: list[UnreadContent]) -> list[_Annot]:
    """The shown annotations with an appearance (recording those a viewer must make up)."""
    out: list[_Annot] = []
    raw = page.raw
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(raw, i)
        if not annot:
            continue
        try:
            subtype = pdfium_c.FPDFAnnot_GetSubtype(annot)
            if subtype in _NOT_TEXT or pdfium_c.FPDFAnnot_GetFlags(annot) & _HIDDEN_FLAGS:
                continue
            rect = pdfium_c.FS_RECTF()
            pdfium_c.FPDFAnnot_GetRect(annot, rect)
            has_ap = pdfium_c.FPDFAnnot_GetAP(annot, pdfium_c.FPDF_ANNOT_APPEARANCEMODE_NORMAL, None, 0) > 2
            widget = subtype == pdfium_c.FPDF_ANNOT_WIDGET
            if has_ap:
                out.append(_Annot(widget, (rect.left, rect.bottom, rect.right, rect.top)))
                continue
            own_text = any(pdfium_c.FPDFAnnot_GetStringValue(annot, key, None, 0) > 2 for key in (b"Contents", b"V"))
            if own_text and subtype in (pdfium_c.FPDF_ANNOT_FREETEXT, pdfium_c.FPDF_ANNOT_WIDGET):
                unread.append(UnreadContent(
                    "annotation", f"a {'form field' if widget else 'FreeText annotation'} without an appearance "
                    "stream: a viewer shows its text, cliccheck cannot vouch for how", page=number))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return out


def annotation_lines(pdf: pdfium.PdfDocument, page: pdfium.PdfPage, index: int, page_lines: list[Line],
                     unread: list[UnreadContent]) -> list[Line]:
    """The lines a viewer draws for the page's annotations and form fields (see module doc).
    ``page`` is the loaded page ``index``; it is flattened in memory only when it has some."""
    annots = _annotations(page, index + 1, unread)
    if not annots:
        return []
    if pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) != pdfium_c.FLATTEN_SUCCESS:
        unread.append(UnreadContent("annotation", "annotations that could not be read", page=index + 1))
        return []
    flat_page = pdf[index]  # pdfium: a flattened page must be loaded again
    try:
        flat = PageReader(flat_page, index + 1).read()
    finally:
        flat_page.close()
    before = Counter(line.text for line in page_lines)
    added: list[Line] = []
    for line in flat.lines:
        if before[line.text] > 0:
            before[line.text] -= 1
            continue
        cx, cy = line.center, (line.bottom + line.top) / 2
        widget = any(a.widget and a.rect[0] - 2 <= cx <= a.rect[2] + 2 and a.rect[1] - 2 <= cy <= a.rect[3] + 2
                     for a in annots)
        line.origin = "pdf-form-field" if widget else "pdf-annotation"
        added.append(line)
    return added


# --- ToUnicode ------------------------------------------------------------------------------------

def without_tounicode(data: bytes) -> bytes | None:
    """The file with every ``/ToUnicode`` key renamed (same length), or None when it has none."""
    if b"/ToUnicode" not in data:
        return None
    return data.replace(b"/ToUnicode", b"/ToUnicodX")


def _real(ch: str) -> bool:
    return ch.isalnum() and not 0xE000 <= ord(ch) <= 0xF8FF


def _script(ch: str) -> int:
    """0 for CJK ideographs and kana/hangul, 1 for everything else (Latin, Cyrillic, digits...)."""
    return 0 if ord(ch) >= 0x2E80 else 1


#: A glyph-side line with one of these tells nothing: the font has no glyph names or CID map and
#: pdfium fell back to the raw codes (a subset font numbered 1, 2, 3...).
_NO_NAMES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")


def _line_pairs(mapped: str, glyphs: str) -> list[tuple[str, str]]:
    """Corresponding lines of the two texts (pdfium separates lines with CR LF in both)."""
    a_lines, b_lines = mapped.split("\r\n"), glyphs.split("\r\n")
    if len(a_lines) == len(b_lines):
        return list(zip(a_lines, b_lines, strict=True))
    pairs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a_lines, b_lines, autojunk=False).get_opcodes():
        if op == "replace":
            pairs.extend(zip(a_lines[i1:i2], b_lines[j1:j2], strict=False))
    return pairs


def glyph_text(pdf: pdfium.PdfDocument, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return page_text(textpage.raw, pdfium_c.FPDFText_CountChars(textpage.raw))
        finally:
            textpage.close()
    finally:
        page.close()


def tounicode_mismatch(mapped: str, glyphs: str, page: int) -> UnreadContent | None:
    """Compare a page's ToUnicode text with its glyph-name text (see module doc)."""
    if mapped == glyphs:
        return None
    # ligatures (ﬁ for "fi"), full-width forms and case are the same letters to a reader
    mapped, glyphs = unicodedata.normalize("NFKC", mapped).casefold(), unicodedata.normalize("NFKC", glyphs).casefold()
    comparable = differ = 0
    for a_line, b_line in _line_pairs(mapped, glyphs):
        if a_line == b_line or _NO_NAMES.search(b_line):
            comparable += sum(map(_real, a_line)) if a_line == b_line else 0
            continue
        matcher = difflib.SequenceMatcher(None, a_line, b_line, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                comparable += sum(map(_real, a_line[i1:i2]))
            elif op == "replace":
                pairs = [(x, y) for x, y in zip(a_line[i1:i2], b_line[j1:j2], strict=False)
                         if _real(x) and _real(y) and _script(x) == _script(y)]
                comparable += len(pairs)
                differ += len(pairs)
    if differ >= MISMATCH_MIN and differ > MISMATCH_SHARE * comparable:
        return UnreadContent("tounicode-mismatch",
                             f"{differ} of {comparable} characters: the font's ToUnicode map says one text, its "
                             "glyphs show another", page=page)
    return None
