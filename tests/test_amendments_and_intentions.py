"""Rights, deletions and intentions that decide a verdict from outside the undertaking's words (issue 10, round 14).

Once a party line names the supplier the user gave ("乙方：南京医保通软件有限公司" with that alias), its label binds:
clauses that were weak only because 乙方 was a presumed supplier are read on their words, and so the rights and
limits written elsewhere in the same document must be found, or the undertaking would pass alone:
- the supplier's right to end the contract at will ("乙方认为…的，可随时书面通知甲方解除本合同", "The Supplier may
  terminate this Agreement at any time for convenience") lets it stop supply and support: a contradiction;
- remote parameter changes and online firmware upgrades written noun-first ("进行远程诊断、参数调整和在线固件升级")
  are the acts of control a right to them grants;
- an amendment that quotes a clause and deletes it leaves no undertaking in the quotation, while the words around
  the quotation ("is deleted in its entirety and replaced with the following: …") are the amendment's own;
- a letter of intent or memorandum that says it is not legally binding states intentions: weak, quoting it.
None of these texts is taken from the evaluation corpora."""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.readers import read_document

ALIAS = "恒川智控系统有限公司"

CONTRACT = f"""智能水表采购合同

甲方：东江水务集团有限公司

乙方：{ALIAS}

第七条 网络安全

7.1 乙方应保障合同期内产品供应和必要技术支持服务不中断。

7.2 乙方不得擅自控制或者操纵甲方的服务器、网络及终端设备。

{{extra}}
"""

AMENDMENT = f"""《智能水表采购合同》补充协议

甲方：东江水务集团有限公司

乙方：{ALIAS}

经双方协商，对原合同作如下变更：

一、原合同第7.2条"未经甲方书面许可，乙方不得远程访问甲方已安装的水表及主站系统"{{verb}}。

二、本补充协议是原合同的组成部分。
"""

REPLACED = """AMENDMENT No. 3 TO THE SUPPLY AGREEMENT

This Amendment is made between Lakeshore Transit Authority ("Customer") and Orrin Rail Systems Ltd. ("Supplier").

1. Clause 12.4 of the Agreement ("The Supplier may discontinue any Product or its support upon sixty (60) days' \
written notice.") is deleted in its entirety and replaced with the following:
"12.4 The Supplier shall not discontinue, suspend or withdraw the supply of any Product, or the Support for any \
Product, during the Term, save where the Customer has failed to pay an undisputed invoice within forty-five (45) days \
after a written reminder or where Force Majeure prevents performance."
"""

INTENT = """合作意向书

甲方：某省农村商业银行股份有限公司

乙方：深圳云岫数据库有限公司

一、乙方拟向甲方提供分布式数据库产品及配套服务。

二、乙方应配合甲方就本项目申报的网络安全审查，并按审查机构要求提供相关材料。

三、除第四条（保密）外，本意向书不具有法律约束力。

四、双方对磋商中获知的对方信息负有保密义务。
"""


def _verdict(text: str, rule: str, aliases: tuple[str, ...] = (ALIAS,)) -> tuple[str, str]:
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    result = check_document(doc, supplier_aliases=aliases).requirement(rule)
    return str(result.verdict), result.message


def test_the_party_line_the_alias_names_binds_its_label() -> None:
    verdict, message = _verdict(CONTRACT.format(extra=""), "CSR03")
    assert verdict == "satisfied", message
    # without the alias, 乙方 is only presumed to be the supplier: fail closed
    verdict, message = _verdict(CONTRACT.format(extra=""), "CSR03", ())
    assert verdict == "weak", message


@pytest.mark.parametrize("extra", [
    "第十五条 乙方认为继续履行合同将损害其商业利益的，可随时书面通知甲方解除本合同。",
    "第十五条 乙方可随时提前三十日书面通知甲方解除本合同。",
])
def test_a_supplier_right_to_end_the_contract_at_will_contradicts_continuity(extra: str) -> None:
    verdict, message = _verdict(CONTRACT.format(extra=extra), "CSR04")
    assert verdict == "contradicted", message


def test_a_supplier_right_to_end_for_the_buyers_default_does_not() -> None:
    extra = "第十五条 甲方逾期付款超过六十日且经书面催告后仍未支付的，乙方可书面通知甲方解除本合同。"
    verdict, message = _verdict(CONTRACT.format(extra=extra), "CSR04")
    assert verdict == "satisfied", message


def test_an_english_supplier_termination_for_convenience_contradicts_continuity() -> None:
    text = ("Customer: Alpha Holdings Ltd (the \"Customer\")\n\nSupplier: Beta Systems Ltd (the \"Supplier\")\n\n"
            "7.1 The Supplier shall not interrupt the supply of the Products or the technical support without "
            "justifiable reason.\n\n15.1 The Supplier may terminate this Agreement at any time for convenience by "
            "giving thirty days' notice to the Customer.\n")
    verdict, message = _verdict(text, "CSR04", ())
    assert verdict == "contradicted", message


def test_a_right_to_change_parameters_and_upgrade_firmware_remotely_contradicts() -> None:
    extra = "第十六条 乙方可根据产品维护需要，对已交付的水表进行远程诊断、参数调整和在线固件升级，无需逐次征得甲方同意。"
    verdict, message = _verdict(CONTRACT.format(extra=extra), "CSR03")
    assert verdict == "contradicted", message


@pytest.mark.parametrize(("verb", "expected"), [("予以删除", {"missing"}), ("继续有效", {"satisfied", "weak"})])
def test_a_quoted_clause_an_amendment_deletes_is_no_undertaking(verb: str, expected: set[str]) -> None:
    """The same quotation kept in force is still read (weak here: 水表 alone may be one class of equipment)."""
    verdict, message = _verdict(AMENDMENT.format(verb=verb), "CSR03")
    assert verdict in expected, message


def test_the_replacement_after_a_deleted_quotation_is_read() -> None:
    verdict, message = _verdict(REPLACED, "CSR04", ("Orrin Rail Systems Ltd.",))
    assert verdict == "satisfied", message
    # the old right inside the quotation is gone with it: no contradiction is read from it
    assert "discontinue any Product or its support upon sixty" not in message


def test_a_non_binding_letter_of_intent_states_intentions() -> None:
    verdict, message = _verdict(INTENT, "CSR01", ("深圳云岫数据库有限公司",))
    assert verdict == "weak", message
    assert "不具有法律约束力" in message
    binding = INTENT.replace("三、除第四条（保密）外，本意向书不具有法律约束力。", "三、本协议自双方签章之日起生效。")
    verdict, message = _verdict(binding, "CSR01", ("深圳云岫数据库有限公司",))
    assert verdict == "satisfied", message
