"""The redlined draft: the user's DOCX with our proposals as Word tracked changes.

Why edit the XML in place rather than rebuild the document: everything we do
not propose to change (styles, numbering, headers, other authors' revisions
and comments) must come out exactly as it went in. Only three parts change:
``word/document.xml`` (our ``w:ins``/``w:del`` and comment anchors),
``word/comments.xml`` (our comments appended, or the part created) and, when
that part is new, the relationships and content types that declare it. All
other zip members are copied byte for byte.

Evidence spans from the matcher (offsets into ``Document.text``) are anchored
on the source runs by finding the block's text in the paragraph's visible
text (normalised exactly as the reader normalises it) and mapping back
through :func:`cliccheck.normalize.normalize`'s origin map.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import etree

from ..errors import DocumentError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Block, Document
from ..readers.docx_reader import ParagraphRef, read_docx_package
from ..readers.safezip import PKG_REL_NS, open_package, parse_xml
from ..verdicts import CheckResult, Evidence, RequirementResult, Verdict
from .annex import zip_time
from .context import AnnexContext
from .ooxml import (
    W_NS,
    clean_rpr,
    mark_paragraph_inserted,
    max_id,
    revision,
    split_run,
    text_run,
    to_deleted,
    w,
)
from .render import REQUIREMENT_IDS, annex_text, clause, redline_comment

COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


@dataclass(slots=True)
class Edit:
    """A proposal on one span of one paragraph."""

    req_id: str
    kind: str  # contradicted | weak
    start: int  # raw offsets in the paragraph's visible text
    end: int
    lang: str
    detail: str | None = None
    replacement: str | None = None


@dataclass(slots=True)
class RedlineSummary:
    """What the redline did, for the command's message and the tests."""

    deletions: int = 0
    replacements: int = 0
    comments: int = 0
    inserted_clauses: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # evidence we could not anchor, with why
    # contradictions left in place (in a footnote, a header, across a field: only commented), so
    # accepting every change still leaves the document failing
    unresolved: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. a digital signature the redline invalidates

    def leave_unresolved(self, req_id: str) -> None:
        if req_id not in self.unresolved:
            self.unresolved.append(req_id)


@dataclass(slots=True)
class RedlineOptions:
    author: str = "cliccheck"
    when: datetime | None = None
    after: str | None = None
    variant: str = "full"
    langs: list[str] | None = None  # languages of inserted clauses (default: the document's)


class _Ids:
    def __init__(self, start: int):
        self.value = start

    def __call__(self) -> int:
        self.value += 1
        return self.value


def _doc_langs(doc: Document) -> list[str]:
    lang = doc.language
    return ["zh", "en"] if lang == "mixed" else ["en"] if lang == "en" else ["zh"]


def _evidence_lang(ev: Evidence, block: Block, doc_langs: list[str]) -> str:
    for lang in (ev.language, block.language):
        if lang in ("zh", "en"):
            return lang
    return doc_langs[0]


def _evidence_for(result: RequirementResult) -> list[tuple[Evidence, str]]:
    """The spans to change for a requirement, with the kind of change.

    A bilingual document is judged per language version, so each version's
    own evidence counts (the combined verdict may cite only one version).
    """
    out: list[tuple[Evidence, str]] = []
    seen: set[tuple[int, int]] = set()
    for res in [result, *result.by_language.values()]:
        picked: list[tuple[Evidence, str]] = []
        if res.verdict == Verdict.CONTRADICTED:
            picked = [(e, "contradicted") for e in res.evidence if e.role == "contradiction"]
        elif res.verdict == Verdict.WEAK:
            spans = [e for e in res.evidence if e.role in ("undertaking", "partial")]
            if not spans:
                spans = [e for e in res.evidence if e.role == "weakener"]
            picked = [(e, "weak") for e in spans]
        for ev, kind in picked:
            if ev.block < 0 or (ev.start, ev.end) in seen:
                continue  # excluded (hidden/deleted) text has no place in the body to edit
            seen.add((ev.start, ev.end))
            out.append((ev, kind))
    return out


def _reason_detail(result: RequirementResult, ev: Evidence) -> str | None:
    """The words that decided the verdict, quoted in the comment."""
    for res in [result, *result.by_language.values()]:
        for reason in res.reasons:
            if reason.code in ("contradicted-by", "weakened-by", "carve-out") and reason.detail \
                    and reason.detail.strip() and (reason.detail in ev.text or res is result):
                return reason.detail.strip()
    return None


class Redliner:
    """One redline run over one package."""

    def __init__(self, data: bytes, doc: Document, result: CheckResult, ctx: AnnexContext,
                 options: RedlineOptions, limits: Limits = DEFAULT_LIMITS):
        self.data = data
        self.doc = doc
        self.result = result
        self.ctx = ctx
        self.opts = options
        self.when = (options.when or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        self.date = self.when.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.summary = RedlineSummary()
        self.pkg = open_package(data, limits)
        self.limits = limits
        self.main = self.pkg.main_document()
        # The reader's own parse: refs[i].element is paragraph i (Block.paragraph) in the tree we edit,
        # and refs[i].segments is exactly the text the block was built from.
        _, self.refs = read_docx_package(self.pkg, doc.path, limits=limits, keep_segments=True)
        root = self.pkg.xml(self.main)
        if root is None:
            raise DocumentError("the main document part is missing", code="not-a-docx")
        self.root = root
        body = self.root.find(w("body"))
        if body is None:
            raise DocumentError("the document has no body", code="corrupt")
        self.body = body
        self.comments_part = next(iter(self.pkg.related(self.main, "comments")), None)
        self.comments_root = self._parse(self.comments_part) if self.comments_part else None
        others = [self._parse(n) for n in self.pkg.names
                  if n.lower().startswith("word/") and n.lower().endswith(".xml")
                  and n not in (self.main, self.comments_part)]
        existing = [self.root, *(others), *([self.comments_root] if self.comments_root is not None else [])]
        self.next_id = _Ids(max_id(existing))
        self.new_comments: list[etree._Element] = []
        self.langs = options.langs or _doc_langs(doc)

    def _parse(self, part: str) -> etree._Element:
        raw = self.pkg.read(part)
        if raw is None:
            raise DocumentError(f"missing part {part}", code="corrupt")
        return parse_xml(raw, self.limits, part)

    # ------------------------------------------------------------------ planning
    def plan(self) -> tuple[dict[int, tuple[ParagraphRef, list[Edit]]], list[str]]:
        """Edits per paragraph, and the requirements that need a new clause."""
        per_paragraph: dict[int, tuple[ParagraphRef, list[Edit]]] = {}
        needs_clause: list[str] = []
        for result in self.result.requirements:
            if result.verdict == Verdict.SATISFIED:
                continue
            replaced_langs: set[str] = set()
            anchored_any = False
            for ev, kind in _evidence_for(result):
                edit = self._edit_for(result, ev, kind)
                if edit is None:
                    continue
                ref, e = edit
                per_paragraph.setdefault(ref.index, (ref, []))[1].append(e)
                anchored_any = True
                if e.replacement:
                    replaced_langs.add(e.lang)
            covered = result.verdict == Verdict.WEAK and anchored_any and set(self.langs) <= replaced_langs
            if not covered:
                needs_clause.append(result.id)
        return per_paragraph, needs_clause

    def _ref(self, block: Block) -> ParagraphRef | None:
        if not 0 <= block.paragraph < len(self.refs):
            return None
        ref = self.refs[block.paragraph]
        return ref if ref.part == self.main and ref.index == block.paragraph else None

    def _edit_for(self, result: RequirementResult, ev: Evidence,
                  kind: str) -> tuple[ParagraphRef, Edit] | None:
        where = f"{result.id} {kind} evidence at block {ev.block}"
        if not 0 <= ev.block < len(self.doc.blocks):
            self.summary.skipped.append(f"{where}: no such block")
            if kind == "contradicted":
                self.summary.leave_unresolved(result.id)
            return None
        block = self.doc.blocks[ev.block]
        ref = self._ref(block)
        if ref is None or not block.is_body or block.origin is None:
            self.summary.skipped.append(f"{where}: text is in a {block.kind}, not the document body")
            if kind == "contradicted":
                self.summary.leave_unresolved(result.id)
            return None
        start = max(ev.start, block.start) - block.start
        end = min(ev.end, block.end) - block.start
        if start >= end or end > len(block.origin):
            self.summary.skipped.append(f"{where}: empty or out-of-range span")
            if kind == "contradicted":
                self.summary.leave_unresolved(result.id)
            return None
        raw_start, raw_end = block.origin[start], block.origin[end - 1] + 1
        lang = _evidence_lang(ev, block, self.langs)
        replacement = None
        if kind == "weak":
            text = clause(result.id, lang, self.opts.variant, self.ctx.for_lang(lang)).text
            replacement = " ".join(text.split("\n\n"))
        return ref, Edit(result.id, kind, raw_start, raw_end, lang, _reason_detail(result, ev), replacement)

    # ------------------------------------------------------------------ editing
    def apply_paragraph(self, ref: ParagraphRef, edits: list[Edit]) -> None:
        """Apply edits to one paragraph, right to left, merging overlapping spans."""
        unique: dict[tuple[str, int, int], Edit] = {}
        for e in edits:
            unique.setdefault((e.req_id, e.start, e.end), e)
        edits = sorted(unique.values(), key=lambda e: (e.start, e.end))
        groups: list[list[Edit]] = []
        for e in edits:
            if groups and e.start < max(g.end for g in groups[-1]):
                groups[-1].append(e)
            else:
                groups.append([e])
        # Visible run ranges from the reader's segments; right-to-left edits never shift them.
        lengths: dict[etree._Element, int] = {}
        runs: list[tuple[etree._Element, int, int]] = []
        foreign: list[tuple[int, int]] = []  # visible text not held by a plain run child (math, symbols)
        for seg in ref.segments or []:
            if not seg.visible or seg.element is None or seg.start == seg.end:
                continue
            parent = seg.element.getparent()
            if parent is None or parent.tag != w("r"):
                foreign.append((seg.start, seg.end))
                continue
            lengths[seg.element] = lengths.get(seg.element, 0) + seg.end - seg.start
            if runs and runs[-1][0] is parent:
                runs[-1] = (parent, runs[-1][1], seg.end)
            else:
                runs.append((parent, seg.start, seg.end))
        for group in reversed(groups):
            start = min(e.start for e in group)
            end = max(e.end for e in group)
            if any(a < end and b > start for a, b in foreign):
                self.summary.skipped.append(f"{group[0].req_id}: span holds text outside runs; comment only")
                self._comment_only(ref.element, group)
                continue
            self._apply_group(ref.element, start, end, group, runs, lengths)

    def _apply_group(self, p: etree._Element, start: int, end: int, group: list[Edit],
                     runs: list[tuple[etree._Element, int, int]],
                     lengths: dict[etree._Element, int]) -> None:
        touched = [(r, a, b) for r, a, b in runs if a < end and b > start]
        if any(r.find(w("fldChar")) is not None or r.find(w("instrText")) is not None for r, _, _ in touched):
            self.summary.skipped.append(f"{group[0].req_id}: span crosses a field; comment only")
            touched = []
        if not touched:
            self._comment_only(p, group)
            return
        inside: list[etree._Element] = []
        for r, r_start, r_end in touched:
            target = r
            if start > r_start:
                target = split_run(r, start - r_start, lengths)
                r_start = start
            if end < r_end:
                split_run(target, end - r_start, lengths)
            inside.append(target)
        wrappers: list[etree._Element] = []
        for r in inside:
            wrapper = revision("del", self.next_id(), self.opts.author, self.date)
            r.addprevious(wrapper)
            wrapper.append(r)
            to_deleted(r)
            wrappers.append(wrapper)
        self.summary.deletions += 1
        self._delete_emptied_fields(p)
        last = wrappers[-1]
        rpr = clean_rpr(inside[-1].find(w("rPr")))
        for e in group:
            if e.replacement:
                ins = revision("ins", self.next_id(), self.opts.author, self.date)
                ins.append(text_run(e.replacement, rpr))
                last.addnext(ins)
                last = ins
                self.summary.replacements += 1
        self._comment(p, wrappers[0], last, group)

    def _delete_emptied_fields(self, p: etree._Element) -> None:
        """Delete the code of a field whose whole result we just deleted.

        Left alone, accepting the deletion keeps an empty field (begin,
        instruction, separator, end) and Word recomputes it on the next field
        update: the deleted words would come back. So its begin/instruction/
        separator/end runs are deleted with it (``w:instrText`` becomes
        ``w:delInstrText``); rejecting all changes restores the field as it was.
        Only fields that begin and end in this paragraph are touched.
        """
        stack: list[dict[str, list[etree._Element]]] = []
        for run in list(p.iter(w("r"))):
            char = run.find(w("fldChar"))
            kind = char.get(w("fldCharType")) if char is not None else None
            if kind == "begin":
                stack.append({"code": [run], "result": [], "in_result": []})
                continue
            if not stack:
                continue
            field = stack[-1]
            if kind == "separate":
                field["code"].append(run)
                field["in_result"] = [run]
            elif kind == "end":
                stack.pop()
                field["code"].append(run)
                results = field["result"]
                if results and all(_deleted(r) for r in results):
                    for code_run in field["code"]:
                        if not _deleted(code_run):
                            wrapper = revision("del", self.next_id(), self.opts.author, self.date)
                            code_run.addprevious(wrapper)
                            wrapper.append(code_run)
                            to_deleted(code_run)
                if stack:  # a nested field's runs are part of the outer field's result
                    stack[-1]["result" if stack[-1]["in_result"] else "code"].extend(field["code"] + results)
            elif field["in_result"]:
                if run.find(w("t")) is not None or run.find(w("delText")) is not None:
                    field["result"].append(run)
            else:
                field["code"].append(run)

    # ------------------------------------------------------------------ comments
    def _comment_only(self, p: etree._Element, group: list[Edit]) -> None:
        """A proposal that could only be commented: its contradiction stays in the text."""
        for e in group:
            if e.kind == "contradicted":
                self.summary.leave_unresolved(e.req_id)
        self._comment(p, None, None, group)

    def _comment(self, p: etree._Element, first: etree._Element | None, last: etree._Element | None,
                 group: list[Edit]) -> None:
        for e in group:
            text = self._comment_text(e.req_id, e.kind, e.lang, e.detail)
            self._anchor_comment(p, first, last, text)

    def _comment_text(self, req_id: str, kind: str, lang: str, detail: str | None) -> str:
        ctx = dict(self.ctx.for_lang(lang))
        c = clause(req_id, lang, "short", ctx)
        ctx.update(kind=kind, req_id=req_id, title=c.title, basis=c.basis)
        if detail:
            ctx["detail"] = " ".join(detail.split())[:200]
        return redline_comment(lang, ctx)

    def _anchor_comment(self, p: etree._Element, first: etree._Element | None,
                        last: etree._Element | None, text: str) -> None:
        cid = self.next_id()
        start = etree.Element(w("commentRangeStart"))
        start.set(w("id"), str(cid))
        end = etree.Element(w("commentRangeEnd"))
        end.set(w("id"), str(cid))
        ref_run = etree.Element(w("r"))
        ref = etree.SubElement(ref_run, w("commentReference"))
        ref.set(w("id"), str(cid))
        if first is None or last is None:  # whole paragraph
            ppr = p.find(w("pPr"))
            if ppr is not None:
                ppr.addnext(start)
            else:
                p.insert(0, start)
            p.append(end)
            p.append(ref_run)
        else:
            first.addprevious(start)
            last.addnext(end)
            end.addnext(ref_run)
        self.new_comments.append(self._comment_element(cid, text))
        self.summary.comments += 1

    def _comment_element(self, cid: int, text: str) -> etree._Element:
        c = etree.Element(w("comment"), nsmap={"w": W_NS})
        c.set(w("id"), str(cid))
        c.set(w("author"), self.opts.author)
        c.set(w("date"), self.date)
        initials = "".join(part[0] for part in self.opts.author.split() if part)[:8] or "C"
        c.set(w("initials"), initials)
        para = etree.SubElement(c, w("p"))
        ref_run = etree.SubElement(para, w("r"))
        etree.SubElement(ref_run, w("annotationRef"))
        para.append(text_run(text))
        return c

    # ------------------------------------------------------------------ inserted clauses
    def _anchor(self) -> etree._Element:
        """Body-level element after which the new clauses go."""
        children = [c for c in self.body if c.tag != w("sectPr")]
        if not children:
            raise DocumentError("the document body is empty", code="corrupt")
        if not self.opts.after:
            return children[-1]
        wanted = self.opts.after.strip()
        blocks = [b for b in self.doc.blocks if b.is_body and b.section and (
            b.section == wanted or (b.section.startswith(wanted) and b.section[len(wanted):][:1] in ".（("))]
        if not blocks:
            known = list(dict.fromkeys(b.section for b in self.doc.blocks if b.section))[:20]
            raise DocumentError(f"section {wanted!r} not found (sections in this document: "
                                f"{', '.join(known) or 'none'})", code="config")
        ref = self._ref(blocks[-1])
        if ref is None:
            raise DocumentError(f"cannot locate section {wanted!r} in the DOCX body", code="config")
        el = ref.element
        while el.getparent() is not None and el.getparent() is not self.body:
            el = el.getparent()
        return el

    def _styles(self) -> dict[str, str]:
        """styleId by lower-case style name (heading 1, heading 2, ...)."""
        part = next(iter(self.pkg.related(self.main, "styles")), None)
        if part is None:
            return {}
        root = self._parse(part)
        out: dict[str, str] = {}
        for style in root.iter(w("style")):
            name = style.find(w("name"))
            sid = style.get(w("styleId"))
            if name is not None and sid:
                out.setdefault((name.get(w("val")) or "").lower(), sid)
        return out

    def _new_paragraph(self, text: str, style: str | None, bold: bool, comment: str | None) -> etree._Element:
        p = etree.Element(w("p"))
        ppr = etree.SubElement(p, w("pPr"))
        if style:
            etree.SubElement(ppr, w("pStyle")).set(w("val"), style)
        rpr = None
        if bold and not style:
            rpr = etree.Element(w("rPr"))
            etree.SubElement(rpr, w("b"))
        ins = revision("ins", self.next_id(), self.opts.author, self.date)
        ins.append(text_run(text, rpr))
        p.append(ins)
        mark_paragraph_inserted(p, self.next_id(), self.opts.author, self.date)
        if comment:
            self._anchor_comment(p, ins, ins, comment)
        return p

    def insert_clauses(self, req_ids: list[str]) -> None:
        if not req_ids:
            return
        styles = self._styles()
        h1 = styles.get("heading 1")
        h2 = styles.get("heading 2") or h1
        new: list[etree._Element] = []
        texts = {lang: annex_text(lang, self.ctx.for_lang(lang)) for lang in self.langs}
        title = " / ".join(str(texts[lang].title) for lang in self.langs)
        new.append(self._new_paragraph(title, h1, True, None))
        for lang in self.langs:
            new.append(self._new_paragraph(" ".join(str(texts[lang].redline_lead).split()), None, False, None))
        for number, req_id in enumerate(req_ids, start=1):
            for lang in self.langs:
                c = clause(req_id, lang, self.opts.variant, self.ctx.for_lang(lang))
                heading = f"{texts[lang].inserted_number(number)} {c.title}"
                comment = self._comment_text(req_id, "missing", lang, None) if lang == self.langs[0] else None
                new.append(self._new_paragraph(heading, h2, True, comment))
                for para in c.paragraphs:
                    new.append(self._new_paragraph(para, None, False, None))
            self.summary.inserted_clauses.append(req_id)
        self._place(new)

    def _place(self, new: list[etree._Element]) -> None:
        """Insert paragraphs so that rejecting them restores the original exactly."""
        anchor = self._anchor()
        following = anchor.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        if following is not None and following.tag == w("p"):
            for p in new:  # each inserted mark merges into the following paragraph on rejection
                following.addprevious(p)
            return
        if anchor.tag == w("p") and anchor.find(f".//{w('r')}") is None:
            for p in new:
                anchor.addprevious(p)
            return
        if anchor.tag == w("p"):
            # Mark the anchor's own paragraph mark inserted and close the block with a copy of its
            # properties: rejecting joins anchor + new paragraphs back into the anchor.
            tail = etree.Element(w("p"))
            ppr = anchor.find(w("pPr"))
            if ppr is not None:
                tail.append(_copy_without_revisions(ppr))
            mark_paragraph_inserted(anchor, self.next_id(), self.opts.author, self.date)
            last = anchor
            for p in [*new, tail]:
                last.addnext(p)
                last = p
            return
        last = anchor
        for p in [*new, etree.Element(w("p"))]:
            last.addnext(p)
            last = p

    # ------------------------------------------------------------------ output
    def run(self) -> bytes:
        per_paragraph, needs_clause = self.plan()
        for ref, edits in per_paragraph.values():
            self.apply_paragraph(ref, edits)
        self.insert_clauses([r for r in REQUIREMENT_IDS if r in needs_clause])
        replace: dict[str, bytes] = {self.main: _serialise(self.root)}
        add: dict[str, bytes] = {}
        if self.new_comments:
            if self.comments_root is not None and self.comments_part:
                for c in self.new_comments:
                    self.comments_root.append(c)
                replace[self.comments_part] = _serialise(self.comments_root)
            else:
                self._new_comments_part(replace, add)
        names = {n.lower(): n for n in self._member_names()}
        replace = {names.get(k.lower(), k): v for k, v in replace.items()}
        if any(n.lower().startswith("_xmlsignatures/") for n in names.values()):
            self.summary.warnings.append(
                "the draft carries a digital signature (_xmlsignatures): the redline changes the signed "
                "document, so the signature no longer verifies; sign the final version again")
        return _rezip(self.data, self.when if self.opts.when else None, replace=replace, add=add)

    def _member_names(self) -> list[str]:
        with zipfile.ZipFile(io.BytesIO(self.data)) as zf:
            return zf.namelist()

    def _new_comments_part(self, replace: dict[str, bytes], add: dict[str, bytes]) -> None:
        root = etree.Element(w("comments"), nsmap={"w": W_NS})
        for c in self.new_comments:
            root.append(c)
        folder = self.main.rsplit("/", 1)[0] if "/" in self.main else ""
        name = "comments.xml"
        n = 1
        while self.pkg.has(f"{folder}/{name}" if folder else name):
            n += 1
            name = f"comments{n}.xml"
        part = f"{folder}/{name}" if folder else name
        add[part] = _serialise(root)
        rels_name = self.pkg.rels_name(self.main)
        raw = self.pkg.read(rels_name)
        rels = parse_xml(raw, self.limits, rels_name) if raw else etree.Element(
            f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
        ids = {el.get("Id") for el in rels}
        k = len(ids) + 1
        while f"rId{k}" in ids:
            k += 1
        rel = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
        rel.set("Id", f"rId{k}")
        rel.set("Type", COMMENTS_REL)
        rel.set("Target", name)
        (replace if raw else add)[rels_name] = _serialise(rels)
        ct_raw = self.pkg.read("[Content_Types].xml")
        if ct_raw is None:
            raise DocumentError("the package has no [Content_Types].xml", code="corrupt")
        ct = parse_xml(ct_raw, self.limits, "[Content_Types].xml")
        override = etree.SubElement(ct, f"{{{CT_NS}}}Override")
        override.set("PartName", "/" + part)
        override.set("ContentType", COMMENTS_TYPE)
        replace["[Content_Types].xml"] = _serialise(ct)


def _copy_without_revisions(ppr: etree._Element) -> etree._Element:
    import copy

    out = copy.deepcopy(ppr)
    for tag in ("sectPr", "pPrChange"):
        for el in out.findall(w(tag)):
            out.remove(el)
    rpr = out.find(w("rPr"))
    if rpr is not None:
        for tag in ("ins", "del", "moveFrom", "moveTo"):
            for el in rpr.findall(w(tag)):
                rpr.remove(el)
    return out


def _deleted(run: etree._Element) -> bool:
    """The run is inside a deletion (ours or an earlier author's)."""
    parent = run.getparent()
    while parent is not None and parent.tag != w("p"):
        if parent.tag in (w("del"), w("moveFrom")):
            return True
        parent = parent.getparent()
    return False


def _rezip(data: bytes, when: datetime | None, *, replace: dict[str, bytes], add: dict[str, bytes]) -> bytes:
    """Rewrite the package as the source was: same member order, each member's own compression
    (a stored member stays stored), the zip comment kept; changed members get new bytes, new ones
    are appended deflated. Timestamps are the members' own unless ``when`` makes them fixed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        names = set(src.namelist())
        for info in src.infolist():
            payload = replace.get(info.filename)
            if payload is None:
                payload = src.read(info)
            method = info.compress_type if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) \
                else zipfile.ZIP_DEFLATED
            _member(dst, info.filename, payload, zip_time(when) if when else info.date_time, method)
        for name in sorted(n for n in add if n not in names):
            _member(dst, name, add[name], zip_time(when) if when else (1980, 1, 1, 0, 0, 0), zipfile.ZIP_DEFLATED)
        dst.comment = src.comment
    return out.getvalue()


def _member(dst: zipfile.ZipFile, name: str, payload: bytes, stamp: tuple[int, int, int, int, int, int],
            method: int) -> None:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = method
    info.create_system = 0
    info.external_attr = 0
    dst.writestr(info, payload, compress_type=method, compresslevel=6 if method == zipfile.ZIP_DEFLATED else None)


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def redline_docx(data: bytes, doc: Document, result: CheckResult, ctx: AnnexContext,
                 options: RedlineOptions | None = None, *, limits: Limits = DEFAULT_LIMITS,
                 on_skip: Callable[[str], None] | None = None) -> tuple[bytes, RedlineSummary]:
    """Redline DOCX ``data`` (already read as ``doc`` and checked as ``result``)."""
    redliner = Redliner(data, doc, result, ctx, options or RedlineOptions(), limits)
    out = redliner.run()
    if on_skip:
        for message in redliner.summary.skipped:
            on_skip(message)
    return out, redliner.summary
