"""Round 24 (issues 10 and 15): who the parties are when an excerpt never says, exceptions that point back,
long support periods, and a recital quoting the statute.

- An excerpt that never defines 甲方 and 乙方 shows who supplies in its body ("乙方…不中断对甲方的技术支持服务",
  "甲方逾期付款…") and who cooperates with the buyer's review; a supplier's letter names its undertaking in its
  subject line, or says who "we" are in an author line ("We, Polaris GmbH (the "Supplier"), …").
- "乙方仅在甲方逾期付款…时，方可暂停供货；除此之外，乙方不得…" excepts only what the provision before it allows.
- A stated period of supply and support of five years or more after acceptance reaches into the working life of
  what was bought; a shorter one stays weak.
- A right granted under a contract-wide override on another subject ("尽管有本合同其他约定，乙方可保留…运行数据")
  takes nothing from a promise on equipment.
- Fail closed, new: a recital quoting Art. 6 ("…要求产品和服务提供者…承诺不利用…") was the supplier's undertaking when
  the contract defined its supplier as 服务提供者; a statement capping the duty to cooperate; the supplier's own
  group policy; a supplementary agreement's own short term; malicious code in the delivered goods.
Every text is written here for the test; none is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：东临市自来水有限公司\n\n乙方（供应商）：清源智控科技有限公司\n\n"
EN = "Purchaser: Eastmere Water Supply Co., Ltd.\n\nSupplier: Clearsource Controls Ltd.\n\n"


# --- who the parties are, when an excerpt never says ------------------------------------------------------------

@pytest.mark.parametrize("text, rule", [
    ("第九条 持续服务\n\n9.1 乙方承诺，在本合同有效期内，无正当理由不中断对甲方的调度软件维护及技术支持服务，并持续保证"
     "设备及其备件的供应。\n", "CSR04"),
    ("第六条 乙方应配合甲方完成关键信息基础设施安全检测评估，配合网信部门组织的网络安全审查，并按要求提交材料。\n", "CSR01"),
    ("第七条 乙方不得利用提供水表及抄表平台服务的便利，未经甲方书面授权获取、留存或使用用户用水数据。\n", "CSR02"),
])
def test_the_body_shows_which_label_supplies(text: str, rule: str) -> None:
    assert _verdict(text, rule) == "satisfied"


def test_the_label_the_body_shows_supplying_is_the_supplier_even_when_it_is_jia() -> None:
    text = ("第四条 服务连续性\n\n4.1 订阅期内，甲方应持续向乙方提供平台服务及必要的技术支持，无正当理由不得中断。\n\n"
            "4.2 乙方逾期支付订阅费，经甲方书面催告后三十日内仍未支付的，甲方可暂停服务。\n")
    assert _verdict(text, "CSR04") == "satisfied"
    flipped = ("第四条 乙方应配合甲方就本项目开展网络安全审查。\n\n第五条 乙方应向甲方持续提供平台服务。\n\n"
               "第六条 甲方承诺无正当理由不中断技术支持。\n")
    assert _verdict(flipped, "CSR04") != "satisfied"  # the buyer's promise


def test_a_buyer_asking_for_cooperation_is_not_read_as_cooperating() -> None:
    # "如甲方要求乙方配合…": 甲方 asks, 乙方 cooperates; the fee condition keeps it weak
    text = "第二十条 如甲方要求乙方配合网络安全审查，乙方应予配合，但甲方应另行支付配合费用。\n"
    assert _verdict(text, "CSR01") == "weak"


def test_a_late_payer_inside_an_exception_does_not_turn_the_sides() -> None:
    text = ("第十二条 乙方承诺在本合同有效期内，除甲方逾期付款经书面催告仍未支付、不可抗力外，不中断平台软件许可的供应"
            "及必要的技术支持服务。\n")
    assert _verdict(text, "CSR04") == "satisfied"


def test_an_excerpt_with_nothing_to_show_the_sides_stays_weak() -> None:
    assert _verdict("第五条 乙方不得非法获取用户数据。\n", "CSR02") == "weak"


@pytest.mark.parametrize("subject", [
    "Sub: Commitment regarding control panels and managed services under Agreement No. EW-2026-14",
    "Re: SCADA upgrade, Phase II - Supplier's Security Undertaking",
])
def test_a_suppliers_letter_says_what_it_is_in_its_subject_line(subject: str) -> None:
    text = ("Clearsource Controls Ltd.\n\nTo: Eastmere Water Supply Co., Ltd.\n\n" + subject + "\n\nDear Sirs,\n\n"
            "We undertake that we will not interrupt the supply of control panels and spare parts, or the technical "
            "support for them, during the term of the Agreement, except on account of force majeure or your failure "
            "to pay undisputed invoices after our written notice.\n")
    assert _verdict(text, "CSR04") == "satisfied"


def test_a_buyers_request_for_an_undertaking_is_not_the_undertaking() -> None:
    text = ("Eastmere Water Supply Co., Ltd.\n\nTo: Clearsource Controls Ltd.\n\nRe: Request for Supplier's Security "
            "Undertaking\n\nDear Sirs,\n\nWe will not interrupt our payments without cause, and we ask you to "
            "confirm that you will not interrupt the supply of control panels or technical support without "
            "justifiable reason.\n")
    assert _verdict(text, "CSR04") != "satisfied"


def test_an_author_line_says_who_we_are_whatever_the_title() -> None:
    text = ("SUPPLIER CODE OF CONDUCT - ACKNOWLEDGEMENT AND UNDERTAKING\n(to be returned with every tender)\n\n"
            "To: Eastmere Water Supply Co., Ltd. (the \"Company\")\n\n"
            "We, Clearsource Controls Ltd. (the \"Supplier\"), undertake to the Company as follows:\n\n"
            "(a) we shall not use the access made available to us in supplying goods to the Company to obtain any "
            "data of the Company or of its customers without the Company's written authorisation.\n")
    assert _verdict(text, "CSR02") == "satisfied"


# --- exceptions pointing back -------------------------------------------------------------------------------------

@pytest.mark.parametrize("grant", [
    "乙方仅在甲方逾期付款超过六十日，且经乙方书面催告后三十日内仍未支付时，方可暂停供货或者技术支持服务；",
    "如甲方拖欠到期合同款项超过六十日，经乙方书面催告后三十日内仍未支付的，乙方可暂停供货及技术支持服务；",
])
def test_except_for_what_went_before_is_as_justified_as_it(grant: str) -> None:
    text = ZH + "第十条 暂停履行\n\n10.1 " + grant + "除此之外，乙方不得以任何理由暂停、中断供货或技术支持。\n"
    assert _verdict(text, "CSR04") == "satisfied"


@pytest.mark.parametrize("grant", [
    "乙方可在其认为必要时暂停供货或者技术支持服务；",
    "乙方可因产品停产或经营调整暂停供货或者技术支持服务；",
])
def test_except_for_an_unjustified_right_stays_weak(grant: str) -> None:
    text = ZH + "第十条 暂停履行\n\n10.1 " + grant + "除此之外，乙方不得以任何理由暂停、中断供货或技术支持。\n"
    assert _verdict(text, "CSR04") != "satisfied"


def test_except_for_a_listed_ground_that_is_not_justified_stays_weak() -> None:
    text = ZH + ("第十条 暂停履行\n\n10.1 乙方仅在下列情形下方可暂停供货或技术支持：（一）甲方逾期付款，经乙方书面催告后六十日"
                 "内仍未支付；（二）乙方调整产品线。\n\n10.2 除前款情形外，乙方不得以任何理由暂停或中断供货及技术支持。\n")
    assert _verdict(text, "CSR04") != "satisfied"


def test_except_for_nothing_stays_weak() -> None:
    text = ZH + "第十条 除此之外，乙方不得以任何理由暂停或中断供货及技术支持。\n"
    assert _verdict(text, "CSR04") == "weak"


def test_except_for_access_the_buyer_approves_each_time() -> None:
    text = ZH + ("第九条 远程维护\n\n乙方仅可在甲方逐次书面批准的时间窗口内，通过甲方堡垒机对泵站控制系统进行远程维护；"
                 "除此之外，乙方不得以任何方式远程登录、操控甲方设备。\n")
    assert _verdict(text, "CSR03") == "satisfied"


# --- periods --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    EN + "12.1 The Supplier shall continue to supply spare parts and provide technical support for the Control "
         "Panels for not less than ten (10) years after final acceptance, and shall not interrupt either without "
         "justifiable reason.\n",
    ZH + "第十二条 自系统竣工验收之日起十年内，乙方应持续供应控制设备及备品备件，并提供必要的技术支持；无正当理由不得中断。\n",
])
def test_a_long_period_after_acceptance_is_the_products_working_life(text: str) -> None:
    assert _verdict(text, "CSR04") == "satisfied"


@pytest.mark.parametrize("text", [
    EN + "12.1 The Supplier shall continue to supply spare parts and provide technical support for the Control "
         "Panels for three (3) years after final acceptance, and shall not interrupt either without justifiable "
         "reason.\n",
    ZH + "第十二条 自到货之日起十二个月内，乙方应持续供应控制设备及备品备件，并提供必要的技术支持；无正当理由不得中断。\n",
])
def test_a_short_period_stays_weak(text: str) -> None:
    assert _verdict(text, "CSR04") == "weak"


def test_a_long_period_is_read_only_with_supply_and_support() -> None:
    text = EN + ("12.1 For ten (10) years after final acceptance, the Supplier shall not obtain any data of the "
                 "Purchaser or its customers without the Purchaser's written consent.\n")
    assert _verdict(text, "CSR02") == "weak"


# --- rights on another subject ----------------------------------------------------------------------------------

def test_a_contract_wide_override_on_data_takes_nothing_from_the_equipment_promise() -> None:
    text = ZH + ("第二十九条 远程访问与数据\n\n29.1 未经甲方书面同意，乙方不得远程访问、操作甲方的设备和系统。\n\n"
                 "29.2 尽管有本合同其他约定，乙方可保留并使用其在运维过程中获取的全部运行数据，用于其产品研发。\n")
    assert _verdict(text, "CSR03") == "satisfied"
    assert _verdict(text, "CSR02") == "contradicted"


def test_a_contract_wide_override_on_the_equipment_still_weakens_it() -> None:
    text = ZH + ("第二十九条 远程访问\n\n29.1 未经甲方书面同意，乙方不得远程访问、操作甲方的设备和系统。\n\n"
                 "29.2 尽管有本合同其他约定，乙方可在其认为必要时远程升级甲方设备的固件。\n")
    assert _verdict(text, "CSR03") != "satisfied"


# --- fail closed, new -----------------------------------------------------------------------------------------------

def test_a_recital_quoting_the_statute_binds_no_one_whatever_the_supplier_is_called() -> None:
    text = ("采购合同\n\n甲方（采购人）：东临市自来水有限公司\n\n乙方（服务提供者）：清源智控科技有限公司\n\n鉴于：\n\n"
            "1. 甲方为关键信息基础设施运营者。根据《网络安全审查办法》第六条，关键信息基础设施运营者应当通过采购文件、协议等"
            "要求产品和服务提供者配合网络安全审查，包括承诺不利用提供产品和服务的便利条件非法获取用户数据、非法控制和操纵用户"
            "设备，无正当理由不中断产品供应或者必要的技术支持服务。\n\n双方经协商一致，达成如下协议：\n\n"
            "第一条 乙方向甲方提供泵站控制设备。\n")
    for rule in ("CSR01", "CSR02", "CSR03", "CSR04"):
        assert _verdict(text, rule) == "missing", rule


@pytest.mark.parametrize("cap", [
    "4.2 本工作说明书项下，乙方的网络安全审查配合义务限于向甲方提供产品白皮书及已公开的认证证书复印件。",
    "4.2 Under this Statement of Work, the Supplier's obligation to cooperate with any cybersecurity review is "
    "limited to providing copies of its published certificates.",
])
def test_a_statement_capping_the_duty_to_cooperate_weakens_it(cap: str) -> None:
    text = ZH + "第9条 乙方应配合甲方开展网络安全审查，按要求提供资料。\n\n" + cap + "\n"
    assert _verdict(text, "CSR01") == "weak"


def test_cooperation_under_the_suppliers_group_policy_is_weak() -> None:
    text = EN + ("1. The Supplier shall cooperate with any cybersecurity review in accordance with the Clearsource "
                 "Group Product Security Policy.\n")
    assert _verdict(text, "CSR01") == "weak"
    plain = EN + ("1. The Supplier shall cooperate with any cybersecurity review in accordance with the Purchaser's "
                  "written instructions.\n")
    assert _verdict(plain, "CSR01") == "satisfied"


@pytest.mark.parametrize("term, verdict", [("一年", "weak"), ("三年", "satisfied")])
def test_a_supplementary_agreement_shorter_than_the_contract_is_weak(term: str, verdict: str) -> None:
    text = ("补充协议\n\n" + ZH + "鉴于双方已签订《政务云服务采购合同》（以下简称“原合同”，服务期三年），现补充约定如下：\n\n"
            "第一条 除甲方严重违约经催告后仍未纠正或者不可抗力外，乙方不得中止云资源供应及运维技术支持服务。\n\n"
            "第二条 本补充协议自双方签字盖章之日起生效，有效期" + term + "。\n")
    assert _verdict(text, "CSR04") == verdict


def test_no_malicious_code_in_the_goods_is_only_part_of_the_control_promise() -> None:
    assert _verdict(ZH + "11.2 乙方保证不在交付设备中植入恶意代码。\n", "CSR03") == "weak"
    banned = ZH + "11.2 乙方不得于交付之设备中植入任何可由乙方单方面触发之远程停机、锁定或控制功能。\n"
    assert _verdict(banned, "CSR03") == "satisfied"


@pytest.mark.parametrize("law, verdict", [
    ("This undertaking is governed by PRC law.", "satisfied"),
    ("This undertaking is governed by PRC law and the laws of England.", "weak"),
])
def test_the_letters_own_governing_law(law: str, verdict: str) -> None:
    text = EN + "1. The Supplier shall not obtain any data of the Purchaser's customers. " + law + "\n"
    assert _verdict(text, "CSR02") == verdict


def test_a_breach_the_buyer_has_committed_is_a_justification() -> None:
    text = EN + ("14.1 The Supplier shall not interrupt the supply of Products or necessary technical support, save "
                 "where the Purchaser has committed a material breach not remedied within thirty days of written "
                 "notice, or in case of force majeure.\n")
    assert _verdict(text, "CSR04") == "satisfied"


def test_an_earlier_provision_left_to_foreign_law_weakens_the_later_one() -> None:
    text = EN + ("2. Processing\n\n2.1 The Supplier shall process the Purchaser's personal data only on the Purchaser's "
                 "documented instructions, unless required otherwise by the laws of any jurisdiction to which the "
                 "Supplier is subject.\n\n2.2 The Supplier shall not process the Purchaser's data for its own "
                 "purposes.\n")
    assert _verdict(text, "CSR02") == "weak"
    alone = EN + "2. Processing\n\n2.2 The Supplier shall not process the Purchaser's data for its own purposes.\n"
    assert _verdict(alone, "CSR02") == "satisfied"


def test_data_of_the_people_in_the_buyers_buildings_only_widens_the_object() -> None:
    text = EN + ("2. The Supplier shall not use its remote support tools to obtain any data of the Purchaser or of the "
                 "occupants of the buildings without the Purchaser's written consent.\n")
    assert _verdict(text, "CSR02") == "satisfied"


def test_promises_is_a_binding_word() -> None:
    assert _verdict(EN + "1. The Supplier promises not to obtain any data of the Purchaser's customers.\n",
                    "CSR02") == "satisfied"


@pytest.mark.parametrize("text", [
    "第十五条 审查配合\n\n全面配合网络安全审查是乙方在本合同项下的一项持续性义务，包括按审查机构要求提供材料并作出书面说明。\n",
    "第十五条 乙方应配合采购人依法开展的网络安全审查，按要求提供审查所需的文件、资料和说明。\n",
])
def test_the_clause_itself_names_who_cooperates(text: str) -> None:
    assert _verdict(text, "CSR01") == "satisfied"
