"""The report model: one record type for everything a user sees.

The matcher's :class:`~cliccheck.verdicts.CheckResult` says what the contract
contains; a :class:`DocumentReport` adds what the user's configuration makes
of it (severity, waivers, pass/fail at the ``fail-on`` level) and carries
read errors as data rather than exceptions. Every output format renders a
:class:`Report` and nothing else, so the formats cannot disagree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..verdicts import Evidence, Reason

SCHEMA_VERSION = 1

#: severity -> rank; "none" is a satisfied requirement.
SEVERITY_RANK = {"none": 0, "note": 1, "warning": 2, "error": 3}
SEVERITIES = ("error", "warning", "note")
FAIL_ON = ("error", "warning", "never")


def at_or_above(severity: str, fail_on: str) -> bool:
    """True when ``severity`` makes a document fail at the ``fail_on`` level."""
    if fail_on == "never":
        return False
    return SEVERITY_RANK.get(severity, 0) >= SEVERITY_RANK[fail_on]


@dataclass(frozen=True, slots=True)
class WaiverRecord:
    """Why a finding does not fail the gate: the audit trail of a waiver."""

    reason: str
    approved_by: str
    expires: str | None = None  # ISO date, inclusive
    source: str | None = None  # the config file that granted it

    def to_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, "approved_by": self.approved_by, "expires": self.expires,
                "source": self.source}


@dataclass(slots=True)
class RequirementReport:
    """One requirement's verdict as the user sees it."""

    id: str
    name: str
    verdict: str  # satisfied | weak | contradicted | missing | not_applicable
    severity: str  # error | warning | note | none
    message: str
    evidence: list[Evidence] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    waived: WaiverRecord | None = None
    by_language: dict[str, str] = field(default_factory=dict)  # "zh" -> verdict, bilingual only
    #: the message in the report's UI language (``DocumentReport.ui_lang``), built from the records
    localized_message: str = ""
    #: per language version of a bilingual contract: the evidence that version's verdict rests on
    version_evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.verdict == "satisfied"

    @property
    def not_applicable(self) -> bool:
        """The requirement's pack does not apply to this contract: reported (with why), never failing."""
        return self.verdict == "not_applicable"

    @property
    def display_message(self) -> str:
        return self.localized_message or self.message

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "verdict": self.verdict,
            "severity": self.severity,
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
            "reasons": [r.to_dict() for r in self.reasons],
            "waived": self.waived.to_dict() if self.waived else None,
            "by_language": dict(self.by_language),
            "localized_message": self.display_message,
        }


@dataclass(slots=True)
class FindingReport:
    """A warning that is not a requirement verdict (bilingual mismatch, hidden text, ...)."""

    rule: str
    severity: str
    message: str
    requirement: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    waived: WaiverRecord | None = None
    localized_message: str = ""

    @property
    def display_message(self) -> str:
        return self.localized_message or self.message

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "requirement": self.requirement,
            "evidence": [e.to_dict() for e in self.evidence],
            "reasons": [r.to_dict() for r in self.reasons],
            "waived": self.waived.to_dict() if self.waived else None,
            "localized_message": self.display_message,
        }


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    code: str
    message: str
    localized: str = ""  # the message in the report's UI language
    #: the catalogue key and values of the message (CliccheckError.key), to say it in any UI language
    key: str | None = None
    values: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(slots=True)
class SupplierReport:
    name: str | None = None
    aliases: list[str] = field(default_factory=list)
    source: str = "default"  # definition | signature | default | user
    #: the name per language where the contract gives one; labels: the role words per language
    names: dict[str, str] = field(default_factory=dict)
    labels: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "aliases": list(self.aliases), "source": self.source, "names": dict(self.names)}


@dataclass(slots=True)
class Issue:
    """A flat view of one thing that is not fine, for the annotation formats.

    ``kind`` is ``requirement`` (a verdict other than satisfied), ``finding``
    or ``read-error``.
    """

    kind: str
    rule: str
    name: str
    severity: str
    message: str
    verdict: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    waived: WaiverRecord | None = None
    failing: bool = False  # makes the document fail at its fail-on level
    localized_message: str = ""  # in the document's UI language


@dataclass(slots=True)
class DocumentReport:
    """Everything about one input document; ``status`` is ``ok`` or ``error``."""

    path: str
    status: str = "ok"
    sha256: str | None = None
    format: str | None = None
    language: str | None = None
    pages: int | None = None
    #: pages whose text was read by OCR (the audit register records whether a document was)
    ocr_pages: list[int] = field(default_factory=list)
    error: ErrorInfo | None = None
    passed: bool = False
    fail_on: str = "error"
    supplier: SupplierReport | None = None
    requirements: list[RequirementReport] = field(default_factory=list)
    findings: list[FindingReport] = field(default_factory=list)
    config: str | None = None  # the config file that applied, if any
    seconds: float | None = None  # wall time to read and check
    #: requirement id -> {lang: suggested clause text}; filled for the HTML report only
    suggestions: dict[str, dict[str, str]] = field(default_factory=dict)
    #: the language people read this document's report in (zh | en), see :mod:`cliccheck.i18n`
    ui_lang: str = "en"
    #: not-a-contract | no-supplier-party when the document itself fails, else None
    document_rule: str | None = None
    #: block index -> the first words of that paragraph, so a lawyer can find it in Word
    openings: dict[int, str] = field(default_factory=dict)
    #: block index -> 1-based line in the source file (text and Markdown drafts), for SARIF and GitHub
    lines: dict[int, int] = field(default_factory=dict)

    def issues(self) -> list[Issue]:
        """Requirements that are not satisfied, then findings, then the read error."""
        out: list[Issue] = []
        if self.error is not None:
            out.append(Issue("read-error", "read-error", self.error.code, "error", self.error.message,
                             failing=True, localized_message=self.error.localized or self.error.message))
        for req in self.requirements:
            if req.ok:
                continue
            out.append(Issue("requirement", req.id, req.name, req.severity, req.message, req.verdict,
                             req.evidence, req.waived,
                             failing=req.waived is None and at_or_above(req.severity, self.fail_on),
                             localized_message=req.display_message))
        for finding in self.findings:
            out.append(Issue("finding", finding.rule, finding.rule, finding.severity, finding.message,
                             None, finding.evidence, finding.waived,
                             failing=finding.waived is None and at_or_above(finding.severity, self.fail_on),
                             localized_message=finding.display_message))
        return out

    def recompute_passed(self) -> bool:
        """A read document passes when nothing unwaived reaches ``fail_on``; an unread one never does."""
        self.passed = self.status == "ok" and not any(i.failing for i in self.issues())
        return self.passed

    def counts(self, shown: bool = False) -> dict[str, int]:
        """Unwaived issues per severity, plus the number waived; ``shown``: only those a human format lists
        (a file that is no contract lists its one finding, not the four missing verdicts behind it)."""
        counts = {"error": 0, "warning": 0, "note": 0, "waived": 0}
        for issue in self.issues():
            if issue.kind == "read-error" or (shown and issue.kind == "requirement"
                                               and self.document_rule == "not-a-contract"):
                continue
            if issue.waived is not None:
                counts["waived"] += 1
            elif issue.severity in counts:
                counts[issue.severity] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "language": self.language,
            "pages": self.pages,
            "status": self.status,
            "error": self.error.to_dict() if self.error else None,
            "passed": self.passed,
            "fail_on": self.fail_on,
            "config": self.config,
            "ui_lang": self.ui_lang,
            "supplier": self.supplier.to_dict() if self.supplier else None,
            "requirements": [r.to_dict() for r in self.requirements],
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(slots=True)
class Report:
    """A lint run: the documents in input order and a summary."""

    documents: list[DocumentReport] = field(default_factory=list)
    tool_version: str = ""

    def __post_init__(self) -> None:
        if not self.tool_version:
            from .. import __version__

            self.tool_version = __version__

    # -- convenience for the one-document API ---------------------------------------------------
    @property
    def passed(self) -> bool:
        """True when every document was read and passes at its fail-on level."""
        return bool(self.documents) and all(d.passed for d in self.documents)

    @property
    def failures(self) -> list[Issue]:
        """Every issue that makes a document fail, across documents."""
        return [i for d in self.documents for i in d.issues() if i.failing]

    @property
    def requirements(self) -> list[RequirementReport]:
        """The requirements of the first document (the API lints one at a time)."""
        return self.documents[0].requirements if self.documents else []

    @property
    def exit_code(self) -> int:
        """0 all pass, 1 some document fails, 2 some document could not be read."""
        from ..errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

        if any(d.status != "ok" for d in self.documents):
            return EXIT_ERROR
        return EXIT_OK if self.passed or not self.documents else EXIT_FINDINGS

    def summary(self, shown: bool = False) -> dict[str, Any]:
        """Totals of the run; ``shown``: of what the human formats list (see :meth:`DocumentReport.counts`)."""
        totals = {"error": 0, "warning": 0, "note": 0, "waived": 0}
        for doc in self.documents:
            for key, value in doc.counts(shown).items():
                totals[key] += value
        read = [d for d in self.documents if d.status == "ok"]
        return {
            "documents": len(self.documents),
            "passed": sum(1 for d in read if d.passed),
            "failed": sum(1 for d in read if not d.passed),
            "unreadable": len(self.documents) - len(read),
            "errors": totals["error"],
            "warnings": totals["warning"],
            "notes": totals["note"],
            "waived": totals["waived"],
            "exit_code": self.exit_code,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "cliccheck", "version": self.tool_version},
            "documents": [d.to_dict() for d in self.documents],
            "summary": self.summary(),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_sarif(self) -> str:
        from .sarif import render

        return render(self)

    def render(self, fmt: str, **options: Any) -> str:
        from . import render

        return render(self, fmt, **options)
