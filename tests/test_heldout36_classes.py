"""Held-out part 36 and packs part 30 (issues 10 and 15): the recall classes read from the development corpus while
the part was being written (after matcher-freeze-37), then the false-pass classes of the part once scored. Every
text is written here for the test in words of our own; none is taken from the held-out cases.

Recall:
- a right on another requirement's subject opened by an override of what went before ("尽管有前述规定，乙方…可远程锁定
  甲方服务器") or by its purpose ("为防止本软件被超范围使用，许可方可…") takes nothing from a review undertaking
  beside it; one that names the undertaking's own act still does;
- the time of cooperation ("during and after any cybersecurity review");
- an invoice that "remains unpaid" after notice, a cure period that "has expired", and "save (a) …; (b) …" lists;
- the occasions of the whole supply listed ("in supplying, installing or servicing the System"), while one phase
  alone ("in the course of installing") stays a limit.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方：临江市应急管理局\n\n乙方：安澜物联科技有限公司\n\n"
EN = ('This Agreement is made between Linjiang Metro Co., Ltd. (the "Customer") and Halvard Fare Systems Ltd. '
      '(the "Supplier").\n\n')


@pytest.mark.parametrize(("right", "expected"), [
    ("尽管有前述规定，乙方认为必要时，可不经甲方同意远程锁定或者重启甲方服务器。", "satisfied"),
    ("为防止软件被超范围使用，乙方可在其认为必要时远程停用软件的全部或部分功能。", "satisfied"),
    ("尽管有前述规定，乙方可自行决定是否提供源代码等审查材料。", "contradicted"),
])
def test_a_right_on_another_subject_beside_a_review_undertaking(right: str, expected: str) -> None:
    text = ZH + "第十一条 网络安全\n\n11.1 甲方申报网络安全审查的，乙方应配合提交材料、接受询问和核查。\n\n11.2 " + right + "\n"
    assert _verdict(text, "CSR01") == expected


def test_cooperation_during_and_after_the_review() -> None:
    text = EN + ("9.1 The Supplier shall cooperate at all times during and after any cybersecurity review with the "
                 "Customer and the reviewing authority, providing the required materials and written answers.\n")
    assert _verdict(text, "CSR01") == "satisfied"


@pytest.mark.parametrize("exception", [
    "except where an undisputed invoice remains unpaid thirty (30) days after the Supplier's written notice",
    "save (a) under Clause 19.2 (Termination for Material Breach) after the cure period has expired; or (b) during "
    "Force Majeure",
])
def test_justified_suspension_worded_as_contracts_word_it(exception: str) -> None:
    text = EN + ("7.2 The Supplier shall not suspend or withdraw the supply of the Products or the technical support "
                 f"{exception}.\n")
    assert _verdict(text, "CSR04") == "satisfied"


@pytest.mark.parametrize(("occasion", "expected"), [
    ("by using the access it obtains in supplying, installing or servicing the System", "satisfied"),
    ("in the course of installing the System", "weak"),
])
def test_the_occasions_of_the_whole_supply(occasion: str, expected: str) -> None:
    text = EN + f"8.1 The Supplier shall not, {occasion}, collect, copy or retain any data of the Customer or its passengers.\n"
    assert _verdict(text, "CSR02") == expected


# The false-pass classes of held-out part 36 and packs part 30, fixed after they were scored once.

def test_an_exception_that_is_the_suppliers_own_decision_is_a_carve_out() -> None:
    """A lettered exception list whose item is the supplier's own decision ("where the Supplier has decided to
    discontinue the relevant product line, on twelve (12) months' notice"): the notice does not make it a reason."""
    text = EN + ("4. The Supplier shall not interrupt the supply of the Fare Gates, spare parts or technical support "
                 "during the Support Period except:\n\n(a) where the Customer has failed to pay an undisputed amount "
                 "within 60 days after written notice;\n\n(b) where the Supplier has decided to withdraw the relevant "
                 "product line, on twelve (12) months' notice; or\n\n(c) where prohibited by the laws of the People's "
                 "Republic of China.\n")
    assert _verdict(text, "CSR04") in {"weak", "contradicted"}
    justified = text.replace("(b) where the Supplier has decided to withdraw the relevant product line, on twelve "
                             "(12) months' notice; or", "(b) during an event of Force Majeure; or")
    assert _verdict(justified, "CSR04") == "satisfied"


def test_a_clause_ending_the_undertakings_clause_early_is_read_with_it() -> None:
    text = EN + ("3. Term. The Contract continues until the end of the Maintenance Period, five (5) years from Final "
                 "Acceptance.\n\n14. Data. 14.1 The Supplier shall not collect, retain or use any data of the Customer "
                 "or its passengers without the Customer's written authorisation.\n\n28. Survival. Clause 15 survives "
                 "until the end of the Maintenance Period. Clause 14 shall cease to apply on the date of Final "
                 "Acceptance.\n")
    assert _verdict(text, "CSR02") == "weak"


@pytest.mark.parametrize(("scope", "expected"), [("经乙方评估认定为具有保密价值的", "weak"), ("", "satisfied")])
def test_confidential_information_the_supplier_designates_is_weak(scope: str, expected: str) -> None:
    from cliccheck.matcher import check_document
    from cliccheck.packs import load_packs
    from cliccheck.readers import read_document

    text = (ZH + "为保障甲方关键信息基础设施安全，双方订立本协议。\n\n第一条 定义\n\n本协议所称“保密信息”，指乙方在本项目中接触的、"
            f"{scope}甲方技术资料、数据和文件。\n\n第三条 保密义务\n\n乙方对保密信息负有保密义务，不得向第三方披露或用于本项目以外的目的。\n")
    result = check_document(read_document(text.encode("utf-8"), filename="case.txt"),
                            supplier_aliases=["安澜物联科技有限公司", "乙方"], library=load_packs(["security-agreement"]))
    assert str(result.requirement("SEC02").verdict) == expected


def test_a_denial_of_access_with_an_exception_does_not_make_the_pack_inapplicable() -> None:
    text = ("SOFTWARE LICENCE AND SUPPORT AGREEMENT\n\nLicensor: Northgate Marking Software Ltd.\n\nLicensee: Provincial "
            "Examinations Authority\n\n4. The Software runs on the Licensee's servers. The Licensor has no access to "
            "Licensee Data except as described in clause 6.\n\n6. To resolve Severity 1 incidents, Licensor engineers "
            "may, with the Licensee's approval, access the production environment remotely, including the database "
            "of candidate numbers and scores.\n")
    assert _verdict(text, "PIPL21-05", "pipl21") != "not_applicable"
    denied = text.replace(" except as described in clause 6", "").replace(
        "6. To resolve Severity 1 incidents, Licensor engineers may, with the Licensee's approval, access the production "
        "environment remotely, including the database of candidate numbers and scores.\n", "")
    assert _verdict(denied, "PIPL21-05", "pipl21") == "not_applicable"


# The review of the round (texts of the reviewer's kind, written here): each was read wrongly by a first version.
ESUP = EN + "7.1 The Supplier shall not interrupt the supply of the Products or technical support without justifiable reason.\n\n"
ZSUP = ZH + "7.1 乙方不得无正当理由中断产品供应和技术支持。\n\n"
S = EN + "7.2 The Supplier shall not suspend or withdraw the supply of the Products or the technical support "


@pytest.mark.parametrize(("text", "rule", "expected"), [
    # beside a ban, a right opened by an override or a purpose is read with it: disabling the software interrupts supply
    (ESUP + "7.2 Notwithstanding the foregoing, the Supplier may remotely disable the Software if it suspects unlicensed "
            "use.\n", "CSR04", "weak"),
    (ZSUP + "7.2 为防止软件被超范围使用，乙方可在其认为必要时远程停用软件的全部或部分功能。\n", "CSR04", "weak"),
    (ZSUP + "7.2 尽管有前述规定，乙方认为必要时，可不经甲方同意远程锁定甲方服务器。\n", "CSR04", "weak"),
    # a period of notice that has run is no reason of its own, and a lettered list split at its semicolon is one list
    (S + "except after the notice period has expired.\n", "CSR04", "weak"),
    (S + "save (a) during Force Majeure; or (b) after the notice period has expired.\n", "CSR04", "weak"),
    (S + "except (a) during Force Majeure; or (b) after ninety days' notice.\n", "CSR04", "weak"),
    (S + "except (a) during Force Majeure; or (b) where the Customer has failed to pay an undisputed invoice within "
         "sixty (60) days after written notice.\n", "CSR04", "satisfied"),
    # later phases of the work alone are a limit; a "security review" may be the buyer's own
    (EN + "8.1 The Supplier shall not, in the course of maintaining or upgrading the System, collect, copy or retain any "
          "data of the Customer or its passengers.\n", "CSR02", "weak"),
    (EN + "9.1 The Supplier shall cooperate with the Customer during any security review, providing the required "
          "materials.\n", "CSR01", "weak"),
])
def test_the_review_of_the_round(text: str, rule: str, expected: str) -> None:
    assert _verdict(text, rule) == expected


@pytest.mark.parametrize(("text", "rule"), [
    # the supplier answers for those it brings in, their breach deemed its own (Taiwan drafting)
    ("甲方：南嶺縣地政事務所\n\n乙方：宏碩資訊股份有限公司\n\n第九條 資通安全\n\n（一）廠商不得擅自以任何方式控制或操縱機關之電腦、伺服器及網路設備。\n\n"
     "（二）廠商之分包廠商及其人員違反前款規定者，視同廠商違反。\n", "CSR03"),
    # a ban through every route
    (ZH + "第十二条 乙方不得通过所供设备的管理接口或任何其他途径，在未获甲方授权的情况下访问、控制、操纵甲方的网络和终端设备。\n", "CSR03"),
])
def test_those_the_supplier_answers_for_and_every_route(text: str, rule: str) -> None:
    assert _verdict(text, rule) == "satisfied"
