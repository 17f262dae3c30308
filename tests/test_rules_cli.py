"""Discoverability: `cliccheck rules`, `cliccheck explain`, the pre-commit hook definition."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from click.testing import CliRunner

from cliccheck.cli import cli
from cliccheck.library import load_library

REPO = Path(__file__).resolve().parents[1]


def test_rules_lists_every_requirement_from_the_library() -> None:
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0
    for req in load_library().requirements:
        assert req.id in result.output and req.name in result.output and req.titles["zh"] in result.output
    data = json.loads(CliRunner().invoke(cli, ["rules", "--format", "json"]).output)
    assert [r["id"] for r in data["requirements"]] == ["CSR01", "CSR02", "CSR03", "CSR04"]
    assert data["requirements"][3]["help_uri"].endswith("#csr04")


def test_explain_shows_basis_meaning_and_examples_in_both_languages() -> None:
    req = load_library().requirement("CSR04")
    result = CliRunner().invoke(cli, ["explain", "no-unjustified-supply-suspension"])
    assert result.exit_code == 0
    out = result.output
    assert "Cybersecurity Review Measures" in out and "Legal basis" in out
    assert req.examples["contradicted"]["zh"][0] in out and req.examples["weak"]["en"][0][:40] in out
    for line in out.splitlines():
        assert not re.match(r"\s*[，。；）]", line)
    bad = CliRunner().invoke(cli, ["explain", "CSR9"])
    assert bad.exit_code == 2 and "unknown requirement" in bad.output


def test_pre_commit_hook_runs_the_gate() -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "cliccheck" and hook["entry"].startswith("cliccheck lint")
    assert re.search(hook["files"], "contracts/supply.docx") and re.search(hook["files"], "draft.pdf")
    assert re.search(hook["exclude"], "contracts/~$supply.docx")
    assert hook["require_serial"] is True
