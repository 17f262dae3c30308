"""Findings about text the matcher does not count: hidden, excluded or unread content.

Excluded text (``Document.excluded``) and page headers/footers never satisfy a
requirement; this module reports when such text *would* have decided one, so a
hostile draft cannot move a clause out of a reader's sight (or into it) unnoticed.
"""

from __future__ import annotations

from ..library import Library
from ..model import BlockKind, Document
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


def hidden_findings(doc: Document, library: Library, roles: Roles, selected: list[str],
                     langs: list[str]) -> list[Finding]:
    findings: list[Finding] = []
    for item in doc.excluded:
        text = (item.text or "").strip()
        if not text:
            continue
        lang = detect_language(text)
        lang = lang if lang in ("zh", "en") else ("zh" if "zh" in langs and lang == "mixed" else "en")
        unit = Unit(text, lang, [(0, -1, -1)], None)
        for a in analyse_unit(unit, library, roles):
            if a.kind != "undertaking" or a.quality != "satisfied" or a.requirement not in selected:
                continue
            ev = Evidence(text=text, start=-1, end=-1, block=-1, page=item.page, section=item.section,
                          paragraph=item.paragraph, language=lang, role="excluded", highlights=a.highlights)
            findings.append(Finding(
                rule="hidden-text", severity=Severity.WARNING, requirement=a.requirement, evidence=[ev],
                message=(f"{str(item.kind).replace('_', ' ').capitalize()} text would satisfy {a.requirement} "
                         "but does not count: it is not part of the visible contract."),
                reasons=[Reason("excluded-text", str(item.kind))]))
            break
    return findings


_MARGIN_KINDS = {BlockKind.HEADER: "page header", BlockKind.FOOTER: "page footer"}


def margin_findings(doc: Document, library: Library, roles: Roles, requirements: list[RequirementResult],
                     langs: list[str]) -> list[Finding]:
    """A page header or footer that would satisfy a requirement the body does not satisfy: a clause standing
    where a reader of the printed contract does not look for one (issue 6, evasion). Such text never counts;
    one warning per requirement, citing the first header/footer block that would have satisfied it."""
    open_ids = {r.id for r in requirements if r.verdict != Verdict.SATISFIED}
    findings: list[Finding] = []
    seen: set[str] = set()  # a running header repeats on every page: read each text once
    for block in doc.blocks:
        where = _MARGIN_KINDS.get(block.kind)
        if where is None or not open_ids or not block.text.strip() or block.text in seen:
            continue
        seen.add(block.text)
        lang = block.language if block.language in ("zh", "en") else ("zh" if "zh" in langs else "en")
        unit = Unit(block.text, lang, [(0, block.start, block.end)], None)
        for a in analyse_unit(unit, library, roles):
            if a.kind != "undertaking" or a.quality != "satisfied" or a.requirement not in open_ids:
                continue
            open_ids.discard(a.requirement)
            page = f" on page {block.page}" if block.page else ""
            findings.append(Finding(
                rule="hidden-text", severity=Severity.WARNING, requirement=a.requirement,
                evidence=evidence_for(doc, unit, a.highlights, "excluded"),
                message=(f"The {a.requirement} clause stands only in a {where}{page} (block {block.index}): "
                         "header and footer text does not count as a contract clause; put it in the body."),
                reasons=[Reason("excluded-text", str(block.kind))]))
    return findings
