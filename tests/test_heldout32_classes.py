"""The false-pass classes of held-out part 32 and packs part 26 (issues 10 and 15), fixed after the parts were scored
once with matcher-freeze-33 / packs-freeze-26. Every text is written here for the test in words of our own; none is
taken from the held-out cases.

- A buyer's invitation for bids whose title runs on after a dash ("INVITATION FOR BIDS No. … — Section VII, Special
  Conditions of Contract (draft)") announces the terms the winning bidder will sign: no supplier has undertaken
  anything yet (a false gate pass at the freeze).
- "…所收集之一切系统资料，不构成本条所称之非法取得": the banned act deemed not to be it takes the ban back. (The
  definition reader had taken 之 into the term it defines, and so read the sentence as defining another word.)
- "不得非法收集终端用户的姓名、身份证号码、手机号码等个人信息": the narrow categories listed before 个人信息 are
  personal information too, so the ban still covers that one kind of the user data only.
- "shall not obtain any data … in the course of or by means of a Prohibited Access" (access the buyer has not
  authorised): data taken during an authorised access is left open.
- Packs: a correlation ban confined to the contract's term, opening 本契约有效期间内 (without 在), is partial too.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "采购人（甲方）：江澜省地震预警中心\n\n服务商（乙方）：赣预科技服务有限公司\n\n"
EN = ('This Supply and Maintenance Contract is made between China Railway Lakeshore Group Co., Ltd. (the "Purchaser") '
      'and Veloce Segnali S.r.l. (the "Supplier").\n\n')
UNDERTAKINGS = ("SCC 14.1 The Supplier shall cooperate with the cybersecurity review of this procurement and provide "
                "the materials requested.\n\nSCC 14.2 The Supplier shall not unlawfully control or manipulate the "
                "Purchaser's equipment.\n")


@pytest.mark.parametrize("title", [
    "INVITATION FOR BIDS No. LS-ZB-2026-031 — Section VII, Special Conditions of Contract (draft)",
    "Invitation to Tender LS-2026-031 - Part 3, Conditions of Contract",
    "CALL FOR TENDERS No. 2026/031 — Special Conditions of Contract",
])
def test_an_invitation_for_bids_announces_terms_no_supplier_has_given(title: str) -> None:
    text = (title + '\n\nIssued by China Railway Lakeshore Group Co., Ltd. (the "Purchaser")\n\nBidders are informed '
            "that the Contract to be signed with the successful Bidder will contain the following conditions.\n\n"
            + UNDERTAKINGS)
    assert _verdict(text, "CSR01") == "missing"
    assert _verdict(text, "CSR03") == "missing"


def test_a_contract_whose_title_runs_on_after_a_dash_is_still_a_contract() -> None:
    text = "SUPPLY AND MAINTENANCE CONTRACT — SCHEDULE 7, SECURITY UNDERTAKINGS\n\n" + EN + UNDERTAKINGS
    assert _verdict(text, "CSR01") == "satisfied"
    assert _verdict(text, "CSR03") == "satisfied"


@pytest.mark.parametrize(("rider", "expected"), [
    ("甲方同意，乙方为保修服务之目的经由远程诊断模块所收集之一切系统数据，不构成本条所称之非法获取。", "weak"),
    ("乙方经由远程诊断模块收集的运行数据，不属于本条所称的非法获取。", "weak"),
    # a definition of a word the undertaking does not use takes nothing from it
    ("因不可抗力停止服务的，不构成本条所称之中断。", "satisfied"),
])
def test_the_banned_act_deemed_not_to_be_it_takes_the_ban_back(rider: str, expected: str) -> None:
    text = ZH + "第二条 乙方不得利用提供服务之便非法获取甲方的数据。" + rider + "\n"
    assert _verdict(text, "CSR02") == expected


@pytest.mark.parametrize(("objects", "expected"), [
    ("终端用户的姓名、身份证号码、手机号码等个人信息", "weak"),
    ("终端用户的身份证号码和手机号码", "weak"),
    ("甲方的地震监测数据以及终端用户的身份证号码、手机号码等个人信息", "satisfied"),
])
def test_narrow_categories_listed_with_personal_information_are_of_that_kind(objects: str, expected: str) -> None:
    text = ZH + f"第十二条 服务商不得利用为采购人提供预警终端及服务之便，非法收集{objects}。\n"
    assert _verdict(text, "CSR02") == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("17.2 The Supplier shall not obtain any data from a Purchaser System in the course of or by means of a "
     "Prohibited Access.", "weak"),
    ("17.2 The Supplier shall not obtain any data of the Purchaser or its users through unauthorised access.", "weak"),
    ("17.2 The Supplier shall not use its position as supplier to obtain any data of the Purchaser or its users "
     "without the Purchaser's written authorisation.", "satisfied"),
])
def test_a_data_ban_confined_to_unauthorised_access_leaves_authorised_access_open(clause: str, expected: str) -> None:
    definition = ('17.1 "Prohibited Access" means any access to a Purchaser System by the Supplier other than an access '
                  "authorised in writing by the Purchaser.\n\n")
    assert _verdict(EN + definition + clause + "\n", "CSR02") == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("第七条 本契约有效期间内，乙方不得对甲方资料进行关联分析。", ("weak",)),
    ("第七条 本合同有效期内，乙方不得对甲方数据进行关联分析。", ("weak",)),
    ("第七条 未经甲方书面同意，乙方不得对甲方数据进行关联分析，本条义务在合同终止后继续有效。", ("satisfied",)),
])
def test_a_correlation_ban_for_the_term_only_is_partial(clause: str, expected: tuple[str, ...]) -> None:
    text = "甲方：环岛购电子商务股份有限公司\n\n乙方：逆流数据科技股份有限公司\n\n" + clause + "\n"
    assert _verdict(text, "ND03", "network-data") in expected


# A second review, of this round's fixes and of the first review's mend (a helper that ran them), found these readings
# wrong after 303b460; each is mended.

CUSTOMER = ('This Clearing System Supply Agreement is made between Northern Grain Futures Exchange Ltd (the '
            '"Customer") and Halden Market Systems Ltd (the "Supplier").\n\n8.4 The Supplier shall ')


@pytest.mark.parametrize(("rest", "rule", "expected"), [
    # the subcontractors' second ban is still theirs; only a "shall" of the supplier's own opens its own clause
    ("procure that its subcontractors do not retain Customer Data, and do not take control of any equipment or "
     "network of the Customer.", "CSR03", "weak"),
    ("procure that its subcontractors do not retain Customer Data, and will not take control of any equipment or "
     "network of the Customer.", "CSR03", "weak"),
    # one subcontractor and "its personnel": whose people is unclear
    ("ensure that its subcontractor and its personnel do not take control of any equipment or network of the "
     "Customer.", "CSR03", "weak"),
    # unauthorised access as one means among others limits nothing
    ("not obtain any Customer Data, whether by means of unauthorised access or by any other means.", "CSR02",
     "satisfied"),
    ("not take control of any equipment or network of the Customer except as the Customer may direct in writing.",
     "CSR03", "satisfied"),
])
def test_second_review_readings(rest: str, rule: str, expected: str) -> None:
    assert _verdict(CUSTOMER + rest + "\n", rule) == expected


def test_second_review_the_suppliers_own_assurance_is_no_deeming() -> None:
    text = ZH + "12.1 乙方不得非法获取甲方用户数据，并应确保其数据采集行为不构成违法收集。\n"
    assert _verdict(text, "CSR02") == "satisfied"


def test_second_review_a_contract_titled_before_a_dash_is_no_notice() -> None:
    text = ("Policy Administration System Maintenance Agreement — Schedule 4, Information Security Requirements "
            "(Execution Version) for the Core Insurance Platform\n\n" + UNDERTAKINGS)
    assert _verdict(text, "CSR01") == "satisfied"


def test_second_review_a_regulator_in_a_numbered_recital_is_not_the_buyer() -> None:
    text = ('This Agreement sets out the terms on which Orbis Trading Systems Ltd (the "Supplier") supplies the '
            "Clearing System to the Customer named in the Order Form.\n\n1. Henan Provincial Market Supervision "
            'Administration, whose offices are in Zhengzhou (the "Administration"), has approved the Project.\n\n'
            "26.3 The Supplier shall not take over, operate, lock or otherwise manipulate any equipment, system or "
            "network of the Customer unless the Administration has authorised it in writing.\n")
    assert _verdict(text, "CSR03") == "weak"


SCHEDULE = ("SCHEDULE 4 - SUPPLIER SECURITY UNDERTAKINGS\n\n" + CUSTOMER[:CUSTOMER.index("8.4")]
            + "1. The Supplier shall not take control of, reconfigure or interfere with any equipment or network of "
              "the Customer without the Customer's prior written consent.\n\n5. ")
ANNEX = ("附件四 供应商安全承诺\n\n采购人（甲方）：江临农村商业银行股份有限公司\n\n供应商（乙方）：恒拓金融科技有限公司\n\n"
         "一、未经甲方书面同意，乙方不得控制、操纵或者干扰甲方的设备和网络。\n\n")


@pytest.mark.parametrize(("text", "expected"), [
    (SCHEDULE + "This Schedule shall remain in force for twelve (12) months from the Effective Date.", "weak"),
    (SCHEDULE + "The undertakings in this Schedule shall remain in force for a period of twelve (12) months from "
                "the Effective Date.", "weak"),
    (SCHEDULE + "This Schedule shall expire on the first anniversary of the Effective Date.", "weak"),
    (SCHEDULE + "The undertakings in this Schedule shall apply for the duration of the Warranty Period only.", "weak"),
    (SCHEDULE + "The undertakings in this Schedule shall apply for the duration of this Agreement.", "satisfied"),
    (ANNEX + "五、本附件有效期为一年。", "weak"),
    (ANNEX + "五、本附件所列承诺自签署之日起一年内有效。", "weak"),
    (ANNEX + "五、本附件有效期至本合同终止之日。", "satisfied"),
])
def test_second_review_more_forms_of_a_schedules_own_term(text: str, expected: str) -> None:
    assert _verdict(text + "\n", "CSR03") == expected


@pytest.mark.parametrize("clause", ["第七条 本合同存续期间，乙方不得对甲方网络数据进行关联分析。",
                                    "第七条 在服务期内，乙方不得对甲方网络数据进行关联分析。"])
def test_second_review_more_forms_of_a_term_limited_correlation_ban(clause: str) -> None:
    text = "甲方：环岛购电子商务股份有限公司\n\n乙方：逆流数据科技股份有限公司\n\n" + clause + "\n"
    assert _verdict(text, "ND03", "network-data") == "weak"


@pytest.mark.parametrize(("text", "rule", "expected"), [
    ("12.1 乙方不得控制、操纵甲方设备。乙方为履行保修义务经由远程运维模块进行的任何远程登录及操作，不构成本条所称之非法控制。",
     "CSR03", "weak"),
    ("12.1 未经甲方书面同意，乙方不得获取、收集甲方用户数据。乙方经由远程诊断模块收集的运行数据，不构成本条所称之非法获取。",
     "CSR02", "weak"),
    # a word the undertaking does not use is still another word
    ("12.1 乙方不得控制、操纵甲方设备。因不可抗力停止服务的，不构成本条所称之中断。", "CSR03", "satisfied"),
])
def test_a_deeming_that_qualifies_the_banned_act_speaks_of_it(text: str, rule: str, expected: str) -> None:
    """The review's one reading left as found at 0febc29: "本条所称之非法控制" beside a ban that does not itself say
    非法 was taken for a definition of another word; the requirement's qualifiers are no part of the word."""
    assert _verdict(ZH + text + "\n", rule) == expected
