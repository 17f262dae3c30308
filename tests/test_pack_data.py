"""The pipl21 and network-data packs (and every built-in pack's own examples) on whole contracts built by
tests/pack_documents.py, in both languages: each example gets the verdict the library says it should,
the preconditions give not_applicable with a reason only when the supplier handles no personal information or
data, and the default csr run says once which pack the contract needs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pack_documents import contract

from cliccheck.cli import cli
from cliccheck.matcher import check_document
from cliccheck.packs import builtin_dirs, load_pack, load_packs
from cliccheck.readers import read_document

PACKS = [p for p in builtin_dirs() if p != "csr"]
EXAMPLES = [(pack, req.id, verdict, lang, i)
            for pack in PACKS for req in load_pack(pack).requirements
            for verdict, by_lang in req.examples.items() for lang, texts in by_lang.items()
            for i in range(len(texts))]


def _check(text: str, packs: tuple[str, ...]) -> dict[str, object]:
    doc = read_document(text.encode("utf-8"), filename="contract.txt")
    return {r.id: r for r in check_document(doc, library=load_packs(packs)).requirements}


@pytest.mark.parametrize(("pack", "rid", "verdict", "lang", "index"), EXAMPLES)
def test_library_examples_in_a_whole_contract(pack: str, rid: str, verdict: str, lang: str, index: int) -> None:
    req = next(r for r in load_pack(pack).requirements if r.id == rid)
    clause = ("9.1 " if lang == "en" else "第九条 ") + req.examples[verdict][lang][index]
    got = _check(contract(lang, "billing", [clause]), (pack,))[rid]
    assert str(got.verdict) == verdict, got.reasons  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_preconditions(lang: str) -> None:
    sale = _check(contract(lang, "switches", []), ("pipl21", "network-data"))
    assert {str(r.verdict) for r in sale.values()} == {"not_applicable"}  # type: ignore[attr-defined]
    reason = sale["PIPL21-01"].reasons[0]  # type: ignore[attr-defined]
    assert reason.code == "not-applicable" and "does not apply" in reason.detail
    outsourced = _check(contract(lang, "billing", []), ("pipl21", "network-data"))
    # the scope clause names the data the billing system stores (names, addresses, telephone numbers): the
    # categories are stated, and nothing else is
    particulars = outsourced.pop("PIPL21-01")
    assert str(particulars.verdict) == "weak"  # type: ignore[attr-defined]
    assert {r.element for r in particulars.reasons if r.code == "element-missing"} == {  # type: ignore[attr-defined]
        "processing-purpose", "processing-period", "processing-method"}
    assert {str(r.verdict) for r in outsourced.values()} == {"missing"}  # type: ignore[attr-defined]


def test_partial_particulars_say_what_is_missing() -> None:
    clause = "9.1 The Supplier shall process the personal information only for the purposes set out in Schedule 5."
    got = _check(contract("en", "billing", [clause]), ("pipl21",))["PIPL21-01"]
    missing = {r.element for r in got.reasons if r.code == "element-missing"}  # type: ignore[attr-defined]
    assert str(got.verdict) == "weak"  # type: ignore[attr-defined]
    # (the contract's scope clause names the data fields the system stores: the categories are stated there)
    assert missing == {"processing-period", "processing-method"}


def test_a_subset_of_the_six_acts_is_weak() -> None:
    for lang, clause in (("en", "9.1 The Supplier shall not disclose the Customer's data to any third party."),
                         ("zh", "第九条 乙方不得泄露甲方数据。")):
        assert str(_check(contract(lang, "billing", [clause]), ("network-data",))["ND02"].verdict) == "weak"


def test_default_run_suggests_the_packs_once(tmp_path: Path) -> None:
    for lang in ("en", "zh"):
        path = tmp_path / f"ops-{lang}.txt"
        path.write_text(contract(lang, "billing", []), encoding="utf-8")
        out = json.loads(CliRunner().invoke(cli, ["lint", str(path), "--format", "json"]).output)
        doc = out["documents"][0]
        notes = [f for f in doc["findings"] if f["rule"] == "pack-suggested"]
        assert len(notes) == 1 and notes[0]["severity"] == "note"
        assert "pipl21" in notes[0]["localized_message"] and "network-data" in notes[0]["localized_message"]
        assert [r["id"] for r in doc["requirements"]] == ["CSR01", "CSR02", "CSR03", "CSR04"]
        # enabled: no note
        out = json.loads(CliRunner().invoke(cli, ["lint", str(path), "--format", "json",
                                                  "--packs", "csr,pipl21,network-data"]).output)
        assert not [f for f in out["documents"][0]["findings"] if f["rule"] == "pack-suggested"]
        sale = tmp_path / f"sale-{lang}.txt"
        sale.write_text(contract(lang, "switches", []), encoding="utf-8")
        out = json.loads(CliRunner().invoke(cli, ["lint", str(sale), "--format", "json"]).output)
        assert not [f for f in out["documents"][0]["findings"] if f["rule"] == "pack-suggested"]


def test_all_four_packs_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "ops-zh.txt"
    path.write_text(contract("zh", "billing", ["第九条 未经甲方书面同意，乙方不得将个人信息处理转委托给第三方。"]),
                    encoding="utf-8")
    out = CliRunner().invoke(cli, ["lint", str(path), "--packs", "csr,security-agreement,pipl21,network-data",
                                   "--format", "json"])
    reqs = {r["id"]: r for r in json.loads(out.output)["documents"][0]["requirements"]}
    assert len(reqs) == 4 + 4 + 6 + 3
    assert reqs["PIPL21-05"]["verdict"] == "satisfied" and reqs["PIPL21-05"]["evidence"]
    text = CliRunner().invoke(cli, ["lint", str(path), "--packs", "pipl21", "--ui-lang", "zh"]).output
    assert "未经同意不得转委托" in " ".join(text.split())
