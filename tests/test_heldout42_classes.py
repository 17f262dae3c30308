"""The false-pass classes of held-out part 42 (issue 10), fixed after it was scored once with matcher-freeze-43.
Every text is written here for the test in words of our own; none is taken from the held-out cases.

- A device named by what it does ("号志控制设备", "the signal control equipment"), inside the object of another
  verb or after 的/之, is no act of control: "不得中断号志控制设备之供应" promises nothing about controlling
  anything (frames.yaml ``device_functions`` / ``device_heads``).
- A period that ends before the contract, opening the undertaking's own sentence ("Throughout the Warranty
  Period, the Supplier shall not …"), limits how long it binds: weak, quoting the period. A period that runs on
  from the contract's term ("throughout the Term and for seven years after the last shipment") limits nothing.
- A manufacturer's letter that authorises another company to bid with or supply its products ("兹授权…以我公司
  产品参加…投标") is the manufacturer's promise, not the supplier's (common.yaml ``related_authors``).
- (packs, part 36) A prohibition limited to a purpose or an extent ("shall not process such data for any other
  purpose") says the supplier does process the data: no denial, so pipl21 and network-data apply; mobile numbers and
  message content are personal information. Confidentiality "during the Subscription Term" (any named term) ends
  with it: SEC02 weak.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：南岭市交通管理局\n\n乙方（供应商）：岭通智能交通科技有限公司\n\n"
EN = ('Buyer: Xiling Port Authority (the "Buyer"). Supplier: Kestrel Terminal Systems Ltd. (the "Supplier")\n\n')


@pytest.mark.parametrize("text", [
    ZH + "第九条 乙方无正当理由，不得中断路口控制设备、备品备件之供应，亦不得中断必要的维护服务。\n",
    ZH + "第九条 乙方不得中断数据采集终端的供应。\n",
    ZH + "第九条 乙方不得对甲方的控制系统实施未经授权的变更。\n",
    EN + "9. The Supplier shall not interrupt the supply of the crane control equipment or spare parts without "
         "justifiable reason.\n",
    EN + "9. The Supplier shall not withhold delivery of any access control devices.\n",
])
def test_a_device_named_by_its_function_is_no_act_of_control(text: str) -> None:
    assert _verdict(text, "CSR03") == "missing"


@pytest.mark.parametrize("text", [
    ZH + "第九条 乙方不得中断或控制甲方设备。\n",
    ZH + "第九条 乙方不得远程控制甲方设备。\n",
    EN + "9. The Supplier shall not remotely control equipment of the Buyer.\n",
    EN + "9. The Supplier shall not access or control any equipment of the Buyer.\n",
])
def test_a_verb_of_its_own_still_promises(text: str) -> None:
    assert _verdict(text, "CSR03") == "satisfied"


@pytest.mark.parametrize("lead", [
    "Throughout the Warranty Period,",
    "During the Defects Liability Period,",
    "Within twelve (12) months after delivery,",
])
def test_a_period_shorter_than_the_contract_opening_the_undertaking_weakens_it(lead: str) -> None:
    text = EN + (f"6.2 {lead} the Supplier shall not without justifiable reason suspend the delivery of any "
                 "Deliverable or the provision of technical support.\n")
    assert _verdict(text, "CSR04") == "weak"


def test_a_period_running_on_from_the_term_limits_nothing() -> None:
    text = EN + ("6.1 The Supplier shall keep supplying the Products and providing technical support throughout the "
                 "Term and for seven (7) years after the last shipment of each Product, and shall not interrupt "
                 "either of them without justifiable reason.\n")
    assert _verdict(text, "CSR04") == "satisfied"


def test_a_chinese_warranty_period_weakens_it() -> None:
    text = ZH + "第九条 在质保期内，乙方无正当理由不得中断产品供应和必要的技术支持服务。\n"
    assert _verdict(text, "CSR04") == "weak"


MAF_ZH = ("制造商授权及服务承诺函\n\n致：南岭市交通管理局\n\n我公司恒宇传感设备有限公司系本项目所投交通检测器的制造商。"
          "兹授权岭通智能交通科技有限公司以我公司产品参加贵局路口设备更新项目的投标，并承诺：\n\n"
          "一、如贵局就本项目申报网络安全审查，我公司将配合审查并提供相关产品资料。\n\n"
          "二、我公司无正当理由不中断产品供应和必要的技术支持服务。\n\n恒宇传感设备有限公司（盖章）\n")
MAF_EN = ("MANUFACTURER'S AUTHORISATION AND LETTER OF UNDERTAKING\n\nTo: Xiling Port Authority\n\n"
          "We, Harrowgate Sensors Ltd., the manufacturer of the gate cameras offered, hereby authorise Kestrel "
          "Terminal Systems Ltd. to submit a tender offering our products for the Gate Automation Project, and "
          "undertake as follows:\n\n1. We shall cooperate with any cybersecurity review of the project.\n\n"
          "2. We shall not interrupt the supply of the products or necessary technical support without "
          "justifiable reason.\n\nHarrowgate Sensors Ltd.\n")


@pytest.mark.parametrize("text", [MAF_ZH, MAF_EN])
@pytest.mark.parametrize("rule", ["CSR01", "CSR04"])
def test_a_manufacturers_authorisation_letter_binds_no_supplier(text: str, rule: str) -> None:
    assert _verdict(text, rule) != "satisfied"


def test_a_manufacturer_supplying_directly_still_binds_itself() -> None:
    text = MAF_ZH.replace("兹授权岭通智能交通科技有限公司以我公司产品参加贵局路口设备更新项目的投标，并承诺：",
                          "我公司就贵局路口设备更新项目承诺：").replace("制造商授权及服务承诺函", "服务承诺函")
    assert _verdict(text, "CSR04") == "satisfied"


SMS = ('Customer: Xiling City Commercial Bank Co., Ltd. (the "Customer"). Provider: Tidewave Messaging Ltd. (the '
       '"Provider")\n\n7.2 The Provider shall process the mobile numbers and message content submitted by the Customer '
       "only to send the Customer's service messages, and shall not process such data for any other purpose or to any "
       "greater extent than is necessary for that.\n")


@pytest.mark.parametrize("rule", ["PIPL21-01", "PIPL21-04", "PIPL21-05"])
def test_a_purpose_limited_prohibition_is_no_denial_of_processing(rule: str) -> None:
    assert _verdict(SMS, rule, pack="pipl21") != "not_applicable"


def test_a_plain_denial_still_makes_pipl21_not_applicable() -> None:
    text = SMS.split("7.2")[0] + ("7.2 The Provider supplies the messaging gateway hardware only and shall not access "
                                  "or process any data of the Customer.\n")
    assert _verdict(text, "PIPL21-01", pack="pipl21") == "not_applicable"


@pytest.mark.parametrize(("period", "verdict"), [
    ("during the Subscription Term", "weak"),
    ("during the Service Period", "weak"),
    ("during the Subscription Term and for five years thereafter", "satisfied"),
])
def test_confidentiality_for_a_named_term_only_is_weak(period: str, verdict: str) -> None:
    text = ('Customer: Xiling Gas Pipeline Co., Ltd. (the "Customer"). Vendor: Stratacore Analytics Pte. Ltd. (the '
            f'"Vendor")\n\n7. Confidentiality. The Vendor shall keep the Customer Data confidential {period}.\n')
    assert _verdict(text, "SEC02", pack="security-agreement") == verdict
