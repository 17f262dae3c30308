"""The false-pass classes of held-out part 26 (issue 10) and packs part 20 (issue 15), fixed after the part was
scored once with matcher-freeze-27 / packs-freeze-20. Every text is written here for the test in words of our own;
none is taken from the held-out cases.

- A rider after 惟 (the Taiwan and Hong Kong "but") makes supply depend on fees the supplier sets.
- A contract-wide override letting the supplier off every obligation in a case it judges (sanctions law "in the
  Vendor's opinion") reaches every undertaking, though it names none.
- The title a cross-reference gives an amended clause ("第十一条（备件供应与技术支持）修改为：") is no object of the
  new wording.
- A ban on gathering personal information of the buyer's employees or contractors leaves its users out.
- "no liability for any failure of the Supplier to keep such information confidential" promises nothing.
- A ban on correlating the data with third-party data only leaves the operator's own datasets open.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：南湾市燃气集团有限公司\n\n乙方（供应商）：启衡智控科技有限公司\n\n"
TW = "機關：南灣大眾捷運股份有限公司\n\n廠商：啟衡智控科技股份有限公司\n\n"
EN = "Customer: Southbay Gas Group Co., Ltd.\n\nVendor: Qiheng Smart Control Technology Co., Ltd.\n\n"


def test_supply_made_to_wait_for_fees_the_supplier_sets_after_wei_is_weak() -> None:
    text = (TW + "第十八條 契約期間內，廠商應持續提供備品及技術支援；惟機關應於每次請求時另行支付廠商所定之到場費用，"
            "廠商於收訖該費用後始負提供之義務。\n")
    assert _verdict(text, "CSR04") == "weak"
    alone = text.split("；")[0] + "。\n"
    assert _verdict(alone, "CSR04") == "satisfied"


@pytest.mark.parametrize("release", [
    EN + "35. Export Controls. Notwithstanding anything else in this Agreement, the Vendor shall not be obliged to "
    "perform any of its obligations, including the supply of any item or information, where in the Vendor's "
    "reasonable opinion doing so could breach any export control or sanctions law applicable to it.\n",
    ZH + "第三十五条 尽管本合同另有约定，如乙方认为履行可能违反其所在国出口管制法律的，乙方有权拒绝履行本合同项下的任何义务。\n",
])
def test_a_contract_wide_release_from_every_obligation_weakens_every_undertaking(release: str) -> None:
    duties = ("7.1 The Vendor shall cooperate fully with any cybersecurity review of the procurement.\n\n"
              "7.2 The Vendor shall not, without justifiable reason, interrupt the supply of the Products or the "
              "necessary technical support.\n\n") if release.startswith(EN) else (
        "第七条 乙方应全力配合网络安全审查。\n\n第八条 乙方不得无正当理由中断产品供应和必要的技术支持。\n\n")
    head = EN if release.startswith(EN) else ZH
    text = head + duties + release[len(head):]
    assert _verdict(text, "CSR01") == "weak"
    assert _verdict(text, "CSR04") == "weak"
    assert _verdict(head + duties, "CSR01") == "satisfied"


def test_a_positive_duty_to_perform_every_obligation_releases_nothing() -> None:
    text = (ZH + "第七条 乙方应全力配合网络安全审查。\n\n"
            "第三十五条 尽管本合同另有约定，乙方应当履行本合同项下的全部义务。\n")
    assert _verdict(text, "CSR01") == "satisfied"


def test_the_title_of_an_amended_clause_is_no_object_of_its_new_wording() -> None:
    text = (ZH + "补充协议\n\n一、原合同第十二条（备件供应与技术支持）修改为：“合同期内，乙方应持续提供运维技术支持服务，"
            "不得无正当理由中断。”\n")
    assert _verdict(text, "CSR04") == "weak"


@pytest.mark.parametrize("owners, verdict", [
    ("the Customer's employees or contractors", "weak"),
    ("the Customer's employees and end users", "satisfied"),
])
def test_personal_information_of_the_buyers_staff_only(owners: str, verdict: str) -> None:
    text = (EN + f"9.2 The Vendor shall not collect personal information or other data of {owners} by means of the metering "
            "terminals without the Customer's prior written consent.\n")
    assert _verdict(text, "CSR02") == verdict


def test_no_liability_for_a_failure_to_keep_information_confidential_promises_nothing() -> None:
    text = (EN + "11. LIABILITY. The Vendor shall have no liability whatsoever for any breach of security or any failure "
            "of the Vendor to keep the Customer's information confidential.\n")
    assert _verdict(text, "SEC02", "security-agreement") != "satisfied"


@pytest.mark.parametrize("ban, verdict", [
    ("乙方不得将甲方数据与第三方来源的数据进行关联分析。", "weak"),
    ("乙方不得将甲方数据与其他任何来源的数据进行关联分析。", "satisfied"),
])
def test_a_correlation_ban_with_third_party_data_only_is_partial(ban: str, verdict: str) -> None:
    text = (ZH + "第十六条 乙方应履行数据平台的网络数据安全保护义务，确保平台安全、稳定、持续运行。\n\n"
            f"第十七条 {ban}\n")
    assert _verdict(text, "ND03", "network-data") == verdict
