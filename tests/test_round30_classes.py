"""Round 30 (issue 10): English drafting of the development corpus that the matcher left unread. Every text is
written here for the test in words of our own; none is taken from the evaluation cases.

- A lead-in that names whom the supplier undertakes to ("undertakes in favour of the Purchaser:", "covenants with
  the Employer as follows:") governs the items listed under it, as "undertakes as follows:" does.
- Items lettered with capitals ("A.", "B.") are list items of the lead-in above them.
- A nominal duty whose subject runs on over commas ("Uninterrupted supply of the System, spare parts and licences,
  and of the necessary technical support, for the Design Life is a fundamental obligation of the Contractor") binds
  the party named after "of"; a condition inside the subject still keeps it from binding.
- A right denied is a ban: "is not entitled to obtain", "shall not be entitled to", "shall have no right to",
  "may in no circumstances", 乙方无权获取 (and 不享有 is no grant of a right).
- The buyer's data named by whatever label the contract gave the buyer ("data of the Authority", "the Authority's
  data", 管理局之资料) is user data (CSR02 ``owned``); a longer noun it heads ("the Authority's information
  systems", 机关之信息设备) is not.
- "at every stage of the review", "providing what is asked for" and the kind of control system supplied ("the
  safety instrumented system") do not narrow an undertaking.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

EN = ('This Agreement is made between Qianhai Wafer Manufacturing Co., Ltd. (the "Purchaser") and Norrland Process '
      'Automation AB (the "Supplier").\n\n')
EMP = ('1.1 The Employer is Donghai Olefins Co., Ltd. and the Contractor is Westmark Controls Ltd., each as defined in '
       'the Conditions.\n\n')


@pytest.mark.parametrize("lead", ["undertakes in favour of the Purchaser:", "covenants with the Purchaser as follows:",
                                  "undertakes for the benefit of the Purchaser that:"])
def test_a_lead_in_naming_whom_the_supplier_undertakes_to_governs_its_items(lead: str) -> None:
    text = EN + (f"9. The Supplier {lead}\n\n(a) to cooperate fully with any cybersecurity review of the "
                 "procurement;\n\n(b) not to obtain, through the supply of the products, any data of the Purchaser "
                 "or of its users.\n")
    assert _verdict(text, "CSR01") == "satisfied"
    assert _verdict(text, "CSR02") == "satisfied"


def test_capital_letters_label_the_items_of_a_lead_in() -> None:
    text = EN + ("SCHEDULE 6 – SUPPLIER UNDERTAKINGS\n\nThe Supplier undertakes in favour of the Purchaser:\n\n"
                 "A. Review. To give full cooperation at every stage of any cybersecurity review of the safety "
                 "instrumented system procurement, providing what is asked for promptly and completely.\n\n"
                 "B. Data. Not to obtain, through its supply of or access to the process control system, any data "
                 "of the Purchaser or of the Purchaser's users.\n")
    assert _verdict(text, "CSR01") == "satisfied"
    assert _verdict(text, "CSR02") == "satisfied"


def test_a_nominal_duty_whose_subject_runs_over_commas_binds_the_party_named() -> None:
    text = EMP + ("30.2 Uninterrupted supply of the Plant, spare parts and software licences, and of the necessary "
                  "technical support and security patches, for the Design Life is a fundamental obligation of the "
                  "Contractor.\n")
    assert _verdict(text, "CSR04") == "satisfied"


def test_a_condition_inside_the_nominal_subject_keeps_it_from_passing() -> None:
    text = EMP + ("30.2 Uninterrupted supply of the Plant, where the Employer has renewed the support order, and of "
                  "the necessary technical support, for the Design Life is a fundamental obligation of the "
                  "Contractor.\n")
    assert _verdict(text, "CSR04") != "satisfied"


def test_a_nominal_subject_that_names_only_one_limb_stays_weak() -> None:
    text = EMP + ("30.2 Uninterrupted supply of the Plant, spare parts and software licences, for the Design Life, is a "
                  "fundamental obligation of the Contractor.\n")
    assert _verdict(text, "CSR04") != "satisfied"


@pytest.mark.parametrize("modal", ["is not entitled to obtain", "shall not be entitled to obtain",
                                   "shall have no right to obtain", "is not authorised to obtain",
                                   "may in no circumstances obtain"])
def test_a_right_denied_is_a_ban(modal: str) -> None:
    text = EN + f"9.1 The Supplier {modal}, through its access to the Products, any data of the Purchaser or of its users.\n"
    assert _verdict(text, "CSR02") == "satisfied"


def test_a_right_granted_stays_a_contradiction() -> None:
    text = EN + "9.1 The Supplier is entitled to obtain, through its access to the Products, any data of the Purchaser.\n"
    assert _verdict(text, "CSR02") == "contradicted"


@pytest.mark.parametrize("words", ["无权获取", "无权以任何方式获取"])
def test_no_right_in_chinese_is_a_ban(words: str) -> None:
    text = "甲方（采购人）：临海人力资源和社会保障信息中心\n\n乙方（供应商）：远衡数据科技有限公司\n\n" + f"第九条 乙方{words}甲方及其参保人员的数据。\n"
    assert _verdict(text, "CSR02") == "satisfied"


def test_a_right_not_enjoyed_is_no_grant() -> None:
    text = "甲方（采购人）：临海人力资源和社会保障信息中心\n\n乙方（供应商）：远衡数据科技有限公司\n\n第九条 乙方不享有获取甲方及其参保人员数据的权利。\n"
    assert _verdict(text, "CSR02") != "contradicted"


AUTH = ('This Contract is made between Linhai Metro Transit Authority (the "Authority") and Brightwave Signalling Ltd '
        '(the "Integrator").\n\n')


@pytest.mark.parametrize("words", ["data of the Authority or of its passengers", "the Authority's data"])
def test_the_data_of_the_buyer_by_its_own_label_is_user_data(words: str) -> None:
    assert _verdict(AUTH + f"10. The Integrator shall not obtain {words}.\n", "CSR02") == "satisfied"


def test_a_longer_noun_the_buyers_word_heads_is_not_its_data() -> None:
    assert _verdict(AUTH + "10. The Integrator shall not access the Authority's information systems.\n", "CSR02") \
        != "satisfied"


def test_the_data_of_a_chinese_buyer_label_is_user_data() -> None:
    text = ("采购人：临海市数据资源管理局（以下简称“管理局”）\n\n供应商：远衡数据科技有限公司（以下简称“供应商”）\n\n"
            "第九条 供应商不得获取管理局之资料。\n")
    assert _verdict(text, "CSR02") == "satisfied"
