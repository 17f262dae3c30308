"""Turn a matcher result (or a read error) into a :class:`DocumentReport`.

This is where configuration meets verdicts: severities (defaults and
overrides), select/ignore, waivers (active ones mark a finding waived, expired
ones stop applying and become an ``expired-waiver`` finding) and pass/fail at
the document's ``fail-on`` level.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..verdicts import VERDICT_SEVERITY, Evidence, Finding, Reason, RequirementResult, Verdict
from .model import DocumentReport, ErrorInfo, FindingReport, RequirementReport, SupplierReport, WaiverRecord

if TYPE_CHECKING:
    from ..config import Config, Waiver
    from ..errors import CliccheckError
    from ..model import Document
    from ..verdicts import CheckResult


def requirement_severity(result: RequirementResult, config: Config) -> str:
    """The configured severity for this rule and verdict (``[severity.weak] CSR04 = "warning"``), else the
    configured one for the rule, else the verdict's default; ``none`` for a satisfied requirement."""
    verdict = Verdict(result.verdict)
    if verdict in (Verdict.SATISFIED, Verdict.NOT_APPLICABLE):
        return "none"
    per_verdict = config.verdict_severity.get(str(verdict), {})
    if result.id in per_verdict:
        return per_verdict[result.id]
    return config.severity.get(result.id, str(VERDICT_SEVERITY[verdict]))


def _record(waiver: Waiver) -> WaiverRecord:
    return WaiverRecord(reason=waiver.reason, approved_by=waiver.approved_by,
                        expires=waiver.expires.isoformat() if waiver.expires else None,
                        source=f"{waiver.source}:{waiver.line}" if waiver.source and waiver.line
                        else waiver.source)


def build_document_report(doc: Document, result: CheckResult, config: Config, *, path: str | None = None,
                          today: _dt.date | None = None) -> DocumentReport:
    """The report for a document that was read and checked."""
    today = today or _dt.date.today()
    path = path or doc.path
    wanted = config.requirement_ids()
    waivers = [w for w in config.waivers if w.matches(path)] if path and not path.startswith("<") else []
    active = [w for w in waivers if not w.expired(today)]

    def waiver_for(*rules: str | None) -> WaiverRecord | None:
        for waiver in active:
            if waiver.rule in rules:
                return _record(waiver)
        return None

    requirements: list[RequirementReport] = []
    by_id = {r.id: r for r in result.requirements}
    for rule_id in wanted:
        res = by_id.get(rule_id)
        if res is None:
            continue
        severity = requirement_severity(res, config)
        requirements.append(RequirementReport(
            id=res.id, name=res.name, verdict=str(res.verdict), severity=severity, message=res.message,
            evidence=list(res.evidence), reasons=list(res.reasons),
            waived=None if severity == "none" else waiver_for(res.id),
            by_language={lang: str(sub.verdict) for lang, sub in res.by_language.items()},
            version_evidence={lang: list(sub.evidence) for lang, sub in res.by_language.items()}
            if len(res.by_language) > 1 else {},
        ))
    findings: list[FindingReport] = []
    for finding in result.findings:
        if not config.finding_enabled(finding.rule, finding.requirement):
            continue
        findings.append(_finding(finding, config, waiver_for(finding.rule, finding.requirement)))
    for waiver in waivers:
        if waiver.expired(today) and config.finding_enabled("expired-waiver", None) and (
                waiver.rule not in config.pack_ids() or waiver.rule in wanted):
            where = f" ({waiver.source}:{waiver.line})" if waiver.source and waiver.line else ""
            findings.append(FindingReport(
                rule="expired-waiver",
                severity=config.severity.get("expired-waiver", "warning"),
                message=(f"the waiver for {waiver.rule} approved by {waiver.approved_by}{where} expired on "
                         f"{waiver.expires.isoformat() if waiver.expires else '?'}; it no longer applies"),
                requirement=waiver.rule if waiver.rule in by_id else None,
                reasons=[Reason("expired-waiver", waiver.reason, waiver.rule)],
            ))
    _nearest_misses(doc, requirements)
    _quote_originals(doc, [*requirements, *findings])
    supplier = result.roles.supplier
    document_rule = next((f.rule for f in result.findings if f.rule in ("not-a-contract", "no-supplier-party")), None)
    report = DocumentReport(
        path=path, status="ok", sha256=doc.sha256, format=doc.format, language=doc.language,
        pages=doc.pages, ocr_pages=list(doc.ocr_pages), fail_on=config.fail_on,
        supplier=SupplierReport(name=supplier.name, aliases=supplier.aliases, source=supplier.source,
                                names=dict(getattr(supplier, "names", {}) or {}),
                                labels={k: list(v) for k, v in supplier.labels.items()}),
        requirements=requirements, findings=findings, config=config.source, document_rule=document_rule,
    )
    report.openings = _openings(doc, [*requirements, *findings])
    report.lines = {i: doc.blocks[i].line for i in report.openings  # type: ignore[misc]
                    if 0 <= i < len(doc.blocks) and doc.blocks[i].line}
    localize(report, getattr(config, "ui_lang", "auto"))
    report.recompute_passed()
    return report


#: how much of a paragraph's opening a reference quotes: enough to find it with Word's search
OPENING_CHARS = {"zh": 12, "en": 40}


def _openings(doc: Document, items: Sequence[RequirementReport | FindingReport]) -> dict[int, str]:
    """Block index -> the first words of that paragraph, for every block the evidence cites."""
    out: dict[int, str] = {}
    blocks = doc.blocks
    for item in items:
        evidence = [*item.evidence]
        if isinstance(item, RequirementReport):
            evidence += [e for evs in item.version_evidence.values() for e in evs]
        for ev in evidence:
            if ev.block in out or not 0 <= ev.block < len(blocks):
                continue
            text = " ".join(blocks[ev.block].text.split())
            limit = OPENING_CHARS["zh" if blocks[ev.block].language in ("zh", "mixed") else "en"]
            if len(text) > limit:
                cut = text[:limit]
                if blocks[ev.block].language == "en" and " " in cut:
                    cut = cut.rsplit(" ", 1)[0]
                text = cut.rstrip(" ,;:，；：")
            out[ev.block] = text
    return out


def localize(report: DocumentReport, setting: str | None) -> DocumentReport:
    """Choose the report's UI language and fill every localised message from the records."""
    from ..i18n import error_description, resolve_ui_lang
    from .messages import finding_message, requirement_message

    lang = resolve_ui_lang(setting, report.language if report.status == "ok" else None)
    report.ui_lang = lang
    if report.error is not None:
        error = report.error
        if error.key is not None:
            from ..i18n import render

            text = render(f"err.{error.key}", lang, error.values)
        else:  # not yet in the catalogue: what the code means, the English detail in brackets
            text = error.message if lang == "en" else f"{error_description(error.code, lang)}（{error.message}）"
        report.error = ErrorInfo(error.code, error.message, text, error.key, error.values)
    for req in report.requirements:
        req.localized_message = requirement_message(req, report, lang)
    for finding in report.findings:
        finding.localized_message = finding_message(finding, lang)
    return report



def _nearest_misses(doc: Document, requirements: Sequence[RequirementReport]) -> None:
    """A missing verdict without a near miss from the matcher gets the paragraph that uses most of the
    requirement's vocabulary (its elements' objects, its duty and forbidden acts), so the lawyer sees what the
    contract says nearby (the README promises a near miss; the verdict itself is unchanged)."""
    wanted = [r for r in requirements if r.verdict == "missing" and not r.evidence]
    if not wanted:
        return
    try:
        from ..library import load_library
        from ..roles import phrase_regex

        library = load_library()
    except Exception:  # the report still renders without it
        return
    for req in wanted:
        try:
            spec = library.requirement(req.id)
        except Exception:
            continue
        best: tuple[int, object, list[tuple[int, int]]] | None = None
        for block in doc.blocks:
            lang = block.language if block.language in ("zh", "en") else None
            if lang is None or not block.is_body or len(block.text) < 8:
                continue
            kinds = 0
            marks: list[tuple[int, int]] = []
            groups = [el.objects.get(lang, ()) for el in spec.elements]
            groups += [spec.lexicon.get(k, {}).get(lang, ()) for k in ("duty", "forbidden")]
            for phrases in groups:
                rx = phrase_regex(phrases, lang) if phrases else None
                hits = list(rx.finditer(block.text)) if rx else []
                if hits:
                    kinds += 1
                    marks += [(m.start(), m.end()) for m in hits[:3]]
            if kinds >= 2 and (best is None or kinds > best[0]):
                best = (kinds, block, marks)
        if best is None:
            continue
        _, block, marks = best
        req.evidence.append(Evidence(text=block.text, start=block.start, end=block.end,  # type: ignore[attr-defined]
                                     block=block.index, page=block.page, section=block.section,  # type: ignore[attr-defined]
                                     paragraph=block.paragraph, language=block.language,  # type: ignore[attr-defined]
                                     role="near-miss", highlights=sorted(marks)))


def _quote_originals(doc: Document, items: Sequence[RequirementReport | FindingReport]) -> None:
    """Give each evidence span the source characters behind it when normalisation changed them
    (traditional Chinese, look-alikes, invisible characters): what the reader of the contract sees."""
    for item in items:
        for ev in item.evidence:
            if ev.original is None and 0 <= ev.start < ev.end <= len(doc.text) and doc.text[ev.start:ev.end] == ev.text:
                original = doc.original(ev.start, ev.end)
                if original != ev.text:
                    ev.original = original


def _finding(finding: Finding, config: Config, waived: WaiverRecord | None) -> FindingReport:
    severity = config.severity.get(finding.rule, str(finding.severity))
    if severity == "none":
        severity = "note"
    return FindingReport(rule=finding.rule, severity=severity, message=finding.message,
                         requirement=finding.requirement, evidence=list(finding.evidence),
                         reasons=list(finding.reasons), waived=waived)


def error_report(path: str, exc: CliccheckError, *, fail_on: str = "error",
                 config: str | None = None) -> DocumentReport:
    """The report for a document that could not be read: never passes."""
    return DocumentReport(path=path, status="error", error=ErrorInfo(exc.code, exc.message, key=exc.key,
                                                                     values=exc.values), passed=False,
                          fail_on=fail_on, config=config)
