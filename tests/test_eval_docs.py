"""The document-corpus evaluator: label sets, false passes on any requirement, the gate as a user meets it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from corpus_sample import full, keep, once_false_passes

from cliccheck.cli import cli
from cliccheck.errors import ConfigError
from cliccheck.evaluate_docs import evaluate_documents, is_document_corpus

PREAMBLE_EN = ('SUPPLY AGREEMENT between Harbour Grid Co., Ltd. (the "Purchaser") and '
               'Northwind Devices Ltd. (the "Supplier").')
FREE_SUSPEND = "7.2 The Supplier may suspend the supply of the Products at any time for any reason."


def _write(tmp_path: Path, cases: list[dict]) -> Path:
    path = tmp_path / "cases.yaml"
    path.write_text(yaml.safe_dump(cases, allow_unicode=True), encoding="utf-8")
    return path


def _case(cid: str, body: str, labels: dict) -> dict:
    return {"id": cid, "lang": "en", "variant": "n/a", "kind": "contract", "text": f"{PREAMBLE_EN}\n\n{body}\n",
            "labels": labels, "note": "test"}


def test_label_sets_accept_any_listed_verdict_and_false_passes_are_counted(tmp_path: Path) -> None:
    path = _write(tmp_path, [
        _case("right", FREE_SUSPEND, {"CSR04": ["contradicted"]}),
        _case("either", FREE_SUSPEND, {"CSR04": ["weak", "contradicted"]}),
        _case("wrong", FREE_SUSPEND, {"CSR04": ["missing"]}),
    ])
    result = evaluate_documents(path)
    assert result.accuracy() == pytest.approx(2 / 3)
    assert not result.false_passes()
    assert len(result.gates) == 3 and not any(g.passed for g in result.gates)


def test_a_satisfied_verdict_outside_the_label_set_is_a_false_pass_even_when_not_addressed(tmp_path: Path) -> None:
    body = "7.1 The Supplier shall not, without the Purchaser's prior written consent, collect any user data."
    path = _write(tmp_path, [_case("unaddressed", body, {"CSR01": ["missing"]})])
    result = evaluate_documents(path)
    fps = result.false_passes()
    assert [(p.case, p.requirement, p.addressed) for p in fps] == [("unaddressed", "CSR02", False)]
    assert result.accuracy() == 1.0  # the addressed requirement was right


def test_bad_labels_are_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="verdicts"):
        evaluate_documents(_write(tmp_path, [_case("x", FREE_SUSPEND, {"CSR04": ["fine"]})]))
    with pytest.raises(ConfigError, match="unknown requirement"):
        evaluate_documents(_write(tmp_path, [_case("x", FREE_SUSPEND, {"CSR09": ["missing"]})]))


def test_a_sample_runs_only_the_kept_cases_but_checks_every_cases_labels(tmp_path: Path) -> None:
    path = _write(tmp_path, [_case("kept", FREE_SUSPEND, {"CSR04": ["contradicted"]}),
                             _case("skipped", FREE_SUSPEND, {"CSR04": ["missing"]})])
    result = evaluate_documents(path, keep=lambda case: case == "kept")
    assert {p.case for p in result.predictions} == {"kept"} and [g.case for g in result.gates] == ["kept"]
    _write(tmp_path, [_case("kept", FREE_SUSPEND, {"CSR04": ["contradicted"]}),
                      _case("skipped", FREE_SUSPEND, {"CSR04": ["fine"]})])
    with pytest.raises(ConfigError, match="verdicts"):
        evaluate_documents(path, keep=lambda case: case == "kept")


def test_eval_command_reads_a_document_corpus_and_exits_1_on_a_false_pass(tmp_path: Path) -> None:
    body = "7.1 The Supplier shall not collect any user data."
    path = _write(tmp_path, [_case("fp", body, {"CSR02": ["weak"]})])
    assert is_document_corpus(path) and is_document_corpus(tmp_path)
    out = CliRunner().invoke(cli, ["eval", str(tmp_path)])
    assert out.exit_code == 1, out.output
    assert "FALSE PASS fp CSR02" in out.output and "sat.recall" in out.output


EVAL = Path(__file__).resolve().parent.parent / "fixtures" / "eval"

#: false passes reported rather than fixed, each with its reason in the README: (held-out part 35) "shall not, without
#: consent, remotely access, modify or disable the Licensed Software as installed at the Terminal", where the system
#: supplied also has operator desks, crane PLC interfaces and CCTV - software is the whole of many supplies, and
#: reading it as one class of the equipment would fail undertakings of software vendors that cover all they
#: supply. (The two once listed here, l15-bi-023 and l41-zh-098, a ban on users' personal information alone, have
#: been read as covering one kind of the user data since held-out part 27.) (Held-out part 41) "shall not take
#: control of, or issue commands to, the plant computer or the distributed control system" in a contract supplying
#: radiation monitoring instruments: two named systems of the plant, which the author read as leaving the
#: instruments supplied open - the library cannot tell named systems from all the operator's equipment without
#: failing the many undertakings that name the operator's systems (l102-en-111). The same class in held-out 45:
#: "乙方不得非法控制或操縱本案之交易主機" beside a scope clause listing servers, network devices and workstations too
#: (l117-zh-108).
REPORTED: set[tuple[str, str]] = {("l78-en-085", "CSR03"), ("l102-en-111", "CSR03"), ("l117-zh-108", "CSR03")}


@pytest.mark.slow
@pytest.mark.parametrize("part", ["dev", "real"])
def test_no_false_pass_on_any_part_of_the_document_corpus(part: str) -> None:
    """The gate's first promise on independently written drafting: never a satisfied verdict the labels do not
    accept, never a passing document that should fail. Accuracy and recall are reported, not gated (README).
    The development part runs as the sample of tests/corpus_sample.py unless CLICCHECK_CORPUS_FULL=1; the real
    contracts always run whole."""
    sample = keep(case for case, _ in REPORTED) if part == "dev" else None
    result = evaluate_documents(EVAL / part, keep=sample)
    assert not result.errors
    assert [(p.case, p.requirement) for p in result.false_passes() if (p.case, p.requirement) not in REPORTED] == []
    assert [g.case for g in result.false_gate_passes] == []


@pytest.mark.skipif(full(), reason="the corpora run whole (CLICCHECK_CORPUS_FULL=1)")
def test_the_default_sample_keeps_every_case_that_once_passed_falsely_and_a_quarter_of_the_rest() -> None:
    """The sample must not silently shrink to the hash quarter: the committed results name the cases that once
    fooled the matcher, and (their parts folded in) nearly all of them are in the corpora the suite evaluates."""
    from cliccheck.evaluate_docs import load_cases

    ids = [str(c.get("id")) for root in (EVAL / "dev", EVAL / "packs") for _, c in load_cases(root)]
    once = once_false_passes()
    assert len(once) > 300
    assert len(once & set(ids)) >= 0.9 * len(once)  # the rest belong to parts not yet folded in
    sample = keep()
    assert sample is not None and all(sample(case) for case in once)
    kept = sum(map(sample, ids))
    assert 0.2 * len(ids) < kept < 0.3 * len(ids)


def test_eval_tables_read_in_the_ui_language(tmp_path: Path) -> None:
    """Issue 12 for ``eval``: the table headings, totals and false-pass lines a reviewer reads are in the UI
    language (case ids, rule ids and verdict codes as they are); English is unchanged."""
    import re
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_ui_lang_cli import english_words

    body = "7.1 The Supplier shall not collect any user data."
    _write(tmp_path, [_case("fp", body, {"CSR02": ["weak"]}), _case("ok", FREE_SUSPEND, {"CSR04": ["contradicted"]})])
    env = {"CLICCHECK_UI_LANG": "", "LC_ALL": "", "LANG": "C.UTF-8"}
    zh = CliRunner().invoke(cli, ["eval", str(tmp_path), "--errors", "--ui-lang", "zh"], env=env).output
    assert "误判通过 fp CSR02：可接受 weak，预测 satisfied" in zh and "满足召回率" in zh and "门槛判断正确率" in zh, zh
    words = re.sub(r"——.*", " ", zh)  # --errors quotes the checker's message for the case
    words = re.sub(r"\b(satisfied|weak|contradicted|missing|fp|ok|en|zh|n/a)\b", " ", words)
    assert english_words(words) == [], zh
    en = CliRunner().invoke(cli, ["eval", str(tmp_path), "--ui-lang", "en"], env=env).output
    assert "FALSE PASS fp CSR02: accepted weak, predicted satisfied" in en and "sat.recall" in en
    assert not re.search(r"[\u4e00-\u9fff]", en)


def test_a_supplier_name_yaml_split_at_its_comma_is_refused_with_a_coded_error(tmp_path: Path) -> None:
    """``supplier_alias: [Huarong Engineering Co., Ltd.]`` is two names to YAML; scoring it would name "Ltd." as the
    supplier. The corpus author is told to quote the name; a defined term such as "Company" stays a name."""
    (tmp_path / "cases.yaml").write_text(
        "- id: split\n  lang: en\n  variant: n/a\n  kind: contract\n  text: |\n    7.1 The Supplier shall not collect "
        "any user data.\n  labels: {CSR02: [satisfied]}\n  supplier_alias: [Huarong Engineering Co., Ltd.]\n",
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(tmp_path), "--ui-lang", "en"])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "supplier_alias 'Ltd.' is only a legal form" in result.output and "[config]" in result.output
    ok = _case("named", "7.1 The Company shall not collect any user data.", {"CSR02": ["satisfied"]})
    ok["supplier_alias"] = ["Company", "Huarong Engineering Co., Ltd."]
    (tmp_path / "cases.yaml").unlink()
    _write(tmp_path, [ok])
    assert not evaluate_documents(tmp_path).errors
