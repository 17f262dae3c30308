"""Rule packs: choosing them (config, --packs), namespaced ids, the not_applicable verdict through every
report format and the gate, and the default (csr) staying today's output."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from pack_documents import INCIDENT, SECURITY, SEPARATE_AGREEMENT, contract

from cliccheck.cli import cli
from cliccheck.config import Config, load_config
from cliccheck.errors import ConfigError
from cliccheck.packs import load_packs

REPO = Path(__file__).resolve().parents[1]
PLAYBOOK = REPO / "fixtures" / "playbook-incident-24h"

#: a precondition that makes the house rule apply only where the supplier handles the operator's data
PRECONDITION = """\
precondition:
  description:
    en: the supplier hosts, operates or maintains the operator's systems or data
    zh: 供方托管、运行或维护运营者的信息系统或数据
  indicators:
    en: [personal information, host, operate and maintain, operates and maintains]
    zh: [个人信息, 托管, 运行和维护, 运维]
  reason:
    en: the supplier neither holds nor operates the operator's systems or data under this contract
    zh: 依本合同，供方不持有也不运维运营者的信息系统或数据
"""


@pytest.fixture()
def conditional_pack(tmp_path: Path) -> Path:
    """The example playbook with a precondition added."""
    folder = tmp_path / "conditional"
    shutil.copytree(PLAYBOOK, folder)
    manifest = folder / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + PRECONDITION, encoding="utf-8")
    return folder


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_is_the_csr_pack() -> None:
    assert Config().packs == ("csr",)
    assert Config().requirement_ids() == ["CSR01", "CSR02", "CSR03", "CSR04"]
    library = load_packs(("csr",))
    assert library.ids == ("CSR01", "CSR02", "CSR03", "CSR04")
    assert [p.id for p in library.packs] == ["csr"]


def test_packs_from_config_and_command_line(tmp_path: Path) -> None:
    shutil.copytree(PLAYBOOK, tmp_path / "legal" / "our-playbook")
    cfg = _write(tmp_path, ".cliccheck.toml", 'packs = ["csr", "./legal/our-playbook"]\nselect = ["HOUSE01", "CSR02"]\n')
    config = load_config(cfg)
    assert config.requirement_ids() == ["CSR02", "HOUSE01"]
    doc = _write(tmp_path, "contract.txt", contract("en", "billing", [INCIDENT["en"]["satisfied"]]))
    result = CliRunner().invoke(cli, ["lint", str(doc), "--format", "json"])
    data = json.loads(result.output)
    assert [r["id"] for r in data["documents"][0]["requirements"]] == ["CSR02", "HOUSE01"]
    assert data["documents"][0]["requirements"][1]["verdict"] == "satisfied"
    # --packs replaces the config's packs
    result = CliRunner().invoke(cli, ["lint", str(doc), "--format", "json", "--packs", "csr", "--select", "CSR02"])
    assert [r["id"] for r in json.loads(result.output)["documents"][0]["requirements"]] == ["CSR02"]


def test_bad_packs_are_one_line_errors(tmp_path: Path) -> None:
    doc = _write(tmp_path, "c.txt", contract("en", "switches", []))
    result = CliRunner().invoke(cli, ["lint", str(doc), "--packs", "csr,pipl99"])
    assert result.exit_code == 2 and "unknown rule pack 'pipl99'" in result.output
    assert "Traceback" not in result.output
    cfg = _write(tmp_path, ".cliccheck.toml", 'fail-on = "error"\npacks = ["csr", "./nowhere"]\n')
    with pytest.raises(ConfigError, match=r"^packs: .*nowhere: pack folder not found") as caught:
        load_config(cfg)
    assert caught.value.one_line() == f"{cfg}:2: {caught.value.message} [config]"


def test_not_applicable_passes_the_gate_in_every_format(tmp_path: Path, conditional_pack: Path) -> None:
    doc = _write(tmp_path, "switches.txt", contract("en", "switches", []))
    args = ["lint", str(doc), "--packs", str(conditional_pack), "--ui-lang", "en"]
    out = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert out.exit_code == 0, out.output
    (req,) = json.loads(out.output)["documents"][0]["requirements"]
    assert req["verdict"] == "not_applicable" and req["severity"] == "none"
    assert req["reasons"] == [{"code": "not-applicable", "element": None,
                               "detail": "the supplier neither holds nor operates the operator's systems or data "
                                         "under this contract"}]
    assert json.loads(out.output)["documents"][0]["passed"] is True
    sarif = json.loads(CliRunner().invoke(cli, [*args, "--format", "sarif"]).output)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "HOUSE01"]
    assert result["kind"] == "notApplicable" and result["level"] == "none"
    junit = ET.fromstring(CliRunner().invoke(cli, [*args, "--format", "junit"]).output)
    (case,) = [c for c in junit.iter("testcase") if c.get("classname") == "cliccheck.HOUSE01"]
    skipped = case.find("skipped")
    assert skipped is not None and "not_applicable" in skipped.get("message", "")
    assert case.find("failure") is None
    github = CliRunner().invoke(cli, [*args, "--format", "github"]).output
    assert "::notice " in github and "HOUSE01" in github and "::error" not in github
    text = " ".join(CliRunner().invoke(cli, [*args, "--format", "text"]).output.split())  # wrapped lines as one
    assert "not applicable" in text and "neither holds nor operates" in text and "PASS" in text
    html = CliRunner().invoke(cli, [*args, "--format", "html"]).output
    assert "not applicable" in html.lower()
    zh = "".join(CliRunner().invoke(cli, ["lint", str(doc), "--packs", str(conditional_pack), "--ui-lang", "zh"])
                 .output.split())
    assert "不适用" in zh and "不持有也不运维" in zh


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_separate_security_agreement_is_weak_and_says_check_it_in_every_format(tmp_path: Path, lang: str) -> None:
    """Issue 15: a contract that only refers to a separate security and confidentiality agreement is weak on every
    SEC rule, with the reason "refers to a separate agreement: check it" - said so in both languages, in text,
    JSON, SARIF and HTML (the reason code separate-agreement stays in the machine formats)."""
    doc = _write(tmp_path, f"separate-{lang}.txt", contract(lang, "switches", [SEPARATE_AGREEMENT[lang]]))
    said = {"en": "refers to a separate agreement", "zh": "援引另行签订的协议"}
    check = {"en": "check it", "zh": "请核查该协议"}
    for ui in ("en", "zh"):
        args = ["lint", str(doc), "--packs", "security-agreement", "--ui-lang", ui]
        data = json.loads(CliRunner().invoke(cli, [*args, "--format", "json"]).output)
        requirements = data["documents"][0]["requirements"]
        assert [r["verdict"] for r in requirements] == ["weak"] * 4
        for req in requirements:
            assert req["reasons"][0]["code"] == "separate-agreement"
            assert said[ui] in req["localized_message"] and check[ui] in req["localized_message"]
            # the old wording said nothing a lawyer could use
            assert "none of the elements" not in req["message"] and "任何要素" not in req["localized_message"]
            assert "only a reference to a separate agreement" in req["message"]
        sarif = json.loads(CliRunner().invoke(cli, [*args, "--format", "sarif"]).output)
        results = [r for r in sarif["runs"][0]["results"] if r["ruleId"].startswith("SEC")]
        assert len(results) == 4
        for result in results:  # the message in English, the reader's language beside it
            assert "only a reference to a separate agreement" in result["message"]["text"]
            assert "check it" in result["message"]["text"]
            if ui == "zh":
                assert said["zh"] in result["properties"]["localizedMessage"]["text"]
        text = "".join(CliRunner().invoke(cli, [*args, "--format", "text"]).output.split())
        assert text.count("".join(said[ui].split())) >= 4 and "".join(check[ui].split()) in text
        html = CliRunner().invoke(cli, [*args, "--format", "html"]).output
        assert html.count(said[ui]) >= 4


def test_a_bare_reference_to_the_law_is_not_called_a_separate_agreement(tmp_path: Path) -> None:
    doc = _write(tmp_path, "law.txt", contract("en", "switches", [
        "10. Security. The Supplier shall comply with the applicable laws.", SECURITY["en"]["SEC02"]["satisfied"]]))
    data = json.loads(CliRunner().invoke(cli, ["lint", str(doc), "--packs", "security-agreement", "--format", "json",
                                                "--ui-lang", "en"]).output)
    sec01 = data["documents"][0]["requirements"][0]
    assert sec01["id"] == "SEC01" and sec01["verdict"] in ("weak", "missing")
    assert all(r["code"] != "separate-agreement" for r in sec01["reasons"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_liability_for_breach_of_an_unrelated_clause_is_no_security_liability(tmp_path: Path, lang: str) -> None:
    """SEC04 needs liability for breach of the security or confidentiality obligations: "any breach of this
    clause" in a delivery clause is not that (it was read as satisfied in English); a breach of the contract as a
    whole, or of the security obligations by name, still is."""
    delivery = {
        "en": "5. Delivery. The Supplier shall deliver the Products by 1 May 2026. Any breach of this clause by the "
              "Supplier entitles the Customer to terminate this Agreement by notice in writing, and the Supplier shall "
              "compensate the Customer for all losses the Customer suffers as a result of the breach.",
        "zh": "第五条 交付 乙方应于2026年5月1日前交付产品。乙方违反本条约定的，甲方有权书面通知乙方解除本合同，"
              "乙方应当赔偿甲方因此遭受的全部损失。",
    }
    def sec04(clauses: list[str]) -> str:
        doc = _write(tmp_path, f"{lang}.txt", contract(lang, "switches", clauses))
        data = json.loads(CliRunner().invoke(cli, ["lint", str(doc), "--packs", "security-agreement",
                                                    "--format", "json"]).output)
        return next(r["verdict"] for r in data["documents"][0]["requirements"] if r["id"] == "SEC04")

    assert sec04([delivery[lang]]) != "satisfied"
    assert sec04([delivery[lang], SECURITY[lang]["SEC04"]["satisfied"]]) == "satisfied"


def test_an_element_is_named_by_its_own_requirement(tmp_path: Path) -> None:
    """CSR04 and SEC03 both have an element called technical-support: SEC03's reasons name SEC03's own element."""
    doc = _write(tmp_path, "bare.txt", contract("en", "switches", []))
    text = " ".join(CliRunner().invoke(cli, ["lint", str(doc), "--packs", "csr,security-agreement",
                                              "--ui-lang", "en"]).output.split())
    sec03 = text[text.index("SEC03"):text.index("SEC04")]
    assert "technical support for the products and services" in sec03
    assert "necessary technical support" not in sec03


def test_precondition_present_judges_the_rule(tmp_path: Path, conditional_pack: Path) -> None:
    for lang in ("en", "zh"):
        for verdict, clause in INCIDENT[lang].items():
            doc = _write(tmp_path, f"{lang}-{verdict}.txt", contract(lang, "billing", [clause]))
            out = CliRunner().invoke(cli, ["lint", str(doc), "--packs", str(conditional_pack), "--format", "json"])
            (req,) = json.loads(out.output)["documents"][0]["requirements"]
            assert req["verdict"] == verdict, (lang, verdict, req["message"])
        # present but silent: missing, never not_applicable
        doc = _write(tmp_path, f"{lang}-silent.txt", contract(lang, "billing", []))
        out = CliRunner().invoke(cli, ["lint", str(doc), "--packs", str(conditional_pack), "--format", "json"])
        assert json.loads(out.output)["documents"][0]["requirements"][0]["verdict"] == "missing"


def test_a_found_clause_overrides_an_absent_indicator(tmp_path: Path, conditional_pack: Path) -> None:
    """Fail closed: a definite clause of the pack (here one that contradicts it) means the pack applies,
    whatever the indicators."""
    doc = _write(tmp_path, "switches-contra.txt", contract("en", "switches", [INCIDENT["en"]["contradicted"]]))
    out = CliRunner().invoke(cli, ["lint", str(doc), "--packs", str(conditional_pack), "--format", "json"])
    assert json.loads(out.output)["documents"][0]["requirements"][0]["verdict"] == "contradicted"
    assert out.exit_code == 1


def test_eval_scores_not_applicable_and_counts_a_wrong_one_as_a_false_pass(tmp_path: Path,
                                                                          conditional_pack: Path) -> None:
    from cliccheck.evaluate_docs import evaluate_documents

    cases = [
        {"id": "na", "lang": "en", "text": contract("en", "switches", []), "labels": {"HOUSE01": "not_applicable"}},
        {"id": "missing", "lang": "en", "text": contract("en", "switches", []), "labels": {"HOUSE01": "missing"}},
    ]
    corpus = _write(tmp_path, "cases.yaml", json.dumps(cases))
    result = evaluate_documents(corpus, library=load_packs((str(conditional_pack),)))
    right = {p.case: p.right for p in result.predictions}
    assert right == {"na": True, "missing": False}
    assert [p.case for p in result.false_passes()] == ["missing"]


def test_a_playbook_names_shared_words_once_as_a_term(tmp_path: Path) -> None:
    """A manifest's ``terms`` hold words several rules share; a rule's objects say "@id". The playbook reads the
    same with its incident nouns moved into a term, and a rule naming an unknown term is a file:line error."""
    folder = tmp_path / "termed"
    shutil.copytree(PLAYBOOK, folder)
    manifest, rule = folder / "pack.yaml", folder / "HOUSE01.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + (
        "terms:\n  - id: incident\n    phrases:\n      en: [security incident, security incidents]\n"
        "      zh: [安全事件, 网络安全事件]\n"), encoding="utf-8")
    text = rule.read_text(encoding="utf-8")
    rule.write_text(text.replace("en: [security incident, security incidents, ", "en: ['@incident', "), encoding="utf-8")
    (req,) = load_packs((str(folder),)).requirements
    objects = req.elements[0].objects["en"]
    assert objects[:3] == ("security incident", "security incidents", "cybersecurity incident")
    assert "@incident" not in objects
    doc = _write(tmp_path, "c.txt", contract("en", "billing", [INCIDENT["en"]["satisfied"]]))
    out = CliRunner().invoke(cli, ["lint", str(doc), "--packs", str(folder), "--format", "json"])
    assert json.loads(out.output)["documents"][0]["requirements"][0]["verdict"] == "satisfied", out.output
    rule.write_text(text.replace("en: [security incident, ", "en: ['@incidents', "), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"HOUSE01\.yaml:\d+: elements\.incident-notice\.objects\.en: @incidents "
                                          r"names no term of the pack's pack\.yaml \(terms: incident\)"):
        load_packs((str(folder),))
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("[安全事件, 网络安全事件]", "['@incident']"),
                        encoding="utf-8")
    with pytest.raises(ConfigError, match="a term cannot name another"):
        load_packs((str(folder),))
