"""Findings about text the matcher does not count: hidden, excluded or unread content.

Excluded text (``Document.excluded``) and page headers/footers never satisfy a
requirement; this module reports when such text *would* have decided one, so a
hostile draft cannot move a clause out of a reader's sight (or into it) unnoticed:

* ``hidden-text`` (warning): excluded or header/footer text that would satisfy a requirement;
* ``hidden-contradiction`` (error): excluded text that would contradict one, unless it is not
  contract text at all once the draft is accepted (deleted or moved-away tracked text, comments,
  field codes); and a contradiction standing only in a page header or footer. What is invisible
  differs between Word, WPS, LibreOffice and PDF viewers, so such text fails the gate;
* ``unread-content`` (error): content a reader sees that the reader could not read
  (``Document.unread``): the tool cannot vouch for it.
"""

from __future__ import annotations

import dataclasses
import re

from ..library import Library
from ..model import BlockKind, Document, ExcludedKind, ExcludedText
from ..normalize import detect_language
from ..verdicts import Evidence, Finding, Reason, RequirementResult, Roles, Severity, Verdict
from .analysis import Assessment, Sentence, Unit, assess, get_analyzer, party_hits
from .verdict import evidence_for


def analyse_unit(unit: Unit, library: Library, roles: Roles) -> list[Assessment]:
    """Every assessment the analyser makes of one unit of text."""
    analyzer = get_analyzer(library, unit.lang)
    hits = analyzer.hits(unit.text)
    parties = party_hits(unit.text, roles, hits, unit.lang)
    return assess(unit, Sentence(unit, hits, parties, library), library)


#: Excluded text that is not contract text once the draft is accepted: a contradiction there is no
#: contradiction. Every other kind (hidden, white, tiny, off the page, a layer that is off, a running
#: header; kinds added later too) is text a reader may well see somewhere.
NOT_CONTRACT_TEXT = frozenset({ExcludedKind.DELETED, ExcludedKind.MOVED_FROM, ExcludedKind.COMMENT,
                               ExcludedKind.FIELD_CODE})


def _kind_words(item: ExcludedText) -> str:
    """"White", "Tiny", "Hidden", "Off page": the kind without a trailing "text" (messages add the noun)."""
    words = str(item.kind).replace("_", " ").removesuffix(" text")
    return words.capitalize()


def unseen_words(result: RequirementResult, doc: Document) -> RequirementResult:
    """A satisfied verdict whose undertaking's own paragraph also holds words a reader does not see (1-point,
    white or hidden type: "… save where required by foreign law" in 1 pt) is weak: those words are contract text
    that may qualify the undertaking, and the tool did not read them with it. Fail closed, quoting the words."""
    if result.verdict != Verdict.SATISFIED:
        return result
    paragraphs = {e.paragraph for e in result.evidence if e.role == "undertaking" and e.paragraph is not None}
    unseen = [x for x in doc.excluded if x.kind not in NOT_CONTRACT_TEXT and x.paragraph in paragraphs
              and re.search(r"\w{2}", x.text)]
    if not unseen:
        return result
    words = " … ".join(" ".join(x.text.split()) for x in unseen[:3])
    where = ", ".join(dict.fromkeys(_kind_words(x).lower() for x in unseen))
    return dataclasses.replace(
        result, verdict=Verdict.WEAK,
        message=(f"The {result.id} undertaking's paragraph also holds words a reader does not see ({where} type): "
                 f"'{words}'. They are contract text and may qualify it; make them visible and lint again."),
        reasons=[*result.reasons, Reason("unseen-words", words)])


def hidden_findings(doc: Document, library: Library, roles: Roles, selected: list[str],
                    langs: list[str]) -> list[Finding]:
    """Excluded text that would satisfy a selected requirement (``hidden-text``, a warning) or
    contradict one (``hidden-contradiction``, an error: what is invisible is not the same in every
    viewer, so the gate fails closed)."""
    findings: list[Finding] = []
    contradicted: set[tuple[str, str]] = set()
    for item in doc.excluded:
        text = (item.text or "").strip()
        if not text:
            continue
        lang = detect_language(text)
        lang = lang if lang in ("zh", "en") else ("zh" if "zh" in langs and lang == "mixed" else "en")
        unit = Unit(text, lang, [(0, -1, -1)], None)
        satisfied = False
        for a in analyse_unit(unit, library, roles):
            if a.requirement not in selected:
                continue
            ev = Evidence(text=text, start=-1, end=-1, block=-1, page=item.page, section=item.section,
                          paragraph=item.paragraph, language=lang, role="excluded", highlights=a.highlights)
            if a.kind == "undertaking" and a.quality == "satisfied" and not satisfied:
                satisfied = True
                findings.append(Finding(
                    rule="hidden-text", severity=Severity.WARNING, requirement=a.requirement, evidence=[ev],
                    message=(f"{_kind_words(item)} text would satisfy {a.requirement} "
                             "but does not count: it is not part of the visible contract."),
                    reasons=[Reason("excluded-text", str(item.kind))]))
            elif (a.kind == "contradiction" and item.kind not in NOT_CONTRACT_TEXT
                  and (a.requirement, text) not in contradicted):
                contradicted.add((a.requirement, text))
                ev.role = "contradiction"
                where = f" on page {item.page}" if item.page else ""
                detail = f" ({item.detail})" if item.detail else ""
                findings.append(Finding(
                    rule="hidden-contradiction", severity=Severity.ERROR, requirement=a.requirement,
                    evidence=[ev],
                    message=(f"{_kind_words(item)} text{detail}{where} would contradict {a.requirement}: it was "
                             "excluded as invisible, but a reader may see it in another viewer or print; "
                             "read it in the original."),
                    reasons=[Reason("excluded-text", str(item.kind)), *a.reasons]))
    return findings


_MARGIN_KINDS = {BlockKind.HEADER: "page header", BlockKind.FOOTER: "page footer"}


def margin_findings(doc: Document, library: Library, roles: Roles, requirements: list[RequirementResult],
                     langs: list[str]) -> list[Finding]:
    """A page header or footer that would satisfy a requirement the body does not satisfy: a clause standing
    where a reader of the printed contract does not look for one (issue 6, evasion). Such text never counts;
    one warning per requirement, citing the first header/footer block that would have satisfied it.
    A header or footer that would *contradict* a requirement the body does not already contradict is a
    ``hidden-contradiction`` error: it is printed on every page, so it is at least a failing warning."""
    open_ids = {r.id for r in requirements if r.verdict != Verdict.SATISFIED}
    uncontradicted = {r.id for r in requirements if r.verdict != Verdict.CONTRADICTED}
    findings: list[Finding] = []
    seen: set[str] = set()  # a running header repeats on every page: read each text once
    for block in doc.blocks:
        where = _MARGIN_KINDS.get(block.kind)
        if where is None or not (open_ids or uncontradicted) or not block.text.strip() or block.text in seen:
            continue
        seen.add(block.text)
        lang = block.language if block.language in ("zh", "en") else ("zh" if "zh" in langs else "en")
        unit = Unit(block.text, lang, [(0, block.start, block.end)], None)
        for a in analyse_unit(unit, library, roles):
            page = f" on page {block.page}" if block.page else ""
            if a.kind == "contradiction" and a.requirement in uncontradicted:
                uncontradicted.discard(a.requirement)
                findings.append(Finding(
                    rule="hidden-contradiction", severity=Severity.ERROR, requirement=a.requirement,
                    evidence=evidence_for(doc, unit, a.highlights, "contradiction"),
                    message=(f"A {where}{page} would contradict {a.requirement}: it is "
                             "printed on every page of the contract, so the contradiction cannot be ignored."),
                    reasons=[Reason("excluded-text", str(block.kind)), *a.reasons]))
                continue
            if a.kind != "undertaking" or a.quality != "satisfied" or a.requirement not in open_ids:
                continue
            open_ids.discard(a.requirement)
            findings.append(Finding(
                rule="hidden-text", severity=Severity.WARNING, requirement=a.requirement,
                evidence=evidence_for(doc, unit, a.highlights, "excluded"),
                message=(f"The {a.requirement} clause stands only in a {where}{page}: "
                         "header and footer text does not count as a contract clause; put it in the body."),
                reasons=[Reason("excluded-text", str(block.kind))]))
    return findings


def unread_findings(doc: Document) -> list[Finding]:
    """One ``unread-content`` error per kind of content a reader sees that was not read, citing
    every place it occurs (page, paragraph): cliccheck cannot vouch for what it did not read."""
    by_code: dict[str, list] = {}
    for item in doc.unread:
        by_code.setdefault(item.code, []).append(item)
    findings: list[Finding] = []
    for code, items in by_code.items():
        evidence = [Evidence(text=item.detail, start=-1, end=-1, block=-1, page=item.page, section=None,
                             paragraph=item.paragraph, language="none", role="unread")
                    for item in items[:MAX_UNREAD_EVIDENCE]]
        places = ", ".join(_place(item.page, item.paragraph) for item in items[:5])
        more = f" and {len(items) - 5} more" if len(items) > 5 else ""
        findings.append(Finding(
            rule="unread-content", severity=Severity.ERROR, evidence=evidence,
            message=(f"Content a reader sees was not read ({code}: {places}{more}); cliccheck cannot vouch "
                     "for what it did not read, so the gate fails."),
            reasons=[Reason("unread-content", code)]))
    return findings


#: Places cited per unread-content finding (the count is in the message).
MAX_UNREAD_EVIDENCE = 20


def _place(page: int | None, paragraph: int | None) -> str:
    parts = [f"page {page}" if page is not None else "", f"paragraph {paragraph}" if paragraph is not None else ""]
    return " ".join(p for p in parts if p) or "location unknown"
