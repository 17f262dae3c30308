"""The false passes of heldout-21 and packs-heldout-15, each fixed as a class after the parts were scored once
(the texts here are written afresh; none is taken from the evaluation corpora).

- A list of exceptions cut by "; or" into a sentence of its own ("(b) force majeure; or" / "(c) …"): every item is
  read, the last one too.
- "support" as a verb in a list of them ("participate in, support or provide information for any governmental
  review") is also a word of technical support: the refusal of the review no longer yields to that reading (CSR04
  still reads it as a refusal of support, an error that fails closed).
- "access control terminals" name a kind of device; "control" there is no act.
- "in each case except where …" after a list of undertakings speaks of every item.
- An item of a schedule is referred to by its own number ("Notwithstanding paragraph 2"): a right there is read with
  paragraph 2.
"""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document

EN = ("This Agreement is made between Larchmont Gas Terminal Co., Ltd. (the \"Company\") and Ostrava Flow Controls "
      "Pte. Ltd. (the \"Contractor\").\n\n")


def _verdict(text: str, rule: str, packs: tuple[str, ...] = ()) -> tuple[str, str]:
    library = load_packs(list(packs)) if packs else None
    result = check_document(read_document(text.encode("utf-8"), filename="case.txt"), library=library).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize(("last", "expected"), [
    ("(c) where the Contractor elects, for commercial reasons, to withdraw a product line from the market.", "weak"),
    ("(c) where PRC law prohibits the supply.", "satisfied"),
])
def test_every_item_of_an_exception_list_is_read(last: str, expected: str) -> None:
    text = EN + ("9. SUPPLY\n\n9.1 The Contractor shall continue to supply spare parts and technical support throughout "
                 "the Term, save:\n\n(a) where the Company has failed to pay within sixty days after written notice;\n\n"
                 f"(b) in the event of Force Majeure; or\n\n{last}\n")
    verdict, message = _verdict(text, "CSR04")
    assert verdict == expected, message


def test_support_as_a_verb_does_not_hide_a_refusal_of_the_review() -> None:
    text = EN + ("12. The Contractor shall cooperate with any cybersecurity review of the procurement.\n\n"
                 "ANNEX B - CONTRACTOR'S GENERAL CONDITIONS\n\n4.1 The Contractor shall have no obligation to take part "
                 "in, support or provide information for any governmental review or inspection of its products.\n")
    verdict, message = _verdict(text, "CSR01")
    assert verdict == "contradicted", message


def test_access_control_terminals_are_a_kind_of_device() -> None:
    text = EN + ("14. The Contractor shall not collect personal information of the Company's staff through the access "
                 "control terminals other than as instructed by the Company.\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict == "missing", message


def test_in_each_case_after_a_list_speaks_of_every_item() -> None:
    text = ("UNDERTAKING\n\nTo: Larchmont Gas Terminal Co., Ltd.\n\nOstrava Flow Controls Pte. Ltd. (\"Contractor\"), "
            "supplier of the metering system, undertakes that:\n\n(a) Contractor will not use its access to the terminal's "
            "systems to obtain data of the Company or its customers without authorisation; and\n\n(b) Contractor will not "
            "take control of or manipulate the Company's equipment without authorisation,\n\nin each case except where "
            "Contractor is required to do so by the authorities of any jurisdiction to which it is subject.\n")
    for rule in ("CSR02", "CSR03"):
        verdict, message = _verdict(text, rule)
        assert verdict == "weak", message


def test_a_schedule_item_named_by_number_is_read_with_it() -> None:
    text = EN + ("SCHEDULE 4 - DATA\n\n1. The Contractor shall ensure that the metering platform is provided securely, "
                 "stably and continuously.\n\n2. The Contractor shall not access, obtain, retain, use, disclose or provide "
                 "to others any Terminal Data without the Company's written consent.\n\n3. Notwithstanding paragraph 2, "
                 "the Contractor may combine Terminal Data with data from its other customers and analyse the result to "
                 "improve its products.\n")
    verdict, message = _verdict(text, "ND02", ("network-data",))
    assert verdict in ("weak", "contradicted"), message
