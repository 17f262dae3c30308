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
from ..i18n import Phrase, Said
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Block, BlockKind, Document, ExcludedKind
from ..readers.docx_reader import ParagraphRef, read_docx_package
from ..readers.safezip import PKG_REL_NS, open_package, parse_xml
from ..sections import parse_label
from ..verdicts import CheckResult, Evidence, RequirementResult, Verdict
from .annex import zip_time
from .context import AnnexContext
from .indent import IndentResolver
from .layout import Layout, analyse, between_label, increment, layout_data, references_to, title_case
from .ooxml import (
    W_NS,
    clean_rpr,
    mark_paragraph_deleted,
    mark_paragraph_inserted,
    max_id,
    revision,
    split_run,
    text_run,
    to_deleted,
    w,
)
from .render import ClauseText, clause, clause_ids, redline_comment

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
    extra: tuple[str, ...] = ()  # further paragraphs of the replacement (one per sub-clause)


@dataclass(slots=True)
class RedlineSummary:
    """What the redline did, for the command's message and the tests."""

    deletions: int = 0
    replacements: int = 0
    comments: int = 0
    inserted_clauses: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # evidence we could not anchor, with why
    placed_before: str = ""  # text of the paragraph the new articles precede (signature block, schedule)
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
    deleted_text: dict[str, str] | None = None  # lang -> what a deleted clause's text becomes


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


def _reason_detail(result: RequirementResult, ev: Evidence, lang: str) -> str | None:
    """The words that decided the verdict, quoted in the comment.

    Only words of the comment's own language: the combined verdict of a bilingual contract may cite the
    other version, and an English comment quoting Chinese words (or the reverse) is language mixing.
    """
    for res in [result, *result.by_language.values()]:
        for reason in res.reasons:
            if reason.code in ("contradicted-by", "weakened-by", "carve-out") and reason.detail \
                    and reason.detail.strip() and (reason.detail in ev.text or res is result) \
                    and _has_cjk(reason.detail) == (lang == "zh"):
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
            raise DocumentError.of("docx-no-main", code="not-a-docx")
        self.root = root
        body = self.root.find(w("body"))
        if body is None:
            raise DocumentError.of("docx-no-body", code="corrupt")
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
        main_paragraphs = {r.index for r in self.refs if r.part == self.main}
        self.layout: Layout = analyse(doc, main_paragraphs)
        self.targets: dict[str, dict[str, str]] = {}  # req -> lang -> label of the new article
        self._indents: IndentResolver | None = None

    @property
    def indents(self) -> IndentResolver:
        """The document's indentation rules (styles and list levels), read the first time a new paragraph needs them."""
        if self._indents is None:
            parts = {kind: next(iter(self.pkg.related(self.main, kind)), None) for kind in ("styles", "numbering")}
            roots = {kind: self._parse(part) if part else None for kind, part in parts.items()}
            self._indents = IndentResolver(roots["styles"], roots["numbering"])
        return self._indents

    def _parse(self, part: str) -> etree._Element:
        raw = self.pkg.read(part)
        if raw is None:
            raise DocumentError.of("docx-missing-part", part=part, code="corrupt")
        return parse_xml(raw, self.limits, part)

    # ------------------------------------------------------------------ planning
    def plan(self) -> tuple[dict[int, tuple[ParagraphRef, list[Edit]]], list[str]]:
        """Edits per paragraph, and the requirements that need a new clause."""
        per_paragraph: dict[int, tuple[ParagraphRef, list[Edit]]] = {}
        needs_clause: list[str] = []
        for result in self.result.requirements:
            if result.verdict in (Verdict.SATISFIED, Verdict.NOT_APPLICABLE):
                continue
            replaced_langs: set[str] = set()
            anchored_any = False
            edits: list[tuple[ParagraphRef, Edit]] = []
            for ev, kind in _evidence_for(result):
                edit = self._edit_for(result, ev, kind)
                if edit is None:
                    continue
                edits.append(edit)
                anchored_any = True
                if edit[1].replacement:
                    replaced_langs.add(edit[1].lang)
            # Covered when every language version is replaced in place or already satisfied on its own.
            covered = anchored_any and all(
                lang in replaced_langs or (lang in result.by_language
                                           and result.by_language[lang].verdict == Verdict.SATISFIED)
                for lang in self.langs) and bool(replaced_langs)
            if not covered:
                needs_clause.append(result.id)
                # The new article gives the undertaking in every language. Replacing a weak clause as well, in
                # one language only, would say it twice in that language and leave the clause's other version
                # saying something else; the weak clause stays, with a comment pointing to the new article.
                for _, e in edits:
                    if e.kind in ("weak", "weak-parallel"):
                        e.kind, e.replacement, e.extra = "superseded", None, ()
            for ref, e in edits:
                per_paragraph.setdefault(ref.index, (ref, []))[1].append(e)
        return per_paragraph, needs_clause

    def _ref(self, block: Block) -> ParagraphRef | None:
        if not 0 <= block.paragraph < len(self.refs):
            return None
        ref = self.refs[block.paragraph]
        return ref if ref.part == self.main and ref.index == block.paragraph else None

    def _edit_for(self, result: RequirementResult, ev: Evidence,
                  kind: str) -> tuple[ParagraphRef, Edit] | None:
        where = {"rule": result.id, "verdict": Phrase(f"verdict.{kind}"), "block": ev.block}
        if not 0 <= ev.block < len(self.doc.blocks):
            self.summary.skipped.append(Said("gen.redline.skip.no-block", **where))
            if kind == "contradicted":
                self.summary.leave_unresolved(result.id)
            return None
        block = self.doc.blocks[ev.block]
        ref = self._ref(block)
        if ref is None or not block.is_body or block.origin is None:
            self.summary.skipped.append(Said("gen.redline.skip.not-body", place=Phrase(f"block.{block.kind}"), **where))
            if kind == "contradicted":
                self.summary.leave_unresolved(result.id)
            return None
        start = max(ev.start, block.start) - block.start
        end = min(ev.end, block.end) - block.start
        typed = parse_label(block.text) if not block.label else None
        if typed is not None:  # the clause keeps its typed number ("7.1"): we change only its words
            start = max(start, len(block.text) - len(typed.rest))
        if start >= end or end > len(block.origin):
            self.summary.skipped.append(Said("gen.redline.skip.bad-span", **where))
            if kind == "contradicted":
                self.summary.leave_unresolved(result.id)
            return None
        raw_start, raw_end = block.origin[start], block.origin[end - 1] + 1
        lang = _evidence_lang(ev, block, self.langs)
        replacement = None
        extra: tuple[str, ...] = ()
        if kind == "weak":
            # The other language version of this clause may already give the undertaking in a sentence or two:
            # the full clause (sub-clauses, remedies) in one version only would make the two texts differ in
            # substance, so the short undertaking keeps them parallel.
            replacement, extra, parallel = self._replacement(result, lang)
            kind = "weak-parallel" if parallel else kind
        elif block.table is not None and self.layout.table_columns:
            # A bilingual table: when the parallel cell keeps its clause, this cell gets the undertaking in its own
            # language instead of a bare deletion; when both columns contradict it, both get the clause the other
            # new articles have (the short one would give less than its neighbours: no notice duty, no remedies).
            replacement, extra, parallel = self._replacement(result, lang)
            kind = "replaced" if parallel else "replaced-both"
        return ref, Edit(result.id, kind, raw_start, raw_end, lang, _reason_detail(result, ev, lang), replacement,
                         extra)

    # ------------------------------------------------------------------ editing
    def _replacement(self, result: RequirementResult, lang: str) -> tuple[str, tuple[str, ...], bool]:
        """The clause replacing ``result``'s words in ``lang``: the short undertaking when the other language version
        already satisfies it (``True``: the versions stay parallel), else the chosen variant with its sub-clauses."""
        parallel = any(other != lang and sub.verdict == Verdict.SATISFIED for other, sub in result.by_language.items())
        paragraphs = clause(result.id, lang, "short" if parallel else self.opts.variant,
                            self.ctx.for_lang(lang)).paragraphs
        return paragraphs[0], (() if parallel else tuple(paragraphs[1:])), parallel

    def apply_paragraph(self, ref: ParagraphRef, edits: list[Edit]) -> None:
        """Apply edits to one paragraph, right to left, merging overlapping spans."""
        superseded = [e for e in edits if e.kind == "superseded"]
        if superseded:  # nothing to strike: a comment on the clause the new article supersedes
            self._comment(ref.element, None, None, superseded)
            edits = [e for e in edits if e.kind != "superseded"]
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
        unseen: list[tuple[etree._Element, int, int]] = []  # tiny, white or hidden runs, at their place
        for seg in ref.segments or []:
            if not seg.visible and seg.element is not None and seg.excluded in _UNSEEN \
                    and (parent := seg.element.getparent()) is not None and parent.tag == w("r") \
                    and not any(r is parent for r, _, _ in unseen):
                unseen.append((parent, seg.start, seg.start))
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
        text = "".join(seg.text for seg in ref.segments or [] if seg.visible)
        applied: list[tuple[int, int]] = []
        last_wrapper: list[etree._Element] = []
        extra: list[str] = []
        for group in reversed(groups):
            start = min(e.start for e in group)
            end = max(e.end for e in group)
            if any(a < end and b > start for a, b in foreign):
                self.summary.skipped.append(Said("gen.redline.skip.outside-runs", rule=group[0].req_id))
                self._comment_only(ref.element, group)
                continue
            # words a reader does not see inside the struck stretch go with it ("… user data[ except where
            # required by foreign law, in 1 pt].": accepting the change must not leave them behind)
            hidden = [(r, a, b) for r, a, b in unseen if start <= a <= end]
            done = self._apply_group(ref.element, start, end, group, sorted(runs + hidden, key=lambda x: x[1]),
                                     lengths)
            if done is not None:
                applied.append((start, end))
                if not last_wrapper:
                    last_wrapper.append(done)
                for e in group:
                    extra.extend(e.extra)
        if applied and not extra and not any(e.replacement for e in edits):
            self._deleted_clause(ref, text, applied, last_wrapper[0])
        if extra:
            self._extra_paragraphs(ref.element, extra)

    def _deleted_clause(self, ref: ParagraphRef, text: str, spans: list[tuple[int, int]],
                        last: etree._Element) -> None:
        """Nothing of the clause is left: keep its number with a marker, or drop an unnumbered paragraph."""
        kept = [ch for i, ch in enumerate(text) if not any(a <= i < b for a, b in spans)]
        rest = "".join(kept)
        label = parse_label(rest)
        if label is not None:
            rest = label.rest
        if any(ch.isalnum() for ch in rest):
            return
        ppr = ref.element.find(w("pPr"))
        parent = ref.element.getparent()
        numbered = (label is not None or (ppr is not None and ppr.find(w("numPr")) is not None)
                    or (parent is not None and parent.tag == w("tc"))
                    or any(b.paragraph == ref.index and b.label for b in self.doc.blocks)
                    or self._sole_text_of_article(ref.index))
        if numbered:
            lang = "zh" if _has_cjk(text) else "en"
            ins = revision("ins", self.next_id(), self.opts.author, self.date)
            rpr = None
            wrapped = last.find(w("r"))
            if wrapped is not None:
                rpr = clean_rpr(wrapped.find(w("rPr")))
            marker = self.opts.deleted_text.get(lang) if self.opts.deleted_text else None
            ins.append(text_run(marker or layout_data()["deleted"][lang], rpr))
            first_deleted = next((el for el in ref.element.iter(w("del")) if el.get(w("author")) == self.opts.author
                                  and el.getparent() is not None and el.getparent().tag != w("rPr")), last)
            first_deleted.addprevious(ins)  # before the struck text, for the reason given in _apply_group
            return
        mark_paragraph_deleted(ref.element, self.next_id(), self.opts.author, self.date)

    def _sole_text_of_article(self, paragraph: int) -> bool:
        """Is this paragraph all its article says in its language (between its heading and the next heading)?

        Why: removing it would leave a numbered heading with nothing under it ("第二条 服务" and then 第三条);
        a lawyer keeps the heading's number meaningful with 【本条删除】 / [Intentionally deleted].
        """
        blocks = [b for b in self.doc.blocks if b.is_body and b.table is None and b.kind != BlockKind.FOOTNOTE
                  and b.kind != BlockKind.ENDNOTE]
        at = next((i for i, b in enumerate(blocks) if b.paragraph == paragraph), None)
        if at is None:
            return False
        start = next((i for i in range(at - 1, -1, -1) if blocks[i].kind == BlockKind.HEADING), None)
        if start is None:
            return False
        end = next((i for i in range(at + 1, len(blocks)) if blocks[i].kind == BlockKind.HEADING), len(blocks))
        lang = blocks[at].language
        return not any(b.text.strip() and b.language == lang for b in blocks[start + 1:end] if b is not blocks[at])

    def _extra_paragraphs(self, p: etree._Element, texts: list[str]) -> None:
        """The replacement's further sub-clauses as paragraphs of their own after ``p``."""
        new = [self._like(p, text, keep_numbering=False, fallback_style=None, bold=False, indent="text")
               for text in texts]
        self._place(new, p)

    def _apply_group(self, p: etree._Element, start: int, end: int, group: list[Edit],
                     runs: list[tuple[etree._Element, int, int]],
                     lengths: dict[etree._Element, int]) -> etree._Element | None:
        """Apply one group; returns the last wrapper written (None when only a comment was possible)."""
        touched = [(r, a, b) for r, a, b in runs if (a < end and b > start) or (a == b and start <= a <= end)]
        if any(r.find(w("fldChar")) is not None or r.find(w("instrText")) is not None for r, _, _ in touched):
            self.summary.skipped.append(Said("gen.redline.skip.crosses-field", rule=group[0].req_id))
            touched = []
        if not touched:
            self._comment_only(p, group)
            return None
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
        first: etree._Element = wrappers[0]
        # the new words take the look of the last struck words a reader sees, never of 1-point or white ones
        seen = [run for run, (_r, a, b) in zip(inside, touched, strict=True) if b > a] or inside
        rpr = clean_rpr(seen[-1].find(w("rPr")))
        previous = ""
        for e in group:
            if e.replacement:
                # The new words go before the struck ones: a numbered paragraph that starts with a deletion
                # is shown by LibreOffice as a deleted list item, renumbering every clause after it.
                ins = revision("ins", self.next_id(), self.opts.author, self.date)
                # two rules' clauses replacing one stretch are two sentences: "…of the Customer. Without …"
                gap = " " if previous and not previous[-1].isspace() and not _has_cjk(previous[-1]) else ""
                ins.append(text_run(gap + e.replacement, rpr))
                previous = e.replacement
                wrappers[0].addprevious(ins)
                if first is wrappers[0]:
                    first = ins
                self.summary.replacements += 1
        self._comment(p, first, wrappers[-1], group)
        return wrappers[-1]

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
            if e.kind in ("contradicted", "replaced", "replaced-both"):
                self.summary.leave_unresolved(e.req_id)
        self._comment(p, None, None, group)

    def _comment(self, p: etree._Element, first: etree._Element | None, last: etree._Element | None,
                 group: list[Edit]) -> None:
        for e in group:
            text = self._comment_text(e.req_id, e.kind, e.lang, e.detail)
            self._anchor_comment(p, first, last, text)

    def _comment_text(self, req_id: str, kind: str, lang: str, detail: str | None,
                      target: str | None = None) -> str:
        ctx = dict(self.ctx.for_lang(lang))
        c = clause(req_id, lang, "short", ctx)
        ctx.update(kind=kind, req_id=req_id, title=c.title, basis=c.basis)
        cited = target or self.targets.get(req_id, {}).get(lang)
        if cited:
            ctx["target"] = cited
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
    def _body_child(self, el: etree._Element) -> etree._Element:
        while el.getparent() is not None and el.getparent() is not self.body:
            el = el.getparent()
        return el

    def _after_blocks(self) -> list[Block]:
        """The blocks of the --after section (an error, never ignored, when there are none)."""
        wanted = (self.opts.after or "").strip()
        blocks = [b for b in self.doc.blocks if b.is_body and b.section and self._ref(b) is not None
                  and _within(b.section, wanted)]
        if not blocks:
            known = list(dict.fromkeys(b.section for b in self.doc.blocks if b.section))[:20]
            raise DocumentError.of("section-not-found", section=repr(wanted), known=", ".join(known) or Phrase("err.none"), code="config")
        return blocks

    def _where(self) -> tuple[Block | None, Block | None, dict[str, str] | None, bool]:
        """(insert after this block, or before this one, numbering base per language, between two articles?)."""
        layout = self.layout
        if not self.opts.after:
            if layout.boundary is not None:
                return None, layout.boundary, None, False
            return None, None, None, False
        blocks = self._after_blocks()
        last = blocks[-1]
        first = blocks[0]
        section = (first.section or "").strip()
        base = _typed_label(first) or (first.label or "").strip() or section
        nxt = increment(base, 1) if base else ""
        between = any(_norm_label(b.section) == _norm_label(nxt) for b in self.doc.blocks if b.section) \
            if nxt and nxt != base else False
        if first.label and not between:
            return last, None, None, False  # Word numbers the article after the last one itself
        bases = {"zh" if _has_cjk(base) else "en": base} if base else {}
        for other in self._counterparts(first):
            typed = _typed_label(other)
            if typed:
                bases.setdefault("zh" if _has_cjk(typed) else "en", typed)
        if first.table is not None:  # after a section of a bilingual table: after that section's last row
            row = max((b for b in self.doc.blocks if b.table is not None and b.table.table == first.table.table
                       and b.section in {x.section for x in blocks} | {x.section for x in self._counterparts(first)}),
                      key=lambda b: b.index, default=last)
            last = row
        return last, None, bases or None, between

    def _counterparts(self, block: Block) -> list[Block]:
        """The same clause in the other language: the other cell of its table row, or the next paragraph."""
        if block.table is not None:
            return [b for b in self.doc.blocks if b.table is not None and b.table.table == block.table.table
                    and b.table.row == block.table.row and b.index != block.index]
        return [b for b in self.doc.blocks[block.index + 1: block.index + 3]
                if b.is_body and b.language in ("zh", "en") and b.language != block.language]

    def _labels(self, count: int, bases: dict[str, str] | None, between: bool) -> dict[str, list[str | None]]:
        """Per language, the number label of each new article (None: Word numbers it)."""
        numbering = self.layout.numbering
        out: dict[str, list[str | None]] = {}
        for lang in self.langs:
            labels: list[str | None] = []
            for k in range(1, count + 1):
                if bases:
                    prefix = bases.get(lang) or next(iter(bases.values()))
                    labels.append(between_label(prefix, lang, k) if between else increment(prefix, k))
                elif numbering is None:
                    labels.append(None)  # an unnumbered contract: new headings carry titles only
                else:
                    labels.append(numbering.label(lang, k))
            out[lang] = labels
        return out

    def _new_kind(self, req_id: str) -> str:
        """Comment kind for a new article: "missing", or "added" when it takes the place of struck words."""
        verdicts = {r.id: r for r in self.result.requirements}
        result = verdicts.get(req_id)
        if result is not None and any(r.verdict == Verdict.CONTRADICTED
                                      for r in [result, *result.by_language.values()]):
            return "added"
        return "missing"

    def _heading_text(self, lang: str, label: str | None, title: str) -> str:
        if lang == "en" and self.layout.title_case:  # the contract's headings are "Supply of Products"
            title = title_case(title)
        return f"{label} {title}" if label else title

    def _cross_references(self, per_paragraph: dict[int, tuple[ParagraphRef, list[Edit]]]) -> None:
        """Comment on every clause that cites a clause we delete or replace ("Without limiting Clause 7.1")."""
        changed: dict[str, str] = {}  # section -> kind of change
        for index, (_, edits) in per_paragraph.items():
            for block in self.doc.blocks:
                if block.paragraph == index and block.is_body and block.section:
                    kind = "deleted" if all(e.kind == "contradicted" for e in edits) else "replaced"
                    changed.setdefault(block.section, kind)
        if not changed:
            return
        seen: set[tuple[int, str]] = set()
        for section, kind in changed.items():
            for block in self.doc.blocks:
                if not block.is_body or block.section == section or block.paragraph in per_paragraph:
                    continue
                lang = block.language if block.language in ("zh", "en") else self.langs[0]
                pattern = references_to(section, lang)
                if pattern is None or not pattern.search(block.text) or (block.paragraph, section) in seen:
                    continue
                ref = self._ref(block)
                if ref is None:
                    continue
                seen.add((block.paragraph, section))
                ctx = dict(self.ctx.for_lang(lang))
                ctx.update(kind="xref", section=section, change=kind)
                self._anchor_comment(ref.element, None, None, redline_comment(lang, ctx))

    def _liability_cap(self, req_ids: list[str]) -> None:
        """Comment on a clause capping liability when the new articles promise compensation of all losses.

        Why: whether "shall compensate … for all losses" in a new article is subject to the contract's cap is
        the first question the supplier's counsel will ask; the redline should ask it first.
        """
        if not req_ids or self.ctx.remedies == "none":
            return
        patterns = layout_data()["liability_cap"]
        for block in self.doc.blocks:
            if not block.is_body or block.kind == BlockKind.HEADING:
                continue
            lang = block.language if block.language in ("zh", "en") else None
            if lang is None or lang not in self.langs or not any(p.search(block.text) for p in patterns.get(lang, [])):
                continue
            ref = self._ref(block)
            if ref is None:
                continue
            cited = [self.targets[r][lang] for r in req_ids if self.targets.get(r, {}).get(lang)]
            ctx = dict(self.ctx.for_lang(lang))
            joined = "、".join(cited) if lang == "zh" else \
                (", ".join(cited[:-1]) + " and " + cited[-1] if len(cited) > 1 else "".join(cited))
            ctx.update(kind="cap", targets=joined, count=len(cited))
            self._anchor_comment(ref.element, None, None, redline_comment(lang, ctx))
            return  # one comment: the first capping clause

    def prepare(self, req_ids: list[str]) -> None:
        """Decide where the new articles go and what they are numbered, before any comment cites them."""
        self.where = self._where()
        _, _, base, between = self.where
        self.labels = self._labels(len(req_ids), base, between)
        numbering = self.layout.numbering
        for i, req_id in enumerate(req_ids):
            self.targets[req_id] = {}
            for lang in self.langs:
                label = self.labels[lang][i]
                if label is None and numbering is not None and numbering.word_numbered and base is None:
                    prefix = numbering.prefixes.get(lang) or next(iter(numbering.prefixes.values()), None)
                    label = increment(prefix, i + 1) if prefix else None
                title = clause(req_id, lang, self.opts.variant, self.ctx.for_lang(lang)).title
                self.targets[req_id][lang] = _cite(label, lang, title)

    def insert_clauses(self, req_ids: list[str]) -> None:
        if not req_ids:
            return
        after_block, before_block, _, between = self.where
        labels = self.labels
        clauses = {req_id: {lang: clause(req_id, lang, self.opts.variant, self.ctx.for_lang(lang))
                            for lang in self.langs} for req_id in req_ids}
        layout = self.layout
        if layout.in_table and set(self.langs) <= set(layout.table_columns):
            self._insert_rows(req_ids, clauses, labels, after_block, before_block)
        else:
            self._insert_paragraphs(req_ids, clauses, labels, after_block, before_block, between)
        self.summary.inserted_clauses.extend(req_ids)

    def _template(self, block: Block | None) -> etree._Element | None:
        ref = self._ref(block) if block is not None else None
        return ref.element if ref is not None else None

    def _heading_template(self, lang: str) -> etree._Element | None:
        layout = self.layout
        for block in (layout.last_article, layout.first_heading):
            if block is not None and block.language == lang:
                return self._template(block)
        return self._template(layout.last_article)

    def _like(self, template: etree._Element | None, text: str, *, keep_numbering: bool,
              fallback_style: str | None, bold: bool, indent: str | None = None) -> etree._Element:
        """A new paragraph, tracked as inserted, formatted like ``template`` (a paragraph of the contract).

        ``indent``, for a paragraph that drops ``template``'s list number: "text" when it continues ``template``'s
        text unnumbered (a sub-clause of the clause it replaces, an unlabelled sub-clause of a new article), so it
        starts where that text starts rather than at the margin; "same" when it carries a typed number of its own
        ("10.2"), which then sits where ``template``'s number sat.
        """
        p = etree.Element(w("p"))
        rpr = None
        if template is not None:
            ppr = template.find(w("pPr"))
            if ppr is not None:
                target = None
                if indent is not None and not keep_numbering:
                    target = self.indents.text_start(ppr) if indent == "text" else self.indents.resolve(ppr)
                ppr = _copy_without_revisions(ppr)
                for tag in ("rPr",):
                    for el in ppr.findall(w(tag)):
                        ppr.remove(el)
                if not keep_numbering:
                    for el in ppr.findall(w("numPr")):
                        ppr.remove(el)
                if target is not None:
                    self.indents.unnumbered_at(ppr, target)
                p.append(ppr)
            run = next((r for r in template.iter(w("r")) if r.find(w("t")) is not None), None)
            rpr = clean_rpr(run.find(w("rPr"))) if run is not None else None
        else:
            ppr = etree.SubElement(p, w("pPr"))
            if fallback_style:
                etree.SubElement(ppr, w("pStyle")).set(w("val"), fallback_style)
            if bold and not fallback_style:
                rpr = etree.Element(w("rPr"))
                etree.SubElement(rpr, w("b"))
        ins = revision("ins", self.next_id(), self.opts.author, self.date)
        ins.append(text_run(text, rpr))
        p.append(ins)
        mark_paragraph_inserted(p, self.next_id(), self.opts.author, self.date)
        return p

    def _sub_list(self, body: etree._Element | None, head: etree._Element | None) -> _SubList | None:
        """The Word list level numbering the contract's sub-clauses (``body``, a paragraph of the last article), when
        it shows a number; ``head`` is an article heading, whose level a sub-clause number may repeat ("%1.%2")."""
        body_ppr = body.find(w("pPr")) if body is not None else None
        listed = self.indents.list_of(body_ppr) if body_ppr is not None else None
        if listed is None:
            return None
        level = self.indents.level(listed[0], listed[1])
        text_el = level.find(w("lvlText")) if level is not None else None
        fmt_el = level.find(w("numFmt")) if level is not None else None
        text = text_el.get(w("val")) if text_el is not None else None
        if not text or "%" not in text:
            return None  # a bullet or a level that shows no number: continuing it numbers nothing
        head_ppr = head.find(w("pPr")) if head is not None else None
        head_list = self.indents.list_of(head_ppr) if head_ppr is not None else None
        article = head_list[1] if head_list is not None and self.indents.same_list(head_list[0], listed[0]) \
            else None
        return _SubList(text, (fmt_el.get(w("val")) if fmt_el is not None else None) or "decimal", listed[1],
                        article)

    def _insert_paragraphs(self, req_ids: list[str], clauses: dict[str, dict[str, ClauseText]],
                           labels: dict[str, list[str | None]], after_block: Block | None,
                           before_block: Block | None, between: bool) -> None:
        layout = self.layout
        numbering = layout.numbering
        word_numbered = bool(numbering and numbering.word_numbered) and not between
        styles = self._styles()
        h2 = styles.get("heading 2") or styles.get("heading 1")
        order = [lang for lang in layout.lang_order if lang in self.langs] or list(self.langs)
        order += [lang for lang in self.langs if lang not in order]
        body_template = self._template(layout.article_body)
        sub = _typed_sub_numbering(layout.article_body)
        mixed = bool(numbering and numbering.mixed) and len(order) > 1
        listed = self._sub_list(body_template, self._heading_template(order[0])) if between else None
        new: list[etree._Element] = []
        for i, req_id in enumerate(req_ids):
            heads: list[etree._Element] = []
            # a typed "5A" / "第五条之一" between two Word-numbered articles sits where their numbers sit
            head_indent = "same" if between else None
            if mixed:
                text = " ".join(self._heading_text(lang, labels[lang][i], clauses[req_id][lang].title)
                                for lang in order)
                heads.append(self._like(self._heading_template(order[0]), text, keep_numbering=word_numbered,
                                        fallback_style=h2, bold=True, indent=head_indent))
            else:
                for lang in order:
                    text = self._heading_text(lang, labels[lang][i], clauses[req_id][lang].title)
                    heads.append(self._like(self._heading_template(lang), text, keep_numbering=word_numbered,
                                            fallback_style=h2, bold=True, indent=head_indent))
            comment = self._comment_text(req_id, self._new_kind(req_id), order[0], None)
            ins = heads[0].find(w("ins"))
            self._anchor_comment(heads[0], ins, ins, comment)
            new.extend(heads)
            paragraphs = {lang: list(clauses[req_id][lang].paragraphs) for lang in order}
            longest = max(len(v) for v in paragraphs.values())
            for j in range(longest):
                for lang in order:
                    if j >= len(paragraphs[lang]):
                        continue
                    text = paragraphs[lang][j]
                    if between and listed is not None:  # Word would number it 5.2, 5.3 under "5A": typed instead
                        label = _list_sub_label(listed, labels[lang][i], j + 1)
                        new.append(self._like(body_template, f"{label} {text}" if label else text,
                                              keep_numbering=False, fallback_style=None, bold=False,
                                              indent="same" if label else "text"))
                        continue
                    typed = bool(sub and labels[lang][i])
                    if typed:
                        text = f"{_sub_label(labels[lang][i], j + 1, sub)} {text}"
                    new.append(self._like(body_template, text, keep_numbering=word_numbered or not sub,
                                          fallback_style=None, bold=False, indent="same" if typed else "text"))
        if before_block is not None:
            self.summary.placed_before = before_block.text
            boundary = self._body_child(self._template(before_block))  # type: ignore[arg-type]
            previous = _previous_element(boundary)
            # after the paragraph before the boundary (see _hang), else before the boundary paragraph itself
            if previous is not None and (previous.tag == w("p") or boundary.tag != w("p")):
                self._place(new, previous)
                return
            for p in new:  # each inserted mark merges into the boundary paragraph on rejection
                boundary.addprevious(p)
            return
        if after_block is not None:
            self._place(new, self._body_child(self._template(after_block)))  # type: ignore[arg-type]
            return
        children = [c for c in self.body if c.tag != w("sectPr")]
        if not children:
            raise DocumentError.of("docx-empty-body", code="corrupt")
        self._place(new, children[-1])

    def _insert_rows(self, req_ids: list[str], clauses: dict[str, dict[str, ClauseText]],
                     labels: dict[str, list[str | None]], after_block: Block | None,
                     before_block: Block | None) -> None:
        """A two-column bilingual contract: one new row per heading and per paragraph pair."""
        layout = self.layout
        head_tr = _ancestor(self._template(layout.last_article), "tr")
        body_el = self._template(layout.article_body) if layout.article_body is not None else None
        body_tr = _ancestor(body_el, "tr") if body_el is not None else None
        if body_tr is None or _ancestor(body_tr, "tbl") is not _ancestor(head_tr, "tbl"):
            body_tr = head_tr
        table = _ancestor(head_tr, "tbl")
        if head_tr is None or table is None:
            raise DocumentError.of("docx-no-bilingual-table", code="corrupt")
        columns = layout.table_columns
        rows: list[etree._Element] = []
        for i, req_id in enumerate(req_ids):
            texts = {lang: self._heading_text(lang, labels[lang][i], clauses[req_id][lang].title)
                     for lang in self.langs}
            row = self._row_like(head_tr, {columns[lang]: texts[lang] for lang in self.langs})
            cell_p = row.find(f".//{w('p')}")
            ins = cell_p.find(w("ins")) if cell_p is not None else None
            if cell_p is not None and ins is not None:
                self._anchor_comment(cell_p, ins, ins, self._comment_text(req_id, self._new_kind(req_id), self.langs[0], None))
            rows.append(row)
            paragraphs = {lang: list(clauses[req_id][lang].paragraphs) for lang in self.langs}
            for j in range(max(len(v) for v in paragraphs.values())):
                rows.append(self._row_like(body_tr, {columns[lang]: (paragraphs[lang][j] if j < len(paragraphs[lang])
                                                                     else "") for lang in self.langs}))
        if before_block is not None:
            self.summary.placed_before = before_block.text
        if before_block is not None and _ancestor(self._template(before_block), "tbl") is table:
            anchor_tr = _ancestor(self._template(before_block), "tr")
            for row in rows:
                anchor_tr.addprevious(row)  # type: ignore[union-attr]
            return
        if after_block is not None and _ancestor(self._template(after_block), "tbl") is table:
            last: etree._Element = _ancestor(self._template(after_block), "tr")  # type: ignore[assignment]
        elif after_block is not None:
            raise DocumentError.of("section-outside-table", section=repr(self.opts.after), code="config")
        else:
            last = table.findall(w("tr"))[-1]
        for row in rows:
            last.addnext(row)
            last = row

    def _row_like(self, template: etree._Element, texts: dict[int, str]) -> etree._Element:
        import copy

        row = copy.deepcopy(template)
        for el in list(row.iter(w("ins"), w("del"), w("trPrChange"), w("tcPrChange"), w("pPrChange"),
                                w("rPrChange"))):
            if el.getparent() is not None and el.getparent().tag in (w("trPr"), w("rPr"), w("tcPr"), w("pPr")):
                el.getparent().remove(el)
        for tag in ("commentRangeStart", "commentRangeEnd", "bookmarkStart", "bookmarkEnd"):
            for el in list(row.iter(w(tag))):
                el.getparent().remove(el)
        for column, tc in enumerate(row.findall(w("tc"))):
            paragraphs = tc.findall(w("p"))
            first = paragraphs[0] if paragraphs else etree.SubElement(tc, w("p"))
            run = next((r for r in first.iter(w("r")) if r.find(w("t")) is not None), None)
            rpr = clean_rpr(run.find(w("rPr"))) if run is not None else None
            for extra in paragraphs[1:]:
                tc.remove(extra)
            for child in list(first):
                if child.tag != w("pPr"):
                    first.remove(child)
            ppr = first.find(w("pPr"))
            if ppr is not None:
                first.replace(ppr, _copy_without_revisions(ppr))
            text = texts.get(column, "")
            if text:
                ins = revision("ins", self.next_id(), self.opts.author, self.date)
                ins.append(text_run(text, rpr))
                first.append(ins)
        trpr = row.find(w("trPr"))
        if trpr is None:
            trpr = etree.Element(w("trPr"))
            prex = row.find(w("tblPrEx"))
            if prex is not None:
                prex.addnext(trpr)
            else:
                row.insert(0, trpr)
        trpr.append(revision("ins", self.next_id(), self.opts.author, self.date))
        return row

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

    def _place(self, new: list[etree._Element], anchor: etree._Element) -> None:
        """Insert paragraphs after ``anchor`` so that rejecting them restores the original exactly."""
        host = anchor
        while host is not None and host.tag == w("p") and _blank(host):
            host = _previous_element(host)  # blank spacer lines stay after the new paragraphs, as they were
        if host is not None and host.tag == w("p") and self._hang(new, host):
            return
        following = anchor.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        if following is not None and following.tag == w("p"):
            for p in new:  # each inserted mark merges into the following paragraph on rejection
                following.addprevious(p)
            return
        if anchor.tag == w("p"):  # an empty, unnumbered last paragraph: the new ones go before it
            for p in new:
                anchor.addprevious(p)
            return
        last = anchor  # after a table at the very end: a paragraph must close the body
        for p in [*new, etree.Element(w("p"))]:
            last.addnext(p)
            last = p

    def _hang(self, new: list[etree._Element], anchor: etree._Element) -> bool:
        """Hang ``new`` paragraphs off the end of paragraph ``anchor``, as Word records pressing Enter there.

        Why: an inserted paragraph mark (``w:pPr/w:rPr/w:ins``) is removed on rejection and its paragraph joins the
        next one. Were the new paragraphs' marks to join the paragraph after them, which paragraph's properties the
        joined one keeps would decide whether that paragraph keeps its number: the surviving mark's in Word,
        the first paragraph's in LibreOffice, which then shows every later number beside an "old" one
        ("11.[10.]"). Here the anchor's own mark is the inserted one and the last new paragraph carries the
        anchor's original mark (its run properties, its section break) with, where its properties differ,
        a ``w:pPrChange`` recording the anchor's. Rejecting everything joins anchor, new paragraphs and that mark
        back into one paragraph with the anchor's properties whichever rule applies; accepting keeps each new
        paragraph as written and adds no empty paragraph. The paragraph after the insertion is not touched.
        Returns False (nothing done) when the anchor's mark already carries another revision.
        """
        import copy

        ppr = anchor.find(w("pPr"))
        mark = ppr.find(w("rPr")) if ppr is not None else None
        if mark is not None and any(mark.find(w(t)) is not None for t in ("ins", "del", "moveFrom", "moveTo")):
            if not self._ours(mark.find(w("ins"))):
                return False
            # Already one of our insertions (a replaced clause followed by its sub-clauses): the new paragraphs
            # go after the paragraphs it is joined to, the last of which holds the original mark.
            end = anchor
            while self._ours(_mark_ins(end)):
                following = end.getnext()
                while following is not None and not isinstance(following.tag, str):
                    following = following.getnext()
                if following is None or following.tag != w("p"):
                    return False
                end = following
            if self._all_ours(end):
                return self._hang(new, end)
            for p in new:  # the chain ends in a paragraph of the contract: the new ones join the chain before it
                end.addprevious(p)
            return True
        change = ppr.find(w("pPrChange")) if ppr is not None else None
        if change is not None and change.get(w("author")) != self.opts.author:
            return False  # another author's property change: its record must stay on its paragraph
        last = new[-1]
        last_ppr = last.find(w("pPr"))
        if last_ppr is None:
            last_ppr = etree.Element(w("pPr"))
            last.insert(0, last_ppr)
        for el in last_ppr.findall(w("rPr")) + last_ppr.findall(w("sectPr")) + last_ppr.findall(w("pPrChange")):
            last_ppr.remove(el)
        if mark is not None:  # the mark's formatting (and any earlier change to it) goes with the mark
            kept = copy.deepcopy(mark)
            for el in kept.findall(w("rPrChange")):
                kept.remove(el)
            mark.addprevious(kept)
            last_ppr.append(mark)
        original = _base_ppr(change[0] if change is not None and len(change) else ppr)
        if ppr is not None:
            section = ppr.find(w("sectPr"))
            if section is not None:  # the section break stays after the anchor's text, now after the new paragraphs
                last_ppr.append(section)
            if change is not None:
                ppr.remove(change)
        if [_canonical(el) for el in original] != [_canonical(el) for el in _base_ppr(last_ppr)]:
            record = revision("pPrChange", self.next_id(), self.opts.author, self.date)
            old = etree.SubElement(record, w("pPr"))
            for el in original:
                old.append(el)
            last_ppr.append(record)
        mark_paragraph_inserted(anchor, self.next_id(), self.opts.author, self.date)
        for p in reversed(new):
            anchor.addnext(p)
        return True

    def _ours(self, revision_el: etree._Element | None) -> bool:
        return revision_el is not None and revision_el.get(w("author")) == self.opts.author

    def _all_ours(self, p: etree._Element) -> bool:
        """Is every run of ``p`` our insertion (a paragraph this redline wrote)?"""
        runs = [r for r in p.iter(w("r")) if r.find(w("t")) is not None]
        return bool(runs) and all(any(a.tag == w("ins") and self._ours(a) for a in r.iterancestors()) for r in runs)

    # ------------------------------------------------------------------ output
    def run(self) -> bytes:
        per_paragraph, needs_clause = self.plan()
        new_clauses = [r for r in clause_ids() if r in needs_clause]
        self.prepare(new_clauses)
        for ref, edits in per_paragraph.values():
            self.apply_paragraph(ref, edits)
        self._cross_references(per_paragraph)
        self._liability_cap(new_clauses)
        self.insert_clauses(new_clauses)
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
            self.summary.warnings.append(Said("gen.redline.signature"))
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
            raise DocumentError.of("docx-no-content-types", code="corrupt")
        ct = parse_xml(ct_raw, self.limits, "[Content_Types].xml")
        override = etree.SubElement(ct, f"{{{CT_NS}}}Override")
        override.set("PartName", "/" + part)
        override.set("ContentType", COMMENTS_TYPE)
        replace["[Content_Types].xml"] = _serialise(ct)


#: excluded run kinds that are contract text a reader misses (not revisions, comments or field codes)
_UNSEEN = frozenset({ExcludedKind.HIDDEN, ExcludedKind.WHITE_TEXT, ExcludedKind.TINY_TEXT})


def _ancestor(el: etree._Element | None, tag: str) -> etree._Element | None:
    while el is not None and el.tag != w(tag):
        el = el.getparent()
    return el


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _within(section: str, wanted: str) -> bool:
    """Is ``section`` the --after section ``wanted`` or one of its sub-clauses ("5.1" of "5", "第五条1." of "第五条",
    whose Word-numbered sub-clauses are labelled by their own level); never "50" of "5"."""
    if section == wanted:
        return True
    if not wanted or not section.startswith(wanted):
        return False
    rest = section[len(wanted):][:1]
    return rest in ".（(" or (rest.isdigit() and not wanted[-1].isdigit())


def _norm_label(label: str | None) -> str:
    return "".join((label or "").split()).rstrip(".．、").lower()


def _typed_label(block: Block) -> str | None:
    """The number label typed at the start of ``block`` ("第三条", "10.3", "Clause 4"), if any."""
    if block.label:
        return None
    label = parse_label(block.text)
    if label is None:
        return None
    stripped = block.text.lstrip()
    return stripped[: len(stripped) - len(label.rest)].rstrip() or None


def _typed_sub_numbering(block: Block | None) -> str | None:
    """"dotted" when the article's paragraphs are typed "9.1 ..." (new ones continue that way)."""
    if block is None or block.label:
        return None
    label = parse_label(block.text, in_zh_article=True)
    if label is not None and not label.relative and "." in label.text and label.level == 2:
        return "dotted"
    return None


def _sub_label(article_label: str, n: int, kind: str) -> str:
    """"第五条" + 2 -> "5.2"; "10." + 1 -> "10.1"; "Clause 4" + 3 -> "4.3"."""
    import re

    from ..lang import zh as zh_lang

    m = re.search(r"(\d+)(?!.*\d)", article_label)
    if m:
        return f"{m.group(1)}.{n}"
    m = re.search(rf"第([{zh_lang.NUMERAL_CHARS}]+)[条款]", article_label)
    value = zh_lang.parse_numeral(m.group(1)) if m else None
    return f"{value}.{n}" if value else str(n)


@dataclass(frozen=True, slots=True)
class _SubList:
    """How the contract's Word list numbers sub-clauses: the level's text ("%1.%2", "%2."), its number format,
    its level, and the level of the article headings in the same list (None when they are not in it)."""

    text: str
    fmt: str
    level: int
    article: int | None


#: Word number formats a typed sub-clause number can be written in (others: the sub-clause is left unnumbered)
_ROMAN = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _format_number(n: int, fmt: str) -> str | None:
    from .render import zh_numeral

    if fmt in ("decimal", "decimalZero"):
        return f"{n:02d}" if fmt == "decimalZero" and n < 10 else str(n)
    if fmt in ("lowerLetter", "upperLetter") and n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and n < 40:
        out, rest = "", n
        for value, digits in _ROMAN:
            while rest >= value:
                out, rest = out + digits, rest - value
        return out.upper() if fmt == "upperRoman" else out
    if fmt.startswith(("chineseCounting", "ideographTraditional", "taiwaneseCounting")) and n <= 99:
        return zh_numeral(n)
    return None


def _list_sub_label(scheme: _SubList, article_label: str | None, n: int) -> str | None:
    """The typed number of the n-th sub-clause of new article ``article_label`` ("5A."), written as the contract's list
    level writes its sub-clauses: "%1.%2" -> "5A.1", "%2." -> "1.". None when that cannot be written faithfully
    (the level repeats a number the new article does not have, as "第五条之一" has no figure for "%1.%2"): the
    sub-clause is then an unnumbered paragraph of the new article, which is how statutes number 第五条之一's 款."""
    import re

    own = _format_number(n, scheme.fmt)
    if own is None:
        return None
    token = None
    if article_label:
        m = list(re.finditer(r"\d+[A-Z]+", article_label))
        token = m[-1].group(0) if m else None
    out = []
    for part in re.split(r"(%\d)", scheme.text):
        if not re.fullmatch(r"%\d", part):
            out.append(part)
            continue
        level = int(part[1]) - 1
        if level == scheme.level:
            out.append(own)
        elif level == scheme.article and token:
            out.append(token)
        else:
            return None
    return "".join(out).strip() or None


def _cite(label: str | None, lang: str, title: str) -> str:
    """How a comment names a new article: 第八条, Clause 8, or its title when it has no number."""
    import re

    if not label:
        return f"“{title}”条款" if lang == "zh" else f'the clause "{title}"'
    label = label.strip()
    if lang == "zh":
        return label if label.startswith("第") else f"第{label.rstrip('.．、')}条"
    if re.fullmatch(r"\d+[A-Z]?(?:\.\d+[A-Z]?)*\.?", label):  # 8., 5A., 7.2A
        return f"Clause {label.rstrip('.')}"
    return label


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


def _mark_ins(p: etree._Element) -> etree._Element | None:
    """The ``w:ins`` recording ``p``'s paragraph mark as inserted, if any."""
    ppr = p.find(w("pPr"))
    mark = ppr.find(w("rPr")) if ppr is not None else None
    return mark.find(w("ins")) if mark is not None else None


def _blank(p: etree._Element) -> bool:
    """An empty, unnumbered paragraph (a spacer line): no run and no list number."""
    ppr = p.find(w("pPr"))
    return p.find(f".//{w('r')}") is None and (ppr is None or ppr.find(w("numPr")) is None)


def _previous_element(el: etree._Element) -> etree._Element | None:
    previous = el.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    return previous


def _base_ppr(ppr: etree._Element | None) -> list[etree._Element]:
    """Copies of a paragraph's own properties: what a ``w:pPrChange`` records (no mark, section or change)."""
    import copy

    if ppr is None:
        return []
    return [copy.deepcopy(el) for el in ppr if isinstance(el.tag, str)
            and el.tag not in (w("rPr"), w("sectPr"), w("pPrChange"))]


def _canonical(el: etree._Element) -> tuple[object, ...]:
    """An element's tag, attributes, text and children, whatever namespace declarations are in scope."""
    return (el.tag, tuple(sorted(el.attrib.items())), (el.text or "").strip(),
            tuple(_canonical(c) for c in el if isinstance(c.tag, str)))


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
