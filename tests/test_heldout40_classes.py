"""The reading classes of held-out part 40 (issue 10), worked on after it was scored once with matcher-freeze-41 (no
false pass; packs part 34 gave one, a labelling difference, see tests/test_eval_packs.py). Every text is written
here for the test in words of our own; none is taken from the held-out cases.

- The supplier's duty disowned in so many words, for any review of the procurement or any governmental or security
  review ("shall have no obligation in connection with any review, filing or approval process", "shall not be
  required to contribute to any governmental review", "obligations … do not include any cooperation with
  governmental security reviews"), contradicts CSR01; a review of something else ("any review by the Purchaser of
  its other suppliers' tenders") and the buyer's own release do not.
- Where the preamble never says who supplies, "乙方应依甲方通知持续供应…" and "乙方不得藉供货…之机会…" tell it; the one
  who provides the site for the equipment ("提供設備安裝所需之機房") and the one before 所提供之 ("甲方所提供之設備")
  are not read the other way round.
- "…的，不在此限" without 但, after the undertaking's semicolon or as the next sentence ("機關逾期未付款…或依法令不得
  繼續履約者，不在此限"), is an exception list judged like 除…外: justified when every ground is (its negations are
  grounds, not a taking back), a carve-out otherwise. "并以同意的范围为限" bounds a use by the buyer's consent.
- Tried and withdrawn in the same round: reading any short noun at the supply ("不得中断X的供应", "the supply of the X")
  as the contract's products. Its review found a part of the products, a region or a time of day passed the same
  way, so what a promise names at the supply stays unread unless the library knows it; the tests below keep it so.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = ("甲方（采购人）：临川市自来水有限公司\n\n乙方（供应商）：清源智能仪表股份有限公司\n\n"
      "第一条 乙方向甲方供应智能水表、数据采集网关及抄表系统软件，并提供安装调试服务。\n\n")
EN = ('Purchaser: Dongsheng Container Shipping Co., Ltd. (the "Purchaser")\n\n'
      'Supplier: Haixun Marine Telematics Co., Ltd. (the "Supplier")\n\n'
      "1. The Supplier shall supply shipboard gateways, satellite terminals and fleet management software to the "
      "Purchaser.\n\n")


@pytest.mark.parametrize("what", ["水表", "进口水表", "库存水表", "在售型号", "华东区域", "工作日"])
def test_a_part_of_what_is_supplied_named_at_the_supply_is_no_whole_promise(what: str) -> None:
    text = ZH + f"第九条 乙方不得中断{what}的供应和必要的技术支持服务。\n"
    assert _verdict(text, "CSR04") != "satisfied"


@pytest.mark.parametrize("what", ["satellite terminals", "imported gateways", "entry-level terminals"])
def test_a_part_of_the_products_named_in_english_is_no_whole_promise(what: str) -> None:
    text = EN + (f"9. The Supplier shall not, without justifiable reason, interrupt the supply of the {what}, or the "
                 "technical support necessary for their operation.\n")
    assert _verdict(text, "CSR04") != "satisfied"


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


def test_no_duty_in_another_review_leaves_the_cooperation_whole() -> None:
    text = EN + ("5.1 The Supplier shall cooperate with the cybersecurity review of this procurement conducted by the "
                 "competent authorities.\n\n12.4 The Supplier shall have no obligation in connection with any review "
                 "by the Purchaser of its other suppliers' tenders.\n")
    assert _verdict(text, "CSR01") == "satisfied"


UNDEFINED = "甲方：臨川市自來水股份有限公司\n\n乙方：清源智慧儀表股份有限公司\n\n"


def test_who_supplies_read_from_a_supply_on_the_buyers_notice() -> None:
    text = UNDEFINED + ("第十四條 供應與資料\n\n（一）於契約期間內，乙方應依甲方通知持續供應水表及備品，並提供技術支援；非有不可抗力或"
                        "法令禁止等正當理由，不得停止或中斷。\n\n（二）乙方不得藉供貨及技術支援之機會，未經甲方同意取得甲方營運"
                        "資料或用戶資料。\n")
    assert _verdict(text, "CSR02") == "satisfied"
    assert _verdict(text, "CSR04") == "satisfied"


def test_the_buyer_providing_the_site_for_the_equipment_is_not_the_supplier() -> None:
    text = ("甲方：宏遠資訊科技股份有限公司\n\n乙方：臨川市自來水股份有限公司\n\n第三條 場地與配合\n\n（一）乙方應依甲方通知"
            "提供設備安裝所需之機房、電力及網路環境。\n\n（二）乙方應配合主管機關辦理網路安全審查。\n")
    assert _verdict(text, "CSR01") != "satisfied"


def test_what_a_label_provides_is_that_labels_supply() -> None:
    text = ("甲方：宏遠資訊科技股份有限公司\n\n乙方：臨川市自來水股份有限公司\n\n第三條 配合\n\n（二）乙方應配合主管機關辦理"
            "網路安全審查，並應確保甲方所提供之設備持續穩定運作。\n")
    assert _verdict(text, "CSR01") != "satisfied"


PLAIN = "甲方（采购人）：某市水务集团有限公司\n\n乙方（供应商）：某某科技有限公司\n\n第九条 合同期内，乙方不得无正当理由中断设备及零件的供应或必要的技术支持"


@pytest.mark.parametrize("grounds", [
    "；甲方逾期付款经书面催告后三十日仍未支付、或乙方因不可抗力无法履行的，不在此限。",
    "。甲方逾期未付款经书面催告二个月仍未给付、发生不可抗力或依法不得继续履约者，不在此限。",
])
def test_justified_grounds_closed_by_bu_zai_ci_xian_keep_the_promise(grounds: str) -> None:
    assert _verdict(PLAIN + grounds + "\n", "CSR04") == "satisfied"


@pytest.mark.parametrize("grounds", [
    "。乙方调整产品线者，不在此限。",
    "。甲方逾期未付款或乙方不再生产该型号者，不在此限。",
    "，乙方认为必要时，不在此限。",
])
def test_the_suppliers_own_grounds_closed_by_bu_zai_ci_xian_carve_it_out(grounds: str) -> None:
    assert _verdict(PLAIN + grounds + "\n", "CSR04") == "weak"


def test_a_use_bounded_by_the_buyers_consent_keeps_the_data_promise() -> None:
    text = ("甲方（采购人）：某市水务集团有限公司\n\n乙方（供应商）：某某科技有限公司\n\n第九条 乙方不得借供货、安装及售后服务之机，"
            "擅自采集、获取、留存或使用甲方的业务数据或其他数据；确因履约需要处理该等数据的，须事先取得甲方书面同意，并以同意的范围为限。\n")
    assert _verdict(text, "CSR02") == "satisfied"


def test_who_supplies_read_from_a_supply_under_xu() -> None:
    text = ("甲方：濠海隧道管理有限公司\n\n乙方：澳訊智能科技有限公司\n\n第五條 乙方之保證\n\n5.2 在合同期及保養期內，乙方須持續供應"
            "隧道監控系統之設備及零件，並提供必要技術支援；非因甲方欠款經催告、不可抗力或法律禁止，乙方不得中斷。\n")
    assert _verdict(text, "CSR04") == "satisfied"
