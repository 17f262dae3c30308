"""The corpus bar: accuracy >= 0.97 and not one false pass on fixtures/clauses."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cliccheck.evaluate import evaluate

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "clauses"


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    if not (CORPUS / "cases").is_dir() or not any((CORPUS / "cases").glob("*.yaml")):
        pytest.skip("fixtures/clauses corpus not present yet")
    return evaluate(CORPUS)


def test_no_false_pass(result) -> None:  # type: ignore[no-untyped-def]
    assert [f"{p.case}/{p.requirement}" for p in result.false_passes] == []


def test_accuracy_bar(result) -> None:  # type: ignore[no-untyped-def]
    assert result.accuracy >= 0.97


def test_contradiction_f1_bar(result) -> None:  # type: ignore[no-untyped-def]
    assert result.prf("contradicted")[2] >= 0.95


def test_eval_command_json_and_exit_code(tmp_path: Path) -> None:
    from cliccheck.cli import cli

    cases = tmp_path / "cases"
    contexts = tmp_path / "contexts"
    cases.mkdir()
    contexts.mkdir()
    (contexts / "en-a.yaml").write_text(
        "id: en-a\nlang: en\ntitle: T\nsupplier: Vendor\nbuyer: Customer\n"
        "before:\n  - 'Northbridge Ltd. (the \"Vendor\") and Harbour Bank (the \"Customer\")'\nafter: []\n",
        encoding="utf-8")
    (cases / "CSR01-en.yaml").write_text(
        "- id: c1\n  context: en-a\n  requirement: CSR01\n  verdict: weak\n  note: n\n"
        "  text: '1. The Vendor shall cooperate with any cybersecurity review.'\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["eval", str(tmp_path), "--format", "json"])
    assert out.exit_code == 1  # a false pass: labelled weak, predicted satisfied
    assert '"false_passes"' in out.output and '"c1"' in out.output
