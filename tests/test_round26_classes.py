"""Round 26 (issue 10): duties to cooperate with the review written as the papers handed to named recipients, a
duty named as the supplier's basic obligation, a list of verbs reaching the buyer's system "by remote means", a
provision of its own that opens with its topic, and the supplier's "product improvement" that is no equipment.

- "shall provide the Owner and the reviewing authority with all information, documents and cooperation needed for
  the review": the duty, not the partial "provide"; "提供甲方及审查机构要求的全部资料" likewise.
- "全力配合网络安全审查是乙方在本合同项下的基本义务": a basic obligation is a rank, not a limit.
- "shall not access, operate or alter the Pipeline SCADA System … by remote means": reaching into it from afar.
- "对于已停产的产品型号，乙方可于任何时间停止…": a right on supply opening with its topic is judged under supply; it
  takes nothing from a duty to cooperate with the review in the clause before.
Every text is written here for the test; none is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：东陵市供水集团有限公司\n\n乙方（供应商）：衡远自控工程有限公司\n\n"
EN = "Owner: Westmarch Pipeline Co., Ltd.\n\nSupplier: Corvane Control Systems Ltd.\n\n"


@pytest.mark.parametrize("text", [
    EN + "18.1 If the Owner's procurement of the System becomes subject to a cybersecurity review, the Supplier shall "
    "provide the Owner and the reviewing authority with all information, documents and cooperation needed for the "
    "review.\n",
    EN + "18.2 Where the Owner files the procurement for cybersecurity review, the Supplier shall promptly provide the "
    "Owner with all information and assistance the reviewing authority requests.\n",
    ZH + "第二十条 甲方就本项目申报网络安全审查的，乙方应当提供甲方及审查机构要求的全部资料。\n",
])
def test_handing_all_the_review_needs_to_named_recipients_is_the_duty(text: str) -> None:
    assert _verdict(text, "CSR01") == "satisfied"


def test_handing_over_papers_alone_stays_partial() -> None:
    text = (EN + "18.3 If the Owner's procurement becomes subject to a cybersecurity review, the Supplier shall provide "
            "the Owner with copies of its published product datasheets.\n")
    assert _verdict(text, "CSR01") == "weak"


def test_cooperation_named_as_the_basic_obligation_is_the_duty() -> None:
    text = ZH + "第二十一条 全力配合网络安全审查是乙方在本合同项下的基本义务。\n"
    assert _verdict(text, "CSR01") == "satisfied"


def test_a_list_of_verbs_reaching_the_system_by_remote_means_bans_control() -> None:
    text = (EN + "12.4 The Supplier shall not access, operate or alter the Pipeline SCADA System or any other system or "
            "equipment of the Owner by remote means except at the Owner's written request.\n")
    assert _verdict(text, "CSR03") == "satisfied"
    only_alter = (EN + "12.4 The Supplier shall not alter the settings of the Pipeline SCADA System except at the "
                  "Owner's written request.\n")
    assert _verdict(only_alter, "CSR03") == "weak"


def test_a_right_on_supply_opening_with_its_topic_is_judged_under_supply() -> None:
    text = (ZH + "第十四条\n\n14.1 全力配合网络安全审查是乙方在本合同项下的基本义务。\n\n"
            "14.2 对于已停产的产品型号，乙方可于任何时间停止提供技术支持服务和备品备件，无需征得甲方同意。\n")
    assert _verdict(text, "CSR01") == "satisfied"
    assert _verdict(text, "CSR04") == "contradicted"
    # a topic that points back ("对于上述…") still reads the right with the clause before
    back = text.replace("对于已停产的产品型号，乙方可于任何时间停止提供技术支持服务和备品备件",
                        "对于上述审查所涉产品，乙方可自行决定是否提供源代码")
    assert _verdict(back, "CSR01") != "satisfied"


@pytest.mark.parametrize("text", [
    # the item's "not" right after the lead-in's modal, then the persons it answers for
    EN + "14.1 The Supplier undertakes that it shall:\n\n(a) not, and procure that its personnel and subcontractors do "
    "not, collect, copy or retain any Owner Data or customer data without the Owner's prior written consent;\n\n"
    "(b) keep the Owner informed of any security incident.\n",
    # "none of its Affiliates will"
    EN + "15.2 The Supplier will not, and will procure that none of its Affiliates will, remotely access, take control of "
    "or operate any equipment or system of the Owner without the Owner's prior written consent.\n",
    # a first-person letter: "our" owns the personnel, "we" are bound
    "To: Westmarch Pipeline Co., Ltd. (the \"Owner\")\n\nWe, Corvane Control Systems Ltd. (the \"Supplier\"), undertake to "
    "the Owner as follows:\n\n(a) we shall not, and shall ensure that our personnel shall not, remotely access or control "
    "any equipment of the Owner without the Owner's prior written consent.\n",
])
def test_the_supplier_binding_itself_and_those_it_answers_for_in_one_breath(text: str) -> None:
    rule = "CSR02" if "collect" in text else "CSR03"
    assert _verdict(text, rule) == "satisfied"


def test_the_persons_it_answers_for_alone_still_do_not_bind_the_supplier_itself() -> None:
    text = (EN + "15.3 The Supplier shall ensure that none of its subcontractors will remotely access or take control of "
            "any equipment of the Owner without the Owner's prior written consent.\n")
    assert _verdict(text, "CSR03") != "satisfied"


def test_what_the_review_asks_the_supplier_to_produce_is_the_duty_itself() -> None:
    text = (EN + "19.1 The Supplier shall cooperate fully with the Owner in any cybersecurity review of the procurement "
            "of the System and shall in particular complete and sign the declarations required, produce design "
            "documents and source code for inspection, disclose its component suppliers and source-of-supply "
            "information, attend clarification meetings and give truthful responses to the questions raised.\n")
    assert _verdict(text, "CSR01") == "satisfied"
    # the same words beside a promise on equipment narrow nothing there, and are not read as harmless for it
    narrowed = (EN + "12.5 The Supplier shall not remotely access or control the components of the System.\n")
    assert _verdict(narrowed, "CSR03") != "satisfied"


def test_justified_reason_is_the_statutes_justifiable_reason() -> None:
    text = (EN + "20.1 The Supplier shall not, without justified reason, interrupt the supply of the Products or the "
            "necessary technical support for them.\n")
    assert _verdict(text, "CSR04") == "satisfied"


def test_a_reseller_promising_only_to_urge_the_maker_gives_no_undertaking_of_its_own() -> None:
    text = ("授权代理商承诺函\n\n致：东陵市供水集团有限公司\n\n我公司（衡远自控工程有限公司）为所供水厂控制系统的授权代理商。"
            "就贵集团采购的上述系统，我公司承诺：\n\n一、我公司将督促原厂在系统使用期限内不中断备件供应和技术支持。\n")
    assert _verdict(text, "CSR04") != "satisfied"
