"""The false-pass classes of held-out part 41 and packs part 35 (issues 10 and 15), fixed after they were scored once
with matcher-freeze-42 / packs-freeze-35. Every text is written here for the test in words of our own; none is taken
from the held-out cases.

- A notice alone is no reason to stop: "may withdraw technical support on six months' notice" lets the supplier
  stop at will (CSR04's justifications no longer list "months' notice").
- The products themselves discontinued ("may, at its discretion, discontinue any product line", "cease the
  manufacture of any of the Goods") is the supply stopped.
- A later sub-clause redefining the undertaking's own "justifiable reasons" (plural or singular, whatever other
  subject its words name: "export compliance policy") is read with it; the supplier's own or its group's policy
  is no justification.
- Force majeure (or the justifiable reasons) defined anywhere in the document to include the supplier's own
  decisions (经营策略调整) leaves a pause requirement weak, unless the definition says it does not include them.
- A policy whose title follows the issuer's name line ("…有限公司" / "资讯保安政策（第4.2版）（节录）") is a policy.
- A paragraph opening with what a statute's article says ("2. 《…》第二十一条规定，…；受托人…不得超出…") quotes it
  to its end.
- (packs) A confidentiality duty whose information may go to subcontractors "无需要求分包方承担保密义务" is weak.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

EN = ('Buyer: Xiling International Airport Authority (the "Buyer"). Seller: Kestrel Materials Handling B.V. '
      '(the "Seller")\n\n19.1 The Seller shall not, without justifiable reason, interrupt the supply of Goods or the '
      "provision of necessary technical support to the Buyer during the Contract Term.\n\n")


@pytest.mark.parametrize("right", [
    "20. Support. The Seller may withdraw technical support on six months' notice.",
    "20. Support. The Seller may, at its discretion, withdraw support for any software version and shall use "
    "reasonable endeavours to give customers six months' notice of withdrawal.",
    "20. Products. The Seller may, at its discretion, discontinue any product line.",
    "20. Products. The Seller may at any time discontinue the manufacture of any of the Goods.",
])
def test_a_right_to_stop_on_notice_or_to_discontinue_the_products_contradicts(right: str) -> None:
    assert _verdict(EN + right + "\n", "CSR04") == "contradicted"


def test_the_buyer_discontinuing_products_is_no_contradiction() -> None:
    assert _verdict(EN + "20. The Buyer may discontinue any Products it no longer needs.\n", "CSR04") == "satisfied"


@pytest.mark.parametrize("definition", [
    "19.2 Justifiable reason shall include any change in the export compliance policy of the Seller's group of "
    "companies.",
    "19.2 Justifiable reasons include any decision of the Seller.",
    "19.2 Justifiable reason includes any change in the Seller's export compliance policy.",
])
def test_a_sub_clause_letting_the_sellers_own_policy_excuse_it_weakens(definition: str) -> None:
    assert _verdict(EN + definition + "\n", "CSR04") == "weak"


def test_a_sub_clause_listing_only_justified_reasons_keeps_it() -> None:
    text = EN + ("19.2 Justifiable reasons include the Buyer's failure to pay undisputed sums within sixty days after "
                 "written notice and force majeure.\n")
    assert _verdict(text, "CSR04") == "satisfied"


ZH = "甲方（采购人）：某市教育考试院\n\n乙方（供应商）：某某视讯科技有限公司\n\n第十三条 持续供应\n乙方承诺无正当理由不中断本合同项下产品供应及必要的技术支持服务。\n\n"


def test_force_majeure_defined_to_include_the_suppliers_strategy_weakens_the_pause_promise() -> None:
    text = ZH + ("第二十四条 不可抗力\n本合同所称不可抗力，是指不能预见、不能避免且不能克服的客观情况，包括地震、洪水、战争，以及"
                 "乙方经营策略调整等情形。发生不可抗力的，受影响一方可中止履行相应义务。\n")
    assert _verdict(text, "CSR04") == "weak"


def test_force_majeure_said_not_to_include_the_suppliers_strategy_leaves_it_whole() -> None:
    text = ZH + ("第二十四条 不可抗力\n本合同所称不可抗力，是指不能预见、不能避免且不能克服的客观情况，包括地震、洪水、战争，"
                 "但不包括乙方经营策略调整。\n")
    assert _verdict(text, "CSR04") == "satisfied"


POLICY = ("港灣專營巴士有限公司\n\n資訊保安政策（第4.2版）（節錄）\n\n8. 供應商管理\n\n8.1 供應商不得藉提供服務的便利取得本公司"
          "或乘客數據。\n\n8.2 供應商不得未經授權控制或操縱本公司的車載裝置及系統。\n")


@pytest.mark.parametrize("rule", ["CSR02", "CSR03"])
def test_a_policy_titled_under_its_issuers_name_binds_no_supplier(rule: str) -> None:
    assert _verdict(POLICY, rule) == "missing"


def test_a_recital_quoting_the_statute_runs_on_to_its_end() -> None:
    text = ("失物招领平台建设合同（鉴于条款）\n\n鉴于：\n\n1. 甲方系某市城市轨道交通运营主体，需建设失物招领平台；\n\n"
            "2. 《中华人民共和国个人信息保护法》第二十一条规定，个人信息处理者委托处理个人信息的，应当与受托人约定委托处理"
            "的目的、期限、处理方式、个人信息的种类、保护措施以及双方的权利和义务等；受托人应当按照约定处理个人信息，不得超出"
            "约定的处理目的、处理方式等处理个人信息；\n\n3. 乙方具备平台建设所需的资质和能力。\n")
    assert _verdict(text, "PIPL21-03", pack="pipl21") == "missing"


def test_information_passed_to_unbound_subcontractors_weakens_confidentiality() -> None:
    text = ("甲方（采购人）：某广电网络股份有限公司\n\n乙方（供应商）：某系统集成有限公司\n\n第八条 保密\n\n乙方对获悉的甲方信息负有保密义务，但乙方"
            "可以向其分包方提供履行分包工作所需的甲方信息，无需取得甲方同意，亦无需要求分包方承担保密义务。\n")
    assert _verdict(text, "SEC02", pack="security-agreement") == "weak"
