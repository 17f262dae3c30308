"""The false passes of heldout-22 and packs-heldout-16, each fixed as a class after the parts were scored once
(the texts here are written afresh; none is taken from the evaluation corpora).

- "For the duration of the Migration Project, the Supplier shall not collect …": a phase of the contract, which may
  end before it, limits the prohibition. "duration" is no harmless word of the contract's own; "for the duration of
  this Agreement" and "for the duration of a Force Majeure Event" (how long a justified pause lasts) still are.
- The buyer granting the supplier a right in the same breath ("甲方同意乙方通过远程运维通道持续收集…并传输至乙方境外
  总部") is read with the undertakings of its clause, as "乙方可…" would be.
"""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document

EN = "Purchaser: Harrowgate Hospital Authority\n\nSupplier: Kestrel Imaging Limited\n\n"
ZH = "甲方（采购人）：北岭水电开发有限公司\n\n乙方（供应商）：华衡监测技术有限公司\n\n"


def _verdict(text: str, rule: str, packs: tuple[str, ...] = ()) -> tuple[str, str]:
    library = load_packs(list(packs)) if packs else None
    result = check_document(read_document(text.encode("utf-8"), filename="case.txt"), library=library).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize(("opening", "expected"), [
    ("For the duration of the Rollout Phase, the Supplier", "weak"),
    ("For the duration of the Imaging Upgrade Project, the Supplier", "weak"),
    ("For the duration of this Agreement, the Supplier", "satisfied"),
    ("The Supplier", "satisfied"),
])
def test_a_prohibition_limited_to_a_phase_is_weak(opening: str, expected: str) -> None:
    text = EN + (f"6.2 {opening} shall not collect, copy or retain any studies or other Purchaser Data except as "
                 "approved in writing by the Purchaser.\n")
    verdict, message = _verdict(text, "CSR02")
    assert verdict == expected, message


def test_a_justified_pause_may_last_for_the_duration_of_its_event() -> None:
    text = EN + ("9.1 The Supplier shall not suspend the supply of the Products or technical support, save for the "
                 "duration of a Force Majeure Event.\n")
    verdict, message = _verdict(text, "CSR04")
    assert verdict == "satisfied", message


@pytest.mark.parametrize(("grant", "expected"), [
    ("9.2 为优化设备性能，甲方同意乙方通过远程诊断通道持续采集机组运行数据并传输至乙方境外母公司的服务器保存和使用。", ("weak", "contradicted")),
    ("9.2 甲方应当于每季度末向乙方书面提供机组运行情况说明。", ("satisfied",)),
])
def test_the_buyers_grant_of_a_right_is_read_with_the_confidentiality_promise(grant: str, expected: tuple[str, ...]) -> None:
    # (the data as a whole: one named kind alone, 甲方的机组运行数据, is only part of what the supplier learns)
    text = ZH + "第九条 数据\n\n9.1 乙方应对甲方的数据保密。\n\n" + grant + "\n"
    verdict, message = _verdict(text, "SEC02", ("security-agreement",))
    assert verdict in expected, message
