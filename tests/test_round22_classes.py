"""Round 22 (issues 10 and 15): the grounds for pausing supply are no licence to take data or to control equipment.

The buyer's unpaid invoice, its breach left uncured, force majeure and the contract's end justify a pause of supply
or support (CSR04, ND01). They had justified every requirement alike, so "the Supplier may remotely lock the Products
if the Buyer fails to pay" passed beside a promise not to control the buyer's equipment, and "不得获取甲方数据，但甲方
逾期付款的除外" passed as a data undertaking. Each case is written here in wordings of its own, with the near wording
that must keep its verdict. None of these texts is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document

ZH = "甲方（采购人）：北岭市轨道交通运营有限公司\n\n乙方（供应商）：华衡信号技术有限公司\n\n"
EN = "Purchaser: Harrowgate Water Authority\n\nSupplier: Kestrel Telemetry Limited\n\n"


def _verdict(text: str, rule: str, packs: tuple[str, ...] = ()) -> tuple[str, str]:
    library = load_packs(list(packs)) if packs else None
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    result = check_document(doc, library=library).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize("clause", [
    # a right to lock or disable what was supplied, for non-payment
    "11.1 The Supplier shall not unlawfully control or manipulate any equipment of the Purchaser.\n\n"
    "11.2 If the Purchaser fails to pay any invoice when due, the Supplier may remotely lock the Telemetry Units "
    "until payment is received.",
    "11.1 The Supplier shall not unlawfully control or manipulate any equipment of the Purchaser.\n\n"
    "11.2 The Supplier may remotely disable the Licensed Software in the event of the Purchaser's material breach.",
])
def test_a_kill_switch_for_the_buyers_default_takes_back_the_control_promise_en(clause: str) -> None:
    verdict, message = _verdict(EN + clause + "\n", "CSR03")
    assert verdict in ("contradicted", "weak"), message


def test_a_kill_switch_for_the_buyers_default_takes_back_the_control_promise_zh() -> None:
    text = ZH + "第十一条 11.1 乙方不得非法控制、操纵甲方的设备和系统。\n\n11.2 甲方逾期付款超过三十日的，乙方有权远程锁定信号设备的运行。\n"
    verdict, message = _verdict(text, "CSR03")
    assert verdict in ("contradicted", "weak"), message


@pytest.mark.parametrize("text,rule", [
    (ZH + "第九条 乙方不得非法控制、操纵甲方的设备，但甲方逾期付款或者严重违约的除外。\n", "CSR03"),
    (ZH + "第九条 乙方不得获取甲方及其用户的数据，但因不可抗力确需调取的除外。\n", "CSR02"),
    (EN + "9.1 The Supplier shall not access or obtain any Purchaser Data, except where the Purchaser is in "
          "material breach of this Agreement.\n", "CSR02"),
    (EN + "9.1 The Supplier shall not control or manipulate the Purchaser's equipment save in an emergency.\n", "CSR03"),
])
def test_a_ground_for_pausing_supply_is_a_carve_out_of_a_data_or_equipment_promise(text: str, rule: str) -> None:
    verdict, message = _verdict(text, rule)
    assert verdict == "weak", message


def test_a_right_to_collect_data_under_force_majeure_contradicts_the_data_promise() -> None:
    text = EN + ("9.1 The Supplier shall not obtain user data of the Purchaser.\n\n"
                 "9.2 In the event of force majeure, the Supplier may collect and retain operational data of the "
                 "Purchaser's users.\n")
    verdict, message = _verdict(text, "CSR02")
    assert verdict in ("contradicted", "weak"), message


# the near wordings: the same grounds still justify a pause of supply, and the law still justifies data access
@pytest.mark.parametrize("text,rule", [
    (ZH + "第十二条 乙方不得无正当理由中断产品供应或者技术支持服务，但甲方逾期付款经书面催告三十日仍未支付的除外。\n", "CSR04"),
    (ZH + "9.1 乙方应持续供应硬件并提供技术支持；除甲方重大违约经书面催告三十日未改正、不可抗力或法令禁止外，不得中断。\n", "CSR04"),
    (EN + "12.1 The Supplier shall not suspend the supply of the Products or necessary technical support, except "
          "where the Purchaser fails to pay undisputed invoices within sixty days of written notice or in the event "
          "of force majeure.\n", "CSR04"),
    (EN + "9.1 The Supplier shall not obtain user data of the Purchaser.\n\n9.2 The Supplier may disclose such data "
          "where required by law.\n", "CSR02"),
    # a pause of supply beside an equipment promise is judged under supply, not under control
    (EN + "11.1 The Supplier shall not unlawfully control or manipulate any equipment of the Purchaser.\n\n"
          "11.2 The Supplier shall not suspend the supply of the Products or technical support, except where the "
          "Purchaser fails to pay an undisputed invoice within sixty days of written notice.\n", "CSR03"),
])
def test_the_grounds_still_justify_a_pause_of_supply(text: str, rule: str) -> None:
    verdict, message = _verdict(text, rule)
    assert verdict == "satisfied", message


def test_the_network_data_continuity_rule_keeps_the_supply_grounds() -> None:
    text = ZH + ("第十条 乙方应当履行网络数据安全保护义务，提供安全、稳定、持续的服务，但甲方逾期付款经书面催告三十日仍未支付或者"
                 "不可抗力的除外。\n")
    verdict, message = _verdict(text, "ND01", ("network-data",))
    assert verdict == "satisfied", message


# --- an override naming another clause by number takes back that clause only

@pytest.mark.parametrize("text,rule", [
    (EN + "26.1 The Supplier shall cooperate with any cybersecurity review of this procurement, including by "
          "providing the documents and explanations requested.\n\n26.2 The Supplier shall not interrupt the supply "
          "of the Products or technical support without justifiable reason.\n\n26.3 Notwithstanding Clause 26.2, "
          "the Supplier may cease supplying any Product on ninety days' notice for its commercial convenience.\n",
     "CSR01"),
    (ZH + "第十七条 17.1 甲方申报网络安全审查的，乙方应当配合，如实提供所需材料并接受问询。\n\n17.2 乙方不得无正当理由中断产品供应"
          "或者必要的技术支持服务。\n\n17.3 尽管有第17.2条的约定，乙方可因内部业务调整，提前六十日书面通知甲方后停止提供技术支持。\n",
     "CSR01"),
])
def test_an_override_of_another_clause_is_no_rider_on_this_one(text: str, rule: str) -> None:
    verdict, message = _verdict(text, rule)
    assert verdict == "satisfied", message
    assert _verdict(text, "CSR04")[0] == "contradicted"


@pytest.mark.parametrize("text", [
    # the override names the undertaking's own clause, its parent, or no number at all: still read with it
    EN + "26.1 The Supplier shall cooperate with any cybersecurity review of this procurement, including by "
         "providing the documents and explanations requested.\n\n26.2 Notwithstanding Clause 26.1, the Supplier may "
         "decline to provide any document it considers commercially sensitive.\n",
    EN + "26.1 The Supplier shall cooperate with any cybersecurity review of this procurement, including by "
         "providing the documents and explanations requested.\n\n26.2 Notwithstanding Clause 26, the Supplier may "
         "decline to provide any document it considers commercially sensitive.\n",
    ZH + "第十七条 17.1 甲方申报网络安全审查的，乙方应当配合，如实提供所需材料并接受问询。\n\n17.2 尽管有前款约定，乙方可拒绝提供"
         "其认为涉及商业秘密的材料。\n",
    # an override of another clause that speaks of the undertakings as a whole
    EN + "26.1 The Supplier shall cooperate with any cybersecurity review of this procurement, including by "
         "providing the documents and explanations requested.\n\n26.2 The Supplier shall not interrupt the supply "
         "of the Products without justifiable reason.\n\n26.3 Notwithstanding Clause 26.2, the foregoing "
         "undertakings shall apply only to the extent the Supplier considers commercially reasonable.\n",
])
def test_an_override_of_this_clause_still_qualifies_it(text: str) -> None:
    verdict, message = _verdict(text, "CSR01")
    assert verdict in ("weak", "contradicted"), message


# --- a deeming about another requirement's subject

def test_a_deeming_on_collected_data_is_no_rider_on_the_equipment_promise() -> None:
    text = ZH + ("第十条 安全承诺\n\n10.1 乙方承诺不利用提供产品和服务的便利条件获取甲方用户数据；但乙方为优化算法而收集的数据，视为已"
                 "获得甲方授权。\n\n10.2 乙方承诺不非法控制和操纵甲方的信号设备。\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict == "satisfied", message
    assert _verdict(text, "CSR02")[0] == "weak"


def test_a_deeming_on_remote_operations_still_qualifies_the_equipment_promise() -> None:
    text = ZH + ("第十条 安全承诺\n\n10.1 乙方承诺不非法控制和操纵甲方的信号设备。\n\n10.2 乙方为运维目的对甲方设备进行的远程操作，"
                 "视为已获得甲方授权。\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict in ("weak", "contradicted"), message


# --- the supply requirement's words are not the review's

def test_a_promise_not_to_interrupt_supply_is_no_refusal_of_the_review() -> None:
    text = EN + ("14.1 The Supplier shall cooperate with any cybersecurity review of this procurement, including by "
                 "providing the documents requested.\n\n14.2 Without prejudice to Clause 22 (Suspension for "
                 "Non-Payment), the Supplier shall not suspend, withdraw or interrupt the supply of the Products or "
                 "the Support Services during the Term without justifiable reason.\n")
    verdict, message = _verdict(text, "CSR01")
    assert verdict == "satisfied", message


def test_a_refusal_to_issue_security_patches_still_contradicts_the_security_duty() -> None:
    text = EN + ("6.1 The Supplier shall take the technical and organisational measures necessary to protect the "
                 "security of the Products.\n\n6.2 The Supplier shall have no obligation to issue security patches "
                 "other than at its sole discretion.\n")
    verdict, message = _verdict(text, "SEC01", ("security-agreement",))
    assert verdict in ("contradicted", "weak"), message


@pytest.mark.parametrize("reason", [
    "where export of the Products is prohibited under PRC law",
    "where a court or competent PRC authority has ordered the suspension",
])
def test_the_law_and_a_court_justify_a_pause_in_other_words(reason: str) -> None:
    text = EN + ("12.1 The Supplier shall not suspend the supply of the Products or the Support Services, except "
                 f"where the Purchaser fails to pay an undisputed invoice within sixty days of written notice, or {reason}.\n")
    verdict, message = _verdict(text, "CSR04")
    assert verdict == "satisfied", message


def test_a_later_deeming_of_data_and_sessions_still_takes_back_the_equipment_promise() -> None:
    # the library has no word for a "support session", so the deeming cannot be shown to be about data alone
    text = EN + ("16.1 The Supplier shall not unlawfully obtain user data or unlawfully control user equipment by "
                 "virtue of supplying the Products.\n\n16.2 Any data collected by the Supplier's monitoring agent, "
                 "and any support session the Supplier opens through it, shall be deemed authorised by the "
                 "Purchaser.\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict in ("weak", "contradicted"), message


# --- what the buyer reasonably asks for, and "to the extent" before a justified ground

@pytest.mark.parametrize("clause,rule,expected", [
    ("The Supplier shall cooperate with the cybersecurity review and provide all documents and explanations "
     "reasonably requested by the Purchaser or the reviewing authority.", "CSR01", "satisfied"),
    ("The Supplier shall cooperate with the cybersecurity review to the extent it considers reasonable.", "CSR01", "weak"),
    ("The Supplier shall cooperate with the cybersecurity review to the extent practicable.", "CSR01", "weak"),
    ("The Supplier shall not access Purchaser Data except to the extent necessary to provide the Services in "
     "accordance with the Purchaser's written instructions.", "CSR02", "satisfied"),
    ("The Supplier shall not access Purchaser Data except to the extent the Supplier decides.", "CSR02", "weak"),
    ("The Supplier shall not suspend the supply of the Products or technical support except to the extent "
     "prevented by force majeure.", "CSR04", "satisfied"),
    # opening the duty, "to the extent permitted by" a law the contract defines as any jurisdiction's limits it
    ("To the extent permitted by Applicable Law, the Supplier will cooperate with any cybersecurity review of the "
     "Products.", "CSR01", "weak"),
    ("The Supplier shall not suspend the supply of the Products or technical support except to the extent "
     "commercially reasonable.", "CSR04", "weak"),
])
def test_to_the_extent_reads_with_what_follows_it(clause: str, rule: str, expected: str) -> None:
    definition = '1.1 "Applicable Law" means any law or order of any jurisdiction that applies to the Supplier.\n\n'
    verdict, message = _verdict(EN + definition + "9.1 " + clause + "\n", rule)
    assert verdict == expected, message


# --- a later lead-in that limits the pause to the cases it lists

_SUPPLY_ZH = "第七条\n\n7.1 乙方应在本合同有效期内持续供应合同软件的版本并提供技术支持服务。\n\n7.2 乙方仅在下列情形下方可暂停服务：\n\n"


@pytest.mark.parametrize("items,expected", [
    ("（一）甲方逾期支付服务费，经乙方书面催告后六十日内仍未支付；\n\n（二）甲方严重违约，经书面通知后三十日内未予纠正；\n\n"
     "（三）发生不可抗力，并以受影响的范围及期间为限。\n", ("satisfied",)),
    ("（一）甲方逾期付款，经书面催告后六十日内仍未支付；\n\n（二）乙方调整经营策略。\n", ("weak", "contradicted")),
    ("", ("weak",)),  # the list it promises is nowhere
])
def test_a_restricted_lead_in_reads_its_items(items: str, expected: tuple[str, ...]) -> None:
    verdict, message = _verdict(ZH + _SUPPLY_ZH + items, "CSR04")
    assert verdict in expected, message


def test_a_restricted_lead_in_with_discretion_is_still_a_rider() -> None:
    text = EN + ("7.1 The Supplier shall supply the Products and provide technical support throughout the Term.\n\n"
                 "7.2 The Supplier may, at its discretion, suspend supply only in the following circumstances:\n\n"
                 "(a) the Purchaser fails to pay an undisputed invoice within sixty days of written notice.\n")
    verdict, message = _verdict(text, "CSR04")
    assert verdict in ("weak", "contradicted"), message


# --- cooperation until the review ends, and a duty the contract's completion does not release

@pytest.mark.parametrize("text", [
    EN + "7.1 The Supplier shall provide all documents requested by the Purchaser or the reviewing authority and "
         "shall cooperate with the cybersecurity review until it is concluded.\n",
    ZH + "第十三条 13.1 全面配合甲方依法申报的网络安全审查，是乙方在本合同项下的一项持续性义务，不因本合同履行完毕而免除。\n",
    ZH + "第十二条 12.1 甲方申报网络安全审查的，乙方应当提交所需材料，如实答复问询，并配合审查直至审查程序终结。\n",
])
def test_cooperation_until_the_review_ends_is_whole(text: str) -> None:
    verdict, message = _verdict(text, "CSR01")
    assert verdict == "satisfied", message


# --- an exception list, and a later lead-in, are read with the reasons of the requirement they qualify

_CONTROL_ZH = "第九条\n\n9.1 乙方不得远程控制、操纵甲方的设备"
_GROUNDS_ZH = "（一）甲方逾期付款，经书面催告后六十日内仍未支付；\n\n（二）发生不可抗力。\n"


@pytest.mark.parametrize("text,expected", [
    # the buyer's default excepted from a promise on equipment
    (ZH + _CONTROL_ZH + "，但有下列情形之一的除外：\n\n" + _GROUNDS_ZH, ("weak",)),
    # a later right to access the equipment in those cases only
    (ZH + _CONTROL_ZH + "。\n\n9.2 乙方仅在下列情形下方可远程访问甲方设备：\n\n" + _GROUNDS_ZH, ("weak", "contradicted")),
    # the same right limited to the buyer's consent and the law
    (ZH + _CONTROL_ZH + "。\n\n9.2 乙方仅在下列情形下方可远程访问甲方设备：\n\n（一）甲方书面同意；\n\n（二）法律法规要求。\n",
     ("satisfied",)),
    # a right to pause the service in those cases is the supply requirement's matter
    (ZH + _CONTROL_ZH + "。\n\n9.2 乙方仅在下列情形下方可暂停服务：\n\n" + _GROUNDS_ZH, ("satisfied",)),
    (EN + "Clause 9\n\n9.1 The Supplier shall not control or manipulate the Purchaser's equipment.\n\n9.2 The Supplier "
          "may access the Purchaser's equipment only where the Purchaser fails to pay an undisputed invoice within "
          "sixty days of written notice.\n", ("weak", "contradicted")),
])
def test_lists_are_read_with_the_reasons_of_the_promise_they_qualify(text: str, expected: tuple[str, ...]) -> None:
    verdict, message = _verdict(text, "CSR03")
    assert verdict in expected, message


def test_the_supply_promise_keeps_its_list_of_grounds_and_the_next_clause_is_no_item() -> None:
    text = EN + ("13.1 The Supplier shall not suspend the supply of the Products or technical support except where:\n\n"
                 "(a) the Purchaser has failed to pay undisputed sums for sixty days after written notice;\n\n"
                 "(b) PRC law prohibits the supply.\n\n20. This Agreement is governed by the laws of the People's "
                 "Republic of China.\n")
    verdict, message = _verdict(text, "CSR04")
    assert verdict == "satisfied", message


def test_a_liability_exclusion_contradicts_the_liability_rule_not_the_security_duty() -> None:
    text = ZH + "第六条 乙方应采取必要的安全保护措施，防范网络攻击。\n\n第九条 乙方对任何数据泄露或安全事件不承担任何责任。\n"
    assert _verdict(text, "SEC04", ("security-agreement",))[0] == "contradicted"
    assert _verdict(text, "SEC01", ("security-agreement",))[0] != "contradicted"


def test_a_negated_item_of_a_duty_list_does_not_reach_the_next_item() -> None:
    text = EN + ("5.1 The Supplier shall take effective security protection measures, remedy security vulnerabilities "
                 "promptly, not implant malicious code, report security incidents without delay, and comply with the "
                 "Purchaser's security management rules.\n")
    assert _verdict(text, "SEC04", ("security-agreement",))[0] != "contradicted"
