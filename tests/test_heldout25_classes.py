"""The false-pass classes of heldout-25 (scored once with matcher-freeze-26, then fixed as classes). Every text is
written here for the test, in other words than the held-out cases.

- A duty to "ensure that its subcontractors and their employees do not" obtain data binds the supplier for their
  acts only: its own are left free, so the undertaking is partial (frames.yaml ``others_only``).
- A clause complying with the law that names the Cybersecurity Review Measures names a statute, not the review
  (frames.yaml ``statute_titles``).
- "乙方不承担为网络安全审查提交任何资料…的义务" refuses the review: 承担 reaches its 义务 across a long object, and the 为
  of "承担为…的义务" is "for", not the nominalised duty's "is".
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

EN = "Purchaser: Westgate Air Navigation Services Ltd.\n\nSupplier: Corvex Radar Systems Pte. Ltd.\n\n"
ZH = "甲方（采购人）：南岭市林业和草原局\n\n乙方（供应商）：青岚感知科技有限公司\n\n"


@pytest.mark.parametrize("text", [
    EN + "12.3 The Supplier shall procure that its sub-contractors and their staff do not use the maintenance "
    "accounts to collect data of the Purchaser or of its users without the Purchaser's written consent.\n",
    ZH + "第十二条 乙方应确保其分包单位及其工作人员不得利用运维账号获取甲方及其用户的数据。\n",
])
def test_a_ban_on_the_subcontractors_alone_leaves_the_suppliers_own_acts_free(text: str) -> None:
    assert _verdict(text, "CSR02") == "weak"


@pytest.mark.parametrize("text", [
    EN + "12.3 The Supplier shall not, and shall procure that its sub-contractors do not, collect data of the "
    "Purchaser or of its users without the Purchaser's written consent.\n",
    EN + "12.3 The Supplier shall ensure that it and its sub-contractors do not collect data of the Purchaser or of "
    "its users without the Purchaser's written consent.\n",
    ZH + "第十二条 乙方不得，并应确保其分包单位不得，利用运维账号获取甲方及其用户的数据。\n",
])
def test_the_supplier_bound_with_its_subcontractors_is_whole(text: str) -> None:
    assert _verdict(text, "CSR02") == "satisfied"


@pytest.mark.parametrize("text", [
    EN + "2.6 Laws. The Supplier shall comply with the laws of the People's Republic of China that apply to the "
    "Works, including the Data Security Law and the Cybersecurity Review Measures, as amended from time to time.\n",
    ZH + "第二条 乙方应遵守《中华人民共和国数据安全法》《网络安全审查办法》等法律法规的规定。\n",
])
def test_complying_with_the_measures_is_no_promise_to_cooperate_with_the_review(text: str) -> None:
    assert _verdict(text, "CSR01") != "satisfied"


def test_cooperating_under_the_measures_still_counts() -> None:
    text = EN + "9.1 The Supplier shall cooperate with the cybersecurity review conducted under the Cybersecurity Review Measures.\n"
    assert _verdict(text, "CSR01") == "satisfied"


def test_a_refusal_to_submit_anything_for_the_review_is_a_refusal() -> None:
    text = ZH + ("第三十条 其他\n\n30.2 尽管本合同第八条约定乙方应当配合甲方组织的各类安全检查，双方确认该条不涉及网络安全审查；"
                 "乙方不承担为网络安全审查提供任何文件或者进行任何解释的义务。\n")
    assert _verdict(text, "CSR01") == "contradicted"


@pytest.mark.parametrize("text", [
    EN + "12.3 The Supplier shall ensure that its employees, Affiliates and sub-contractors do not collect data of the "
    "Purchaser or of its users without the Purchaser's written consent.\n",
    EN + "12.3 The Supplier undertakes that it shall, and shall procure that its Affiliates shall, not collect data of the "
    "Purchaser or of its users without the Purchaser's written consent.\n",
    ZH + "第十二条 乙方应确保其员工、关联公司及分包单位不得利用运维账号获取甲方及其用户的数据。\n",
])
def test_the_suppliers_own_people_or_its_own_promise_make_it_whole(text: str) -> None:
    assert _verdict(text, "CSR02") == "satisfied"
