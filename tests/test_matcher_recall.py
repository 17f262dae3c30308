"""Recall classes of issue 10 (round recall4): harmless structures a contract uses around a good undertaking stay
satisfied, and the same shape carrying a real carve-out stays weak (or worse). Every wording here is new: none is
taken from the evaluation corpora."""

from __future__ import annotations

import pytest
from _helpers import contract

from cliccheck.matcher import check_document
from cliccheck.readers import read_document


def _verdict(clause: str, lang: str, rule: str) -> tuple[str, str]:
    result = check_document(read_document(contract(clause, lang), filename="case.txt")).requirement(rule)
    return str(result.verdict), result.message


# (lang, rule, clause that must stay satisfied, the same shape with a carve-out that must not)
CLASSES = [
    # a later sub-clause that is itself a whole undertaking, its exceptions all justified, restates the duty
    ("zh", "CSR04",
     "第九条 持续供应\n\n9.1 在合同有效期内，乙方应当持续向甲方供应合同产品并提供必要的技术支持服务。\n\n"
     "9.2 除甲方逾期付款经书面催告后四十五日内仍未支付外，乙方不得以任何理由暂停前款供货或服务。",
     "第九条 持续供应\n\n9.1 在合同有效期内，乙方应当持续向甲方供应合同产品并提供必要的技术支持服务。\n\n"
     "9.2 除甲方逾期付款或者乙方调整产品路线外，乙方不得以任何理由暂停前款供货或服务。"),
    ("en", "CSR04",
     "9. Continuity\n\n9.1 The Vendor shall keep supplying the Products and the necessary technical support services "
     "throughout the term of this Agreement.\n\n9.2 The Vendor shall not suspend the supply or the support referred "
     "to in Clause 9.1 except where the Customer has failed to pay an undisputed invoice within forty-five days after "
     "written notice.",
     "9. Continuity\n\n9.1 The Vendor shall keep supplying the Products and the necessary technical support services "
     "throughout the term of this Agreement.\n\n9.2 The Vendor shall not suspend the supply or the support referred "
     "to in Clause 9.1 except where the Vendor considers it commercially appropriate."),
    # a commitment list run on after a colon and "；": each item shares the opening's party and binding verb
    ("zh", "CSR03",
     "第九条 乙方承诺：配合甲方依法开展的网络安全审查；不借运维之便非法获取甲方数据；不非法控制甲方的设备和系统。",
     "第九条 乙方承诺：配合甲方依法开展的网络安全审查；不借运维之便非法获取甲方数据；不恶意控制甲方的设备和系统。"),
    # clauses run on after ";" share the opening's subject and binding verb ("undertakes to …; not to …")
    ("en", "CSR02",
     "9. The Vendor undertakes to cooperate with any cybersecurity review of the Customer; not to obtain any data of "
     "the Customer's users unlawfully by taking advantage of the Products; and not to unlawfully control the "
     "Customer's equipment.",
     "9. The Vendor undertakes to cooperate with any cybersecurity review of the Customer; not to obtain any data of "
     "the Customer's users unlawfully by taking advantage of the Products, save as its global privacy policy "
     "permits; and not to unlawfully control the Customer's equipment."),
    # riders that only make a breach costlier: the buyer's remedies, the supplier answering for its people
    ("zh", "CSR02",
     "第九条 数据\n\n9.1 乙方及其分包单位不得利用提供服务的便利条件非法获取甲方及其用户的数据。\n\n"
     "9.2 乙方违反本条约定的，甲方有权解除本合同并要求乙方支付违约金；乙方对其分包单位的行为承担连带责任。",
     "第九条 数据\n\n9.1 乙方及其分包单位不得利用提供服务的便利条件非法获取甲方及其用户的数据。\n\n"
     "9.2 乙方为产品改良目的调取的数据，视为已获甲方授权。"),
    ("en", "CSR03",
     "9. Equipment\n\n9.1 The Vendor shall not unlawfully control or manipulate the Customer's equipment.\n\n"
     "9.2 Any breach of Clause 9.1 by the Vendor's subcontractors shall be deemed a breach by the Vendor, and the "
     "Customer may terminate this Agreement and claim liquidated damages.",
     "9. Equipment\n\n9.1 The Vendor shall not unlawfully control or manipulate the Customer's equipment.\n\n"
     "9.2 Any control of the Customer's equipment by the Vendor's subcontractors shall be deemed authorised by the "
     "Customer."),
    # survival past termination extends the undertaking; a period that ends before the contract does not
    ("zh", "CSR01",
     "第九条 乙方应当配合甲方申报的网络安全审查，并如实提供审查所需材料。本条义务于本合同终止后三年内继续有效。",
     "第九条 乙方应当配合甲方申报的网络安全审查，并如实提供审查所需材料。本条义务仅于交付后六个月内有效。"),
    ("en", "CSR01",
     "9. The Vendor shall cooperate fully with any cybersecurity review of the Products. This Clause 9 shall survive "
     "termination or expiry of this Agreement.",
     "9. The Vendor shall cooperate fully with any cybersecurity review of the Products. This Clause 9 shall apply "
     "only until the first acceptance test."),
    # a clause title on its own line, in one language or both, is no rider
    ("en", "CSR02",
     "Clause 9 Data Protection\n\n9.1 The Vendor shall not unlawfully obtain any data of the Customer or its users "
     "by taking advantage of the Products.\n\nClause 9 Data Protection",
     "Clause 9 Data Protection\n\n9.1 The Vendor shall not unlawfully obtain any data of the Customer or its users "
     "by taking advantage of the Products.\n\nClause 9 Does Not Apply To Telemetry"),
    # the position the supplier must not take advantage of, however it is named, widens the prohibition
    ("zh", "CSR02",
     "第九条 乙方不得借设备巡检、固件升级或驻场值守之机，擅自读取、导出甲方及其用户的数据。",
     "第九条 乙方不得借设备巡检、固件升级或驻场值守期间之机，擅自读取、导出甲方及其用户的数据。"),
    ("en", "CSR03",
     "9. The Vendor shall not use the remote access granted to its field engineers under this Agreement to "
     "unlawfully control the Customer's equipment.",
     "9. The Vendor shall not use the remote access granted to its field engineers under this Agreement, where it "
     "considers that appropriate, to unlawfully control the Customer's equipment."),
    # the slot ends at the first "to <verb>": a later "to" ("forwarded to it") must not stretch it over the object's
    # own qualifiers (only the data forwarded to the supplier is less than all user data)
    ("en", "CSR02",
     "9. The Vendor shall not use the convenience of providing the Products and services to illegally obtain the "
     "data of the Customer's users or give it to third parties.",
     "9. The Vendor shall not use the convenience of providing the Products and services to illegally obtain the "
     "user data forwarded to it."),
    # a later clause that names only another item of the undertaking's clause speaks of that item
    ("en", "CSR02",
     "9. Undertakings\n\n9.1 The Vendor undertakes that it shall:\n\n(a) not unlawfully obtain any data of the "
     "Customer's users by taking advantage of the Products;\n\n(b) not interrupt the supply of the Products without "
     "justifiable reason.\n\n10. Notwithstanding Clause 9.1(b), the Vendor may stop supplying the Products at any "
     "time.",
     "9. Undertakings\n\n9.1 The Vendor undertakes that it shall:\n\n(a) not unlawfully obtain any data of the "
     "Customer's users by taking advantage of the Products;\n\n(b) not interrupt the supply of the Products without "
     "justifiable reason.\n\n10. Notwithstanding Clause 9.1(a), the Vendor may collect usage data at any time."),
    # a tender letter's formalities and the project's quoted name are no qualifiers
    ("en", "CSR01",
     "9. Having examined the tender documents, the Vendor declares that, if awarded the contract, it shall cooperate "
     "with any cybersecurity review of the Customer's procurement.",
     "9. Having examined the tender documents, the Vendor declares that, if awarded the contract, it shall cooperate "
     "with any cybersecurity review of the Customer's procurement where commercially feasible."),
    ("zh", "CSR01",
     "第九条 乙方参与甲方“智慧营业厅”平台采购，如乙方中标，乙方应当配合甲方申报的网络安全审查。",
     "第九条 乙方参与甲方“智慧营业厅”平台采购，如乙方中标，乙方应当在不影响其正常经营的前提下配合甲方申报的网络安全审查。"),
    # the contract term and a further period: the undertaking binds at least for the whole term
    ("zh", "CSR04",
     "第九条 乙方保证在合同期限及设备设计使用年限内持续供应合同产品并提供必要的技术支持服务，无正当理由不得中断。",
     "第九条 乙方保证在合同期限或设备质保期内（以较短者为准）持续供应合同产品并提供必要的技术支持服务，无正当理由不得中断。"),
    ("en", "CSR04",
     "9. The Vendor shall not interrupt the supply of the Products or the necessary technical support throughout the "
     "Term and for eight years after the final acceptance without justifiable reason.",
     "9. The Vendor shall not interrupt the supply of the Products or the necessary technical support throughout the "
     "Term and the warranty period, whichever is shorter, without justifiable reason."),
    # the people an operator serves, under their sector's name, are its users; its own staff alone are not
    ("en", "CSR02",
     "9. The Vendor shall not unlawfully obtain any data of the Customer, its policyholders or any other data "
     "subjects by taking advantage of the Products.",
     "9. The Vendor shall not unlawfully obtain any personal information of the Customer's employees by taking "
     "advantage of the Products."),
    ("zh", "CSR02",
     "第九条 乙方不得利用提供产品的便利条件，非法获取甲方及其旅客、持卡人的数据。",
     "第九条 乙方不得利用提供产品的便利条件，非法获取甲方及其旅客、持卡人的数据，但依乙方集团全球隐私政策收集的除外。"),
    # handing over the materials the review needs, on the buyer's filing, is cooperating with it (as 提供…资料 was)
    ("zh", "CSR01",
     "第九条 甲方申报网络安全审查并经主管部门受理的，乙方应在接到甲方通知后七个工作天内提交审查所需的全部技术资料。",
     "第九条 甲方申报网络安全审查并经主管部门受理的，乙方应在接到甲方通知后七个工作天内提交审查所需的技术资料，但费用由甲方承担。"),
    # an inverted condition ("Should the Customer file …,") triggers the duty; "should" in the duty still hedges it
    ("en", "CSR01",
     "9. Should the Customer submit this procurement for cybersecurity review, the Vendor shall cooperate fully with "
     "the review.",
     "9. Should the Customer submit this procurement for cybersecurity review, the Vendor should cooperate with the "
     "review."),
    # an illustrative list of the means of cooperation only adds to the duty
    ("en", "CSR01",
     "9. The Vendor shall cooperate with any cybersecurity review of the Products, including by furnishing "
     "architecture diagrams, component bills of materials and making its firmware engineers available for "
     "questioning.",
     "9. The Vendor shall cooperate with any cybersecurity review of the Products, including by furnishing "
     "architecture diagrams where the Vendor considers disclosure appropriate."),
    ("zh", "CSR01",
     "第九条 甲方申报网络安全审查的，乙方应当配合，包括提交芯片供货商名录、固件编译记录，并派技术负责人列席问询。",
     "第九条 甲方申报网络安全审查的，乙方应当配合，包括在乙方认为必要时提交芯片供货商名录。"),
]


@pytest.mark.parametrize("lang,rule,good,bad", CLASSES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CLASSES)])
def test_harmless_structure_stays_satisfied_and_carve_out_does_not(lang: str, rule: str, good: str, bad: str) -> None:
    verdict, message = _verdict(good, lang, rule)
    assert verdict == "satisfied", message
    verdict, message = _verdict(bad, lang, rule)
    assert verdict in ("weak", "contradicted"), message
