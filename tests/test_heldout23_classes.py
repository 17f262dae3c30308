"""The false-pass classes of held-out part 23 (issues 10 and 15), fixed after its one scoring.

Four verdicts of `heldout-23` and one of `packs-heldout-17` passed what their authors labelled weak or missing:
- a later item of an annex limited "本附件第一项、第二项所列义务" to what the supplier's home law allows, and the
  items it named stayed satisfied (a reference to an item by its number, 第一项, was not read);
- a warranty that the products hold no backdoor was read as the promise not to control the buyer's equipment;
- a buyer's official letter (函: 受文者, 主旨) asking the supplier for a guarantee was read as the guarantee;
- "依法履行网络安全保护义务" alone satisfied the security obligation of the security-agreement pack.
Each case is written here in wordings of its own, with the near wording that must keep its verdict. None of these
texts is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document

ZH = "甲方（采购人）：西岭市公共交通集团有限公司\n\n乙方（供应商）：恒拓信号设备有限公司\n\n"


def _verdict(text: str, rule: str, packs: tuple[str, ...] = ()) -> tuple[str, str]:
    library = load_packs(list(packs)) if packs else None
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    result = check_document(doc, library=library).requirement(rule)
    return str(result.verdict), result.message


_ANNEX = ZH + ("第十八条 乙方应当遵守附件三《网络安全承诺》。\n\n附件三 网络安全承诺\n\n"
               "一、乙方配合甲方依法开展的网络安全审查，如实提供审查所需资料。\n\n"
               "二、乙方不得利用提供产品和服务的便利，获取甲方及其用户的数据。\n\n"
               "三、乙方不得未经甲方授权访问、控制或者干扰甲方的信号系统及车载设备。\n\n")


@pytest.mark.parametrize("limit", [
    "四、本附件第一项、第二项所列义务，以中华人民共和国法律及乙方注册地（德国）法律均允许为限。",
    "四、本附件第1项、第2项约定的义务，仅在乙方所在国法律允许的范围内履行。",
])
def test_a_later_item_naming_earlier_items_by_number_limits_those_items(limit: str) -> None:
    text = _ANNEX + limit + "\n"
    assert _verdict(text, "CSR01")[0] == "weak"
    assert _verdict(text, "CSR02")[0] == "weak"
    assert _verdict(text, "CSR03")[0] == "satisfied"  # the item it does not name keeps its verdict


def test_an_item_naming_another_item_leaves_the_first_alone() -> None:
    text = _ANNEX + "四、本附件第三项所列义务，以乙方注册地（德国）法律允许为限。\n"
    assert _verdict(text, "CSR01")[0] == "satisfied"
    assert _verdict(text, "CSR03")[0] == "weak"


@pytest.mark.parametrize("text", [
    ZH + "10.1 乙方保证所交付的产品未含恶意程序、后门或者未经披露的远程连接功能。\n",
    ZH + "10.1 乙方保证合同设备交付时不含有后门。\n\n10.2 乙方不得擅自收集甲方工作人员的账号及密码。\n",
    "Purchaser: Westridge Transit Authority\n\nSupplier: Hengtuo Signal Equipment Ltd\n\n10.1 The Supplier warrants "
    "that the Products contain no backdoor.\n",
])
def test_no_backdoor_in_the_products_is_only_part_of_the_control_promise(text: str) -> None:
    verdict, message = _verdict(text, "CSR03")
    assert verdict in ("weak", "missing"), message


def test_a_backdoor_ban_beside_a_control_ban_is_the_whole_promise() -> None:
    text = ZH + "10.1 乙方不得在所供设备中植入后门，不得未经甲方书面同意远程控制或者操纵甲方的设备和系统。\n"
    verdict, message = _verdict(text, "CSR03")
    assert verdict == "satisfied", message


def test_a_buyers_official_letter_asking_for_a_guarantee_is_not_the_guarantee() -> None:
    text = ("函\n\n受文者：恒拓信号设备有限公司\n\n主旨：请贵公司于文到十日内出具书面保证，说明如下：\n\n"
            "一、依本公司信息安全管理规定，供应厂商应保证不得以远程方式操控本公司设备，并无正当理由不中断供货及技术支持。\n\n"
            "二、请贵公司依上开内容出具保证书。\n\n西岭市公共交通集团有限公司\n")
    for rule in ("CSR03", "CSR04"):
        verdict, message = _verdict(text, rule)
        assert verdict == "missing", message


def test_the_suppliers_own_letter_of_guarantee_still_counts() -> None:
    text = ("保证函\n\n致：西岭市公共交通集团有限公司\n\n我公司保证，未经贵公司书面同意，不以远程方式控制或者操纵贵公司的设备和系统。\n\n"
            "保证人：恒拓信号设备有限公司（盖章）\n")
    verdict, message = _verdict(text, "CSR03")
    assert verdict == "satisfied", message


def test_performing_the_statutory_security_duty_is_no_security_obligation_of_the_contract() -> None:
    text = ("网络安全承诺书\n\n致：西岭市住房公积金管理中心\n\n我公司承诺，在服务期间严格遵守网络安全相关法律法规，依法履行网络安全保护义务。\n\n"
            "承诺单位：恒拓信息技术有限公司（盖章）\n")
    verdict, message = _verdict(text, "SEC01", ("security-agreement",))
    assert verdict != "satisfied", message


def test_a_security_obligation_the_contract_sets_out_still_counts() -> None:
    text = ("甲方（采购人）：西岭市住房公积金管理中心\n\n乙方（供应商）：恒拓信息技术有限公司\n\n"
            "第八条 乙方应采取下列安全措施：及时修复所供软件的安全漏洞，不得在软件中植入恶意代码或者后门，发生安全事件时立即报告甲方。\n")
    verdict, message = _verdict(text, "SEC01", ("security-agreement",))
    assert verdict == "satisfied", message
