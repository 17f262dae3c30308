"""The recall and reading classes of held-out part 40 (issue 10), worked on after it was scored once with
matcher-freeze-41 (no false pass; packs part 34 gave one, a labelling difference, see tests/test_eval_packs.py).
Every text is written here for the test in words of our own; none is taken from the held-out cases.

- What the contract supplies, under the drafter's own name for it ("不得中断水表及配件的供应", "the supply of the
  shipboard gateways"), is the contract's product: the undertaking to keep supplying it is whole. A guard word on
  it ("部分水表", "测试水表", "legacy units") singles out a part and stays unread.
- The supplier's duty disowned in so many words, for any review or any governmental or security review ("shall have
  no obligation in connection with any review", "shall not be required to contribute to any governmental review",
  "obligations … do not include any cooperation with governmental security reviews", "does not participate in
  government security reviews"), contradicts CSR01 - the buyer's own release does not.
- Where the preamble never says who supplies, "乙方应依甲方通知持续供应…" and "乙方不得藉供货…之机会…" tell it.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：临川市自来水有限公司\n\n乙方（供应商）：清源智能仪表股份有限公司\n\n"
EN = ('Purchaser: Dongsheng Container Shipping Co., Ltd. (the "Purchaser")\n\n'
      'Supplier: Haixun Marine Telematics Co., Ltd. (the "Supplier")\n\n')


@pytest.mark.parametrize("clause", [
    "四、乙方不得中断水表及配件的供应和必要的技术支持服务。",
    "四、乙方不得中断智能水表的供应和必要的技术支持服务。",
    "四、乙方应在合同期内持续供应远传水表及备品，并提供必要的技术支持，无正当理由不得中断。",
])
def test_the_contracts_own_products_named_at_the_supply_keep_the_promise_whole(clause: str) -> None:
    assert _verdict(ZH + clause + "\n", "CSR04") == "satisfied"


def test_the_contracts_own_products_named_in_english_keep_the_promise_whole() -> None:
    text = EN + ("4. The Supplier shall not, without justifiable reason, interrupt the supply of the shipboard gateways, "
                 "spare parts and software, or the technical support necessary for their operation.\n")
    assert _verdict(text, "CSR04") == "satisfied"


@pytest.mark.parametrize("text", [
    ZH + "四、乙方不得中断部分水表的供应和必要的技术支持服务。\n",
    ZH + "四、乙方不得中断测试水表的供应和必要的技术支持服务。\n",
    ZH + "四、乙方不得中断首年水表的供应和必要的技术支持服务。\n",
    EN + ("4. The Supplier shall not, without justifiable reason, interrupt the supply of the legacy gateways or the "
          "technical support necessary for their operation.\n"),
])
def test_a_part_of_the_products_singled_out_stays_unread(text: str) -> None:
    assert _verdict(text, "CSR04") == "weak"


@pytest.mark.parametrize("clause", [
    "19.1 The Purchaser acknowledges that the Supplier's cooperation obligations are limited to those set out in "
    "Schedule 3 (Audits), and that the Supplier shall have no obligation in connection with any review, filing or "
    "approval process relating to the Purchaser's procurement.",
    "8. Government Reviews. The Supplier does not participate in government security reviews or certifications on "
    "behalf of individual customers.",
    "14. Governmental Reviews. The Supplier's obligations under this Contract do not include any cooperation with "
    "governmental security reviews, which the Supplier expressly excludes.",
    "4.2 The Supplier shall not be required to contribute to any governmental review, and the Purchaser waives any "
    "claim arising from a delay in obtaining clearance.",
])
def test_the_review_duty_disowned_in_so_many_words_contradicts(clause: str) -> None:
    assert _verdict(EN + clause + "\n", "CSR01") == "contradicted"


def test_the_buyer_freed_of_a_review_is_no_contradiction() -> None:
    text = EN + "4.2 The Purchaser shall not be required to contribute to any governmental review of the Supplier.\n"
    assert _verdict(text, "CSR01") == "missing"


UNDEFINED = "甲方：臨川市自來水股份有限公司\n\n乙方：清源智慧儀表股份有限公司\n\n"


def test_who_supplies_read_from_a_supply_on_the_buyers_notice() -> None:
    text = UNDEFINED + ("第十四條 供應與資料\n\n（一）於契約期間內，乙方應依甲方通知持續供應水表及備品，並提供技術支援；非有不可抗力或"
                        "法令禁止等正當理由，不得停止或中斷。\n\n（二）乙方不得藉供貨及技術支援之機會，未經甲方同意取得甲方營運"
                        "資料或用戶資料。\n")
    assert _verdict(text, "CSR02") == "satisfied"
    assert _verdict(text, "CSR04") == "satisfied"
