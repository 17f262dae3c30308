"""False-pass classes of held-out part 56 and packs part 50 (scored once with matcher-freeze-57 / packs-freeze-50;
issues 10 and 15), and two recall classes found in development beside them. Every text is written here for the test
in words of our own; none is taken from the held-out cases.

- A Taiwan official letter whose addressee line names the suppliers as a class after the system they serve
  ("受文者：配水管網監控系統各維護廠商") is the buyer's letter to them, not a supplier's undertaking.
- A buyer's internal procedure telling a department to see that supplier contracts hold the undertakings ("shall ensure
  that every contract … contains undertakings by the supplier to …", "… that the supplier contract requires the supplier
  to …") is what contracts must contain (common.yaml ``required_contents``); "shall ensure that no device supplied under
  this Contract contains …" stays the supplier's own duty.
- (security-agreement) A right to hand the operator's data to foreign authorities on a foreign law's ground is that law
  carved out of the confidentiality (common.yaml ``foreign_grounds``): weak, as the verdict definitions say of foreign
  law; confidentiality of personal information alone is one kind of the operator's information (SEC02
  ``partial_kinds``).
- Recall: the first item of a list whose other items are already read ("甲方的雷达、通信及数据处理设备") is listed with
  them before the same head; the contract's performance period (合同履行期内) bounds a duty as its term does.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：某市空管分局\n\n乙方（供应商）：某雷达技术有限公司\n\n"
SA = "安全保密协议\n\n甲方（采购人）：某城市商业银行股份有限公司\n\n乙方（供应商）：某数据中心服务有限公司\n\n"
EN = ('EQUIPMENT SUPPLY AGREEMENT between Eastport Power Co., Ltd. (the "Employer") and Halvard Controls Ltd. '
      '(the "Contractor").\n\n')


def test_an_official_letter_to_the_maintainers_of_a_system_as_a_class() -> None:
    text = ("東港自來水股份有限公司　函\n\n受文者：配水管網監控系統各維護廠商\n\n主旨：請配合本公司資安要求，請查照。\n\n"
            "說明：\n\n一、各維護廠商應配合本公司辦理之網路安全審查，不得擅自遠端操控本公司配水設備。\n\n"
            "二、請於文到七日內簽署承諾書。")
    assert _verdict(text, "CSR03") == "missing"
    assert _verdict(text, "CSR01") == "missing"


@pytest.mark.parametrize("rule", [
    "4.1 The Purchasing Section shall ensure that every contract for control system products contains undertakings by "
    "the supplier to cooperate with any cybersecurity review and not to control or manipulate Plant equipment "
    "unlawfully.",
    "4.1 For any purchase filed for cybersecurity review, the Purchasing Section shall ensure that the supplier "
    "contract requires the supplier to cooperate with the review and not to control or manipulate Plant equipment "
    "unlawfully.",
])
def test_a_buyers_procedure_on_what_contracts_must_hold(rule: str) -> None:
    text = "EASTPORT POWER CO., LTD.\n\nPROCEDURE P-17 - SUPPLIER SECURITY (internal)\n\n" + rule
    assert _verdict(text, "CSR03") == "missing"
    assert _verdict(text, "CSR01") == "missing"


def test_the_suppliers_own_duty_about_what_its_devices_contain_is_still_read() -> None:
    text = EN + ("12.4 The Contractor shall ensure that no device supplied under this Contract contains any function "
                 "which enables the Contractor to control the Employer's equipment without the Employer's authorisation.")
    assert _verdict(text, "CSR03") != "missing"


@pytest.mark.parametrize(("clause", "expected"), [
    ("第九条 尽管有本协议其他约定，乙方为遵守其母公司所在国法律或应境外政府机构的要求，可以向该等机构提供甲方的任何数据和"
     "信息。", "weak"),
    ("第九条 乙方可以向其他单位提供甲方的任何数据和信息。", "contradicted"),
    ("第九条 乙方在法律允许时事先告知甲方。", "satisfied"),
])
def test_a_disclosure_right_on_a_foreign_laws_ground(clause: str, expected: str) -> None:
    text = SA + "第二条 乙方对甲方的数据及信息负有保密义务，未经甲方书面同意不得向任何第三方披露。\n\n" + clause
    assert _verdict(text, "SEC02", "security-agreement") == expected


@pytest.mark.parametrize(("kind", "expected"), [
    ("甲方客户个人信息", "weak"), ("甲方的个人信息", "weak"), ("甲方客户个人信息及甲方的其他数据和信息", "satisfied"),
    ("甲方的数据及信息", "satisfied"),
])
def test_confidentiality_of_personal_information_alone(kind: str, expected: str) -> None:
    text = SA + f"第二条 乙方对其在服务中接触的{kind}负有保密义务，不得向第三方披露。"
    assert _verdict(text, "SEC02", "security-agreement") == expected


@pytest.mark.parametrize(("objects", "expected"), [
    ("甲方的雷达、通信及数据处理设备", "satisfied"),
    ("甲方的雷达、通信或数据处理设备", "satisfied"),
    ("甲方的雷达、除外及数据处理设备", "weak"),
])
def test_the_first_item_of_a_list_of_kinds_before_one_head(objects: str, expected: str) -> None:
    text = ZH + f"三、乙方不得非法控制、操纵{objects}。"
    assert _verdict(text, "CSR03") == expected


@pytest.mark.parametrize(("period", "expected"), [("合同履行期内", "satisfied"), ("本合同履约期内", "satisfied"),
                                                   ("合同履行期内的前六个月", "weak")])
def test_the_contracts_performance_period(period: str, expected: str) -> None:
    text = ZH + f"二、{period}，乙方不得无正当理由中断产品供应或者必要的技术支持服务。"
    assert _verdict(text, "CSR04") == expected
