"""The false-pass classes of held-out part 39 (issue 10), fixed after it was scored once with matcher-freeze-40 (packs
part 33 gave none). Every text is written here for the test in words of our own; none is taken from the held-out
cases.

- What a tender says the winning bidder must promise in the contract to come ("中标人须在合同中承诺：…"), and what a
  statement the buyer asks a supplier to sign must contain ("切结内容包括：…"), are nobody's undertakings.
- Draft terms in a part of a negotiation document marked "for negotiation" bind nobody.
- A paragraph right after the undertaking that points back at it ("（二）不受前款限制，…得停止一切供應") is read with it
  even where no clause number stands above either.
- A ban on control through one kind of device supplied, named back ("不会通过该等终端非法控制…"), leaves control
  through the rest open.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方：江临市排水管理处\n\n乙方：华衡智能仪表股份有限公司\n\n"

TENDER = ("江临市排水管理处智慧排水平台采购项目\n\n招标文件 第三章 采购需求（节选）\n\n3.1 交货期为合同签订后九十日内。\n\n"
          "3.6 网络安全要求\n\n（一）采购人将依法申报网络安全审查。\n\n（二）中标人须在合同中承诺：配合网络安全审查；不利用提供产品和服务"
          "的便利条件非法获取用户数据；不非法控制和操纵用户设备；无正当理由不中断产品供应或者必要的技术支持服务。\n\n"
          "（三）投标人应在投标文件中提交加盖公章的承诺函。\n")
LETTER = ("江临市排水管理处 函\n\n受文者：华衡智能仪表股份有限公司\n\n主旨：请贵公司于文到十日内签署网络安全切结书并送本处。\n\n说明：\n\n"
          "一、切结内容包括：配合本处或主管机关办理之网络安全审查；不利用履约之便非法取得本处及用户之资料；不以不法方式控制或"
          "操纵本处设备。\n\n二、逾期未送者，本处将暂停付款。\n")


@pytest.mark.parametrize("rule", ["CSR01", "CSR02", "CSR03", "CSR04"])
def test_what_the_winning_bidder_must_promise_in_the_contract_is_no_promise(rule: str) -> None:
    assert _verdict(TENDER, rule) == "missing"


@pytest.mark.parametrize("rule", ["CSR01", "CSR02", "CSR03"])
def test_what_a_statement_to_be_signed_must_contain_is_no_promise(rule: str) -> None:
    assert _verdict(LETTER, rule) == "missing"


def test_draft_terms_for_negotiation_bind_nobody() -> None:
    text = ("QINGLAN AIRLINES - COMPETITIVE NEGOTIATION DOCUMENT\n\nPart 1. Invitation. Qinglan Airlines invites qualified "
            "suppliers to negotiate for its crew scheduling system.\n\nPart 4. Key Contract Terms (for negotiation).\n\n"
            "4.1 The Supplier shall cooperate with any cybersecurity review of the procurement and shall provide the "
            "materials requested.\n\nPart 5. Submission. Proposals shall be delivered by 10:00 on 3 June.\n")
    assert _verdict(text, "CSR01") == "missing"


def test_the_next_paragraph_pointing_back_is_read_with_the_undertaking() -> None:
    text = ("（一）廠商不得無正當理由中斷產品供應及技術支援。\n\n（二）不受前款限制，廠商於其公告之產品停售日後，得停止一切供應"
            "及技術支援。\n")
    assert _verdict(text, "CSR04") != "satisfied"


def test_a_ban_through_one_kind_of_device_supplied_is_partial() -> None:
    text = ZH + ("第一条 合同标的包括：泵站控制柜八套、液位监测终端三十台及集中监控平台软件一套。\n\n第九条 乙方不会通过该等终端"
                 "非法控制或者操纵甲方的设备和网络。\n")
    assert _verdict(text, "CSR03") == "weak"
