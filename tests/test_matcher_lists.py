"""Lists and document-wide limits (issue 10, round 11).

A list that names the undertaking's own act or object beside words the library does not know only widens the
promise; the same unknown words outside such a list, or with a narrowing word, keep it weak. Words far from the
undertaking that bind every undertaking in the document (an instrument that ends before the contract, consortium
members that answer severally) make a satisfied verdict weak. Every wording here is new: none is taken from the
evaluation corpora."""

from __future__ import annotations

import pytest
from _helpers import contract

from cliccheck.matcher import check_document
from cliccheck.readers import read_document


def _verdict(text: bytes, rule: str) -> tuple[str, str]:
    result = check_document(read_document(text, filename="case.txt")).requirement(rule)
    return str(result.verdict), result.message


# (lang, rule, clause with an unknown item in a list beside a known one, the same unknown words not in a list)
LISTS = [
    ("zh", "CSR02",
     "第九条 乙方不得利用维护闸控终端的便利条件，收集、截录或者外传甲方的票务流水、检修台账、用户数据及其他业务数据。",
     "第九条 乙方不得利用维护闸控终端的便利条件，收集甲方的票务流水。"),
    ("zh", "CSR03",
     "第九条 乙方不得擅自控制、操纵甲方的配水阀组、泵站机柜、网络设备及其他设备。",
     "第九条 乙方不得擅自控制、操纵甲方的配水阀组。"),
    ("en", "CSR03",
     "9. The Vendor shall not unlawfully control or manipulate any gantry, turnstile or other equipment of the "
     "Customer.",
     "9. The Vendor shall not unlawfully control or manipulate any turnstile of the Customer."),
    ("en", "CSR02",
     "9. The Vendor shall not, by taking advantage of the Products, unlawfully obtain any ledgers, rosters or other "
     "data of the Customer or its users.",
     "9. The Vendor shall not, by taking advantage of the Products, unlawfully obtain any rosters of the Customer."),
]


@pytest.mark.parametrize(("lang", "rule", "listed", "alone"), LISTS)
def test_an_unknown_item_listed_with_a_known_one_widens_the_promise(lang: str, rule: str, listed: str,
                                                                     alone: str) -> None:
    verdict, message = _verdict(contract(listed, lang), rule)
    assert verdict == "satisfied", message
    verdict, message = _verdict(contract(alone, lang), rule)
    assert verdict != "satisfied", message


@pytest.mark.parametrize(("lang", "rule", "clause", "word"), [
    # a narrowing word inside the list item keeps the item unread
    ("zh", "CSR02", "第九条 乙方不得利用运维之便非法获取甲方的核心账册、用户数据。", "核心"),
    ("en", "CSR03", "9. The Vendor shall not unlawfully control any designated gantry, turnstile or other equipment "
                    "of the Customer.", "designated"),
    # the review's own words ("a designated contact") do not vouch for an object they narrow
    ("en", "CSR03", "9. The Vendor shall not unlawfully control any designated equipment of the Customer.", "designated"),
    # an "or" in a duty to act offers a way out: the alternative is not read as a list item
    ("zh", "CSR01", "第九条 乙方应当配合甲方依法申报的网络安全审查或者赔付违约金。", "赔付"),
    # a bare comma is no list: "…, whereupon …" starts a clause of its own
    ("en", "CSR03", "9. The Vendor shall not unlawfully control any equipment of the Customer, whereupon nothing "
                    "further applies.", "whereupon"),
])
def test_a_narrowed_or_alternative_item_stays_weak(lang: str, rule: str, clause: str, word: str) -> None:
    result = check_document(read_document(contract(clause, lang), filename="case.txt")).requirement(rule)
    assert str(result.verdict) != "satisfied", result.message
    assert word in " ".join(r.detail for r in result.reasons) or str(result.verdict) == "contradicted", result.reasons


SUPPLEMENT = """补充协议

甲方（采购方）：东岭水务集团有限公司
乙方（供应商）：澄江智控科技有限公司

鉴于双方已签订《二次供水泵房自控系统采购合同》（合同期限自2027年3月1日起至2030年2月28日止，以下简称“主合同”），现补充约定如下：

第一条 乙方不得擅自控制、操纵甲方的网络设备。

第二条 本补充协议有效期自2027年3月1日起至{end}止。
"""

ADDENDUM = """ADDENDUM No. 2

This Addendum is made between Harbourline Water Authority (the "Customer") and Tessaract Controls Limited (the
"Supplier") and supplements the Master Agreement dated 1 March 2027, which runs until 28 February 2031.

1. The Supplier shall not unlawfully control or manipulate the Customer's equipment.

2. This Addendum shall remain in force until {end}.
"""


@pytest.mark.parametrize(("text", "short", "long"), [
    (SUPPLEMENT, "2027年12月31日", "2030年2月28日"),
    (ADDENDUM, "31 December 2027", "28 February 2031"),
])
def test_an_instrument_ending_before_the_contract_makes_its_undertakings_weak(text: str, short: str,
                                                                               long: str) -> None:
    verdict, message = _verdict(text.format(end=short).encode(), "CSR03")
    assert verdict == "weak", message
    assert short in message
    verdict, message = _verdict(text.format(end=long).encode(), "CSR03")
    assert verdict == "satisfied", message


CONSORTIUM = """CONSORTIUM SUPPLY AGREEMENT

This Agreement is made between Marlow Port Authority (the "Employer") and a consortium of Larkspur Systems Ltd (the
lead member) and Orrin Field Devices Ltd (together the "Contractor").

1. {liability}

2. The Contractor shall not unlawfully control or manipulate any equipment of the Employer or of its users.
"""


def test_members_answering_severally_keep_the_consortium_undertaking_weak() -> None:
    several = CONSORTIUM.format(liability="The Members are liable to the Employer severally and not jointly, each for "
                                          "its own scope only.")
    verdict, message = _verdict(several.encode(), "CSR03")
    assert verdict == "weak", message
    assert "severally and not jointly" in message
    joint = CONSORTIUM.format(liability="The Members are jointly and severally liable to the Employer.")
    verdict, message = _verdict(joint.encode(), "CSR03")
    assert verdict == "satisfied", message


EN_PARTIES = 'This Agreement is made between Northgate Water Board (the "Customer") and Calder Telemetry Ltd (the "Vendor").\n\n'
ZH_PARTIES = "甲方（采购人）：西岭燃气集团有限公司\n乙方（供应商）：启衡自控技术有限公司\n\n"


@pytest.mark.parametrize(("rule", "text", "expected"), [
    # a nominal duty bound by "is a continuing obligation of" past an illustrative aside and a series
    ("CSR01", EN_PARTIES + "7.1 Full cooperation with any cybersecurity review, security inspection or related enquiry "
     "concerning the Products, including the provision of documents, test reports and access to engineers, is a "
     "continuing obligation of the Vendor.", {"satisfied"}),
    ("CSR01", "客户：港岛电力有限公司\n供应商：恒联网络科技有限公司\n\n7.1 就主管部门进行的网络安全审查，供应商之全面配合"
     "（包括提交文件及解答查询）乃供应商于本协议下的持续责任。", {"satisfied"}),
    # a passive prohibition whose subject is a series: "No data of the Customer, its staff or its users shall be …"
    ("CSR02", EN_PARTIES + "7.2 No data of the Customer, its staff or its users shall be collected, copied or "
     "extracted by the Vendor without the Customer's written consent.", {"satisfied"}),
    # 将 right before the act is "will", as in a commitment letter; the buyer's 将 binds no supplier
    ("CSR01", ZH_PARTIES + "第七条 如甲方就本项目申报网络安全审查，乙方将全面配合，按审查机构要求及时提交材料。",
     {"satisfied"}),
    ("CSR01", ZH_PARTIES + "第七条 如本项目需申报网络安全审查，甲方将全面配合审查机构的工作。", {"missing"}),
    # 不时 ("from time to time") negates nothing: a duty subject to a policy the supplier amends is weak, not refused
    ("CSR01", ZH_PARTIES + "第七条 乙方应按照其不时修订的全球合规政策配合甲方的网络安全审查。", {"weak"}),
])
def test_nominal_passive_and_future_duties_are_read(rule: str, text: str, expected: set[str]) -> None:
    verdict, message = _verdict(text.encode(), rule)
    assert verdict in expected, message


@pytest.mark.parametrize(("rule", "text", "expected"), [
    # 不法 is "unlawful" (Taiwan and formal drafting): its 不 does not undo the prohibition before it
    ("CSR03", "定作人：北港電力調度中心\n承攬人：宏遠資通股份有限公司\n\n第九條 承攬人不得以不法方式控制或操縱定作人之設備、系統或網路。",
     {"satisfied"}),
    # each coordinated clause with a negation of its own is negated once: 应确保…不利用…，非法获取…，不非法控制…
    ("CSR03", ZH_PARTIES + "第九条 乙方应确保其分包单位及工作人员不利用运维便利，非法获取甲方数据，不非法控制或者操纵甲方设备。",
     {"satisfied"}),
    # a further owner listed beside a party only widens whose data is protected; a narrowing one does not
    ("CSR02", ZH_PARTIES + "第九条 乙方不得利用提供服务的便利条件，非法获取甲方及燃气用户的数据。", {"satisfied"}),
    ("CSR02", ZH_PARTIES + "第九条 乙方不得利用提供服务的便利条件，非法获取甲方及部分燃气用户的数据。", {"weak"}),
    # binding through the contract term and until a later period ends: 契约期间及保固期间届满前均有效力
    ("CSR03", "定作人：北港電力調度中心\n承攬人：宏遠資通股份有限公司\n\n第九條 承攬人不得以不法方式控制定作人之設備。\n\n"
              "第十條 前條約定於契約期間及保固期間屆滿前均有效力。", {"satisfied"}),
])
def test_negation_scope_owners_and_periods(rule: str, text: str, expected: set[str]) -> None:
    verdict, message = _verdict(text.encode(), rule)
    assert verdict in expected, message


@pytest.mark.parametrize(("rule", "text", "expected"), [
    # a letter binding for as long as what was supplied stays in service, given in consideration of the contract
    ("CSR04", "LETTER OF UNDERTAKING\n\nTo: Eastmoor Water Board (the \"Customer\")\nFrom: Vantor Pumps Limited (the "
              "\"Supplier\")\n\nIn consideration of the Customer entering into the Supply Contract, the Supplier "
              "undertakes that, for so long as any Product supplied under the Supply Contract remains in service with "
              "the Customer, it will not, without justifiable reason, interrupt the supply of Products or of the "
              "technical support necessary for their operation.", {"satisfied"}),
    # "for so long as" a period the supplier decides is no such period
    ("CSR04", "LETTER OF UNDERTAKING\n\nTo: Eastmoor Water Board (the \"Customer\")\nFrom: Vantor Pumps Limited (the "
              "\"Supplier\")\n\nThe Supplier undertakes that, for so long as it elects to market the Products, it will "
              "not, without justifiable reason, interrupt the supply of Products or of the technical support necessary "
              "for their operation.", {"weak"}),
    # what the buyer or the authority reasonably requires is the buyer's measure; what the supplier considers is not
    ("CSR01", EN_PARTIES + "7.1 The Vendor shall give the Customer and the reviewing authority all cooperation they "
                           "reasonably require in any cybersecurity review of the procurement.", {"satisfied"}),
    ("CSR01", EN_PARTIES + "7.1 The Vendor shall give the Customer all cooperation the Vendor reasonably considers "
                           "appropriate in any cybersecurity review of the procurement.", {"weak"}),
])
def test_letter_periods_and_the_buyers_reasonable_requests(rule: str, text: str, expected: set[str]) -> None:
    verdict, message = _verdict(text.encode(), rule)
    assert verdict in expected, message


@pytest.mark.parametrize(("rule", "text", "expected"), [
    # a list closed by a catch-all: what it names first are examples of "any other data"
    ("CSR02", ZH_PARTIES + "第九条 乙方不得借运维之机，收集、留存或者使用甲方的调压参数、管网巡检记录、报警日志及其他任何数据。",
     {"satisfied"}),
    ("CSR02", EN_PARTIES + "7.3 The Vendor shall not, by virtue of supplying the Products, obtain flow logs, pressure "
                           "readings or other data of the Customer or its users.", {"satisfied"}),
    # a qualifier inside the list is still read
    ("CSR02", ZH_PARTIES + "第九条 乙方不得借运维之机，收集甲方的调压参数（仅限生产环境）、报警日志及其他任何数据。", {"weak"}),
    # without the catch-all the unknown words narrow the object
    ("CSR02", ZH_PARTIES + "第九条 乙方不得借运维之机，收集、留存或者使用甲方的调压参数。", {"weak", "missing"}),
])
def test_a_list_closed_by_a_catch_all_names_examples(rule: str, text: str, expected: set[str]) -> None:
    verdict, message = _verdict(text.encode(), rule)
    assert verdict in expected, message


@pytest.mark.parametrize(("rule", "text", "expected"), [
    # heldout-10: the supplier's own organ approving is the supplier's own leave, no lawful basis
    ("CSR01", ZH_PARTIES + "第九条 经乙方总部法务部门批准后，乙方将配合甲方开展网络安全审查。", {"weak"}),
    ("CSR01", ZH_PARTIES + "第九条 经甲方书面通知后，乙方将配合甲方开展网络安全审查。", {"satisfied"}),
    # heldout-10: a supplement valid for one year beside a main contract of five
    ("CSR03", "补充协议\n\n甲方：西岭燃气集团有限公司\n乙方：启衡自控技术有限公司\n\n双方于2026年5月签订《调度系统运维合同》"
              "（合同期限五年，以下简称“原合同”），现补充约定如下：\n\n第一条 乙方不得擅自控制、操纵甲方的设备和系统。\n\n"
              "第二条 本补充协议有效期为一年。", {"weak"}),
    ("CSR03", "补充协议\n\n甲方：西岭燃气集团有限公司\n乙方：启衡自控技术有限公司\n\n双方于2026年5月签订《调度系统运维合同》"
              "（合同期限五年，以下简称“原合同”），现补充约定如下：\n\n第一条 乙方不得擅自控制、操纵甲方的设备和系统。\n\n"
              "第二条 本补充协议有效期为五年。", {"satisfied"}),
    # heldout-10: the clause's run-in title names its subject, not what the promise covers (only servers here)
    ("CSR03", ZH_PARTIES + "第十四条 设备安全：乙方不得非法控制甲方的服务器设备。", {"weak"}),
    ("CSR03", ZH_PARTIES + "第十四条 设备安全：乙方不得非法控制甲方的设备和系统。", {"satisfied"}),
])
def test_heldout_10_false_pass_classes(rule: str, text: str, expected: set[str]) -> None:
    verdict, message = _verdict(text.encode(), rule)
    assert verdict in expected, message
