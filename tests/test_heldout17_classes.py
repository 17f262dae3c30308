"""False-pass classes found by heldout-17 and packs-heldout-11 (issues 10 and 15, round 17), each written here in
wordings of its own, with the near wording that must keep its verdict.

- A letter that disowns its own force in a sentence of its own ("This letter records our present intentions. It is
  not intended to create legally binding obligations", 本函不具有法律约束力): its promises are intentions.
- A buyer's policy or letter that demands the undertakings of its suppliers ("应当在合同条款中要求供应商：（一）…",
  "将于契约中要求厂商：…", addressed to 各得标厂商): the list's numbers and the demand are no party's name, and the
  document has no supplier party.
- An undertaking that excepts what an earlier provision of its clause allows ("The Vendor shall not otherwise collect
  …", 除前款约定的情形外): the earlier provision's carve-out (foreign law, the supplier's discretion) qualifies it.
- (pipl21) A ban on engaging another processor to carry out the processing is the sub-entrustment duty, not a promise
  to stay within the agreed processing.
None of these texts is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document

LETTER = ("LETTER OF UNDERTAKING\n\nTo: Northvale Rail Transit Co., Ltd.\nFrom: Ardmore Signalling Ltd.\n\n"
          "1. We will cooperate with the cybersecurity review of this procurement and provide the information the "
          "reviewing authority requires.\n\n2. We will not take control of or manipulate your equipment or networks "
          "without your written authorisation.\n\n")


def _verdict(text: str, rule: str, aliases: tuple[str, ...] = (), pack: str | None = None) -> tuple[str, str]:
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    library = load_packs([pack]) if pack else None
    result = check_document(doc, supplier_aliases=aliases, library=library).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize(("closing", "expected"), [
    ("This letter sets out our present intentions. It is not intended to create legally binding obligations.", "weak"),
    ("This letter forms part of the Supply Contract and binds us until the end of its term.", "satisfied"),
])
def test_a_letter_that_disowns_its_force_in_a_sentence_of_its_own(closing: str, expected: str) -> None:
    verdict, message = _verdict(LETTER + closing + "\n", "CSR03", ("Ardmore Signalling Ltd.",))
    assert verdict == expected, message


def test_a_chinese_letter_that_says_it_binds_no_one() -> None:
    text = ("网络安全承诺函\n\n致：东港热力集团有限公司\n\n我公司承诺：不对贵公司的设备和网络实施非法控制或者操纵。\n\n"
            "本函仅为我公司的合作意向，不具有法律约束力。\n\n澄江自控技术有限公司\n")
    verdict, message = _verdict(text, "CSR03", ("澄江自控技术有限公司",))
    assert verdict == "weak", message


@pytest.mark.parametrize("text", [
    ("东港热力集团有限公司信息化采购管理规定\n\n第九条 采购部门应当在合同条款中要求供应商：（一）配合网络安全审查；（二）不得"
     "对本公司设备实施非法控制；（三）无正当理由不得中断产品供应和必要的技术支持。\n"),
    ("東港熱力股份有限公司 函\n\n受文者：各得標廠商\n\n主旨：請配合辦理資通安全事項。\n\n說明：本公司將於契約中要求廠商："
     "不得遠端控制本公司設備；不得無故中斷產品供應與技術支援。\n"),
])
def test_a_buyers_demand_of_its_suppliers_is_no_suppliers_undertaking(text: str) -> None:
    for rule in ("CSR03", "CSR04"):
        verdict, message = _verdict(text, rule)
        assert verdict == "missing", message


def test_a_party_line_in_a_title_still_names_the_supplier() -> None:
    text = ("雲端服務條款（服務供應商：恒遠雲端服務（香港）有限公司）\n\n"
            "4.2 服務供應商可隨時暫停或終止任何服務功能，毋須事先通知客戶。\n")
    verdict, message = _verdict(text, "CSR04")
    assert verdict == "contradicted", message


@pytest.mark.parametrize(("earlier", "expected"), [
    ("9.1 The Vendor shall use Customer Data only to provide the Services, except as required by the laws of any "
     "jurisdiction to which it is subject.", "weak"),
    ("9.1 Customer Data remains the property of the Customer.", "satisfied"),
])
def test_an_undertaking_excepting_an_earlier_provision_takes_its_carve_out(earlier: str, expected: str) -> None:
    text = ("Customer: Kestrel Water Authority\n\nVendor: Brightwell Telemetry Ltd.\n\n9. Customer Data\n\n"
            + earlier + "\n\n9.2 The Vendor shall not otherwise access, collect or use any Customer Data.\n")
    verdict, message = _verdict(text, "CSR02", ("Brightwell Telemetry Ltd.",))
    assert verdict == expected, message


def test_a_chinese_undertaking_excepting_the_previous_paragraph() -> None:
    text = ("甲方：东港热力集团有限公司\n\n乙方：澄江自控技术有限公司\n\n第十条 数据\n\n10.1 乙方依其注册地法律或者境外法律须"
            "提供数据的，可向有关机构提供甲方数据。\n\n10.2 除前款约定的情形外，乙方不得利用提供产品和服务的便利获取甲方及其用户的数据。\n")
    verdict, message = _verdict(text, "CSR02", ("澄江自控技术有限公司",))
    assert verdict == "weak", message


@pytest.mark.parametrize(("clause", "rule", "expected"), [
    ("7.1 The Processor shall not engage another processor (including any of its affiliates) to carry out any "
     "processing of Controller Personal Data without the Controller's prior written authorisation.",
     "PIPL21-03", "missing"),
    ("7.1 The Processor shall not engage another processor (including any of its affiliates) to carry out any "
     "processing of Controller Personal Data without the Controller's prior written authorisation.",
     "PIPL21-05", "satisfied"),
])
def test_engaging_another_processor_is_sub_entrustment_not_processing(clause: str, rule: str, expected: str) -> None:
    text = ("Controller: Kestrel Water Authority\n\nProcessor: Brightwell Telemetry Ltd.\n\n" + clause + "\n")
    verdict, message = _verdict(text, rule, ("Brightwell Telemetry Ltd.",), pack="pipl21")
    assert verdict == expected, message
