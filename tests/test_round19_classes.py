"""Round 19 (issues 10 and 15): classes found on the pipl21 development corpus, each written here in wordings of its
own, with the near wording that must keep its verdict. None of these texts is taken from the evaluation corpora.

- The entrusted personal information goes by the name of the people it is about (参保人资料, passenger records):
  the pack's term ``personal-information`` names them once for all its rules.
- A return-or-delete duty is due when the entrustment ends: a promise that never names the end ("乙方不得留存会员
  照片") is weak, "not tied to the end of the entrustment", and so is one the end only opens to a request.
- The verb of a relative clause describes the object ("其因提供服务而保存的乘客信息"); the predicate after it is
  what the supplier is bound to do.
- A gerund after a determiner and before "of" is a noun ("any handling of passenger records"), the object of
  another verb, not a predicate.
- A sub-clause opening with the consent it needs ("未经甲方书面同意，乙方不得…转委托") is a provision of its own,
  and naming "本条项下的个人信息" in its object does not make it reach back.
"""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document

ZH = "甲方（委托方）：南湖城市医疗保障服务中心\n\n乙方（受托方）：青禾信息外包服务有限公司\n\n"
EN = ("This Agreement is made between Lakeside Transit Authority (the \"Authority\") and Brightpath Services Ltd. "
      "(the \"Vendor\").\n\n")


def _verdict(text: str, rule: str) -> tuple[str, str]:
    result = check_document(read_document(text.encode("utf-8"), filename="case.txt"),
                            library=load_packs(["pipl21"])).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize(("clause", "expected", "said"), [
    ("合同期满或者解除后十日内，乙方应当删除全部参保人资料，并向甲方出具书面删除说明。", "satisfied", ""),
    ("委托关系终止后，乙方应将其因提供服务而留存的全部参保人信息交还甲方，不得保留任何副本。", "satisfied", ""),
    ("乙方不得以复制、拍照等方式留存参保人照片。", "weak", "not tied to the end of the entrustment"),
    ("本合同终止后，经甲方书面要求，乙方应删除参保人资料。", "weak", ""),
])
def test_zh_return_or_delete_is_tied_to_the_end(clause: str, expected: str, said: str) -> None:
    verdict, message = _verdict(ZH + "第七条 个人信息\n\n" + clause + "\n", "PIPL21-04")
    assert verdict == expected, message
    assert said in message


@pytest.mark.parametrize(("clause", "expected"), [
    ("Within 20 days after this Agreement ends, the Vendor shall, at the Authority's option, return all passenger "
     "records to the Authority or delete them.", "satisfied"),
    ("The Vendor shall delete passenger records at the Authority's written request.", "weak"),
])
def test_en_return_or_delete_is_tied_to_the_end(clause: str, expected: str) -> None:
    verdict, message = _verdict(EN + "9. Personal information\n\n" + clause + "\n", "PIPL21-04")
    assert verdict == expected, message


def test_a_gerund_after_a_determiner_is_the_object_of_another_verb() -> None:
    clause = ("12.1 The Vendor may not assign or delegate any part of the Services, including any handling of "
              "passenger records, without the Authority's prior written consent.")
    verdict, message = _verdict(EN + clause + "\n", "PIPL21-03")
    assert verdict != "satisfied", message
    near = EN + "12.1 The Vendor shall not handle passenger records beyond the agreed purposes.\n"
    assert _verdict(near, "PIPL21-03")[0] == "satisfied"


def test_a_sub_entrustment_clause_opening_with_consent_is_its_own_provision() -> None:
    text = ZH + ("第七条 个人信息\n\n7.1 委托关系终止后十日内，乙方应删除全部参保人信息。\n\n"
                 "7.2 未经甲方书面同意，乙方不得将本条项下的个人信息处理事务转委托给任何第三方。\n")
    verdict, message = _verdict(text, "PIPL21-04")
    assert verdict == "satisfied", message
    # a proviso that reaches back still qualifies it
    rider = text + "\n7.3 上述删除义务以乙方内部数据保留政策为准。\n"
    assert _verdict(rider, "PIPL21-04")[0] == "weak"


def _pack_verdict(text: str, rule: str, pack: str) -> tuple[str, str]:
    result = check_document(read_document(text.encode("utf-8"), filename="case.txt"),
                            library=load_packs([pack])).requirement(rule)
    return str(result.verdict), result.message


PARTICULARS_ZH = ("第九条 个人信息委托处理\n\n"
                  "9.1 甲方委托乙方处理参保人的个人信息，仅用于医疗费用报销初审及回访。\n\n"
                  "9.2 委托处理的期限为本合同服务期，即自2026年1月1日起至2026年12月31日止。\n\n"
                  "9.3 乙方应当通过甲方提供的审核系统，以录入、核对和存储的方式处理上述个人信息。\n\n"
                  "9.4 委托处理的个人信息种类限于：参保人姓名、身份证号码、联系电话、就诊记录及费用票据。\n")


@pytest.mark.parametrize(("change", "expected", "said"), [
    (None, "satisfied", ""),
    (("即自2026年1月1日起至2026年12月31日止", "由双方另行约定"), "weak", "另行约定"),
    (("9.4 委托处理的个人信息种类限于：参保人姓名、身份证号码、联系电话、就诊记录及费用票据。\n", ""), "weak",
     "categories of personal information"),
])
def test_the_particulars_of_an_entrustment_are_read_across_its_clause(change: tuple[str, str] | None, expected: str,
                                                                      said: str) -> None:
    """Issue 15: purpose, period, method and categories stated each in a sub-clause of their own, whoever's sentence
    it is, set the entrustment; a deferral leaves the particular weak, and a missing one is named."""
    text = ZH + (PARTICULARS_ZH if change is None else PARTICULARS_ZH.replace(*change))
    verdict, message = _verdict(text, "PIPL21-01")
    assert verdict == expected, message
    assert said in message


def test_particulars_in_a_schedule_table_left_open_are_weak() -> None:
    table = ("Schedule 3 Processing details\n\n"
             "| Item | Details |\n| Purpose of processing | enrolment of season-ticket holders |\n"
             "| Duration of processing | indefinitely |\n| Nature of processing | collection, storage and printing |\n"
             "| Categories of personal data | names, addresses and photographs |\n")
    verdict, message = _verdict(EN + table, "PIPL21-01")
    assert verdict == "weak" and "indefinitely" in message, message
    verdict, message = _verdict(EN + table.replace("indefinitely", "the term of this Agreement"), "PIPL21-01")
    assert verdict == "satisfied", message


def test_the_operators_right_to_audit_alone_is_weak_not_missing() -> None:
    text = ZH + "第十条 监督\n\n甲方有权对乙方处理参保人信息的情况进行现场检查。\n"
    verdict, message = _verdict(text, "PIPL21-06")
    assert verdict == "weak" and "operator's right" in message, message
    cooperating = text + "\n乙方应当配合甲方的现场检查，并如实提供所需资料。\n"
    assert _verdict(cooperating, "PIPL21-06")[0] == "satisfied"


ND_ZH = "甲方：东川市轨道交通集团有限公司\n\n乙方（服务商）：云岫数据运营有限公司\n\n第八条 数据安全\n\n"


@pytest.mark.parametrize(("clause", "expected", "said"), [
    ("8.1 未经甲方书面同意，乙方不得查阅、下载、保存、使用甲方网络数据，不得泄露或者向任何第三方提供甲方网络数据。",
     "satisfied", ""),
    ("8.1 未经甲方书面同意，乙方不得查阅、下载或保存甲方网络数据。", "weak", "but not use, leak, provide to others"),
])
def test_the_six_acts_of_art_16_are_counted_across_the_clause(clause: str, expected: str, said: str) -> None:
    verdict, message = _pack_verdict(ND_ZH + clause + "\n", "ND02", "network-data")
    assert verdict == expected, message
    assert said in message


@pytest.mark.parametrize(("period", "expected"), [
    ("保密期限为本合同有效期。", "weak"),
    ("保密义务随本合同终止而终止。", "weak"),
    ("本条约定在本合同终止后继续有效。", "satisfied"),
])
def test_confidentiality_ending_with_the_contract_is_weak(period: str, expected: str) -> None:
    """Issue 15: the operator's information named by its kind ("甲方客户资料", "贵行交易数据") is what SEC02 protects;
    a duty of confidentiality that ends with the contract leaves the secrets unprotected after it."""
    text = ND_ZH.replace("第八条 数据安全", "第十条 保密") + "乙方对履行本合同过程中获悉的甲方客户资料承担保密义务。" + period + "\n"
    verdict, message = _pack_verdict(text, "SEC02", "security-agreement")
    assert verdict == expected, message
