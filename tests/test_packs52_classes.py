"""False-pass classes of packs held-out part 52 (scored once with packs-freeze-52; issue 15). Every text is written
here for the test in words of our own; none is taken from the held-out cases (which were lost before they could be
folded in, see fixtures/eval/README.md).

- Confidentiality promised only "while the Company provides services to you" (於本公司為貴司提供服務期間) ends with
  the service: the operator's information is free afterwards, so SEC02 is weak - the same reading as "during the
  Term" (SEC02 ``weakening``). A period that only says when the information was learnt ("…期間知悉之貴司資料") is no
  limit on the duty. (The period's end is read in the same sentence only: a survival sentence after a semicolon
  does not yet lift it, a recall cost, as for "during the Term".)
- 負保密義務 (负 … 义务, without 有) binds as 负有 does, and a label right before what it owns ("及客戶資料") is the
  owner inside the object, not the one bound (frames.yaml ``owned_nouns``).
- A ban "during the term of the main contract" (在主合同有效期内) in a data agreement that lapses with the main
  contract ends when the contract does: ND02 is weak, as for "在本合同有效期内".
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

TW = ("致：臺灣海洋運輸股份有限公司（以下簡稱「貴司」）\n\n服務承諾書\n\n立書人：宏碩資訊股份有限公司（以下簡稱「本公司」）"
      "為貴司碼頭作業系統之維護廠商，茲承諾如下：\n\n")


@pytest.mark.parametrize(("clause", "expected"), [
    ("一、本公司於為貴司提供服務期間，對所接觸之貴司營運資料及客戶資料負保密義務，不得洩漏予任何第三人。", "weak"),
    ("一、本公司於為貴司提供服務期間及服務終止後，對所接觸之貴司營運資料及客戶資料負保密義務，不得洩漏予任何第三人。",
     "satisfied"),
    # the period says when the information was learnt, not how long the duty lasts
    ("一、本公司對於為貴司提供服務期間所知悉之貴司營運資料及客戶資料負保密義務，不得洩漏予任何第三人。", "satisfied"),
])
def test_confidentiality_only_while_the_service_lasts(clause: str, expected: str) -> None:
    assert _verdict(TW + clause, "SEC02", "security-agreement") == expected


ZH = ("数据处理补充协议\n\n甲方（委托方）：东江港口集团有限公司\n乙方（受托方）：海联数据科技有限公司\n\n"
      "本协议为双方所签《港口物流数据平台运营服务合同》（以下简称“主合同”）的补充协议，随主合同的终止而终止。\n\n")


@pytest.mark.parametrize(("clause", "expected"), [
    ("第二条 在主合同有效期内，未经甲方书面同意，乙方不得访问、获取、留存、使用、泄露或者向他人提供甲方的网络数据。", "weak"),
    ("第二条 未经甲方书面同意，乙方不得访问、获取、留存、使用、泄露或者向他人提供甲方的网络数据。", "satisfied"),
])
def test_a_ban_only_for_the_main_contract_term(clause: str, expected: str) -> None:
    assert _verdict(ZH + clause, "ND02", "network-data") == expected
