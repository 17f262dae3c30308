"""`cliccheck lint` end to end: exit codes, formats on stdout and -o, config, stdin, colour."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_batch import CONTRACT_EN, needs_matcher
from test_report_formats import validate_json_report, validate_sarif

from cliccheck.cli import cli
from cliccheck.commands.lint import use_color
from cliccheck.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

PARTIAL_EN = CONTRACT_EN.split("3. User data")[0]  # CSR02-04 missing

WEAK_ZH = """\
设备采购合同

甲方（采购方）：海港电网运营有限公司
乙方（供应方）：北桥系统有限公司

第一条 乙方应当配合有关主管部门依法开展的网络安全审查。
第二条 乙方不得利用提供产品和服务的便利条件非法获取用户数据。
第三条 乙方不得非法控制和操纵用户设备。
第四条 乙方原则上不得无正当理由中断产品供应或者必要的技术支持服务。
"""


def run(args: list[str], input: bytes | None = None, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    runner = CliRunner()
    return runner.invoke(cli, ["lint", *args], input=input, env=env, catch_exceptions=False)


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "good.txt").write_text(CONTRACT_EN, encoding="utf-8")
    (folder / "partial.txt").write_text(PARTIAL_EN, encoding="utf-8")
    (folder / "weak-zh.md").write_text(WEAK_ZH, encoding="utf-8")
    return folder


def test_usage_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # no path lints the current folder (like ruff): an empty one has nothing to check
    monkeypatch.chdir(tmp_path)
    result = run([])
    assert result.exit_code == EXIT_ERROR and "no documents to check" in result.output
    assert run(["x.txt", "--format", "yaml"]).exit_code == EXIT_ERROR
    result = run([str(tmp_path / "x.txt"), "--select", "CSR9"])
    assert result.exit_code == EXIT_ERROR and "unknown rule 'CSR9'" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run([str(empty)])
    assert result.exit_code == EXIT_ERROR and "no documents to check" in result.output


def test_help_has_examples_and_exit_codes() -> None:
    result = run(["--help"])
    assert result.exit_code == 0
    for text in ("Examples:", "--format sarif", "Exit codes:", "--fail-on", "NO_COLOR", "--print-config"):
        assert text in result.output


def test_print_config_is_a_valid_config(tmp_path: Path) -> None:
    result = run(["--print-config"])
    assert result.exit_code == 0 and "[[waiver]]" in result.output
    (tmp_path / ".cliccheck.toml").write_text(result.output, encoding="utf-8")
    from cliccheck.config import load_config

    assert load_config(tmp_path / ".cliccheck.toml").fail_on == "error"


def test_unreadable_document_exits_2_but_the_others_are_reported(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run([str(tmp_path / "empty.txt"), str(tmp_path / "missing.docx"), "--format", "json"])
    assert result.exit_code == EXIT_ERROR
    data = json.loads(result.stdout)
    validate_json_report(data)
    assert [d["error"]["code"] for d in data["documents"]] == ["empty-file", "not-found"]
    assert all(d["passed"] is False for d in data["documents"])


def test_output_file_is_written_atomically_and_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "report.json"
    out.write_text("previous", encoding="utf-8")
    result = run([str(tmp_path / "empty.txt"), "--format", "json", "-o", str(out)])
    assert result.exit_code == EXIT_ERROR and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "previous"
    result = run([str(tmp_path / "empty.txt"), "--format", "json", "-o", str(out), "--force"])
    assert json.loads(out.read_text(encoding="utf-8"))["documents"][0]["error"]["code"] == "empty-file"
    assert result.stdout == ""
    result = run([str(tmp_path / "empty.txt"), "-o", str(tmp_path / "empty.txt"), "--force"])
    assert result.exit_code == EXIT_ERROR and "is the input file" in result.output


def test_bad_config_file_exits_2_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / ".cliccheck.toml").write_text('lang = "auto"\nfail-on = "always"\n', encoding="utf-8")
    (tmp_path / "c.txt").write_text(CONTRACT_EN, encoding="utf-8")
    result = run([str(tmp_path / "c.txt")])
    assert result.exit_code == EXIT_ERROR
    assert f"{tmp_path / '.cliccheck.toml'}:2: fail-on must be one of" in result.output


def test_no_color_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(False, None, Tty()) is True
    assert use_color(True, None, Tty()) is False  # --no-color
    assert use_color(False, "report.txt", Tty()) is False  # a file
    assert use_color(False, None, object()) is False  # not a terminal
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(False, None, Tty()) is False


# -- with the matcher ------------------------------------------------------------------------------

@needs_matcher
@pytest.mark.slow
def test_exit_codes_follow_fail_on(drafts: Path) -> None:
    good = str(drafts / "good.txt")
    first = run([good])
    assert first.exit_code == EXIT_OK, first.output
    assert run([str(drafts / "partial.txt")]).exit_code == EXIT_FINDINGS
    assert run([str(drafts / "partial.txt"), "--fail-on", "never"]).exit_code == EXIT_OK
    weak = str(drafts / "weak-zh.md")
    result = run([weak, "--format", "json"])
    data = json.loads(result.stdout)
    verdicts = {r["id"]: r["verdict"] for r in data["documents"][0]["requirements"]}
    assert verdicts["CSR04"] == "weak", verdicts
    assert result.exit_code == EXIT_FINDINGS  # a weak undertaking is not the one the law asks for
    lowered = drafts / "lowered.toml"
    lowered.write_text('[severity.weak]\nCSR04 = "warning"\n', encoding="utf-8")
    assert run([weak, "--config", str(lowered)]).exit_code == EXIT_OK  # lowered on purpose: a warning
    assert run([weak, "--config", str(lowered), "--fail-on", "warning"]).exit_code == EXIT_FINDINGS
    assert run([weak, "--fail-on", "warning", "--ignore", "CSR04"]).exit_code == EXIT_OK
    assert run([good, str(drafts / "nope.pdf")]).exit_code == EXIT_ERROR


@needs_matcher
@pytest.mark.slow
def test_every_format_from_the_command_line(drafts: Path) -> None:
    paths = [str(drafts)]
    data = json.loads(run([*paths, "--format", "json", "--jobs", "2"]).stdout)
    validate_json_report(data)
    assert [Path(d["path"]).name for d in data["documents"]] == ["good.txt", "partial.txt", "weak-zh.md"]
    assert all(len(d["requirements"]) == 4 for d in data["documents"])
    validate_sarif(json.loads(run([*paths, "--format", "sarif"]).stdout))
    suites = ET.fromstring(run([*paths, "--format", "junit"]).stdout).findall("testsuite")
    assert len(suites) == 3 and all(len(s.findall("testcase")) >= 4 for s in suites)
    github = run([*paths, "--format", "github"]).stdout
    assert "::error file=" in github and "title=CSR02" in github
    html = run([*paths, "--format", "html"]).stdout
    assert html.startswith("<!DOCTYPE html>") and "partial.txt" in html
    text = run([*paths, "--no-color"]).stdout
    assert "\033[" not in text and "3 documents checked: 1 passed, 2 failed" in text


@needs_matcher
@pytest.mark.slow
def test_waiver_from_config_passes_the_gate_and_stays_visible(drafts: Path) -> None:
    (drafts / ".cliccheck.toml").write_text(
        '[[waiver]]\nrule = "CSR02"\npaths = ["partial.txt"]\nreason = "DPA signed separately"\n'
        'approved_by = "General Counsel"\nexpires = "2999-12-31"\n'
        '[[waiver]]\nrule = "CSR03"\npaths = ["partial.txt"]\nreason = "old exception"\n'
        'approved_by = "General Counsel"\nexpires = "2001-01-01"\n', encoding="utf-8")
    result = run([str(drafts / "partial.txt"), "--format", "json"])
    doc = json.loads(result.stdout)["documents"][0]
    reqs = {r["id"]: r for r in doc["requirements"]}
    assert reqs["CSR02"]["waived"]["approved_by"] == "General Counsel"
    assert reqs["CSR03"]["waived"] is None
    assert [f["rule"] for f in doc["findings"]].count("expired-waiver") == 1
    assert result.exit_code == EXIT_FINDINGS  # CSR03 and CSR04 still fail
    text = run([str(drafts / "partial.txt"), "--select", "CSR02"]).stdout
    assert "[waived]" in text and "waived by General Counsel" in text


@needs_matcher
@pytest.mark.slow
def test_stdin_through_the_real_entry_point(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "cliccheck", "lint", "-", "--format", "json"],
                          input=CONTRACT_EN.encode(), capture_output=True, env=env, timeout=120, cwd=tmp_path)
    assert proc.returncode == EXIT_OK, proc.stderr
    data = json.loads(proc.stdout)
    assert data["documents"][0]["path"] == "<stdin>" and data["documents"][0]["passed"] is True
    assert proc.stderr == b""  # no progress bar or chatter on a pipe


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@needs_matcher
@pytest.mark.slow
def test_fixture_contracts_in_every_machine_format() -> None:
    docs = [FIXTURES / "sample" / "supply-agreement-en.docx", FIXTURES / "sample" / "bilingual-contract.docx",
            FIXTURES / "pdf" / "zh_contract_ttf.pdf", FIXTURES / "pdf" / "encrypted_user.pdf"]
    docs = [str(d) for d in docs if d.exists()]
    if len(docs) < 4:
        pytest.skip("the reader fixtures are not all built")
    result = run([*docs, "--format", "json"])
    assert result.exit_code == EXIT_ERROR  # the encrypted PDF cannot be read without --password
    data = json.loads(result.stdout)
    validate_json_report(data)
    statuses = [d["status"] for d in data["documents"]]
    assert statuses == ["ok", "ok", "ok", "error"]
    assert data["documents"][3]["error"]["code"] == "encrypted"
    pdf = data["documents"][2]
    assert pdf["format"] == "pdf" and pdf["pages"] and pdf["language"] == "zh"
    assert any(ev["page"] for r in pdf["requirements"] for ev in r["evidence"])
    validate_sarif(json.loads(run([*docs, "--format", "sarif"]).stdout))
    ET.fromstring(run([*docs, "--format", "junit"]).stdout)
