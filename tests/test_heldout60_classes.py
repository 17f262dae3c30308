"""False-pass classes of held-out part 60 and packs part 54 (scored once with matcher-freeze-61 / packs-freeze-54;
issues 10 and 15), fixed after both parts were folded in. Every text is written here for the test in words of our
own; none is taken from the held-out cases.

- A duty that waits on the buyer agreeing to pay more ("在甲方同意支付相关额外费用后配合…", "Subject to the Authority
  agreeing to pay additional fees") is conditional on payment: weak. The buyer named inside the condition does not
  make it the buyer's own leave (analysis ``_buyers_own``); a promise to charge nothing extra names no condition.
- A defined term confined to what someone marks ('"Confidential Grid Data" means Customer Data that the Customer has
  marked "Confidential"') narrows every ban on it (frames.yaml ``chosen_scope``); "whether or not marked as
  confidential" narrows nothing.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：东湾隧道管理有限公司\n乙方（供应商）：恒衢智能交通有限公司\n\n"
EN = 'SUPPLY AGREEMENT between Westlake Water Authority (the "Authority") and Corvane Controls Ltd. (the "Supplier").\n\n'


@pytest.mark.parametrize(("text", "expected"), [
    (ZH + "1. 乙方应在甲方同意支付相关额外费用后配合网络安全审查。", "weak"),
    (ZH + "1. 乙方应在收到甲方书面通知后配合网络安全审查。", "satisfied"),
    (EN + "9.1 Subject to the Authority agreeing to pay additional fees, the Supplier shall cooperate with any "
          "cybersecurity review of the Products.", "weak"),
])
def test_a_duty_that_waits_on_payment(text: str, expected: str) -> None:
    assert _verdict(text, "CSR01") == expected


GRID = ('DATA SERVICES AGREEMENT\n\nCustomer: Lakeshore Power Grid Co., Ltd.\nSupplier: Orbitline Analytics Co., Ltd.\n\n'
        '1.1 "Customer Data" means all data the Customer delivers to the Supplier under this Agreement{marking}.\n\n'
        "8.1 Without the Customer's written consent, the Supplier shall not access, obtain, retain, use, disclose or "
        "provide to others any Customer Data.")


@pytest.mark.parametrize(("marking", "expected"), [
    (' that the Customer has marked "Confidential"', "weak"),
    (", whether or not marked as confidential", "satisfied"),
    ("", "satisfied"),
])
def test_a_term_confined_to_what_is_marked(marking: str, expected: str) -> None:
    text = GRID.format(marking=marking)
    assert _verdict(text, "ND02", "network-data", aliases=["Orbitline Analytics Co., Ltd."]) == expected
