"""The false-pass classes of held-out parts 29 and packs 23 (issues 10 and 15), fixed after the parts were scored once
with matcher-freeze-30 / packs-freeze-23. Every text is written here for the test in words of our own; none is taken
from the held-out cases.

- A buyer's letter titled 告知函 (or 通知函, 提示函) informs suppliers; it holds no one's undertaking.
- 供应 as the participle of a thing ("为本合同项下供应的监护系统提供技术支持") names the supplied system, not the
  supply of products: a promise of its support alone covers only the support.
- "subject always to the Seller's Global Remote Access Policy": the supplier's own policy, however it is named,
  limits the ban.
- "Articles 12 and 13 apply during the Warranty Period only": a limit naming several clauses in a list limits each.
- Data fronted as the topic of a clause that lets the supplier keep and use it ("…采集的用户访问行为数据，受托方可
  自行保存，并用于其产品研发") is the supplier's right over the data (and 受托方可 is no restrictive 方可).
- A condition in a lead-in ("在不违反供方集团全球政策之前提下：") limits every item under it, an item with a party
  and modal of its own too.
- Packs: a promise to obey the laws on security and 保密工作 is only partial; confidentiality of one named kind of the
  operator's data (贵公司的票务数据) is partial; a tender's requirements titled "采购需求（招标文件节选）" bind no one;
  a ban "during the term" in a contract that keeps other clauses, named by number, in force after the term, and not
  this one, lapses with the term (frames.yaml ``term_bounds``, ``survival_statements``).
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "甲方（采购人）：临海市人力资源和社会保障信息中心\n\n乙方（供应商）：远衡数据科技有限公司\n\n"
EN = ('This Agreement is made between Qianhai Wafer Manufacturing Co., Ltd. (the "Buyer") and Kaminari Process Tools '
      'Co., Ltd. (the "Seller").\n\n')


def test_a_buyers_notice_letter_announcing_future_terms_binds_no_one() -> None:
    text = ("关于供应商网络安全条款的告知函\n\n各供应商：\n\n我中心运营的社会保障卡系统属于关键信息基础设施。自本函发出之日起，"
            "我中心签订的采购合同将载明：供应商配合网络安全审查；不得利用提供产品之便非法获取用户数据；无正当理由不得中断"
            "产品供应和必要的技术支持。请于本月底前反馈意见。\n\n临海市社会保障卡服务中心\n")
    for rule in ("CSR02", "CSR04"):
        assert _verdict(text, rule) == "missing"


def test_support_for_the_supplied_system_is_not_a_promise_of_supply() -> None:
    text = ZH + "第十条 乙方保证在合同期内持续为本合同项下供应的社保卡制卡系统提供技术支持，无正当理由不中断。\n"
    assert _verdict(text, "CSR04") == "weak"


def test_the_supply_of_the_products_is_still_supply() -> None:
    text = ZH + "第十条 乙方保证本合同项下产品的持续供应及必要的技术支持，无正当理由不中断。\n"
    assert _verdict(text, "CSR04") == "satisfied"


def test_the_sellers_own_policy_however_named_limits_the_ban() -> None:
    text = EN + ("Article 17 (Remote Access)\n\nThe Seller shall not use remote access to operate, modify or stop the "
                 "Buyer's equipment other than in sessions approved by the Buyer, subject always to the Seller's "
                 "Worldwide Field Service Access Policy as amended from time to time.\n")
    assert _verdict(text, "CSR03") == "weak"


def test_a_limit_naming_several_clauses_limits_each() -> None:
    text = EN + ("Article 12 (Data) The Seller shall not retrieve, copy or use any data of the Buyer without the "
                 "Buyer's written consent.\n\nArticle 13 (Remote Operation) The Seller shall not remotely operate, "
                 "reconfigure or disable the Buyer's equipment without the Buyer's written consent.\n\n"
                 "Article 28 (Duration) Articles 12 and 13 apply during the Warranty Period only.\n")
    assert _verdict(text, "CSR02") == "weak"
    assert _verdict(text, "CSR03") == "weak"


def test_a_right_over_fronted_data_contradicts_the_ban() -> None:
    text = ("委托方：临海市政务服务管理办公室\n受托方：远衡数据科技有限公司\n\n第三条 受托方不得为自身目的收集、获取、使用委托方"
            "的数据。\n\n第七条 委托方同意：受托方在运维过程中采集的系统日志及用户访问行为数据，受托方可自行保存，并用于其产品的"
            "研发与优化。\n")
    assert _verdict(text, "CSR02") == "contradicted"


def test_a_condition_in_a_lead_in_limits_an_item_that_stands_on_its_own() -> None:
    text = ("第十条 合规承诺\n\n在不违反承办商所属集团全球政策（该政策可能不时修订）之前提下：\n\n（a）承办商配合判给实体之网络"
            "安全审查；\n\n（b）承办商不会非法取得判给实体之资料。\n")
    assert _verdict(text, "CSR02") == "weak"


@pytest.mark.parametrize(("text", "rule", "pack"), [
    ("甲方：临海地铁运营有限公司；乙方：临海恒达机电维修有限公司\n\n15.1 乙方应遵守国家有关网络安全、数据安全和保密工作的法律"
     "法规。\n", "SEC01", "security-agreement"),
    ("承诺书\n\n临海地铁运营有限公司：\n\n我公司承诺不向第三方泄露贵公司的票务数据。\n\n特此承诺。\n\n瀚通售检票系统有限公司\n",
     "SEC02", "security-agreement"),
])
def test_a_pack_promise_of_part_only_stays_weak(text: str, rule: str, pack: str) -> None:
    assert _verdict(text, rule, pack) == "weak"


def test_a_tenders_requirements_bind_no_one() -> None:
    text = ("第三部分 采购需求（招标文件节选）\n\n采购人：临海市人民医院\n项目：患者随访外包服务\n\n★3.6 供应商应当对患者个人"
            "信息采取加密存储、访问控制等安全措施。\n\n3.8 投标人应在投标文件中对上述带“★”条款逐条作出响应。\n")
    assert _verdict(text, "PIPL21-02", "pipl21") == "missing"


TERM = ZH + ("第四条 乙方应对甲方的数据保密。\n\n第五条 在本合同有效期内，乙方不得利用提供产品和服务的便利获取甲方的用户数据。\n\n")


@pytest.mark.parametrize(("tail", "expected"), [
    ("第六条 本合同有效期为一年；期满后，第四条继续有效。\n", "weak"),
    ("第六条 本合同有效期为一年；期满后，第四条、第五条继续有效。\n", "satisfied"),
    ("第六条 本合同有效期为一年。\n", "satisfied"),
])
def test_a_ban_for_the_term_lapses_where_other_clauses_are_kept_alive(tail: str, expected: str) -> None:
    assert _verdict(TERM + tail, "CSR02") == expected


@pytest.mark.parametrize(("tail", "expected"), [
    ("Article 9 Articles 6 and 7 survive the expiry of this Agreement.\n", "weak"),
    ("Article 9 Articles 5 and 7 survive the expiry of this Agreement.\n", "satisfied"),
    ("Article 9 This Agreement expires one year after signature.\n", "satisfied"),
])
def test_an_english_ban_for_the_term_lapses_where_other_clauses_survive(tail: str, expected: str) -> None:
    text = EN + ("Article 5 During the term of this Agreement, the Seller shall not remotely operate the Buyer's "
                 "equipment.\n\n") + tail
    assert _verdict(text, "CSR03") == expected


def test_a_pack_ban_for_the_term_lapses_where_another_article_survives() -> None:
    text = ("数据处理协议\n\n甲方（委托方）：临海智驾科技有限公司\n\n乙方（受托方）：远衡测绘数据服务有限公司\n\n"
            "第四条 乙方仅为附件一所列目的处理甲方提供的道路测试数据。\n\n第五条 在本协议有效期内，乙方不得对甲方的道路"
            "测试数据进行关联分析。\n\n第六条 本协议有效期为一年；期满后，第四条继续有效。\n")
    assert _verdict(text, "ND03", "network-data") == "weak"


def test_a_cap_that_excepts_the_clauses_it_lists_leaves_each_whole() -> None:
    text = EN + ("Article 9 The Seller shall not obtain any data of the Buyer or of its users.\n\nArticle 10 The Seller "
                 "shall not remotely operate, reconfigure or disable the Buyer's equipment.\n\nArticle 12 The Seller's "
                 "total liability under this Agreement shall not exceed the contract price, except for liability for "
                 "breach of Articles 8, 9 and 10.\n")
    assert _verdict(text, "CSR02") == "satisfied"
    assert _verdict(text, "CSR03") == "satisfied"
