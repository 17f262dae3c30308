"""Development round 28 (issue 10), after matcher-freeze-28 was scored: the classes found on the development corpus
for the next freeze. Every text is written here for the test; none is taken from a case.

- An exception for an instrument the buyer itself issues, opens or raises ("a permit-to-work issued by the
  Employer", "a support session opened by the Customer") is the buyer's consent, as "as the Employer instructs in
  writing" is; the same instrument issued by the supplier is a carve-out.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

EN = ('This Contract is made between Northport Water Authority (the "Employer") and Helix Systems Ltd. (the '
      '"Contractor").\n\n')


@pytest.mark.parametrize("instrument, verdict", [
    ("a written permit-to-work issued by the Employer", "satisfied"),
    ("a support session opened by the Employer", "satisfied"),
    ("a work order issued by the Contractor", "weak"),
])
def test_an_instrument_the_buyer_issues_is_its_consent(instrument: str, verdict: str) -> None:
    text = EN + ("9.1 The Contractor shall not access, control or alter any equipment, system or network of the Employer "
                 f"other than in accordance with {instrument}.\n")
    assert _verdict(text, "CSR03") == verdict


def test_in_the_suppliers_own_letter_you_is_the_buyer_whose_consent_excepts() -> None:
    letter = ("LETTER OF UNDERTAKING\n\nTo: Northport Water Authority\n\nWe, Helix Systems Ltd., undertake that we shall "
              "not access, control or alter any equipment, system or network of yours except as you authorise in "
              "writing.\n\nFor Helix Systems Ltd.\n")
    assert _verdict(letter, "CSR03") == "satisfied"
    ours = letter.replace("as you authorise", "as we consider necessary")
    assert _verdict(ours, "CSR03") == "weak"


@pytest.mark.parametrize("agent, verdict", [
    ("the Engineer", "satisfied"),
    ("the Contractor's Representative", "weak"),
])
def test_the_employers_engineer_acts_for_the_buyer(agent: str, verdict: str) -> None:
    text = EN + ("9.2 The Contractor shall not access, control or alter any equipment, system or network of the Employer "
                 f"except as instructed in writing by {agent}.\n")
    assert _verdict(text, "CSR03") == verdict
