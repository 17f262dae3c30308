"""False-pass class of held-out part 58 (scored once with matcher-freeze-59; issue 10), fixed before the part is folded
in. The text is written here for the test in words of our own; none is taken from the held-out case.

- A tender-stage letter reproduced under an editor's bracketed heading ("[Tender-stage letter from X dated …]") that
  the contract's entire-agreement clause supersedes by name ("supersedes all prior … letters, undertakings and bids …
  including any letter given during the tender process") binds nobody (common.yaml ``unagreed_parts``).
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

LETTER = ('[Tender-stage letter from Kestrel Systems Ltd. dated 2 April 2025]\n\n"Kestrel undertakes that, if awarded the '
          'contract, it will cooperate with any cybersecurity review of the procurement."\n\n[Supply Agreement dated '
          '9 June 2025 between the Port Authority and Kestrel Systems Ltd. (the "Supplier")]\n\n3.1 The Supplier shall '
          'deliver the Equipment in accordance with Schedule 2.\n\n')


@pytest.mark.parametrize(("clause", "expected"), [
    ("30.1 This Agreement constitutes the entire agreement between the parties and supersedes all prior letters, "
     "undertakings and bids, including any letter given during the tender process.", "missing"),
    # without the supersession the letter is read (weak here: "Kestrel" is not the party label "Supplier")
    ("30.1 This Agreement constitutes the entire agreement between the parties.", "weak"),
])
def test_a_tender_letter_the_entire_agreement_clause_supersedes(clause: str, expected: str) -> None:
    assert _verdict(LETTER + clause, "CSR01") == expected
