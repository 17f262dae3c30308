"""Who writes a tender response, and what its sentences reach (issue 10, round 14).

- A bidder's response names itself by the word on its author line ("投标人：新港数据科技有限公司", then "投标人将全面
  配合"): that word is the supplier's in that document, and so is the response's "我方". The buyer's own tender
  form, whose author line is blank, still binds nobody.
- A supplier's name given in traditional characters (``--supplier-alias 嘉信達…``) is found in the text, which
  is read in mainland characters; a short name the company gives itself in quotes (泓盛物業科技有限公司（「本公司」）)
  is its name.
- A duty whose subject and modal stand in a clause of their own with a manner ("乙方应按审查机构的要求，及时提供
  所需文档") is read with the predicate after it; a duty that lasts "直至审查程序完结为止" lasts as long as the
  review; a narrow kind of data listed before "等用户数据" is an example of the user data promised.
None of these texts is taken from the evaluation corpora."""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.readers import read_document

RESPONSE = """投标文件 第四部分 商务响应

投标人：鼎衡数智科技（苏州）有限公司

就招标文件第五章"网络安全与数据保护"，投标人响应并承诺如下（中标后本承诺构成合同组成部分）：

1. 如采购人就本项目申报网络安全审查，投标人将全面配合，并按审查机构要求提交相关资料。

2. 投标人及其工作人员不借提供产品和服务之机，未经采购人授权获取、留存或使用采购人及其用户的任何数据。
"""

TENDER_FORM = """第六章 投标文件格式

格式九：网络安全承诺

投标人应在本格式中就以下事项作出承诺，未作承诺或承诺不完整的，按无效投标处理：

（1）配合网络安全审查；

（2）不利用提供产品和服务的便利条件非法获取用户数据。

投标人名称：＿＿＿＿＿＿＿＿（盖章）
"""

DEVIATIONS = """商务条款偏离表

投标人：Harrowgate Signalling Ltd. / Bidder: Harrowgate Signalling Ltd.

1. 招标文件第7.1条（配合网络安全审查）：负偏离。我方不接受该条款，不承担任何配合审查的义务。
"""

TRADITIONAL_LETTER = """致：南港○○證券有限公司

本公司（昇達金融資訊有限公司）就貴公司採購之行情系統，確認如下：

(1) 合約期內，本公司保證不會無故停止供應行情終端硬件。
"""

TERMS = """智慧停車平台 服務條款

本條款適用於溢豐停車科技有限公司（「本公司」）向企業客戶（「閣下」）提供之智慧停車平台服務。

9.1 本公司可隨時修改、暫停或終止本服務或其任何部分（包括技術支援），而毋須事先通知閣下。
"""

CONTRACT = """采购合同

甲方（采购人）：东江水务集团有限公司

乙方（供应商）：恒川智控系统有限公司

{clause}
"""


def _verdict(text: str, rule: str, aliases: tuple[str, ...] = ()) -> tuple[str, str]:
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    result = check_document(doc, supplier_aliases=aliases).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize("rule", ["CSR01", "CSR02"])
def test_a_bidder_is_bound_by_the_name_its_response_gives_itself(rule: str) -> None:
    verdict, message = _verdict(RESPONSE, rule)
    assert verdict == "satisfied", message


def test_the_buyers_blank_tender_form_binds_no_bidder() -> None:
    verdict, message = _verdict(TENDER_FORM, "CSR01")
    assert verdict != "satisfied", message


def test_a_bidders_we_refusing_the_review_contradicts_it() -> None:
    verdict, message = _verdict(DEVIATIONS, "CSR01")
    assert verdict == "contradicted", message
    roles = check_document(read_document(DEVIATIONS.encode("utf-8"), filename="case.txt")).roles
    assert roles.supplier.name == "Harrowgate Signalling Ltd."  # not the bilingual line's " / Bidder: …"


def test_a_supplier_named_in_traditional_characters_is_found() -> None:
    """Without the name, the letter's 本公司 is only presumed (not bound); with it, the promise is read as the
    supplier's and judged on its words: hardware only, so partial."""
    verdict, message = _verdict(TRADITIONAL_LETTER, "CSR04", ("昇達金融資訊有限公司",))
    assert verdict == "weak", message
    assert "not clearly given" not in message
    assert "technical support" in message


def test_a_quoted_short_name_is_the_companys_own() -> None:
    verdict, message = _verdict(TERMS, "CSR04", ("溢豐停車科技有限公司",))
    assert verdict == "contradicted", message


@pytest.mark.parametrize(
    ("clause", "rule", "expected"),
    [
        ("5.1 如甲方申报网络安全审查，乙方应按审查机构的要求，及时提供所需文档。", "CSR01", "satisfied"),
        ("5.1 如甲方就本项目申报网络安全审查，乙方将按甲方及审查机构的要求，及时提供所需文档、说明及其他协助，"
         "直至审查程序完结为止。", "CSR01", "satisfied"),
        # an unknown act in the subject's own clause is not skipped over silently
        ("5.1 如甲方申报网络安全审查，乙方应办理备案手续，并提供所需文档。", "CSR01", "weak"),
        ("5.2 乙方不得采集交易流水、位置信息等用户数据。", "CSR02", "satisfied"),
        ("5.2 乙方不得采集交易流水、位置信息或其他用户数据。", "CSR02", "satisfied"),
        # the narrow kinds alone are still a partial promise
        ("5.2 乙方不得采集用户的交易流水。", "CSR02", "weak"),
    ],
)
def test_clauses_read_to_their_predicate_and_lists_to_their_head(clause: str, rule: str, expected: str) -> None:
    verdict, message = _verdict(CONTRACT.format(clause=clause), rule)
    assert verdict == expected, message
