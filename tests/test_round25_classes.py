"""Round 25 (issues 10 and 15): rights the matcher did not see, refusals a court order does not excuse, consent
given for the act itself, and the wording of Taiwan and Hong Kong undertakings.

- Rights: a right reserved over a long stretch ("乙方保留通过……远程访问……设备的权利", "保留……，停止供应……的权利"), a
  licence the buyer grants ("The Customer grants the Vendor a perpetual licence to use Customer Data"), the buyer
  agreeing to the supplier's act ("甲方同意乙方收集……用于乙方的产品研发"), Hong Kong remote access (遙距存取), updates
  deployed or pushed from afar, a remote session opened into the buyer's controllers, and 得 after a bracketed
  party or 惟 ("乙方（原廠）得", "惟得於……通知客戶終止支援").
- Refusals: a duty to cooperate with the review refused "save as compelled by a final court order" is still
  refused; only a prohibition by law excuses it. A pause of supply keeps the buyer's non-payment as a ground.
- Lawful bases: consent obtained first ("在每次取得甲方书面批准后"), "beyond the scope set out in Clause 2",
  "在客户指示以外", "本协议以外的任何目的"; a prohibition's own "未经……批准" is no reason for a right that follows it.
- Undertaking letters (切結書): the statute's comma after "不利用……之便", "以任何方式非法", coordinated verbs after
  the negation, and 當 as "shall".
- Scheduled maintenance set by the contract's schedule is no suspension; a later deeming on equipment takes
  nothing from a duty to cooperate with the review.
Every text is written here for the test; none is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：北屿市燃气集团有限公司\n\n乙方（供应商）：衡川智能仪表有限公司\n\n"
EN = "Customer: Northholm Gas Distribution Co., Ltd.\n\nSupplier: Brightwell Metering Systems Ltd.\n\n"


# --- rights the matcher did not see -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, rule", [
    (ZH + "第十一条 乙方保留通过其设在境外的全球技术支持中心远程访问所供调压站及计量控制设备的权利。\n", "CSR03"),
    (ZH + "第十二条 乙方保留随时在其官方网站发布停产公告，停止供应合同产品或终止相应版本的维护服务的权利。\n", "CSR04"),
    (ZH + "第十三条 乙方保留通过设备内置的升级通道随时向燃气表推送固件，并据此增加、修改或者移除设备功能的权利。\n", "CSR03"),
    (ZH + "第十四条 乙方可不经通知向甲方营业厅终端及用户燃气表推送智能表计管理客户端的自动更新。\n", "CSR03"),
    (EN + "9.2 The Supplier may deploy firmware and software updates, including changes to metering parameters, to the "
     "Meters remotely at any time and at its discretion.\n", "CSR03"),
    (EN + "9.3 The Customer authorises the Supplier to initiate remote sessions to the Customer's station controllers "
     "at any time for diagnostics and licence checks.\n", "CSR03"),
    (EN + "10.1 The Customer grants the Supplier a perpetual, irrevocable, royalty-free licence to use Consumption Data, "
     "including household data, for benchmarking and product development.\n", "CSR02"),
    (ZH + "第十五条 甲方同意乙方收集并使用甲方燃气用户的用气数据，用于乙方的产品研发及市场推广。\n", "CSR02"),
    ("承攬商：衡川儀表股份有限公司\n\n機關：北嶼市公用事業處\n\n第十八條 承攬商有權隨時經互聯網遙距存取、監察及診斷機關之自助繳費機，"
     "並於其認為有需要時遙距停用任何自助繳費機。\n", "CSR03"),
    ("本公司：衡川儀表股份有限公司\n\n5.3 本公司於授權期間內提供技術支援，惟得於每年度屆滿前六十日通知客戶終止支援。\n", "CSR04"),
])
def test_a_right_the_supplier_is_given_contradicts(text: str, rule: str) -> None:
    assert _verdict(text, rule) == "contradicted"


def test_the_buyer_agreeing_to_what_the_contract_needs_is_no_contradiction() -> None:
    text = ZH + "第十五条 甲方同意乙方为履行本合同之目的收集必要的设备运行数据。\n"
    assert _verdict(text, "CSR02") != "contradicted"
    text = ZH + "第十五条 乙方不得收集甲方用户数据，但甲方书面同意乙方收集的除外。\n"
    assert _verdict(text, "CSR02") == "satisfied"


def test_a_right_after_consent_obtained_each_time_is_no_contradiction() -> None:
    allowed = ZH + "第十六条 乙方可在每次取得甲方书面批准后，经甲方指定的安全通道远程访问调度系统。\n"
    assert _verdict(allowed, "CSR03") != "contradicted"
    for text in (ZH + "第十六条 乙方可在未取得甲方书面批准的情况下远程访问调度系统。\n",
                 ZH + "第十六条 乙方无需取得甲方同意即可远程访问甲方调度系统。\n",
                 # the prohibition's own "without approval" is no reason for the right after 但
                 ZH + "第十六条 乙方不得远程访问甲方调度系统，但乙方可未经甲方同意远程升级甲方设备。\n",
                 EN + "9.4 The Supplier shall not access the Customer's systems, but may remotely update the Customer's "
                 "meters without the Customer's consent.\n"):
        assert _verdict(text, "CSR03") == "contradicted", text


# --- refusals a court order does not excuse --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    EN + "19.1 The Supplier shall have no obligation to cooperate with any review, inspection or investigation by a "
    "governmental authority relating to the Meters unless compelled to do so by the final order of a court of "
    "competent jurisdiction.\n",
    EN + "21.1 The Supplier shall not be obliged to co-operate with, or provide any information or personnel to, any "
    "review by a governmental or regulatory authority, save as compelled by a final order of a court served on it.\n",
    ZH + "第十九条 除非经向乙方送达的终局法院命令强制要求，乙方无义务参与或配合任何政府安全审查。\n",
    ZH + "第二十条 甲方接受主管部门组织的安全审查的，乙方不负有配合义务。\n",
])
def test_refusing_the_review_save_under_a_court_order_is_a_refusal(text: str) -> None:
    assert _verdict(text, "CSR01") == "contradicted"


def test_refusing_supply_keeps_the_buyers_non_payment_as_a_ground() -> None:
    text = (EN + "22.1 The Supplier shall not be obliged to continue supplying the Meters or providing support where "
            "the Customer has failed to pay undisputed invoices within 30 days after written notice.\n")
    assert _verdict(text, "CSR04") != "contradicted"


def test_a_refusal_named_as_a_breach_is_no_right() -> None:
    text = ZH + ("第十八条 乙方未按照甲方要求配合网络安全审查，或者拒绝、拖延提供审查机构要求的材料的，每逾期一日，"
                 "乙方应按合同总价的千分之一向甲方支付违约金。\n")
    assert _verdict(text, "CSR01") != "contradicted"


# --- lawful bases ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, rule", [
    (EN + "3. The Supplier shall not collect, access, retain or use any data of the Customer or its households beyond "
     "the scope set out in Clause 2 or the Customer's written instructions, shall not use any such data for its own "
     "purposes, and shall not entrust any processing to a third party without the Customer's prior written "
     "consent.\n", "CSR02"),
    ("客戶：港灣機場管理局\n\n服務供應商：天衡網絡保安管理有限公司\n\n"
     "17.2 服務供應商不得在客戶指示以外控制或操縱客戶的任何設備、系統或網絡。\n", "CSR03"),
    (ZH + "第九条（二）乙方不得借提供计量平台服务之便，未经甲方书面同意访问、复制或使用甲方数据，亦不得将甲方数据用于本合同"
     "以外的任何目的。\n", "CSR02"),
])
def test_lawful_bases_in_new_words(text: str, rule: str) -> None:
    assert _verdict(text, rule) == "satisfied"


# --- undertaking letters -----------------------------------------------------------------------------------------

LETTER = ("切　結　書\n\n立切結書人衡川儀表股份有限公司（以下簡稱本公司）參與「燃氣表汰換採購案」，茲切結下列事項：\n\n"
          "一、本公司不利用供應本案產品及提供服務之便，以任何方式非法取得機關或其使用者之資料。\n\n"
          "二、本公司不以任何方式控制或操縱機關之設備、系統或網路。\n\n"
          "三、主管機關就本案要求辦理網路安全審查時，本公司當全力配合並提供所需資料。\n\n"
          "此致 北嶼市公用事業處\n")


@pytest.mark.parametrize("rule", ["CSR01", "CSR02", "CSR03"])
def test_a_taiwan_undertaking_letter_binds_its_author(rule: str) -> None:
    assert _verdict(LETTER, rule) == "satisfied"


def test_a_letter_listing_the_buyers_data_kinds_binds_for_all_of_them() -> None:
    text = ("切結書\n\n立切結書人：衡川儀表股份有限公司（以下簡稱本公司）\n\n本公司參與「燃氣表汰換採購案」，茲切結如下：\n\n"
            "一、本公司不藉履約之便，蒐集、取得或外流機關之計量資料、系統資料及人員資料。\n")
    assert _verdict(text, "CSR02") == "satisfied"


@pytest.mark.parametrize("objects", ["甲方的计量数据", "甲方的测试数据和样本数据"])
def test_one_kind_of_data_or_test_data_is_not_the_buyers_data_as_a_whole(objects: str) -> None:
    assert _verdict(ZH + f"第七条 乙方不得收集{objects}。\n", "CSR02") != "satisfied"


def test_dang_is_shall_only_before_the_act() -> None:
    assert _verdict(ZH + "第六条 乙方当配合甲方的网络安全审查。\n", "CSR01") == "satisfied"
    assert _verdict(ZH + "第六条 乙方当日应配合甲方的网络安全审查。\n", "CSR01") != "satisfied"


# --- pauses and riders ---------------------------------------------------------------------------------------------

def test_maintenance_the_contract_schedules_is_no_suspension() -> None:
    text = (EN + "5.1 The Supplier shall not suspend or interrupt the supply of the Meters or the Support Services "
            "without justifiable reason.\n\n5.2 Scheduled maintenance carried out in accordance with Schedule 2 shall "
            "not constitute a suspension for the purposes of this Clause 5.\n")
    assert _verdict(text, "CSR04") == "satisfied"
    own = text.replace("carried out in accordance with Schedule 2", "scheduled by the Supplier at its discretion")
    assert _verdict(own, "CSR04") == "weak"


def test_an_authoritys_order_is_a_justifiable_reason() -> None:
    text = (EN + "5.2 The Supplier shall not suspend, interrupt or withdraw the supply of the Meters or the Support Services, except "
            "where required by applicable PRC law or by an order of a competent PRC authority.\n")
    assert _verdict(text, "CSR04") == "satisfied"


def test_support_named_by_its_maintenance_word_and_as_the_object_of_ending_it() -> None:
    text = ("僱主：北嶼郵政物流有限公司\n\n承辦商：衡川機電工程有限公司\n\n第14條 除附表所列的合理理由外，承辦商不得暫停或"
            "終止零件供應或保養服務。\n\n附表 合理理由：(a) 僱主經書面催繳後四十五天內仍未支付到期款項；(b) 不可抗力。\n")
    assert _verdict(text, "CSR04") == "satisfied"


def test_a_later_deeming_on_equipment_takes_nothing_from_the_review_duty() -> None:
    text = (ZH + "第二十二条 网络安全\n\n22.1 甲方申报网络安全审查时，乙方应予以配合，包括按要求提交材料和接受问询。\n\n"
            "22.2 乙方不得非法控制或操纵甲方的设备。乙方依其远程管理政策（乙方可随时修订）进行的操作，视为已获得甲方授权。\n")
    assert _verdict(text, "CSR01") == "satisfied"
    assert _verdict(text, "CSR03") == "weak"


def test_a_long_lead_in_binding_the_supplier_and_its_people_reaches_every_item() -> None:
    text = ('Issued by: Brightwell Metering Systems Ltd. (the "Supplier")\n\nTo: Northholm Gas Distribution Co., Ltd. '
            '(the "Operator")\n\nThe Supplier makes the following undertakings, which are binding on it, its branches, '
            "its employees and its subcontractors for the whole term of the supply and maintenance contracts:\n\n"
            "1. to cooperate with the cybersecurity review of the Operator's procurement;\n\n"
            "2. not to take advantage of its position as supplier to collect, retain or use data of the Operator or "
            "of its customers, except as the Operator has authorised in writing;\n\n"
            "3. not to remotely or locally control, lock or alter any meter, gateway or other equipment of the "
            "Operator without the Operator's authorisation;\n\n"
            "4. not to interrupt, without justifiable reason, the supply of meters and spare parts or the technical "
            "support necessary for their safe operation.\n")
    for rule in ("CSR01", "CSR02", "CSR03", "CSR04"):
        assert _verdict(text, rule) == "satisfied", rule


def test_a_pronoun_after_the_ban_names_what_the_sentence_named_before() -> None:
    text = (EN + "20.1 The Supplier shall maintain the supply of the Meters and Spare Parts and the provision of "
            "Technical Support for twenty (20) years from Final Acceptance and shall not interrupt them during that "
            "period without justifiable reason.\n")
    assert _verdict(text, "CSR04") == "satisfied"
    short = text.replace("twenty (20) years", "twelve (12) months")
    assert _verdict(short, "CSR04") == "weak"


def test_resuming_once_the_buyer_has_paid_only_ends_the_pause() -> None:
    text = (ZH + "第十条 乙方仅在甲方逾期支付维护费超过六十日，且经乙方书面催告后十五日内仍未支付的情形下，方可暂停本合同项下的"
            "备品备件供应和技术支持服务；甲方付清欠款后，乙方应在三日内恢复。\n")
    assert _verdict(text, "CSR04") == "satisfied"


def test_taiwan_words_for_parts_and_approval() -> None:
    parts = ("廠商：衡川儀表股份有限公司\n\n機關：北嶼市公用事業處\n\n第九條 除機關逾期付款經書面催告仍未支付或不可抗力外，"
             "廠商於契約期間不得中斷零組件之供應及技術支援。\n")
    assert _verdict(parts, "CSR04") == "satisfied"
    approval = ("廠商：衡川儀表股份有限公司\n\n機關：北嶼市公用事業處\n\n第十條 廠商非經機關書面核准，不得蒐集、取得或使用機關"
                "之資料。\n")
    assert _verdict(approval, "CSR02") == "satisfied"


def test_the_next_clause_taking_this_one_back_by_pointing_at_it() -> None:
    text = ("廠商：衡川儀表股份有限公司\n\n機關：北嶼市公用事業處\n\n第十一條 廠商不得未經機關同意取得機關資料。\n\n"
            "第十二條 前條規定不適用於廠商為提升服務品質而自系統擷取之任何資料，廠商得自由使用之。\n")
    assert _verdict(text, "CSR02") != "satisfied"
    alone = text.split("第十二條")[0]
    assert _verdict(alone, "CSR02") == "satisfied"


@pytest.mark.parametrize("text", [
    "廠商：衡川儀表股份有限公司\n\n機關：北嶼市公用事業處\n\n第十六條 廠商不得以不法目的蒐集機關資料。\n",
    EN + "11.1 The Supplier shall not collect any data of the Customer or its households for any unlawful purpose.\n",
])
def test_a_ban_on_gathering_data_for_unlawful_purposes_only_is_weak(text: str) -> None:
    assert _verdict(text, "CSR02") == "weak"


def test_a_class_named_right_before_the_head_noun_narrows_the_ban() -> None:
    text = (ZH + "第一条 乙方负责供应并集成自助缴费设备、营业厅服务器及相关网络设备。\n\n"
            "第十条 乙方不得远程控制或操纵甲方的自助缴费设备。\n")
    assert _verdict(text, "CSR03") == "weak"
