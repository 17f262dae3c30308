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

from ..config import REQUIREMENT_IDS
from ..verdicts import VERDICT_SEVERITY, Finding, Reason, RequirementResult, Verdict
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
    if verdict is Verdict.SATISFIED:
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
        ))
    findings: list[FindingReport] = []
    for finding in result.findings:
        if not config.finding_enabled(finding.rule, finding.requirement):
            continue
        findings.append(_finding(finding, config, waiver_for(finding.rule, finding.requirement)))
    for waiver in waivers:
        if waiver.expired(today) and config.finding_enabled("expired-waiver", None) and (
                waiver.rule not in REQUIREMENT_IDS or waiver.rule in wanted):
            where = f" ({waiver.source}:{waiver.line})" if waiver.source and waiver.line else ""
            findings.append(FindingReport(
                rule="expired-waiver",
                severity=config.severity.get("expired-waiver", "warning"),
                message=(f"the waiver for {waiver.rule} approved by {waiver.approved_by}{where} expired on "
                         f"{waiver.expires.isoformat() if waiver.expires else '?'}; it no longer applies"),
                requirement=waiver.rule if waiver.rule in by_id else None,
                reasons=[Reason("expired-waiver", waiver.reason, waiver.rule)],
            ))
    _quote_originals(doc, [*requirements, *findings])
    supplier = result.roles.supplier
    report = DocumentReport(
        path=path, status="ok", sha256=doc.sha256, format=doc.format, language=doc.language,
        pages=doc.pages, fail_on=config.fail_on,
        supplier=SupplierReport(name=supplier.name, aliases=supplier.aliases, source=supplier.source),
        requirements=requirements, findings=findings, config=config.source,
    )
    report.recompute_passed()
    return report


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
    return DocumentReport(path=path, status="error", error=ErrorInfo(exc.code, exc.message), passed=False,
                          fail_on=fail_on, config=config)
