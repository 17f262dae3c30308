"""SARIF 2.1.0 for code-scanning dashboards.

One run. Rule metadata carries the legal basis in its help text and links to
the README section of the rule. Each requirement that is not satisfied and
each finding is a result; a waived one carries an accepted ``suppression``
(with the reason and approver) instead of disappearing. An unreadable
document is an error result of rule ``read-error`` and a tool notification.

Offsets (``charOffset``/``charLength``) are into the extracted text that
``cliccheck extract`` prints, not into the raw file (a DOCX is a zip); the
page, section and paragraph in ``properties`` locate it in the document.
``partialFingerprints`` hash the rule id and the normalised evidence text, so
a result keeps its identity when text elsewhere in the contract moves.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .model import DocumentReport, Issue, Report
from .rules import rule_info

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "note": "note", "none": "none"}


def artifact_uri(path: str) -> str:
    """A relative URI in every case: an absolute path is made relative to the working folder (the
    repository being checked), never a file:// URI naming the machine that ran the check."""
    if path.startswith("<"):
        return quote(path.strip("<>"))
    return quote(relative_path(path))


def relative_path(path: str) -> str:
    """``path`` relative to the working folder, with forward slashes (``..`` when it lies outside)."""
    import os

    p = Path(path)
    if p.is_absolute():
        try:
            p = Path(os.path.relpath(p, Path.cwd()))
        except ValueError:  # another drive (Windows): keep only the name
            p = Path(p.name)
    return p.as_posix()


def line_of(doc: DocumentReport, ev) -> int | None:  # type: ignore[no-untyped-def]
    """The 1-based line of the evidence in a text or Markdown draft (the source file's own lines), else None."""
    if doc.format != "text" or ev.start < 0:
        return None
    return doc.lines.get(ev.block)


def fingerprint(rule: str, text: str) -> str:
    """Stable across runs and edits elsewhere: rule id + whitespace/case-normalised evidence."""
    norm = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha256(f"{rule}\0{norm}".encode()).hexdigest()[:32]


def _rules(report: Report) -> tuple[list[dict[str, Any]], dict[str, int]]:
    ids: list[tuple[str, str]] = []
    for rule_id in ("CSR01", "CSR02", "CSR03", "CSR04"):
        ids.append((rule_id, rule_id))  # the csr pack's rules keep their indices whatever packs ran
    for doc in report.documents:
        for req in doc.requirements:
            if req.id not in {i for i, _ in ids}:
                ids.append((req.id, req.name))
        for issue in doc.issues():
            if issue.rule not in {i for i, _ in ids}:
                ids.append((issue.rule, issue.name))
    names = {r.id: r.name for d in report.documents for r in d.requirements}
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for rule_id, name in ids:
        info = rule_info(rule_id, names.get(rule_id, name))
        index[rule_id] = len(rules)
        rules.append({
            "id": info.id,
            "name": info.name,
            "shortDescription": {"text": info.short},
            "fullDescription": {"text": info.full},
            "help": {"text": info.help_text},
            "helpUri": info.help_uri,
            "defaultConfiguration": {"level": info.default_level},
            "properties": {"tags": ["contract", "cybersecurity-review"],
                           **({"legalBasis": info.legal_basis} if info.legal_basis else {})},
        })
    return rules, index


def _location(doc: DocumentReport, issue: Issue) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(doc.path)}}
    location: dict[str, Any] = {"physicalLocation": physical}
    if issue.evidence:
        ev = issue.evidence[0]
        physical["region"] = {
            **({"startLine": line} if (line := line_of(doc, ev)) else {}),
            "charOffset": ev.start,
            "charLength": max(ev.end - ev.start, 0),
            "snippet": {"text": ev.text},
        }
        props = {"page": ev.page, "section": ev.section, "paragraph": ev.paragraph, "block": ev.block,
                 "language": ev.language}
        location["properties"] = {k: v for k, v in props.items() if v is not None}
    return location


def _result(doc: DocumentReport, issue: Issue, index: dict[str, int]) -> dict[str, Any]:
    key_text = issue.evidence[0].text if issue.evidence else f"{issue.verdict or issue.kind}:{issue.message}"
    result: dict[str, Any] = {
        "ruleId": issue.rule,
        "ruleIndex": index[issue.rule],
        "level": LEVELS.get(issue.severity, "warning"),
        # SARIF's own word for a rule that does not apply to this artifact (level must then be none)
        **({"kind": "notApplicable"} if issue.verdict == "not_applicable" else {}),
        "message": {"text": issue.message if not issue.verdict else f"{issue.verdict}: {issue.message}"},
        "locations": [_location(doc, issue)],
        "partialFingerprints": {"cliccheck/evidence/v1": fingerprint(issue.rule, key_text)},
    }
    props: dict[str, Any] = {}
    if issue.verdict:
        props["verdict"] = issue.verdict
    if issue.localized_message and issue.localized_message != issue.message:
        props["localizedMessage"] = {"lang": doc.ui_lang, "text": issue.localized_message}
    if issue.evidence:
        ev = issue.evidence[0]
        props.update({k: v for k, v in (("page", ev.page), ("section", ev.section),
                                         ("paragraph", ev.paragraph)) if v is not None})
    if len(issue.evidence) > 1:
        result["relatedLocations"] = [
            {"id": n, "physicalLocation": {"artifactLocation": {"uri": artifact_uri(doc.path)},
                                           "region": {"charOffset": ev.start,
                                                      "charLength": max(ev.end - ev.start, 0),
                                                      "snippet": {"text": ev.text}}},
             "message": {"text": ev.role}}
            for n, ev in enumerate(issue.evidence[1:], start=1)
        ]
    if issue.waived is not None:
        w = issue.waived
        justification = f"{w.reason} (approved by {w.approved_by}" + \
            (f", expires {w.expires})" if w.expires else ")")
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": justification,
                                   **({"location": {"physicalLocation": {"artifactLocation": {
                                       "uri": artifact_uri(w.source.rsplit(":", 1)[0])}}}}
                                      if w.source else {})}]
    if props:
        result["properties"] = props
    return result


def to_sarif_dict(report: Report) -> dict[str, Any]:
    rules, index = _rules(report)
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    artifacts: list[dict[str, Any]] = []
    for doc in report.documents:
        artifact: dict[str, Any] = {"location": {"uri": artifact_uri(doc.path)}}
        if doc.sha256:
            artifact["hashes"] = {"sha-256": doc.sha256}
        if doc.format:
            artifact["properties"] = {"format": doc.format, "language": doc.language, "pages": doc.pages,
                                      "passed": doc.passed}
        artifacts.append(artifact)
        for issue in doc.issues():
            results.append(_result(doc, issue, index))
            if issue.kind == "read-error":
                notifications.append({
                    "level": "error",
                    "message": {"text": f"{doc.path}: {issue.message} [{issue.name}]"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(doc.path)}}}],
                    "descriptor": {"id": "read-error"},
                })
    invocation: dict[str, Any] = {
        "executionSuccessful": all(d.status == "ok" for d in report.documents),
        "exitCode": report.exit_code,
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "cliccheck",
                "version": report.tool_version,
                "semanticVersion": report.tool_version,
                "informationUri": "https://github.com/cliccheck/cliccheck",
                "rules": rules,
            }},
            "invocations": [invocation],
            "artifacts": artifacts,
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": {"offsets": "into the extracted text shown by `cliccheck extract`"},
        }],
    }


def render(report: Report, **_: object) -> str:
    return json.dumps(to_sarif_dict(report), ensure_ascii=False, indent=2) + "\n"
