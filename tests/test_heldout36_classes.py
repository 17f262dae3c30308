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
