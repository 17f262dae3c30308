"""Rights held by a side named only by drafting convention (乙方, "we" of terms addressed to "you"), and terms
defined more narrowly than the requirement's object: what a user relies on when a contract never says which
side supplies."""

from __future__ import annotations

from cliccheck.matcher import check_document
from cliccheck.readers import read_document


def _verdicts(text: str) -> dict[str, str]:
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    return {r.id: str(r.verdict) for r in check_document(doc).requirements}


def test_right_of_party_b_to_stop_supply_is_a_contradiction() -> None:
    got = _verdicts("第十一条 供货\n\n11.1 乙方有权根据自身经营情况随时停止供货及维护服务，甲方不得因此追究乙方的违约责任。\n")
    assert got["CSR04"] == "contradicted"


def test_refusal_of_the_review_by_party_b_is_a_contradiction() -> None:
    got = _verdicts("第九条 网络安全审查\n\n9.1 乙方不承担配合甲方或任何主管部门开展网络安全审查的义务。\n")
    assert got["CSR01"] == "contradicted"


def test_terms_writer_we_holds_the_right_to_suspend() -> None:
    got = _verdicts("8. Suspension. We may suspend or terminate your access to the Services, including technical "
                    "support, at any time for any reason and without notice.\n")
    assert got["CSR04"] == "contradicted"


def test_a_presumed_supplier_never_makes_an_undertaking_pass() -> None:
    got = _verdicts("第九条 乙方应当积极配合网络安全审查，并如实提供审查所需的全部材料。\n")
    assert got["CSR01"] != "satisfied"


def test_a_presumed_buyer_right_is_no_contradiction() -> None:
    got = _verdicts("第十条 甲方有权在乙方违约时暂停支付货款并停止后续订单的供货安排。\n")
    assert got["CSR04"] != "contradicted"


def test_a_number_bound_is_no_negation() -> None:
    got = _verdicts("甲方：某市数据中心\n\n乙方：某科技有限公司（供应商）\n\n10.1 乙方保证，自最后一批产品交付之日起不少于八年内，"
                    "持续向甲方供应本合同产品及备件，并提供必要的技术支持服务。\n")
    assert got["CSR04"] != "contradicted"


def test_undertaking_on_a_narrowly_defined_term_is_weak() -> None:
    text = ("供方：某系统有限公司\n\n需方：某电网公司\n\n第3条 定义「用户设备」指需方办公室内之桌面电脑。\n\n"
            "第9条 供方不得非法控制或操纵任何用户设备。\n")
    assert _verdicts(text)["CSR03"] == "weak"


def test_no_duty_with_its_content_between_is_a_refusal() -> None:
    text = ("供方：某系统有限公司\n\n需方：某电网公司\n\n第十二条 供方对于需方办理之任何网络安全审查，无配合提供源代码、设计文档"
            "或供应链信息之义务。\n")
    got = _verdicts(text)
    assert got["CSR01"] == "contradicted"
    assert got["CSR04"] == "missing"  # 供应链 (the supply chain) is not product supply


def test_refusal_of_a_government_review_of_the_procurement() -> None:
    text = ("This Agreement is made between Acme Grid Co. (the \"Customer\") and Northwind Ltd. (the \"Provider\").\n\n"
            "15.1 The Provider will not complete security questionnaires or supply documentation for any government "
            "review of the Customer's procurement.\n")
    assert _verdicts(text)["CSR01"] == "contradicted"


def test_ceasing_to_provide_the_services_is_no_reason_of_its_own() -> None:
    text = ("This Agreement is made between Acme Grid Co. (the \"Customer\") and Northwind Ltd. (the \"Supplier\").\n\n"
            "12.2 The Supplier may cease to provide the Services and the technical support at the end of any quarter "
            "by giving the Customer six months' written notice.\n")
    assert _verdicts(text)["CSR04"] == "contradicted"


def test_the_buyers_data_named_possessively_is_the_object() -> None:
    text = ("This Agreement is made between Acme Grid Co. (the \"Purchaser\") and Northwind Ltd. (the \"Supplier\").\n\n"
            "15. The Supplier shall not knowingly use its access to the Purchaser's network to obtain the Purchaser's "
            "data.\n")
    assert _verdicts(text)["CSR02"] == "weak"
