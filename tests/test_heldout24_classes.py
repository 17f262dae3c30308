"""The false-pass classes of held-out parts 24 and packs-18 (issues 10 and 15), fixed after their one scoring.

Five verdicts of `heldout-24` and three of `packs-heldout-18` passed what their authors labelled weak or missing:
- a buyer's notice to tenderers titled in both languages ("…補充通告 / Supplementary Notice to Tenderers") was read as
  a contract binding the successful tenderer (a bilingual title was read in one language only);
- a recital paraphrasing Art. 6 ("依《…》，應要求產品和服務提供者…並承諾不利用…") bound the buyer: the body's votes
  read 甲方 as the one supplying, though the recital says 甲方 is the operator, and 依《…》 was no citation;
- a prohibition "in bad faith" only (恶意, "maliciously");
- a security duty "until that agreement is executed", an interim one before a separate agreement;
- a confidentiality undertaking whose term the supplier itself confirms ("是指经乙方书面确认属于保密范围的…");
- a right to analyse the operator's logs for the supplier's own product, not read as a contradiction.
Each case is written here in wordings of its own, with the near wording that must keep its verdict. None of these
texts is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document

ZH = "甲方（采购人）：南江邮政物流有限公司\n\n乙方（供应商）：恒达分拣设备有限公司\n\n"
EN = "Employer: Southport Harbour Authority\n\nContractor: Meridian Marine Electronics Pte. Ltd.\n\n"


def _verdict(text: str, rule: str, packs: tuple[str, ...] = ()) -> str:
    library = load_packs(list(packs)) if packs else None
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    return str(check_document(doc, library=library).requirement(rule).verdict)


def test_a_notice_to_tenderers_titled_in_both_languages_binds_no_supplier() -> None:
    text = ("招标须知补充通知 / Supplementary Notice to Bidders\n\n一、中标供应商须配合网络安全审查。 / 1. The successful "
            "bidder shall cooperate with the cybersecurity review.\n\n二、供应商不得非法获取用户数据。 / 2. Suppliers shall "
            "not illegally obtain user data.\n\n采购人：南江邮政物流有限公司 / Procuring Entity: Nanjiang Postal Logistics Co., Ltd.\n")
    assert _verdict(text, "CSR01") == "missing"
    assert _verdict(text, "CSR02") == "missing"


@pytest.mark.parametrize("second", ["（二）乙方为分拣控制系统之供应商；", "（二）乙方负责分拣设备的安装。"])
def test_a_recital_paraphrasing_the_law_binds_no_one(second: str) -> None:
    text = ("鉴于：\n\n（一）甲方属关键信息基础设施运营者，依《网络安全审查办法》，应要求产品和服务提供者配合网络安全审查，"
            "并承诺不利用提供产品和服务之便利非法获取用户数据；\n\n" + second + "\n\n双方同意订立本合同如下。\n")
    for rule in ("CSR01", "CSR02"):
        assert _verdict(text, rule) == "missing", rule


@pytest.mark.parametrize("text, rule", [
    (EN + "18.2 The Contractor shall not, in bad faith, obtain any vessel-traffic data or other data of the Employer "
          "through its access to the Employer's systems.\n", "CSR02"),
    (EN + "18.1 The Contractor shall not maliciously interfere with or take control of the Employer's systems.\n",
     "CSR03"),
    (ZH + "第九条 乙方不得恶意控制或操纵甲方的分拣控制系统及其他设备。\n", "CSR03"),
])
def test_a_ban_on_bad_faith_only_is_weak(text: str, rule: str) -> None:
    assert _verdict(text, rule) == "weak"


def test_malicious_code_is_still_what_a_ban_names() -> None:
    # 恶意代码 is the thing banned, not bad faith; the promise is only part of the control promise, as before
    text = ZH + "第九条 乙方不得非法控制或操纵甲方的设备、系统和网络，不得在所供设备中植入恶意代码。\n"
    assert _verdict(text, "CSR03") == "satisfied"


@pytest.mark.parametrize("text", [
    EN + ("17. Information Security. The parties shall execute a separate Security and Confidentiality Agreement within "
          "thirty days. Until that agreement is executed, the Contractor shall observe the Employer's security "
          "requirements.\n"),
    ZH + "第十七条 双方应另行签订安全保密协议。在安全保密协议签订前，乙方应遵守甲方的网络安全管理制度和安全要求。\n",
])
def test_an_interim_duty_until_another_agreement_is_weak(text: str) -> None:
    assert _verdict(text, "SEC01", ("security-agreement",)) != "satisfied"


@pytest.mark.parametrize("definition, verdict", [
    ("10.1 本合同所称保密信息，是指经乙方书面确认属于保密范围的甲方资料。", "weak"),
    ("10.1 本合同所称保密信息，是指甲方提供的全部技术资料和业务数据。", "satisfied"),
])
def test_a_definition_left_to_the_supplier_weakens_the_term(definition: str, verdict: str) -> None:
    text = ZH + "第十条 保密\n\n" + definition + "\n\n10.2 对于保密信息，乙方应当严格保密，不得向任何第三方披露。\n"
    assert _verdict(text, "SEC02", ("security-agreement",)) == verdict


def test_analysing_the_operators_logs_for_the_suppliers_product_is_a_contradiction() -> None:
    text = ZH + ("第八条 未经甲方同意，乙方不得以任何形式处理甲方网络数据。\n\n第九条 乙方有权对运维过程中采集的主机日志及业务访问"
                 "记录开展关联分析，分析结果可用于乙方安全产品的模型优化。\n")
    assert _verdict(text, "ND02", ("network-data",)) == "contradicted"
