"""The security-agreement pack (SEC01-SEC04) on realistic supplier contracts in both languages, built by
tests/pack_documents.py: each verdict per element, the separate-agreement reference, a confidentiality clause
that protects only the supplier, and the CLI reporting the pack next to csr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pack_documents import SECURITY, SEPARATE_AGREEMENT, contract

from cliccheck.cli import cli
from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document

LIBRARY = load_packs(("csr", "security-agreement"))
CASES = [(lang, rid, verdict) for lang, rules in SECURITY.items() for rid, by in rules.items() for verdict in by]


def _verdicts(text: str) -> dict[str, str]:
    doc = read_document(text.encode("utf-8"), filename="contract.txt")
    return {r.id: str(r.verdict) for r in check_document(doc, library=LIBRARY).requirements}


@pytest.mark.parametrize(("lang", "rid", "verdict"), CASES)
def test_each_element_in_a_whole_contract(lang: str, rid: str, verdict: str) -> None:
    text = contract(lang, "switches", [SECURITY[lang][rid][verdict]])
    assert _verdicts(text)[rid] == verdict


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_all_four_clauses_together_and_nothing_else_changes(lang: str) -> None:
    clauses = [SECURITY[lang][rid]["satisfied"] for rid in SECURITY[lang]]
    got = _verdicts(contract(lang, "switches", clauses))
    assert {k: v for k, v in got.items() if k.startswith("SEC")} == dict.fromkeys(SECURITY[lang], "satisfied")
    # enabling the pack changes no Art. 6 verdict: csr alone reads the same contract the same way
    doc = read_document(contract(lang, "switches", clauses).encode("utf-8"), filename="contract.txt")
    alone = {r.id: str(r.verdict) for r in check_document(doc, library=load_packs(("csr",))).requirements}
    assert {k: got[k] for k in got if k.startswith("CSR")} == alone


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_separate_agreement_is_weak_for_every_element(lang: str) -> None:
    got = _verdicts(contract(lang, "switches", [SEPARATE_AGREEMENT[lang]]))
    assert [got[r] for r in ("SEC01", "SEC02", "SEC03", "SEC04")] == ["weak"] * 4


def test_lint_reports_both_packs_with_evidence(tmp_path: Path) -> None:
    for lang in ("en", "zh"):
        clauses = [SECURITY[lang][rid]["weak"] for rid in SECURITY[lang]]
        path = tmp_path / f"c-{lang}.txt"
        path.write_text(contract(lang, "switches", clauses), encoding="utf-8")
        out = CliRunner().invoke(cli, ["lint", str(path), "--packs", "csr,security-agreement", "--format", "json"])
        reqs = {r["id"]: r for r in json.loads(out.output)["documents"][0]["requirements"]}
        assert list(reqs) == ["CSR01", "CSR02", "CSR03", "CSR04", "SEC01", "SEC02", "SEC03", "SEC04"]
        for rid in ("SEC01", "SEC02", "SEC03", "SEC04"):
            assert reqs[rid]["verdict"] == "weak" and reqs[rid]["evidence"], (lang, rid)
            section = SECURITY[lang][rid]["weak"].split()[0]  # the evidence is the clause itself
            assert reqs[rid]["evidence"][0]["text"].startswith(section), (rid, reqs[rid]["evidence"][0]["text"])
        text = CliRunner().invoke(cli, ["lint", str(path), "--packs", "security-agreement", "--ui-lang", lang]).output
        assert ("供方的技术支持义务" if lang == "zh" else "technical support obligations") in " ".join(text.split())


def test_explain_and_rules_for_the_pack() -> None:
    out = CliRunner().invoke(cli, ["explain", "SEC02", "--ui-lang", "en"]).output
    assert "Cybersecurity Law" in out and "Art. 38" in out and "Art. 36" in out and "第三十八条" not in out
    zh = CliRunner().invoke(cli, ["explain", "SEC02", "--ui-lang", "zh"]).output
    assert "第三十八条" in zh and "重新编号前为第三十六条" in zh
    listed = CliRunner().invoke(cli, ["rules", "--packs", "security-agreement", "--format", "json"]).output
    data = json.loads(listed)
    assert [r["id"] for r in data["requirements"]] == ["SEC01", "SEC02", "SEC03", "SEC04"]
    assert data["packs"][0]["legal_basis"][0]["status"] == "in force"
