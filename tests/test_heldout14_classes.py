"""False-pass classes found by heldout-14 (issue 10, round 15), each written here in wordings of its own, with the
near wording that must keep its verdict.

- A manufacturer defined by a short name in a sentence about the supplier ("乙方系X公司（以下简称“原厂”）的授权经销
  商"): the user's alias 乙方 does not make 原厂 the supplier, so 原厂's statements are nobody's promise here.
- A bid answer that marks the requirement partly met ("响应：部分响应。投标人承诺…", "Response: Partially comply.
  We will …"): what the answer then promises is the part it accepts, so it is weak.
- The buyer's tender documents ("招标文件 第五章 采购需求", "Invitation to Tender"): what they demand of the winning
  bidder ("中标人须承诺…") is no one's promise yet.
- A justifiable reason defined elsewhere with a carve-out in it ('"Force Majeure" means … sanctions imposed under
  the laws of any jurisdiction …'): the exception "save in the event of Force Majeure" carries it in.
- A label inside an exception or a condition ("除…甲方逾期付款…外，乙方不得中断…") is not the one who supplies: it
  does not vote 甲方 the supplier.
- A territorial limit ("在中华人民共和国境内不非法获取…") narrows a prohibition.
- packs-heldout-8: an exception that merely contains one of a requirement's harmless words (对, 进行, 向, "or") is no
  justifiable reason ("但向乙方关联公司提供的除外", "但对去标识化数据进行统计分析的除外"); items numbered 1., 2. under a
  heading are one clause, so "2. 本条项下保密义务的期限为一年" limits item 1; deletion "following termination …
  upon request" is due only on request.
None of these texts is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document
from cliccheck.roles import find_roles

ZH_PARTIES = "甲方：云岫水务集团有限公司\n\n乙方：澄川智控科技有限公司\n\n"
ZH_ALIAS = ("澄川智控科技有限公司",)


def _verdict(text: str, rule: str, aliases: tuple[str, ...] = ()) -> tuple[str, str]:
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    result = check_document(doc, supplier_aliases=aliases).requirement(rule)
    return str(result.verdict), result.message


def test_a_manufacturer_defined_in_a_sentence_about_the_supplier_is_not_the_supplier() -> None:
    text = ("第八条 原厂支持\n\n8.1 乙方系Norrland Grid Systems AB（以下简称“原厂”）在中国境内的授权代理商。\n\n"
            "8.2 原厂不会利用所供产品获取甲方的任何数据。\n")
    verdict, message = _verdict(text, "CSR02", ("乙方",))
    assert verdict != "satisfied", message
    roles = find_roles(read_document(text.encode("utf-8"), filename="case.txt"), supplier_aliases=["乙方"])
    assert "原厂" not in roles.supplier.labels.get("zh", []), roles.supplier.labels


def test_the_suppliers_own_short_name_still_binds() -> None:
    text = ("澄川智控科技有限公司（以下简称“澄川”）与云岫水务集团有限公司（以下简称“水务集团”）签订本协议。\n\n"
            "5.1 澄川不得利用提供产品和服务的便利条件非法获取水务集团及其用户的数据。\n")
    verdict, message = _verdict(text, "CSR02", ZH_ALIAS)
    assert verdict == "satisfied", message


@pytest.mark.parametrize(("answer", "expected"), [
    ("响应：部分响应。投标人承诺不非法控制所供工控主机，其余设备按厂家出厂配置交付。", "weak"),
    ("响应：完全响应。", "satisfied"),
])
def test_a_partly_met_requirement_leaves_the_answers_promises_weak(answer: str, expected: str) -> None:
    text = ("投标人技术条款响应表\n\n投标人：澄川智控科技有限公司\n\n"
            "条款6.2 设备控制：投标人不得非法控制和操纵采购人的设备、系统和网络。\n\n" + answer + "\n")
    verdict, message = _verdict(text, "CSR03", ZH_ALIAS)
    assert verdict == expected, message


def test_an_english_partial_answer_is_weak() -> None:
    text = ("Bidder: Tarnside Controls Ltd.\n\n"
            "6.2 The Bidder shall not unlawfully control the Purchaser's equipment, systems or networks.\n\n"
            "Response: Partially comply. We will not unlawfully control the controllers we supply.\n")
    verdict, message = _verdict(text, "CSR03", ("Tarnside Controls Ltd.",))
    assert verdict == "weak", message


@pytest.mark.parametrize("title", ["招标文件 第三章 用户需求书（节选）", "竞争性磋商文件"])
def test_the_buyers_tender_documents_bind_no_supplier(title: str) -> None:
    text = (f"{title}\n\n3.4 网络安全要求\n\n"
            "3.4.1 中标人须承诺不非法控制和操纵采购人设备，无正当理由不中断产品供应和必要的技术支持服务。\n\n"
            "3.4.2 投标人应随投标文件提交承诺函。\n")
    for rule in ("CSR03", "CSR04"):
        verdict, message = _verdict(text, rule)
        assert verdict != "satisfied", message


def test_an_english_invitation_to_tender_binds_no_supplier() -> None:
    text = ("Invitation to Tender No. 2026-031 - Section 6 (Requirements)\n\n"
            "6.4 The successful tenderer shall cooperate with any cybersecurity review of this procurement.\n")
    verdict, message = _verdict(text, "CSR01")
    assert verdict != "satisfied", message


@pytest.mark.parametrize(("definition", "expected"), [
    ("“不可抗力”是指不能预见、不能避免且不能克服的客观情况，包括任何国家或者地区的法律、制裁或者出口管制措施。", "weak"),
    ("“不可抗力”是指不能预见、不能避免且不能克服的客观情况，包括地震、洪水、战争。", "satisfied"),
])
def test_a_justifiable_reason_defined_with_a_carve_out(definition: str, expected: str) -> None:
    text = ZH_PARTIES + f"1.4 {definition}\n\n" + \
        "12.1 除不可抗力或者甲方逾期付款经书面催告后六十日仍未支付外，乙方不得中断产品供应和技术支持服务。\n"
    verdict, message = _verdict(text, "CSR04", ZH_ALIAS)
    assert verdict == expected, message


def test_an_english_force_majeure_definition_with_foreign_sanctions() -> None:
    text = ("Purchaser: Wexford Harbour Authority\n\nSupplier: Tarnside Controls Ltd.\n\n"
            '1.1 "Force Majeure" means any event beyond the reasonable control of a party, including any sanctions '
            "or export controls imposed under the laws of any jurisdiction.\n\n"
            "9.1 The Supplier shall not interrupt the supply of the Products or the Support Services during the Term, "
            "save in the event of Force Majeure.\n")
    verdict, message = _verdict(text, "CSR04", ("Tarnside Controls Ltd.",))
    assert verdict == "weak", message
    assert "Force Majeure" in message, message


def test_a_party_inside_an_exception_does_not_vote_for_the_supplier() -> None:
    text = ZH_PARTIES + "12.1 除不可抗力或者甲方逾期付款经催告仍未支付外，乙方不得中断产品供应和技术支持服务。\n"
    roles = find_roles(read_document(text.encode("utf-8"), filename="case.txt"), supplier_aliases=list(ZH_ALIAS))
    assert "乙方" in roles.supplier.labels.get("zh", []), roles.supplier.labels
    assert "甲方" in roles.buyer.labels.get("zh", []), roles.buyer.labels
    verdict, message = _verdict(text, "CSR04", ZH_ALIAS)
    assert verdict == "satisfied", message


@pytest.mark.parametrize(("clause", "expected"), [
    ("乙方承诺在中华人民共和国境内不非法获取甲方及其用户的数据。", "weak"),
    ("乙方承诺不非法获取甲方及其用户的数据，并配合中华人民共和国境内的主管部门依法开展的检查。", "satisfied"),
])
def test_a_territorial_limit_narrows_a_prohibition(clause: str, expected: str) -> None:
    verdict, message = _verdict(ZH_PARTIES + "7.1 " + clause + "\n", "CSR02", ZH_ALIAS)
    assert verdict == expected, message


def _pack_verdict(text: str, rule: str, pack: str, aliases: tuple[str, ...]) -> tuple[str, str]:
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    result = check_document(doc, supplier_aliases=aliases, library=load_packs([pack])).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize(("clause", "rule", "expected"), [
    ("未经甲方同意，乙方不得访问、获取、留存、使用、泄露或者向他人提供甲方网络数据，但向乙方关联公司提供的除外。", "ND02", "weak"),
    ("未经甲方同意，乙方不得访问、获取、留存、使用、泄露或者向他人提供甲方网络数据，但法律法规另有规定的除外。", "ND02",
     "satisfied"),
    ("乙方不得对甲方网络数据进行关联分析，但对去标识化数据进行统计分析的除外。", "ND03", "weak"),
])
def test_a_harmless_word_inside_an_exception_justifies_nothing(clause: str, rule: str, expected: str) -> None:
    verdict, message = _pack_verdict(ZH_PARTIES + "9.1 " + clause + "\n", rule, "network-data", ZH_ALIAS)
    assert verdict == expected, message


@pytest.mark.parametrize(("second", "expected"), [
    ("2. 本条项下保密义务的期限为本合同签订之日起一年，期限届满后自动解除。", "weak"),
    ("2. 甲方应按季度向乙方支付服务费。", "satisfied"),
])
def test_items_under_an_unnumbered_heading_are_one_clause(second: str, expected: str) -> None:
    text = ZH_PARTIES + "数据保密条款\n\n1. 未经甲方同意，乙方不得访问、获取、留存、使用、泄露或者向他人提供甲方网络数据。\n\n" \
        + second + "\n"
    verdict, message = _pack_verdict(text, "ND02", "network-data", ZH_ALIAS)
    assert verdict == expected, message


@pytest.mark.parametrize(("clause", "expected"), [
    ("9.1 Following expiry of this Agreement, the Supplier shall delete the Personal Information upon the Customer's "
     "written request.", "weak"),
    ("9.1 On termination of this Agreement or upon the Customer's earlier request, the Supplier shall return or delete "
     "all Personal Information and keep no copies.", "satisfied"),
])
def test_deletion_after_the_end_only_on_request(clause: str, expected: str) -> None:
    text = ('Wexford Mutual Insurance Ltd. ("Customer") and Tarnside Cloud Ltd. ("Supplier").\n\n' + clause + "\n")
    verdict, message = _pack_verdict(text, "PIPL21-04", "pipl21", ("Tarnside Cloud Ltd.",))
    assert verdict == expected, message
