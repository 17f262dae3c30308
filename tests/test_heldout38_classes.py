"""The false-pass classes of held-out part 38 and packs part 32 (issues 10 and 15), fixed after the parts were scored
once with matcher-freeze-39 / packs-freeze-32, and the rider languages reworked in the same round. Every text is
written here for the test in words of our own; none is taken from the held-out cases.

- A buyer's notice saying what supplier contracts must contain ("shall contain undertakings by the supplier that it
  will …; that it will not …") gives no undertaking, whoever it names.
- A Seller sells goods: its services cannot stand in for the product supply a contract never names.
- Packs: "采取必要措施，保障…安全" is no security duty in particular (SEC01 weak); a right beside a confidentiality
  promise to hand what was learnt to other customers is read with it (SEC02); the rest of an item after its "；" is
  read with the item's undertaking even under a lead-in ("(b) … shall delete …; profiles … may be retained").
- A few binding sentences in the other language are riders: what they say on a requirement counts (a language clause
  does not set it aside), and where they say nothing the contract's own version decides.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

EN = ('This Agreement is made between Donghai Bulk Terminal Co., Ltd. (the "Buyer") and Kestrel Conveyor Systems Pty '
      'Ltd (the "Seller").\n\n')
ZH = "甲方：江临市燃气集团有限公司\n\n乙方：华衡智能仪表股份有限公司\n\n"


def _with_aliases(text: str, rule: str, aliases: list[str], pack: str | None = None) -> str:
    return _verdict(text, rule, pack, aliases)


NOTICE_EN = ("NORTHSHORE GAS CO., LTD.\n\nCircular No. NG-2025-08\n\nTo: All suppliers of network products and services "
             "for the Harbour Loop Pipeline Project\n\nSubject: What supplier contracts must say on cybersecurity\n\n"
             "1. The Company operates critical information infrastructure.\n\n"
             "2. Every supply agreement for metering and pipeline control systems must include undertakings by the "
             "supplier that it will cooperate with any cybersecurity review; that it will not use its position to "
             "obtain user data unlawfully or to control users' equipment unlawfully; and that it will not interrupt "
             "product supply or necessary technical support without justifiable reason.\n")
NOTICE_ZH = ("江临市燃气集团有限公司\n\n关于供应商合同网络安全条款的通知\n\n致：本集团管网监控项目全体供应商\n\n"
             "一、凡与本集团签订的供货合同，均须载明供应商的下列承诺：配合网络安全审查；不利用提供产品和服务的便利条件"
             "非法获取用户数据；不非法控制和操纵用户设备；无正当理由不中断产品供应或者必要的技术支持服务。\n")


@pytest.mark.parametrize("rule", ["CSR01", "CSR02", "CSR03", "CSR04"])
@pytest.mark.parametrize("text", [NOTICE_EN, NOTICE_ZH], ids=["en", "zh"])
def test_what_contracts_must_contain_is_no_undertaking(text: str, rule: str) -> None:
    assert _verdict(text, rule) == "missing"


def test_a_sellers_services_do_not_stand_in_for_the_goods_it_sells() -> None:
    text = EN + ("12.3 The Seller shall not interrupt the Remote Monitoring Service or the technical support without "
                 "justifiable reason.\n")
    assert _verdict(text, "CSR04") == "weak"


def test_a_services_contract_still_lets_its_services_stand_for_supply() -> None:
    text = ('This Agreement is made between Donghai Bulk Terminal Co., Ltd. (the "Customer") and Kestrel Monitoring '
            'Ltd (the "Provider").\n\n12.3 The Provider shall not interrupt the Services or the technical support '
            "without justifiable reason.\n")
    assert _verdict(text, "CSR04") == "satisfied"


def test_necessary_measures_named_only_by_their_end_are_weak() -> None:
    text = ZH + "第一条 乙方应采取必要措施，保障甲方网络和信息系统安全。\n"
    assert _with_aliases(text, "SEC01", ["乙方"], "security-agreement") == "weak"
    concrete = ZH + "第一条 乙方应采取必要措施，保障甲方网络和信息系统安全，并在发现安全漏洞后二十四小时内修复。\n"
    assert _with_aliases(concrete, "SEC01", ["乙方"], "security-agreement") == "satisfied"


def test_a_right_to_hand_what_was_learnt_to_other_customers_is_read_with_confidentiality() -> None:
    text = ZH + ("第八条 数据使用\n\n8.1 乙方对甲方数据负有保密义务。\n\n8.2 甲方同意，乙方可利用巡检过程中形成的工单和告警记录"
                 "改进乙方的诊断算法，改进后的算法归乙方所有，乙方可向其他客户提供。\n")
    assert _with_aliases(text, "SEC02", ["乙方"], "security-agreement") != "satisfied"


def test_the_rest_of_an_item_under_a_lead_in_is_read_with_it() -> None:
    text = ('This Agreement is made between Jianglin Social Security Centre (the "Customer") and Orbis Analytics Ltd '
            '(the "Provider"), under which the Provider processes personal information for the Customer.\n\n'
            "Additional terms:\n\n(a) The Provider shall process the Personal Information only on the Customer's "
            "documented instructions.\n\n(b) The Provider shall delete the Personal Information within 30 days after "
            "termination; usage statistics derived from it may be retained indefinitely.\n")
    assert _with_aliases(text, "PIPL21-04", ["Provider"], "pipl21") != "satisfied"


LONG_ZH = ZH + ("第一条 合同标的\n\n乙方向甲方供应管网监控系统的服务器、交换机、数据采集终端及配套软件，并负责安装调试、系统集成"
                "和培训，具体规格和数量见附件一。\n\n第二条 价款与支付\n\n合同总价为人民币叁佰贰拾万元整，含税、运输、安装及培训"
                "费用。甲方在到货验收合格后支付合同总价的百分之六十，终验合格后支付百分之三十，质保期满后支付百分之十。\n\n"
                "第三条 网络安全\n\n乙方承诺配合网络安全审查。乙方不得利用提供产品和服务的便利条件非法获取用户数据，不得非法控制和"
                "操纵用户设备，无正当理由不得中断产品供应或者必要的技术支持服务。\n\n第四条 验收与质保\n\n设备到货后，甲方在十个工作日"
                "内组织开箱检验；系统连续试运行三十日无重大故障的，甲方出具终验证书。质保期为终验合格之日起三年，质保期内乙方免费"
                "更换损坏的部件，并在接到报修后四小时内到达现场。\n\n第五条 违约责任\n\n乙方逾期交货的，每逾期一日按逾期部分"
                "货款的千分之五支付违约金；逾期超过三十日的，甲方有权解除合同并要求乙方返还已付款项。\n\n第六条 争议解决\n\n"
                "因本合同引起的争议，双方协商解决；协商不成的，提交甲方所在地人民法院诉讼解决。{language}\n\n")


def test_an_english_specification_annex_is_no_english_version_lacking_the_undertakings() -> None:
    text = LONG_ZH.format(language="") + "附件一 技术规格\n\nThe system shall support 10,000 concurrent sessions.\n"
    assert {rule: _with_aliases(text, rule, ["乙方"]) for rule in ("CSR01", "CSR02", "CSR03", "CSR04")} == {
        rule: "satisfied" for rule in ("CSR01", "CSR02", "CSR03", "CSR04")}


def test_a_language_clause_does_not_set_aside_a_rider_in_the_other_language() -> None:
    text = LONG_ZH.format(language="本合同以中文为准。") + ("Rider: The Supplier may suspend support services at any time "
                                                          "for any reason.\n")
    assert _with_aliases(text, "CSR04", ["乙方", "Supplier"]) == "contradicted"


# The review of this round's change (a helper running its own texts through the code and the freeze) found these.

@pytest.mark.parametrize("rider", ["Rider: Article 3 shall not apply.", "Rider: Article 3 is hereby deleted in its entirety.",
                                   "The Supplier may, by notice, withdraw any undertaking in Article 3."])
def test_a_rider_speaking_of_the_clauses_is_never_read_as_silent(rider: str) -> None:
    text = LONG_ZH.format(language="") + rider + "\n"
    assert _with_aliases(text, "CSR01", ["乙方", "Supplier"]) != "satisfied"


BODY_EN = ('This Agreement is made between Northshore Gas Co., Ltd. (the "Purchaser") and Kestrel Controls Ltd (the '
           '"Supplier").\n\n3. The Supplier shall cooperate with any cybersecurity review; shall not use its position to '
           "obtain user data unlawfully; shall not unlawfully control or manipulate users' equipment; and shall not "
           "interrupt product supply or necessary technical support without justifiable reason.\n\n")
BODY_ZH = ZH + ("第三条 网络安全\n\n乙方承诺配合网络安全审查。乙方不得利用提供产品和服务的便利条件非法获取用户数据，不得非法控制和"
                "操纵用户设备，无正当理由不得中断产品供应或者必要的技术支持服务。\n\n")


def test_what_orders_must_contain_hides_no_right_of_the_supplier() -> None:
    en = BODY_EN + ("4. Orders\n\nEach purchase order issued under this Agreement shall contain the undertakings set out in "
                    "Clause 3. The Supplier may suspend technical support at any time for any reason.\n")
    assert _verdict(en, "CSR04") == "contradicted"
    zh = BODY_ZH + "第四条 订单\n\n各采购合同应包含乙方的下列承诺：配合网络安全审查；乙方可以随时停止供货。\n"
    assert _with_aliases(zh, "CSR04", ["乙方"]) == "contradicted"


def test_a_contract_saying_what_it_contains_still_binds() -> None:
    text = ZH + "第三条 本采购合同应载明乙方的下列承诺：乙方承诺配合网络安全审查。\n"
    assert _with_aliases(text, "CSR01", ["乙方"]) == "satisfied"


def test_support_without_anyone_on_site_is_not_the_whole_support() -> None:
    text = ZH + "第三条 乙方无正当理由不得中断产品供应或者必要的技术支持服务，技术支持以远程方式提供，乙方不派员到现场。\n"
    assert _with_aliases(text, "CSR04", ["乙方"]) != "satisfied"


def test_a_ban_on_telling_other_customers_is_no_confidentiality() -> None:
    text = ZH + "第八条 保密\n\n8.1 乙方不得向其他客户提供甲方数据。\n"
    assert _with_aliases(text, "SEC02", ["乙方"], "security-agreement") != "satisfied"


@pytest.mark.parametrize("duty", ["乙方应采取必要措施，保障甲方网络和信息系统安全，并承担相应责任。",
                                  "乙方应采取有效的管理和技术手段，保障甲方网络和信息系统安全。"])
def test_generic_measures_stay_generic_whatever_follows(duty: str) -> None:
    assert _with_aliases(ZH + "第一条 " + duty + "\n", "SEC01", ["乙方"], "security-agreement") == "weak"


def test_a_vendor_that_sells_units_sells_goods() -> None:
    text = ('This Agreement is made between Donghai Bulk Terminal Co., Ltd. (the "Buyer") and Kestrel Ltd (the '
            '"Vendor"). The Vendor sells twelve conveyor control units to the Buyer.\n\n12.3 The Vendor shall not '
            "interrupt the Services or the technical support without justifiable reason.\n")
    assert _verdict(text, "CSR04") == "weak"


@pytest.mark.parametrize("deletion", ["第三条作废。", "第三条自本合同签订之日起失效。"])
def test_a_later_paragraph_deleting_a_clause_by_its_number(deletion: str) -> None:
    text = LONG_ZH.format(language="") + deletion + "\n"
    assert _with_aliases(text, "CSR01", ["乙方"]) == "missing"

