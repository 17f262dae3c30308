"""The false-pass classes of held-out part 45 and packs part 39 (issues 10 and 15), fixed after they were scored once
with matcher-freeze-46 / packs-freeze-39. Every text is written here for the test in words of our own; none is
taken from the held-out cases.

- A period named after the work done in it ("于维护期间", "during the Support Period") is no object: "乙方于维护期间应
  持续供应备品" promises spare parts, not maintenance (CSR04 partial).
- A manufacturer writing to the distributor of its products ("本公司为贵公司所代理…之原厂", "We are the manufacturer
  of the controllers you distribute") binds itself, not the supplier (common.yaml ``related_authors``).
- (network-data) What the data yields left to the supplier's own holdings ("比对结果可由乙方用于完善其数据资源库")
  contradicts ND02.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：某证券股份有限公司\n\n乙方（供应商）：某信息系统有限公司\n\n"
EN = 'Buyer: Xiling Securities Co., Ltd. (the "Buyer"). Supplier: Kestrel Trading Systems Ltd. (the "Supplier")\n\n'


@pytest.mark.parametrize("text", [
    ZH + "第十三条 乙方于维护期间应持续供应备品，不得无正当理由停止。\n",
    EN + "13. During the Support Period the Supplier shall not, without justifiable reason, interrupt the supply of "
         "spare parts.\n",
])
def test_a_period_named_after_the_work_is_no_support(text: str) -> None:
    assert _verdict(text, "CSR04") == "weak"


def test_support_itself_still_counts() -> None:
    text = ZH + "第十三条 乙方无正当理由不得中断备品供应和维护服务。\n"
    assert _verdict(text, "CSR04") == "satisfied"


@pytest.mark.parametrize("text", [
    "原厂支援声明函\n\n致：亚光国际股份有限公司\n\n本公司Lumora Systems Inc.为贵公司所代理智慧路灯控制器之原厂。本公司确认将于该产品"
    "生命周期内持续供应控制器予贵公司，无正当理由不中断技术支持。\n\nLumora Systems Inc.\n",
    "LETTER OF SUPPORT\n\nTo: Asia Light Trading Ltd.\n\nWe, Lumora Systems Inc., are the manufacturer of the street "
    "light controllers you distribute. We shall not, without justifiable reason, interrupt the supply of the "
    "controllers or necessary technical support.\n\nLumora Systems Inc.\n",
])
def test_a_manufacturers_letter_to_its_distributor_binds_no_supplier(text: str) -> None:
    assert _verdict(text, "CSR04") != "satisfied"


def test_what_the_data_yields_kept_by_the_supplier_contradicts_nd02() -> None:
    text = ("甲方（委托方）：某省医疗保障局\n\n乙方（受托方）：某数据技术有限公司\n\n8.1 未经甲方同意，乙方不得访问、获取、留存、使用、泄露"
            "或者向他人提供甲方网络数据。\n\n8.2 比对结果可由乙方用于完善其数据资源库。\n")
    assert _verdict(text, "ND02", pack="network-data") == "contradicted"
