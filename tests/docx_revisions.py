"""Accept-all and reject-all over WordprocessingML, for testing the redline.

Why our own: the invariants "accept all -> compliant" and "reject all ->
the original" must be checked without Word. This implements the semantics
Word applies to the revision marks the redline writes and those commonly
found in drafts: run-level w:ins/w:del (and moves), inserted/deleted
paragraph marks, inserted/deleted table rows, and property changes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_STORY_PREFIXES = ("word/document", "word/header", "word/footer", "word/footnotes", "word/endnotes",
                   "word/comments")
_CHANGE_TAGS = ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblGridChange", "trPrChange",
                "tcPrChange", "numberingChange")


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    index = parent.index(el)
    for child in reversed(list(el)):
        parent.insert(index, child)
    parent.remove(el)


def _drop(el: etree._Element) -> None:
    el.getparent().remove(el)


def _is_mark(el: etree._Element) -> bool:
    """A w:ins/w:del that marks a paragraph mark (inside w:pPr/w:rPr) or a table row (w:trPr)."""
    parent = el.getparent()
    if parent is None:
        return False
    if parent.tag == w("trPr"):
        return True
    return parent.tag == w("rPr") and parent.getparent() is not None and parent.getparent().tag == w("pPr")


def _merge_into_next(p: etree._Element, keep_first: bool = False) -> None:
    """Remove paragraph mark of ``p``: its content joins the next paragraph.

    The joined paragraph keeps the properties of the surviving (next) mark, as the paragraph mark holds them
    (Word); ``keep_first`` keeps those of ``p`` instead, as LibreOffice does when it joins two paragraphs.
    """
    nxt = p.getnext()
    while nxt is not None and nxt.tag != w("p"):
        if nxt.tag in (w("tbl"), w("sectPr")):
            nxt = None
            break
        nxt = nxt.getnext()
    content = [c for c in p if c.tag != w("pPr")]
    if nxt is None:
        return  # the last paragraph keeps its mark (Word does the same)
    ppr = nxt.find(w("pPr"))
    index = 1 if ppr is not None and nxt.index(ppr) == 0 else 0
    for child in reversed(content):
        nxt.insert(index, child)
    if keep_first:  # the surviving mark (its revision, run formatting and section) with p's properties
        mine = p.find(w("pPr"))
        theirs = nxt.find(w("pPr"))
        joined = etree.Element(w("pPr"))
        own = [c for c in (mine if mine is not None else []) if c.tag not in (w("rPr"), w("sectPr"))]
        mark = [c for c in (theirs if theirs is not None else []) if c.tag in (w("rPr"), w("sectPr"))]
        for child in [c for c in own if c.tag != w("pPrChange")] + mark + [c for c in own if c.tag == w("pPrChange")]:
            joined.append(child)
        if theirs is not None:
            nxt.remove(theirs)
        nxt.insert(0, joined)
    _drop(p)


def _paragraph_of_mark(mark: etree._Element) -> etree._Element:
    return mark.getparent().getparent().getparent()


def _transform(root: etree._Element, accept: bool, author: str | None = None, keep_first: bool = False) -> None:
    def mine(el: etree._Element) -> bool:
        return author is None or el.get(w("author")) == author

    keep_tag, drop_tag = ("ins", "del") if accept else ("del", "ins")
    keep_move, drop_move = ("moveTo", "moveFrom") if accept else ("moveFrom", "moveTo")
    # 1. table rows
    for mark in list(root.iter(w(drop_tag))):
        if mine(mark) and mark.getparent() is not None and mark.getparent().tag == w("trPr"):
            row = mark.getparent().getparent()
            if row.getparent() is not None:
                _drop(row)
    # 2. run-level content
    for tag in (drop_tag, drop_move):
        for el in list(root.iter(w(tag))):
            if mine(el) and el.getparent() is not None and not _is_mark(el):
                _drop(el)
    for tag in (keep_tag, keep_move):
        for el in list(root.iter(w(tag))):
            if mine(el) and el.getparent() is not None and not _is_mark(el):
                if not accept:
                    for text in el.iter(w("delText")):
                        text.tag = w("t")
                    for text in el.iter(w("delInstrText")):
                        text.tag = w("instrText")
                _unwrap(el)
    for tag in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd"):
        for el in list(root.iter(w(tag))):
            if mine(el):
                _drop(el)
    # 3. paragraph marks: the dropped kind merges the paragraph into the next one
    for mark in list(root.iter(w(drop_tag))):
        if mine(mark) and mark.getparent() is not None and _is_mark(mark):
            p = _paragraph_of_mark(mark)
            _drop(mark)
            if p.tag == w("p"):
                _merge_into_next(p, keep_first)
    for mark in list(root.iter(w(keep_tag))):
        if mine(mark) and mark.getparent() is not None and _is_mark(mark):
            _drop(mark)
    # 4. property changes: accepting keeps the new properties, rejecting restores the old ones
    for tag in _CHANGE_TAGS:
        for change in list(root.iter(w(tag))):
            parent = change.getparent()
            if parent is None or not mine(change):
                continue
            _drop(change)
            if not accept and len(change):
                old = change[0]
                for child in list(parent):
                    if child.tag not in (w("rPr"), w("sectPr")) or parent.tag != w("pPr"):
                        parent.remove(child)
                for child in list(old):
                    parent.append(child)


def _each_story(data: bytes, change: Callable[[etree._Element], None]) -> bytes:
    """The package with ``change`` applied to the root of every story part (body, headers, footers, notes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            payload = src.read(info)
            if info.filename.startswith(_STORY_PREFIXES) and info.filename.endswith(".xml"):
                root = etree.fromstring(payload)
                change(root)
                payload = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, payload)
    return out.getvalue()


def _rewrite(data: bytes, accept: bool, author: str | None = None, keep_first: bool = False) -> bytes:
    return _each_story(data, lambda root: _transform(root, accept, author, keep_first))


def accept_all(data: bytes, author: str | None = None) -> bytes:
    """The document once every tracked change (of ``author``, if given) is accepted."""
    return _rewrite(data, accept=True, author=author)


def reject_all(data: bytes, author: str | None = None, *, keep_first: bool = False) -> bytes:
    """The document once every tracked change (of ``author``, if given) is rejected.

    ``keep_first``: a paragraph joined by rejecting an inserted mark keeps the first paragraph's properties
    (LibreOffice) rather than the surviving mark's (Word); a redline must restore the original under both.
    """
    return _rewrite(data, accept=False, author=author, keep_first=keep_first)


def revisions(data: bytes, part: str = "word/document.xml") -> list[etree._Element]:
    """All w:ins / w:del elements of a part (run-level and marks)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read(part))
    return [el for el in root.iter(w("ins"), w("del"))]


def accept_deletions(data: bytes, author: str | None = None) -> bytes:
    """The document with the deletions and moves' origins (of ``author``, if given) accepted, every other revision
    left tracked.

    Why: it shows what the insertions alone do to a viewer, e.g. to LibreOffice's list numbering, apart from
    how that viewer shows struck text.
    """
    def change(root: etree._Element) -> None:
        for el in list(root.iter(w("moveFromRangeStart"), w("moveFromRangeEnd"))):
            if author is None or el.get(w("author")) == author:
                _drop(el)
        for el in list(root.iter(w("del"), w("moveFrom"))):  # a move's origin is deleted text
            if (author is None or el.get(w("author")) == author) and el.getparent() is not None:
                if not _is_mark(el):
                    _drop(el)
                elif el.getparent().tag == w("rPr"):
                    p = _paragraph_of_mark(el)
                    _drop(el)
                    if p.tag == w("p"):
                        _merge_into_next(p)

    return _each_story(data, change)
