"""The false-pass class of held-out part 28 (issue 10), fixed after the part was scored once with
matcher-freeze-29. Every text is written here for the test in words of our own; none is taken from the held-out cases.

A statement its writer introduces as the supplier's parent or shareholder ("本公司X系乙方的控股股东。本公司声明：…",
"We, X Holdings, are the parent company of the Supplier. We will not …") is that company's promise about its own
conduct, not the supplier's undertaking: neither the letter's first person nor the supplier named in the
introduction binds the supplier (common.yaml ``roles.related_authors``).
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

from cliccheck.matcher import check_document
from cliccheck.readers import read_document

PARENT_ZH = ("（采购合同第十九条）乙方应在签约时提交其母公司出具的安全声明。\n\n安全声明\n\n致：临川有线网络股份有限公司\n\n"
             "本公司Harlow Media Holdings Limited系临川视讯科技有限公司的母公司。本公司声明：本公司不会借子公司履约之便"
             "非法获取贵司数据，亦不会非法控制或操纵贵司的设备。\n\n声明人：Harlow Media Holdings Limited\n")
PARENT_EN = ("SIDE LETTER\n\nTo: Linchuan Cable Network Co., Ltd.\n\nWe, Harlow Media Holdings Limited, are the "
             "parent company of Linchuan Video Technology Co., Ltd. (the \"Supplier\"). We will not use the Supplier's "
             "supply of products to you to obtain your data unlawfully, and we will not unlawfully control or "
             "manipulate your head-end equipment.\n\nFor and on behalf of Harlow Media Holdings Limited\n")
OWN_ZH = ("网络安全承诺函\n\n致：临川有线网络股份有限公司\n\n本公司临川视讯科技有限公司系贵司前端设备项目的供应商，"
          "是Harlow Media集团的全资子公司。本公司承诺：本公司不会利用供货之便非法获取贵司数据，亦不会非法控制或操纵贵司的设备。"
          "\n\n承诺人：临川视讯科技有限公司（盖章）\n")


def _with_alias(text: str, rule: str, alias: str) -> str:
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    return str(check_document(doc, supplier_aliases=[alias]).requirement(rule).verdict)


@pytest.mark.parametrize("rule", ["CSR02", "CSR03"])
@pytest.mark.parametrize(("text", "alias"), [(PARENT_ZH, "临川视讯科技有限公司"),
                                             (PARENT_EN, "Linchuan Video Technology Co., Ltd.")])
def test_a_parents_own_statement_is_not_the_suppliers_undertaking(text: str, alias: str, rule: str) -> None:
    assert _verdict(text, rule) != "satisfied"
    assert _with_alias(text, rule, alias) != "satisfied"


@pytest.mark.parametrize("rule", ["CSR02", "CSR03"])
def test_the_suppliers_own_letter_that_names_its_group_still_binds_it(rule: str) -> None:
    assert _verdict(OWN_ZH, rule) == "satisfied"
    assert _with_alias(OWN_ZH, rule, "临川视讯科技有限公司") == "satisfied"
