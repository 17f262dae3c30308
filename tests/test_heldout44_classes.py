"""The false-pass classes of held-out part 44 and packs part 38 (issues 10 and 15), fixed after they were scored once
with matcher-freeze-45 / packs-freeze-38. Every text is written here for the test in words of our own; none is
taken from the held-out cases.

- A letter the entire-agreement clause supersedes and keeps in an annex "for record purposes only" ("shall have no
  contractual effect", 仅作记录之用，不具有合同效力) is not the supplier's undertaking, even when the excerpt opens
  with that annex.
- An undertaking measured by the supplier's own policy ("in accordance with the Provider Regulatory Engagement
  Policy", "按照乙方《数据使用政策》") is weak: the supplier can change the policy (frames.yaml ``supplier_policies``).
- (network-data) An exception for what the law of the supplier's or its affiliate's own jurisdiction requires
  (依据其所在司法辖区法律的要求) is a carve-out; a foreign affiliate named inside a ban extends it. Merging the data
  with other sources (合并处理) is a correlation act, not ND02's processing as a whole.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

LETTER_EN = ('ANNEX A - SUPPLIER COMMITMENT LETTER (SUBMITTED WITH THE PROPOSAL)\n\n"Harbourline Payments Limited '
             'commits to cooperate with any cybersecurity review of the Bank\'s procurement and not to interrupt the '
             'gateway service or technical support without a justifiable reason."\n\n28. ENTIRE AGREEMENT\n\n28.1 This '
             "Agreement supersedes all prior proposals, commitments and letters, including the Supplier Commitment "
             "Letter reproduced in Annex A, which is included {marker}.\n")


@pytest.mark.parametrize("rule", ["CSR01", "CSR04"])
def test_a_letter_kept_for_record_only_binds_nobody(rule: str) -> None:
    text = LETTER_EN.format(marker="for record purposes only and shall have no contractual effect")
    assert _verdict(text, rule) == "missing"


def test_the_body_disowning_another_annex_leaves_the_letter() -> None:
    text = ('Bank: Xiling Commercial Bank Co., Ltd. (the "Bank"). Supplier: Harbourline Payments Limited (the '
            '"Supplier")\n\n' + LETTER_EN.format(marker="for record purposes only").replace("Annex A, which",
                                                                                          "Annex B, which"))
    assert _verdict(text, "CSR01") == "satisfied"


def test_a_chinese_letter_kept_for_record_only_binds_nobody() -> None:
    text = ("甲方（采购人）：某市交通银行\n\n乙方（供应商）：海岚支付科技有限公司\n\n第二十八条 本合同构成双方的完整协议，取代此前的全部"
            "承诺与函件，附件3所载之承诺函，仅作记录之用，不具有合同效力。\n\n附件3 供应商承诺函\n\n我公司承诺配合贵行的网络安全审查。\n")
    assert _verdict(text, "CSR01") == "missing"


EN = ('Customer: Xiling Bank Co., Ltd. (the "Customer"). Provider: Meridia Pay Ltd. (the "Provider")\n\n')


@pytest.mark.parametrize(("text", "rule"), [
    (EN + "3.4 The Provider will cooperate with any cybersecurity review of the Services in accordance with the "
          "Provider Regulatory Engagement Policy.\n", "CSR01"),
    (EN + "3.4 The Provider will cooperate with any cybersecurity review of the Services subject to the Provider's "
          "global compliance policy.\n", "CSR01"),
    ("甲方（采购人）：某市交通银行\n\n乙方（供应商）：海岚支付科技有限公司\n\n第五条 乙方应按照乙方《数据使用政策》，不得非法获取甲方的"
     "用户数据。\n", "CSR02"),
])
def test_an_undertaking_measured_by_the_suppliers_own_policy_is_weak(text: str, rule: str) -> None:
    assert _verdict(text, rule) == "weak"


def test_the_customers_policy_is_no_such_measure() -> None:
    text = EN + ("3.4 The Provider will cooperate with any cybersecurity review of the Services in accordance with the "
                 "Customer Regulatory Engagement Policy.\n")
    assert _verdict(text, "CSR01") == "satisfied"


ND = "甲方（委托方）：嘉禾交通大数据有限公司\n\n乙方（受托方）：环宇云服务（中国）有限公司\n\n"


def test_the_law_of_the_suppliers_own_jurisdiction_is_a_carve_out() -> None:
    text = ND + ("7.1 未经甲方书面同意，乙方不得访问、获取、留存、使用、泄露或者向他人提供甲方网络数据，但乙方或者其境外关联公司依据其"
                 "所在司法辖区法律的要求提供的除外。\n\n7.2 乙方不得将甲方数据与其他来源的数据进行合并处理。\n")
    assert _verdict(text, "ND02", pack="network-data") == "weak"


def test_a_foreign_parent_inside_a_ban_extends_it() -> None:
    text = ("甲方（采购人）：某省政务服务中心\n\n乙方（供应商）：某信息技术有限公司\n\n第九条 乙方及乙方的境外母公司均不得利用提供产品和服务的"
            "便利条件非法获取甲方的用户数据。\n")
    assert _verdict(text, "CSR02") == "satisfied"


def test_a_thing_in_an_annex_for_information_leaves_the_annex_agreed() -> None:
    text = ('Bank: Xiling Commercial Bank Co., Ltd. (the "Bank"). Supplier: Harbourline Payments Limited (the '
            '"Supplier")\n\n4. The indicative prices set out in Schedule 2, which are for information only, may change.'
            "\n\nSchedule 2 - Prices and Commitments\n\nThe Supplier shall cooperate with any cybersecurity review of "
            "this procurement.\n")
    assert _verdict(text, "CSR01") == "satisfied"
