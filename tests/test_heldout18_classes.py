"""The false-pass classes of held-out part 18 (issue 10), each fixed as a class and written here in wordings of
its own, with the near wording that must keep its verdict. Each of these tests fails on matcher-freeze-19.

- A sentence that opens with a back-reference ("上述承诺的履行以…为准", "The foregoing …") points back at what came
  before it even when nothing precedes the reference: it had been taken for the sentence's own clause label.
- An exception for the law or the authorities of whichever state asks ("其他国家或地区的法律", "a regulator in any
  jurisdiction") is a carve-out, not a prohibition by PRC law.
- A defined justification ("Permitted Cause") whose definition ends "or (c) any other reason the Supplier considers
  …": the last item, after its "or", is read with the undertaking too.
- Boilerplate that only extends an undertaking (in force from signing, binding on successors, applying equally to
  subcontractors) stays harmless once such later sentences are read.
None of these texts is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest
from _helpers import verdict_and_message as _verdict

#: the parties of each test contract, by language: the preamble and the supplier's name
PARTIES = {"zh": ("甲方：西岭供电有限公司\n\n乙方：鹤川电力自动化有限公司\n\n", ("鹤川电力自动化有限公司",)),
           "en": ("This Contract is made between Eastvale Power Grid Co., Ltd. (the \"Purchaser\") and Torrent Relay "
                  "Systems Ltd. (the \"Supplier\").\n\n", ("Torrent Relay Systems Ltd.",))}


@pytest.mark.parametrize(("closing", "expected"), [
    ("上述承诺的履行以乙方集团不时修订的全球合规政策为准。", "weak"),
    ("上述承诺在本合同终止后继续有效。", "satisfied"),
])
def test_a_closing_sentence_opening_with_a_back_reference_is_read_with_the_list(closing: str, expected: str) -> None:
    parties, aliases = PARTIES["zh"]
    text = parties + ("第十二条 安全承诺\n\n乙方承诺：（一）配合甲方开展网络安全审查；（二）不利用提供产品和服务的便利非法获取"
                      "甲方数据；（三）无正当理由不中断产品供应和技术支持服务。" + closing + "\n")
    for rule in ("CSR01", "CSR02", "CSR04"):
        verdict, message = _verdict(text, rule, aliases)
        assert verdict == expected, (rule, message)


@pytest.mark.parametrize(("lang", "clause", "accepted"), [
    ("zh", "12.1 乙方不得非法获取甲方的数据，但乙方为遵从其他司法辖区的法律或者政府要求而调取甲方数据的除外。", ("weak",)),
    ("zh", "12.1 乙方不得非法获取甲方的数据，但中华人民共和国法律另有规定的除外。", ("satisfied",)),
    ("en", "12.1 The Supplier shall not access or use the Purchaser's data other than to perform this Contract, "
           "provided that nothing in this Contract shall prevent the Supplier from accessing or using such data to "
           "comply with a request of any government or regulator in any jurisdiction.", ("weak", "contradicted")),
])
def test_an_exception_for_the_law_of_whichever_state_asks_is_a_carve_out(lang: str, clause: str,
                                                                          accepted: tuple[str, ...]) -> None:
    parties, aliases = PARTIES[lang]
    verdict, message = _verdict(parties + clause + "\n", "CSR02", aliases)
    assert verdict in accepted, message


@pytest.mark.parametrize(("last_item", "expected"), [
    ("; or (c) any other reason which the Supplier reasonably considers to be commercially justified.", "weak"),
    ("; or (c) a prohibition under PRC law.", "satisfied"),
])
def test_the_last_item_of_a_defined_justification_is_read(last_item: str, expected: str) -> None:
    parties, aliases = PARTIES["en"]
    text = parties + ("1. Definitions\n\n\"Permitted Cause\" means (a) the Purchaser's failure to pay an undisputed "
                      "amount within forty-five days after written notice; (b) Force Majeure" + last_item + "\n\n"
                      "11. Continuity\n\n11.1 The Supplier shall not suspend the supply of the Products or the "
                      "technical support services without Permitted Cause.\n")
    verdict, message = _verdict(text, "CSR04", aliases)
    assert verdict == expected, message


@pytest.mark.parametrize(("lang", "undertaking", "closing"), [
    ("zh", "乙方承诺不利用提供产品和服务的便利非法获取甲方数据。", "上述承诺自本合同签订之日起生效，对乙方及其分包单位具有约束力。"),
    ("en", "The Supplier undertakes not to use its supply of the Products to obtain the Purchaser's data unlawfully.",
     "This undertaking binds the Supplier and its successors and applies equally to its subcontractors."),
])
def test_boilerplate_that_only_extends_the_undertaking_stays_harmless(lang: str, undertaking: str,
                                                                       closing: str) -> None:
    parties, aliases = PARTIES[lang]
    verdict, message = _verdict(parties + undertaking + "\n\n" + closing + "\n", "CSR02", aliases)
    assert verdict == "satisfied", message


def test_a_reference_by_number_after_the_sentence_s_own_number_points_back() -> None:
    """"12.2 Clause 12.1 does not apply …": the sub-clause's own number comes first, so the reference is one."""
    parties, aliases = PARTIES["en"]
    text = parties + ("12. Data\n\n12.1 The Supplier shall not use its supply of the Products to obtain the Purchaser's "
                      "data unlawfully.\n\n12.2 Clause 12.1 does not apply to data the Supplier considers necessary "
                      "for its own product improvement.\n")
    verdict, message = _verdict(text, "CSR02", aliases)
    assert verdict != "satisfied", message
