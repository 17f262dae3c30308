"""The false-pass classes of held-out part 46 and packs part 40 (issues 10 and 15), fixed after they were scored once
with matcher-freeze-47 / packs-freeze-40, and the development classes mended in the same round. Every text is
written here for the test in words of our own; none is taken from the held-out cases.

False passes:
- A buyer's own rule on what its documents must demand ("应在采购文件和合同中要求供应商：…（二）承诺不…") is a
  requirement on documents, not an undertaking (common.yaml ``required_contents``).
- A bid's deviation line after the answer ("投标响应：…" / "偏离说明：负偏离。") qualifies the requirement the answer
  responds to, as a deviation written in the answer itself does.
- A device named by what it does, right after a supplying verb ("停止向甲方供应PLC控制软件"), is no act of control.
- A lead-in that measures every item by the supplier's own policies ("to the extent consistent with X's global
  policies as amended from time to time:") leaves every item weak (frames.yaml ``riders.limitation``).

Development classes (the verdict was missing or weak where the clause plainly said more):
- A hedge right after a right ("有权视需要随时停止", "可酌情宣布停产") qualifies no duty: the right governs.
- The Taiwan and Hong Kong bare 得 after the party or a comma is "may" ("廠商於通知後，得停止供應").
- The right a grant leads into is the grantee's ("甲方同意乙方于期满后，得保存…").
- A bracket restating how long a period runs ("在本合同有效期（五年）内") adds nothing to the period.
- The position the supplier may not exploit, named in five words ("use the opportunity afforded by supplying the
  radars to") is the statute's own slot.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：某省高速公路运营有限公司\n\n乙方（供应商）：某交通电子有限公司\n\n"
ZHT = "甲方（採購人）：某電力股份有限公司\n\n乙方（供應商）：某電表科技股份有限公司\n\n"
EN = 'Buyer: Haixi Port Authority (the "Authority"). Supplier: Tern Marine Systems Ltd. (the "Supplier")\n\n'


def test_a_buyers_rule_on_what_its_contracts_demand_binds_no_supplier() -> None:
    text = ("关于加强供应商网络安全管理的工作要求\n\n4.1 采购部门应在关键系统的采购文件和合同中要求供应商：（一）配合网络安全审查；"
            "（二）承诺不利用提供产品的便利条件非法获取用户数据；（三）不非法控制用户设备。\n\n4.2 信息中心负责审核合同条款。\n")
    for rid in ("CSR01", "CSR02", "CSR03"):
        assert _verdict(text, rid) != "satisfied", rid


def test_a_contract_that_itself_requires_the_supplier_still_binds_it() -> None:
    text = ZH + "第八条 乙方承诺不利用提供产品和服务的便利条件非法获取用户数据。\n"
    assert _verdict(text, "CSR02") == "satisfied"


@pytest.mark.parametrize("deviation, expected", [("偏离说明：负偏离。", "weak"), ("偏离说明：无偏离。", "satisfied")])
def test_a_deviation_line_after_the_answer_qualifies_the_requirement(deviation: str, expected: str) -> None:
    text = ("投标文件 商务条款响应表\n\n投标人：某网络设备有限公司\n\n★5 招标要求：投标人承诺配合网络安全审查。\n"
            f"投标响应：我方将予以配合。\n{deviation}\n")
    assert _verdict(text, "CSR01", aliases=("某网络设备有限公司",)) == expected


def test_a_control_device_after_a_supplying_verb_is_no_control() -> None:
    text = ("甲方（采购人）：某物流有限公司\n\n乙方（供应商）：某自动化有限公司\n\n第9条 在本合同有效期及立体仓库系统设计使用寿命内，"
            "乙方不得无正当理由停止向甲方供应AGVS控制软件及备品备件，或中断必要的技术支持服务。\n")
    assert _verdict(text, "CSR03") == "missing"


@pytest.mark.parametrize("pack, rid", [(None, "CSR03"), (None, "CSR01"), ("network-data", "ND02")])
def test_a_lead_in_measured_by_the_suppliers_policies_weakens_every_item(pack: str | None, rid: str) -> None:
    text = ("COMMITMENT LETTER\n\nTo: Haixi Port Authority\n\nTern Marine Systems Ltd. (the \"Supplier\") confirms that, "
            "to the extent consistent with the Tern group's worldwide policies as amended from time to time:\n\n"
            "1. the Supplier will cooperate with any cybersecurity review of the VTS procurement;\n\n"
            "2. the Supplier will not access, obtain, retain, use, leak or provide to others your network data "
            "without your consent; and\n\n"
            "3. the Supplier will not control or manipulate your radar stations or networks.\n")
    assert _verdict(text, rid, pack=pack) == "weak"


@pytest.mark.parametrize("text", [
    ZH + "第十一条 乙方有权视需要随时停止供货及技术支持。\n",
    ZH + "第十一条 乙方可酌情宣布任何产品停产，届时其供应和技术支持义务即告终止。\n",
])
def test_a_hedge_right_after_a_right_leaves_the_right(text: str) -> None:
    assert _verdict(text, "CSR04") == "contradicted"


def test_a_hedged_duty_stays_weak() -> None:
    assert _verdict(ZH + "第十一条 乙方应尽量配合网络安全审查。\n", "CSR01") == "weak"


def test_the_taiwan_bare_de_is_a_right() -> None:
    text = ZHT + "第二十條 乙方於六十日前通知甲方後，得停止本案電表之供應及技術支援。\n"
    assert _verdict(text, "CSR04") == "contradicted"


def test_de_in_other_words_is_no_right() -> None:
    text = ZHT + "第二十條 乙方得到甲方書面同意後，方可遠端登入甲方系統。乙方不得非法控制甲方設備。\n"
    assert _verdict(text, "CSR03") == "satisfied"


def test_the_right_a_grant_leads_into_is_the_grantees() -> None:
    for may in ("可", "得"):
        text = ZH + f"第七条 甲方同意乙方于合同期满后，{may}保存并利用其因履约取得的用户通行数据。\n"
        assert _verdict(text, "CSR02") == "contradicted", may


@pytest.mark.parametrize("period, expected", [("本合同有效期（五年）", "satisfied"), ("质保期（一年）", "weak")])
def test_a_bracket_restating_a_period_adds_nothing(period: str, expected: str) -> None:
    text = ZH + f"第十条 在{period}内，乙方应持续供应备品备件并提供技术支持，无正当理由不得中断。\n"
    assert _verdict(text, "CSR04") == expected


def test_the_position_named_in_five_words() -> None:
    text = EN + ("9. The Supplier will not use the opportunity afforded by supplying the radars to obtain, by any "
                 "unlawful means, any data of the Authority or of the Authority's users.\n")
    assert _verdict(text, "CSR02") == "satisfied"


@pytest.mark.parametrize("deviation, expected", [("偏离情况：无偏离。", "satisfied"), ("偏离：无。", "satisfied"),
                                                 ("偏离情况：有偏离。", "weak")])
def test_a_deviation_line_in_the_answers_paragraph(deviation: str, expected: str) -> None:
    text = ("投标文件 商务条款偏离表\n\n投标人：某网络设备有限公司\n\n招标文件第4.1项：配合网络安全审查。\n"
            f"投标响应：投标人承诺，采购人申报网络安全审查的，投标人将按要求提供全部资料并配合审查。{deviation}\n\n"
            "投标人确认，本投标文件经采购人接受后构成合同的组成部分。\n")
    assert _verdict(text, "CSR01", aliases=("某网络设备有限公司",)) == expected
