"""Rule tests as data (tests/data/rule_cases.yaml), run by one generic test."""

from __future__ import annotations

import pytest
from _helpers import RULE_CASES, contract, verdict_of


@pytest.mark.parametrize("case", RULE_CASES["cases"], ids=lambda c: f"{c['rule']}-{c['lang']}-{c['expect']}-{c['text'][:30]}")
def test_rule_case(case: dict) -> None:
    assert verdict_of(contract(case["text"], case["lang"]), case["rule"]) == case["expect"]
