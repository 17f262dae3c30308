"""The false-pass classes of held-out part 37 and packs part 31 (issues 10 and 15), fixed after the parts were scored
once with matcher-freeze-38 / packs-freeze-31. Every text is written here for the test in words of our own; none is
taken from the held-out cases.

- A "security review" the buyer's own department conducts is not the cybersecurity review.
- A short Chinese version beside a longer English one is a version of its own (a Chinese character weighs about
  three letters when the document's languages are weighed), so its weaker wording decides without a language clause.
- A clause that names the undertaking's clause and gives it an end ("第十二条自合同生效之日起至项目终验之日止有效") is
  read with it; 个人敏感信息 is one kind of the user data, not all of it.
- Packs: a bare promise to follow the law on network security is weak for SEC01; categories named only by what the
  purpose needs are weak for PIPL21-01; a purpose limit yielding to any law to which the supplier's group is subject
  is a carve-out; a ban on engaging a third party "…, including any group company, to process" is the
  sub-entrustment element, not the purpose limit.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

from cliccheck.model import Block, BlockKind, Document

EN = ('This Agreement is made between Jiangnan Heat Supply Co., Ltd. (the "Purchaser") and Aldwick Controls Ltd. '
      '(the "Supplier").\n\n')
ZH = "甲方：江南热力有限公司\n\n乙方：安和智控科技有限公司\n\n"


def _with_aliases(text: str, rule: str, aliases: list[str], pack: str | None = None) -> str:
    return _verdict(text, rule, pack, aliases)


@pytest.mark.parametrize(("review", "expected"), [
    ("any security review of the Products conducted by the Purchaser's Information Security Department", "missing"),
    ("any security review of this procurement by the competent authorities", "satisfied"),
])
def test_the_buyers_own_security_review_is_not_the_cybersecurity_review(review: str, expected: str) -> None:
    text = EN + f"1. The Supplier shall cooperate with {review}, and shall provide the documents and test results requested.\n"
    assert _verdict(text, "CSR01") == expected


def test_a_short_chinese_version_weighs_as_a_version() -> None:
    text = ("6.4 The Contractor shall not access, control or manipulate any of the Employer's equipment, control systems "
            "or networks without the Employer's prior written approval.\n\n6.4 承包人不得恶意控制或操纵发包人的设备。\n")
    assert _with_aliases(text, "CSR03", ["Contractor", "承包人"]) == "weak"


def test_a_clause_giving_the_undertakings_clause_an_end_is_read_with_it() -> None:
    text = (ZH + "第十二条 数据\n\n乙方不得借实施和运维之便，未经甲方授权获取甲方及其用户的数据。\n\n第二十一条 条款效力\n\n"
            "第十二条自合同生效之日起至项目终验之日止有效；本合同期限为终验后四年。\n")
    assert _with_aliases(text, "CSR02", ["乙方"]) == "weak"


def test_sensitive_personal_information_is_one_kind_of_the_data() -> None:
    text = ZH + "第二十二条 乙方不得非法获取旅客的护照号码、生物识别信息等个人敏感信息。\n"
    assert _with_aliases(text, "CSR02", ["乙方"]) == "weak"


def test_a_bare_promise_to_follow_the_law_is_no_security_measure() -> None:
    text = ZH + "一、乙方派驻工程师提供系统运维服务。\n\n二、乙方应遵守国家和行业有关网络安全的规定。\n"
    assert _with_aliases(text, "SEC01", ["乙方"], "security-agreement") == "weak"


def test_categories_named_only_by_the_purpose_are_not_set() -> None:
    text = (ZH + "第二条 委托处理\n\n2.1 处理目的：读者馆外访问电子资源时的身份认证。\n\n2.2 处理期限：本合同服务期。\n\n"
            "2.3 处理方式：接收甲方认证系统返回的认证结果并生成会话记录。\n\n2.4 个人信息种类：为实现上述目的所必需的读者信息。\n")
    assert _with_aliases(text, "PIPL21-01", ["乙方"], "pipl21") == "weak"


def test_a_purpose_limit_yielding_to_any_law_the_group_is_subject_to() -> None:
    text = EN + ("7.2 The Supplier shall process Patron Personal Information only for the purposes set out in Schedule 2, "
                 "except where otherwise required by any law or governmental request to which the Supplier or any member of "
                 "its group is subject.\n\n7.4 The Supplier shall not engage any third party, including any group company, "
                 "to process Patron Personal Information without the Purchaser's prior written consent.\n")
    assert _verdict(text, "PIPL21-03", "pipl21") != "satisfied"
    assert _verdict(text, "PIPL21-05", "pipl21") == "satisfied"


# The review of the round (texts of the reviewer's kind, written here): each was read wrongly by a first version.
CN = ("第一条 乙方应配合甲方的网络安全审查，按要求提交审查所需的全部材料并如实说明情况。\n\n第二条 乙方不得利用提供产品和服务的便利条件，"
      "非法获取甲方及其用户的任何数据。\n\n第三条 乙方不得以任何方式非法控制或者操纵甲方及其用户的设备、系统和网络。\n\n第四条 乙方不得无正当理由"
      "中断产品供应和必要的技术支持服务。\n\n第五条 合同价款按季度结算，甲方应在收到发票后三十日内支付。\n\n")


@pytest.mark.parametrize(("rider", "rule"), [
    ("Rider: The Supplier may suspend support services at any time for any reason.", "CSR04"),
    ("Annex 1 Licence Terms. Licensor may remotely disable the Software at its discretion.", "CSR03"),
])
def test_a_short_english_rider_in_a_long_chinese_contract_is_read(rider: str, rule: str) -> None:
    """Text in the other language that binds or permits someone is read, however short (it was not: the document
    was taken for Chinese alone and the rider never checked)."""
    text = ZH + CN * 3 + rider + "\n"
    assert _with_aliases(text, rule, ["乙方", "安和智控科技有限公司", "Supplier", "Licensor"]) == "contradicted"


def test_an_english_contract_with_a_chinese_signature_block_stays_english() -> None:
    text = (EN + "1. The Supplier shall not, without justifiable reason, interrupt the supply of the Products or the "
            "necessary technical support.\n\n网络设备采购合同\n\n甲方（盖章）：江南热力有限公司\n\n签订地点：上海市浦东新区\n")
    assert _verdict(text, "CSR04") == "satisfied"


@pytest.mark.parametrize(("text", "rule", "pack", "expected"), [
    (ZH + "第十二条 乙方不得通过远程途径控制、操纵甲方的网络和终端设备。\n", "CSR03", None, "weak"),
    (EN + "1. The Supplier shall cooperate with any security review conducted by the Purchaser, the CAC or other "
          "competent authorities, and provide the documents requested.\n", "CSR01", None, "satisfied"),
    (ZH + "二、乙方应遵守国家有关网络安全的规定，并采取访问控制、日志审计、漏洞修补等安全保护措施，保障甲方系统安全。\n", "SEC01",
     "security-agreement", "satisfied"),
])
def test_the_review_of_the_round(text: str, rule: str, pack: str | None, expected: str) -> None:
    assert _with_aliases(text, rule, ["乙方", "安和智控科技有限公司", "Supplier"], pack) == expected


@pytest.mark.parametrize(("review", "expected"), [
    ("the Purchaser's security review of the Products", "missing"),
    ("any security review of the Products by the Purchaser", "missing"),
    ("any security review requested by the Purchaser", "missing"),
    ("any security review of this procurement", "satisfied"),
    ("any cybersecurity review requested by the Purchaser", "satisfied"),
])
def test_the_buyers_own_security_review_however_worded(review: str, expected: str) -> None:
    """The review's variants the round's review found still passing: the buyer's own review is named by its owner or
    by who asks for it; the cybersecurity review stays itself whoever files it."""
    text = EN + f"1. The Supplier shall cooperate with {review}, and shall provide the documents requested.\n"
    assert _verdict(text, "CSR01") == expected


def test_model_numbers_in_a_chinese_schedule_are_no_english_version() -> None:
    """CI's OCR of a Chinese delivery schedule gave each cell its own block under 第五条; "NR-9800X" and "NMS V7.2"
    counted as English text under a clause numbered like a Chinese one, so the contract was read as bilingual and
    every undertaking weak ("missing in the en version"). A sentence in the other language still pairs."""
    def block(text: str, lang: str, kind: BlockKind = BlockKind.PARAGRAPH) -> Block:
        return Block(text, kind=kind, section="第五条", language=lang)

    zh = [block("乙方应当按下表分批交付产品，单价含税及运输、安装费用：", "zh"),
          block("乙方交付的产品应当为原厂全新产品，并附原厂质量证明文件、合格证和装箱清单；甲方按本合同附件二组织到货验收，"
                "验收不合格的，乙方应当在十日内更换。", "zh"),
          block("乙方应当在每批产品交付前五个工作日书面通知甲方，载明产品名称、型号、数量和预计到货时间；因乙方原因逾期交付的，"
                "每逾期一日，乙方按逾期交付部分货款的千分之五向甲方支付违约金。", "zh")]
    cells = [block(t, "en", BlockKind.TABLE_CELL) for t in ("NR-9800X", "DS-6860-48Q", "NMS V7.2")]
    assert Document("t.pdf", "pdf", zh + cells).language == "zh"
    version = [block("5. The Supplier shall deliver the Products in lots as set out below.", "en")]
    assert Document("t.pdf", "pdf", zh + cells + version).language == "mixed"
