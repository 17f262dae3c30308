"""JUnit XML for CI test tabs: a testsuite per document, a testcase per requirement.

A requirement (or finding) that makes the document fail at its ``fail-on``
level is a ``<failure>`` with the message and the evidence; a waived one is
``<skipped>`` with the waiver's reason and approver; one below the gate
passes with the message in ``<system-out>``. An unreadable document is a
suite with one ``<error>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..i18n import catalogue, t
from .github import waiver_text
from .model import DocumentReport, Report

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str | None) -> str:
    """Text safe for XML 1.0 (control characters dropped; escaping is ElementTree's job)."""
    return _XML_INVALID.sub("", text or "")


def _role(role: str, lang: str) -> str:
    """What a quotation is (undertaking, weakening words …) in words; a role the catalogue lacks stays a code."""
    return t(f"ci.role.{role}", lang) if f"ci.role.{role}" in catalogue() else role


def _said(code: str, english: str, localized: str | None) -> str:
    """The text a person reads in a CI test tab: the stable code, then the message in the report's language.
    The ``message`` attribute keeps the English for machines, so the body need not repeat it."""
    text = localized or english
    return f"{code}: {text}" if code else text


def _evidence_text(evidence, lang: str) -> str:  # type: ignore[no-untyped-def]
    """Each quotation with what it is and where it stands, in the report's language."""
    lines = []
    for ev in evidence:
        where = t("text.list_sep", lang).join(x for x in (
            t("ci.page", lang, page=ev.page) if ev.page is not None else "",
            t("ci.section", lang, section=ev.section) if ev.section else "",
            t("ci.paragraph", lang, paragraph=ev.paragraph) if ev.paragraph is not None else "") if x)
        sep = t("trace.list_sep", lang)
        lines.append(t("ci.evidence", lang, role=_role(ev.role, lang), where=sep + where if where else "", text=ev.text))
    return "\n".join(lines)


def _suite(doc: DocumentReport) -> ET.Element:
    lang = doc.ui_lang
    suite = ET.Element("testsuite", name=_x(doc.path))
    cases = 0
    failures = errors = skipped = 0
    if doc.status != "ok":
        case = ET.SubElement(suite, "testcase", classname="cliccheck.read", name="read document",
                             file=_x(doc.path))
        code = doc.error.code if doc.error else "internal"
        message = doc.error.message if doc.error else "not checked"
        said = (doc.error.localized or message) if doc.error else t("text.not_checked", lang)
        err = ET.SubElement(case, "error", type=_x(code), message=_x(message))
        err.text = _x(f"{doc.path}: {said} [{code}]\n{t('ci.never_passes', lang)}")
        cases, errors = 1, 1
    issues = {(i.kind, i.rule, i.message): i for i in doc.issues()}
    for req in doc.requirements:
        cases += 1
        case = ET.SubElement(suite, "testcase", classname=f"cliccheck.{req.id}", name=_x(f"{req.id} {req.name}"),
                             file=_x(doc.path))
        issue = issues.get(("requirement", req.id, req.message))
        body = _x(f"{_said(req.verdict, req.message, req.localized_message)}\n"
                  f"{_evidence_text(req.evidence, lang)}".strip())
        if req.not_applicable:
            skipped += 1
            ET.SubElement(case, "skipped", message=_x(f"not_applicable: {req.display_message}"))
        elif req.ok:
            if req.evidence:
                ET.SubElement(case, "system-out").text = body
        elif req.waived is not None:
            skipped += 1
            w = req.waived
            ET.SubElement(case, "skipped", message=_x(waiver_text(w, lang, "ci.waived_plain")))
            ET.SubElement(case, "system-out").text = body
        elif issue is not None and issue.failing:
            failures += 1
            fail = ET.SubElement(case, "failure", type=_x(req.verdict), message=_x(f"{req.verdict}: {req.message}"))
            fail.text = body
        else:
            ET.SubElement(case, "system-out").text = _x(f"[{req.severity}] ") + body
    for finding in doc.findings:
        cases += 1
        case = ET.SubElement(suite, "testcase", classname=f"cliccheck.{finding.rule}",
                             name=_x(f"{finding.rule}{' ' + finding.requirement if finding.requirement else ''}"),
                             file=_x(doc.path))
        body = _x(f"{_said('', finding.message, finding.localized_message)}\n"
                  f"{_evidence_text(finding.evidence, lang)}".strip())
        failing = any(i.failing for i in doc.issues() if i.kind == "finding" and i.rule == finding.rule
                      and i.message == finding.message)
        if finding.waived is not None:
            skipped += 1
            ET.SubElement(case, "skipped", message=_x(waiver_text(finding.waived, lang, "ci.waived_plain")))
        elif failing:
            failures += 1
            ET.SubElement(case, "failure", type=_x(finding.rule), message=_x(finding.message)).text = body
        else:
            ET.SubElement(case, "system-out").text = _x(f"[{finding.severity}] ") + body
    suite.set("tests", str(cases))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", str(skipped))
    if doc.seconds is not None:
        suite.set("time", f"{doc.seconds:.3f}")
    return suite


def render(report: Report, **_: object) -> str:
    root = ET.Element("testsuites", name="cliccheck")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for doc in report.documents:
        suite = _suite(doc)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
        root.append(suite)
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
