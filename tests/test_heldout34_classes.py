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
