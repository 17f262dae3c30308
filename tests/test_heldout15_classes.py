"""False-pass classes found by heldout-15 and packs-heldout-9 (issues 10 and 15, round 16), each written here in
wordings of its own, with the near wording that must keep its verdict.

- A call-off that disapplies a range of the framework's clauses ("Core Terms 11 to 25 are disapplied and replaced by
  the Provider's standard conditions"): the undertakings in that range no longer stand.
- A later paragraph of the same clause that leaves the matter to the supplier or to foreign law ("是否提供及提供的范围由
  乙方自行判断决定"), though it does not point back: it qualifies the clause's undertaking. A carve-out in a sibling
  item ("（二）乙方不会故意控制…") qualifies that item only.
- A letter's closing paragraph about its undertakings as a whole ("上述承诺仅约束我公司自身行为，原厂的行为不在本承诺
  范围之内"): read with every undertaking in the letter. "我公司愿意承担违反上述承诺的全部法律责任" takes nothing back.
- The buyer's requirements chapter ("第五章 用户需求书"): what it demands of suppliers is nobody's promise.
- A recital quoting the law that runs on after "；" ("鉴于《个人信息保护法》第二十一条规定，…；受托人不得超出…"): the
  statute's prohibitions are no party's.
None of these texts is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document

ZH_PARTIES = "甲方：青川市政务服务数据管理局\n\n乙方：汇远信通科技有限公司\n\n"
ZH_ALIAS = ("汇远信通科技有限公司",)


def _verdict(text: str, rule: str, aliases: tuple[str, ...] = (), pack: str | None = None) -> tuple[str, str]:
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    library = load_packs([pack]) if pack else None
    result = check_document(doc, supplier_aliases=aliases, library=library).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize(("special", "expected"), [
    ("Special conditions: for this Order only, Framework Terms 12 to 20 are disapplied and replaced by the Provider's "
     "Standard Service Conditions.", "missing"),
    ("Special conditions: for this Order only, Framework Terms 21 to 30 are disapplied and replaced by the Provider's "
     "Standard Service Conditions.", "satisfied"),
])
def test_a_disapplied_range_of_clauses(special: str, expected: str) -> None:
    text = ("Customer: Larchmont Water Services Ltd.\n\nProvider: Fennick Networks Ltd.\n\n"
            "Framework Term 16 (Customer Systems). The Provider shall not, without the Customer's prior written consent, "
            "remotely access, disable or otherwise control any device, system or network of the Customer.\n\n"
            "ORDER No. 3 (Pumping Stations)\n\n" + special + "\n")
    verdict, message = _verdict(text, "CSR03", ("Fennick Networks Ltd.",))
    assert verdict == expected, message


def test_a_later_paragraph_leaving_the_matter_to_the_supplier_qualifies_the_clause() -> None:
    text = ZH_PARTIES + ("第九条 网络安全审查\n\n9.1 甲方就本项目申报网络安全审查的，乙方应予以配合。\n\n"
                         "9.2 乙方提供的资料须符合其注册地法律；是否提供及提供的范围由乙方自行判断决定。\n")
    verdict, message = _verdict(text, "CSR01", ZH_ALIAS)
    assert verdict == "weak", message


def test_a_carve_out_in_a_sibling_item_stays_with_that_item() -> None:
    text = ZH_PARTIES + ("第十二条 乙方的义务\n\n（一）未经甲方书面同意，乙方不得利用提供产品和服务的便利条件获取甲方及其用户的数据；"
                         "\n\n（二）乙方不会故意控制或操纵甲方的设备。\n")
    verdict, message = _verdict(text, "CSR02", ZH_ALIAS)
    assert verdict == "satisfied", message
    verdict, message = _verdict(text, "CSR03", ZH_ALIAS)
    assert verdict == "weak", message


LETTER = """供应商承诺书

致：青川市政务服务数据管理局

我公司（汇远信通科技有限公司）作为“一网通办平台升级项目”的供应商，承诺如下：

1. 不借供货和实施服务之便违法获取贵局及平台用户的数据；

2. 不违法控制、操纵贵局的设备和系统。

{closing}
"""


@pytest.mark.parametrize(("closing", "expected"), [
    ("特别说明：上述承诺仅约束我公司自身行为，项目所用服务器由原厂直供，原厂的行为不在本承诺范围之内。", "weak"),
    ("我公司愿意承担违反上述承诺的全部法律责任。", "satisfied"),
])
def test_a_closing_paragraph_about_all_the_undertakings(closing: str, expected: str) -> None:
    verdict, message = _verdict(LETTER.format(closing=closing), "CSR02", ZH_ALIAS)
    assert verdict == expected, message


def test_the_buyers_requirements_chapter_binds_no_supplier() -> None:
    text = ("第五章 用户需求书（节选）\n\n★5.3 供应商须承诺：不通过所供产品非法控制或操纵采购人设备；合同期内无正当理由不中断"
            "产品供应及技术支持服务。\n\n5.4 交货期：合同签订后60日内。\n")
    for rule in ("CSR03", "CSR04"):
        verdict, message = _verdict(text, rule)
        assert verdict != "satisfied", message


def test_a_recital_quoting_the_law_runs_on_after_a_semicolon() -> None:
    text = ("甲方：青川市公共交通集团有限公司\n\n乙方：汇远信通科技有限公司\n\n"
            "鉴于《中华人民共和国个人信息保护法》第二十一条规定，个人信息处理者委托处理个人信息的，应当与受托人约定委托处理的"
            "目的、期限和处理方式；受托人不得超出约定的处理目的、处理方式处理个人信息，未经个人信息处理者同意，不得转委托他人"
            "处理个人信息。\n\n双方经协商，就乙方提供的乘车码运营服务达成如下协议：\n")
    for rule in ("PIPL21-03", "PIPL21-05"):
        verdict, message = _verdict(text, rule, ZH_ALIAS, pack="pipl21")
        assert verdict != "satisfied", message


@pytest.mark.parametrize(("clause", "expected"), [
    ("5.1 在本合同有效期内，乙方不得对甲方的调度数据、车辆定位数据进行关联分析。", "weak"),
    ("5.1 未经甲方同意，乙方不得对甲方的调度数据、车辆定位数据进行关联分析。", "satisfied"),
])
def test_a_data_ban_confined_to_the_contract_term(clause: str, expected: str) -> None:
    # the operator's data outlives the contract; a ban on analysing it that ends with the term is partial
    verdict, message = _verdict(ZH_PARTIES + clause + "\n", "ND03", ZH_ALIAS, pack="network-data")
    assert verdict == expected, message
