"""Drafting classes read in round 15 (issue 10), each in wordings of its own, with the near wording that must stay
as it was.

- 可 inside 安全可控 / 自主可控 is no permission modal: "乙方应配合甲方开展安全可控评估和网络安全审查" is a duty.
- A heading on one side's duties about data ("乙方的数据与设备义务") does not make that side the owner of the data,
  and so the buyer.
- A cross-reference with the short title of the clause it names ("第十一条（不获取用户数据）", "Clause 11 (No Data
  Harvesting)") is a label: its 不 / No takes nothing back. A title with a qualifying word is still read.
- The review duty lasting "直至审查结论作出"; a product life stated in years ("设计寿命期（二十年）内"); an undertaking
  extended to every order ("适用于本协议项下的全部订单"); "五个营业日内".
- A clause deleted by an amendment ("删除原合同第7.3条", "Clause 7.3 is hereby deleted") holds no undertaking any
  more; a contradiction in it stays (a deletion misread can never make a contract pass).
- English lawful-basis and position wording: "without lawful authority or the Purchaser's prior written
  authorisation", "the opportunity afforded by supplying", "all information in its possession or control".
None of these texts is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.readers import read_document

ZH_PARTIES = "甲方：青岚城市轨道交通有限公司\n\n乙方：启衡信控技术有限公司\n\n"
ZH_ALIAS = ("启衡信控技术有限公司",)
EN_PARTIES = "Purchaser: Harbourline Port Operations Ltd.\n\nSupplier: Kestrel Automation Ltd.\n\n"
EN_ALIAS = ("Kestrel Automation Ltd.",)


def _verdict(text: str, rule: str, aliases: tuple[str, ...]) -> tuple[str, str]:
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    result = check_document(doc, supplier_aliases=aliases).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize("scope", ["安全可控评估和网络安全审查", "自主可控测评及网络安全审查"])
def test_ke_inside_a_compound_is_no_permission(scope: str) -> None:
    verdict, message = _verdict(ZH_PARTIES + f"10.1 乙方应配合甲方开展{scope}，并按审查机构要求提供相关材料。",
                                "CSR01", ZH_ALIAS)
    assert verdict != "missing", message


def test_a_heading_on_the_suppliers_data_duties_does_not_make_it_the_buyer() -> None:
    text = "第十三条 乙方的数据与设备义务\n\n13.2 乙方不得非法控制、操纵甲方网点的终端设备、服务器和网络。\n"
    verdict, message = _verdict(text, "CSR03", ())
    assert "buyer" not in message, message
    assert verdict == "weak", message  # 乙方 only presumed the supplier: fail closed


@pytest.mark.parametrize(("lang", "title", "expected"), [
    ("zh", "（不获取用户数据）", "satisfied"),
    ("zh", "（仅限测试设备）", "weak"),
    ("en", "(No Data Harvesting)", "satisfied"),
    ("en", "(Only Where Required)", "weak"),
])
def test_a_clause_title_in_a_cross_reference_is_a_label(lang: str, title: str, expected: str) -> None:
    if lang == "zh":
        text = ZH_PARTIES + ("第十一条 乙方及其关联公司不得利用提供产品的便利条件非法获取甲方及其用户的数据。\n\n"
                             f"第二十二条 乙方应促使其关联公司遵守本合同第十一条{title}的约定。\n")
        aliases = ZH_ALIAS
    else:
        text = EN_PARTIES + ("11. The Supplier shall not unlawfully obtain any data of the Purchaser or its users by "
                             "taking advantage of the supply of the Products.\n\n"
                             f"22. The Supplier shall procure that its Affiliates comply with Clause 11 {title}.\n")
        aliases = EN_ALIAS
    verdict, message = _verdict(text, "CSR02", aliases)
    assert verdict == expected, message


@pytest.mark.parametrize(("clause", "expected"), [
    ("甲方就本项目申报网络安全审查的，乙方应按照审查机构的要求如实提供材料，配合审查工作直至审查结论作出。", "satisfied"),
    ("甲方就本项目申报网络安全审查的，乙方应在收到通知后五个营业日内提交审查所需材料。", "satisfied"),
    ("甲方就本项目申报网络安全审查的，乙方应配合审查工作直至乙方认为必要时为止。", "weak"),
])
def test_review_durations_and_deadlines(clause: str, expected: str) -> None:
    verdict, message = _verdict(ZH_PARTIES + "9.1 " + clause + "\n", "CSR01", ZH_ALIAS)
    assert verdict == expected, message


@pytest.mark.parametrize(("period", "expected"), [
    ("在设备设计寿命期（二十年）内", "satisfied"),
    ("在设备使用年限（十年）内", "satisfied"),
    ("在质保期（一年）内", "weak"),
])
def test_a_product_life_stated_in_years(period: str, expected: str) -> None:
    clause = (f"6.1 乙方承诺{period}持续供应设备备件并提供必要的技术支持服务；除不可抗力、甲方严重违约经催告后三十日内"
              "未纠正外，乙方不得中断。\n")
    verdict, message = _verdict(ZH_PARTIES + clause, "CSR04", ZH_ALIAS)
    assert verdict == expected, message


@pytest.mark.parametrize(("rider", "expected"), [
    ("本协议第九条的承诺适用于本协议项下的全部订单。", "satisfied"),
    ("本协议第九条的承诺仅适用于本协议项下的首批订单。", "weak"),
])
def test_an_undertaking_extended_to_every_order(rider: str, expected: str) -> None:
    text = ZH_PARTIES + "第九条 乙方不得非法控制或者操纵甲方的设备、系统和网络。\n\n" + f"第十条 {rider}\n"
    verdict, message = _verdict(text, "CSR03", ZH_ALIAS)
    assert verdict == expected, message


@pytest.mark.parametrize("deletion", ["一、删除原合同第7.3条。", "一、原合同第7.3条（设备安全）予以删除。"])
def test_a_deleted_clause_holds_no_undertaking(deletion: str) -> None:
    text = ZH_PARTIES + "7.3 乙方不得未经甲方授权访问、控制或变更甲方的设备和系统配置。\n\n合同变更协议\n\n" \
        + f"经协商，双方同意：\n\n{deletion}\n"
    verdict, message = _verdict(text, "CSR03", ZH_ALIAS)
    assert verdict == "missing", message
    assert "7.3" in message, message  # the deleted clause is still cited, with the deletion


def test_a_deletion_is_read_only_on_a_whole_clause() -> None:
    # deleting data named in a clause deletes no clause
    text = ZH_PARTIES + "5.1 乙方不得非法获取甲方数据。\n\n第九条 合同终止后，乙方应删除第5条所述数据。\n"
    verdict, message = _verdict(text, "CSR02", ZH_ALIAS)
    assert verdict == "satisfied", message


def test_an_english_deletion_and_a_restatement() -> None:
    base = EN_PARTIES + "7.3 The Supplier shall not unlawfully control any equipment of the Purchaser.\n\nAMENDMENT No. 1\n\n"
    verdict, message = _verdict(base + "1. Clause 7.3 of the Agreement is hereby deleted.\n", "CSR03", EN_ALIAS)
    assert verdict == "missing", message
    restated = base + ("1. Clause 7.3 of the Agreement is hereby deleted and replaced with the following: The Supplier "
                       "shall not unlawfully control any equipment, system or network of the Purchaser.\n")
    verdict, message = _verdict(restated, "CSR03", EN_ALIAS)
    assert verdict == "satisfied", message


def test_a_deletion_never_removes_a_contradiction() -> None:
    text = EN_PARTIES + ("7.3 The Supplier shall not unlawfully control any equipment of the Purchaser.\n\n"
                         "8.1 The Supplier may remotely disable any Product at any time at its sole discretion.\n\n"
                         "AMENDMENT No. 1\n\n1. Clause 8.1 of the Agreement is hereby deleted.\n")
    verdict, message = _verdict(text, "CSR03", EN_ALIAS)
    assert verdict == "contradicted", message


@pytest.mark.parametrize(("clause", "rule"), [
    ("9.1 The Supplier shall not, without lawful authority or the Purchaser's prior written authorisation, control, "
     "manipulate or interfere with any equipment, system or network of the Purchaser or its users.", "CSR03"),
    ("9.2 The Supplier shall not use the opportunity afforded by supplying the Products to obtain unlawfully any data "
     "of the Purchaser or its users.", "CSR02"),
    ("9.3 If the Purchaser files this procurement for cybersecurity review, the Supplier shall cooperate with the "
     "review and provide all information in its possession or control that the reviewing authority requests.", "CSR01"),
])
def test_english_lawful_basis_and_position_wording(clause: str, rule: str) -> None:
    verdict, message = _verdict(EN_PARTIES + clause + "\n", rule, EN_ALIAS)
    assert verdict == "satisfied", message


# --- rights and roles read after heldout-14 was folded into dev ---

ZH_BANK = "甲方：栖霞农村商业银行股份有限公司\n\n乙方：启衡信控技术有限公司\n\n"


def test_the_subject_of_a_right_is_the_party_opening_its_clause() -> None:
    # no preamble says who supplies: the votes must not go to 甲方, who only consents
    text = ("第十四条 数据的使用\n\n14.1 甲方同意，乙方有权在服务期间收集、分析核心业务系统的运行日志及客户信息，用于乙方向"
            "其他客户提供的服务。\n\n15.1 乙方应按甲方要求提供外包服务相关资料。\n")
    from cliccheck.roles import find_roles
    roles = find_roles(read_document(text.encode("utf-8"), filename="case.txt"))
    assert "乙方" in roles.supplier.labels.get("zh", []), roles.supplier.labels
    verdict, message = _verdict(text, "CSR02", ())
    assert verdict == "contradicted", message


@pytest.mark.parametrize(("clause", "rule", "expected"), [
    ("7.1 乙方认为甲方可能超出许可范围使用软件的，有权通过许可管理模块远程停用相关功能模块。", "CSR03", "contradicted"),
    ("7.1 甲方超出许可范围使用软件的，乙方有权通过许可管理模块远程停用超出许可部分的功能模块。", "CSR03", "missing"),
    ("4.1 乙方保留根据经营需要调整供货计划、终止相关产品线的权利。", "CSR04", "contradicted"),
    ("4.1 乙方计划在合同期内持续供货并提供必要的技术支持服务。", "CSR04", "weak"),
    ("9.1 乙方在履行合同过程中获取的甲方数据，可由乙方及其关联方用于其业务发展和产品改进。", "CSR02", "contradicted"),
    ("9.1 乙方在履行合同过程中获取的甲方数据，可由甲方用于其业务发展。", "CSR02", "missing"),
    ("18.1 甲方申报网络安全审查的，乙方应向甲方提供产品彩页、公开技术白皮书等宣传资料。", "CSR01", "weak"),
])
def test_rights_reasons_and_trivial_help(clause: str, rule: str, expected: str) -> None:
    verdict, message = _verdict(ZH_BANK + clause + "\n", rule, ZH_ALIAS)
    assert verdict == expected, message


@pytest.mark.parametrize(("clause", "expected"), [
    ("10.1 The Supplier may, through the remote management function, download and install software updates, patches "
     "and parameter changes onto the Products at any time that it considers appropriate.", "contradicted"),
    ("14.2 The Supplier may access the Purchaser's control systems through the VPN gateway at any time, without notice "
     "to the Purchaser.", "contradicted"),
])
def test_english_rights_to_reach_the_equipment(clause: str, expected: str) -> None:
    verdict, message = _verdict(EN_PARTIES + clause + "\n", "CSR03", EN_ALIAS)
    assert verdict == expected, message
