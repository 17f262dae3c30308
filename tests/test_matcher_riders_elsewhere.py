"""False-pass classes found by heldout-11 (issue 10, round 12), each written here in wordings of its own.

- A later sub-clause of the same clause that speaks of the same duty without pointing back ("21.2 乙方配合审查所
  发生的费用…以乙方届时报价为准，甲方应在乙方开始配合工作前预付"): read with the undertaking.
- A proviso deeming the act authorised ("provided that any processing described in the Service Description shall be
  deemed authorised by the Customer"): a deeming is no consent, so it is no lawful-basis exception.
- A definition of the justifiable reason in another clause that admits a business reason ("1.8 'Justifiable Reason'
  means … a decision by the Supplier to discontinue the product line").
- Narrow data categories (身份信息、通话详单, "identity information and call detail records") alone.
- A head noun shared by a list of support items (安全补丁及漏洞修复服务) is no supply of services.
Each has a near miss that stays satisfied, so the fix is no blanket refusal. None is taken from the corpora."""

from __future__ import annotations

import pytest
from _helpers import contract

from cliccheck.matcher import check_document
from cliccheck.readers import read_document


def _verdict(clause: str, lang: str, rule: str) -> tuple[str, str]:
    result = check_document(read_document(contract(clause, lang), filename="case.txt")).requirement(rule)
    return str(result.verdict), result.message


NOT_SATISFIED = [
    ("zh", "CSR01", "第九条 网络安全审查\n\n9.1 甲方就本项目申报网络安全审查的，乙方应予配合。\n\n"
                    "9.2 乙方配合审查的费用按乙方届时报价计收，甲方应在乙方开始配合前付清。"),
    ("en", "CSR01", "9. Review.\n\n9.1 If the Customer files for a cybersecurity review, the Vendor shall cooperate.\n\n"
                    "9.2 The Vendor's cooperation with the review will be charged at its then-current rates, payable "
                    "in advance before any cooperation begins."),
    ("en", "CSR02", "9. The Vendor shall not obtain data of the Customer or its users, provided that any collection "
                    "listed in the Product Guide shall be deemed to have been authorised by the Customer."),
    ("zh", "CSR02", "第九条 未经甲方同意，乙方不得获取甲方及其用户的数据，但产品手册所列的采集均视为已获甲方授权。"),
    ("zh", "CSR04", "第一条 “正当理由”指：（1）不可抗力；（2）乙方调整全球产品线。\n\n"
                    "第九条 除有正当理由外，乙方不得中断产品供应或者技术支持服务。"),
    ("en", "CSR04", "1. \"Justifiable Reason\" means (a) force majeure; (b) the Vendor's decision to withdraw the product "
                    "from the market.\n\n9. Save for a Justifiable Reason, the Vendor shall not interrupt the supply of "
                    "the Products or technical support."),
    ("zh", "CSR02", "第九条 乙方不得非法获取甲方用户的身份信息和通话详单。"),
    ("en", "CSR02", "9. The Vendor shall not unlawfully obtain the identity information or call detail records of the "
                    "Customer's subscribers."),
    ("zh", "CSR04", "第九条 在服务期内，乙方应持续向甲方提供安全补丁及漏洞修复服务，不得无故停止。"),
]


@pytest.mark.parametrize(("lang", "rule", "clause"), NOT_SATISFIED)
def test_a_heldout_11_false_pass_class_is_not_satisfied(lang: str, rule: str, clause: str) -> None:
    verdict, message = _verdict(clause, lang, rule)
    assert verdict != "satisfied", message


SATISFIED = [
    # a later sub-clause adding a further duty of the supplier
    ("zh", "CSR01", "第九条 网络安全审查\n\n9.1 甲方就本项目申报网络安全审查的，乙方应予配合。\n\n"
                    "9.2 乙方应指定专人负责配合审查。"),
    # consent given by the buyer, not deemed
    ("en", "CSR02", "9. The Vendor shall not obtain data of the Customer or its users, except as authorised by the "
                    "Customer in writing."),
    # a definition admitting only justifiable reasons
    ("zh", "CSR04", "第一条 “正当理由”指：（1）不可抗力；（2）甲方严重违约且经书面催告后三十日内未纠正。\n\n"
                    "第九条 除有正当理由外，乙方不得中断产品供应或者技术支持服务。"),
    # all the users' data, its categories named as examples
    ("zh", "CSR02", "第九条 乙方不得非法获取甲方及其用户的数据，包括身份信息和通话详单。"),
]


@pytest.mark.parametrize(("lang", "rule", "clause"), SATISFIED)
def test_the_near_miss_stays_satisfied(lang: str, rule: str, clause: str) -> None:
    verdict, message = _verdict(clause, lang, rule)
    assert verdict == "satisfied", message
