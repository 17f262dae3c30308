"""The false-pass classes of held-out part 33 and packs part 27 (issues 10 and 15), fixed after the parts were scored
once with matcher-freeze-34 / packs-freeze-27. Every text is written here for the test in words of our own; none is
taken from the held-out cases.

- A definition of the justifiable reasons written as one run-on list ("include force majeure, the Purchaser's failure
  to pay …, and changes to the Supplier's group product strategy"): every part must be a justification, not only the
  first (a false gate pass at the freeze).
- "For the purposes of this Article, 'necessary technical support' means the support described in Article 8.2", and
  8.2 runs only during the Warranty Period: the term is confined to that period.
- "质保期内，乙方应…；无正当理由，乙方不得停止供货": the period opening the paragraph frames its later parts too.
- "附件4…仅供参考，不构成本合同的组成部分": the undertakings set out in the annex the body disowns bind no one.
- A letter of undertaking that "失其效力" at acceptance lapses as one that 失效 does.
- "应避免以远程方式操控…", "shall avoid": to avoid is to try not to, a hedge.
- "shall not access, copy or extract any Passenger Name Record data": a kind of records named in capitals before
  the data is one category of it, not the contract's defined term.
- "except as required to perform the Services", where "Services" includes a programme under which the vendor locks
  and reconfigures the systems at its discretion: the exception lets that in.
- Packs: "to complete enrolments" is the purpose, not the end of the entrustment; "Notwithstanding anything in this
  document, the obligations under paragraphs 2 to 6 apply only to the extent consistent with the Processor's
  procedures as amended"; session data put to the supplier's own models after a comma; "all obligations of the
  Contractor shall cease" on expiry, for duties on the data that must outlive the contract; a data policy the supplier
  may revise at will, set out in an annex.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

EN = ('This Radiotherapy Equipment Contract is made between Linjiang Central Hospital (the "Purchaser") and '
      'Meridian Beam Systems (China) Co., Ltd. (the "Supplier").\n\n')
ZH = "甲方（采购人）：临江县水务局\n\n乙方（供应商）：澄江水文仪表有限公司\n\n"


@pytest.mark.parametrize(("reasons", "expected"), [
    ("force majeure, the Purchaser's failure to pay the price within sixty days after written notice, and "
     "adjustments by the Supplier's group to its global product portfolio", "weak"),
    ("force majeure, the Purchaser's failure to pay within sixty days after written notice, and any reason the "
     "Supplier considers appropriate", "weak"),
    ("force majeure, the Purchaser's failure to pay within sixty days after written notice, and prohibitions under "
     "PRC laws and regulations", "satisfied"),
    # what the reasons exclude only strengthens the duty
    ("force majeure and the Purchaser's failure to pay within sixty days after written notice, and does not "
     "include any change in the Supplier's business strategy", "satisfied"),
])
def test_every_part_of_a_run_on_list_of_justifiable_reasons_must_justify(reasons: str, expected: str) -> None:
    text = (EN + "9.4 The Supplier shall not interrupt the supply of the Equipment or necessary technical support "
            f"without justifiable reason. For the purposes of this Article, justifiable reasons include {reasons}.\n")
    assert _verdict(text, "CSR04") == expected


@pytest.mark.parametrize(("reasons", "expected"), [
    ("不可抗力、甲方经书面催告后仍未支付到期款项，以及乙方集团全球产品线调整", "weak"),
    ("不可抗力、甲方经书面催告后仍未支付到期款项，或者经甲方书面同意", "satisfied"),
])
def test_a_chinese_run_on_list_of_reasons_is_read_item_by_item(reasons: str, expected: str) -> None:
    text = ZH + f"第九条 乙方无正当理由不得中断产品供应和必要的技术支持服务。本条所称正当理由，指{reasons}。\n"
    assert _verdict(text, "CSR04") == expected


@pytest.mark.parametrize(("support", "expected"), [
    ("6.2 During the Warranty Period the Supplier shall provide corrective maintenance and telephone support free "
     "of charge.", "weak"),
    ("6.2 For the life of the Equipment the Supplier shall provide corrective maintenance and telephone support.",
     "satisfied"),
])
def test_a_term_defined_by_a_clause_confined_to_the_warranty_takes_its_period(support: str, expected: str) -> None:
    text = (EN + "6.1 The warranty period is twelve (12) months from final acceptance (the \"Warranty Period\").\n\n"
            + support + "\n\n9.4 The Supplier shall not, without justifiable reason, interrupt the supply of the "
            "Equipment or the provision of necessary technical support. For the purposes of this Article 9.4, "
            "\"necessary technical support\" means the support services described in Article 6.2.\n")
    assert _verdict(text, "CSR04") == expected


@pytest.mark.parametrize(("opening", "expected"), [
    ("质保期内", "weak"),
    ("免费保修期内", "weak"),
    ("在本合同有效期内", "satisfied"),
])
def test_the_period_opening_a_paragraph_frames_its_later_parts(opening: str, expected: str) -> None:
    text = (ZH + f"8.2 {opening}，乙方应保证备品备件的及时供应，并提供全天候电话技术支持；无正当理由，乙方不得停止供货或者"
            "停止技术支持服务。\n")
    assert _verdict(text, "CSR04") == expected


def test_the_undertakings_of_an_annex_the_body_disowns_bind_no_one() -> None:
    annex = ("附件5 采购人网络安全工作指引\n\n一、供应商应配合网络安全审查。\n\n"
             "二、供应商不得非法控制、操纵采购人的设备和系统。\n")
    disowned = ZH + ("第二十条 合同附件\n\n20.1 附件1《供货清单》、附件2《技术规格》为本合同的组成部分。\n\n"
                     "20.2 附件5《采购人网络安全工作指引》仅供乙方了解参考，不构成本合同的组成部分。\n\n" + annex)
    owned = ZH + ("第二十条 合同附件\n\n20.1 附件1《供货清单》、附件5《采购人网络安全工作指引》为本合同的组成部分。\n\n"
                  "20.2 附件2《市场参考价格》仅供乙方了解参考，不构成本合同的组成部分。\n\n" + annex)
    assert _verdict(disowned, "CSR01") == "missing"
    assert _verdict(disowned, "CSR03") == "missing"
    assert _verdict(owned, "CSR01") == "satisfied"


@pytest.mark.parametrize("lapse", ["失其效力", "失去效力", "不再有效"])
def test_a_letter_that_loses_its_force_at_acceptance_lapses_early(lapse: str) -> None:
    text = ("網路安全承諾書\n\n立承諾書人鼎岳資訊股份有限公司（以下簡稱本公司），就「監理資訊系統建置暨維運案」（含三年維運期），"
            "承諾如下：\n\n一、本公司不以任何方式非法控制或操縱機關之設備、系統及網路。\n\n"
            "二、本公司無正當理由不中斷本案產品之供應及必要之技術支援。\n\n"
            f"三、本承諾書自簽署日起生效，至本案建置完成並經機關驗收合格之日{lapse}。\n\n立承諾書人：鼎岳資訊股份有限公司\n")
    assert _verdict(text, "CSR03") == "weak"
    assert _verdict(text, "CSR04") == "weak"


@pytest.mark.parametrize(("duty", "rule", "expected"), [
    (ZH + "第十条 乙方应避免以远程方式操控甲方的服务器和终端设备。\n", "CSR03", "weak"),
    (ZH + "第十条 乙方不得以远程方式非法操控甲方的服务器和终端设备。\n", "CSR03", "satisfied"),
    (EN + "10.1 The Supplier shall avoid remotely operating or controlling the Purchaser's servers and terminals.\n",
     "CSR03", "weak"),
])
def test_to_avoid_is_a_hedge_not_a_ban(duty: str, rule: str, expected: str) -> None:
    assert _verdict(duty, rule) == expected


@pytest.mark.parametrize(("programme", "expected"), [
    ('"Remote Care" means the Supplier\'s programme under which the Supplier monitors the Systems and, at '
     "Supplier's discretion, installs updates, changes settings and locks functions of the Systems.", "weak"),
    ('"Remote Care" means remote diagnosis of faults the Purchaser reports, carried out only during sessions the '
     "Purchaser opens.", "satisfied"),
])
def test_an_exception_through_a_defined_term_lets_in_what_the_definition_does(programme: str, expected: str) -> None:
    text = (EN + '1.1 "Services" means the installation, maintenance, technical support and Remote Care services.'
            "\n\n1.2 " + programme + "\n\n8.3 The Supplier shall not access, control or manipulate any system or "
            "other equipment of the Purchaser, except as required to perform the Services.\n")
    assert _verdict(text, "CSR03") == expected


@pytest.mark.parametrize(("kind", "expected"), [
    ("any Passenger Name Record data", "weak"),
    ("any Frequent Flyer Profile data", "weak"),
    # the buyer's system named in capitals: all the data in it
    ("any Departure Control System data", "satisfied"),
])
def test_a_category_of_records_named_in_capitals_narrows_the_data(kind: str, expected: str) -> None:
    text = (EN.replace("Radiotherapy Equipment", "Document Reader") + "3.2 The Supplier shall not access, copy or "
            f"extract {kind} held in the Purchaser's systems without the Purchaser's written consent.\n")
    assert _verdict(text, "CSR02") == expected


PROCESSOR = ('Between Silverwing Airlines Co., Ltd. ("Airline") and Harbourline Member Services Co., Ltd. '
             '("Processor").\n\n')


def test_a_purpose_of_completing_work_is_not_the_end_of_the_entrustment() -> None:
    text = (PROCESSOR + "1. The Processor shall enter members' names and mobile numbers into the Airline's app to "
            "complete enrolments, and shall not copy or keep any member data outside the app.\n")
    assert _verdict(text, "PIPL21-04", "pipl21") != "satisfied"


@pytest.mark.parametrize(("scope", "expected"), [
    ("paragraphs 2 to 4", "weak"),
    ("paragraphs 5 to 6", "satisfied"),
])
def test_an_override_naming_a_range_of_paragraphs_reaches_each(scope: str, expected: str) -> None:
    text = (PROCESSOR + "1. The Processor will administer mileage claims for the Airline's programme, processing "
            "member names and flight details.\n\n3. The Processor shall not sub-contract any processing without the "
            "Airline's prior written consent.\n\n7. Notwithstanding anything in this document, the Processor's "
            f"obligations under {scope} apply only to the extent consistent with the Processor's standard operating "
            "procedures as amended from time to time.\n")
    assert _verdict(text, "PIPL21-05", "pipl21") == expected


@pytest.mark.parametrize("grant", [
    "7.2 甲方同意，乙方有权对服务中产生的会话数据进行统计和标注，用于优化乙方的语义模型。",
    "7.2 乙方可以将会员咨询记录汇总分析后编制行业报告，提供给乙方其他客户。",
])
def test_session_data_put_to_the_suppliers_own_models_contradicts(grant: str) -> None:
    text = ("甲方（委托方）：东航会员服务有限公司\n\n乙方（受托方）：灵语智能科技有限公司\n\n"
            "4.1 乙方为甲方会员提供在线客服，处理会员号、会员姓名及会话内容等个人信息。\n\n"
            "4.4 乙方不得超出本合同约定的目的和方式处理个人信息。\n\n" + grant + "\n")
    assert _verdict(text, "PIPL21-03", "pipl21") == "contradicted"


OPERATOR = ('Parties: Haixi Fisheries Bureau ("Bureau") and Bluecrest Data Services Co., Ltd. ("Contractor").\n\n'
            "7. Without the Bureau's consent the Contractor shall not access, obtain, retain, use, leak or provide to "
            "others any network data of the Bureau, and shall not carry out any correlation analysis of such data."
            "\n\n")


@pytest.mark.parametrize(("ending", "expected"), [
    ("15. On expiry or termination of this Agreement, all obligations of the Contractor shall cease, other than the "
     "payment of sums accrued due.", "weak"),
    ("15. On expiry or termination of this Agreement, all obligations of the Contractor shall cease, save those on "
     "the Bureau's data, which survive.", "satisfied"),
])
def test_duties_on_the_data_do_not_end_with_the_contract(ending: str, expected: str) -> None:
    text = OPERATOR + ending + "\n"
    assert _verdict(text, "ND02", "network-data") == expected
    assert _verdict(text, "ND03", "network-data") == expected


def test_a_chinese_clause_ending_every_obligation_at_expiry_weakens_the_data_bans() -> None:
    text = ("甲方：海西渔港管理处\n\n乙方：蓝澄数据服务有限公司\n\n第七条 未经甲方同意，乙方不得访问、获取、留存、使用、泄露或者"
            "向他人提供甲方的网络数据。\n\n第十五条 本合同终止后，乙方在本合同项下的全部义务即告终止。\n")
    assert _verdict(text, "ND02", "network-data") == "weak"
    assert _verdict(text.replace("终止后，", "终止后，除保密及数据义务外，"), "ND02", "network-data") == "satisfied"


@pytest.mark.parametrize(("policy", "expected"), [
    ("数据政策由乙方制定，乙方可根据业务需要不时修订，修订版本自公布之日起适用。", "weak"),
    ("数据政策经双方签字确认，非经双方书面同意不得修改。", "satisfied"),
])
def test_an_annex_setting_out_a_policy_the_supplier_may_revise_at_will(policy: str, expected: str) -> None:
    text = ("甲方：海西渔港管理处\n\n乙方：蓝澄数据服务有限公司\n\n第六条 乙方按照《蓝澄客户数据保护政策》（以下简称“数据政策”）"
            f"处理甲方数据。{policy}\n\n附：数据政策摘录\n\n3.2 乙方不会在未经甲方同意的情况下对甲方数据进行关联分析。\n")
    assert _verdict(text, "ND03", "network-data") == expected


# The review of the fixes above (run by a helper on its own texts): each reading it found wrong, mended.

@pytest.mark.parametrize("second", [
    "第二条 附件4中的设备报价明细仅供参考，不构成本合同的组成部分，以合同总价为准。",
    "第二条 附件4所附图片仅供参考，具体以实物为准。",
    "第二条 附件4为本合同不可分割的组成部分；除附件4外，乙方投标时提交的宣传资料仅供参考。",
])
def test_only_an_annex_that_is_itself_disowned_binds_no_one(second: str) -> None:
    text = (ZH + "第一条 乙方不得非法控制和操纵甲方的设备和系统。\n\n" + second + "\n\n附件4 产品技术规格及服务条款\n\n"
            "1. 乙方可根据维护需要远程锁定设备功能。\n")
    assert _verdict(text, "CSR03") == "contradicted"


def test_a_disowned_schedule_in_english() -> None:
    undertaking = "1. The Supplier shall not illegally control or manipulate the Purchaser's equipment.\n\n"
    schedule = "Schedule 4 Service Terms\n\n1. The Supplier may remotely lock the Equipment at any time at its discretion.\n"
    listed = EN + undertaking + "2. The indicative unit prices listed in Schedule 4 are for information only.\n\n" + schedule
    disowned = EN + undertaking + "2. Schedule 4 is provided for information only and does not form part of this Contract.\n\n" + schedule
    assert _verdict(listed, "CSR03") == "contradicted"
    assert _verdict(disowned, "CSR03") == "satisfied"


def test_software_the_supplier_may_update_is_no_policy_it_may_amend() -> None:
    text = (EN + '1.1 The Supplier shall supply the equipment and software described in Schedule 1 (the "Software"). '
            "The Supplier may update the Software from time to time to fix defects.\n\n2. Software\n\n2.1 The "
            "Supplier shall cooperate with any cybersecurity review of this procurement.\n")
    assert _verdict(text, "CSR01") == "satisfied"


@pytest.mark.parametrize(("ending", "expected"), [
    ("12.1 On expiry of this Agreement, all obligations of the Bureau shall cease, save for fees accrued.", "satisfied"),
    ("12.1 Upon termination of this Agreement, all obligations of the Contractor shall cease.\n\n12.2 Clause 7 shall "
     "survive any expiry or termination of this Agreement.", "satisfied"),
    ("12.1 Upon termination of this Agreement, all obligations of the Contractor under this Agreement shall cease.",
     "weak"),
    ("12.1 Upon termination of this Agreement, all of the Contractor's obligations shall cease.", "weak"),
])
def test_only_the_suppliers_obligations_ending_unkept_weaken_the_data_bans(ending: str, expected: str) -> None:
    assert _verdict(OPERATOR + ending + "\n", "ND02", "network-data") == expected


@pytest.mark.parametrize("grant", [
    "7.2 乙方可以在授权范围内对数据进行处理，但不得将数据用于训练乙方模型。",
    "7.2 乙方仅可将甲方提供的会话数据用于优化甲方的智能客服模型。",
])
def test_a_ban_or_a_restriction_on_the_models_is_no_right(grant: str) -> None:
    text = ("甲方（委托方）：东航会员服务有限公司\n\n乙方（受托方）：灵语智能科技有限公司\n\n"
            "4.1 乙方为甲方会员提供在线客服，处理会员号、会员姓名及会话内容等个人信息。\n\n"
            "4.4 乙方不得超出本合同约定的目的和方式处理个人信息。\n\n" + grant + "\n")
    assert _verdict(text, "PIPL21-03", "pipl21") != "contradicted"


@pytest.mark.parametrize(("reasons", "expected"), [
    # one reason written with commas, and a list of authorities: no part is the supplier's own
    ("force majeure, the Purchaser's failure, after two written reminders, to pay undisputed invoices, and an order "
     "of a competent court", "satisfied"),
    ("force majeure, the Purchaser's failure to pay within sixty days after notice, or the Supplier's written notice "
     "to the Purchaser", "weak"),
    ("force majeure and adjustments by the Supplier's group to its global product portfolio", "weak"),
    ("those listed in Clause 24.1 (Suspension by Supplier)", "satisfied"),
])
def test_a_run_on_reason_is_a_carve_out_when_it_is_the_suppliers_own(reasons: str, expected: str) -> None:
    text = (EN + "9.4 The Supplier shall not interrupt the supply of the Equipment or necessary technical support "
            f"without justifiable reason. For the purposes of this Article, justifiable reasons include {reasons}.\n")
    assert _verdict(text, "CSR04") == expected


@pytest.mark.parametrize("text", [
    ZH + "8.2 合同签订后三个月内，乙方应完成设备到货安装及调试；无正当理由，乙方不得停止供货或者停止技术支持服务。\n",
    ZH + "8.2 设备使用期间内，乙方应保证备品备件的及时供应；无正当理由，乙方不得停止供货或者停止技术支持服务。\n",
    EN + "8.2 During the Warranty Period, the Supplier shall repair defects free of charge. The Supplier shall not "
    "interrupt the supply of the Equipment or necessary technical support without justifiable reason.\n",
])
def test_only_a_narrowing_period_opening_a_semicolon_paragraph_frames_it(text: str) -> None:
    assert _verdict(text, "CSR04") == "satisfied"


def test_clauses_joined_by_and_are_no_range() -> None:
    text = (EN + "2. The Supplier shall cooperate with the cybersecurity review.\n\n5. The Supplier shall not interrupt "
            "the supply of the Equipment or necessary technical support without justifiable reason.\n\n8. The "
            "Supplier shall keep records.\n\n12. The obligations under Clauses 2 and 8 are subject to the Supplier's "
            "internal policies as amended from time to time.\n")
    assert _verdict(text, "CSR04") == "satisfied"


def test_processing_that_is_complete_is_the_end_of_the_entrustment() -> None:
    text = (PROCESSOR + "1. The Processor shall process members' names for the Airline.\n\n7. When the processing of "
            "the personal information is complete, the Processor shall return or delete all personal information "
            "and keep no copy.\n")
    assert _verdict(text, "PIPL21-04", "pipl21") == "satisfied"
