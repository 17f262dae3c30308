"""Round 29 (issue 10): wording of held-out part 28, folded into development, that the matcher left unread. Every
text is written here for the test in words of our own; none is taken from the evaluation cases.

- A list of reasons closed by "，属于正当理由" with no 的 before it defines the justifiable reasons.
- 一律 ("uniformly") before a prohibition, "without charge to the Purchaser", "shall read as follows" (a restated
  clause), 契约存续期间 (the life of the contract, TW/HK), 主契约 / 原契约, "after receipt of a written demand"
  (in a justification), "for as long as the products remain in service": none narrows the undertaking.
- A bound outside the consent said as 授权之外, or as 该范围以外 once the clause has set the permitted scope.
- A phase that includes the operation and maintenance (在项目实施和运维期间) runs as long as the service; the build
  phase alone (在项目实施期间) still limits the ban, as the authors of development cases read it.
- A quoted clause of 原契约 that an amendment deletes ("原契约第十五条「…」删除") is nobody's undertaking now.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方：临江高速公路联网收费有限公司\n\n乙方：远衡智能交通科技有限公司\n\n"
TW = "甲方：北港金融資訊股份有限公司\n\n乙方：遠衡系統整合股份有限公司\n\n"
EN = ('This Agreement is made between Tianshu Satellite Communications Co., Ltd. (the "Purchaser") and Farlight '
      'Ground Systems Ltd. (the "Supplier").\n\n')


@pytest.mark.parametrize(("text", "rule"), [
    (ZH + "第九条 乙方无正当理由不得中断产品供应和必要的技术支持服务。甲方逾期付款经书面催告后仍未支付、不可抗力、"
          "中国法律禁止，属于正当理由。\n", "CSR04"),
    (ZH + "第十条 乙方及其人员、分包商一律不得未经甲方授权控制或者操纵甲方的设备。\n", "CSR03"),
    (EN + "12.1 The Supplier shall cooperate with any cybersecurity review of the procurement. Without charge to the "
          "Purchaser, the Supplier shall provide all documents and information the review requires.\n", "CSR01"),
    (TW + "第八條 乙方於本契約存續期間，非有正當理由，不得中斷設備之供應及必要之技術支援。\n", "CSR04"),
    (ZH + "第七条 乙方不得利用提供产品和服务的便利，在甲方授权之外获取甲方及其用户的数据。\n", "CSR02"),
    (TW + "第十二條 甲方應以書面載明乙方維護作業之範圍。乙方不得在該範圍以外控制或操縱甲方之設備。\n", "CSR03"),
    (ZH + "第六条 乙方在项目实施和运维期间，不得利用提供产品和服务的便利获取甲方的用户数据。\n", "CSR02"),
    (EN + "14.1 The Supplier shall not, without justifiable reason, interrupt the supply of the products or the "
          "necessary technical support for as long as the products remain in service with the Purchaser.\n", "CSR04"),
    (EN + "14.1 The Supplier shall not interrupt the supply of the products or the necessary technical support without "
          "justifiable reason. A justifiable reason means only the Purchaser's failure to pay an undisputed amount "
          "within thirty (30) days after receipt of a written demand.\n", "CSR04"),
])
def test_wording_that_does_not_narrow_the_undertaking(text: str, rule: str) -> None:
    assert _verdict(text, rule) == "satisfied"


def test_a_restated_clause_reads_as_the_contracts_own() -> None:
    text = EN + ("AMENDMENT AGREEMENT\n\n1. With effect from the Amendment Date, Clause 17 of the Master Purchase "
                 "Agreement shall read as follows: \"17.1 The Supplier shall not use the supply of products or services "
                 "to illegally obtain user data.\"\n")
    assert _verdict(text, "CSR02") == "satisfied"


def test_the_build_phase_alone_still_limits_the_ban() -> None:
    assert _verdict(ZH + "第六条 在项目实施期间，乙方不得获取甲方的用户数据。\n", "CSR02") == "weak"


def test_a_quoted_clause_of_the_original_contract_that_is_deleted_binds_nobody() -> None:
    text = ("契約變更協議書\n\n機關：北港清算資訊中心\n\n廠商：遠衡資安科技股份有限公司\n\n"
            "緣雙方簽訂「閘道設備採購案」契約（下稱原契約），茲經雙方合意變更如下：\n\n"
            "一、原契約第十五條第二項「廠商應配合機關辦理之網路安全審查，提供所需文件」刪除。\n\n三、原契約其餘條款不變。\n")
    assert _verdict(text, "CSR01") != "satisfied"
