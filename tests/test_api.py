"""The Python API: typed report back, never prints or exits, documented exceptions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_batch import CONTRACT_EN, needs_matcher
from test_report_formats import validate_json_report, validate_sarif

import cliccheck
from cliccheck.api import Report, RequirementReport
from cliccheck.errors import CliccheckError, ConfigError, DocumentError


def test_unreadable_input_raises_a_document_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(DocumentError) as info:
        cliccheck.lint(b"", filename="draft.txt")
    assert info.value.code == "empty-file" and info.value.path == "draft.txt"
    with pytest.raises(DocumentError) as info:
        cliccheck.lint(tmp_path / "missing.docx")
    assert info.value.code == "not-found"
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0 legacy word")
    with pytest.raises(DocumentError, match=r"convert it to \.docx"):
        cliccheck.lint(legacy)
    assert issubclass(DocumentError, CliccheckError)
    assert capsys.readouterr() == ("", "")


def test_bad_config_mapping_raises_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown key 'fail_on'"):
        cliccheck.lint(b"text", filename="x.txt", config={"fail_on": "warning"})
    with pytest.raises(TypeError):
        cliccheck.lint(12345)  # type: ignore[arg-type]


@needs_matcher
def test_lint_a_path_returns_a_typed_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "supply.txt"
    path.write_text(CONTRACT_EN, encoding="utf-8")
    report = cliccheck.lint(path)
    assert isinstance(report, Report)
    assert report.passed and report.exit_code == 0 and report.failures == []
    assert all(isinstance(r, RequirementReport) for r in report.requirements)
    assert [r.verdict for r in report.requirements] == ["satisfied"] * 4
    assert report.documents[0].supplier.name == "Northbridge Systems Ltd."
    validate_json_report(json.loads(report.to_json()))
    validate_sarif(json.loads(report.to_sarif()))
    assert capsys.readouterr() == ("", "")


@needs_matcher
def test_lint_bytes_with_config_mapping_and_the_gate_example() -> None:
    partial = CONTRACT_EN.split("4. Equipment")[0].encode()
    report = cliccheck.lint(partial, filename="draft.txt", config={"fail-on": "error", "ignore": ["CSR04"]})
    assert [r.id for r in report.requirements] == ["CSR01", "CSR02", "CSR03"]
    assert not report.passed and report.exit_code == 1
    # the README's five-line gate
    failures = [(i.rule, i.verdict) for i in report.failures]
    assert failures == [("CSR03", "missing")]
    waived = cliccheck.lint(partial, filename="draft.txt", config={"severity": {"CSR03": "warning"},
                                                                   "ignore": ["CSR04"]})
    assert waived.passed


@needs_matcher
def test_suggested_clauses_for_the_html_report() -> None:
    partial = CONTRACT_EN.split("5. Continuity")[0].encode()
    report = cliccheck.lint(partial, filename="draft.txt", suggest=True)
    suggestions = report.documents[0].suggestions
    assert set(suggestions) == {"CSR04"}
    assert set(suggestions["CSR04"]) == {"zh", "en"}
    assert "Supplier" in suggestions["CSR04"]["en"]
    html = report.render("html")
    assert "Suggested clause (English)" in html and "Suggested clause (Chinese)" in html
