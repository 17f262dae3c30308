"""Document-level verdicts: a document with no supplier party holds no supplier undertaking.

A buyer's notice to its suppliers ("各供应商：…严禁外协人员…"), an internal policy, a news article, terms in
which "the supplier" is a class of persons, or a file that is no contract at all (a README, a TOML file) may
contain the very words of an undertaking; none of them binds a supplier. The roles pass
(:func:`cliccheck.roles.find_roles`) says what the document is; this module turns that into a finding that
fails the gate and keeps every requirement from passing.
"""

from __future__ import annotations

from ..model import Document
from ..verdicts import Evidence, Finding, Reason, RequirementResult, Roles, Severity, Verdict

__all__ = ["NOT_A_CONTRACT", "NO_SUPPLIER_PARTY", "document_bound", "document_findings"]

NO_SUPPLIER_PARTY = "no supplier party found: not a contract with a supplier"
NOT_A_CONTRACT = "this does not look like a contract"


def _message(roles: Roles) -> str | None:
    if roles.document == "not-a-contract":
        return NOT_A_CONTRACT
    if not roles.supplier_party:
        return NO_SUPPLIER_PARTY
    return None


def document_findings(doc: Document, roles: Roles) -> list[Finding]:
    """One error finding when the document is no contract, or no contract with a supplier."""
    message = _message(roles)
    if message is None:
        return []
    rule = "not-a-contract" if roles.document == "not-a-contract" else "no-supplier-party"
    first = next((b for b in doc.blocks if b.is_body and b.text.strip()), None)
    evidence = [Evidence(text=first.text, start=first.start, end=first.end, block=first.index, page=first.page,
                         section=first.section, paragraph=first.paragraph, language=first.language,
                         role="near-miss")] if first is not None else []
    detail = f"{roles.document}: {roles.basis}" if roles.basis else roles.document
    return [Finding(rule=rule, severity=Severity.ERROR, message=f"{message[0].upper()}{message[1:]} ({detail}).",
                    evidence=evidence, reasons=[Reason(rule, detail)])]


def document_bound(result: RequirementResult, roles: Roles) -> RequirementResult:
    """No requirement is met in a document whose supplier is not a party: whatever wording was found binds no
    supplier, so the verdict is ``missing`` (reason ``not-supplier``), with that wording kept as the nearest
    miss and the message saying why."""
    message = _message(roles)
    if message is None:
        return result
    reason = Reason("not-supplier", message)
    for version in (result, *result.by_language.values()):
        found = version.verdict != Verdict.MISSING
        version.verdict = Verdict.MISSING
        version.message = (f"{message[0].upper()}{message[1:]}; nearest wording: {version.message}" if found
                           else f"{message[0].upper()}{message[1:]}: {version.message}")
        version.reasons = [reason, *version.reasons]
        for ev in version.evidence:
            ev.role = "near-miss"
    return result
