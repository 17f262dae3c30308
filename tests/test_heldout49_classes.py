"""False-pass classes found in the session of 2026-12-07 (fourth), around held-out part 49 and packs part 43
(issues 10 and 15). Every text is written here for the test in words of our own; none is taken from the held-out
cases.

- The supplier side's own leave as the bound of a duty ("在乙方母公司许可的范围内配合…审查", "以原厂总部授权的范围为
  限") is no lawful basis: the supplier's group decides how far the duty reaches (common.yaml ``carve_outs``).
- "乙方不因网络安全审查承担任何配合义务" denies the duty, as "不对…承担…义务" does: a refusal, never the duty itself
  (common.yaml ``negated_obligation``). It was read as an undertaking to cooperate; only a presumed 乙方 kept it weak.
- A clause that overrides the one before it ("第十六条 尽管有前条约定，乙方对于源代码不负提供义务", "Notwithstanding the
  preceding Clause, …") is read with that clause's undertakings, as a later sentence of it (frames.yaml
  ``previous_clause_references``); "不受…审查程序之拘束" refuses the review (CSR01.yaml ``refusal``).
- A buyer's notice to 各投标供应商 with a blank form of the commitment letter ("供应商（盖章）：________") is no
  supplier's undertaking: a blank signature line names no party.
- The supplier disowning the acts of its subcontractors anywhere in the contract ("11.3 乙方对分包商的行为不承担任何
  责任") weakens every undertaking those persons could breach (common.yaml ``disowned_persons``).

False-pass classes of held-out part 50 (scored once with matcher-freeze-51): a hedge written without 的 ("本公司會在可能
情況下配合…"), and a ban on one means of control only ("乙方保證不以植入惡意程式之方式控制甲方網路設備", "shall not
control the Buyer's devices by implanting malicious code"), which leaves every other means open (CSR03.yaml
``weakening``).

False-pass classes of packs part 45 (scored once with packs-freeze-45): a named document that
prevails over the contract and that the supplier may amend at will ("以《云岭平台服务规则》为准。该规则由乙方制定并可随时
修订"); a duty bounded by the term beside a right to keep the data after it ("During the Term, the Provider shall not
… carry out correlation analysis" / "Upon expiry or termination, the Provider may retain Customer Data";
common.yaml ``retention_after_term``, ``term_bounds``).

False-pass classes of held-out part 52 and packs part 46 (scored once with matcher-freeze-53 / packs-freeze-46): a
notice headed "NOTICE TO SUPPLIERS"; a bilingual tender notice whose title pairs the Chinese with the English after
"/"; work handed to others the supplier picks ("可将平台的部分运维工作交由其选定的第三方服务商承担", "可…自行安排其合作
的劳务单位派员顶岗"), which contradicts PIPL21-05.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：某市燃气集团有限公司\n\n乙方（供应商）：某管网监测技术有限公司\n\n"


@pytest.mark.parametrize("bound, expected", [
    ("在乙方书面同意的范围内", "weak"),
    ("在乙方母公司许可的范围内", "weak"),
    ("在其母公司授权范围内", "weak"),
    ("以原厂总部授权的范围为限", "weak"),
    ("在甲方书面同意的范围内", "satisfied"),
])
def test_the_suppliers_own_leave_bounding_its_cooperation(bound: str, expected: str) -> None:
    text = ZH + f"第五条 乙方承诺：{bound}，配合甲方开展网络安全审查，及时提供审查所需的材料。\n"
    assert _verdict(text, "CSR01") == expected


@pytest.mark.parametrize("clause", [
    "21.1 网络安全审查系甲方的法定义务，与乙方无关。乙方不因网络安全审查承担任何配合义务或责任。",
    "21.1 乙方不因甲方申报网络安全审查而负有任何协助义务。",
])
def test_no_duty_because_of_the_review_is_a_refusal(clause: str) -> None:
    assert _verdict(ZH + clause + "\n", "CSR01") == "contradicted"


@pytest.mark.parametrize("override", [
    "尽管有前条约定，乙方对于源代码、开发人员身份及供应链信息不负提供义务。",
    "尽管有前条约定，乙方不受审查机构审查程序的约束。",
])
def test_the_next_article_overriding_the_review_duty(override: str) -> None:
    text = ZH + f"第十五条 乙方应配合甲方开展网络安全审查。\n\n第十六条 {override}\n"
    assert _verdict(text, "CSR01") in ("weak", "contradicted")


def test_notwithstanding_the_preceding_clause_in_english() -> None:
    text = ('Parties: Jinghai Gas Group Co., Ltd. (the "Buyer") and Corvane Metering Ltd. (the "Supplier").\n\n'
            "15. The Supplier shall cooperate with any cybersecurity review of the Products.\n\n"
            "16. Notwithstanding the preceding Clause, the Supplier is not bound by the procedures of any review "
            "authority.\n")
    assert _verdict(text, "CSR01") == "weak"


def test_not_bound_by_the_review_is_a_refusal() -> None:
    assert _verdict(ZH + "第十六条 乙方不受任何主管机关审查程序的约束。\n", "CSR01") == "contradicted"


def test_a_notice_with_a_blank_form_of_the_letter_binds_no_supplier() -> None:
    text = ("关于调压站监控系统改造项目供应商承诺事项的通知\n\n各投标供应商：\n\n本项目拟申报网络安全审查。中标供应商须在"
            "签订合同前签署承诺书，承诺配合审查。承诺书格式见附件。\n\n附件：供应商承诺书（格式）\n\n本公司承诺：（一）配合采购人"
            "开展的网络安全审查；（二）无正当理由不中断产品供应和技术支持服务。\n\n供应商（盖章）：__________\n\n"
            "某市燃气集团有限公司物资采购部\n")
    for rid in ("CSR01", "CSR04"):
        assert _verdict(text, rid) == "missing", rid


@pytest.mark.parametrize("disowning, expected", [
    ("11.3 乙方对分包商的行为不承担任何责任。", "weak"),
    ("11.3 乙方对其分包商人员的过错不承担任何责任。", "weak"),
    ("11.3 乙方对分包商的行为承担连带责任。", "satisfied"),
])
def test_disowning_the_subcontractors_weakens_a_confidentiality_duty(disowning: str, expected: str) -> None:
    text = ZH + f"第十一条 分包\n\n{disowning}\n\n第十二条 保密\n\n乙方应对甲方信息保密，不得向第三方披露。\n"
    assert _verdict(text, "SEC02", pack="security-agreement") == expected


def test_disowning_the_subcontractors_leaves_the_review_duty_alone() -> None:
    text = ('Parties: Jinghai Gas Group Co., Ltd. (the "Buyer") and Corvane Metering Ltd. (the "Supplier").\n\n'
            "8. The Supplier shall cooperate with any cybersecurity review of the Products and shall not obtain any "
            "data of the Buyer's users.\n\n9. The Supplier shall not be liable for any acts or omissions of its "
            "subcontractors.\n")
    assert (_verdict(text, "CSR01"), _verdict(text, "CSR02")) == ("satisfied", "weak")


@pytest.mark.parametrize("clause, expected", [
    ("21.1 乙方应配合网络安全审查，乙方不因配合审查而要求甲方另付报酬。", ("weak", "satisfied")),
    ("21.1 乙方不得因任何理由中断产品供应和技术支持。", ("satisfied",)),
])
def test_a_negation_before_a_cause_does_not_negate_the_cause(clause: str, expected: tuple[str, ...]) -> None:
    rid = "CSR01" if "审查" in clause else "CSR04"
    assert _verdict(ZH + clause + "\n", rid) in expected


EN = 'Parties: Jinghai Gas Group Co., Ltd. (the "Buyer") and Corvane Metering Ltd. (the "Supplier").\n\n'


@pytest.mark.parametrize("text, rid", [
    (ZH + "11.1 乙方应按甲方要求提交网络安全审查所需材料，配合审查机构的问询和现场核查。\n\n11.4 本条约定在合同终止后继续"
          "有效，直至本合同设备报废为止。\n", "CSR01"),
    (ZH + "14.1 本合同有效期内及设备退役前，乙方应保障所供设备、软件许可及备件的持续供应，并提供必要的技术支持，无正当"
          "理由不得中断。\n", "CSR04"),
    (ZH + "9.1 乙方承诺：在系统全生命周期内，不利用运维便利非法控制或者操纵甲方的调压站设备。\n", "CSR03"),
    (ZH + "1. 乙方不得利用提供服务的便利非法获取甲方及其用户的数据。\n\n2. 上述承诺同样约束乙方的员工、关联公司及分包商，"
          "乙方对其行为承担责任。\n", "CSR02"),
    (EN + "24.3 The Supplier shall not, in the absence of a justifiable reason, stop supplying the Products or "
          "withdraw the technical support necessary for their operation.\n", "CSR04"),
])
def test_lasting_and_extended_undertakings_are_satisfied(text: str, rid: str) -> None:
    assert _verdict(text, rid) == "satisfied"


@pytest.mark.parametrize("text, rid, expected", [
    (ZH + "1. 乙方承诺在可能情况下配合甲方的网络安全审查。\n", "CSR01", "weak"),
    (ZH + "二、乙方保证不以植入恶意程序之方式控制甲方网络设备。\n", "CSR03", "weak"),
    (ZH + "二、乙方保证不以植入恶意程序或其他任何方式控制甲方网络设备。\n", "CSR03", "satisfied"),
    (EN + "5. The Supplier shall not control the Buyer's devices by implanting malicious code.\n", "CSR03", "weak"),
])
def test_hedges_and_a_single_means_of_control(text: str, rid: str, expected: str) -> None:
    assert _verdict(text, rid) == expected


def test_a_supplier_amendable_document_prevailing_weakens_the_particulars() -> None:
    text = ("甲方（委托方）：某市立医院集团\n\n乙方（受托方）：某智慧医疗科技有限公司\n\n第六条 乙方为甲方提供预约挂号服务，处理患者姓名、手机号码"
            "及预约信息，处理目的为预约挂号及就诊提醒，处理方式为收集、存储和使用，处理期限为本合同有效期。\n\n第七条 乙方不得"
            "超出第六条约定的目的和方式处理患者信息。\n\n第二十条 本合同与《平台服务规则》不一致的，以《平台服务规则》为准。"
            "该规则由乙方制定并可随时修订。\n")
    assert (_verdict(text, "PIPL21-01", pack="pipl21"), _verdict(text, "PIPL21-03", pack="pipl21")) == ("weak", "weak")


def test_a_term_bounded_ban_beside_a_right_to_keep_the_data() -> None:
    text = ('Customer: Yunling Gas Pipeline Network Co., Ltd. (the "Customer")\n\nProvider: Quayside Data Systems Co., '
            'Ltd. (the "Provider")\n\n9.2 During the Term, the Provider shall not, without the Customer\'s written '
            "consent, access, obtain, retain, use, leak or provide to others any Customer Data, or carry out "
            "correlation analysis of Customer Data.\n\n9.3 Upon expiry or termination, the Provider may retain "
            "Customer Data in its archives for its internal purposes.\n")
    assert _verdict(text, "ND03", pack="network-data") == "weak"


def test_a_notice_to_suppliers_binds_no_supplier() -> None:
    text = ("JINGHAI GAS GROUP CO., LTD.\nProcurement Centre\n\nNOTICE TO SUPPLIERS No. 2026-11\nCybersecurity "
            "requirements for the SCADA Upgrade\n\n1. Every shortlisted supplier will be required to sign the "
            "Cybersecurity Undertaking in Annex 3. By that undertaking the supplier will commit to maintain supply and "
            "technical support unless there is a justifiable reason to stop.\n\n2. Questions may be addressed to the "
            "Centre.\n")
    assert _verdict(text, "CSR04") == "missing"


def test_a_bilingual_tender_notice_binds_no_supplier() -> None:
    text = ("某市燃气集团国际招标公告（节选）/ International Tender Notice of Jinghai Gas Group (extract)\n\n供应商资格及"
            "数据安全要求：中标人须提供安全、稳定、持续的服务；未经采购人同意，不得访问、获取、留存、使用、泄露或者向他人提供"
            "采购人网络数据，不得进行关联分析。\n\nSupplier requirements: the winning bidder must not, without the "
            "purchaser's consent, access, obtain, retain, use, disclose or provide to others the purchaser's network "
            "data, and must not carry out correlation analysis.\n")
    assert _verdict(text, "ND02", pack="network-data") == "missing"


@pytest.mark.parametrize("leave", [
    "乙方可将平台的部分运维工作交由其选定的第三方服务商承担，无需逐一取得甲方同意。",
    "为保障服务连续性，乙方可根据人员情况自行安排其合作的劳务单位派员顶岗。",
])
def test_work_handed_to_others_the_supplier_picks_contradicts_pipl21_05(leave: str) -> None:
    text = ("委托方：某供电公司（“甲方”）\n\n受托方：某云计算有限公司（“乙方”）\n\n第5条 未经甲方书面同意，乙方不得委托"
            f"第三方处理甲方客户个人信息。\n\n第9条 {leave}\n")
    assert _verdict(text, "PIPL21-05", pack="pipl21") == "contradicted"
