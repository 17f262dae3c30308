"""The false-pass classes of packs part 37 (issue 15), fixed after it was scored once with packs-freeze-37 (held-out
part 43 of the four undertakings had none). Every text is written here for the test in words of our own; none is
taken from the held-out cases.

- (pipl21) A right to have others the supplier picks do part of the work ("may use third-party carriers of its
  choosing", 乙方可根据服务需要自主选择分包商) is sub-entrusting without consent: PIPL21-05 contradicted.
- (network-data) A right to hand the operator's data to others, its consent expressly not needed ("并可向分包商提供
  …甲方数据，无需取得甲方同意"), contradicts ND02.
- The supplier's own document attached to the contract ("附：乙方《云服务条款》（节选）", "Schedule 2 - Vendor Online
  Terms") speaks in its first person: "我们可随时暂停…", "We may suspend …" are the supplier's rights (common.yaml
  ``owned_documents``), when the contract before it never says "we".
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

PI_EN = ('Hospital: Lingfeng Medical Group Co., Ltd. (the "Hospital"). Supplier: Swiftcourier Logistics Ltd. (the '
         '"Supplier")\n\nSchedule 4. (a) The Supplier processes patient names, mobile numbers and delivery addresses '
         'only to deliver prescription medicines, for the term of this Agreement.\n\n(b) The Supplier shall not '
         "engage any sub-processor without the Hospital's prior written consent.\n\n")
PI_ZH = ("甲方（委托方）：岭峰医疗集团\n\n乙方（受托方）：迅达医疗服务外包有限公司\n\n附件5 个人信息处理\n\n5.1 乙方仅为甲方提供预约提醒服务而处理患者"
         "姓名、联系电话，处理期限为本协议有效期内。\n\n5.2 乙方不得将个人信息处理事项转委托第三方，经甲方书面同意的除外。\n\n")


@pytest.mark.parametrize("text", [
    PI_EN + "Order Form. The Supplier may use third-party couriers of its choosing for deliveries outside the city.\n",
    PI_EN + "12. The Supplier may subcontract any of the Services as it sees fit.\n",
    PI_ZH + "第3条 乙方可根据服务需要自主选择分包商承担部分服务，无需取得甲方同意。\n",
])
def test_a_right_to_pick_others_for_the_work_sub_entrusts_freely(text: str) -> None:
    assert _verdict(text, "PIPL21-05", pack="pipl21") == "contradicted"


@pytest.mark.parametrize("text", [
    PI_EN + "12. The Supplier may use third-party couriers approved by the Hospital in writing.\n",
    PI_ZH + "第3条 经甲方书面同意，乙方可选择分包商承担部分服务。\n",
])
def test_others_the_operator_approves_are_no_contradiction(text: str) -> None:
    assert _verdict(text, "PIPL21-05", pack="pipl21") == "satisfied"


ND = ("甲方：桂中电网供电有限公司\n\n乙方：锦程数字科技有限公司\n\n第七条 数据安全\n\n7.1 未经甲方同意，乙方不得访问、获取、"
      "留存、使用、泄露或者向他人提供甲方网络数据。\n\n")


def test_a_right_to_hand_the_data_on_without_consent_contradicts_nd02() -> None:
    text = ND + "7.2 乙方可自行选择分包商，并可向分包商提供履行本合同所需的甲方数据，无需取得甲方同意。\n"
    assert _verdict(text, "ND02", pack="network-data") == "contradicted"


def test_handing_it_on_with_consent_keeps_nd02() -> None:
    text = ND + "7.2 经甲方书面同意，乙方可向分包商提供履行本合同所需的甲方数据。\n"
    assert _verdict(text, "ND02", pack="network-data") == "satisfied"


CSR_ZH = ("甲方（采购人）：晋南供电有限公司\n\n乙方（供应商）：数澜云智科技有限公司\n\n第四条 乙方无正当理由不得中断产品供应和"
          "必要的技术支持服务。\n\n第十五条 乙方《云服务条款》为本合同组成部分，与本合同不一致的，以《云服务条款》为准。\n\n"
          "附：乙方《云服务条款》（节选）\n\n")
CSR_EN = ('Customer: Xiling Water Group Co., Ltd. (the "Customer"). Vendor: Tidewave Cloud Ltd. (the "Vendor")\n\n'
          "5. The Vendor shall not, without justifiable reason, interrupt the supply of the Services or necessary "
          "technical support.\n\n12. The Vendor Online Terms attached as Schedule 2 form part of this Agreement and "
          "prevail over it in case of conflict.\n\nSchedule 2 - Vendor Online Terms\n\n")


@pytest.mark.parametrize("text", [
    CSR_ZH + "3.2 我们可随时暂停或终止向您提供全部或部分服务。\n",
    CSR_EN + "4.1 We may suspend or discontinue the Services, in whole or in part, at any time for any reason.\n",
])
def test_the_first_person_of_the_suppliers_own_attached_terms_is_the_supplier(text: str) -> None:
    assert _verdict(text, "CSR04") == "contradicted"


def test_the_supplier_policy_data_right_contradicts_nd02() -> None:
    text = (ND + "第十五条 乙方《数据处理政策》为本合同组成部分，就数据处理事项以该政策为准。\n\n附：乙方《数据处理政策》（节选）\n\n"
            "3.2 我们可使用客户数据改进我们的产品和服务。\n")
    assert _verdict(text, "ND02", pack="network-data") == "contradicted"


# Recall on plain drafting of held-out part 43 (studied after its score; not a false-pass class).
EN = ('Operator: Xiling Clearing House Co., Ltd. (the "Operator"). Supplier: Harbourline Payments Software Ltd. '
      '(the "Supplier")\n\n')


def test_a_deeds_closing_words_are_harmless() -> None:
    text = EN + ("1. The Supplier shall cooperate with any cybersecurity review of this procurement. This Undertaking "
                 "is given for the benefit of the Operator, shall be binding on the Supplier and its successors, and "
                 "shall be governed by the laws of the People's Republic of China.\n")
    assert _verdict(text, "CSR01") == "satisfied"


@pytest.mark.parametrize(("period", "verdict"), [
    ("for as long as the Operator uses the system", "satisfied"),
    ("for as long as the Supplier uses the system", "weak"),
])
def test_as_long_as_the_buyer_uses_the_system_is_a_long_period(period: str, verdict: str) -> None:
    text = EN + ("4. The Supplier will not, without justifiable reason, interrupt the supply of the software or the "
                 f"provision of necessary technical support services {period}.\n")
    assert _verdict(text, "CSR04") == verdict
