"""Document-level roles: whose undertaking it is, whether the supplier is a party at all, and the same roles in
both language versions of a bilingual contract.

Every document here is generated in the test (plain text, or DOCX through python-docx for the two-column
layout), in Chinese and in English.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest

from cliccheck.evaluate import build_document_text, load_corpus
from cliccheck.matcher import check_document
from cliccheck.matcher.align import align_versions, clause_keys
from cliccheck.readers import read_document
from cliccheck.roles import find_roles

ROOT = Path(__file__).parent.parent


def _doc(text: str):  # type: ignore[no-untyped-def]
    return read_document(text.encode("utf-8"), filename="doc.txt")


def _check(text: str, **kw: object):  # type: ignore[no-untyped-def]
    return check_document(_doc(text), **kw)  # type: ignore[arg-type]


def _rules(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.rule for f in result.findings}


# --- documents whose supplier is no party --------------------------------------------------------------

NOTICE_ZH = ("关于加强外协人员网络安全管理的通知\n\n各供应商：\n\n为保障我公司关键信息基础设施安全，现将有关要求通知如下：\n\n"
             "一、严禁外协人员利用提供产品和服务的便利条件非法获取用户数据。\n\n"
             "二、严禁外协人员非法控制和操纵我公司设备。\n\n"
             "三、供应商应当配合网络安全审查，无正当理由不得中断产品供应或者必要的技术支持服务。\n\n"
             "特此通知。\n\n东湾区域电网有限公司\n\n2025年3月1日\n")
NOTICE_EN = ("NOTICE TO ALL SUPPLIERS\n\nEastbay Regional Power Grid Co., Ltd. reminds all suppliers of the following "
             "requirements.\n\n1. No user data shall be collected by supplier personnel without authorisation.\n\n"
             "2. All suppliers must cooperate with any cybersecurity review and shall not interrupt the supply of "
             "products or necessary technical support services without a justifiable reason.\n\n"
             "Issued by the Procurement Department, 1 March 2025.\n")
POLICY_ZH = ("供应商网络安全管理办法\n\n第一条 为规范供应商网络安全管理，制定本办法。\n\n"
             "第二条 本办法适用于向本公司提供网络产品和服务的供应商。\n\n"
             "第三条 供应商应当配合网络安全审查，不得利用提供产品和服务的便利条件非法获取用户数据。\n\n"
             "第四条 本办法自发布之日起施行。\n")
POLICY_EN = ("Supplier Cybersecurity Policy\n\n1. This Policy applies to every supplier of network products to the "
             "Group.\n\n2. The Supplier shall cooperate with any cybersecurity review and shall not illegally obtain "
             "user data.\n\n3. This Policy is reviewed every year by the Security Committee.\n")
ARTICLE_EN = ("Grid operator tightens rules for equipment suppliers\n\nEastbay Regional Power Grid said on Monday that "
              "its suppliers must cooperate with any cybersecurity review and must not illegally obtain user data, "
              "after regulators asked operators of critical information infrastructure to obtain such undertakings.\n\n"
              "Analysts said the suppliers will not interrupt the supply of products without a justifiable reason.\n")
TERMS_ZH = ("云市场服务协议\n\n本协议由您与云栖平台订立。\n\n1.1 服务商：指接入并通过云市场向用户提供软件和服务的第三方。\n\n"
            "2.1 服务商应当配合网络安全审查，不得利用提供产品和服务的便利条件非法获取用户数据。\n\n"
            "3.1 您应当按照本协议约定支付费用。\n")
TERMS_EN = ("Marketplace Terms\n\nThese terms are agreed between you and Cloudway Platform Ltd.\n\n"
            "1.1 \"Supplier\" means any person that lists software or services on the Marketplace.\n\n"
            "2.1 The Supplier shall cooperate with any cybersecurity review and shall not illegally obtain user data.\n")


@pytest.mark.parametrize("text", [NOTICE_ZH, NOTICE_EN, POLICY_ZH, POLICY_EN, ARTICLE_EN, TERMS_ZH, TERMS_EN],
                         ids=["notice-zh", "notice-en", "policy-zh", "policy-en", "article-en", "terms-zh", "terms-en"])
def test_a_document_without_a_supplier_party_never_passes(text: str) -> None:
    result = _check(text)
    assert not result.roles.supplier_party
    finding = next(f for f in result.findings if f.rule == "no-supplier-party")
    assert finding.severity == "error" and "no supplier party found: not a contract with a supplier" in \
        finding.message.lower()
    assert all(r.verdict == "missing" and r.reasons[0].code == "not-supplier" for r in result.requirements)
    assert "not-a-contract" not in _rules(result)


def test_a_definition_is_never_the_suppliers_name() -> None:
    for text in (TERMS_ZH, TERMS_EN):
        roles = find_roles(_doc(text))
        assert roles.supplier.name is None
        assert not any(a.startswith(("指", "means", "any")) for a in roles.supplier.aliases)
    # a real party line beside a definition still names the company
    roles = find_roles(_doc("技术服务合同\n\n甲方（采购方）：华东电网有限公司\n\n乙方（服务商）：星河网络科技有限公司\n\n"
                            "1.1 “服务商”是指乙方及其经甲方书面同意的分包商。\n\n2.1 乙方应当配合网络安全审查。\n"))
    assert roles.supplier.name == "星河网络科技有限公司" and roles.supplier_party


# --- the supplier as a party -------------------------------------------------------------------------

LETTER_ZH = ("网络安全承诺函\n\n致：东湾区域电网有限公司\n\n我公司（北门网络系统有限公司）作为贵公司网络产品和服务的供应商，"
             "郑重承诺如下：\n\n一、我公司承诺配合网络安全审查。\n\n"
             "二、我公司承诺不利用提供产品和服务的便利条件非法获取用户数据。\n\n承诺人：北门网络系统有限公司（盖章）\n")
LETTER_EN = ("LETTER OF UNDERTAKING\n\nTo: Eastbay Regional Power Grid Co., Ltd.\n\n"
             "We, Northgate Network Systems Ltd., as the supplier of network products to you, hereby undertake to "
             "cooperate with any cybersecurity review of the products and services we supply.\n\n"
             "Signed for and on behalf of Northgate Network Systems Ltd.\n")


@pytest.mark.parametrize("text", [LETTER_ZH, LETTER_EN], ids=["zh", "en"])
def test_a_commitment_letter_is_signed_by_the_supplier(text: str) -> None:
    result = _check(text)
    assert result.roles.supplier_party and result.roles.document == "letter"
    assert result.requirement("CSR01").verdict == "satisfied"
    assert not {"no-supplier-party", "not-a-contract"} & _rules(result)


AUTHORED_EN = ("LETTER OF UNDERTAKING\n\nTo: Eastbay Regional Power Grid Co., Ltd. (the \"Purchaser\")\n\n"
               "From: Northgate Network Systems Ltd. (the \"Supplier\")\n\n"
               "1. We will cooperate with the cybersecurity review of this procurement and provide all documents "
               "the review requires.\n\nFor and on behalf of Northgate Network Systems Ltd.\n")
AUTHORED_ZH = ("承 诺 书\n\n致：东湾区域电网有限公司\n\n承诺人：北门网络系统有限公司（以下简称“供应商”）\n\n"
               "一、我公司承诺配合网络安全审查，按要求如实提供审查所需的材料。\n\n北门网络系统有限公司\n")
# a parent's letter: the supplier is defined, but not as the one who writes
PARENT_LETTER = ("LETTER OF UNDERTAKING\n\nTo: Eastbay Regional Power Grid Co., Ltd. (the \"Purchaser\")\n\n"
                 "Northgate Network Systems Ltd. (the \"Supplier\") is our wholly owned subsidiary.\n\n"
                 "1. We will cooperate with the cybersecurity review of this procurement and provide all documents "
                 "the review requires.\n\nFor and on behalf of Northgate Holdings plc\n")


@pytest.mark.parametrize("text", [AUTHORED_EN, AUTHORED_ZH], ids=["en-from-line", "zh-spaced-title"])
def test_the_first_person_of_a_letter_its_author_line_names_as_supplier_undertakes(text: str) -> None:
    """"From: X (the Supplier)" / 承诺人：X（以下简称“供应商”）, and a title spaced out letter by letter (承 诺 书)."""
    result = _check(text)
    assert result.requirement("CSR01").verdict == "satisfied", result.requirement("CSR01").message


def test_a_parent_letter_naming_its_subsidiary_as_supplier_is_not_the_suppliers_undertaking() -> None:
    assert _check(PARENT_LETTER).requirement("CSR01").verdict != "satisfied"


GUARANTEE_EN = ('SUPPLY AGREEMENT\n\nThis Agreement is made between Eastbay Grid Co., Ltd. (the "Purchaser"), '
                'Northgate Network Systems Ltd. (the "Supplier") and Northgate Holdings plc (the "Guarantor").\n\n'
                "1. The Supplier shall deliver the Products.\n\n"
                "2. The Guarantor shall not illegally obtain user data and shall cooperate with any cybersecurity "
                "review.\n")
GUARANTEE_ZH = ("采购合同\n\n甲方（采购方）：东湾电网有限公司\n\n乙方（供应方）：北门网络系统有限公司\n\n"
                "丙方（担保方）：北门控股集团有限公司\n\n第一条 乙方应当按期交付产品。\n\n"
                "第二条 丙方承诺配合网络安全审查，丙方不得利用提供产品和服务的便利条件非法获取用户数据。\n")


@pytest.mark.parametrize("text", [GUARANTEE_EN, GUARANTEE_ZH], ids=["en", "zh"])
def test_a_parent_companys_undertaking_is_not_the_suppliers(text: str) -> None:
    result = _check(text)
    assert result.roles.supplier_party and "no-supplier-party" not in _rules(result)
    assert result.requirement("CSR01").verdict != "satisfied"
    assert result.requirement("CSR02").verdict != "satisfied"


@pytest.mark.parametrize("text", [
    "SUPPLY AGREEMENT\n\n1. The Supplier shall cooperate with any cybersecurity review.\n\n"
    "2. The Purchaser shall pay within thirty days.\n",
    "采购合同\n\n第一条 乙方应当按照附件一交付设备。\n\n第二条 乙方应当配合网络安全审查。\n\n第三条 甲方应当在验收后付款。\n",
], ids=["en", "zh"])
def test_role_words_used_as_parties_make_a_contract(text: str) -> None:
    result = _check(text)
    assert result.roles.supplier_party and result.roles.document == "contract"
    assert result.requirement("CSR01").verdict == "satisfied"


def test_every_fixture_contract_finds_its_supplier() -> None:
    paths = [*sorted((ROOT / "fixtures" / "sample").glob("*.docx")), *sorted((ROOT / "fixtures" / "docx").glob("*.docx")),
             *(ROOT / "fixtures" / "pdf" / n for n in ("en_contract.pdf", "zh_contract_ttf.pdf", "zh_contract_cid.pdf",
                                                        "bilingual_contract.pdf", "hidden_text.pdf"))]
    for path in paths:
        roles = find_roles(read_document(path))
        assert roles.supplier_party and roles.document == "contract", path.name
    for corpus in ("clauses", "clauses-holdout"):
        contexts, _ = load_corpus(ROOT / "fixtures" / corpus)
        assert contexts
        for cid, context in contexts.items():
            roles = find_roles(_doc(build_document_text(context, "")))
            assert roles.supplier_party and roles.supplier.source == "definition", cid


# --- user names --------------------------------------------------------------------------------------

def test_supplier_alias_adds_and_supplier_replaces() -> None:
    text = "SUPPLY AGREEMENT\n\n1. The Supplier shall cooperate with any cybersecurity review.\n\n" \
           "2. Acme shall not illegally obtain user data.\n"
    plain = _check(text)
    added = _check(text, supplier_aliases=["Acme"])
    assert plain.requirement("CSR01").verdict == added.requirement("CSR01").verdict == "satisfied"
    assert added.requirement("CSR02").verdict == "satisfied" and plain.requirement("CSR02").verdict != "satisfied"
    replaced = _check(text, supplier_names=["Acme"])
    assert replaced.requirement("CSR02").verdict == "satisfied"
    assert replaced.requirement("CSR01").verdict != "satisfied"  # "the Supplier" is no longer the supplier


# --- not a contract ----------------------------------------------------------------------------------

README = ("# fastlint\n\nA linter for YAML files. Install with `pip install fastlint`.\n\n## Usage\n\n"
          "```\n$ fastlint check config/ --strict\n```\n\nSee https://example.org/docs for the options.\n\n"
          "The `--fix` option rewrites files in place; `fastlint.toml` holds the settings.\n\n"
          "Contributors shall follow the code of conduct.\n")
TOML = ('[tool.fastlint]\nline-length = 100\nselect = ["E", "F"]\n\n[tool.fastlint.per-file]\n"tests/*" = ["E501"]\n')


@pytest.mark.parametrize("text", [README, TOML, "这是一段与合同无关的说明文字，介绍软件的安装方法。\n"],
                         ids=["readme", "toml", "zh-prose"])
def test_not_a_contract(text: str) -> None:
    result = _check(text)
    assert result.roles.document == "not-a-contract"
    assert "not-a-contract" in _rules(result) and "no-supplier-party" not in _rules(result)
    assert all("does not look like a contract" in r.message for r in result.requirements)


def test_lint_warns_on_a_file_that_is_not_a_contract(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(TOML, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "cliccheck", "lint", str(path), "--no-color"],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "does not look like a contract" in proc.stdout.lower()


# --- bilingual contracts -----------------------------------------------------------------------------

PAIRS = [
    ("采购合同", "PROCUREMENT AGREEMENT"),
    ("第一条 供货", "1. Supply"),
    ("1.1 乙方应当按期向甲方交付产品。", "1.1 The Supplier shall deliver the Products to the Purchaser on time."),
    ("第二条 网络安全", "2. Cybersecurity"),
    ("2.1 乙方承诺配合网络安全审查。", "2.1 The Supplier undertakes to cooperate with any cybersecurity review."),
    ("2.2 乙方不得利用提供产品和服务的便利条件非法获取用户数据，不得非法控制和操纵用户设备。",
     "2.2 The Supplier shall not use the convenience of providing the Products to illegally obtain user data, "
     "and shall not illegally control or manipulate users' equipment."),
    ("2.3 乙方承诺无正当理由不中断产品供应或者必要的技术支持服务。",
     "2.3 The Supplier shall not interrupt the supply of the Products or the necessary technical support "
     "services without a justifiable reason."),
    ("第三条 违约责任", "3. Liability"),
    ("3.1 乙方违反第二条约定的，甲方有权书面通知解除本合同。",
     "3.1 If the Supplier breaches Clause 2, the Purchaser may terminate this Agreement by written notice."),
    ("3.2 本合同自双方签字盖章之日起生效。", "3.2 This Agreement takes effect upon signature by both Parties."),
]


def _alternating() -> str:
    return "".join(f"{zh}\n\n{en}\n\n" for zh, en in PAIRS)


def _table_docx(path: Path, pairs: list[tuple[str, str]]) -> Path:
    document = docx.Document()
    table = document.add_table(rows=0, cols=2)
    for zh, en in pairs:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = zh, en
    document.save(str(path))
    return path


def _assert_both_versions_satisfied(result) -> None:  # type: ignore[no-untyped-def]
    assert "乙方" in result.roles.supplier.labels["zh"] and "甲方" in result.roles.buyer.labels["zh"]
    for req in result.requirements:
        assert req.verdict == "satisfied", (req.id, req.message)
        assert {v.verdict for v in req.by_language.values()} == {"satisfied"}, req.id
    assert "bilingual-mismatch" not in _rules(result)
    assert result.roles.supplier_party


def test_bilingual_alternating_paragraphs_carry_the_roles_across() -> None:
    result = _check(_alternating())
    _assert_both_versions_satisfied(result)


def test_bilingual_two_column_table_carries_the_roles_across(tmp_path: Path) -> None:
    doc = read_document(_table_docx(tmp_path / "bilingual.docx", PAIRS))
    assert len(align_versions(doc)) == len(PAIRS)
    _assert_both_versions_satisfied(check_document(doc))


def test_a_label_defined_in_one_version_explains_the_other() -> None:
    # only the Chinese preamble says who is who, and here 甲方 (Party A) is the supplier
    text = ("供货合同\n\nSUPPLY CONTRACT\n\n甲方（供方）：南山科技有限公司\n\n乙方（需方）：西江银行\n\n"
            "第一条 甲方应当配合网络安全审查。\n\nArticle 1 Party A shall cooperate with any cybersecurity review.\n\n"
            "第二条 乙方应当按期支付价款。\n\nArticle 2 Party B shall pay the price on time.\n")
    result = _check(text)
    assert "Party A" in result.roles.supplier.labels["en"] and "Party B" in result.roles.buyer.labels["en"]
    csr01 = result.requirement("CSR01")
    assert csr01.by_language["en"].verdict == csr01.by_language["zh"].verdict == "satisfied"


def test_a_buyers_right_never_contradicts_nor_mismatches() -> None:
    result = _check(_alternating())
    csr04 = result.requirement("CSR04")
    assert all(v.verdict != "contradicted" for v in csr04.by_language.values())
    assert not any(e.role == "contradiction" for e in csr04.evidence)


def test_clause_keys_compare_across_numbering_styles() -> None:
    doc = _doc("第三条 网络安全\n\n（一）乙方应当配合审查。\n\n（二）乙方不得收集数据。\n\n"
               "Article 3 Cybersecurity\n\n(a) The Supplier shall cooperate.\n\n(b) The Supplier shall not collect data.\n")
    zh = [b for b in doc.blocks if b.language == "zh"]
    en = [b for b in doc.blocks if b.language == "en"]
    assert clause_keys(zh) == clause_keys(en) == ["3", "3.1", "3.2"]


def test_alignment_by_order_and_length_when_one_version_has_an_extra_paragraph() -> None:
    text = ("1.1 乙方应当按期交付产品。\n\n1.1 The Supplier shall deliver the Products on time.\n\n"
            "乙方应当提供安装服务。\n\nThe Supplier shall install the Products.\n\n"
            "本款另有附件说明。\n\n"
            "1.2 甲方应当付款。\n\n1.2 The Purchaser shall pay.\n")
    pairs = [(z.text[:4], e.text[:4]) for z, e in align_versions(_doc(text))]
    assert ("1.1 ", "1.1 ") in pairs and ("1.2 ", "1.2 ") in pairs and ("乙方应当", "The ") in pairs


BILINGUAL_PDF = ROOT / "fixtures" / "pdf" / "bilingual_contract.pdf"


@pytest.mark.xfail(strict=True, reason="fail-closed accounting reads the later sentences of clause 3 (the CSR03 "
                   "sentence on hard-coded agents) as riders of the CSR01 undertaking in the same paragraph, so the "
                   "Chinese CSR01 is weak with unrecognised words: a recall cost of the frozen matcher, reported")
def test_bilingual_pdf_fixture_end_to_end() -> None:
    """The project's own compliant bilingual contract: parties never defined in a preamble, roles carried from
    "the Supplier" to 乙方 clause by clause; no version is missing an undertaking and no buyer's right
    contradicts."""
    result = check_document(read_document(BILINGUAL_PDF))
    assert "乙方" in result.roles.supplier.labels["zh"] and result.roles.supplier_party
    for rid in ("CSR01", "CSR02", "CSR03"):
        req = result.requirement(rid)
        assert req.verdict == "satisfied", (rid, req.message)
        assert {v.verdict for v in req.by_language.values()} == {"satisfied"}, rid
    csr04 = result.requirement("CSR04")
    assert all(v.verdict != "contradicted" for v in csr04.by_language.values())
    assert not any(f.rule == "bilingual-mismatch" and f.requirement != "CSR04" for f in result.findings)


@pytest.mark.xfail(reason="CSR04 zh is weak: the next sentence of 3.4 (产品停产…的，乙方应当提前二十四个月通知甲方并提供"
                          "迁移方案, an advance-notice duty the English '24 months in advance' mirrors) is read as a "
                          "carve-out by the sentence-level pass (_carve_outs_after / common.yaml carve_outs), which "
                          "the matcher-analysis helper is rewriting", strict=False)
def test_bilingual_pdf_fixture_all_four_satisfied() -> None:
    result = check_document(read_document(BILINGUAL_PDF))
    assert [r.verdict for r in result.requirements] == ["satisfied"] * 4
    assert "bilingual-mismatch" not in _rules(result)


SUBJECTLESS = {
    "zh": ("采购合同\n\n甲方（采购方）：东湾电网有限公司\n\n乙方（供应方）：北门网络系统有限公司\n\n"
           "第三条 乙方的网络安全义务\n\n3.1 乙方应当按期交付产品。\n\n3.2 严禁利用提供产品和服务的便利条件非法获取用户数据。\n\n"
           "第四条 甲方的义务\n\n4.1 严禁非法控制和操纵用户设备。\n"),
    "en": ('SUPPLY AGREEMENT\n\nThis Agreement is made between Eastbay Grid Co., Ltd. (the "Purchaser") and Northgate '
           'Ltd. (the "Supplier").\n\n3. Supplier\'s Obligations\n\n3.1 The Supplier shall deliver the Products.\n\n'
           "3.2 No user data shall be obtained illegally by using the convenience of providing the Products.\n\n"
           "4. Purchaser's Obligations\n\n4.1 No user equipment shall be illegally controlled or manipulated.\n"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_subjectless_prohibition_binds_the_side_its_clause_heading_names(lang: str) -> None:
    result = _check(SUBJECTLESS[lang])
    assert result.requirement("CSR02").verdict == "satisfied"  # under the supplier's obligations
    assert result.requirement("CSR03").verdict != "satisfied"  # under the buyer's
    # the same prohibitions in a buyer's notice bind no supplier
    notice = _check(NOTICE_ZH if lang == "zh" else NOTICE_EN)
    assert notice.requirement("CSR02").verdict != "satisfied"
