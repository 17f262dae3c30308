"""A clause of its own ending in 除外, and the competent authority of Hong Kong and Macau (issue 10, round 14).

"…，经甲方书面同意的临时维护除外。" and "…，不可抗力情形除外。" are exceptions like "除…外": judged by what they let
out (the buyer's consent, force majeure: justified; the supplier's own business reasons: a carve-out). They were
read only as a limitation word whose 除外 nobody accounted for, so every such promise was weak. "有权限当局" (the
competent authority) gives no one a right: its 有权 is not the modal. None of these texts is taken from the
evaluation corpora."""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.readers import read_document

PREAMBLE = "甲方（采购方）：澳门公共水务有限公司\n\n乙方（供应方）：濠镜系统工程有限公司\n\n"


def _verdict(clause: str, rule: str) -> tuple[str, str]:
    result = check_document(read_document((PREAMBLE + clause + "\n").encode("utf-8"), filename="c.txt")).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize(("clause", "rule", "expected"), [
    ("8.1 乙方不得以任何方式登录或控制甲方的设备，经甲方书面同意的临时维护除外。", "CSR03", "satisfied"),
    ("8.2 乙方保证在合同期内持续供应备件并提供技术支持服务，不可抗力情形除外。", "CSR04", "satisfied"),
    ("8.2 乙方保证在合同期内持续供应备件并提供技术支持服务，乙方经营调整情形除外。", "CSR04", "weak"),
    ("8.3 乙方不得收集甲方用户的数据，乙方认为必要的除外。", "CSR02", "weak"),
])
def test_a_trailing_exception_is_judged_by_what_it_lets_out(clause: str, rule: str, expected: str) -> None:
    verdict, message = _verdict(clause, rule)
    assert verdict == expected, message


def test_the_competent_authority_is_no_right() -> None:
    verdict, message = _verdict("一、乙方须配合甲方及有权限当局就本服务所进行的网络安全审查进程，包括按要求提交技术文档。", "CSR01")
    assert verdict == "satisfied", message
    verdict, message = _verdict("一、乙方有权随时停止供货。", "CSR04")
    assert verdict == "contradicted", message
