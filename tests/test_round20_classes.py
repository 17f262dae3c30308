"""Round 20 (issue 10): classes found on the development corpus, each written here in wordings of its own, with the
near wording that must keep its verdict. None of these texts is taken from the evaluation corpora.

- An item of a list that is another requirement's undertaking carries its own exception ("（四）除本合同第十七条约定
  的情形外，乙方不得中断…"): that exception governs the item's own act and takes nothing from the items before it.
- A lead-in's hedge ("shall use all reasonable endeavours to:") reaches every item under it, also an item that
  would stand on its own ("(c) ensure that the Supplier does not …").
- A long 除…外 list of justified reasons, and 除…外，还应… (besides), which adds a remedy and excepts nothing.
- Survival stretched for as long as the supplier still serves or holds access, and a stated period no shorter than
  the contract or the product's life.
- A consortium bidding as one supplier: its members and lead member are the supplier side.
- The buyer's data named by one trade category ("甲方的财务数据") is part of the user data only: weak, not missing;
  data held in the buyer's systems is the buyer's data.
- "甲方系关键信息基础设施运营者" in a long recital states 甲方's side.
"""

from __future__ import annotations

import pytest

from cliccheck.library import load_library
from cliccheck.matcher import check_document
from cliccheck.readers import read_document

ZH = "甲方（采购人）：临江市轨道交通运营有限公司\n\n乙方（供应商）：远桥智能系统有限公司\n\n"
EN = ("This Agreement is made between Harbourside Water Authority (the \"Purchaser\") and Keystone Automation Ltd. "
      "(the \"Supplier\").\n\n")


def _verdict(text: str, rule: str) -> tuple[str, str]:
    result = check_document(read_document(text.encode("utf-8"), filename="case.txt"),
                            library=load_library()).requirement(rule)
    return str(result.verdict), result.message


def test_a_sibling_item_with_its_own_exception_is_no_rider() -> None:
    text = ZH + ("第九条 乙方的安全义务\n\n9.1 乙方承诺：（一）甲方就本项目申报网络安全审查的，乙方应当如实提供审查所需的材料，"
                 "并配合审查机构的问询；（二）乙方不得利用运维之便，未经甲方书面同意获取甲方及其乘客的数据；"
                 "（三）除本合同第十七条约定的情形外，乙方不得中断合同设备的供应或者必要的技术支持服务。\n\n"
                 "第十七条 暂停\n\n甲方逾期付款，经乙方书面催告后三十日内仍未支付的，乙方可以暂停供货。\n")
    for rule in ("CSR01", "CSR02"):
        verdict, message = _verdict(text, rule)
        assert verdict == "satisfied", message


def test_a_later_item_that_qualifies_the_earlier_ones_still_rides() -> None:
    # the same place, but the later sentence reaches back at the whole clause: it is a rider, not a sibling
    text = ZH + ("第九条 乙方的安全义务\n\n9.1 乙方不得利用运维之便，未经甲方书面同意获取甲方及其乘客的数据。"
                 "9.2 除乙方认为必要的情形外，本条约定不适用于乙方的境外关联公司。\n")
    verdict, _ = _verdict(text, "CSR02")
    assert verdict == "weak"


@pytest.mark.parametrize(("lead", "expected"), [
    ("The Supplier shall use all reasonable endeavours to:", "weak"),
    ("The Supplier undertakes to:", "satisfied"),
])
def test_a_lead_in_hedge_reaches_an_item_that_stands_on_its_own(lead: str, expected: str) -> None:
    text = EN + ("14. Security\n\n14.1 " + lead + "\n\n(a) keep the Products free of malicious code; and\n\n"
                 "(b) ensure that the Supplier does not control or operate any of the Purchaser's equipment without "
                 "the Purchaser's written authorisation.\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict == expected, message


@pytest.mark.parametrize(("clause", "expected"), [
    # a long list of justified reasons, one alternative after a comma
    ("12.2 除因甲方逾期支付到期款项（经乙方书面催告后六十日仍未支付）、不可抗力事件，或者中华人民共和国法律法规明令禁止外，"
     "乙方不得暂停或者中断合同设备的供应及必要的技术支持服务。", "satisfied"),
    # the same list with the supplier's own judgment in it stays a carve-out
    ("12.2 除因甲方逾期支付到期款项、不可抗力事件，或者乙方认为继续供应不符合其商业利益外，"
     "乙方不得暂停或者中断合同设备的供应及必要的技术支持服务。", "weak"),
])
def test_a_long_list_of_reasons_is_read_whole(clause: str, expected: str) -> None:
    verdict, message = _verdict(ZH + "第十二条 持续供应\n\n" + clause + "\n", "CSR04")
    assert verdict == expected, message


def test_besides_adds_a_remedy_and_excepts_nothing() -> None:
    text = ZH + ("第十条 设备安全\n\n10.1 乙方不得以任何方式非法控制、操纵甲方的信号设备、系统和网络。\n\n"
                 "10.2 乙方违反本条第10.1款约定的，除赔偿甲方全部损失外，还应按合同总价的百分之二十支付违约金。\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict == "satisfied", message


@pytest.mark.parametrize(("rider", "expected"), [
    ("This Clause 14 shall survive the termination of this Agreement for so long as the Supplier continues to hold "
     "any access credentials to the Purchaser's systems.", "satisfied"),
    # a survival cut short stays unread
    ("This Clause 14 shall survive the termination of this Agreement only until the end of the warranty period.",
     "weak"),
])
def test_survival_stretched_while_access_lasts(rider: str, expected: str) -> None:
    text = EN + ("14. Data\n\n14.1 The Supplier shall not, without the Purchaser's written consent, obtain or copy any "
                 "data of the Purchaser or its customers.\n\n14.2 " + rider + "\n")
    verdict, message = _verdict(text, "CSR02")
    assert verdict == expected, message


@pytest.mark.parametrize(("period", "expected"), [
    ("在系统全生命周期内（自正式投入运营之日起不少于十二年）", "satisfied"),
    ("自终验合格之日起十年内（且不短于本合同的服务期）", "satisfied"),
    ("自终验合格之日起一年内", "weak"),
])
def test_a_stated_period_no_shorter_than_the_contract(period: str, expected: str) -> None:
    clause = f"11.1 乙方保证{period}，持续供应合同设备及其备品备件，并提供必要的技术支持服务。"
    verdict, message = _verdict(ZH + "第十一条 持续供应\n\n" + clause + "\n", "CSR04")
    assert verdict == expected, message


def test_a_consortium_gives_the_undertaking_through_its_lead_member() -> None:
    text = ("联合体投标承诺书\n\n致：临江市轨道交通运营有限公司\n\n我方远桥智能系统有限公司作为联合体牵头人，代表联合体全体成员"
            "（成员一：远桥智能系统有限公司；成员二：澄湖通信工程有限公司）承诺如下：\n\n"
            "一、联合体各成员及其工作人员不以参与本项目实施、运维为便利，获取、截留或者对外提供贵方及乘客的任何数据。\n")
    verdict, message = _verdict(text, "CSR02")
    assert verdict == "satisfied", message


@pytest.mark.parametrize(("clause", "expected"), [
    ("乙方不得获取甲方的票务清分数据。", "weak"),  # one trade category of the buyer's data: part of the user data
    ("乙方不得获取甲方的票务清分数据、乘客数据及其他任何数据。", "satisfied"),
    ("乙方不得获取甲方自动售检票系统、综合监控系统中的数据。", "satisfied"),
    ("乙方不得获取甲方的测试系统中的数据。", "missing"),  # a narrowed system is not the buyer's data at large
])
def test_the_buyers_data_by_trade_name(clause: str, expected: str) -> None:
    verdict, message = _verdict(ZH + "第八条 数据\n\n8.1 " + clause + "\n", "CSR02")
    assert verdict == expected, message


def test_the_operator_recital_states_the_buyers_side() -> None:
    # a recital that restates the Measures with 甲方 as the one who must demand the undertakings: 甲方 is the buyer,
    # so the recital binds nobody and the body's silence is what counts
    text = ("综合监控系统采购合同\n\n甲方：临江市轨道交通运营有限公司\n\n乙方：远桥智能系统有限公司\n\n鉴于：\n\n"
            "（一）甲方系关键信息基础设施运营者，依照《网络安全审查办法》第六条的规定，应当通过采购文件、协议等要求产品和服务"
            "提供者配合网络安全审查，并承诺不利用提供产品和服务的便利条件非法获取用户数据、非法控制和操纵用户设备，"
            "无正当理由不中断产品供应或者必要的技术支持服务；\n\n（二）乙方具备提供综合监控系统的资质和能力。\n\n"
            "第一条 合同标的\n\n乙方向甲方提供综合监控系统软硬件及集成服务。\n")
    for rule in ("CSR01", "CSR02", "CSR03", "CSR04"):
        verdict, message = _verdict(text, rule)
        assert verdict != "satisfied", (rule, message)


@pytest.mark.parametrize(("article_20", "expected"), [
    ("Article 20 The Seller may suspend deliveries only in the following circumstances: (1) the Buyer has failed to "
     "pay an undisputed invoice within thirty (30) days after the Seller's written demand; (2) force majeure; (3) the "
     "Buyer has agreed in writing.", "satisfied"),
    # one ground the law does not allow: that clause is the Seller's right to suspend without justifiable reason
    ("Article 20 The Seller may suspend deliveries only in the following circumstances: (1) the Buyer has failed to "
     "pay an undisputed invoice within thirty (30) days after the Seller's written demand; (2) a change in the "
     "Seller's global product strategy.", "contradicted"),
    ("", "weak"),  # the clause it names is not in the document: nothing accounts for it
])
def test_an_exception_that_points_at_another_clause_reads_that_clause(article_20: str, expected: str) -> None:
    text = (EN.replace("Purchaser", "Buyer").replace("Supplier", "Seller")
            + "Article 19 No suspension of deliveries or of technical support shall be made by the Seller during the "
            "Contract Period save for the reasons listed in Article 20.\n\n" + (article_20 + "\n" if article_20 else ""))
    verdict, message = _verdict(text, "CSR04")
    assert verdict == expected, message


def test_a_zh_exception_that_points_at_another_clause() -> None:
    text = ZH + ("第十二条 持续供应\n\n12.1 除本合同第十七条约定的情形外，乙方不得中断合同设备的供应或者必要的技术支持服务。\n\n"
                 "第十七条 暂停\n\n17.1 有下列情形之一的，乙方可以暂停供货：（一）甲方逾期付款，经乙方书面催告后三十日内仍未"
                 "支付的；（二）发生不可抗力的；（三）中华人民共和国法律、行政法规禁止继续供货的。\n")
    verdict, message = _verdict(text, "CSR04")
    assert verdict == "satisfied", message


def test_a_bid_answer_that_hedges_what_it_accepts() -> None:
    text = ("投标文件 技术偏离表\n\n投标人：远桥智能系统有限公司\n\n招标要求第4.2项：投标人须承诺在合同期内不中断产品供应及必要的"
            "技术支持服务。\n\n投标响应：我方将尽力保证产品供应和技术支持的连续性。偏离：无。\n")
    verdict, message = _verdict(text, "CSR04")
    assert verdict == "weak", message


def test_a_short_name_taken_from_the_company_is_the_other_party() -> None:
    text = ("SCHEDULE 7 - SECURITY\n\nVendor: Keystone Automation Ltd. / Exchange: Harbourside Securities Exchange Co., "
            "Ltd.\n\n7.1 The Vendor shall not, by means of its role in hosting or supporting the Trading System, obtain "
            "any data of the Exchange or its members other than as authorised by the Exchange in writing.\n")
    verdict, message = _verdict(text, "CSR02")
    assert verdict == "satisfied", message


@pytest.mark.parametrize(("answer", "expected"), [
    ("投标响应：响应。我公司对数据的处理以我公司集团数据政策（不时修订）为准。偏离情况：有偏离，详见说明。", "weak"),
    ("投标响应：完全响应。偏离情况：无偏离。", "satisfied"),
])
def test_a_bid_answer_is_read_to_the_end_of_its_paragraph(answer: str, expected: str) -> None:
    text = ("投标文件 商务条款偏离表\n\n投标人：远桥智能系统有限公司\n\n序号3 招标要求：中标人不得利用提供产品和服务的便利获取采购人"
            "及其乘客的数据。\n\n" + answer + "\n")
    verdict, message = _verdict(text, "CSR02")
    assert verdict == expected, message


def test_roles_given_together_in_one_parenthesis() -> None:
    # 甲方 supplies here: the buyer's own prohibition binds no supplier, however its words read
    text = ("软件许可及服务合同\n\n甲方（许可方/供应方）：澄江数智软件有限公司\n\n乙方（被许可方/采购方）：临江市供水调度中心\n\n"
            "第八条 数据\n\n8.1 乙方不得利用使用本软件的便利，非法获取甲方的用户数据或者反向工程甲方软件。\n")
    verdict, message = _verdict(text, "CSR02")
    assert verdict != "satisfied", message
