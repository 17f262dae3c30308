"""Development classes of the security-agreement pack (issue 15), seventh 2026-12-07 session. Texts are our own.

- The contract's own purpose as the only exception ("shall not disclose or use it except to perform this Contract",
  "only for the purposes of this Contract") is what the contract allows, no more: the confidentiality undertaking is
  satisfied. In a grant the same words do not tame the right: "may access, download and use any Employer Data for the
  purposes of the Contract and for its own business interests" stays a contradiction of CSR02.
- A definition that leaves the term's reach to the supplier ('"Confidential Information" means such information as the
  Vendor has agreed in writing to treat as confidential') narrows every undertaking on the term (frames.yaml
  ``supplier_chosen_scope``): weak, never satisfied - a false pass the first of these changes would have exposed.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

EN = 'SERVICES AGREEMENT between Eastport Water Co. (the "Customer") and Halvard Systems Ltd. (the "Supplier").\n\n'


@pytest.mark.parametrize(("clause", "expected"), [
    ("8.1 The Supplier shall keep all information of the Customer confidential and shall not disclose it to any third "
     "party or use it except to perform this Contract.", "satisfied"),
    ("8.1 The Supplier shall not disclose the Customer's information to third parties and shall use it only for the "
     "purposes of this Contract.", "satisfied"),
    ("8.1 The Supplier shall keep all information of the Customer confidential and shall not disclose it to any "
     "person except for its own business purposes.", "weak"),
    ('8.1 "Confidential Information" means such information received from the Customer as the Supplier has agreed in '
     "writing to treat as confidential.\n\n8.2 The Supplier shall not disclose Confidential Information to third "
     "parties and shall use it only for the purposes of this Contract.", "weak"),
])
def test_the_contracts_purpose_and_a_scope_the_supplier_chooses(clause: str, expected: str) -> None:
    assert _verdict(EN + clause, "SEC02", "security-agreement") == expected


def test_a_right_for_the_contract_and_for_itself_stays_a_right() -> None:
    text = ('SUPPLY CONTRACT between Northgate Power Co. (the "Employer") and Halvard Systems Ltd. (the '
            '"Contractor").\n\n14.2 The Contractor may access, download and use any Employer Data for the purposes '
            "of the Contract and for its own legitimate business interests, including product improvement.")
    assert _verdict(text, "CSR02") == "contradicted"


# Held-out 59's false passes (scored once with matcher-freeze-60), fixed from texts of our own:
# - a deletion duty excepting what the supplier "因履行本合同而形成" keeps that output: 履行本合同 there says where the
#   kept data came from, not a purpose that allows the exception (common.yaml lawful_basis);
# - a lead-in that is a period shorter than the contract ("在平台上线后六个月的试运行期内：") bounds every item under it
#   (frames.yaml ``lead_in_periods``); the contract's own term in a lead-in stays harmless.
ZH = "甲方：江北电力客户服务中心\n乙方：云麓智能科技有限公司\n\n"


@pytest.mark.parametrize(("clause", "expected"), [
    ("12.3 合同终止后，乙方应删除全部客户个人信息，但乙方因履行本合同而形成的知识库内容除外。", "weak"),
    ("12.3 合同终止后，乙方应删除全部客户个人信息。", "satisfied"),
])
def test_a_deletion_that_keeps_what_performance_produced(clause: str, expected: str) -> None:
    assert _verdict(ZH + clause, "PIPL21-04", "pipl21", aliases=["云麓智能科技有限公司"]) == expected


@pytest.mark.parametrize(("lead", "expected"), [
    ("第十五条 在平台上线后六个月的试运行期内：", "weak"),
    ("第十五条 在本合同有效期内：", "satisfied"),
])
def test_a_lead_in_period_bounds_its_items(lead: str, expected: str) -> None:
    text = (ZH + "第三条 本合同服务期限为三年，自平台上线之日起计算。\n\n" + lead
            + "\n（一）乙方不得中断软硬件产品供应和技术支持服务，但有正当理由的除外。")
    assert _verdict(text, "CSR04") == expected


# Held-out 59's third false pass (l176-zh-047), fixed from a text of our own: an object word that names the supplier by
# its trade ("作为…运维服务供应商，作出如下承诺：") is not the support an item promises (frames.yaml ``role_tails``).
LETTER = "承诺书\n\n市大数据中心：\n\n我公司星衡数智科技有限公司作为市政务云平台运维服务供应商，作出如下承诺：\n\n"


@pytest.mark.parametrize(("item", "expected"), [
    ("1. 在合同期内保障备品备件的供应，不无故中断。", "weak"),
    ("1. 在合同期内保障备品备件的供应和运维服务，不无故中断。", "satisfied"),
])
def test_a_trade_name_is_no_object(item: str, expected: str) -> None:
    assert _verdict(LETTER + item, "CSR04") == expected
