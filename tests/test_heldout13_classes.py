"""False-pass classes found by heldout-13 and packs-heldout-7 (issue 10 and 15, round 14), each written here in
wordings of its own.

- Correspondence that proposes a clause and answers that the wording is "subject to contract" (or minutes "以双方
  正式签订的合同为准"): nobody is bound yet, so every undertaking in it is weak, quoting those words.
- A part a contract attaches "for reference only, not a contract document" ("附（仅供参考，不构成合同文件）：澄清
  会议纪要摘录"): its statements are nobody's promise.
- A defined term confined to a period ('"Support" means … provided during the Warranty Period'): an undertaking on
  it lasts only that long. "质保期内及质保期满后" covers both periods and does not narrow.
- A consortium lead that promises "仅就本公司承担的工作内容": the members who supply the rest answer for themselves.
- PIPL21-04: return or deletion due only "upon the Bank's request" is weak; "at the end or on request" is not.
None of these texts is taken from the evaluation corpora."""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.readers import read_document

EMAILS = """From: Li Wei (Procurement, Eastshore Power Co., Ltd.)
To: Anna Berg (Nordlys Automation AB)
Subject: Proposed Clause 18 - Cybersecurity

Anna,

Please find our proposed Clause 18 below:

"18.1 The Supplier shall cooperate with any cybersecurity review of this procurement and provide all materials requested by the Purchaser."

Please confirm.

From: Anna Berg
Subject: RE: Proposed Clause 18 - Cybersecurity

Li Wei, we have no objection in principle. The wording remains subject to contract and to our legal review.
"""

MINUTES = """会议纪要

时间：2026年3月2日

参会方：甲方（采购人）东岭水务集团有限公司；乙方（供应商）蓝川自动化有限公司

一、乙方同意配合甲方就本项目申报的网络安全审查，并按要求提供相关材料。

二、上述事项的具体表述以双方正式签订的合同为准。
"""

REFERENCE_PART = """第二条 合同文件

本合同由合同协议书、专用条款、通用条款及技术规范书组成。

第三十一条 完整协议

本合同取代双方此前的一切口头或书面陈述、承诺，包括招标答疑及澄清会议纪要。

附（仅供参考，不构成合同文件）：澄清会议纪要摘录

供应商代表表示：其将配合采购人可能开展的网络安全审查。
"""

DEFINED_SUPPORT = """1. DEFINITIONS

"Contract Term" means five (5) years from the Effective Date.

"Support" means technical support, fault resolution and patches provided by the Supplier {period}.

8. CONTINUITY

8.1 The Supplier shall not, without justifiable reason, interrupt the supply of Products or Support.
"""

CONSORTIUM = """联合体牵头人承诺函

致：采购人

本公司系本项目联合体牵头人，负责平台软件开发；服务器、存储设备的供货及维保由联合体成员负责。

本公司仅就本公司承担的工作内容承诺如下：

一、本公司不利用开发及运维之便利，非法获取采购人及其用户的数据。

联合体成员承担部分的相关事项，由其自行向采购人负责。

承诺人：澜海医疗信息技术有限公司（联合体牵头人）
"""

PROCESSING = """个人信息委托处理协议

委托方：北岸商业银行股份有限公司（“甲方”）

受托方：汇点数据服务有限公司（“乙方”）

6.5 {when}，乙方应返还或删除其处理的全部个人信息。
"""


def _verdict(text: str, rule: str, packs: tuple[str, ...] = ()) -> tuple[str, str]:
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    if packs:
        from cliccheck.packs import load_packs

        result = check_document(doc, library=load_packs(list(packs))).requirement(rule)
    else:
        result = check_document(doc).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize("text", [EMAILS, MINUTES])
def test_wording_left_to_a_contract_binds_nobody_yet(text: str) -> None:
    verdict, message = _verdict(text, "CSR01")
    assert verdict != "satisfied", message


def test_a_part_attached_for_reference_only_is_no_promise() -> None:
    verdict, message = _verdict(REFERENCE_PART, "CSR01")
    assert verdict == "missing", message


@pytest.mark.parametrize(("period", "expected"), [
    ("during the Warranty Period", "weak"),
    ("throughout the Contract Term", "satisfied"),
])
def test_a_defined_term_confined_to_a_period_narrows_the_undertaking(period: str, expected: str) -> None:
    verdict, message = _verdict(DEFINED_SUPPORT.format(period=period), "CSR04")
    assert verdict == expected, message


def test_a_consortium_lead_promising_for_its_own_work_only_is_weak() -> None:
    verdict, message = _verdict(CONSORTIUM, "CSR02")
    assert verdict == "weak", message
    assert "仅就本公司承担的工作内容" in message


@pytest.mark.parametrize(("when", "expected"), [
    ("经甲方要求", "weak"),
    ("本协议终止后或经甲方要求时", "satisfied"),
])
def test_return_or_deletion_only_on_request_is_weak(when: str, expected: str) -> None:
    verdict, message = _verdict(PROCESSING.format(when=when), "PIPL21-04", ("pipl21",))
    assert verdict == expected, message
