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


# The review of this round's change (a helper probing its own texts through the code and matcher-freeze-40) found these.

LONG = ("甲方：江临市排水管理处\n\n乙方：华衡智能仪表股份有限公司\n\n第一条 合同标的\n\n乙方向甲方供应泵站监控系统的服务器、交换机、"
        "液位监测终端及配套软件，并负责安装调试、系统集成和培训，具体规格和数量见附件一。\n\n第二条 价款与支付\n\n合同总价为"
        "人民币贰佰捌拾万元整，含税、运输、安装及培训费用。甲方在到货验收合格后支付合同总价的百分之六十，终验合格后支付百分之"
        "三十，质保期满后支付百分之十。\n\n第三条 网络安全\n\n乙方承诺配合网络安全审查。乙方不得利用提供产品和服务的便利条件非法"
        "获取用户数据，不得非法控制和操纵用户设备，无正当理由不得中断产品供应或者必要的技术支持服务。\n\n第四条 验收与质保\n\n"
        "设备到货后，甲方在十个工作日内组织开箱检验；系统连续试运行三十日无重大故障的，甲方出具终验证书。质保期为终验合格之日起"
        "三年，质保期内乙方免费更换损坏的部件，并在接到报修后四小时内到达现场。\n\n第五条 违约责任\n\n乙方逾期交货的，每逾期一日"
        "按逾期部分货款的千分之五支付违约金；逾期超过三十日的，甲方有权解除合同。\n\n第六条 争议解决\n\n因本合同引起的争议，双方"
        "协商解决；协商不成的，提交甲方所在地人民法院诉讼解决。\n\n")


@pytest.mark.parametrize("text", [
    ("JIANGLIN DRAINAGE AUTHORITY - INVITATION TO TENDER\n\n3.6 The contract to be signed with the successful tenderer "
     "shall contain undertakings by the supplier that it will cooperate with any cybersecurity review; and that it will "
     "not interrupt product supply or necessary technical support without justifiable reason.\n"),
    ("NORTHSHORE GAS CO., LTD.\n\n2. Every supply agreement for metering systems must include undertakings by the "
     "supplier, in these words. The supplier shall cooperate with any cybersecurity review.\n"),
    "招标文件（节选）\n\n3.6 中标人须在合同中作出如下承诺：配合网络安全审查；无正当理由不中断产品供应或者必要的技术支持服务。\n",
    "QINGLAN AIRLINES\n\nPart 4. Key Contract Terms (to be negotiated).\n\n4.1 The Supplier shall cooperate with any cybersecurity review.\n",
], ids=["one-contract", "after-a-full-stop", "ru-xia", "to-be-negotiated"])
def test_what_a_document_to_come_must_say_in_other_words(text: str) -> None:
    assert _verdict(text, "CSR01") == "missing"


@pytest.mark.parametrize("rider", ["Rider: Clause Three shall not apply.", "Rider: Articles 3 and 4 shall not apply.",
                                   "Rider: The cybersecurity clause shall not apply to the Supplier."])
def test_riders_naming_the_clause_in_other_ways(rider: str) -> None:
    assert _verdict(LONG + rider + "\n", "CSR01", None, ["乙方", "Supplier"]) != "satisfied"


@pytest.mark.parametrize("deletion", ["第七条 第三条视为未约定。", "第七条 乙方在第三条项下的承诺予以撤回。"])
def test_deletions_in_other_words(deletion: str) -> None:
    assert _verdict(LONG + deletion + "\n", "CSR01", None, ["乙方"]) == "missing"


def test_a_right_to_give_the_data_to_others_elsewhere_contradicts_confidentiality() -> None:
    text = (ZH + "第八条 保密\n\n乙方对甲方数据负有保密义务，不得泄露。\n\n第九条 付款\n\n甲方按季度支付服务费。\n\n第十五条 数据使用\n\n"
            "乙方可向他人提供履约中获取的甲方数据。\n")
    assert _verdict(text, "SEC02", "security-agreement", ["乙方"]) == "contradicted"


def test_technical_and_management_measures_named_only_by_their_end() -> None:
    text = ZH + "第一条 乙方应采取必要的技术措施和管理措施，保障甲方网络和信息系统安全。\n"
    assert _verdict(text, "SEC01", "security-agreement", ["乙方"]) == "weak"


def test_a_ban_through_such_cameras_is_partial() -> None:
    text = ZH + "第二条 乙方不会通过该等摄像头非法控制或者操纵甲方的设备和网络。\n"
    assert _verdict(text, "CSR03", None, ["乙方"]) == "weak"
