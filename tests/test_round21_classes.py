"""Round 21 (issues 10 and 15): classes found on the development corpus, each written here in wordings of its own,
with the near wording that must keep its verdict. None of these texts is taken from the evaluation corpora.

- Who the supplier is: a party line in the other language ("Employer: 华东某燃气集团有限公司; Contractor: …"), a
  parenthesis inside a company's name, a block written in both languages, a heading "乙方的网络安全承诺" (no sign
  that 乙方 owns a network), a party inside a 非因… exception, the first word of an English company's name.
- The buyer's consent denied ("在甲方未授权的情况下") is a lawful-basis condition, not a right.
- A period that outlasts the product's discontinuation ("停产后六年内") or states the product's design life.
- The statute's means in other words ("利用驻场运维之机会"), 取得 as obtaining, an attributive 取得之.
- Continuity and supply in other words: "保证备品备件之供应", 零件.
- A sibling item whose 上述 names its own object is no rider on the items before it.
"""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document

ZH_LINES = "甲方：临湖储能电站有限公司\n\n乙方：恒拓电力电子股份有限公司\n\n"
ZH = "甲方（采购人）：西岭市供水集团有限公司\n\n乙方（供应商）：远帆自控技术有限公司\n\n"


def _result(text: str, rule: str, aliases: tuple[str, ...] = (), packs: tuple[str, ...] = ()):
    library = load_packs(list(packs)) if packs else None
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    return check_document(doc, supplier_aliases=aliases, library=library).requirement(rule)


def _verdict(text: str, rule: str, aliases: tuple[str, ...] = ()) -> tuple[str, str]:
    result = _result(text, rule, aliases)
    return str(result.verdict), result.message


def test_a_party_line_in_the_other_language_names_the_supplier() -> None:
    text = ("Employer: 华东某燃气集团有限公司; Contractor: Norvale Controls (Suzhou) Co., Ltd.\n\n"
            "发包人：华东某燃气集团有限公司；承包人：Norvale Controls (Suzhou) Co., Ltd.\n\n"
            "8.1 The Contractor shall not suspend the supply of the Equipment or necessary technical support "
            "without justifiable reason.\n\n8.1 承包人不得无正当理由暂停设备供应或者必要的技术支持。\n")
    verdict, message = _verdict(text, "CSR04", ("Norvale Controls (Suzhou) Co., Ltd.",))
    assert verdict == "satisfied", message


def test_a_parenthesis_inside_a_company_name_is_no_name_of_its_own() -> None:
    # "(Suzhou)" is part of the name: the city is not the supplier, so its works department binds no one
    text = ("Purchaser: Suzhou Metro Operations Co., Ltd.\n\nSupplier: Norvale Controls (Suzhou) Co., Ltd.\n\n"
            "4.1 Suzhou shall cooperate with any cybersecurity review of the procurement.\n")
    verdict, _ = _verdict(text, "CSR01")
    assert verdict != "satisfied"


def test_a_block_in_both_languages_reads_each_with_its_role_words() -> None:
    text = ("第十二条 / Clause 12\n\n12.1 在合同设备使用寿命内，乙方不得无正当理由中断合同设备的供应或者必要的技术支持服务。/ "
            "During the service life of the Equipment, the Contractor shall not without justifiable reason interrupt "
            "the supply of the Equipment or necessary technical support.\n")
    verdict, message = _verdict(text, "CSR04")
    assert verdict == "satisfied", message


def test_a_heading_on_the_suppliers_security_undertakings_keeps_the_sides() -> None:
    text = ZH_LINES + ("第二条 乙方应按期向甲方交付储能变流器。\n\n第八条 乙方的网络安全承诺\n\n乙方承诺：\n\n（一）不借供货及运维服务之机，未经甲方书面同意收集、获取甲方及其"
                       "电力用户的数据；\n\n（二）不以任何方式擅自控制、操纵甲方的储能变流器及能量管理系统。\n")
    result = _result(text, "CSR02")
    assert str(result.verdict) == "satisfied", result.message
    assert "恒拓" in result.message and "临湖" not in result.message


def test_the_buyers_denied_consent_is_no_right() -> None:
    verdict, message = _verdict(ZH + "第九条 乙方不得在甲方未授权的情况下访问甲方用户数据。\n", "CSR02")
    assert verdict == "satisfied", message
    # the supplier's own 未同意 still refuses the review
    verdict, _ = _verdict(ZH + "第九条 乙方未同意配合甲方就本项目申报的网络安全审查。\n", "CSR01")
    assert verdict == "contradicted"


def test_a_party_inside_an_exception_is_not_the_subject() -> None:
    text = ZH + "第十条 乙方在本合同期限内，非因甲方严重违约、不可抗力或者法律禁止，不得停止供货或中断技术支持服务。\n"
    verdict, message = _verdict(text, "CSR04")
    assert verdict == "satisfied", message


@pytest.mark.parametrize(("clause", "expected"), [
    ("在本合同有效期内及合同设备停产后六年内，乙方应持续供应备品备件并提供必要的技术支持服务。", "satisfied"),
    ("在本水厂设计运营期（二十五年）内，乙方不得无正当理由中断设备、备品备件的供应及必要的技术支持服务。", "satisfied"),
    # discontinuation as a ground to stop stays a carve-out
    ("在本合同有效期内，乙方应持续供应备品备件并提供必要的技术支持服务，但产品停产的除外。", "weak"),
])
def test_a_period_that_outlasts_discontinuation_extends_the_duty(clause: str, expected: str) -> None:
    verdict, message = _verdict(ZH + "第十一条 " + clause + "\n", "CSR04")
    assert verdict == expected, message


@pytest.mark.parametrize(("clause", "expected"), [
    ("乙方不得利用驻场运维之机会，擅自取得甲方客户的资料。", "satisfied"),
    ("乙方不会藉供货及售后服务之便，在未经甲方书面同意下取得、保存或使用甲方用户的资料。", "satisfied"),
    # what the supplier obtained in service is the object of a right to use it
    ("乙方于运维期间取得之用户资料，乙方可自由利用并提供予其合作伙伴。", "contradicted"),
])
def test_obtaining_in_other_words(clause: str, expected: str) -> None:
    verdict, message = _verdict(ZH + "第九条 " + clause + "\n", "CSR02")
    assert verdict == expected, message


def test_data_of_the_company_or_its_users_in_a_letter() -> None:
    text = ("Letter of Undertaking\n\nTo: Eastmere Water Group Co., Ltd. (the \"Company\")\n\n"
            "As the supplier of the Company's telemetry system, we hereby undertake that we will not take advantage "
            "of our supply and services to obtain data of the Company or its users unlawfully.\n\n"
            "Undertaking party: Brightwell Instruments Limited\n")
    verdict, message = _verdict(text, "CSR02")
    assert verdict == "satisfied", message


@pytest.mark.parametrize(("clause", "expected"), [
    ("乙方应于合同期内提供不间断之系统运维及必要技术支持服务，并保证备品备件之供应。", "satisfied"),
    ("乙方应确保于合同期间持续提供零件、固件更新与技术支持，非有正当理由不得中止。", "satisfied"),
    # the supply alone is half of it
    ("乙方应保证备品备件之供应。", "weak"),
])
def test_supply_in_other_words(clause: str, expected: str) -> None:
    verdict, message = _verdict(ZH + "第十二条 " + clause + "\n", "CSR04")
    assert verdict == expected, message


def test_a_buyers_request_naming_the_supplier_by_its_first_word_is_no_undertaking() -> None:
    # "Veridian will not …" in the buyer's list of points to confirm: a short name read from the supplier's full
    # name would make the request its undertaking (the reply is what the supplier says)
    text = ("From: Buyer\n\nBefore we finalise, please confirm for the contract:\n\n(1) Corvell will not access or "
            "extract the Authority's operational data or passenger data through the support channel.\n\n"
            "From: Corvell Data Systems Limited\n\nOur standard data processing terms will apply.\n")
    verdict, _ = _verdict(text, "CSR02", ("Corvell Data Systems Limited",))
    assert verdict != "satisfied"


def test_an_items_own_anaphor_is_no_rider() -> None:
    text = ZH_LINES.replace("乙方：", "乙方（供应商）：") + (
        "第八条 安全承诺\n\n乙方承诺：\n\n（一）未经甲方书面同意，不收集、获取甲方及其用户的数据；\n\n"
        "（二）不在所供储能变流器及能量管理系统中设置未经甲方确认的远程控制通道，不以任何方式擅自控制、操纵上述设备。\n")
    verdict, message = _verdict(text, "CSR02")
    assert verdict == "satisfied", message


@pytest.mark.parametrize(("clause", "expected"), [
    ("乙方非经甲方书面核准，不得以任何方式连线、操作或变更甲方之主机及网络设备。", {"satisfied", "weak"}),
    # a user's operations are data, not an act on the equipment
    ("乙方可于履约期间收集甲方用户之操作纪录。", {"missing"}),
])
def test_operating_the_buyers_equipment(clause: str, expected: set[str]) -> None:
    verdict, message = _verdict(ZH + "第十三条 " + clause + "\n", "CSR03")
    assert verdict in expected, message
    if "连线" in clause:
        assert verdict != "missing"


def test_one_kind_of_processing_is_part_of_the_network_data_undertaking() -> None:
    text = ZH + ("第六条 数据\n\n6.1 乙方不得对甲方数据进行关联分析、交叉比对或者融合处理，但经甲方事先书面同意的除外。\n\n"
                 "6.2 乙方不得向任何第三方提供甲方数据。\n")
    result = _result(text, "ND02", packs=("network-data",))
    assert str(result.verdict) == "weak", result.message


@pytest.mark.parametrize(("clause", "expected"), [
    # a proviso after a semicolon is read with the sentence it excepts
    ("乙方不得获取甲方及其客户的数据；法律规定或者甲方书面同意的除外。", "satisfied"),
    ("乙方不得获取甲方及其客户的数据；甲方的经营数据除外。", "weak"),
    ("乙方不得获取甲方及其客户的数据；但乙方认为必要者，不在此限。", "weak"),
    # without lawful authority is a lawful basis, not a grant
    ("乙方不会在无合法授权下利用所供产品取得甲方或其客户之任何数据。", "satisfied"),
])
def test_provisos_and_lawful_bases(clause: str, expected: str) -> None:
    verdict, message = _verdict(ZH + "第十三条 " + clause + "\n", "CSR02")
    assert verdict == expected, message


def test_a_subject_coordinated_with_those_it_answers_for_binds_the_next_clause_too() -> None:
    text = ZH + "第十四条 未经甲方书面同意，乙方及其分包商不得获取甲方及其用户的数据，不得控制或操纵甲方及其用户的设备。\n"
    verdict, message = _verdict(text, "CSR03")
    assert verdict == "satisfied", message


def test_a_condition_opened_by_tang_names_the_topic() -> None:
    text = ZH + "第十五条 倘甲方就本合同之采购须接受网络安全审查，乙方须予以全面配合，包括按要求提交文件及解答查询。\n"
    verdict, message = _verdict(text, "CSR01")
    assert verdict == "satisfied", message


@pytest.mark.parametrize(("clause", "expected"), [
    ("乙方应持续供应合同设备，并提供三年技术支持服务。", "weak"),
    ("乙方应持续供应合同设备，并提供必要的技术支持服务。", "satisfied"),
])
def test_a_further_duty_with_a_period_of_its_own_is_not_read_through(clause: str, expected: str) -> None:
    verdict, message = _verdict(ZH + "第十六条 " + clause + "\n", "CSR04")
    assert verdict == expected, message


EN = ("This Agreement is made between Harbourside Water Authority (the \"Purchaser\") and Keystone Automation Ltd. "
      "(the \"Supplier\").\n\n")


@pytest.mark.parametrize(("ground", "expected"), [
    # the law of a named state other than the PRC, however the justification before it reads, is a carve-out
    ("where prohibited by law of the United States", "weak"),
    ("a legal prohibition in the United States", "weak"),
    ("a prohibition under laws and regulations of Germany", "weak"),
    ("a prohibition under laws and regulations", "satisfied"),
    ("where prohibited by the laws of the PRC", "satisfied"),
])
def test_foreign_law_is_no_justification_in_english(ground: str, expected: str) -> None:
    text = EN + ("5.1 The Supplier shall not interrupt the supply of the Products or necessary technical support, "
                 f"except in force majeure or {ground}.\n")
    verdict, message = _verdict(text, "CSR04")
    assert verdict == expected, message


@pytest.mark.parametrize(("ground", "expected"), [
    ("美国法律禁止", "weak"),
    ("日本之法令禁止", "weak"),
    ("中华人民共和国法律禁止", "satisfied"),
    ("法律禁止", "satisfied"),
    # Hong Kong, Macao and Taiwan contracts cite their own law as mainland ones do; read as before
    ("香港法律禁止", "satisfied"),
    ("中华民国法令禁止", "satisfied"),
])
def test_foreign_law_is_no_justification_in_chinese(ground: str, expected: str) -> None:
    text = ZH + f"第五条 除不可抗力或{ground}外，乙方不得中断产品供应和必要的技术支持服务。\n"
    verdict, message = _verdict(text, "CSR04")
    assert verdict == expected, message


@pytest.mark.parametrize(("clause", "expected"), [
    ("5.1 The Supplier shall not interrupt the supply of the Products or necessary technical support during the "
     "Product Life, except for force majeure.", "satisfied"),
    ("5.1 The Supplier shall not interrupt the supply of the Products or necessary technical support during the "
     "Warranty Period, except for force majeure.", "weak"),
])
def test_the_life_of_what_was_supplied(clause: str, expected: str) -> None:
    verdict, message = _verdict(EN + clause + "\n", "CSR04")
    assert verdict == expected, message


def test_a_nominal_duty_of_its_supplier_named_by_a_pronoun() -> None:
    verdict, message = _verdict(ZH + "第七条 乙方对网络安全审查的全面配合，是其在本合同项下的一项持续性义务。\n", "CSR01")
    assert verdict == "satisfied", message
    verdict, _ = _verdict(ZH + "第七条 乙方对网络安全审查的全面配合，是其在本合同项下的一项权利。\n", "CSR01")
    assert verdict != "satisfied"
