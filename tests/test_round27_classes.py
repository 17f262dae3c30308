"""Development round 27 (issue 10): the recall classes found on the development corpus before matcher-freeze-28,
each fixed as a class, with the wording that must still fail closed beside it. Every text is written here for the
test; none is taken from a case.

- An act word inside the name of a thing (the 控制 of 岸桥控制器) is no act, so the list before a catch-all
  ("…控制器、服务器或其他设备") is read whole.
- A kind of the operator's things named beside others takes its modifier (号志控制器) like the general word does.
- A list item opening or closing with words already read ("、数据库服务器") is still joined to the list.
- A verb listed beside a narrow act ("disrupt or disable") is one more banned act.
- A tender letter's formalities: the award it waits for, the declarant's address, a deed's operative words; and
  its title may name who undertakes ("UNDERTAKING BY THE BIDDER").
- The supply duty names the contract's own products (不中断HIS软件产品的供应); a first-year period stays unread.
- The party a seller must notify is not the one that may stop (经提前十二个月书面通知买方，可以停止).
- What a review asks of a supplier in Chinese drafting (答询, 如实答复, 落实审查意见).
- Survival for a further period, and a penalty per breach, only add to the undertaking.
- A Chinese prohibition whose object opens the sentence as its topic ("甲方之客户数据，…不得由乙方…访问").
- English passive prohibitions with a light verb ("No remote access … shall be established by … the Supplier").
- "through … or any other means" is no definition; "any means by which it may control" is no right to control.
- "controls" in a binding sentence is the noun ("the central plant controls"), never the banned act.
- English: "as a means of obtaining" (the statute's own phrasing), passives "by or on behalf of the Supplier", and a
  lead-in naming its items the supplier's obligations ("Each of the following is a Supplier obligation:").
- Chinese: 可归责于甲方 is no permission; 维持备品供应 keeps the supply going.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：北港港务集团有限公司\n\n乙方（供应商）：衡川智能装备有限公司\n\n"
TW = "機關：北港市政府交通局\n\n廠商：衡川智能裝備股份有限公司\n\n"
EN = ('This Agreement is made between Northport Harbour Group Co., Ltd. (the "Purchaser") and Hengchuan Smart '
      'Equipment Ltd. (the "Supplier").\n\n')


def test_an_act_word_inside_a_thing_named_before_a_catch_all_is_no_act() -> None:
    text = ZH + "第九条 乙方不得以任何方式非法操控甲方之岸桥控制器、服务器或其他设备。\n"
    assert _verdict(text, "CSR03") == "satisfied"
    narrowed = ZH + "第九条 乙方不得以任何方式非法操控甲方之测试控制器、服务器或其他设备。\n"
    assert _verdict(narrowed, "CSR03") == "weak"


def test_a_kind_of_the_operators_things_listed_with_others_takes_its_modifier() -> None:
    text = TW + "第十二條 廠商不得於未經機關授權之情況下控制、操縱或干擾機關之號誌控制器、中央控制系統及通信網路。\n"
    assert _verdict(text, "CSR03") == "satisfied"


def test_a_list_item_that_opens_with_words_already_read_is_joined_to_the_list() -> None:
    text = ZH + "第十条 乙方不得擅自访问、操控甲方工程师站、数据库服务器及车间网络设备。\n"
    assert _verdict(text, "CSR03") == "satisfied"


def test_a_verb_listed_beside_a_narrow_act_is_one_more_banned_act() -> None:
    text = EN + ("14.2 The Supplier shall not access, control, manipulate, disrupt or disable any equipment, system or "
                 "network of the Purchaser, save as the Purchaser authorises in writing.\n")
    assert _verdict(text, "CSR03") == "satisfied"


def test_a_tender_letters_award_and_address_are_formalities() -> None:
    letter = ("ANNEXURE IV – UNDERTAKING BY THE BIDDER\n\nTo: Northport Harbour Group Co., Ltd.\n\n"
              "We, Hengchuan Smart Equipment Private Limited, having our registered office at Hyderabad, hereby "
              "undertake that, if the contract is awarded to us, we shall not remotely control, operate or manipulate "
              "any equipment or system of Northport Harbour Group Co., Ltd. without its written consent.\n\n"
              "For and on behalf of Hengchuan Smart Equipment Private Limited\n")
    assert _verdict(letter, "CSR03") == "satisfied"


def test_the_supply_duty_names_the_contracts_own_products_but_a_first_year_stays_unread() -> None:
    text = ZH + ("第十一条 乙方承诺：本合同履行期间，除不可抗力、甲方严重违约经催告后仍未纠正或者法律法规禁止外，"
                 "不中断HIS软件产品的供应、版本升级及必要的技术支持服务。\n")
    assert _verdict(text, "CSR04") == "satisfied"
    first_year = ZH + "第十一条 乙方于首年服务期内不中断零件供应及技术支持。\n"
    assert _verdict(first_year, "CSR04") == "weak"
    months = EN + ("8.2 For twelve (12) months following Delivery, the Supplier shall not cease to supply spare parts "
                   "for, or to provide technical support in respect of, the Equipment, other than by reason of Force "
                   "Majeure.\n")
    assert _verdict(months, "CSR04") == "weak"


def test_the_party_the_seller_must_notify_is_not_the_one_that_may_stop() -> None:
    text = ("买方：北港港务集团有限公司\n\n卖方：衡川智能装备有限公司\n\n"
            "一、在本合同期限内，卖方无正当理由不得中断DCS系统备件供应及技术支持。\n\n"
            "二、尽管有前款约定，卖方在其决定停产某一型号产品时，经提前十二个月书面通知买方，可以停止该型号备件的供应，"
            "并不再提供该型号的技术支持服务。\n")
    assert _verdict(text, "CSR04") == "contradicted"


def test_what_a_review_asks_of_a_supplier_in_chinese_drafting_is_the_duty_itself() -> None:
    text = ZH + ("第八条 甲方就本项目申报网络安全审查的，乙方应当按审查要求提交设计说明、源代码托管证明及第三方组件清单，"
                 "派员答询，如实答复审查机构的问询，并落实审查意见。\n")
    assert _verdict(text, "CSR01") == "satisfied"


def test_survival_for_a_further_period_adds_and_a_shorter_one_does_not() -> None:
    duty = ZH + "第十四条 乙方不得以任何方式非法控制、操纵甲方的设备、系统和网络。\n\n"
    longer = duty + "第十五条 本合同第十四条在本合同终止后，对已交付设备的维保期内继续有效。\n"
    assert _verdict(longer, "CSR03") == "satisfied"
    shorter = duty + "第十五条 本合同第十四条在本合同终止后，仅在六个月内继续有效。\n"
    assert _verdict(shorter, "CSR03") == "weak"


def test_a_penalty_counted_per_breach_adds_a_sanction() -> None:
    text = ZH + ("第十四条 乙方不得以任何方式非法控制、操纵甲方的设备、系统和网络。\n\n"
                 "第十五条 乙方违反第十四条约定的，每发生一次，应向甲方支付合同总价百分之五的违约金。\n")
    assert _verdict(text, "CSR03") == "satisfied"


@pytest.mark.parametrize("clause", [
    "12.2 甲方之客户数据，非经甲方书面同意，不得由乙方或其再委托对象访问、收集、拷贝或传输至境外。\n",
    "7.1 甲方及其旅客的任何数据，包括旅客姓名、证件信息，未经甲方书面同意，均不得被乙方或者乙方的分包商收集、留存、使用或者转移。\n",
])
def test_a_prohibition_whose_object_opens_the_sentence_binds_the_agent(clause: str) -> None:
    assert _verdict(ZH + clause, "CSR02") == "satisfied"


def test_a_topic_first_prohibition_on_the_buyer_is_no_supplier_undertaking() -> None:
    text = ZH + "12.2 乙方之技术资料，非经乙方书面同意，不得由甲方访问、收集或拷贝。\n"
    assert _verdict(text, "CSR02") == "missing"


def test_an_english_passive_prohibition_with_a_light_verb_binds_its_agent() -> None:
    text = EN + ("12.1 No remote access to the Purchaser's control system or to any other equipment or network of the "
                 "Purchaser shall be established by or on behalf of the Supplier, except with the Purchaser's prior "
                 "written approval.\n")
    assert _verdict(text, "CSR03") == "satisfied"


def test_any_other_means_is_no_definition_and_a_means_by_which_it_may_is_no_right() -> None:
    means = EN + ("15.2 The Supplier shall not, through the products, remote maintenance or any other means, illegally "
                  "control, interfere with or manipulate the equipment, systems or networks of the Purchaser.\n")
    assert _verdict(means, "CSR03") == "satisfied"
    hypothetical = EN + ("21.4 The Supplier shall not establish, or cause to be established, any means by which it may "
                         "control, interfere with or manipulate any equipment, system or network of the Purchaser.\n")
    assert _verdict(hypothetical, "CSR03") == "satisfied"


def test_controls_in_a_binding_sentence_is_the_noun_not_the_banned_act() -> None:
    text = EN + ("10.1 The Supplier shall not without justifiable reason interrupt the supply of replacement controllers "
                 "and sensors or the technical support required to keep the central plant controls in operation.\n")
    assert _verdict(text, "CSR03") == "missing"


@pytest.mark.parametrize("clause", [
    "13.2 The Supplier shall not use the provision of the Products or Services as a means of obtaining any data of "
    "the Purchaser or its end users, except as the Purchaser authorises in writing.\n",
    "18.1 No Purchaser Data shall be accessed, copied, retained or transferred by or on behalf of the Supplier "
    "otherwise than in accordance with the Purchaser's written instructions.\n",
    "17.1 Each of the following is a Supplier obligation:\n\n(b) not to access, collect or retain any data of the "
    "Purchaser or of its users without the Purchaser's written authorisation.\n",
])
def test_english_drafting_of_the_data_undertaking_binds_the_supplier(clause: str) -> None:
    assert _verdict(EN + clause, "CSR02") == "satisfied"


def test_keeping_the_supply_going_with_a_ban_on_stopping_after_it_is_the_continuity_undertaking() -> None:
    text = TW + "第十四條 廠商於契約期間，應維持備品供應，並提供技術支援，非因不可抗力或可歸責於機關之事由，不得中斷。\n"
    assert _verdict(text, "CSR04") == "satisfied"
    warranty = TW + "第十四條 廠商於保固期間，應維持備品供應，並提供技術支援，非因不可抗力或可歸責於機關之事由，不得中斷。\n"
    assert _verdict(warranty, "CSR04") == "weak"
