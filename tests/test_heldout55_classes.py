"""False-pass classes of held-out part 55 and packs part 49 (scored once with matcher-freeze-56 / packs-freeze-49;
issues 10 and 15). Every text is written here for the test in words of our own; none is taken from the held-out
cases.

- "Industry practice" as the measure of a duty ("我方按行业惯例对联网单位数据进行管理", "在符合行业惯例的前提下") is the
  supplier's own reading, no standard the contract sets (common.yaml ``carve_outs``); in a bid response it qualifies
  the "完全响应" before it.
- Confidentiality "for the duration of this Agreement" or "while this Agreement remains in force" ends with the
  contract, as "during the term" already did (SEC02.yaml ``weakening``).
- A template's blank ("（二）处理期限：【 】；", "______") states no particular (PIPL21-01).
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：某市消防救援支队\n\n乙方（供应商）：某物联网技术有限公司\n\n"
PIPL = "甲方（委托方）：某移动通信有限公司\n\n乙方（受托方）：某通信代理有限公司\n\n"
EN = ('SOFTWARE SERVICES AGREEMENT between Harbour Securities Co., Ltd. (the "Customer") and Northwind Apps Ltd. '
      '(the "Provider").\n\n')


def test_industry_practice_as_the_measure_of_a_bid_answer_is_no_ban() -> None:
    text = ("投标文件 第六章 商务条款响应表（节选）\n\n序号 6.9 招标要求：供应商应承诺不非法获取用户数据。\n\n"
            "投标响应：完全响应。我方按行业惯例对联网单位数据进行管理。")
    assert _verdict(text, "CSR02") in ("weak", "missing")


@pytest.mark.parametrize(("clause", "expected"), [
    ("5.1 乙方应按照行业惯例，不利用提供产品和服务的便利条件非法获取用户数据。", "weak"),
    ("5.1 乙方不得利用提供产品和服务的便利条件非法获取用户数据。", "satisfied"),
])
def test_industry_practice_as_the_measure_of_a_duty(clause: str, expected: str) -> None:
    assert _verdict(ZH + clause, "CSR02") == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("15. The Provider shall keep Customer Information confidential for the duration of this Agreement.", "weak"),
    ("15. The Provider shall keep Customer Information confidential while this Agreement remains in force.", "weak"),
    ("15. The Provider shall keep Customer Information confidential during the term of this Agreement and for five "
     "years after its termination.", "satisfied"),
])
def test_confidentiality_that_ends_with_the_contract(clause: str, expected: str) -> None:
    assert _verdict(EN + clause, "SEC02", "security-agreement") == expected


PARTICULARS = ("第三条 委托处理事项\n\n（一）处理目的：代理办理入网登记；\n\n（二）处理期限：{period}；\n\n（三）处理方式：通过"
               "委托方业务系统录入；\n\n（四）个人信息种类：客户姓名、证件号码。")


@pytest.mark.parametrize(("period", "expected"), [
    ("【 】", "weak"), ("______", "weak"), ("[●]", "weak"), ("本协议有效期内", "satisfied"),
])
def test_a_templates_blank_states_no_particular(period: str, expected: str) -> None:
    assert _verdict(PIPL + PARTICULARS.format(period=period), "PIPL21-01", "pipl21") == expected

