"""False-pass classes of held-out part 58 (scored once with matcher-freeze-59; issue 10), fixed before the part is
folded in. Every text is written here for the test in words of our own; none is taken from the held-out cases.

- A tender-stage letter reproduced under an editor's bracketed heading ("[Tender-stage letter from X dated …]") that
  the contract's entire-agreement clause supersedes by name ("supersedes all prior … letters, undertakings and bids …
  including any letter given during the tender process") binds nobody (common.yaml ``unagreed_parts``).
- A promise not to stop supplying "licences, Releases or Updates" keeps the software current, not the maintenance and
  troubleshooting CSR04 names: updates alone stand for the support only in part (CSR04 ``part_objects``, unless the
  sentence names the support in other words, ``support_words``) - the same fail-closed reading as the security
  agreement's patches (tests/test_heldout57_classes.py). No development label turned on it.
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


EN = ('LICENCE AGREEMENT between Eastport Shipping Co., Ltd. (the "Licensee") and Halvard Marine Software Ltd. '
      '(the "Licensor").\n\n')


@pytest.mark.parametrize(("clause", "expected"), [
    ("9.1 The Licensor will not without justifiable reason cease to supply licences, licence keys, Releases or Updates "
     "for the Software.", "weak"),
    ("9.1 The Licensor will not without justifiable reason cease to supply licences, Updates or maintenance and "
     "support services for the Software.", "satisfied"),
])
def test_updates_alone_are_not_the_support(clause: str, expected: str) -> None:
    assert _verdict(EN + clause, "CSR04") == expected
