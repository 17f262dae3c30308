"""Small WordprocessingML helpers shared by the redline writer (and its tests).

Why: the redline edits the user's own XML in place (so that everything we do
not touch stays exactly as it was), which needs a few precise operations:
run splitting that keeps formatting, tracked-change wrappers and paragraph
marks, and fresh ``w:id`` values. (The map from visible text back to runs is
the DOCX reader's: :func:`cliccheck.readers.docx_reader.read_docx_package`.)
"""

from __future__ import annotations

import copy

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag: str) -> str:
    """Clark name of a ``w:`` element or attribute."""
    return f"{{{W_NS}}}{tag}"


def _run_children(run: etree._Element) -> list[etree._Element]:
    return [c for c in run if c.tag != w("rPr")]


def split_run(run: etree._Element, at: int, lengths: dict[etree._Element, int]) -> etree._Element:
    """Split ``run`` after ``at`` of its visible characters; returns the new right-hand run.

    Both halves keep the run's formatting (``w:rPr`` is copied). ``lengths``
    gives each child's visible length (as the reader counted it); it is
    updated for the split ``w:t``.
    """
    right = etree.Element(run.tag, attrib=dict(run.attrib), nsmap=run.nsmap)
    rpr = run.find(w("rPr"))
    if rpr is not None:
        right.append(copy.deepcopy(rpr))
    pos = 0
    moving = False
    for child in _run_children(run):
        length = lengths.get(child, 0)
        if moving:
            right.append(child)
            continue
        if pos + length <= at:
            pos += length
            if pos == at and length:
                moving = True
            continue
        cut = at - pos  # this child straddles the split point: only a w:t can
        tail = etree.SubElement(right, child.tag, attrib=dict(child.attrib))
        tail.text = (child.text or "")[cut:]
        tail.set(XML_SPACE, "preserve")
        child.text = (child.text or "")[:cut]
        child.set(XML_SPACE, "preserve")
        lengths[child] = cut
        lengths[tail] = length - cut
        moving = True
        pos = at
    run.addnext(right)
    return right


def to_deleted(run: etree._Element) -> None:
    """Turn a run's text into deleted text (``w:t`` -> ``w:delText``)."""
    for child in run.iter(w("t"), w("instrText")):
        child.tag = w("delText") if child.tag == w("t") else w("delInstrText")


def revision(tag: str, rev_id: int, author: str, date: str) -> etree._Element:
    """A ``w:ins``/``w:del`` wrapper with id, author and date."""
    el = etree.Element(w(tag), nsmap={"w": W_NS})
    el.set(w("id"), str(rev_id))
    el.set(w("author"), author)
    el.set(w("date"), date)
    return el


def text_run(text: str, rpr: etree._Element | None = None) -> etree._Element:
    """A run carrying ``text`` (tabs and line breaks become w:tab / w:br)."""
    r = etree.Element(w("r"), nsmap={"w": W_NS})
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    for i, line in enumerate(text.split("\n")):
        if i:
            etree.SubElement(r, w("br"))
        for j, piece in enumerate(line.split("\t")):
            if j:
                etree.SubElement(r, w("tab"))
            if piece:
                t = etree.SubElement(r, w("t"))
                t.text = piece
                t.set(XML_SPACE, "preserve")
    return r


def clean_rpr(rpr: etree._Element | None) -> etree._Element | None:
    """Formatting for inserted text: the source run's, minus revision and hiding marks."""
    if rpr is None:
        return None
    out = copy.deepcopy(rpr)
    for tag in ("rPrChange", "ins", "del", "vanish", "specVanish", "webHidden", "rStyle"):
        for el in out.findall(w(tag)):
            out.remove(el)
    return out


#: Elements that may follow w:rPr inside w:pPr (schema order).
_PPR_AFTER_RPR = {w("sectPr"), w("pPrChange")}


def mark_paragraph_inserted(p: etree._Element, rev_id: int, author: str, date: str) -> None:
    """Record the paragraph mark of ``p`` as a tracked insertion."""
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        anchor = next((c for c in ppr if c.tag in _PPR_AFTER_RPR), None)
        if anchor is not None:
            anchor.addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, revision("ins", rev_id, author, date))


def max_id(roots: list[etree._Element]) -> int:
    """Largest numeric ``w:id`` in the given parts (new ids start above it)."""
    best = 0
    attr = w("id")
    for root in roots:
        for el in root.iter():
            value = el.get(attr)
            if value is not None:
                try:
                    best = max(best, int(value))
                except ValueError:
                    continue
    return best


def mark_paragraph_deleted(p: etree._Element, rev_id: int, author: str, date: str) -> None:
    """Record the paragraph mark of ``p`` as a tracked deletion (accepting joins it to the next)."""
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        anchor = next((c for c in ppr if c.tag in _PPR_AFTER_RPR), None)
        if anchor is not None:
            anchor.addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, revision("del", rev_id, author, date))
