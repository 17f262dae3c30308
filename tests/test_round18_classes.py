"""Reading classes added in round 18 (issue 10), each written here in wordings of its own, with the near wording
that must keep its verdict.

- A later paragraph of the clause that is a provision of its own on another requirement's subject ("9.2 乙方有权
  根据经营安排暂停供货"): it is judged under the requirement whose act it names and takes nothing from a review
  undertaking before it, unless it points back at it, carries a deeming or a release, or opens as an exception.
  Its own 但…除外 is its own proviso: it weakens that provision only.
- A definition that lists data categories in a closed list ("“用户数据”指…账号信息及登录日志"): the undertaking on
  "user data" covers those categories alone; an open list ("…等") keeps the term as wide as the element.
None of these texts is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest
from _helpers import verdict_and_message as _verdict

#: the parties of each test contract, by language: the preamble and the supplier's name
PARTIES = {"zh": ("甲方：东陵水务集团有限公司\n\n乙方：栖川信息技术有限公司\n\n", ("栖川信息技术有限公司",)),
           "en": ("This Agreement is made between Marlowe Water Utility (the \"Customer\") and Quenby Systems "
                  "Limited (the \"Supplier\").\n\n", ("Quenby Systems Limited",))}
PARTIES_ZH, ALIAS_ZH = PARTIES["zh"]
PARTIES_EN, ALIAS_EN = PARTIES["en"]


ZH_REVIEW = "第九条 安全义务\n\n9.1 甲方申报网络安全审查的，乙方应当予以配合，并按要求如实提交审查所需的资料。\n\n"
EN_REVIEW = ("12. SECURITY\n\n12.1 The Supplier shall cooperate with any cybersecurity review of this procurement and "
             "shall provide the documents the reviewing authority requests.\n\n")


@pytest.mark.parametrize(("text", "aliases"), [
    (PARTIES_ZH + ZH_REVIEW + "9.2 乙方有权根据自身经营安排暂停向甲方供货及提供技术支持，但应提前十日书面通知甲方。\n",
     ALIAS_ZH),
    (PARTIES_EN + EN_REVIEW + "12.2 The Supplier may suspend deliveries of the Products and the support services "
                              "at its sole discretion on thirty days' notice.\n", ALIAS_EN),
])
def test_a_supply_right_beside_the_review_undertaking_is_judged_on_its_own(text: str,
                                                                              aliases: tuple[str, ...]) -> None:
    review, review_message = _verdict(text, "CSR01", aliases)
    supply, supply_message = _verdict(text, "CSR04", aliases)
    assert review == "satisfied", review_message
    assert supply == "contradicted", supply_message


def test_a_data_provision_with_its_own_carve_out_is_weak_on_its_own() -> None:
    text = PARTIES_ZH + ZH_REVIEW + "9.2 乙方不得利用维护便利获取甲方的数据，但乙方自行决定的除外。\n"
    review, review_message = _verdict(text, "CSR01", ALIAS_ZH)
    data, data_message = _verdict(text, "CSR02", ALIAS_ZH)
    assert review == "satisfied", review_message
    assert data in ("weak", "contradicted"), data_message


@pytest.mark.parametrize("second", [
    # it points back at the clause's undertakings
    "9.2 乙方有权根据自身经营安排暂停供货，届时上述义务不再履行。",
    # an exception to the sentence before, with no subject and modal of its own
    "9.2 但依任何国家或地区法律的要求提供资料的，不在此限。",
    # a deeming that reaches back
    "9.2 乙方依其自身政策进行的任何操作，均视为已获甲方授权。",
    # opened by words that read it with another provision
    "9.2 尽管有前款约定，乙方有权根据自身经营安排暂停供货。",
])
def test_a_later_paragraph_that_reaches_back_still_qualifies_the_review_undertaking(second: str) -> None:
    verdict, message = _verdict(PARTIES_ZH + ZH_REVIEW + second + "\n", "CSR01", ALIAS_ZH)
    assert verdict != "satisfied", message


@pytest.mark.parametrize(("definition", "expected"), [
    # a closed list of two narrow categories: the data promise covers them alone
    ("“用户数据”指甲方在乙方平台注册的管理员账号信息及登录日志。", "weak"),
    # an open list names examples of the data
    ("“用户数据”指甲方的管理员账号信息、登录日志等数据。", "satisfied"),
])
def test_a_closed_definition_of_user_data_narrows_the_data_undertaking(definition: str, expected: str) -> None:
    text = (PARTIES_ZH + "第一条 定义\n\n1.1 " + definition + "\n\n"
            "第四条 乙方义务\n\n4.1 乙方不得利用提供云服务的便利获取、使用或向第三方提供用户数据。\n")
    verdict, message = _verdict(text, "CSR02", ALIAS_ZH)
    assert verdict == expected, message
