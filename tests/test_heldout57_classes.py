"""False-pass classes of packs part 51 (scored once with packs-freeze-51; held-out part 57 had none), and recall classes
found in development beside them (issues 10 and 15). Every text is written here for the test in words of our own; none
is taken from the held-out cases.

- (security-agreement) A duty to answer vulnerabilities with patches, alone ("漏洞经确认后七日内向需方提供补丁"), is
  security fixes, not the maintenance and troubleshooting the agreement must promise: partial (SEC03 ``patch_triggers``,
  ``support_words``). Two held-out labels (parts 50 and 51) call it missing support; ten development labels accept it
  as support. We fail closed: a false pass is the worst error, and the reason names the part.
- The buyer's statement of requirements titled with a note on its part and an English half ("采购需求（数据安全部分） /
  Procurement Requirements (Data Security Section)") is the buyer's, as its bare title already was.
- Recall: "without the Customer's prior written instruction" is the buyer's leave like "prior written consent"; "disable,
  re-programme or otherwise manipulate" lists acts closed by a catch-all; "the vessel operators, masters, crew and other
  users" lists users closed by a catch-all (frames.yaml ``owner_catch_alls``).
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

SA = "安全保密协议\n\n甲方（采购人）：某电网调度控制中心\n\n乙方（供应商）：某电力安全设备有限公司\n\n"
EN = ('SUPPLY AGREEMENT between Eastport Power Co., Ltd. (the "Customer") and Halvard Controls Ltd. '
      '(the "Supplier").\n\n')


@pytest.mark.parametrize(("clause", "expected"), [
    ("4.3 乙方须建立漏洞响应机制，漏洞经确认后七日内向甲方提供补丁。", "weak"),
    ("4.3 乙方发现产品存在安全漏洞的，应在两个工作日内通知甲方，并免费提供安全补丁。", "weak"),
    ("4.3 乙方发现产品存在安全漏洞的，应及时提供安全补丁，并在合同期内负责故障处理和维护服务。", "satisfied"),
    ("4.3 乙方应在合同期内提供技术支持服务。", "satisfied"),
])
def test_patches_for_vulnerabilities_alone_are_not_the_support(clause: str, expected: str) -> None:
    assert _verdict(SA + clause, "SEC03", "security-agreement") == expected


def test_a_statement_of_requirements_with_a_part_note_and_an_english_title() -> None:
    text = ("采购需求（数据安全部分） / Procurement Requirements (Data Security Section)\n\n采购人：某停车管理有限公司\n\n"
            "1. 未经采购人同意，供应商不得访问、获取、留存、使用、泄露或者向他人提供网络数据，不得进行关联分析。\n\n"
            "2. 不满足上述要求的投标将被否决。")
    assert _verdict(text, "ND02", "network-data") == "missing"


@pytest.mark.parametrize("leave", ["without the Customer's prior written instruction",
                                   "without the prior written instruction of the Customer",
                                   "except on the Customer's express written request"])
def test_the_buyers_prior_or_express_leave(leave: str) -> None:
    text = EN + f"20.3 The Supplier shall not control, alter or disable any Customer System {leave}."
    assert _verdict(text, "CSR03") == "satisfied"


def test_acts_listed_before_a_catch_all_act() -> None:
    text = EN + ("20.3 The Supplier shall not seize control of, disable, re-programme or otherwise manipulate any Customer "
                 "System without the Customer's written consent.")
    assert _verdict(text, "CSR03") == "satisfied"


@pytest.mark.parametrize(("owners", "expected"), [
    ("the vessel operators, masters, crew and other users of the Lock", "satisfied"),
    ("the vessel operators, certain masters, crew and other users of the Lock", "weak"),
])
def test_users_listed_before_a_catch_all_of_users(owners: str, expected: str) -> None:
    text = EN + f"20.3 The Supplier shall not use the supply of the System to obtain any data of the Customer or of {owners}."
    assert _verdict(text, "CSR02") == expected
