"""Restrictive permissions that point at a list, and the durations and riders around them (issue 10, round 13).

"The Supplier may suspend supply or support only in the following circumstances: (a) …; (b) …" and
乙方仅在下列情形下方可暂停供货或者技术支持：（一）…；（二）… are prohibitions with a list of exceptions, as
"shall not suspend … save where …" is. Before this round the right to suspend was read alone (a contradiction)
or the lead-in read as a heading (missing). Each satisfied wording here has a near miss that is not satisfied: an
item the supplier can invoke without a justifiable reason, a hedge, a right to resume at will, a shorter period.
Also: the party inside a 在…时 condition is not the one bound (乙方仅在甲方逾期付款时，方可…); 提供…文档 (how
traditional 文件 reads after conversion) hands over review materials; "for the longer of the Term and …" binds at
least for the term. None of these wordings is taken from the evaluation corpora."""

from __future__ import annotations

import pytest
from _helpers import contract

from cliccheck.matcher import check_document
from cliccheck.readers import read_document


def _verdict(clause: str, lang: str, rule: str) -> tuple[str, str]:
    result = check_document(read_document(contract(clause, lang), filename="case.txt")).requirement(rule)
    return str(result.verdict), result.message


SATISFIED = [
    ("en", "CSR04", "14. Suspension.\n\n14.1 The Vendor may suspend the supply of the Products or the Support "
                    "Services only in the following circumstances: (a) the Customer has failed to pay undisputed "
                    "invoices within sixty (60) days after written notice; or (b) an event of force majeure."),
    ("en", "CSR04", "14. Suspension.\n\n14.1 The Vendor may suspend deliveries of the Products or technical support "
                    "only in the following circumstances:\n\n(a) the Customer has not paid an undisputed invoice within "
                    "forty-five days after a written reminder; or\n\n(b) continued supply is prohibited by the laws "
                    "of the People's Republic of China."),
    ("zh", "CSR04", "第十四条 乙方仅在下列情形下方可暂停供货或者技术支持服务：（一）甲方逾期付款，经乙方书面催告后"
                    "六十日内仍未支付；（二）发生不可抗力。"),
    ("zh", "CSR04", "第十四条 暂停\n\n乙方仅在下列情形之一发生时，方可暂停本合同项下设备的供应及维保服务：\n\n"
                    "（一）甲方逾期付款超过九十日，且经乙方书面催告后三十日内仍未支付；\n\n"
                    "（二）国家法律、行政法规明令禁止继续供应。"),
    ("zh", "CSR04", "第十四条 乙方仅在甲方逾期付款且经书面催告后六十日内仍未支付时，方可暂停供货或技术支持服务。"),
    ("zh", "CSR01", "第十二条 甲方就本项目申报网络安全审查的，乙方应于指定期限内提供产品说明、供应链来源及其他审查"
                    "所需文档，并派员列席说明。"),
    ("en", "CSR04", "14. For the longer of the Term and seven (7) years after final acceptance, the Vendor shall "
                    "not interrupt the supply of the Products or the technical support services without justifiable "
                    "reason."),
]

NOT_SATISFIED = [
    ("en", "CSR04", "14. Suspension.\n\n14.1 The Vendor may suspend the supply of the Products or the Support "
                    "Services only in the following circumstances: (a) the Customer has failed to pay undisputed "
                    "invoices within sixty (60) days after written notice; or (b) the Vendor decides to withdraw "
                    "the Products from the market."),
    ("en", "CSR04", "14. Suspension.\n\n14.1 The Vendor may suspend deliveries of the Products or technical support "
                    "only in the following circumstances:\n\n(a) the Customer has not paid an undisputed invoice within "
                    "forty-five days after a written reminder; or\n\n(b) the Vendor, acting reasonably, considers a "
                    "suspension necessary."),
    ("zh", "CSR04", "第十四条 乙方仅在下列情形下方可暂停供货或者技术支持服务：（一）甲方逾期付款，经乙方书面催告后"
                    "六十日内仍未支付；（二）乙方调整产品线。"),
    ("zh", "CSR04", "第十四条 暂停\n\n乙方仅在下列情形之一发生时，方可暂停本合同项下设备的供应及维保服务：\n\n"
                    "（一）甲方逾期付款超过九十日，且经乙方书面催告后三十日内仍未支付；\n\n"
                    "（二）乙方认为继续供应存在商业风险。"),
    ("zh", "CSR04", "第十四条 乙方仅在其认为必要时，方可暂停供货或技术支持服务。"),
    ("en", "CSR04", "14. For the shorter of the Term and seven (7) years after final acceptance, the Vendor shall "
                    "not interrupt the supply of the Products or the technical support services without justifiable "
                    "reason."),
]


@pytest.mark.parametrize(("lang", "rule", "clause"), SATISFIED)
def test_restricted_to_justified_reasons_is_satisfied(lang: str, rule: str, clause: str) -> None:
    verdict, message = _verdict(clause, lang, rule)
    assert verdict == "satisfied", message


@pytest.mark.parametrize(("lang", "rule", "clause"), NOT_SATISFIED)
def test_an_unjustified_item_or_a_shorter_period_is_not_satisfied(lang: str, rule: str, clause: str) -> None:
    verdict, message = _verdict(clause, lang, rule)
    assert verdict != "satisfied", message


@pytest.mark.parametrize(
    ("rider", "expected"),
    [
        ("上述情形消除后，乙方应在十日内恢复供应及服务。", {"satisfied"}),
        ("上述情形消除后，乙方可视情况决定是否恢复供应及服务。", {"weak", "contradicted"}),
        ("乙方可随时暂停技术支持服务。", {"contradicted"}),
    ],
)
def test_a_sub_clause_after_the_list_is_read_with_it(rider: str, expected: set[str]) -> None:
    """The resumption is harmless; a resumption at the supplier's discretion, or a free right, is not."""
    clause = ("第十六条 暂停履行\n16.1 乙方仅在下列情形之一发生时，方可暂停本合同项下产品的供应及维保服务：\n"
              "（一）甲方逾期付款超过六十日，且经乙方书面催告后三十日内仍未支付；\n"
              "（二）发生不可抗力导致乙方无法履行。\n"
              f"16.2 {rider}")
    verdict, message = _verdict(clause, "zh", "CSR04")
    assert verdict in expected, message


@pytest.mark.parametrize(
    ("rider", "expected"),
    [
        ("14.2 Any suspension under clause 14.1 shall end as soon as the relevant circumstance ceases.", {"satisfied"}),
        ("14.2 The Vendor may resume supply when it considers appropriate.", {"weak", "contradicted"}),
    ],
)
def test_an_english_resumption_rider(rider: str, expected: set[str]) -> None:
    clause = ("14. Suspension.\n\n14.1 The Vendor may suspend the supply of the Products or the Support Services "
              "only in the following circumstances: (a) the Customer has failed to pay undisputed invoices within "
              f"sixty (60) days after written notice; or (b) an event of force majeure.\n\n{rider}")
    verdict, message = _verdict(clause, "en", "CSR04")
    assert verdict in expected, message
