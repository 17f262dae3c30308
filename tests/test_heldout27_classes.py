"""The false-pass classes of held-out part 27 (issue 10) and packs part 21 (issue 15), fixed after the part was
scored once with matcher-freeze-28 / packs-freeze-21, and one regression the freeze carried. Every text is written
here for the test in words of our own; none is taken from the held-out cases.

- A ban naming only the users' personal information covers one kind of the user data Article 6 protects (four
  held-out authors in three rounds; CSR02 ``partial_kinds``). Named beside another kind of data, it does not limit.
- "卖方不对…网络安全审查承担任何协助、配合或提供资料的责任": no duty, its matter between 不对 and 承担.
- "甲方违反前款约定，致使乙方商业秘密被泄露的，应当赔偿乙方…": the party that opens a 的-condition is the one bound.
- In English, a thing named between the modal and its verb in a means aside ("shall not, through … or any technical
  means (including … log uploads …), use …") is no object of the verb: our own PIPL21 annex was read as refusing
  protection measures once "any technical means" stopped being read as a definition.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：南津国际机场有限公司\n\n乙方（供应商）：远衡机电系统有限公司\n\n"
TW = "判給人：南津電力股份有限公司\n\n承判商：遠衡機電系統有限公司\n\n"
EN = ('This Agreement is made between Nanjin Securities Co., Ltd. (the "Customer") and Farlight Market Systems '
      'Ltd. (the "Vendor").\n\n')


@pytest.mark.parametrize("text", [
    ZH + "第十二条 乙方不得利用提供运维服务之便，收集甲方旅客的个人信息。\n",
    TW + "第二十二條 承判商不得利用履行本合約的機會，收集判給人用戶的個人資料。\n",
    EN + "9.1 The Vendor shall not access any personal information of the Customer's retail clients in the course of "
         "providing the Services.\n",
])
def test_a_ban_on_the_users_personal_information_alone_covers_part_of_the_user_data(text: str) -> None:
    assert _verdict(text, "CSR02") == "weak"


@pytest.mark.parametrize("text", [
    ZH + "第十二条 乙方不得利用提供运维服务之便，收集甲方的业务数据和旅客个人信息。\n",
    EN + "9.1 The Vendor shall not access any data of the Customer or personal information of its retail clients in "
         "the course of providing the Services.\n",
])
def test_personal_information_named_beside_other_data_does_not_limit_the_ban(text: str) -> None:
    assert _verdict(text, "CSR02") == "satisfied"


def test_no_responsibility_for_assisting_the_review_refuses_it() -> None:
    text = ZH + "第十八条 乙方不对甲方或任何主管机关发起的网络安全审查承担任何协助、配合或提供资料的责任。\n"
    assert _verdict(text, "CSR01") == "contradicted"


def test_the_party_that_opens_a_de_condition_is_the_one_bound() -> None:
    text = ZH + ("第十五条 商业秘密\n\n15.1 乙方提供的技术方案及源代码属于乙方的商业秘密，甲方应当采取适当措施予以保护。\n\n"
                 "15.2 甲方违反前款约定，致使乙方商业秘密被泄露的，应当赔偿乙方由此遭受的损失。\n")
    assert _verdict(text, "SEC04", "security-agreement") == "missing"


def test_a_thing_named_in_a_means_aside_is_no_object_of_the_verb() -> None:
    text = EN + ("7.2 The Vendor shall not, through the products, the services or any technical means (including "
                 "remote access channels, telemetry, log uploads or undisclosed interfaces), unlawfully access, collect, "
                 "use, process or disclose any data of the Customer or its users.\n")
    assert _verdict(text, "PIPL21-02", "pipl21") != "contradicted"
    assert _verdict(text, "CSR02") == "satisfied"
