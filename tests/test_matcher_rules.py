"""Rule tests as data (tests/data/rule_cases.yaml), run by one generic test."""

from __future__ import annotations

import pytest
from _helpers import RULE_CASES, contract, verdict_of


@pytest.mark.parametrize("case", RULE_CASES["cases"], ids=lambda c: f"{c['rule']}-{c['lang']}-{c['expect']}-{c['text'][:30]}")
def test_rule_case(case: dict) -> None:
    assert verdict_of(contract(case["text"], case["lang"]), case["rule"]) == case["expect"]


def test_taiwan_procurement_agency_is_the_buyer() -> None:
    """政府採購 contracts name the buyer 機關: its consent and its data are the buyer's, not unknown words."""
    text = "第十一條 廠商不得利用提供軟體及維護服務之機會，未經機關書面同意蒐集、處理或利用機關及民眾之資料。\n"
    assert verdict_of(text.encode(), "CSR02") == "satisfied"
    # another agency is not the buyer: an undertaking it gives is no undertaking of the supplier's
    assert verdict_of("第十一條 其他機關不得非法蒐集機關之個人資料。\n".encode(), "CSR02") != "satisfied"


def test_heading_lines_and_item_lists_of_a_traditional_contract() -> None:
    """A heading line "第十二條 審查配合" is no part of its body, and a refusal in item 二 qualifies item 一."""
    text = "第十二條 審查配合\n一、廠商應配合機關辦理網路安全審查。\n二、審查機構要求之資料，廠商得逕行拒絕。\n"
    assert verdict_of(text.encode(), "CSR01") != "satisfied"
    assert verdict_of("第十條 資安審查配合\n廠商應配合機關辦理網路安全審查。\n".encode(), "CSR01") == "satisfied"


def test_a_device_class_compound_is_a_narrow_object() -> None:
    """服务器主机 names servers only: the 主机 inside it does not make the undertaking cover every host."""
    assert verdict_of("第十六條 廠商不得以非法方式控制機關之伺服器主機。\n".encode(), "CSR03") == "weak"


def test_a_duty_put_on_what_the_supplier_owns_does_not_bind_the_supplier() -> None:
    """"廠商之母公司應配合", "The Supplier's subcontractors shall": the parent or subcontractor is bound, not the
    supplier, so the undertaking is not the supplier's (never satisfied); "the Supplier's obligations include" is."""
    assert verdict_of("第六條 廠商之母公司應配合機關辦理網路安全審查。\n".encode(), "CSR01") != "satisfied"
    assert verdict_of(contract("9.1 The Vendor's subcontractors shall cooperate fully with any cybersecurity review.",
                               "en"), "CSR01") != "satisfied"
    assert verdict_of(contract("9.1 The Vendor and its parent company shall cooperate fully with any cybersecurity "
                               "review.", "en"), "CSR01") == "satisfied"


def test_commitment_letter_words_of_taiwan_and_hong_kong() -> None:
    """立切結書人 is the declarant, 貴中心 the addressee, 分判商 / 協力廠商 the supplier's subcontractors."""
    letter = ("切結書\n\n立切結書人 台灣宏鼎電信系統股份有限公司（下稱本公司）茲承諾：\n\n"
              "一、本公司及協力廠商不利用提供設備與服務之便利，非法蒐集貴中心及用戶之資料。\n\n此致 某醫療中心\n")
    assert verdict_of(letter.encode(), "CSR02") == "satisfied"


def test_a_nominalised_duty_binds_the_party_named_after_shi() -> None:
    """"配合网络安全审查是乙方…的一项持续性义务" is the supplier's duty; "不是乙方的义务" is none."""
    assert verdict_of(contract("第九条 配合网络安全审查是乙方在本合同项下的一项持续性义务。", "zh"), "CSR01") == "satisfied"
    assert verdict_of(contract("第九条 配合网络安全审查不是乙方在本合同项下的义务。", "zh"), "CSR01") != "satisfied"


def test_sub_clauses_under_an_english_clause_lead_in() -> None:
    """"Clause 19 … The Vendor shall not:" governs 19.1, 19.2: each item is read with the lead-in's prohibition."""
    clause = ("Clause 19 — Vendor Conduct\n\nThe Vendor shall not:\n\n19.1 illegally obtain any user data;\n\n"
              "19.2 illegally control or manipulate the Customer's equipment.")
    assert verdict_of(contract(clause, "en"), "CSR02") == "satisfied"


def test_passengers_data_in_a_traditional_contract() -> None:
    """乘客之數據 is user data (之 is the possessive of TW/HK contracts)."""
    text = "發包人：某鐵路公司；承包人：港聯信號工程有限公司。\n\n第8條 承包人承諾：\n(b) 不利用供應產品及服務之便利，非法取得發包人及乘客之數據。\n"
    assert verdict_of(text.encode(), "CSR02") == "satisfied"


def test_a_passive_prohibition_with_a_list_of_owners() -> None:
    """"No patient, clinician or hospital data shall be accessed by the Vendor" is a prohibition; a comma before a
    clause ("No later than 30 days, the Vendor shall be …") is not."""
    assert verdict_of(contract("9.2 No patient, clinician or user data shall be accessed or collected by the Vendor.",
                               "en"), "CSR02") == "satisfied"
    assert verdict_of(contract("9.2 No later than 30 days after delivery, the Vendor shall be entitled to collect "
                               "user data.", "en"), "CSR02") != "satisfied"


def test_user_data_named_by_kind_and_in_a_commitment_letter() -> None:
    """用水户的数据, 用户收视数据, 政务数据 are user data; 取閱 (TW/HK) is to access them."""
    assert verdict_of(contract("第九条 乙方不得非法获取用户收视数据。", "zh"), "CSR02") == "satisfied"
    assert verdict_of(contract("第九条 乙方不得非法取阅甲方及用水户的数据。", "zh"), "CSR02") == "satisfied"


def test_an_exception_for_what_the_buyer_instructs_in_writing() -> None:
    """"save as expressly instructed in writing by the Customer" is the buyer's consent (a lawful basis); the same
    words naming someone else leave the exception a carve-out."""
    assert verdict_of(contract("9.2 The Vendor shall not obtain any user data, save as expressly instructed in writing "
                               "by the Customer.", "en"), "CSR02") == "satisfied"
    assert verdict_of(contract("9.2 The Vendor shall not obtain any user data, save as expressly instructed in writing "
                               "by its shareholders.", "en"), "CSR02") != "satisfied"


def test_an_exception_the_supplier_decides_is_a_carve_out() -> None:
    """"other than … as the Vendor reasonably determines" leaves the exception to the supplier: never satisfied,
    while a prohibition that also names operating the equipment stays satisfied."""
    assert verdict_of(contract("9.3 The Vendor shall not, other than in the ordinary course of providing the Services "
                               "as the Vendor reasonably determines, control or operate any of the Customer's devices.",
                               "en"), "CSR03") == "weak"
    assert verdict_of(contract("9.3 The Vendor shall not illegally control or operate any of the Customer's devices.",
                               "en"), "CSR03") == "satisfied"
    assert verdict_of(contract("9.2 The Vendor shall not obtain any user data, save where required by an order of a "
                               "PRC court.", "en"), "CSR02") == "satisfied"


def test_the_prevailing_version_decides_a_contradiction_between_versions() -> None:
    """A bilingual contract whose Chinese text prevails is judged by it, with the versions' disagreement kept as a
    bilingual-mismatch finding; without a language clause a contradiction in either version decides."""
    from cliccheck.matcher import check_document
    from cliccheck.readers import read_document

    body = ("甲方（采购人）：东海银行股份有限公司 / Party A (the Customer): Donghai Bank Co., Ltd.\n\n"
            "乙方（供应商）：北辰系统有限公司 / Party B (the Vendor): Beichen Systems Ltd.\n\n"
            "第九条 乙方应当积极配合网络安全审查。\n\n"
            "Article 9 The Vendor may refuse to take part in any cybersecurity review.\n\n")
    clause = "第三十条 本合同以中文为准。\n\nArticle 30 The Chinese text prevails.\n"
    prevailing = check_document(read_document((body + clause).encode(), filename="c.txt"))
    assert str(prevailing.requirement("CSR01").verdict) == "satisfied"
    assert any(f.rule == "bilingual-mismatch" and f.requirement == "CSR01" for f in prevailing.findings)
    plain = check_document(read_document(body.encode(), filename="c.txt"))
    assert str(plain.requirement("CSR01").verdict) == "contradicted"
