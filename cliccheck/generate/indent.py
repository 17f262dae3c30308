"""Where a paragraph's text starts, resolved as Word resolves indentation, for paragraphs the redline adds.

Why: a replacement's further sub-clauses are new paragraphs without the replaced clause's list number. A Word list
level usually carries the indentation (``w:lvl/w:pPr/w:ind``: text at 1080 twips, number hanging at 540), so a copy
of the clause's paragraph properties without its ``w:numPr`` falls back to the style's indentation, often the left
margin: the new sub-clauses would hang out to the left of the contract's text. They take the clause's text indent
instead.

Word's precedence (ECMA-376 Part 1, 17.7.2), attribute by attribute: document defaults, then the paragraph style
through its ``w:basedOn`` chain, then the numbering level, then the paragraph's own ``w:ind``. A list applied through
the paragraph's style (no ``w:numPr`` of its own) is the exception: the style's own indentation then overrides its
level's. ``w:numId`` and ``w:ilvl`` are inherited separately along the style chain, and ``w:numId`` 0 means no list.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace

from lxml import etree

from .ooxml import w

#: The children of ``w:pPr`` in schema order (Word rejects a part whose elements are out of order).
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
              "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
              "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
#: ``w:ind`` attributes that place the left edge and the first line (the ones this module decides).
_EDGE_ATTRS = ("left", "start", "leftChars", "startChars", "firstLine", "hanging", "firstLineChars", "hangingChars")


@dataclass(frozen=True, slots=True)
class Indent:
    """A paragraph's resolved left edge and first line.

    ``start`` in twips; ``start_chars`` in hundredths of a character, which Word uses instead of ``start`` when it
    is not zero; ``first`` in twips, positive for a first-line indent and negative for a hanging one (the number's
    room in a list), ``first_chars`` likewise in hundredths of a character.
    """

    start: int = 0
    start_chars: int = 0
    first: int = 0
    first_chars: int = 0


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


def _over(base: Indent, ind: etree._Element | None) -> Indent:
    """``base`` with the attributes ``ind`` states (a stated hanging indent wins over a stated first line)."""
    if ind is None:
        return base
    out = base
    start = _int(ind.get(w("start")))
    start = _int(ind.get(w("left"))) if start is None else start
    if start is not None:
        out = replace(out, start=start)
    chars = _int(ind.get(w("startChars")))
    chars = _int(ind.get(w("leftChars"))) if chars is None else chars
    if chars is not None:
        out = replace(out, start_chars=chars)
    hanging, first = _int(ind.get(w("hanging"))), _int(ind.get(w("firstLine")))
    if hanging is not None:
        out = replace(out, first=-hanging)
    elif first is not None:
        out = replace(out, first=first)
    hanging, first = _int(ind.get(w("hangingChars"))), _int(ind.get(w("firstLineChars")))
    if hanging is not None:
        out = replace(out, first_chars=-hanging)
    elif first is not None:
        out = replace(out, first_chars=first)
    return out


class IndentResolver:
    """Indentation of paragraphs of one document (its ``styles.xml`` and ``numbering.xml``, either may be absent)."""

    def __init__(self, styles: etree._Element | None, numbering: etree._Element | None):
        self._styles: dict[str, etree._Element] = {}
        self._default_style: str | None = None
        self._defaults: etree._Element | None = None
        if styles is not None:
            defaults = styles.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}")
            self._defaults = defaults.find(w("ind")) if defaults is not None else None
            for style in styles.iter(w("style")):
                sid = style.get(w("styleId"))
                if not sid or (style.get(w("type")) or "paragraph") not in ("paragraph", "numbering"):
                    continue
                self._styles[sid] = style  # a repeated id: the last one wins, as in the reader
                if self._default_style is None and style.get(w("default")) in ("1", "true", "on") \
                        and (style.get(w("type")) or "paragraph") == "paragraph":
                    self._default_style = sid
        self._nums: dict[str, etree._Element] = {}
        self._abstracts: dict[str, etree._Element] = {}
        if numbering is not None:
            for el in numbering.iter(w("abstractNum")):
                if el.get(w("abstractNumId")) is not None:
                    self._abstracts[el.get(w("abstractNumId")) or ""] = el
            for el in numbering.iter(w("num")):
                if el.get(w("numId")) is not None:
                    self._nums[el.get(w("numId")) or ""] = el

    # ------------------------------------------------------------------ styles and lists
    def _chain(self, ppr: etree._Element | None) -> list[etree._Element]:
        """The paragraph's style and its ancestors, nearest first (cycles cut)."""
        sid = _val(ppr, "pStyle") if ppr is not None else None
        if sid not in self._styles:
            sid = self._default_style
        chain: list[etree._Element] = []
        while sid and sid in self._styles and all(s.get(w("styleId")) != sid for s in chain):
            chain.append(self._styles[sid])
            based = self._styles[sid].find(w("basedOn"))
            sid = based.get(w("val")) if based is not None else None
        return chain

    def list_of(self, ppr: etree._Element | None) -> tuple[str, int, bool] | None:
        """``(numId, ilvl, direct)`` of the list the paragraph belongs to, or None; ``direct`` when the paragraph
        names the list itself rather than through its style."""
        own = ppr.find(w("numPr")) if ppr is not None else None
        num_id = _val(own, "numId") if own is not None else None
        ilvl = _int(_val(own, "ilvl")) if own is not None else None
        direct = num_id is not None
        chain = self._chain(ppr)
        for style in chain:
            style_num = style.find(f"{w('pPr')}/{w('numPr')}")
            if style_num is None:
                continue
            if num_id is None:
                num_id = _val(style_num, "numId")
            if ilvl is None:
                ilvl = _int(_val(style_num, "ilvl"))
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return None
        if ilvl is None:  # a style-driven list: the level whose w:pStyle is the paragraph's style
            abstract = self._abstract(num_id)
            sid = chain[0].get(w("styleId")) if chain else None
            ilvl = next((_int(lvl.get(w("ilvl"))) or 0 for lvl in (abstract.iter(w("lvl")) if abstract is not None
                                                                      else []) if sid and _val(lvl, "pStyle") == sid), 0)
        return num_id, max(0, min(ilvl, 8)), direct

    def _abstract(self, num_id: str) -> etree._Element | None:
        """The abstract definition of list ``num_id``, through ``w:numStyleLink`` (cycles cut)."""
        seen: set[str] = set()
        num = self._nums.get(num_id)
        while num is not None:
            aid = _val(num, "abstractNumId") or ""
            abstract = self._abstracts.get(aid)
            link = abstract.find(w("numStyleLink")) if abstract is not None else None
            if abstract is None or link is None or aid in seen:
                return abstract
            seen.add(aid)
            style = self._styles.get(link.get(w("val")) or "")
            linked = style.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}") if style is not None else None
            target = self._nums.get(linked.get(w("val")) or "") if linked is not None else None
            if target is None:
                return abstract
            num = target
        return None

    def level(self, num_id: str, ilvl: int) -> etree._Element | None:
        """The ``w:lvl`` defining level ``ilvl`` of list ``num_id``: a ``w:num``'s override, else its abstract's."""
        num = self._nums.get(num_id)
        if num is not None:
            for override in num.iter(w("lvlOverride")):
                lvl = override.find(w("lvl"))
                if lvl is not None and (_int(override.get(w("ilvl"))) or 0) == ilvl:
                    return lvl
        abstract = self._abstract(num_id)
        for lvl in abstract.iter(w("lvl")) if abstract is not None else []:
            if (_int(lvl.get(w("ilvl"))) or 0) == ilvl:
                return lvl
        return None

    def same_list(self, a: str, b: str) -> bool:
        """Do lists ``a`` and ``b`` count together (one ``w:num``, or one abstract definition)?"""
        return a == b or (self._abstract(a) is not None and self._abstract(a) is self._abstract(b))

    def _level_ind(self, num_id: str, ilvl: int) -> etree._Element | None:
        lvl = self.level(num_id, ilvl)
        return lvl.find(f"{w('pPr')}/{w('ind')}") if lvl is not None else None

    # ------------------------------------------------------------------ resolution
    def resolve(self, ppr: etree._Element | None) -> Indent:
        """The indentation Word gives a paragraph with properties ``ppr``."""
        out = _over(Indent(), self._defaults)
        listed = self.list_of(ppr)
        level = self._level_ind(listed[0], listed[1]) if listed is not None else None
        if listed is not None and not listed[2]:
            out = _over(out, level)
        for style in reversed(self._chain(ppr)):
            out = _over(out, style.find(f"{w('pPr')}/{w('ind')}"))
        if listed is not None and listed[2]:
            out = _over(out, level)
        return _over(out, ppr.find(w("ind")) if ppr is not None else None)

    def text_start(self, ppr: etree._Element | None) -> Indent:
        """Where the paragraph's text starts: its left indent, and a first-line indent only when it has one of its
        own (a hanging indent is the room of a number or label that a paragraph without one does not need)."""
        resolved = self.resolve(ppr)
        return replace(resolved, first=max(resolved.first, 0), first_chars=max(resolved.first_chars, 0))

    def unnumbered_at(self, ppr: etree._Element, target: Indent) -> None:
        """Make paragraph properties ``ppr`` (a copy, its list number already dropped) unnumbered and indented to
        ``target``, stating only what its style does not already give.

        A list the style applies is switched off with ``w:numId`` 0, as Word does when one removes its number; the
        paragraph's other indentation (the right edge) is kept.
        """
        if self.list_of(ppr) is not None:
            num_pr = ppr.find(w("numPr"))
            if num_pr is None:
                num_pr = _insert(ppr, "numPr")
            for child in list(num_pr):
                num_pr.remove(child)
            etree.SubElement(num_pr, w("numId")).set(w("val"), "0")
        ind = ppr.find(w("ind"))
        if ind is not None:
            ppr.remove(ind)
        inherited = self.resolve(ppr)
        kept = copy.deepcopy(ind) if ind is not None else etree.Element(w("ind"))
        for attr in _EDGE_ATTRS:
            kept.attrib.pop(w(attr), None)
        uses_start = ind is not None and ind.get(w("start")) is not None
        if target.start != inherited.start:
            kept.set(w("start" if uses_start else "left"), str(target.start))
        if target.start_chars != inherited.start_chars:
            kept.set(w("startChars" if uses_start else "leftChars"), str(target.start_chars))
        if target.first != inherited.first:
            kept.set(w("firstLine" if target.first >= 0 else "hanging"), str(abs(target.first)))
        if target.first_chars != inherited.first_chars:
            kept.set(w("firstLineChars" if target.first_chars >= 0 else "hangingChars"), str(abs(target.first_chars)))
        if kept.attrib:
            _insert(ppr, "ind").attrib.update(kept.attrib)


def _val(parent: etree._Element | None, tag: str) -> str | None:
    child = parent.find(w(tag)) if parent is not None else None
    return child.get(w("val")) if child is not None else None


def _insert(ppr: etree._Element, tag: str) -> etree._Element:
    """A new empty child ``tag`` of ``ppr`` at its place in schema order."""
    rank = _PPR_ORDER.index(tag)
    el = etree.Element(w(tag))
    after = next((c for c in ppr if isinstance(c.tag, str) and c.tag.startswith(w(""))
                  and etree.QName(c).localname in _PPR_ORDER
                  and _PPR_ORDER.index(etree.QName(c).localname) > rank), None)
    if after is not None:
        after.addprevious(el)
    else:
        ppr.append(el)
    return el
