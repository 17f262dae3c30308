"""Verdicts, evidence and reasons: what the matcher hands to reports and generators.

One data path: the matcher produces a :class:`CheckResult`; every report
format and the annex/redline generators read only these records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    SATISFIED = "satisfied"
    WEAK = "weak"
    CONTRADICTED = "contradicted"
    MISSING = "missing"
    #: the requirement's pack does not apply to this contract (its precondition is absent): passes the gate
    NOT_APPLICABLE = "not_applicable"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"
    NONE = "none"  # satisfied


#: Default severity of each verdict (configurable per rule, and per rule and verdict).
#: Weak is an error: the law asks the operator to obtain the undertaking, and a hedged,
#: partial or carved-out undertaking is not one, so a pre-signature gate fails on it.
VERDICT_SEVERITY = {
    Verdict.SATISFIED: Severity.NONE,
    Verdict.WEAK: Severity.ERROR,
    Verdict.CONTRADICTED: Severity.ERROR,
    Verdict.MISSING: Severity.ERROR,
    Verdict.NOT_APPLICABLE: Severity.NONE,
}

#: Precedence when combining: a contradiction anywhere beats a satisfying clause.
VERDICT_RANK = {Verdict.CONTRADICTED: 3, Verdict.SATISFIED: 2, Verdict.WEAK: 1, Verdict.MISSING: 0,
               Verdict.NOT_APPLICABLE: -1}


def shown_evidence(evidence: Sequence[Evidence], limit: int, riders: int = 2) -> list[Evidence]:
    """The passages a report quotes: the first ``limit`` that are not riders, and up to ``riders`` riders (the
    sentences whose words made the undertaking weak), in the order the verdict gives them: a rider never pushes an
    undertaking out, nor an undertaking the words the verdict names."""
    main = [ev for ev in evidence if ev.role != "rider"][:limit]
    extra = [ev for ev in evidence if ev.role == "rider"][:riders]
    keep = {id(ev) for ev in (*main, *extra)}
    return [ev for ev in evidence if id(ev) in keep]


@dataclass(slots=True)
class Evidence:
    """A span of ``Document.text`` with its provenance and why it was cited."""

    text: str
    start: int  # offsets into Document.text
    end: int
    block: int
    page: int | None
    section: str | None
    paragraph: int | None
    language: str
    role: str = "undertaking"  # undertaking | contradiction | weakener | rider | partial | near-miss | excluded | definition | obfuscation | unread
    #: (start, end) offsets, relative to ``text``, of the deciding words to highlight.
    highlights: list[tuple[int, int]] = field(default_factory=list)
    #: The source characters behind ``text`` when normalisation changed them (invisible characters,
    #: look-alikes, traditional Chinese): what the reader of the contract sees. None when equal to ``text``.
    original: str | None = None
    #: where on the page the text is (fractions of the page: x0, y0, x1, y1), for text read by OCR
    box: tuple[float, float, float, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        data = self._fields()
        if self.original is not None:
            data["original"] = self.original
        if self.box is not None:
            data["box"] = [round(v, 4) for v in self.box]
        return data

    def _fields(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "page": self.page,
            "section": self.section,
            "block": self.block,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "language": self.language,
            "role": self.role,
            "highlights": [list(h) for h in self.highlights],
        }


@dataclass(slots=True)
class Reason:
    """A machine-readable reason: ``code`` plus the words that decided it.

    Codes: element-found, element-missing, binding-undertaking, weakened-by,
    carve-out, partial-coverage, contradicted-by, overridden-by, not-supplier, recital,
    definition, near-miss, excluded-text, unseen-words (tiny, white or hidden words in an undertaking's own
    paragraph), unrecognised-qualifier (fail closed: the words no known-safe part
    of an undertaking accounts for), unidentified-right (a right to do the forbidden act held by a party the
    contract does not identify as buyer or supplier), separate-agreement (the undertaking is only to sign or
    observe a separate agreement whose text the contract does not hold: weak, the lawyer checks that agreement),
    ocr-uncertain (deciding words read by OCR below the confidence threshold), ocr-partial (a photo or part of a
    scan that stops inside the undertaking's own clause, whose later sub-clauses were not read).
    """

    code: str
    detail: str = ""
    element: str | None = None

    def __str__(self) -> str:
        parts = [self.code]
        if self.element:
            parts.append(f"[{self.element}]")
        if self.detail:
            parts.append(f': "{self.detail}"')
        return "".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "element": self.element, "detail": self.detail}


@dataclass(slots=True)
class RequirementResult:
    """The verdict on one requirement (for one language version, or combined)."""

    id: str  # CSR01..CSR04, or another pack's namespaced id (SEC01, PIPL21-01, ND01)
    name: str
    verdict: Verdict
    message: str
    evidence: list[Evidence] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    language: str | None = None  # None for the combined verdict
    #: per-language verdicts of a bilingual document, keyed "zh"/"en"
    by_language: dict[str, RequirementResult] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "verdict": str(self.verdict),
            "message": self.message,
            "language": self.language,
            "evidence": [e.to_dict() for e in self.evidence],
            "reasons": [r.to_dict() for r in self.reasons],
            "by_language": {k: v.to_dict() for k, v in self.by_language.items()},
        }


@dataclass(slots=True)
class Finding:
    """Anything else worth a warning: bilingual mismatch, hidden text, ..."""

    rule: str  # e.g. "bilingual-mismatch", "hidden-text"
    severity: Severity
    message: str
    requirement: str | None = None  # CSR id the finding concerns, if any
    evidence: list[Evidence] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "requirement": self.requirement,
            "evidence": [e.to_dict() for e in self.evidence],
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass(slots=True)
class Party:
    """A contracting party as the contract defines it.

    ``labels`` are the role words the contract uses for it, per language
    (``{"zh": ["乙方"], "en": ["Vendor"]}``); ``name`` is its legal name if found.
    """

    name: str | None = None
    labels: dict[str, list[str]] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    source: str = "default"  # definition | signature | role-words | letter | aligned | default | user
    #: the party's name per language where the contract gives one ("zh" -> 北桥系统有限公司), for reports
    names: dict[str, str] = field(default_factory=dict)

    @property
    def aliases(self) -> list[str]:
        out: list[str] = []
        for words in self.labels.values():
            out.extend(w for w in words if w not in out)
        if self.name and self.name not in out:
            out.append(self.name)
        return out

    def label(self, lang: str) -> str | None:
        words = self.labels.get(lang) or []
        return words[0] if words else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": self.aliases,
            "labels": self.labels,
            "source": self.source,
        }


@dataclass(slots=True)
class Roles:
    supplier: Party
    buyer: Party
    #: is the supplier a party to the document? Not in a buyer's notice to its suppliers, a policy, an article,
    #: or terms in which "the supplier" is a class of persons; such a document can hold no undertaking of it
    supplier_party: bool = True
    #: contract | letter (a commitment letter the supplier signs) | notice (a notice or policy) | other (an
    #: article, a memo: obligations but no instrument) | not-a-contract
    document: str = "contract"
    #: the words that decided ``document`` and ``supplier_party``
    basis: str = ""
    #: side -> language -> words presumed by drafting convention to name it (library ``roles.presumed``) in a
    #: document that names no supplier: read only to find who holds a right, never to count an undertaking
    presumed: dict[str, dict[str, list[str]]] = field(default_factory=dict)


@dataclass(slots=True)
class CheckResult:
    """Everything the matcher concluded about one document."""

    roles: Roles
    requirements: list[RequirementResult]
    findings: list[Finding] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)  # language versions evaluated

    def requirement(self, rule_id: str) -> RequirementResult:
        for result in self.requirements:
            if result.id == rule_id:
                return result
        raise KeyError(rule_id)
