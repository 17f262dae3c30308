"""The false-pass classes of held-out part 34 and packs part 28 (issues 10 and 15), fixed after the parts were scored
once with matcher-freeze-35 / packs-freeze-28. Every text is written here for the test in words of our own; none is
taken from the held-out cases.

- A definition with a colon after the quoted term ("「正當理由」：指不可抗力、…以及乙方營運策略調整", '"Justifiable
  Reason": means …') is read as "「正當理由」指…" is: the undertaking using the term takes what it admits (the false
  gate pass at the freeze).
- Packs: "shall not access, use, disclose or retain the patient names … except on the Client's documented
  instructions" restricts the supplier's contact with the data, it does not deny it: the pack applies (a wrong
  not_applicable passed the gate); an undertaking pointing at a schedule still "to be agreed" promises nothing yet.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

TW = "甲方：臺北市停車管理處\n\n乙方：鼎泰智慧停車股份有限公司\n\n"


@pytest.mark.parametrize(("definition", "expected"), [
    ("1.9 「正當理由」：指不可抗力、甲方逾期付款經催告仍未給付、法令禁止，以及乙方營運策略調整或產品停產。", "weak"),
    ("1.9 「正當理由」：指不可抗力、甲方逾期付款經催告仍未給付或法令禁止。", "satisfied"),
])
def test_a_definition_with_a_colon_is_read_with_the_term(definition: str, expected: str) -> None:
    text = (TW + "第十一條 資通安全\n\n11.4 本契約有效期間內，乙方無正當理由不得中斷產品供應或必要之技術支援服務。\n\n"
            "第一條 定義（節錄）\n\n" + definition + "\n")
    assert _verdict(text, "CSR04") == expected


def test_an_english_definition_with_a_colon_is_read_with_the_term() -> None:
    text = ('This Agreement is made between Linjiang Parking Authority (the "Buyer") and Vantage Kerb Systems Co., Ltd. '
            '(the "Supplier").\n\n9.1 The Supplier shall not interrupt the supply of the Products or necessary '
            'technical support without Justifiable Reason.\n\n1.4 "Justifiable Reason": means force majeure, the '
            "Buyer's failure to pay within sixty days after notice, or any reason the Supplier considers appropriate.\n")
    assert _verdict(text, "CSR04") == "weak"


def test_a_restriction_with_an_exception_is_no_denial_of_contact() -> None:
    text = ('Harbour Hospital (the "Client") and Quickline Messaging Ltd. (the "Vendor").\n\n4. The Vendor shall not '
            "access, use, disclose or retain the patient names, mobile numbers and appointment times sent by the "
            "Client except on the Client's documented instructions and to send the Client's reminders.\n\n5. The "
            "Vendor may route messages through any carrier of its choice.\n")
    assert _verdict(text, "PIPL21-05", "pipl21") != "not_applicable"
    denied = ('Harbour Hospital (the "Client") and Quickline Supplies Ltd. (the "Vendor").\n\n4. The Vendor delivers '
              "printed forms only and has no access to any personal information of the Client's patients.\n")
    assert _verdict(denied, "PIPL21-05", "pipl21") == "not_applicable"


def test_a_chinese_restriction_with_an_exception_is_no_denial_of_contact() -> None:
    text = ("甲方：江临医院\n\n乙方：速讯通信有限公司\n\n第四条 除为发送甲方预约提醒所必需外，乙方不处理甲方提供的患者姓名和手机号码。\n\n"
            "第五条 乙方可自行选择短信通道商并向其提供短信数据。\n")
    assert _verdict(text, "PIPL21-05", "pipl21") != "not_applicable"


@pytest.mark.parametrize(("schedule", "expected"), [
    ("Schedule 3 - Security Measures: to be agreed between the parties within 60 days after signature.", "weak"),
    ("Schedule 3 - Security Measures: encryption of dictations in transit and at rest; named accounts with "
     "multi-factor authentication; access logs kept for 12 months; annual staff training.", "satisfied"),
])
def test_an_undertaking_pointing_at_a_schedule_still_to_be_agreed(schedule: str, expected: str) -> None:
    text = ('Parties: Jianglin Hospital (the "Hospital") and Clearword Transcription Co., Ltd. (the "Contractor").\n\n'
            "2.1 The Contractor will transcribe radiologists' dictated reports, which include patient names and "
            "examination findings, from 1 July 2025 to 30 June 2026.\n\n2.3 The Contractor shall apply the security "
            "measures set out in Schedule 3.\n\n" + schedule + "\n")
    assert _verdict(text, "PIPL21-02", "pipl21") == expected


# The review of the fixes above (run by a helper on its own texts): each reading it found wrong, mended.

@pytest.mark.parametrize("clause", [
    "11.3 乙方除因原廠未給付授權外，不得中斷產品供應或必要之技術支援服務。",
    "11.3 除上游供應商逾期給付零組件外，乙方不得中斷產品供應或必要之技術支援服務。",
])
def test_performance_a_third_party_owes_is_no_unpaid_price(clause: str) -> None:
    assert _verdict(TW + clause + "\n", "CSR04") == "weak"


@pytest.mark.parametrize("definition", [
    "1.2 “服务”：指乙方交付的软件许可，不包括技术支持服务及硬件供应。",
    "1.2 “服务”指乙方交付的软件许可，不包括技术支持服务及硬件供应。",
    "1.2 “服务”指乙方提供的产品供货和保修期内的技术支持服务。",
])
def test_a_term_whose_definition_leaves_support_out_does_not_cover_it(definition: str) -> None:
    text = "甲方：临江县水务局\n\n乙方：澄江水文仪表有限公司\n\n" + definition + "\n\n8.3 乙方无正当理由不得中断本合同项下的服务。\n"
    assert _verdict(text, "CSR04") != "satisfied"


@pytest.mark.parametrize("definition", [
    "1.9 正當理由：指不可抗力、甲方逾期付款經催告仍未給付，以及乙方營運策略調整。",
    "1.9 【正當理由】：指不可抗力、甲方逾期付款經催告仍未給付，以及乙方營運策略調整。",
])
def test_a_definitions_table_without_quotes_is_read(definition: str) -> None:
    text = (TW + "11.4 本契約有效期間內，乙方無正當理由不得中斷產品供應或必要之技術支援服務。\n\n第一條 定義\n\n" + definition + "\n")
    assert _verdict(text, "CSR04") == "weak"


SUPPORT = ('This Agreement is made between Linjiang Parking Authority (the "Buyer") and Vantage Kerb Systems Co., Ltd. '
           '(the "Supplier").\n\n8.3 The Supplier shall not interrupt the supply of the Products or the technical support '
           "services described in Schedule 1 without justifiable reason.\n\n")


@pytest.mark.parametrize(("schedules", "expected"), [
    ("Schedule 1 - Services to be Provided\n\nThe Supplier shall provide on-site maintenance, remote support and "
     "spare parts for the life of the Products.", "satisfied"),
    ("Schedule 1 Technical Support Services\n\nSchedule 3 Fees (TBC)", "satisfied"),
    ("Schedule 1 Technical Support Services\n\nRemote support 24x7; on-site response within 4 hours; spare parts kept "
     "for 5 years; holiday rota to be agreed.", "satisfied"),
    ("Schedule 1 may be updated by the Buyer from time to time; any change to the service levels is to be agreed in "
     "writing.", "satisfied"),
    ("Schedule 1 - Technical Support Services: to be agreed between the parties within 60 days.", "weak"),
])
def test_only_a_schedule_that_says_nothing_but_to_be_agreed_is_unsettled(schedules: str, expected: str) -> None:
    assert _verdict(SUPPORT + schedules + "\n", "CSR04") == expected
