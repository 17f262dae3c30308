"""The false-pass classes of held-out part 31 (issue 10), fixed after the part was scored once with
matcher-freeze-32. Every text is written here for the test in words of our own; none is taken from the held-out cases.

- "The Supplier shall procure that each Subcontractor and its personnel: (b) do not take control of, reconfigure or
  interfere with …": the persons procured are the subcontractors (with "its personnel" the subcontractor's own), so
  the supplier's own acts stay free. The list of acts after their "do not" does not hide who must not act.
- "The undertakings in this Schedule apply during the Warranty Period only": the schedule ends its own undertakings
  long before the supply does, so each is weak, quoting the sentence. (本附件所列承诺仅在质保期内有效, likewise.)

Found on the way (the same classes, beside the false passes):
- 授权 as a noun ("软件授权的供应", "原厂授权书") grants the supplier nothing; "甲方授权乙方收集并使用…" does, as
  "甲方同意乙方收集…" already did: a right granted, not a lawful basis for the ban (a false pass at freeze-32).
- A buyer that defines itself by its own name with its address between ('(1) Lakeside Grain Exchange, whose
  registered address is in Zhengzhou, PRC (the "Exchange")') is the buyer, so its written authority is consent.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

EN = ('This Clearing System Supply Agreement is made between Northern Grain Futures Exchange (the "Exchange") and '
      'Halden Market Systems Ltd (the "Supplier").\n\n')
ZH = "采购人（甲方）：江临农村商业银行股份有限公司\n\n供应商（乙方）：恒拓金融科技有限公司\n\n"

CONTROL = ("The Supplier shall not take control of, reconfigure or interfere with any equipment or network of the "
           "Exchange without the Exchange's prior written consent.")


@pytest.mark.parametrize(("clause", "expected"), [
    ("8.4 The Supplier shall procure that each Subcontractor and its personnel: (a) keep the Exchange's data "
     "confidential; and (b) do not take control of, reconfigure or interfere with any equipment or network of the "
     "Exchange without the Exchange's prior written approval.", "weak"),
    ("8.4 The Supplier shall ensure that every sub-contractor does not take control of, reconfigure or interfere with "
     "any equipment or network of the Exchange without the Exchange's prior written approval.", "weak"),
    ("8.4 The Supplier shall procure that all Subcontractors do not take control of or interfere with any equipment "
     "or network of the Exchange without the Exchange's prior written approval.", "weak"),
    # the supplier's own people, or the supplier itself first: its own acts are bound
    ("8.4 The Supplier shall ensure that its personnel do not take control of, reconfigure or interfere with any "
     "equipment or network of the Exchange without the Exchange's prior written approval.", "satisfied"),
    ("8.4 The Supplier shall not, and shall procure that each Subcontractor and its personnel do not, take control "
     "of, reconfigure or interfere with any equipment or network of the Exchange without the Exchange's prior "
     "written approval.", "satisfied"),
    ("8.4 The Supplier undertakes that it shall:\n(a) keep the Exchange's data confidential; and\n(b) not, and "
     "ensure that its subcontractors do not, take control of, reconfigure or interfere with any equipment or network "
     "of the Exchange except as the Exchange directs in writing.", "satisfied"),
])
def test_a_promise_for_the_subcontractors_alone_leaves_the_suppliers_own_acts_free(clause: str,
                                                                                  expected: str) -> None:
    assert _verdict(EN + clause + "\n", "CSR03") == expected


@pytest.mark.parametrize(("term", "expected"), [
    ("5. The undertakings in this Schedule apply during the Defects Liability Period only.", "weak"),
    ("5. The undertakings set out in this Annex shall remain in force until Final Acceptance.", "weak"),
    ("5. The undertakings in this Schedule apply for the term of the Agreement and any renewal of it.", "satisfied"),
    ("5. The undertakings in this Schedule apply so long as the Supplier supplies or supports any Product.",
     "satisfied"),
])
def test_a_schedules_own_short_term_weakens_its_undertakings(term: str, expected: str) -> None:
    text = "SCHEDULE 4 - SUPPLIER SECURITY UNDERTAKINGS\n\n" + EN + "1. " + CONTROL + "\n\n" + term + "\n"
    assert _verdict(text, "CSR03") == expected


@pytest.mark.parametrize(("term", "expected"), [
    ("五、本附件所列承诺仅在质保期内有效。", "weak"),
    ("五、本承诺函项下各项承诺仅于项目建设期间适用。", "weak"),
    ("五、本附件所列承诺在合同有效期内持续有效。", "satisfied"),
])
def test_a_chinese_annexs_own_short_term_weakens_its_undertakings(term: str, expected: str) -> None:
    text = ("附件四 供应商安全承诺\n\n" + ZH + "一、未经甲方书面同意，乙方不得控制、操纵或者干扰甲方的设备和网络。\n\n"
            + term + "\n")
    assert _verdict(text, "CSR03") == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("12.1 合同期内，乙方应当保持监控平台软件授权、硬件备件的正常供应以及技术支持服务的连续，不得无正当理由中断。",
     "satisfied"),
    ("12.1 合同期内，乙方应确保平台软件的授权持续有效，并不得无正当理由中断产品供应和必要的技术支持。", "satisfied"),
])
def test_a_software_licence_named_as_授权_grants_the_supplier_nothing(clause: str, expected: str) -> None:
    assert _verdict(ZH + clause + "\n", "CSR04") == expected


@pytest.mark.parametrize("grant", ["甲方授权乙方收集并使用甲方客户的交易数据，用于乙方的产品研发。",
                                   "甲方同意乙方收集并使用甲方客户的交易数据，用于乙方的产品研发。"])
def test_the_buyer_authorising_the_supplier_to_take_user_data_is_a_right_granted_not_a_lawful_basis(grant: str) -> None:
    text = ZH + "12.1 乙方不得利用提供服务的便利条件非法获取甲方客户的数据。\n\n12.2 " + grant + "\n"
    assert _verdict(text, "CSR02") == "contradicted"


PARTIES = ('This Agreement is made on 3 March 2026 between:\n\n(1) Lakeside Grain Exchange, whose registered address is '
           'in Zhengzhou, Henan Province, PRC (the "Exchange"); and\n\n(2) Orbis Trading Systems SAS, a company '
           'incorporated in France (the "Vendor").\n\n')


@pytest.mark.parametrize(("who", "expected"), [
    ("the Exchange has authorised it in writing", "satisfied"),
    ("the Vendor considers it necessary", "weak"),
])
def test_a_buyer_defined_by_its_own_name_consents_as_the_buyer(who: str, expected: str) -> None:
    clause = ("26.3 The Vendor shall not take over, operate, lock or otherwise manipulate any equipment, system or "
              f"network of the Exchange or of its Members unless {who}.")
    assert _verdict(PARTIES + clause + "\n", "CSR03") == expected


# The review of this round's code (a helper that ran it) found the patterns too wide in places and the classes too
# narrow in others; each reading below was wrong after 58f4d2d.

CUSTOMER = ('This Clearing System Supply Agreement is made between Northern Grain Futures Exchange Ltd (the '
            '"Customer") and Halden Market Systems Ltd (the "Supplier").\n\n8.4 The Supplier shall ')


@pytest.mark.parametrize(("rest", "expected"), [
    # a parallel or plural "its" is the supplier's own people
    ("ensure that its subcontractors and its personnel do not take control of any equipment or network of the "
     "Customer without the Customer's prior written approval.", "satisfied"),
    ("ensure that all subcontractors and its employees do not take control of any equipment or network of the "
     "Customer without the Customer's prior written approval.", "satisfied"),
    # a ban of the supplier's own after the subcontractors' clause
    ("procure that its subcontractors do not retain Customer Data, and shall not take control of any equipment or "
     "network of the Customer without the Customer's prior written approval.", "satisfied"),
    # a binding word for another act does not bind the supplier to the subcontractors' ban
    ("keep a log of every remote session and shall ensure that its subcontractors do not take control of any "
     "equipment or network of the Customer without the Customer's prior written approval.", "weak"),
    ("ensure that no Subcontractor takes control of any equipment or network of the Customer.", "weak"),
    ("ensure that each of the Subcontractors does not take control of any equipment or network of the Customer.",
     "weak"),
    ("cause each Subcontractor not to take control of any equipment or network of the Customer.", "weak"),
    ("require each Subcontractor to refrain from taking control of any equipment or network of the Customer.", "weak"),
    # "direct" as an adjective is no consent
    ("not take control of any equipment or network of the Customer except to the extent necessary to restore the "
     "Customer's direct connection to the clearing network.", "weak"),
])
def test_review_whose_acts_a_promise_for_others_covers(rest: str, expected: str) -> None:
    assert _verdict(CUSTOMER + rest + "\n", "CSR03") == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("8.4 乙方应确保各分包商及其人员未经甲方书面同意不得控制、操纵或者干扰甲方的设备和网络。", "weak"),
    ("8.4 乙方应确保所有分包商及其工作人员未经甲方书面同意不得控制、操纵或者干扰甲方的设备和网络。", "weak"),
    ("8.4 乙方应确保其员工及分包商未经甲方书面同意不得控制、操纵或者干扰甲方的设备和网络。", "satisfied"),
])
def test_review_a_chinese_promise_for_the_subcontractors_alone(clause: str, expected: str) -> None:
    assert _verdict(ZH + clause + "\n", "CSR03") == expected


@pytest.mark.parametrize(("term", "expected"), [
    ("5. The undertakings in this Schedule apply in addition to, and do not limit, the Supplier's obligations under "
     "the Agreement.", "satisfied"),
    ("5. The undertakings in this Schedule shall apply in respect of every Product supplied under the Agreement.",
     "satisfied"),
    ("5. The undertakings in this Schedule shall remain in force for the entire period during which any Product is "
     "supplied or supported.", "satisfied"),
    ("5. The Supplier's undertakings under this Schedule apply during the Warranty Period only.", "weak"),
    ("5. This Schedule applies during the Warranty Period only.", "weak"),
    ("5. The undertakings in this Schedule shall cease to apply on expiry of the Warranty Period.", "weak"),
])
def test_review_what_a_schedule_says_of_its_own_time(term: str, expected: str) -> None:
    text = "SCHEDULE 4 - SUPPLIER SECURITY UNDERTAKINGS\n\n" + EN + "1. " + CONTROL + "\n\n" + term + "\n"
    assert _verdict(text, "CSR03") == expected


@pytest.mark.parametrize(("term", "expected"), [
    ("五、本附件所列承诺仅在中华人民共和国境内适用。", "satisfied"),
    ("五、本附件所列承诺仅在本项目范围内适用。", "satisfied"),
    ("五、本附件所列承诺在质保期内有效。", "weak"),
    ("五、本附件所列承诺有效期为一年。", "weak"),
    ("五、本附件自签署之日起生效，至质保期届满时失效。", "weak"),
    ("五、乙方在本附件中作出的承诺仅在质保期内有效。", "weak"),
    ("五、本附件自签署之日起生效，至本合同终止时止。", "satisfied"),
])
def test_review_what_a_chinese_annex_says_of_its_own_time(term: str, expected: str) -> None:
    text = ("附件四 供应商安全承诺\n\n" + ZH + "一、未经甲方书面同意，乙方不得控制、操纵或者干扰甲方的设备和网络。\n\n"
            + term + "\n")
    assert _verdict(text, "CSR03") == expected


@pytest.mark.parametrize("grant", [
    "甲方通过运维管理系统授权乙方远程访问并导出甲方客户的交易数据，用于乙方的产品研发。",
    "甲方授权、许可乙方收集并使用甲方客户的交易数据，用于乙方的产品研发。",
    "甲方同意并授权乙方收集并使用甲方客户的交易数据，用于乙方的产品研发。",
])
def test_review_every_form_of_the_buyer_granting_the_data_is_a_right(grant: str) -> None:
    text = ZH + "12.1 乙方不得利用提供服务的便利条件非法获取甲方客户的数据。\n\n12.2 " + grant + "\n"
    assert _verdict(text, "CSR02") == "contradicted"


def test_review_a_regulator_named_in_a_recital_is_not_the_buyer() -> None:
    text = ('This Agreement sets out the terms on which Orbis Trading Systems Ltd (the "Supplier") supplies the '
            'Clearing System to the Customer named in the Order Form.\n\nWHEREAS:\n\n(A) Henan Provincial Market '
            'Supervision Administration, whose offices are in Zhengzhou (the "Administration"), has approved the '
            "Project.\n\n26.3 The Supplier shall not take over, operate, lock or otherwise manipulate any equipment, "
            "system or network of the Customer unless the Administration has authorised it in writing.\n")
    assert _verdict(text, "CSR03") == "weak"
