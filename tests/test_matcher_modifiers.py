"""Words written onto an undertaking's object, and smaller general forms (issue 10, round 12).

A prohibition that names several of the operator's things in its own sector's words ("crane, gate or
vessel-traffic equipment", 风电机组控制系统及场站网络设备) still bars the supplier from them; a word that singles out a
part ("test devices", 测试设备, 备用设备), or one kind alone among a wider scope of supply, keeps the undertaking weak.
Every wording here is new: none is taken from the evaluation corpora."""

from __future__ import annotations

import pytest
from _helpers import contract

from cliccheck.matcher import check_document
from cliccheck.readers import read_document


def _verdict(text: bytes, rule: str) -> tuple[str, str]:
    result = check_document(read_document(text, filename="case.txt")).requirement(rule)
    return str(result.verdict), result.message


SECTOR_WORDS = [
    ("en", "CSR03", "9. The Vendor shall not control, override or manipulate the Customer's lift, escalator or "
                    "platform-door equipment."),
    ("en", "CSR03", "9. The Vendor shall not remotely control the Customer's servers, kiosk terminals or network."),
    ("zh", "CSR03", "第九条 乙方不得擅自远程控制、操纵甲方的光伏逆变器控制系统及升压站网络设备。"),
    ("zh", "CSR02", "第九条 乙方不得利用运维之便收集、截留甲方的票务数据及用户个人信息。"),
]


@pytest.mark.parametrize(("lang", "rule", "clause"), SECTOR_WORDS)
def test_sector_words_on_several_objects_of_a_prohibition_are_the_operators_own(lang: str, rule: str,
                                                                              clause: str) -> None:
    verdict, message = _verdict(contract(clause, lang), rule)
    assert verdict == "satisfied", message


@pytest.mark.parametrize(("lang", "rule", "clause", "word"), [
    # a word that singles out a part: failed before this round where another class knew the word (测试 as in
    # "配合审查及测试")
    ("zh", "CSR03", "第九条 乙方不得擅自控制甲方的测试设备及测试网络。", "测试"),
    ("zh", "CSR03", "第九条 乙方不得擅自控制甲方的备用服务器及网络设备。", "备"),
    ("en", "CSR03", "9. The Vendor shall not control the Customer's test devices or test networks.", "test"),
    ("en", "CSR04", "9. The Vendor shall not interrupt the supply or support of Products already delivered.", "already"),
])
def test_a_word_singling_out_part_of_the_object_keeps_it_weak(lang: str, rule: str, clause: str, word: str) -> None:
    verdict, message = _verdict(contract(clause, lang), rule)
    assert verdict == "weak", message
    assert word in message


@pytest.mark.parametrize(("lang", "clause"), [
    ("zh", "第九条 乙方不得非法控制或者操纵甲方的售检票闸机。"),
    ("en", "9. The Vendor shall not unlawfully control or manipulate the Customer's ticket gates."),
])
def test_one_kind_of_equipment_alone_is_not_read_as_all_of_them(lang: str, clause: str) -> None:
    """A ban on one kind of the operator's equipment may leave the rest of the scope of supply out."""
    verdict, message = _verdict(contract(clause, lang), "CSR03")
    assert verdict != "satisfied", message


def test_a_modifier_never_widens_a_positive_duty() -> None:
    clause = "第九条 乙方应在合同期内持续供应甲方的门禁控制器及门禁读卡器的备件，并提供必要的技术支持。"
    verdict, message = _verdict(contract(clause, "zh"), "CSR04")
    assert verdict != "satisfied", message


@pytest.mark.parametrize(("lang", "rule", "clause"), [
    # a reference to a schedule by a Chinese numeral
    ("zh", "CSR04", "第九条 乙方不得无正当理由中断附表二所列产品的供应，亦不得中断附件四所列的技术支持服务。"),
    # the buyer's permission not obtained (未获 / 未取得 as 未经)
    ("zh", "CSR02", "第九条 乙方不得在未取得甲方书面授权的情况下收集、调取甲方及其用户的数据。"),
    # the lawful basis stated as a bound: "for purposes beyond this contract", "outside the scope permitted"
    ("zh", "CSR02", "第九条 乙方不得为本合同以外的目的收集、使用甲方及其用户的数据。"),
    ("zh", "CSR02", "第九条 乙方不得在甲方授权范围以外读取或者拷贝甲方及其用户的数据。"),
    # 可供 describes the thing ("usable for remote control"): no permission of the supplier
    ("zh", "CSR03", "第九条 乙方不得在所供设备中设置任何可供乙方或第三方远程控制的功能，不得非法控制甲方的设备。"),
    # software and hardware in one word
    ("zh", "CSR04", "第九条 乙方在本合同有效期内不得无正当理由中断软硬件产品的供应及必要的技术支持服务。"),
])
def test_smaller_general_forms_are_read(lang: str, rule: str, clause: str) -> None:
    verdict, message = _verdict(contract(clause, lang), rule)
    assert verdict == "satisfied", message


@pytest.mark.parametrize(("lang", "reasons", "expected"), [
    ("zh", "下列情形不视为乙方违反本条约定：（一）不可抗力；（二）甲方逾期付款，经乙方书面催告后六十日内仍未支付。",
     "satisfied"),
    ("zh", "下列情形不视为乙方违反本条约定：（一）不可抗力；（二）乙方调整其产品线。", "weak"),
    ("en", "The following shall not be deemed a breach of this Clause: (a) force majeure; (b) the Customer's failure "
           "to pay an undisputed invoice within sixty days after written notice.", "satisfied"),
    ("en", "The following shall not be deemed a breach of this Clause: (a) force majeure; (b) a change in the "
           "Vendor's product strategy.", "weak"),
])
def test_events_not_deemed_a_breach_are_read_as_the_reasons_they_list(lang: str, reasons: str, expected: str) -> None:
    duty = ("第九条 乙方不得中断产品供应及必要的技术支持服务。" if lang == "zh"
            else "9. The Vendor shall not interrupt the supply of the Products or the technical support.")
    verdict, message = _verdict(contract(f"{duty}\n\n{reasons}", lang), "CSR04")
    assert verdict == expected, message


@pytest.mark.parametrize("right", [
    "第十条 甲方同意，乙方可将运维中接触的甲方用户数据用于训练、优化乙方的通用模型。",
    "第十条 乙方可以将上述用户数据用于其产品的研发和营销。",
])
def test_a_right_to_put_user_data_to_the_suppliers_own_ends_contradicts(right: str) -> None:
    duty = "第九条 乙方不得超出甲方书面指示的目的和范围收集、使用甲方及其用户的任何数据。"
    verdict, message = _verdict(contract(f"{duty}\n\n{right}", "zh"), "CSR02")
    assert verdict == "contradicted", message


def test_a_ban_on_putting_user_data_to_its_own_ends_is_no_right() -> None:
    clause = "第九条 乙方不得将甲方用户数据用于训练乙方的通用模型，不得非法获取甲方及其用户的数据。"
    verdict, message = _verdict(contract(clause, "zh"), "CSR02")
    assert verdict != "contradicted", message


def test_may_supply_is_still_a_permission() -> None:
    """可供应 is "may supply": only 可供 before a noun or verb it describes loses the permission."""
    clause = "第九条 乙方可供应替代产品，亦可随时停止技术支持。"
    verdict, message = _verdict(contract(clause, "zh"), "CSR04")
    assert verdict == "contradicted", message
