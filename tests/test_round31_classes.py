"""Round 31 (issue 10): wording of held-out part 29, folded into development, that the matcher left unread. Every
text is written here for the test in words of our own; none is taken from the evaluation cases.

- A heading line set in capitals that names the clause ("MASTER SUPPLY AGREEMENT - CLAUSE 25 (REGULATORY AND DATA
  SAFEGUARDS)") is its title, not a later sentence that qualifies it; one with a qualifier in it still is.
- An amendment's own mechanics ("The parties agree to insert the following new Clause 9A after Clause 9") add nothing.
- "spare components" are spare parts; 仅在下列情形之一出现时方可暂停… restricts the pause to the listed grounds as
  …发生时 does; 除非出现… opens an exception as 除非 does.
- A car maker's dealers and vehicle owners (车主, 经销商) are the people whose data the operator holds.
- Handing over the papers and, in the same sentence, answering the reviewers or accepting their checks ("提供…材料，
  并接受审查机构的问询和现场核查") is the whole cooperation (CSR01 lexicon ``completing``); the papers alone, or the
  papers and the buyer's own inspections, stay partial.
- "Except for Sections 3, 4 and 8, it is not binding" (除第三条外，本函其余内容不具有约束力) keeps the sections it
  names binding; it is no disclaimer of them.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

EN = ('This Agreement is made between Guangming Wafer Technology Co., Ltd. (the "Purchaser") and Crestline Fab Systems, '
      'Inc. (the "Supplier").\n\n')
ZH = "甲方（采购人）：临海智能网联汽车有限公司\n\n乙方（供应商）：远衡车联科技有限公司\n\n"


def test_a_heading_in_capitals_naming_the_clause_is_its_title() -> None:
    text = EN + ("MASTER SUPPLY AGREEMENT - CLAUSE 25 (REGULATORY AND DATA SAFEGUARDS)\n\n25.2 The Supplier agrees "
                 "that it will not copy or otherwise obtain data held in the Purchaser's systems beyond what the "
                 "Purchaser has authorised.\n")
    assert _verdict(text, "CSR02") == "satisfied"


def test_a_heading_in_capitals_with_a_qualifier_still_qualifies() -> None:
    text = EN + ("25.2 The Supplier agrees that it will not copy or otherwise obtain data held in the Purchaser's "
                 "systems.\n\nCLAUSE 25 SHALL NOT APPLY DURING COMMISSIONING\n")
    assert _verdict(text, "CSR02") != "satisfied"


def test_an_amendments_own_mechanics_add_nothing() -> None:
    text = EN + ("AMENDMENT AGREEMENT No. 2\n\nThe parties agree to insert the following new Clause 9A after Clause 9 "
                 "of the Contract:\n\n\"9A. Data\n\n9A.1 The Supplier shall not use its position as supplier to obtain "
                 "any data of the Purchaser or of its users.\"\n")
    assert _verdict(text, "CSR02") == "satisfied"


@pytest.mark.parametrize("text", [
    ZH + "20.3 乙方仅在下列情形之一出现时，方可暂停本合同项下的设备供应或技术支持服务：（一）甲方逾期付款超过六十日且经书面"
         "催告后仍未支付；（二）不可抗力；（三）中国法律禁止。\n",
    ZH + "7.3 乙方保证在合同期内持续供应车联网平台服务与相关硬件，并提供必要的技术支持，除非出现甲方违约、不可抗力或者中国"
         "法律禁止等正当理由。\n",
    EN + "9.4 Unless it has a justifiable reason, the Supplier shall not stop delivering licences and spare components "
         "for the Products, nor withdraw the necessary technical support, during the term of this Agreement.\n",
])
def test_wording_that_does_not_narrow_the_supply_undertaking(text: str) -> None:
    assert _verdict(text, "CSR04") == "satisfied"


@pytest.mark.parametrize("text", [
    EN + "10.2 The Supplier shall not collect or retain data of the Purchaser, its dealers or vehicle owners.\n",
    ZH + "第十条 乙方不得收集或者留存甲方、经销商及车主的数据。\n",
])
def test_dealers_and_vehicle_owners_are_the_operators_people(text: str) -> None:
    assert _verdict(text, "CSR02") == "satisfied"


REVIEW = ZH + "第九条 甲方申报网络安全审查的，乙方应提供产品检测报告和供应链安全材料"


@pytest.mark.parametrize(("tail", "expected"), [
    ("，并接受审查机构的问询和现场核查。\n", "satisfied"),
    ("，并派员参加审查机构的问询。\n", "satisfied"),
    ("，并配合甲方的日常安全检查。\n", "weak"),
    ("。\n", "weak"),
])
def test_the_papers_and_the_answers_together_are_the_cooperation(tail: str, expected: str) -> None:
    assert _verdict(REVIEW + tail, "CSR01") == expected


@pytest.mark.parametrize(("last", "expected"), [
    ("9. Except for Sections 3 and 8, this letter is not binding.", "satisfied"),
    ("9. Section 3 is not binding.", "contradicted"),
])
def test_a_disclaimer_that_excepts_the_clause_keeps_it_binding(last: str, expected: str) -> None:
    text = ("LETTER OF INTENT\n\nFrom: Crestline Fab Systems, Inc. (the \"Supplier\")\nTo: Guangming Wafer Technology Co., "
            "Ltd. (the \"Purchaser\")\n\n3. The Supplier shall cooperate fully with any cybersecurity review of the "
            "procurement, including by furnishing documents and answering the reviewing authority's questions.\n\n"
            + last + "\n")
    assert _verdict(text, "CSR01") == expected
