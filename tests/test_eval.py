"""The corpus bars.

fixtures/clauses (the development corpus the rules were written against): accuracy >= 0.975 over all
predictions, >= 0.90 on each case's own requirement, contradiction F1 >= 0.98, and not one false pass
(measured 0.9788 / 0.9177 / 0.995; 0.9933 / 0.9758 before the matcher failed closed on words it cannot account
for, issue 10: the difference is satisfied undertakings now weak with an unrecognised-qualifier reason).

fixtures/clauses-holdout (written independently, never used to tune the rules): no new false pass and
accuracy at its measured level minus 0.005. Its last false pass (CSR01-zh-H10: an override "2.尽管有前款约定"
that lost the undertaking sharing a block with its heading and inline item number) was fixed by general
segmentation and section rules, so not one false pass is allowed there either.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cliccheck.evaluate import evaluate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CORPUS = FIXTURES / "clauses"
HOLDOUT = FIXTURES / "clauses-holdout"
#: measured 2026-12-02 (fail closed, issue 10): accuracy 0.9458 (all predictions), 0.7833 (own requirement),
#: contradiction F1 0.979; before: 0.9583 / 0.8333 / 0.979


def _corpus(root: Path):  # type: ignore[no-untyped-def]
    if not (root / "cases").is_dir() or not any((root / "cases").glob("*.yaml")):
        pytest.skip(f"{root.name} corpus not present")
    return evaluate(root)


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return _corpus(CORPUS)


@pytest.fixture(scope="module")
def holdout():  # type: ignore[no-untyped-def]
    return _corpus(HOLDOUT)


def test_no_false_pass(result) -> None:  # type: ignore[no-untyped-def]
    assert [f"{p.case}/{p.requirement}" for p in result.false_passes] == []


def test_accuracy_bar(result) -> None:  # type: ignore[no-untyped-def]
    assert result.accuracy >= 0.975


def test_target_requirement_accuracy_bar(result) -> None:  # type: ignore[no-untyped-def]
    assert result.target_accuracy >= 0.90


def test_contradiction_f1_bar(result) -> None:  # type: ignore[no-untyped-def]
    assert result.prf("contradicted")[2] >= 0.98


def test_holdout_no_false_pass(holdout) -> None:  # type: ignore[no-untyped-def]
    assert [f"{p.case}/{p.requirement}" for p in holdout.false_passes] == []


def test_holdout_accuracy_bar(holdout) -> None:  # type: ignore[no-untyped-def]
    assert holdout.accuracy >= 0.934
    assert holdout.target_accuracy >= 0.753
    assert holdout.prf("contradicted")[2] >= 0.974


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
    assert '"target_accuracy": 0.0' in out.output  # the case's own requirement was wrong
    text = CliRunner().invoke(cli, ["eval", str(tmp_path)])
    assert "target accuracy: 0.0000" in text.output and "FALSE PASS c1 CSR01" in text.output


def test_clause_eval_matrix_reads_in_the_ui_language() -> None:
    """The confusion matrix and its totals in Chinese under --ui-lang zh, columns aligned by display cells."""
    from cliccheck.cli import cli
    env = {"CLICCHECK_UI_LANG": "", "LC_ALL": "", "LANG": "C.UTF-8"}
    corpus = str(Path(__file__).resolve().parent.parent / "fixtures" / "clauses")
    zh = CliRunner().invoke(cli, ["eval", corpus, "--select", "CSR03", "--ui-lang", "zh"], env=env).output
    assert "行为标注，列为预测" in zh and "目标准确率：" in zh and "误判通过：0" in zh, zh
    header = next(line for line in zh.splitlines() if "抵触" in line and "缺失" in line)
    row = next(line for line in zh.splitlines() if line.startswith("  缺失"))
    from cliccheck.report.wrap import text_width

    assert text_width(header) == text_width(row.rstrip()) or text_width(header) == len(row.rstrip()), (header, row)
    en = CliRunner().invoke(cli, ["eval", corpus, "--select", "CSR03", "--ui-lang", "en"], env=env).output
    assert "rows = label, columns = predicted" in en and "target accuracy: " in en


def test_ocr_eval_text_reads_in_the_ui_language() -> None:
    """``eval --ocr``'s lines in Chinese under zh; the English is what it always was."""
    import re
    import sys

    from cliccheck.ocr_eval import OcrCase, OcrEval, format_ocr_text

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_ui_lang_cli import english_words

    result = OcrEval(cases=[OcrCase(path="fixtures/pdf/zh_contract_ttf.pdf", language="zh", dpi=200, pages=2,
                                    chars=1000, errors=12, truth={"CSR01": "weak", "CSR02": "satisfied"},
                                    read={"CSR01": "satisfied", "CSR02": "satisfied"}, seconds=1.0)],
                     skipped=[("fixtures/pdf/truncated.pdf", "damaged")])
    en = format_ocr_text(result, "en")
    assert "fixtures/pdf/zh_contract_ttf.pdf (zh, 200 dpi, 2 p.): CER 1.20%, verdicts differ: CSR01 weak→satisfied" \
        in en and "FALSE PASS CSR01" in en and "zh at 200 dpi: 1 document(s), CER 1.20%" in en
    zh = format_ocr_text(result, "zh")
    assert "结论不同：CSR01 weak→satisfied  误判通过 CSR01" in zh and "已跳过" in zh, zh
    said = re.sub(r"\b(weak|satisfied|zh|dpi|CER|damaged)\b", " ", zh)
    assert english_words(said) == [], zh
