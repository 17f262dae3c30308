"""False-pass classes of held-out part 53 and packs part 47 (scored once with matcher-freeze-54 / packs-freeze-47;
issues 10 and 15), and a false-weak class found beside them. Every text is written here for the test in words of our
own; none is taken from the held-out cases.

- The law where the supplier or its parent sits, in English ("except as required by applicable law, including the
  laws of the jurisdiction of the Provider's parent company", "the laws to which its parent company is subject"),
  is a carve-out, as 所在司法辖区 is (common.yaml ``carve_outs``).
- A firm duty naming only parts of technical support ("乙方应在获知漏洞后七日内提供补丁") does not lift a hedge the
  contract puts on the support itself ("系统上线后，乙方将在商业合理范围内提供技术支持"): SEC03.yaml ``part_objects``.
- A ground the contract forbids the supplier to rely on ("…提供技术支持，不得以停产为由停止服务") is no carve-out: the
  words name what the supplier may not invoke (frames.yaml ``forbidden_reasons``). It had made full lifetime support
  weak, and with the rule above it would have spread to the patch duties beside it.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：某市航站楼运营有限公司\n\n乙方（供应商）：某行李系统工程有限公司\n\n"
EN = ('MASTER SERVICES AGREEMENT between Eastport Depository Co., Ltd. (the "Customer") and Lattice Settlement '
      'Systems Ltd. (the "Provider").\n\n')


@pytest.mark.parametrize(("clause", "rule", "pack"), [
    ("7.1 The Provider shall not use the convenience of providing the Services to illegally obtain user data, except "
     "as required by applicable law, including the laws of the jurisdiction of the Provider's parent company.",
     "CSR02", None),
    ("7.1 The Provider shall not illegally control or manipulate the Customer's equipment, save as required by the "
     "laws to which its ultimate parent company is subject.", "CSR03", None),
    ("7.1 The Provider shall not illegally obtain user data, except as required by the laws of the jurisdiction in "
     "which the Provider is incorporated.", "CSR02", None),
    ("8.1 Without the Customer's consent, the Provider shall not access, obtain, retain, use, leak or provide to "
     "others the Customer's network data, except as required by applicable law, including the laws of the country "
     "where its parent company is established.", "ND02", "network-data"),
])
def test_the_law_of_the_suppliers_or_its_parents_seat_is_a_carve_out(clause: str, rule: str, pack: str | None) -> None:
    assert _verdict(EN + clause, rule, pack) == "weak"


@pytest.mark.parametrize(("clause", "rule", "pack"), [
    ("7.1 The Provider shall not illegally obtain user data, except as required by applicable law.", "CSR02", None),
    ("7.1 The Provider shall not illegally control or manipulate the Customer's equipment.", "CSR03", None),
])
def test_applicable_law_alone_stays_a_lawful_basis(clause: str, rule: str, pack: str | None) -> None:
    assert _verdict(EN + clause, rule, pack) == "satisfied"


PATCHES_ZH = "5.2 乙方应建立漏洞响应机制，在获知漏洞后二十四小时内通知甲方，并在七日内提供补丁。"
PATCHES_EN = "5.2 The Provider shall supply security patches within seven days after a vulnerability becomes known."


@pytest.mark.parametrize("text", [
    ZH + PATCHES_ZH + "\n\n第七条 技术支持 系统上线后，乙方将在商业合理范围内提供技术支持。",
    ZH + PATCHES_ZH + "\n\n第七条 技术支持 乙方将尽力提供技术支持。",
    EN + PATCHES_EN + "\n\n7.1 The Provider will use commercially reasonable efforts to provide technical support.",
])
def test_a_firm_patch_duty_does_not_lift_a_hedge_on_the_support_itself(text: str) -> None:
    assert _verdict(text, "SEC03", "security-agreement") == "weak"


@pytest.mark.parametrize("text", [
    # (patches for vulnerabilities alone are partial support since packs part 51: tests/test_heldout57_classes.py)
    ZH + PATCHES_ZH + "\n\n第七条 技术支持 乙方应在合同期内提供维护和故障排除服务。",
    # a firm duty on the whole beside the hedge: the maintenance is promised outright
    ZH + "5.2 乙方应在合同期内提供维护、故障排除和安全补丁服务。\n\n第七条 乙方将在商业合理范围内提供技术支持。",
])
def test_a_firm_patch_duty_stands_where_nothing_hedges_the_support(text: str) -> None:
    assert _verdict(text, "SEC03", "security-agreement") == "satisfied"


@pytest.mark.parametrize(("clause", "rule", "pack"), [
    ("5. 乙方应当在产品全生命周期内（自终验之日起不少于十年）提供技术支持，不得以停产为由停止服务。", "SEC03",
     "security-agreement"),
    ("5. 乙方不得无正当理由中断产品供应和技术支持，不得以产品停产、转产为由停止供货。", "CSR04", None),
    ("5.1 The Provider shall not interrupt the supply of the Products or technical support without justifiable reason, "
     "and shall not rely on the discontinuation of a product line as a reason to cease support.", "CSR04", None),
])
def test_a_ground_the_supplier_may_not_invoke_is_no_carve_out(clause: str, rule: str, pack: str | None) -> None:
    assert _verdict((EN if clause.isascii() else ZH) + clause, rule, pack) == "satisfied"


def test_the_same_ground_without_the_negation_stays_a_carve_out() -> None:
    clause = "5. 乙方应当在产品全生命周期内提供技术支持，但乙方以停产为由停止服务的，应提前六个月通知甲方。"
    assert _verdict(ZH + clause, "SEC03", "security-agreement") == "weak"
