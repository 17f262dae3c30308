"""The false-pass classes of held-out part 19 and packs-heldout-13 (issues 10 and 15), each fixed as a class and
written here in wordings of its own, with the near wording that must keep its verdict. Each of these tests fails
on matcher-freeze-20.

- A buyer's policy whose title line is long (the bank's full name, then "... POLICY (Version 3.1)") was not read
  as a title, so the policy was taken for a contract. And "Procurement shall ensure that every contract requires
  the supplier to: (a) …" bound the supplier: the modal is the buyer's staff's, the supplier only what the demand
  is made of.
- A tender's statement of requirements titled "第二部分 采购需求", and its instruction "供应商须在投标文件中承诺：
  …", are what the bid must promise, not a promise.
- A narrow device class placed in the buyer's network ("any STB-5000 set-top box deployed in the Purchaser's
  network", "部署在甲方网络中的机顶盒") protects that class only: the network is where it stands.
- A return of the personal information with nothing said of the copies left behind is only part of PIPL21-04.
None of these texts is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest
from _helpers import verdict_and_message as _verdict

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document

POLICY_ITEMS = ("(a) cooperate with any cybersecurity review;\n\n"
                "(b) refrain from interrupting product supply or necessary technical support without justifiable "
                "reason.\n")


@pytest.mark.parametrize("head", [
    "EASTERN HARBOUR SAVINGS BANK COMPANY LIMITED - OUTSOURCING AND THIRD-PARTY RISK POLICY (Version 3.1)\n\n"
    "Part 4 Contract terms\n\n",
    "Part 4 Contract terms\n\n",
])
def test_a_policy_on_what_contracts_must_require_binds_no_supplier(head: str) -> None:
    text = head + ("4.2 The Procurement Office shall ensure that every contract for network products requires the "
                   "supplier to:\n\n" + POLICY_ITEMS)
    for rule in ("CSR01", "CSR04"):
        verdict, message = _verdict(text, rule)
        assert verdict != "satisfied", (rule, message)
    contract = ('This Agreement is made between Eastern Harbour Savings Bank (the "Customer") and Kestrel Networks '
                'Ltd. (the "Supplier").\n\n4.2 The Supplier undertakes to:\n\n' + POLICY_ITEMS)
    assert _verdict(contract, "CSR01")[0] == "satisfied"


@pytest.mark.parametrize("head", ["第三部分 采购需求\n\n", ""])
def test_a_tenders_instruction_on_what_the_bid_must_promise_is_no_promise(head: str) -> None:
    text = (head + "五、商务要求\n\n"
            "1. 供应商须在投标文件中承诺：配合采购人开展网络安全审查；无正当理由不中断产品供应。\n")
    for rule in ("CSR01", "CSR04"):
        verdict, message = _verdict(text, rule)
        assert verdict != "satisfied", (rule, message)
    letter = "承诺函\n\n致：东湖水务集团有限公司\n\n我公司承诺：配合贵公司开展网络安全审查；无正当理由不中断产品供应。\n"
    assert _verdict(letter, "CSR01")[0] == "satisfied"


@pytest.mark.parametrize(("clause", "expected"), [
    ("8.2 The Supplier shall not remotely control, lock or alter any X200 set-top box deployed in the Purchaser's "
     "network.", "weak"),
    ("8.2 The Supplier shall not remotely control, lock or alter any device in the Purchaser's network.", "satisfied"),
])
def test_a_narrow_device_class_placed_in_the_network_is_narrow_en(clause: str, expected: str) -> None:
    text = ('This Contract is made between Eastvale Cable Co. (the "Purchaser") and Torrent Devices Ltd. (the '
            '"Supplier").\n\n' + clause + "\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict == expected, message


@pytest.mark.parametrize(("clause", "expected"), [
    ("8.2 乙方不得远程控制、锁定部署在甲方网络中的机顶盒。", "weak"),
    ("8.2 乙方不得远程控制、锁定甲方网络中的任何设备。", "satisfied"),
])
def test_a_narrow_device_class_placed_in_the_network_is_narrow_zh(clause: str, expected: str) -> None:
    text = "甲方：东海广电网络有限公司\n\n乙方（供应商）：星桥电子有限公司\n\n" + clause + "\n"
    verdict, message = _verdict(text, "CSR03")
    assert verdict == expected, message


@pytest.mark.parametrize(("clause", "expected"), [
    ("9.3 本协议终止后二十日内，受托方应将全部学员个人信息交还委托方。", "weak"),
    ("9.3 本协议终止后二十日内，受托方应将全部学员个人信息交还委托方，不得保留任何副本。", "satisfied"),
    ("9.3 本协议终止后二十日内，受托方应将全部学员个人信息交还委托方或者予以删除。", "satisfied"),
])
def test_a_return_that_leaves_copies_is_part_of_pipl21_04(clause: str, expected: str) -> None:
    text = "委托方：南屏职业学院\n\n受托方：青枫教育服务有限公司\n\n" + clause + "\n"
    result = check_document(read_document(text.encode("utf-8"), filename="case.txt"),
                            library=load_packs(["pipl21"])).requirement("PIPL21-04")
    assert str(result.verdict) == expected, result.message
