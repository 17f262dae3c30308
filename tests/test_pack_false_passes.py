"""False passes of the rule packs (issue 15), fixed as classes of drafting. Each class is written here in wordings
of its own, in Chinese and English, that must not be `satisfied`, beside near misses of the same shape that must
stay `satisfied` (so the fix is no blanket refusal). None of the wordings is taken from the evaluation corpora.

- SEC01: a promise only to obey the law on security ("遵守国家有关网络安全的法律法规", "the cybersecurity laws",
  《网络安全法》): the topic named before the law is what the law is about, not an obligation the contract sets.
- SEC01: a clause's title run into the sentence ("第九条 网络安全 乙方应遵守法律法规") read as the object of an act
  that has an object of its own.
- SEC01: measures left to the supplier ("采取必要的安全措施", "appropriate security measures") with nothing saying
  which.
- SEC02: confidentiality only for the term ("during the Term", 在合同有效期内) with nothing after it.
- SEC02: a run-in sub-clause that takes the undertaking back by its number ("12.1 … 12.2 Clause 12.1 does not apply
  to …", "第12.1条不适用于…", "Clause 12 does not apply" opening a sentence).
- ND02/ND03/PIPL21: a ban only on doing it "in breach of applicable law" / 违法 / "unlawfully" (the statute asks for
  the operator's consent, not only lawfulness).
- ND02: the forbidden act named in a relative clause describing other data ("data that it processes for its other
  customers", 其为其他客户处理的数据): not the act the supplier is bound not to do.
- PIPL21-03: the act of a third party the supplier would engage ("not engage any subcontractor to process",
  不得转委托第三方处理个人信息, "not subcontract … or otherwise entrust any processing"): a ban on sub-entrusting
  (PIPL21-05), not on processing beyond the agreed scope.
- ND03: a correlation ban with one partner only ("不得将甲方数据与境外数据进行关联分析").
"""

from __future__ import annotations

import pytest
from pack_documents import contract

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document


def _verdict(pack: str, rule: str, lang: str, clauses: list[str]) -> tuple[str, str]:
    doc = read_document(contract(lang, "billing", clauses).encode("utf-8"), filename="contract.txt")
    result = check_document(doc, library=load_packs([pack]))
    req = next(r for r in result.requirements if r.id == rule)
    return str(req.verdict), req.message


# (pack, rule, lang, clauses that must not be satisfied)
NOT_SATISFIED = [
    # only the law on security
    ("security-agreement", "SEC01", "zh", ["第九条 网络安全 乙方应当遵守我国有关网络安全的法律法规。"]),
    ("security-agreement", "SEC01", "zh", ["第九条 网络安全 乙方须遵守数据安全方面的法律、行政法规。"]),
    ("security-agreement", "SEC01", "zh", ["第九条 网络安全 乙方应遵守《网络安全法》和《数据安全法》。"]),
    ("security-agreement", "SEC01", "en", ["9. Security. The Supplier shall observe all PRC laws on network security."]),
    ("security-agreement", "SEC01", "en", ["9. Security. The Supplier shall comply with applicable data security legislation."]),
    # the clause's title run into the sentence is no object of an act that has its own
    ("security-agreement", "SEC01", "zh", ["第九条 网络安全 乙方应遵守法律法规。"]),
    ("security-agreement", "SEC01", "zh", ["第九条 数据安全 乙方应当遵守国家有关规定。"]),
    # measures left to the supplier
    ("security-agreement", "SEC01", "zh", ["第九条 网络安全 乙方应当采取相应的安全防护措施。"]),
    ("security-agreement", "SEC01", "zh", ["第九条 网络安全 乙方应采取适当的技术和管理措施。"]),
    ("security-agreement", "SEC01", "en", ["9. Security. The Supplier shall take all necessary security measures."]),
    ("security-agreement", "SEC01", "en", ["9. Security. The Supplier shall implement reasonable technical and "
                                           "organisational measures."]),
    # confidentiality only for the term
    ("security-agreement", "SEC02", "en", ["7. Confidentiality. The Supplier shall keep the Customer's information "
                                           "strictly confidential for the term of this Agreement."]),
    ("security-agreement", "SEC02", "en", ["7. Confidentiality. Until the expiry of this Agreement the Supplier shall "
                                           "not disclose the Customer's confidential information."]),
    ("security-agreement", "SEC02", "zh", ["第七条 保密 乙方在本协议有效期内应对甲方的保密信息予以保密。"]),
    # a run-in sub-clause taking the undertaking back by number
    ("security-agreement", "SEC02", "en", ["7. CONFIDENTIALITY. 7.1 The Supplier shall not disclose the Customer's "
                                           "confidential information. 7.2 Clause 7.1 does not apply to information "
                                           "the Supplier wishes to share with its affiliates."]),
    ("security-agreement", "SEC02", "en", ["7. CONFIDENTIALITY. The Supplier shall not disclose the Customer's "
                                           "confidential information. Clause 7 shall not apply to data the Supplier "
                                           "considers commercially useful."]),
    ("security-agreement", "SEC02", "zh", ["第七条 保密 7.1 乙方不得披露甲方的保密信息。7.2 第7.1条不适用于乙方认为"
                                           "需要向其合作伙伴提供的信息。"]),
    # only "unlawfully"
    ("network-data", "ND03", "en", ["10. Analysis. The Supplier shall not unlawfully carry out correlation analysis of "
                                    "the Customer's network data."]),
    ("network-data", "ND03", "zh", ["第十条 乙方不得违反法律法规对甲方网络数据进行关联分析。"]),
    ("network-data", "ND02", "en", ["10. Data. The Supplier shall not process the Customer's network data in "
                                    "violation of applicable laws and regulations."]),
    ("pipl21", "PIPL21-03", "zh", ["第十条 乙方不得违法超出约定的处理目的处理个人信息。"]),
    # the forbidden act in a relative clause
    ("network-data", "ND02", "en", ["10. Data. The Supplier shall not merge Customer Data with data which it "
                                    "processes for other clients."]),
    ("network-data", "ND02", "zh", ["第十条 乙方不得将甲方数据与其为第三方处理的数据混合存放。"]),
    # a third party's act
    ("pipl21", "PIPL21-03", "en", ["10. Subprocessors. The Supplier shall not appoint any sub-processor to process "
                                   "the personal information."]),
    ("pipl21", "PIPL21-03", "zh", ["第十条 乙方不得委托他人处理个人信息。"]),
    # the act handed over by "entrust", "subcontract", "delegate" (packs-heldout-4)
    ("pipl21", "PIPL21-03", "en", ["10. Sub-entrustment. The Supplier shall not subcontract, delegate or otherwise "
                                   "entrust any processing of the Customer's personal information to any person "
                                   "without the Customer's prior written consent."]),
    # a correlation ban limited to one partner ("与境外数据"): 与 names the partner, not a second object
    ("network-data", "ND03", "zh", ["第十条 未经甲方同意，乙方不得将甲方数据与境外数据进行关联分析。"]),
    # packs-heldout-5: a cap on the amounts rather than on "the liability" (违约金及赔偿总额…不超过)
    ("security-agreement", "SEC04", "zh", ["第十五条 违约责任 乙方违反本合同安全保密义务的，应承担违约责任。",
                                           "乙方承担的违约金及损害赔偿总额，无论基于何种原因，均不超过合同总价的百分之三。"]),
    ("security-agreement", "SEC04", "en", ["15. Liability. The Supplier shall be liable for any breach of its security "
                                           "and confidentiality obligations.", "The aggregate amount of damages payable by "
                                           "the Supplier under this Agreement shall not exceed the fees paid in the preceding "
                                           "twelve months."]),
    # packs-heldout-5: the operator's audit left to a regulator's demand, or satisfied by certificates
    ("pipl21", "PIPL21-06", "en", ["8. Audits. The Processor shall permit the Customer to audit its processing. On-site "
                                   "audits shall be permitted only where expressly required by a competent regulator."]),
    ("pipl21", "PIPL21-06", "zh", ["第八条 乙方应接受甲方对个人信息处理活动的监督，现场检查仅在监管部门要求时进行。"]),
]

# (pack, rule, lang, clauses of the same shape that must stay satisfied)
SATISFIED = [
    ("security-agreement", "SEC01", "zh", ["第九条 网络安全 乙方应及时修复所供产品中的安全漏洞。"]),
    ("csr", "CSR01", "zh", ["第九条 网络安全审查 乙方应当配合。"]),
    ("security-agreement", "SEC01", "zh", ["第九条 网络安全 乙方应严格遵守甲方的《供应商网络安全管理规定》。"]),
    ("security-agreement", "SEC01", "zh", ["第九条 网络安全 乙方应采取必要的安全保护措施，及时修复所供产品的安全漏洞。"]),
    ("security-agreement", "SEC01", "zh", ["第九条 网络安全 乙方应采取必要的安全措施，包括访问控制、日志审计和加密传输。"]),
    ("security-agreement", "SEC01", "en", ["9. Security. The Supplier shall implement and maintain the technical and "
                                           "organisational security measures described in Schedule 3."]),
    ("security-agreement", "SEC01", "en", ["9. Security. The Supplier shall take all necessary security measures, "
                                           "including access control, encryption in transit and audit logging."]),
    ("security-agreement", "SEC02", "en", ["7. Confidentiality. The Supplier shall keep the Customer's information "
                                           "strictly confidential during and after the term."]),
    ("security-agreement", "SEC02", "zh", ["第七条 保密 乙方应在合同有效期内及合同终止后对甲方的保密信息严格保密。"]),
    ("security-agreement", "SEC02", "zh", ["第七条 保密 7.1 乙方不得披露甲方的保密信息。7.2 乙方应于合同终止后返还"
                                           "甲方的保密信息。"]),
    ("network-data", "ND03", "en", ["10. Analysis. Without the Customer's consent the Supplier shall not carry out "
                                    "correlation analysis of the Customer's network data."]),
    ("network-data", "ND02", "zh", ["第十条 未经甲方同意，乙方不得访问、获取、留存、使用、泄露或向他人提供甲方网络数据。"]),
    ("network-data", "ND02", "en", ["10. Data. The Supplier undertakes that it shall not process Customer Data "
                                    "without the Customer's consent."]),
    ("pipl21", "PIPL21-03", "en", ["10. Scope. The Supplier shall not process the personal information beyond the "
                                   "agreed purposes."]),
    ("pipl21", "PIPL21-03", "zh", ["第十条 乙方不得超出约定的处理目的、处理方式等处理个人信息。"]),
    ("network-data", "ND03", "zh", ["第十条 未经甲方同意，乙方不得对甲方数据进行关联分析，亦不得将其传输至境外。"]),
]


@pytest.mark.parametrize(("pack", "rule", "lang", "clauses"), NOT_SATISFIED,
                         ids=[f"{c[1]}-{c[2]}-{i}" for i, c in enumerate(NOT_SATISFIED)])
def test_a_false_pass_class_is_not_satisfied(pack: str, rule: str, lang: str, clauses: list[str]) -> None:
    verdict, message = _verdict(pack, rule, lang, clauses)
    assert verdict != "satisfied", message


@pytest.mark.parametrize(("pack", "rule", "lang", "clauses"), SATISFIED,
                         ids=[f"{c[1]}-{c[2]}-{i}" for i, c in enumerate(SATISFIED)])
def test_the_near_miss_stays_satisfied(pack: str, rule: str, lang: str, clauses: list[str]) -> None:
    verdict, message = _verdict(pack, rule, lang, clauses)
    assert verdict == "satisfied", message


def test_a_sub_entrustment_ban_still_satisfies_its_own_rule() -> None:
    """The third party's act is not PIPL21-03's, but the ban on engaging it is still PIPL21-05's undertaking."""
    verdict, message = _verdict("pipl21", "PIPL21-05", "zh", ["第十条 未经甲方书面同意，乙方不得转委托第三方处理个人信息。"])
    assert verdict == "satisfied", message


def _read(pack: str, text: str) -> dict[str, str]:
    doc = read_document(text.encode("utf-8"), filename="excerpt.txt")
    return {r.id: str(r.verdict) for r in check_document(doc, library=load_packs([pack])).requirements}


@pytest.mark.parametrize(("pack", "text"), [
    # packs-heldout-2: excerpts that speak of a pack's duties without naming personal information or data were
    # passed as not_applicable; the duties' own words now make the pack apply
    ("pipl21", "18. Subcontracting. The Service Provider may subcontract the performance of any of its obligations "
               "under this Agreement to any person without the consent of the Client."),
    ("pipl21", "5. The Processor shall not sub-contract any of its processing operations performed on behalf of the "
               "Controller without the prior written consent of the Controller."),
    ("pipl21", "第十二条 稽核\n\n12.1 甲方得于每一合约年度内对乙方办理一次书面稽核，乙方应填复甲方之稽核问卷。"),
    ("network-data", "8.1 The Receiving Party shall hold the Disclosing Party's Confidential Information in confidence "
                     "and shall not disclose it to any third party."),
    ("network-data", "3.4 The Supplier's engineers shall use the credentials issued by the Purchaser only for "
                     "commissioning the switches."),
    ("network-data", "第十五条 保密\n\n乙方对在履行本合同过程中知悉的甲方商业秘密负有保密义务，未经甲方同意不得向第三方披露。"),
], ids=["pipl-free-subcontracting", "pipl-processor-controller", "pipl-audit-questionnaire", "nd-confidential-information",
        "nd-credentials", "nd-trade-secrets"])
def test_a_pack_applies_to_an_excerpt_on_its_duties(pack: str, text: str) -> None:
    """A wrong not_applicable passes the gate: only a document that never speaks of the pack's topic, nor of its
    duties, is outside it."""
    assert "not_applicable" not in _read(pack, text).values()


def test_a_pack_is_still_not_applicable_to_a_supply_without_any_contact() -> None:
    text = ("SUPPLY OF PRECISION AIR-CONDITIONING UNITS\n\n2.1 The Supplier shall deliver the units to the Purchaser's "
            "warehouse. The Supplier performs no services on site.")
    assert set(_read("pipl21", text).values()) == {"not_applicable"}


def test_a_buyers_statement_of_requirements_binds_no_supplier() -> None:
    """packs-heldout-2 false pass (t2-zh-020): a tender's 采购需求书 saying what the future contract will contain."""
    text = ("采购需求书 第三章 数据安全要求\n\n1. 中标供应商不得超出约定处理个人信息，未经采购人同意不得转委托，合同终止后应返还或删除个人"
            "信息。\n\n2. 上述要求将纳入正式合同，投标人须在投标文件中逐条响应。")
    assert "satisfied" not in _read("pipl21", text).values()


@pytest.mark.parametrize(("laws", "expected"), [("网络安全、数据安全的法律法规", "weak"),
                                                  ("甲方的网络安全管理制度", "satisfied")])
def test_a_list_of_the_laws_topics_is_still_only_the_law(laws: str, expected: str) -> None:
    """packs-heldout-2 false pass (t1-zh-008): "遵守国家有关网络安全、数据安全的法律法规" was read as a security duty."""
    text = f"甲方：某铁路局\n\n乙方：某科技有限公司（供应商）\n\n第八条 乙方应遵守{laws}。\n"
    assert _read("security-agreement", text)["SEC01"] == expected


def test_a_prohibition_on_access_with_a_lawful_basis_is_no_denial_of_contact() -> None:
    """packs-heldout-2 false gate pass (t3-en-027): "shall not access the Purchaser's network remotely without its
    written permission" was read as "the supplier touches no data", so network-data was not_applicable."""
    text = ("SUPPLY AND INSTALLATION OF CORE NETWORK SWITCHES\n\n3.4 The Supplier shall not retain any configuration "
            "files after commissioning, and shall not access the Purchaser's network remotely without the Purchaser's "
            "written permission.\n")
    assert "not_applicable" not in _read("network-data", text).values()
    denial = ("SUPPLY OF NETWORK SWITCHES\n\n2.1 The Supplier shall deliver the switches to the Purchaser's warehouse. "
              "The Supplier has no access to the Purchaser's systems or data.\n")
    assert set(_read("network-data", denial).values()) == {"not_applicable"}


@pytest.mark.parametrize(("text", "rule", "expected"), [
    # a security annex named only by number and title: a pointer to check, not the obligation (t1-zh-043)
    ("甲方：某电信公司\n\n乙方：某网络设备有限公司（供应商）\n\n第十五条 信息安全\n\n乙方须遵守附件三《信息安全要求》之规定。\n",
     "SEC01", "weak"),
    ("甲方：某电信公司\n\n乙方：某网络设备有限公司（供应商）\n\n第十五条 信息安全\n\n乙方须遵守甲方的信息安全管理制度。\n",
     "SEC01", "satisfied"),
], ids=["annex-by-title", "operators-rules"])
def test_a_security_annex_named_only_by_its_title_is_a_pointer(text: str, rule: str, expected: str) -> None:
    assert _read("security-agreement", text)[rule] == expected


@pytest.mark.parametrize(("exception", "expected"), [
    ("但依前述法律规定或机构要求进行的除外", "weak"),
    ("但依中华人民共和国法律规定进行的除外", "satisfied"),
], ids=["points-back-to-foreign-law", "prc-law"])
def test_an_exception_pointing_back_at_laws_named_before_is_a_carve_out(exception: str, expected: str) -> None:
    """packs-heldout-2 false pass (t3-zh-021): the ND03 ban's exception "依前述法律规定" pointed at the foreign-law
    carve-out of the sentence before and was read as a lawful basis."""
    text = ("甲方：某市大数据中心\n\n乙方：某云计算有限公司（服务商）\n\n11.2 乙方不得向任何第三方提供甲方数据，但乙方根据其总部所在国家的法律"
            f"规定提供的除外。乙方亦不得对甲方数据进行关联分析，{exception}。\n")
    assert _read("network-data", text)["ND03"] == expected


@pytest.mark.parametrize(("cap", "expected"), [
    ("14.3 乙方在本合同项下承担的全部违约及赔偿责任，累计不超过本合同总价的百分之五。", "weak"),
    ("14.3 乙方在本合同项下承担的全部违约及赔偿责任，累计不超过本合同总价的百分之五，但乙方违反保密义务或者发生数据泄露的除外。", "satisfied"),
    ("14.3 乙方应按时交付货物。", "satisfied"),
], ids=["cap-anywhere", "cap-excepting-confidentiality", "no-cap"])
def test_a_cap_on_all_the_suppliers_liability_limits_the_security_liability(cap: str, expected: str) -> None:
    """packs-heldout-3 false pass (v1-zh-002): the security agreement made the supplier liable "按主合同第十四条", whose
    14.3 capped all its liability at 5 % of the price; the cap stood in another clause."""
    text = ("甲方：某市轨道交通集团有限公司\n\n乙方：某信息技术有限公司（供应商）\n\n第五条 乙方违反本协议约定的安全保密义务的，应赔偿甲方"
            f"由此造成的全部损失。\n\n第十四条 违约责任\n\n{cap}\n")
    assert _read("security-agreement", text)["SEC04"] == expected


@pytest.mark.parametrize(("proviso", "expected"), [
    (", provided that the Supplier shall not be responsible for any disclosure by its subcontractors", "weak"),
    (", and the Supplier shall procure that its subcontractors do the same", "satisfied"),
], ids=["disowns-subcontractors", "binds-subcontractors"])
def test_a_supplier_disowning_those_it_answers_for_is_a_carve_out(proviso: str, expected: str) -> None:
    """packs-heldout-3 false pass (v1-en-032)."""
    text = ("Customer: Harbour Grid Ltd.\n\nSupplier: Northbridge Systems Ltd.\n\n9. CONFIDENTIALITY. The Supplier "
            f"shall keep the Customer's information confidential{proviso}.\n")
    assert _read("security-agreement", text)["SEC02"] == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("12.3 Notwithstanding anything to the contrary, Supplier may aggregate and de-identify Customer Personal "
     "Information and may use such de-identified data for any purpose, including benchmarking.", "contradicted"),
    ("12.3 Supplier shall not use Customer Personal Information for benchmarking.", "satisfied"),
], ids=["de-identified-for-any-purpose", "no-benchmarking"])
def test_use_of_de_identified_personal_information_for_any_purpose_goes_beyond_the_purpose(clause: str,
                                                                                           expected: str) -> None:
    """packs-heldout-3 false pass (v2-en-029): de-identified personal information is still personal information."""
    text = ("Customer: Harbour Grid Ltd.\n\nSupplier: Northbridge Systems Ltd.\n\n4.1 Supplier shall process Customer "
            "Personal Information only as necessary to provide the Services and in accordance with Customer's "
            f"documented instructions.\n\n{clause}\n")
    assert _read("pipl21", text)["PIPL21-03"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("第十四条 乙方不得将本合同项下受托处理的个人信息处理事项转委托他人。\n", "missing"),
    ("第十四条 乙方不得超出约定的目的和方式处理个人信息。\n", "satisfied"),
], ids=["processing-handed-over", "processing-itself"])
def test_processing_named_as_what_would_be_sub_entrusted_is_no_processing_limit(text: str, expected: str) -> None:
    """"不得将…个人信息处理事项转委托他人" bans sub-entrusting (PIPL21-05); the processing is what would be handed over,
    not processing the supplier is bound to keep within the agreed purpose (PIPL21-03). A change to the letter rules
    had let it through on the pack corpus; the eval test now fails on any pack false pass."""
    header = "甲方（委托方）：某市医疗保障局\n\n乙方（受托方）：某信息技术有限公司\n\n"
    assert _read("pipl21", header + text)["PIPL21-03"] == expected


@pytest.mark.parametrize(("pack", "text", "expected"), [
    # packs-heldout-4: contracts whose supplier plainly handles people's data in words no indicator lists; a pack
    # that knows how a contract denies the topic is not applicable only where one says so, or where only goods are sold
    ("pipl21", "视频监控系统维保合同\n\n第二条 乙方负责甲方营业厅四十路摄像机的巡检和故障维修，乙方工程师可调阅相关时段的录像。", False),
    ("pipl21", "ACCESS READERS CONTRACT\n\n2.1 The Supplier shall install 40 facial-recognition readers at the Estate "
               "and enrol the residents' faces during commissioning.", False),
    ("network-data", "16. ASSESSMENT\n\nThe Supplier shall cooperate with the Customer's MLPS Level 3 assessment and "
                     "remedy the findings attributable to the Deliverables.", False),
    ("pipl21", "FIBRE CABLE SUPPLY CONTRACT\n\n1. The Seller shall supply 300 km of single-mode fibre cable.\n\n"
               "2. Delivery shall be made to the Buyer's depot within 45 days.", True),
    ("network-data", "蓄电池采购合同\n\n1. 卖方向买方供应阀控式蓄电池六百只。\n\n2. 卖方负责送货到站。", True),
    # fail closed: a word of services, even the buyer's own ("买方负责安装"), keeps the pack applicable (missing)
    ("network-data", "蓄电池采购合同\n\n1. 卖方向买方供应阀控式蓄电池六百只。\n\n2. 卖方负责送货到站，买方负责安装。", False),
    ("network-data", "机柜采购合同\n\n1. 卖方供应服务器机柜一百台并负责就位固定，卖方人员不接触买方任何在运行设备和数据。", True),
], ids=["pipl-cctv-footage", "pipl-faces", "nd-assessment-excerpt", "pipl-cable", "nd-batteries",
        "nd-batteries-installed-by-buyer", "nd-denied"])
def test_not_applicable_needs_a_denial_or_a_sale_of_goods_only(pack: str, text: str, expected: bool) -> None:
    verdicts = set(_read(pack, text).values())
    assert (verdicts == {"not_applicable"}) is expected, verdicts
