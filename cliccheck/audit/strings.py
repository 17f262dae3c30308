"""Every human-facing string of the audit (English for now), in one place for localisation.

Machine identifiers (register columns, CSV/JSON keys, error codes) are not here:
they are an interface and never translated.
"""

from __future__ import annotations

#: verdict (or document status) -> label
VERDICT_LABELS: dict[str, str] = {
    "satisfied": "satisfied",
    "weak": "weak",
    "contradicted": "contradicted",
    "missing": "missing",
    "not_applicable": "not applicable",
    "not-read": "not read",
}

#: requirement id -> short label for charts and headings
REQUIREMENT_LABELS: dict[str, str] = {
    "CSR01": "CSR01 review cooperation",
    "CSR02": "CSR02 no illegal data collection",
    "CSR03": "CSR03 no illegal device control",
    "CSR04": "CSR04 no unjustified supply suspension",
}

#: register/CSV column -> heading in the XLSX and the dashboard
COLUMN_LABELS: dict[str, str] = {
    "path": "Document",
    "size": "Size (bytes)",
    "sha256": "SHA-256",
    "format": "Format",
    "pages": "Pages",
    "ocr": "OCR",
    "language": "Language",
    "supplier": "Supplier",
    "status": "Status",
    "passed": "Passes",
    "worst_severity": "Worst severity",
    "error_code": "Error code",
    "error_message": "Error",
    "tool_version": "Tool version",
    "library_hash": "Rule library hash",
    "checked_at": "Checked at (UTC)",
    "seconds": "Seconds",
    "requirement": "Requirement",
    "verdict": "Verdict",
    "severity": "Severity",
    "page": "Page",
    "section": "Clause",
    "first_words": "Evidence (first words)",
    "waived_by": "Waived by",
    "waiver_reason": "Waiver reason",
    "documents": "Documents",
    "failing": "Failing",
    "unreadable": "Not read",
    "score": "Priority score",
    "run": "Run",
    "before": "Before",
    "after": "After",
    "business_unit": "Business unit",
}

SHEETS = {
    "summary": "Summary",
    "documents": "Documents",
    "requirements": "Requirements",
    "suppliers": "Suppliers",
    "units": "Business units",
    "fix_first": "Fix first",
    "changes": "Changes",
}

TITLE = "Contract audit: Art. 6 Cybersecurity Review undertakings"
NO_SUPPLIER = "(supplier not identified)"
NO_UNIT = "(no business unit)"
TRUNCATED = "Truncated at {rows} rows (the spreadsheet limit); the CSV and JSON exports have every row."
YES, NO = "yes", "no"

DASHBOARD = {
    "subtitle": "Register {db}: {documents} documents, generated {generated} by cliccheck {version}",
    "totals": "Totals",
    "passing": "pass",
    "failing": "fail",
    "unreadable": "could not be read",
    "by_requirement": "Verdicts per requirement",
    "by_supplier": "Suppliers with the most failing contracts",
    "by_unit": "Failing contracts per business unit",
    "fix_first": "Contracts to fix first",
    "fix_first_note": ("Ranked by unwaived contradicted (3 points), missing (2) and weak (1) undertakings; "
                       "a contract that could not be read counts 8."),
    "changes": "Change since the previous run",
    "no_previous": "No previous completed run to compare with.",
    "change_row": "{requirement} {verdict}: {before} → {after}",
    "changed_documents": "Documents whose verdicts changed in the last run ({count})",
    "new_documents": "Documents added in the last run: {count}",
    "none": "None.",
    "runs": "Runs",
    "run_documents": "{seen} ({checked} read, {skipped} unchanged)",
    "no_data": "no data",
}

PROGRESS = {
    "unit": "doc",
    "desc": "audit",
    "postfix": "checked {checked}, unchanged {skipped}, errors {errors}",
}

SUMMARY_LINE = ("cliccheck: audited {seen} documents: {checked} checked, {skipped} unchanged since the last run; "
                "{failed} fail, {unreadable} could not be read; register {db}")
WROTE = "cliccheck: wrote {fmt} audit report to {output}"
