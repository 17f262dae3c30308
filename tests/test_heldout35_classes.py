"""The false-pass classes of held-out part 35 and packs part 29 (issues 10 and 15), fixed after the parts were scored
once with matcher-freeze-36 / packs-freeze-29, and the recall classes read from the development corpus in the same
round. Every text is written here for the test in words of our own; none is taken from the held-out cases.

- Two named kinds of the buyer's data ("贵局的气象观测数据及雷达组网配置数据") are two kinds, not all its data; three
  kinds, or two with the rest after them (及其他数据), still are.
- A force majeure defined without quotes ("本合同所称不可抗力，是指…") is read with an exception that uses it, so a
  definition that lets in the supplier group's own decision to stop selling is seen.
- Termination for convenience open to either party in Taiwan drafting (任一方得於…以書面通知他方終止本契約).
- The data-security triad (防止数据泄露、篡改和丢失) is no promise about the buyer's equipment.
- A question reported in tender clarifications ("A bidder asked whether the Contractor will be required to…") is
  nobody's undertaking.
- Cooperation with the review whose only means is a list kept in an appendix is as wide as that list.
- Packs: ending the support "for convenience", or at will for a reason of the supplier's own; confidentiality
  only of what the supplier designates; a ban on correlating the data only with other customers' data.
- Recall: the maintenance or support period the contract is for (维保期内, "during the Support Period"), the term
  and after it (在本合同履行期间及履行完毕之后), a stated design life, and an "or" inside the reason ("where such
  supply or provision is prohibited by PRC law") are read as the relationship's own terms.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方：云岭省气象局\n\n乙方：天衡雷达系统有限公司\n\n"
TW = "甲方：南嶺自來水股份有限公司\n\n乙方：澄波智慧水務股份有限公司\n\n"
EN = 'This Agreement is made between Pearl Quay Terminals Co., Ltd. (the "Customer") and Norrvik Cranes AB (the "Supplier").\n\n'


@pytest.mark.parametrize(("data", "expected"), [
    ("贵局的气象观测数据及雷达组网配置数据", {"weak", "missing"}),
    ("贵局的气象观测数据、雷达组网配置数据及预报产品数据", {"satisfied"}),
    ("贵局的气象观测数据、雷达组网配置数据及其他业务数据", {"satisfied"}),
])
def test_two_named_kinds_of_the_buyers_data_are_not_all_of_it(data: str, expected: set[str]) -> None:
    text = ("致：云岭省气象局\n\n本公司天衡雷达系统有限公司作为雷达组网项目的供应商，承诺如下：\n\n"
            f"（二）本公司不利用提供产品和服务的便利条件，非法获取{data}。\n")
    assert _verdict(text, "CSR02") in expected


@pytest.mark.parametrize(("definition", "expected"), [
    ("本合同所称不可抗力，是指不能预见、不能避免且不能克服的客观情况，包括地震、洪水、战争，以及乙方所属集团总部作出的产品停售决定。",
     "weak"),
    ("本合同所称不可抗力，是指不能预见、不能避免且不能克服的客观情况，包括地震、洪水和战争。", "satisfied"),
])
def test_an_unquoted_force_majeure_definition_is_read_with_the_exception(definition: str, expected: str) -> None:
    text = (ZH + "第二十条 不可抗力\n\n20.1 " + definition + "\n\n第二十一条 持续供应\n\n"
            "21.1 在本合同有效期内，除不可抗力外，乙方不得中断产品供应及必要的技术支持服务。\n")
    assert _verdict(text, "CSR04") == expected


def test_termination_for_convenience_by_either_party_in_taiwan_drafting_contradicts() -> None:
    text = (TW + "第十條 持續服務\n\n乙方於契約期間不得無正當理由停止供貨或中斷技術支援。\n\n第二十二條 契約終止\n\n"
            "任一方得於六十日前以書面通知他方終止本契約，雙方互不負賠償責任。\n")
    assert _verdict(text, "CSR04") == "contradicted"
    agreed = text.replace("任一方得於六十日前以書面通知他方終止本契約", "雙方協商一致，得終止本契約")
    assert _verdict(agreed, "CSR04") == "satisfied"


def test_the_data_security_triad_is_no_promise_about_equipment() -> None:
    text = ZH + "第八条 数据安全\n\n乙方应采取必要的技术措施，保障其交付系统中数据的安全，防止数据泄露、篡改和丢失。\n"
    assert _verdict(text, "CSR03") == "missing"
    banned = ZH + "第八条 设备安全\n\n乙方不得篡改甲方雷达设备的配置，不得远程控制甲方的任何设备。\n"
    assert _verdict(banned, "CSR03") == "satisfied"


def test_a_reported_question_is_no_undertaking() -> None:
    text = ("Pearl Quay Terminals - Tender for Yard Crane Automation - Clarification No. 3\n\n"
            "Q4. A bidder asked whether the Contractor will be required to assist with any cybersecurity review.\n\n"
            "A4. The Employer will set out the requirement in the Contract.\n")
    assert _verdict(text, "CSR01") == "missing"
    zh = ("云岭省气象局雷达组网项目招标答疑（第2号）\n\n问题5：有投标人询问中标人是否须配合网络安全审查。\n\n"
          "答复：具体要求见合同条款。\n")
    assert _verdict(zh, "CSR01") == "missing"


@pytest.mark.parametrize(("means", "expected"), [
    ("by providing to the Customer the documents listed in Appendix R", "weak"),
    ("including by providing to the Customer the documents listed in Appendix R", "satisfied"),
])
def test_cooperation_limited_to_an_appendix_list_is_weak(means: str, expected: str) -> None:
    text = EN + f"7.1 The Supplier shall cooperate with any cybersecurity review of this procurement, {means}.\n"
    assert _verdict(text, "CSR01") == expected


def test_chinese_cooperation_limited_to_an_appendix_list_is_weak() -> None:
    text = ZH + "第七条 乙方应配合甲方的网络安全审查，提供附件三所列材料。\n"
    assert _verdict(text, "CSR01") == "weak"


def test_support_ended_for_convenience_contradicts_the_security_agreement() -> None:
    text = (EN + "1. The Supplier shall provide the Support Services for the Crane Control Software during the Support "
            "Term.\n\n2. The Supplier may terminate the Support Services, in whole or in part, for convenience on sixty "
            "(60) days' written notice.\n")
    assert _verdict(text, "SEC03", "security-agreement") == "contradicted"
    zh = (ZH + "第五条 维保服务\n\n5.1 乙方为甲方提供为期三年的维保服务，包括故障排除、软件更新和安全补丁。\n\n"
          "5.2 乙方可因其经营调整，随时书面通知甲方终止本条项下的全部维保服务。\n")
    assert _verdict(zh, "SEC03", "security-agreement") == "contradicted"


@pytest.mark.parametrize(("clause", "expected"), [
    ("乙方对其认定为保密信息的甲方资料，应予以保密，不得向第三方披露。", "weak"),
    ("乙方对甲方的全部资料和数据应予以保密，不得向第三方披露。", "satisfied"),
])
def test_confidentiality_of_what_the_supplier_designates_is_weak(clause: str, expected: str) -> None:
    text = ZH + "第四条 保密\n\n" + clause + "\n"
    assert _verdict(text, "SEC02", "security-agreement") == expected


def test_a_correlation_ban_only_against_other_customers_data_is_weak() -> None:
    text = (EN + "6. The Supplier shall not correlate Customer Data with data of its other customers.\n")
    assert _verdict(text, "ND03", "network-data") == "weak"


@pytest.mark.parametrize(("period", "expected"), [
    ("维保期内", "satisfied"),
    ("运维期内", "satisfied"),
    ("质保期内", "weak"),
])
def test_the_maintenance_period_the_contract_is_for(period: str, expected: str) -> None:
    text = ZH + f"第五条 {period}，除甲方逾期付款经书面催告后六十日内仍未支付或者不可抗力外，乙方不得中断备件供应和技术支持服务。\n"
    assert _verdict(text, "CSR04") == expected


@pytest.mark.parametrize(("period", "expected"), [
    ("during the Support Period", "satisfied"),
    ("during the Operating Period", "satisfied"),
    ("during the two-year Operating Period", "weak"),
    ("during the Warranty Period", "weak"),
])
def test_the_support_period_the_contract_is_for(period: str, expected: str) -> None:
    text = EN + (f"12.1 The Supplier shall not suspend or interrupt the supply of Products or technical support {period} "
                 "without justifiable reason.\n")
    assert _verdict(text, "CSR04") == expected


def test_the_term_and_after_it_and_a_stated_design_life() -> None:
    zh = ZH + "第七条 乙方承诺，在本合同履行期间及履行完毕之后，不以任何方式擅自控制、干扰或操纵甲方的雷达设备及相关系统。\n"
    assert _verdict(zh, "CSR03") == "satisfied"
    en = EN + ("9. The Supplier shall keep the Cranes, their spare parts and the technical support available for the full "
               "Design Life of twenty-five (25) years and shall not suspend either without justifiable reason.\n")
    assert _verdict(en, "CSR04") == "satisfied"


@pytest.mark.parametrize(("reason", "expected"), [
    ("or where such supply or provision is prohibited by PRC law", "satisfied"),
    ("or where its parent or applicable law requires", "weak"),
])
def test_an_or_inside_a_justified_reason(reason: str, expected: str) -> None:
    text = EN + ("13.1 The Supplier may suspend the supply of Products or the provision of Support Services only where the "
                 "Customer has failed to pay undisputed sums for sixty (60) days after written notice of non-payment, "
                 f"{reason}.\n")
    assert _verdict(text, "CSR04") == expected


# The review of the round (texts of the reviewer's kind, written here): each of these was read wrongly by the first
# version of the fixes above.
R = "甲方：云岭省气象局\n\n乙方：天衡雷达系统有限公司\n\n"


@pytest.mark.parametrize(("text", "rule", "expected"), [
    # a right granted after a reported question still counts
    (R + "第五条 合同有效期内，乙方不得无正当理由中断产品供应和技术支持服务。\n\n第六条 甲方询问乙方是否继续支持已停产型号的，"
     "乙方可以随时停止该型号的技术支持。\n", "CSR04", "contradicted"),
    (R + "第七条 乙方不得非法控制、干扰甲方的设备。\n\n第八条 甲方咨询乙方是否可提供远程运维的，乙方有权远程控制甲方设备，无需另行取得甲方同意。\n",
     "CSR03", "contradicted"),
    # a free maintenance period is the warranty; a support period with its length, or a short design life, is no term
    (R + "第五条 免费维保期内，除甲方逾期付款或者不可抗力外，乙方不得中断备件供应和技术支持服务。\n", "CSR04", "weak"),
    (EN + "9. The Supplier shall not suspend supply or technical support during the one-year Support Period without "
     "justifiable reason.\n", "CSR04", "weak"),
    (EN + "9. The Supplier shall keep the Products and technical support available for the design life of two (2) years "
     "from delivery and shall not suspend either without justifiable reason.\n", "CSR04", "weak"),
    # termination for the other party's breach, or by both, is no termination at will
    (TW + "第十條 乙方於契約期間不得無正當理由停止供貨或中斷技術支援。\n\n第二十條 任一方得於他方違約經書面通知後終止本契約。\n",
     "CSR04", "satisfied"),
    # an appendix list with the rest after it; the triad beside a promise; a penalty decided about the supplier
    (EN + "7.1 The Supplier shall cooperate with any cybersecurity review, by providing to the Customer the documents "
     "listed in Appendix R and any other information the review requires.\n", "CSR01", "satisfied"),
    (R + "第八条 乙方应防止数据泄露、篡改和丢失，并不得非法控制甲方设备。\n", "CSR03", "satisfied"),
    (R + "20.1 本合同所称不可抗力，是指不能预见、不能避免且不能克服的客观情况，包括地震、战争以及政府部门对乙方作出的处罚决定。\n\n"
     "21.1 合同有效期内，除不可抗力外，乙方不得中断产品供应及必要的技术支持服务。\n", "CSR04", "satisfied"),
])
def test_the_review_of_the_round(text: str, rule: str, expected: str) -> None:
    assert _verdict(text, rule) == expected
