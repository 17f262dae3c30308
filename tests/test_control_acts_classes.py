"""CSR03 recall class from development (issue 10, seventh 2026-12-07 session). Texts are our own.

Running the buyer's equipment with its owner named after it ("operate or alter any controller … of the Authority")
and sending commands into it ("issue any command to … the SCADA system") are ways of controlling it, not one narrow
act: a ban on them covers the undertaking. A ban on altering alone stays partial.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

EN = 'SUPPLY AGREEMENT between Westlake Water Authority (the "Authority") and Corvane Controls Ltd. (the "Supplier").\n\n'


@pytest.mark.parametrize(("clause", "expected"), [
    ("9.1 The Supplier shall not, without the Authority's prior written consent, access, operate or alter any "
     "controller, server, workstation or network device of the Authority, whether on site or remotely.", "satisfied"),
    ("9.1 The Supplier shall not issue any command to, or alter the configuration of, the Authority's SCADA system, "
     "pumping stations or networks without the Authority's prior written consent.", "satisfied"),
    ("9.1 The Supplier shall not alter the configuration of the Authority's SCADA system without the Authority's prior "
     "written consent.", "weak"),
])
def test_operating_and_commanding_the_buyers_equipment_is_control(clause: str, expected: str) -> None:
    assert _verdict(EN + clause, "CSR03") == expected
