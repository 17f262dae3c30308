"""False-pass classes found in the session of 2026-12-07 (fourth), around held-out part 49 and packs part 43
(issues 10 and 15). Every text is written here for the test in words of our own; none is taken from the held-out
cases.

- The supplier side's own leave as the bound of a duty ("在乙方母公司许可的范围内配合…审查", "以原厂总部授权的范围为
  限") is no lawful basis: the supplier's group decides how far the duty reaches (common.yaml ``carve_outs``).
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：某市燃气集团有限公司\n\n乙方（供应商）：某管网监测技术有限公司\n\n"


@pytest.mark.parametrize("bound, expected", [
    ("在乙方书面同意的范围内", "weak"),
    ("在乙方母公司许可的范围内", "weak"),
    ("在其母公司授权范围内", "weak"),
    ("以原厂总部授权的范围为限", "weak"),
    ("在甲方书面同意的范围内", "satisfied"),
])
def test_the_suppliers_own_leave_bounding_its_cooperation(bound: str, expected: str) -> None:
    text = ZH + f"第五条 乙方承诺：{bound}，配合甲方开展网络安全审查，及时提供审查所需的材料。\n"
    assert _verdict(text, "CSR01") == expected
