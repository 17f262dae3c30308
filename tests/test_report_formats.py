"""Every output format, rendered from the same hand-built report and validated.

JSON against cliccheck/report.schema.json, SARIF against the official 2.1.0
schema, JUnit parsed as XML, GitHub annotations by their escaping rules.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from report_samples import SUPPLIER, sample_doc_report, sample_document, sample_report, sample_result

from cliccheck.config import Config, Waiver
from cliccheck.report import FORMATS, render
from cliccheck.report.build import build_document_report
from cliccheck.report.model import Report

REPO = Path(__file__).resolve().parents[1]


def sarif_schema_path() -> Path:
    for candidate in (REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json",
                      Path("/work/shared/schemas/sarif-schema-2.1.0.json")):
        if candidate.is_file():
            return candidate
    pytest.skip("the official SARIF 2.1.0 schema is not available next to the repository")


def validate_json_report(data: dict) -> None:
    schema = json.loads((REPO / "cliccheck" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)


def validate_sarif(data: dict) -> None:
    schema = json.loads(sarif_schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(data)


def waived_config() -> Config:
    """CSR04 waived, and the sample's weak CSR02 lowered to a warning: a document that passes the gate."""
    return Config(verdict_severity={"weak": {"CSR02": "warning"}}, waivers=(Waiver(rule="CSR04", reason="MSA §12 guarantees supply continuity",
                                  approved_by="Legal – J. Chen", paths=("contracts/*.txt",), root=".",
                                  source=".cliccheck.toml", line=3),))


def test_format_table_feeds_every_renderer() -> None:
    report = sample_report()
    for fmt in FORMATS:
        out = render(report, fmt)
        assert out.strip(), fmt
    with pytest.raises(ValueError, match="unknown format"):
        render(report, "yaml")


# -- JSON ------------------------------------------------------------------------------------------

def test_json_is_valid_against_the_committed_schema() -> None:
    data = json.loads(render(sample_report(), "json"))
    validate_json_report(data)
    assert data["schema_version"] == 1
    assert data["tool"]["name"] == "cliccheck"
    ok, bad = data["documents"]
    assert [r["id"] for r in ok["requirements"]] == ["CSR01", "CSR02", "CSR03", "CSR04"]
    assert ok["status"] == "ok" and ok["error"] is None and ok["passed"] is False
    assert ok["supplier"]["name"] == SUPPLIER
    csr04 = ok["requirements"][3]
    assert csr04["verdict"] == "contradicted" and csr04["severity"] == "error"
    assert csr04["evidence"][0]["section"] == "9.4" and csr04["evidence"][0]["page"] == 2
    assert ok["requirements"][2]["by_language"] == {"zh": "satisfied", "en": "missing"}
    assert bad["status"] == "error" and bad["passed"] is False
    assert bad["error"] == {"code": "no-text-layer", "message": "a PDF without text (a scan): OCR it first"}
    assert data["summary"]["exit_code"] == 2 and data["summary"]["unreadable"] == 1


def test_json_is_stable_between_runs_and_after_waiver() -> None:
    assert render(sample_report(), "json") == render(sample_report(), "json")
    data = json.loads(Report([sample_doc_report(waived_config())]).to_json())
    validate_json_report(data)
    csr04 = data["documents"][0]["requirements"][3]
    assert csr04["waived"]["approved_by"] == "Legal – J. Chen"
    assert csr04["waived"]["source"] == ".cliccheck.toml:3"
    assert data["documents"][0]["passed"] is True  # only warnings remain at fail-on error
    assert data["summary"]["waived"] == 1


def test_schema_rejects_a_report_that_drifts() -> None:
    data = json.loads(render(sample_report(), "json"))
    data["documents"][0]["requirements"][0]["verdict"] = "ok"
    with pytest.raises(jsonschema.ValidationError):
        validate_json_report(data)


# -- SARIF -----------------------------------------------------------------------------------------

def test_sarif_is_valid_against_the_official_schema() -> None:
    data = json.loads(sample_report().to_sarif())
    validate_sarif(data)
    assert data["version"] == "2.1.0" and len(data["runs"]) == 1
    run = data["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert {"CSR01", "CSR02", "CSR03", "CSR04", "read-error", "bilingual-mismatch"} <= set(rules)
    assert rules["CSR04"]["helpUri"] == "https://github.com/cliccheck/cliccheck#csr04"
    assert rules["CSR04"]["name"] == "no-unjustified-supply-suspension"
    assert "Legal basis" in rules["CSR04"]["help"]["text"]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    csr04 = by_rule["CSR04"]
    assert csr04["level"] == "error"
    region = csr04["locations"][0]["physicalLocation"]["region"]
    doc = sample_document()
    assert doc.text[region["charOffset"]:region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
    assert csr04["properties"]["section"] == "9.4" and csr04["properties"]["page"] == 2
    assert csr04["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "contracts/acme-supply.txt"
    assert by_rule["CSR02"]["level"] == "error"  # weak fails the gate by default
    assert "CSR01" not in by_rule  # satisfied requirements are not results
    assert by_rule["read-error"]["level"] == "error"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_fingerprints_survive_text_moving_elsewhere() -> None:
    first = json.loads(Report([sample_doc_report()]).to_sarif())["runs"][0]["results"]
    doc = sample_document()
    doc.blocks[0].text = "Schedule 1 was amended on 1 March. " + doc.blocks[0].text  # text before moves
    doc.reindex()
    moved = build_document_report(doc, sample_result(doc), Config(), path="contracts/acme-supply.txt")
    second = json.loads(Report([moved]).to_sarif())["runs"][0]["results"]
    offsets = lambda rs: [r["locations"][0]["physicalLocation"].get("region", {}).get("charOffset") for r in rs]  # noqa: E731
    assert offsets(first) != offsets(second)
    assert [r["partialFingerprints"] for r in first] == [r["partialFingerprints"] for r in second]
    assert len({json.dumps(r["partialFingerprints"]) for r in first}) == len(first)


def test_sarif_marks_a_waived_result_as_suppressed() -> None:
    data = json.loads(Report([sample_doc_report(waived_config())]).to_sarif())
    validate_sarif(data)
    csr04 = next(r for r in data["runs"][0]["results"] if r["ruleId"] == "CSR04")
    (suppression,) = csr04["suppressions"]
    assert suppression["status"] == "accepted"
    assert "Legal – J. Chen" in suppression["justification"]


# -- JUnit -----------------------------------------------------------------------------------------

def test_junit_has_a_suite_per_document_and_a_case_per_requirement() -> None:
    root = ET.fromstring(render(sample_report(), "junit"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["contracts/acme-supply.txt", "contracts/scan.pdf"]
    ok, bad = suites
    cases = {c.get("classname"): c for c in ok.findall("testcase")}
    assert {"cliccheck.CSR01", "cliccheck.CSR02", "cliccheck.CSR03", "cliccheck.CSR04"} <= set(cases)
    failure = cases["cliccheck.CSR04"].find("failure")
    assert failure is not None and failure.get("type") == "contradicted"
    assert "may suspend the supply of products" in failure.text
    assert cases["cliccheck.CSR01"].find("failure") is None
    assert cases["cliccheck.CSR02"].find("failure") is not None  # weak is an error by default
    assert ok.get("failures") == "2" and ok.get("tests") == str(len(cases))  # CSR02 weak, CSR04 contradicted
    error = bad.find("testcase/error")
    assert error is not None and error.get("type") == "no-text-layer"
    assert root.get("errors") == "1"


def test_junit_waived_is_skipped_and_hostile_text_stays_text() -> None:
    xml = render(Report([sample_doc_report(waived_config())]), "junit")
    root = ET.fromstring(xml)
    case = next(c for c in root.iter("testcase") if c.get("classname") == "cliccheck.CSR04")
    skipped = case.find("skipped")
    assert skipped is not None and "J. Chen" in skipped.get("message")
    assert "<Systems>" not in xml.replace("&lt;Systems&gt;", "")


# -- GitHub ----------------------------------------------------------------------------------------

def test_github_annotations_are_escaped() -> None:
    report = sample_report()
    report.documents[0].path = "vendors/acme, inc:draft%1.txt"
    report.documents[0].requirements[3].localized_message = "line one\nline two: 100% sure"
    out = render(report, "github")
    lines = out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 4  # CSR02 weak, CSR04 contradicted, the mismatch warning, the read error
    csr04 = next(line for line in commands if "title=CSR04" in line)
    assert csr04.startswith("::error file=vendors/acme%2C inc%3Adraft%251.txt,title=CSR04 ")
    assert "line one%0Aline two: 100%25 sure" in csr04
    assert any(line.startswith("::error ") and "title=CSR02" in line for line in commands)
    assert any(line.startswith("::error file=contracts/scan.pdf,") for line in commands)


def test_github_waived_becomes_a_notice() -> None:
    out = render(Report([sample_doc_report(waived_config())]), "github")
    csr04 = next(line for line in out.splitlines() if "title=CSR04" in line)
    assert csr04.startswith("::notice ") and "waived by Legal – J. Chen" in csr04


# -- text ------------------------------------------------------------------------------------------

def test_text_reads_like_a_report_for_a_lawyer() -> None:
    out = render(sample_report(), "text", width=100)
    assert "\033[" not in out
    # a lawyer's reference: page and the contract's clause number; the tool's ¶ counter only in machine formats
    assert "✖ CSR04 no-unjustified-supply-suspension — contradicted (page 2, clause 9.4" in out
    assert "¶" not in out
    assert "✔ CSR01 review-cooperation — satisfied" in out
    assert "✖ CSR02" in out and "weakened by: " in out and "weakened-by" not in out  # words, not codes
    assert "«may suspend»" in out  # the deciding words, marked without colour
    assert "could not be read: a PDF without text" in out and "[no-text-layer]" in out
    assert out.rstrip().endswith("2 documents checked: 0 passed, 1 failed, 1 could not be read "
                                 "(2 errors, 1 warning).")


def test_text_colour_only_when_asked() -> None:
    coloured = render(sample_report(), "text", color=True)
    assert "\033[1;31m✖\033[0m" in coloured
    assert "\033[1;4mmay suspend\033[0m" in coloured and "«" not in coloured


def test_text_shows_the_waiver_audit_trail() -> None:
    out = render(Report([sample_doc_report(waived_config())]), "text", width=100)
    assert "contradicted [waived]" in out
    assert "waived by Legal – J. Chen: MSA §12 guarantees supply continuity" in out
    assert "PASS" in out


@pytest.mark.parametrize("width", [40, 57, 80, 120])
def test_text_wraps_by_display_width_with_cjk(width: int) -> None:
    from wcwidth import wcswidth

    report = Report([sample_doc_report()])
    report.documents[0].requirements[3].localized_message = "乙方有权随时以任何理由停止供货，且无需通知甲方；" * 6
    out = render(report, "text", width=width)
    for line in out.splitlines():
        if line.startswith("contracts/") or " CSR0" in line[:12] or "bilingual-mismatch" in line[:30]:
            continue  # a header line is not wrapped below its own length
        assert wcswidth(line) <= width, (width, line)
        assert not re.match(r"\s*[，。；：）」]", line), line
    assert "乙方有权随时以任何理由停止供货" in out.replace("\n    ", "")
    # wrapping breaks between CJK characters but never puts a space between them ("'原 则上应'", issue 12)
    assert "乙方有权随时以任何理由停止供货，且无需通知甲方；" * 6 in out.replace("\n    ", "")


def test_quiet_text_lists_only_failing_documents() -> None:
    passing = sample_doc_report(waived_config(), path="contracts/good.txt")
    report = Report([passing, sample_doc_report()])
    out = render(report, "text", quiet=True)
    assert "contracts/good.txt" not in out and "contracts/acme-supply.txt" in out
    assert "✔ CSR01" not in out


def test_formats_never_emit_control_characters_from_evidence() -> None:
    report = Report([sample_doc_report()])
    report.documents[0].requirements[3].evidence[0].text += "\x1b[2J\x07"
    for fmt in ("text", "junit", "github"):
        out = render(report, fmt)
        assert "\x1b[2J" not in out and "\x07" not in out, fmt


def test_adjacent_deciding_words_are_marked_as_one_phrase() -> None:
    from cliccheck.report.html import highlight
    from cliccheck.verdicts import Evidence

    text = "The Vendor shall not interrupt supply."
    ev = Evidence(text=text, start=0, end=len(text), block=0, page=None, section=None, paragraph=0,
                  language="en", highlights=[(11, 16), (17, 20), (4, 10), (21, 30)])
    report = Report([sample_doc_report()])
    report.documents[0].requirements[0].evidence = [ev]
    assert "“The «Vendor shall not interrupt» supply.”" in render(report, "text")
    assert str(highlight(ev)) == "The <mark>Vendor shall not interrupt</mark> supply."
