"""Fail closed on OCR: words the engine was unsure of never make a requirement satisfied.

Runs after the matcher, on its :class:`~cliccheck.verdicts.CheckResult`, so that the matcher
knows nothing of OCR. For a document whose pages were read by OCR:

* a ``satisfied`` verdict whose deciding words (the evidence highlights, or the whole
  evidence span when there are none) contain a character recognised below
  :data:`MIN_CONFIDENCE` becomes ``weak``, reason ``ocr-uncertain`` with those words;
* so does one whose evidence is a paragraph that breaks off mid-sentence at the foot of the last
  page read (a photo of one page): its rest, unseen, may qualify it;
* ``missing`` stays missing, and says that the document was read by OCR;
* evidence from OCR'd text gets its box on the page;
* a note (finding ``ocr-read``) says which pages were read by OCR, by which engine, and
  where the seals are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .i18n import Phrase, Said
from .model import Block, Document
from .pages import page_ranges as _ranges
from .verdicts import CheckResult, Evidence, Finding, Reason, RequirementResult, Severity, Verdict

#: Characters recognised below this confidence are uncertain. Chosen on the rendered fixtures
#: (benchmarks/bench_ocr.py): correctly read characters of clean 200 dpi pages are almost all above
#: it, while most misread characters are below it.
MIN_CONFIDENCE = 0.80
#: A space between two words is uncertain only below this. The recogniser's confidence in a space
#: says little about whether the space is right: on the rendered fixtures every misread space (one
#: read where none is printed, or the other way round) was read at 0.9 or more, while 13 % of the
#: right ones were below 0.80 (benchmarks/bench_ocr.py, calibration by class). Below 0.50 the
#: engine thought "no space here" likelier than the space it wrote.
MIN_SPACE_CONFIDENCE = 0.50


def _ocr_char_confidence(doc: Document, offset: int) -> tuple[Block, float] | None:
    block = doc.block_at(offset)
    if block.ocr is None or not block.start <= offset < block.end:
        return None
    index = offset - block.start
    confs = block.ocr.confidences
    return block, (confs[index] if index < len(confs) else 0.0)


def _deciding_spans(evidence: Evidence) -> list[tuple[int, int]]:
    if evidence.highlights:
        return [(evidence.start + a, evidence.start + b) for a, b in evidence.highlights]
    return [(evidence.start, evidence.end)]


def uncertain_words(doc: Document, evidence: Iterable[Evidence],
                    threshold: float = MIN_CONFIDENCE) -> list[tuple[str, float]]:
    """The deciding words of ``evidence`` that hold a character read below ``threshold`` (a space:
    below :data:`MIN_SPACE_CONFIDENCE` as well), each with the lowest confidence that counted."""
    found: list[tuple[str, float]] = []
    for item in evidence:
        for start, end in _deciding_spans(item):
            lowest = 1.0
            for offset in range(start, end):
                hit = _ocr_char_confidence(doc, offset)
                if hit is None:
                    continue
                if doc.text[offset].isspace() and hit[1] >= min(threshold, MIN_SPACE_CONFIDENCE):
                    continue
                lowest = min(lowest, hit[1])
            if lowest < threshold:
                found.append((doc.text[start:end], lowest))
    return found


#: a page footer that says how many pages the document has: "Page 1 of 3", "第1页 共3页", "共3页 第1页"
_PAGE_OF = re.compile(r"\bpage\s+\d+\s+of\s+(\d+)\b|共\s*(\d+)\s*页", re.IGNORECASE)


def _top(section: str | None) -> str | None:
    return section.split(".")[0] if section and re.match(r"\d", section) else section


def _clause_goes_on(doc: Document, result: RequirementResult) -> str | None:
    """The clause an undertaking stands in, when what was read may stop inside it: a photo or image of one page, or
    a scan whose footer declares more pages than were read, whose last clause read is the undertaking's own. Its
    later sub-clauses, unseen, may qualify the undertaking ("3.6 … no less protective than …", a cap in 3.8)."""
    declared = [int(g) for m in _PAGE_OF.finditer(doc.text) for g in m.groups() if g]
    partial = doc.format == "image" or (declared and max(declared) > len(doc.ocr_pages or ()))
    body = [b for b in doc.blocks if b.is_body and b.text.strip() and b.section]
    if not partial or not body:
        return None
    last = _top(body[-1].section)
    for e in result.evidence:
        if 0 <= e.block < len(doc.blocks) and doc.blocks[e.block].ocr is not None and _top(e.section) == last:
            return last
    return None


def downgrade_uncertain(doc: Document, result: RequirementResult, threshold: float = MIN_CONFIDENCE) -> bool:
    """Make a satisfied verdict weak when its deciding words were not read with confidence; True if it was."""
    if result.verdict != Verdict.SATISFIED:
        return False
    clause = _clause_goes_on(doc, result)
    if clause is not None:
        result.verdict = Verdict.WEAK
        result.message = (f"read by OCR from part of the document, which stops inside clause {clause}, the "
                          f"undertaking's own; its later sub-clauses were not read and may qualify it")
        result.reasons.append(Reason("ocr-partial", clause))
        return True
    words = uncertain_words(doc, result.evidence, threshold)
    cut = [doc.blocks[e.block] for e in result.evidence if 0 <= e.block < len(doc.blocks)
           and doc.blocks[e.block].ocr is not None and doc.blocks[e.block].ocr.cut]  # type: ignore[union-attr]
    if cut:
        block = cut[0]
        tail = block.text[-30:]
        result.verdict = Verdict.WEAK
        result.message = (f"read by OCR, and the clause breaks off at the foot of page {block.page} (“…{tail}”); "
                          f"the page that goes on with it was not read, and its rest may qualify it")
        result.reasons.append(Reason("ocr-uncertain", f"…{tail}"))
        return True
    if not words:
        return False
    quoted = ", ".join(f"“{text}” ({conf:.2f})" for text, conf in words[:5])
    result.verdict = Verdict.WEAK
    result.message = (f"read by OCR, and the words that decide it were not recognised with confidence "
                      f"(below {threshold:.2f}): {quoted}; check them against the scan")
    result.reasons.append(Reason("ocr-uncertain", "; ".join(text for text, _ in words)))
    return True



def _add_boxes(doc: Document, evidence: Iterable[Evidence]) -> None:
    for item in evidence:
        block = doc.blocks[item.block] if 0 <= item.block < len(doc.blocks) else None
        if block is not None and block.ocr is not None:
            item.box = block.ocr.box


def review_ocr(doc: Document, result: CheckResult, threshold: float = MIN_CONFIDENCE) -> None:
    """Apply the OCR rules above to ``result`` in place; nothing happens for a document without OCR."""
    if not doc.ocr_pages:
        return
    pages = _ranges(doc.ocr_pages)
    for requirement in result.requirements:
        subs = list(requirement.by_language.values())
        lowered = [downgrade_uncertain(doc, sub, threshold) for sub in subs]
        if not downgrade_uncertain(doc, requirement, threshold) and any(lowered) \
                and requirement.verdict == Verdict.SATISFIED:
            requirement.verdict = Verdict.WEAK  # fail closed: one language version was not read surely
            requirement.message = next(sub.message for sub, low in zip(subs, lowered, strict=True) if low)
            requirement.reasons.append(next(sub.reasons[-1] for sub, low in zip(subs, lowered, strict=True) if low))
        for item in [requirement, *subs]:
            if item.verdict == Verdict.MISSING and not any(r.code == "ocr-read" for r in item.reasons):
                item.message = f"{item.message} (page(s) {pages} were read by OCR)"
                item.reasons.append(Reason("ocr-read", f"page(s) {pages}"))
            _add_boxes(doc, item.evidence)
    for finding in result.findings:
        _add_boxes(doc, finding.evidence)
    ocr_blocks = [b for b in doc.blocks if b.ocr is not None]
    low = sum(1 for b in ocr_blocks for c in b.ocr.confidences if c < threshold)  # type: ignore[union-attr]
    total = sum(len(b.ocr.confidences) for b in ocr_blocks)  # type: ignore[union-attr]
    seals = [Phrase("finding.ocr-seal", page=s.page, x=f"{s.box[0]:.2f}-{s.box[2]:.2f}",
                    y=f"{s.box[1]:.2f}-{s.box[3]:.2f}") for s in doc.seals]
    # the seals, at most a few per contract, each said in the report's language
    listed = Phrase(f"finding.ocr-seals.{min(len(seals), 3)}", n=len(seals), **{f"s{i}": p for i, p in enumerate(seals[:3])},
                    more=Phrase("finding.ocr-more" if len(seals) > 3 else None, n=len(seals) - 3)) \
        if seals else Phrase(None)
    message = Said("finding.ocr-read", pages=pages, total=doc.pages or "?",
                   engine=doc.ocr_engine, low=low, chars=total, threshold=f"{threshold:.2f}", seals=listed)
    result.findings.append(Finding("ocr-read", Severity.NOTE, message,
                                   reasons=[Reason("ocr-read", f"page(s) {pages}")]))
