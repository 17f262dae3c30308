"""False-pass classes of held-out part 54 and packs part 48 (scored once with matcher-freeze-55 / packs-freeze-48;
issues 10 and 15). Every text is written here for the test in words of our own; none is taken from the held-out
cases.

- A tender submission the body shuts out ("No other document submitted by the Contractor during the tender process
  shall form part of the Contract") beside an attachment headed as one ("ATTACHMENT — … (submitted with the
  Tender)"): its answers are not the contract's (common.yaml ``unagreed_parts.excluded_submissions``,
  ``submission_heads``).
- A firm duty for a period, then a later paragraph of the clause on what follows it ("6.2 Thereafter, the Supplier
  will offer Spares … on an as-available basis"): the firm duty holds only for the period (frames.yaml
  ``period_followers``).
- Personal information with examples after it ("personal information of the Client's employees, such as identity
  numbers, bank account details or salary data"): the examples are of that kind, so the ban still covers only
  personal information (CSR02 ``partial_kinds``).
- A ban on correlating the operator's data with the supplier's other customers' data only ("不得将甲方网络数据与乙方
  其他客户的数据进行关联分析") leaves every other correlation open (ND03 ``weakening``, as the English already was).
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

EN = ('LIFECYCLE SUPPORT AGREEMENT between Northgate Rail Freight Co., Ltd. (the "Purchaser") and Alder Yard Systems '
      'Ltd. (the "Supplier").\n\n')
ZH = "甲方（采购人）：某省电力交易中心有限公司\n\n乙方（供应商）：某云数据技术有限公司\n\n"

EXCLUSION = ("1.4 Contract Documents. The Contract comprises the Agreement, the Conditions and the Purchaser's "
             "Requirements. No other document submitted by the Supplier during the tender process shall form part of "
             "the Contract.")
ANSWERS = ("ATTACHMENT — SUPPLIER'S ANSWERS TO THE SECURITY QUESTIONNAIRE (submitted with the Tender)\n\n"
           "Q3. Will the Tenderer undertake not to collect the Purchaser's data? — Answer: Yes. The Supplier shall not "
           "illegally obtain any user data.")


def test_an_answer_in_a_tender_submission_the_body_shuts_out_binds_nobody() -> None:
    assert _verdict(EN + EXCLUSION + "\n\n" + ANSWERS, "CSR02") == "missing"


def test_the_same_answers_without_the_exclusion_still_bind() -> None:
    assert _verdict(EN + "1.4 Contract Documents. The Contract comprises the Agreement and its attachments.\n\n"
                    + ANSWERS, "CSR02") == "satisfied"


FIRM = ("6.1 For five (5) years after Taking-Over, the Supplier shall continue to supply Spares and provide the "
        "Technical Support Services, and shall not interrupt either without justifiable reason.")


@pytest.mark.parametrize("after", [
    "6.2 Thereafter, the Supplier will offer Spares and Technical Support Services on an as-available basis.",
    "6.2 After that period, Spares and Technical Support Services are offered at the Supplier's then-current rates.",
])
def test_what_follows_the_period_bounds_the_firm_duty(after: str) -> None:
    assert _verdict(EN + FIRM + "\n\n" + after, "CSR04") == "weak"


def test_a_later_clause_on_another_subject_does_not_bound_it() -> None:
    other = "7.1 Thereafter, the Purchaser shall pay the Spares at the rates in Schedule 3."
    assert _verdict(EN + "6.1 The Supplier shall not interrupt the supply of Spares or the Technical Support Services "
                    "without justifiable reason.\n\n" + other, "CSR04") == "satisfied"


@pytest.mark.parametrize("clause", [
    "9.1 The Supplier shall not illegally obtain personal information of the Purchaser's employees, such as identity "
    "numbers, bank account details or salary data.",
    "9.1 The Supplier shall not illegally obtain personal information, including names, telephone numbers and "
    "travel data.",
])
def test_examples_after_personal_information_are_of_that_kind(clause: str) -> None:
    assert _verdict(EN + clause, "CSR02") == "weak"


def test_a_kind_beside_other_data_with_examples_of_the_other_still_covers_the_data() -> None:
    clause = ("9.1 The Supplier shall not illegally obtain personal information of the Purchaser's customers or the "
              "Purchaser's operational data, such as meter readings.")
    assert _verdict(EN + clause, "CSR02") == "satisfied"


@pytest.mark.parametrize(("clause", "expected"), [
    ("2. 乙方不得将甲方网络数据与乙方其他客户的数据进行关联分析。", "weak"),
    ("2. 乙方不得将甲方网络数据与其服务的其他客户的数据进行关联分析。", "weak"),
    ("2. 乙方不得对甲方网络数据进行关联分析。", "satisfied"),
    # the whole ban, and merging with other customers' data besides
    ("2. 乙方不得对甲方网络数据进行关联分析，不得将甲方网络数据与其他客户的数据进行合并或者比对。", "satisfied"),
])
def test_a_ban_on_correlating_with_other_customers_data_only_is_partial(clause: str, expected: str) -> None:
    assert _verdict(ZH + clause, "ND03", "network-data") == expected


# Recall classes found in part 54 after its fold: the buyer defined as "the Company" (or by any label the library's
# lists of buyer words do not hold) deciding or authorising is the buyer's trigger or leave, never a carve-out; the
# same words with the supplier so defined stay one.
COMPANY = ('LICENCE AND SERVICES AGREEMENT between Eastern Refining Co., Ltd. (the "Company") and Apex Controls Ltd. '
           '(the "Contractor").\n\n')
VENDOR_COMPANY = ('LICENCE AND SERVICES AGREEMENT between Eastern Refining Co., Ltd. (the "Customer") and Apex Controls '
                  'Ltd. (the "Company").\n\n')


@pytest.mark.parametrize(("text", "rule", "expected"), [
    (COMPANY + "4.1 If the Company determines that the procurement requires a cybersecurity review, the Contractor "
     "shall cooperate with the cybersecurity review.", "CSR01", "satisfied"),
    (COMPANY + "7.1 The Contractor shall not illegally control or manipulate the Company's equipment, save under the "
     "Company's written authority.", "CSR03", "satisfied"),
    (VENDOR_COMPANY + "7.1 The Company shall not illegally control or manipulate the Customer's equipment, save where "
     "the Company determines it necessary.", "CSR03", "weak"),
    (COMPANY + "7.1 The Contractor shall not illegally control or manipulate the Company's equipment, save under the "
     "Contractor's written authority.", "CSR03", "weak"),
])
def test_the_buyers_own_decision_or_leave_under_its_own_label_is_no_carve_out(text: str, rule: str,
                                                                              expected: str) -> None:
    assert _verdict(text, rule) == expected
