"""Round 23 (issues 10 and 15): the subject of a clause chain, conditions that open after their topic, passive bans.

Ordinary drafting the matcher had misread: "受托方仅得于委托范围内处理委托方及其用户的数据，不得为自身目的收集" took the
buyer named inside the object for the one bound; "本项目如需申报网络安全审查，乙方应当配合" lost the review its condition
names because the condition did not open the clause; "No remote access to … any Purchaser System shall be exercised by
or on behalf of the Supplier" bound the Purchaser; "We will not, by any means, …" was read as a definition. Each case
is written here in wordings of its own, with the near wording that must keep its verdict. None of these texts is taken
from the evaluation corpora.
"""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.readers import read_document

ZH = "甲方（采购人）：南湾市供水集团有限公司\n\n乙方（供应商）：岚桥智控科技有限公司\n\n"
ZH_PIPL = "委托方：南湾市供水集团有限公司\n\n受托方：岚桥数据服务有限公司\n\n"
EN = "Purchaser: Marlowe Port Authority\n\nSupplier: Tenfold Systems Limited\n\n"


def _verdict(text: str, rule: str) -> tuple[str, str]:
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    result = check_document(doc).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize("clause", [
    "第三条 受托方仅得于委托范围内处理委托方及其用户的数据，不得为自身或任何第三方的目的收集、留存或者使用。",
    "第三条 受托方仅可依委托方的书面指示处理委托方资料，不得为自己的目的访问或者复制委托方及其用户的数据。",
])
def test_the_party_opening_a_clause_chain_is_bound_not_the_owner_inside_its_object(clause: str) -> None:
    verdict, message = _verdict(ZH_PIPL + clause + "\n", "CSR02")
    assert verdict == "satisfied", message


def test_only_limiting_the_requirements_own_act_stays_a_leftover() -> None:
    # "仅得访问测试数据": the "only" narrows what may be obtained, so the promise beside it is not whole
    text = ZH_PIPL + "第三条 受托方仅得访问委托方的测试数据，不得为自身目的收集委托方用户的数据。\n"
    verdict, message = _verdict(text, "CSR02")
    assert verdict != "satisfied", message


def test_a_right_granted_by_the_buyer_is_still_the_suppliers_right() -> None:
    text = ZH + "第七条 甲方授予乙方一项永久许可，乙方可为任何目的使用甲方用户的数据。\n"
    verdict, message = _verdict(text, "CSR02")
    assert verdict == "contradicted", message


def test_a_parents_policy_described_by_the_supplier_binds_nobody() -> None:
    text = ZH + "第七条 乙方确认，其母公司已发布《全球用户信任政策》，该政策载明母公司集团不会未经授权访问甲方用户的数据。\n"
    verdict, message = _verdict(text, "CSR02")
    assert verdict != "satisfied", message


@pytest.mark.parametrize("clause", [
    "12.1 本项目所采购的管网监测平台如需申报网络安全审查，乙方应当按照甲方及审查机构的要求如实提交有关材料，并配合审查机构的问询。",
    "12.1 甲方就本合同办理网络安全审查时，乙方将依甲方通知提供审查所需的资料，并配合审查机关的询问及查核。",
    "12.1 本合同项下的采购如须申报网络安全审查，乙方应按照甲方及网络安全审查工作机构的要求，如实提供产品来源、供应链构成等材料。",
])
def test_a_review_condition_after_its_topic_still_names_the_review_the_duty_serves(clause: str) -> None:
    verdict, message = _verdict(ZH + clause + "\n", "CSR01")
    assert verdict == "satisfied", message


def test_a_refusal_in_a_condition_is_still_a_refusal() -> None:
    text = ZH + "12.1 乙方如拒绝配合网络安全审查，甲方有权解除本合同。\n"
    verdict, message = _verdict(text, "CSR01")
    assert verdict != "satisfied", message


def test_a_review_duty_listed_under_a_lead_in_with_a_condition_is_read_whole() -> None:
    text = EN + ("14. The Supplier shall:\n\n(a) where the Purchaser applies for a cybersecurity review of this "
                 "procurement, provide promptly all information and documents the reviewing authority requests, and "
                 "make its senior engineers available for interviews;\n\n(b) keep the Products in good repair.\n")
    verdict, message = _verdict(text, "CSR01")
    assert verdict == "satisfied", message


def test_a_passive_ban_on_control_binds_the_agent_named_after_by() -> None:
    text = EN + ("9.4 No remote access to, or control over, any Purchaser System shall be exercised by or on behalf "
                 "of the Supplier except through the Purchaser's jump host and with the Purchaser's prior written "
                 "approval.\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict == "satisfied", message


def test_a_passive_ban_exercised_by_the_purchaser_binds_nobody_on_the_supply_side() -> None:
    text = EN + ("9.4 No remote access to any Supplier System shall be exercised by or on behalf of the Purchaser "
                 "without the Supplier's consent.\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict != "satisfied", message


def test_by_any_means_is_no_definition() -> None:
    text = ("LETTER OF UNDERTAKING\n\nTo: Marlowe Port Authority\n\nFrom: Tenfold Systems Limited\n\n"
            "We hereby undertake to you as follows:\n\n1. We will not, by any means, unlawfully take control of, "
            "interfere with or manipulate your equipment, systems or networks.\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict == "satisfied", message


def test_a_tender_requirement_asking_bidders_to_promise_is_nobodys_promise() -> None:
    text = ("第三章 采购需求（节选）\n\n3.6 实质性条款\n\n★3.6.1 投标人须承诺：本项目如需申报网络安全审查，中标人应配合采购人完成"
            "审查工作。\n\n采购人：南湾市供水集团有限公司\n")
    verdict, message = _verdict(text, "CSR01")
    assert verdict == "missing", message


def test_a_supply_right_beside_a_control_promise_is_judged_under_supply_only() -> None:
    text = ZH + ("第十条 10.1 乙方不得以任何方式非法控制、操纵甲方的设备、系统和网络。\n\n"
                 "10.2 乙方可根据自身经营安排，提前三十日书面通知甲方后停止供应合同产品并终止相应的技术支持。\n")
    assert _verdict(text, "CSR03")[0] == "satisfied"
    assert _verdict(text, "CSR04")[0] == "contradicted"


def test_a_makers_promise_the_supplier_only_reports_is_not_the_suppliers() -> None:
    text = ZH + ("第十一条 11.1 乙方已取得设备原厂出具的服务声明，原厂承诺在设备生命周期内不中断备件供应及技术支持。\n\n"
                 "11.2 乙方应将甲方的服务请求及时转交原厂。\n")
    verdict, message = _verdict(text, "CSR04")
    assert verdict != "satisfied", message


def test_a_right_on_the_products_alone_still_reaches_the_control_promise() -> None:
    # "may suspend the Products": suspending what was supplied may be controlling it
    text = EN + ("10.1 The Supplier shall not unlawfully control or manipulate any equipment of the Purchaser.\n\n"
                 "10.2 The Supplier may suspend the Products at its discretion.\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict != "satisfied", message


@pytest.mark.parametrize("clause,rule", [
    ("12.2 乙方不得借供货、安装及运维之机，采集、留存或者向第三方提供甲方的业务数据；确因履约需要接触上述数据的，须事先取得甲方"
     "书面同意，并仅在同意的范围内处理。", "CSR02"),
    ("12.2 乙方不得非法获取甲方及其用户的数据。\n\n12.3 本条约定不因本合同的终止或解除而失效。", "CSR02"),
    ("12.4 乙方应持续提供设备、备件及必要的技术支持服务，直至设备报废为止；非因不可抗力、甲方违约或者法律禁止，乙方不得中止。",
     "CSR04"),
])
def test_words_that_only_add_to_a_chinese_undertaking_are_accounted_for(clause: str, rule: str) -> None:
    verdict, message = _verdict(ZH + clause + "\n", rule)
    assert verdict == "satisfied", message


@pytest.mark.parametrize("clause", [
    "20.2 The Supplier shall not suspend or terminate the licence of the Harbour Software or the Support Services "
    "other than (a) where the Purchaser has failed to pay undisputed amounts for more than sixty (60) days after "
    "written notice, (b) during a force majeure event, or (c) where required by PRC law.",
    "20.1 The Supplier shall supply the Products and provide technical support throughout the Term.\n\n20.2 The "
    "Supplier's obligations under Clause 20.1 shall survive the expiry of this Agreement for a further period of "
    "eight (8) years, and the Supplier shall not discontinue such supply or support without justifiable reason.",
])
def test_words_that_only_add_to_an_english_supply_undertaking_are_accounted_for(clause: str) -> None:
    verdict, message = _verdict(EN + clause + "\n", "CSR04")
    assert verdict == "satisfied", message


@pytest.mark.parametrize("clause", [
    # a cap on the pause, not the buyer's unpaid invoice
    "20.2 The Supplier shall not suspend the Support Services for more than thirty (30) days in any year.",
    # a phase of the contract, which may end before it
    "20.2 The Supplier's obligations under Clause 20.1 shall survive for the duration of the Migration Project.",
])
def test_a_time_limit_on_the_supply_promise_stays_a_leftover(clause: str) -> None:
    text = EN + "20.1 The Supplier shall supply the Products and provide technical support throughout the Term.\n\n"
    verdict, message = _verdict(text + clause + "\n", "CSR04")
    assert verdict != "satisfied", message


@pytest.mark.parametrize("text,rule", [
    (ZH + "第九条 乙方交付的软件中不得含有乙方或任何第三方可远程控制的代码，乙方亦不得以任何方式控制甲方的系统。\n", "CSR03"),
    (EN + "15.2 The Supplier warrants that (a) the Products contain no hidden functionality permitting remote control by "
          "the Supplier; and (b) the Supplier shall not, without the Purchaser's prior written consent, access, disable "
          "or otherwise control any equipment of the Purchaser.\n", "CSR03"),
])
def test_a_banned_feature_that_could_control_is_no_right_to_control(text: str, rule: str) -> None:
    verdict, message = _verdict(text, rule)
    assert verdict == "satisfied", message


@pytest.mark.parametrize("text", [
    ZH + "第九条 乙方不得非法控制甲方的设备。\n\n第十条 乙方可在交付的软件中设置可由乙方远程锁定设备的功能。\n",
    EN + "9.1 The Supplier shall not unlawfully control any equipment of the Purchaser.\n\n9.2 The Supplier may install "
         "software permitting remote control of the Purchaser's equipment.\n",
])
def test_a_feature_the_supplier_may_build_in_is_still_a_right_to_control(text: str) -> None:
    verdict, message = _verdict(text, "CSR03")
    assert verdict != "satisfied", message


@pytest.mark.parametrize("text", [
    ZH + "第八条 乙方可根据平台运行需要远程调整甲方终端的采集频率、上报周期及通信参数。\n",
    EN + "16.2 The Supplier may install its own monitoring devices on the Purchaser's plant network and may take "
         "through them such actions on the Purchaser's control system as it considers necessary.\n",
])
def test_a_right_to_change_the_buyers_equipment_from_afar_contradicts(text: str) -> None:
    verdict, message = _verdict(text, "CSR03")
    assert verdict == "contradicted", message


def test_a_change_left_to_the_suppliers_judgement_limits_the_control_promise() -> None:
    # the statement of work names the devices; the change request that governs it names none
    text = EN + ("12.3 The Supplier shall not access, operate or change any Purchaser system or device except as "
                 "requested by the Purchaser.\n\nSTATEMENT OF WORK No. 4\n\n3.1 The Supplier will monitor the "
                 "Purchaser's harbour radar stations around the clock.\n\n3.2 The Supplier shall make configuration "
                 "changes only under a change ticket approved in writing by the Purchaser, save for emergency changes "
                 "that the Supplier, acting in its own judgement, considers necessary.\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict == "weak", message


def test_configuration_changes_on_the_buyers_ticket_alone_limit_nothing() -> None:
    text = EN + ("12.3 The Supplier shall not access, operate or change any Purchaser system or device except as "
                 "requested by the Purchaser.\n\n3.2 The Supplier shall make configuration changes only under a "
                 "change ticket approved in writing by the Purchaser.\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict == "satisfied", message


@pytest.mark.parametrize("phase,expected", [
    ("the Installation Period", "satisfied"),  # from the first phase of the work on: the whole contract
    ("the Warranty Period", "weak"),  # a later phase: the work before it is left out
])
def test_during_or_after_a_phase_covers_all_only_from_the_start(phase: str, expected: str) -> None:
    text = EN + f"7.2 The Supplier shall not, during or after {phase}, operate, control or alter any equipment or " \
                "network of the Purchaser except on the Purchaser's written instruction.\n"
    verdict, message = _verdict(text, "CSR03")
    assert verdict == expected, message


@pytest.mark.parametrize("clause", [
    "9.1 乙方有权通过远程方式向甲方换热站控制器推送软件更新，无需事先取得甲方同意。",
    "9.1 乙方可在其认为必要时，远程停用或重设已安装的可编程逻辑控制器及远程终端装置。",
])
def test_pushing_software_onto_the_buyers_controllers_is_control(clause: str) -> None:
    verdict, message = _verdict(ZH + clause + "\n", "CSR03")
    assert verdict == "contradicted", message


def test_the_control_of_a_controller_is_no_act() -> None:
    # 控制器 names a device; the act here is only the remote access the buyer approves
    text = ZH + "9.1 未经甲方书面同意，乙方不得以远程连接或其他任何方式访问、操作、变更设定或停用甲方的监控设备、控制器及网络。\n"
    verdict, message = _verdict(text, "CSR03")
    assert verdict == "satisfied", message
