"""Reading classes added in round 17 (issue 10), each written here in wordings of its own, with the near wording
that must keep its verdict.

- A later sub-clause that is another undertaking, whose own "但…除外" is only a lawful basis or a justification
  ("但委托方书面同意的除外"): its 但 and 除外 qualify its own act, not the undertaking before it.
- A Latin acronym written onto the object of a prohibition in Chinese drafting (甲方的AFC设备, PLC控制器): it names
  the operator's system, as a Chinese modifier does.
- The review named again once the clause has named it in full ("Where such a filing is made, the Supplier shall
  cooperate with the review", 甲方已申报网络安全审查。乙方应当配合审查工作): the cybersecurity review, but only as the
  complement of the duty's own act, and never as another kind of review (资格审查).
- A party defined in a numbered clause ("1.1 汇盈数据科技有限公司（以下简称“供应商”）"): the number is no part of its
  name.
None of these texts is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.readers import read_document
from cliccheck.roles import find_roles

ZH_PARTIES = "甲方：临江港务集团有限公司\n\n乙方：澄远自控系统有限公司\n\n"
ZH_ALIAS = ("澄远自控系统有限公司",)
EN_PARTIES = ("This Agreement is made between Harrowgate Port Authority (the \"Purchaser\") and Veltrane Controls "
              "Limited (the \"Supplier\").\n\n")
EN_ALIAS = ("Veltrane Controls Limited",)


def _verdict(text: str, rule: str, aliases: tuple[str, ...]) -> tuple[str, str]:
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    result = check_document(doc, supplier_aliases=aliases).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize(("second", "expected"), [
    # another undertaking whose exception is only the buyer's written consent: the review duty stands
    ("6.2 乙方及其分包商不得利用维护便利获取甲方的堆场作业数据和客户资料，但甲方书面同意的除外。", "satisfied"),
    # an exception that leaves the matter to the supplier is the data provision's own proviso: it weakens that
    # provision (tests/test_round18_classes.py) and takes nothing from the review duty
    ("6.2 乙方及其分包商不得利用维护便利获取甲方的数据，但乙方自行决定的除外。", "satisfied"),
    # one that points back at the clause reaches the review duty
    ("6.2 乙方及其分包商不得利用维护便利获取甲方的数据，但本条约定由乙方自行决定的除外。", "weak"),
])
def test_a_sibling_undertaking_with_its_own_lawful_exception_is_no_rider(second: str, expected: str) -> None:
    text = ZH_PARTIES + ("第六条 网络安全\n\n6.1 甲方申报网络安全审查的，乙方应当予以配合并如实提供审查所需材料。\n\n"
                         + second + "\n")
    verdict, message = _verdict(text, "CSR01", ZH_ALIAS)
    assert verdict == expected, message


@pytest.mark.parametrize(("device", "expected"), [
    ("甲方的AFC设备和网络", "satisfied"),
    ("甲方的TOS系统及相关设备", "satisfied"),
    ("甲方的调度设备和网络", "satisfied"),
    # a narrowing word on the acronym still narrows, and so does one with another modifier between it and the head
    ("甲方的测试AFC设备和网络", "weak"),
    ("甲方的测试调度设备和网络", "weak"),
    ("甲方的测试服务器和网络", "weak"),
])
def test_modifiers_on_the_object_of_a_prohibition(device: str, expected: str) -> None:
    """A Latin acronym names the operator's system as a Chinese modifier does; a guard word anywhere in the
    modifier chain singles out a part."""
    text = ZH_PARTIES + f"第八条 乙方不得非法控制或者操纵{device}。\n"
    verdict, message = _verdict(text, "CSR03", ZH_ALIAS)
    assert verdict == expected, message


@pytest.mark.parametrize("text", [
    # after a heading and a filing in the same clause
    EN_PARTIES + ("12. Cybersecurity Review\n\n12.1 The Purchaser may be required to file this procurement for "
                  "cybersecurity review. Where such a filing is made, the Supplier shall cooperate fully with the review.\n"),
    # in a numbered paragraph under its article
    EN_PARTIES + ("Article 9 (Cybersecurity Review)\n\n1. The Supplier acknowledges that the Purchaser may have to apply "
                  "for a cybersecurity review of this procurement.\n\n2. The Supplier shall cooperate with any such review.\n"),
    # bare, in Chinese, after the filing
    ZH_PARTIES + "第七条 甲方已就本项目申报网络安全审查。乙方应当积极配合审查工作。\n",
], ids=["en-heading-and-filing", "en-article-paragraphs", "zh-bare"])
def test_the_review_named_again_is_the_cybersecurity_review(text: str) -> None:
    verdict, message = _verdict(text, "CSR01", ZH_ALIAS + EN_ALIAS)
    assert verdict == "satisfied", message


@pytest.mark.parametrize("text", [
    # no cybersecurity review named before: a bare review is any review
    ZH_PARTIES + "第七条 乙方应当积极配合审查工作。\n",
    # another kind of review
    ZH_PARTIES + "第七条 甲方已就本项目申报网络安全审查。乙方应当配合资格审查。\n",
    # the review as a time, not as what the supplier cooperates with
    ZH_PARTIES + "第七条 甲方已就本项目申报网络安全审查。乙方应当在审查通过后六十日内交付全部设备。\n",
    EN_PARTIES + ("12. Security\n\n12.1 The Supplier shall cooperate with the review of its invoices by the "
                  "Purchaser's auditors.\n"),
])
def test_a_bare_review_is_the_cybersecurity_review_only_when_named_before_and_cooperated_with(text: str) -> None:
    verdict, message = _verdict(text, "CSR01", ZH_ALIAS + EN_ALIAS)
    assert verdict == "missing", message


def test_a_clause_number_is_no_part_of_a_party_name() -> None:
    text = ("服务条款\n\n1.1 汇盈数据科技（上海）有限公司（以下简称“供应商”）向订购本服务的期货公司（以下简称“客户”）"
            "提供行情数据服务。\n")
    roles = find_roles(read_document(text.encode("utf-8"), filename="terms.txt"))
    assert roles.supplier.names.get("zh") == "汇盈数据科技（上海）有限公司"


@pytest.mark.parametrize(("device", "expected"), [
    ("the Purchaser's SCADA hosts and networks", "satisfied"),
    ("the Purchaser's test SCADA hosts and networks", "weak"),
])
def test_a_guard_word_before_an_english_acronym_still_narrows(device: str, expected: str) -> None:
    text = EN_PARTIES + f"8. The Supplier shall not take control of or manipulate {device}.\n"
    verdict, message = _verdict(text, "CSR03", EN_ALIAS)
    assert verdict == expected, message


def test_the_side_that_maintains_and_answers_fault_calls_is_the_supplier() -> None:
    """A 甲方/乙方 excerpt with no preamble: 乙方 does the maintenance and answers the fault calls, so 乙方 supplies."""
    text = ("运维服务合同（节选）\n\n第六条 运维方式\n\n6.1 乙方原则上应采取现场运维方式，远程操作须经甲方书面审批。\n\n"
            "第七条 服务响应\n\n7.1 乙方接到甲方故障报修后，应在30分钟内响应，4小时内到达现场。\n")
    roles = find_roles(read_document(text.encode("utf-8"), filename="excerpt.txt"))
    assert roles.supplier.labels.get("zh") == ["乙方"]
    assert roles.buyer.labels.get("zh") == ["甲方"]


@pytest.mark.parametrize(("title", "expected"), [
    ("供货及技术服务保障承诺", "satisfied"),
    # a clause's heading is no title of a letter: its plain statement binds no one it names
    ("第十条 供货承诺", "weak"),
])
def test_a_title_ending_in_a_promise_makes_a_letter_whose_first_person_undertakes(title: str, expected: str) -> None:
    text = (f"{title}\n\n致：东川市第一人民医院\n\n我司保证：除不可抗力、国家法律禁止或者贵院经书面催告后仍拖欠到期货款超过"
            "六十日的情形外，在合同期内我司不会停止向贵院供应所采购的软硬件产品，亦不会停止提供保障系统正常运行所需的维护和技术"
            "支持。\n\n南岭医疗信息技术有限公司\n\n2026年3月2日\n")
    verdict, message = _verdict(text, "CSR04", ("南岭医疗信息技术有限公司",))
    assert verdict == expected, message


@pytest.mark.parametrize(("data", "expected"), [
    ("参保人信息和医保数据", "satisfied"),
    ("投资者的交易数据", "satisfied"),
    # a narrow category stays partial
    ("参保人的身份证号码", "weak"),
])
def test_the_people_an_operator_serves_under_their_sectors_name(data: str, expected: str) -> None:
    text = ("承诺函\n\n致：南屏市医疗保障局\n\n我公司郑重承诺：未经贵局书面同意，不利用提供产品和服务的便利，以任何方式获取"
            f"{data}。\n\n澄江数科技术有限公司\n")
    verdict, message = _verdict(text, "CSR02", ("澄江数科技术有限公司",))
    assert verdict == expected, message


def test_a_lawful_basis_between_a_letters_negation_and_its_act() -> None:
    text = ("网络安全承诺书\n\n致：东港热力集团有限公司\n\n本公司承诺如下：\n\n一、本公司不以任何方式未经贵公司书面授权远程控制、"
            "操纵贵公司的设备、网络及系统。\n\n澄江自控技术有限公司\n")
    verdict, message = _verdict(text, "CSR03", ("澄江自控技术有限公司", "本公司"))
    assert verdict == "satisfied", message
