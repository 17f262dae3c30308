"""False-pass classes found by heldout-12 (issue 10, round 13), each written here in wordings of its own.

- A tender's clarification: the bidders' questions and the buyer's answers ("问题3：…？" / "答复：是。中标人应全力
  配合…"). A question binds nobody; the buyer's answer says what it will require. (The packs too: a question on audits
  had passed PIPL21-06; that case is in the folded pack corpus.)
- A schedule whose own heading says it is not agreed ("附件四（供讨论，未经双方确认）", "Annex 4 (for discussion
  only, not agreed)"): its clauses are nobody's promise; the next annex is read as before.
- A precedence clause giving an annex priority over the body ("…与本合同正文不一致的，以该附件为准") where the annex
  says less ("原则上不中断", "不会恶意控制"): the body's full undertaking no longer stands alone. Where the body
  prevails, it does.
The two classes left open then are fixed in round 14 (their part, b4, is then folded into dev):
- a parent's letter that "requires" its subsidiary ("我公司将督促云栈公司配合…，并要求其…不得…"): 其 stands for a
  supplier that is itself what the demand is made of, so the prohibition is the parent's demand, not the supplier's
  promise. "乙方应督促其分包商…，并要求其不得…" still binds the supplier;
- an engineer's personal pledge that names the supplier as employer ("本人…系…公司派驻的工程师。本人承诺：…
  承诺人（签字）："): 承诺人 is whoever promises, so the pledge stays the engineer's.
None of these texts is taken from the evaluation corpora."""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

from cliccheck.matcher import check_document
from cliccheck.readers import read_document

CLARIFICATION = '招标文件澄清（第1号）\n\n问题3：合同是否要求中标人配合网络安全审查？\n\n答复：是。中标人应全力配合采购人申报的网络安全审查，并如实提供所需材料。\n\n问题4：中标人能否暂停供货？\n\n答复：中标人不得无正当理由中断产品供应和技术支持服务。\n'

CLARIFICATION_THEN_CONTRACT = 'Tender clarifications\n\nQ7.4 Will the Bidder cooperate with any cybersecurity review of the Purchaser?\n\nA7.4: Yes. The successful bidder shall cooperate fully with any cybersecurity review.\n\nSUPPLY AGREEMENT between Harbour Bank Co., Ltd. (the "Customer") and Northbridge Systems Ltd. (the "Vendor").\n\n9. The Vendor shall cooperate with any cybersecurity review of the Customer.\n'

UNAGREED_ANNEX = '供货协议 Supply Agreement\n\n甲方（采购方）：东海银行股份有限公司 Party A (Purchaser): Donghai Bank Co., Ltd.\n\n乙方（供应方）：北辰系统有限公司 Party B (Supplier): Beichen Systems Co., Ltd.\n\n1.1 乙方应按期交付产品。\n\n1.1 Party B shall deliver the Products on time.\n\n附件四（供讨论，未经双方确认）安全承诺\n\nAnnex 4 (for discussion only, not agreed) Security Undertakings\n\n4.1 乙方不得非法获取甲方及其用户的数据。\n\n4.1 Party B shall not unlawfully obtain data of Party A or its users.\n\n附件五 付款计划\n\nAnnex 5 Payment Plan\n\n5.1 乙方不得非法控制甲方的设备。\n\n5.1 Party B shall not unlawfully control the equipment of Party A.\n'

WEAKER_ANNEX_PREVAILS = '系统改造合同\n\n甲方（采购方）：东海银行股份有限公司\n\n乙方（供应方）：北辰系统有限公司\n\n第十条 安全义务\n\n10.1 乙方不得非法控制、操纵甲方的网络设备。\n\n10.2 乙方不得无正当理由中断产品供应或技术支持服务。\n\n第三十条 合同文件\n\n本合同附件《安全承诺书》与本合同正文不一致的，以该附件为准。\n\n附件 安全承诺书\n\n乙方承诺：（一）乙方不会恶意控制甲方的网络设备；（二）乙方原则上不中断产品供应和技术支持服务。\n'


@pytest.mark.parametrize("rule", ["CSR01", "CSR04"])
def test_a_tender_clarification_is_nobodys_promise(rule: str) -> None:
    assert _verdict(CLARIFICATION, rule) == "missing"


def test_the_contract_after_a_clarification_is_read_as_before() -> None:
    assert _verdict(CLARIFICATION_THEN_CONTRACT, "CSR01") == "satisfied"


def test_an_unagreed_annex_is_no_promise_and_the_next_annex_still_counts() -> None:
    assert _verdict(UNAGREED_ANNEX, "CSR02") == "missing"
    assert _verdict(UNAGREED_ANNEX, "CSR03") == "satisfied"


@pytest.mark.parametrize("rule", ["CSR03", "CSR04"])
def test_a_weaker_annex_given_precedence_weakens_the_body(rule: str) -> None:
    assert _verdict(WEAKER_ANNEX_PREVAILS, rule) == "weak"


@pytest.mark.parametrize("rule", ["CSR03", "CSR04"])
def test_where_the_body_prevails_its_undertaking_stands(rule: str) -> None:
    assert _verdict(WEAKER_ANNEX_PREVAILS.replace("以该附件为准", "以本合同正文为准"), rule) == "satisfied"


PARENT_LETTER = """关于子公司履约事项的说明函

致：东岳农村商业银行股份有限公司

贵行与我集团全资子公司杭州数岭信息服务有限公司（以下简称“数岭公司”）拟签订《核心系统运维服务合同》。作为数岭公司的控股股东，我公司说明如下：

一、我公司将督促数岭公司配合贵行可能开展的网络安全审查，并要求其在服务期间不得非法获取贵行及贵行客户的数据。

二、本函不构成我公司对数岭公司合同义务的保证。

临安控股集团有限公司
"""

ENGINEER_PLEDGE = """驻场工程师个人保密与安全承诺书

本人王某某，系成都锦程系统集成有限公司派驻某市公积金管理中心的运维工程师。本人承诺：

一、不利用驻场便利私自复制、查询或下载缴存职工个人信息及其他业务数据；

二、不私自远程登录或操作中心的服务器和网络设备。

承诺人（签字）：王某某
"""


def test_a_parents_demand_on_its_subsidiary_is_not_the_subsidiarys_promise() -> None:
    doc = read_document(PARENT_LETTER.encode("utf-8"), filename="letter.txt")
    result = check_document(doc, supplier_aliases=("杭州数岭信息服务有限公司",)).requirement("CSR02")
    assert str(result.verdict) in {"missing", "weak"}, result.message


def test_a_supplier_that_requires_its_subcontractors_is_still_bound() -> None:
    text = ("甲方（采购方）：东岳农村商业银行股份有限公司\n\n乙方（供应方）：杭州数岭信息服务有限公司\n\n"
            "9.1 乙方应督促其分包商遵守本条约定，并要求其不得非法获取甲方及其客户的数据。\n")
    result = check_document(read_document(text.encode("utf-8"), filename="c.txt")).requirement("CSR02")
    assert str(result.verdict) == "satisfied", result.message


@pytest.mark.parametrize("rule", ["CSR02", "CSR03"])
def test_an_engineers_personal_pledge_is_not_the_suppliers_undertaking(rule: str) -> None:
    doc = read_document(ENGINEER_PLEDGE.encode("utf-8"), filename="pledge.txt")
    result = check_document(doc, supplier_aliases=("成都锦程系统集成有限公司",)).requirement(rule)
    assert str(result.verdict) in {"missing", "weak"}, result.message
