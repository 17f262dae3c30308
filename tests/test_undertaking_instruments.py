"""An undertaking instrument's plain statements are its promises (issue 10, round 13).

A 承诺书 / 切结书 / Letter of Undertaking exists to bind its author, so "本厂商不利用履约之机会违法收集…" in one
is a promise, as "乙方应…" is in a contract. Before this round such statements were weak ("a statement without
a binding modal"), in 36 gold-satisfied dev verdicts. The same statement in a contract stays weak, a buyer's
notice about the undertakings it wants is nobody's promise, and an instrument that lapses before the contract
ends still limits every promise in it. None of these texts is taken from the evaluation corpora."""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.readers import read_document

CUT_LETTER = """廠商切結書

立切結書人 宏遠通訊設備股份有限公司（以下簡稱「本廠商」）參與 貴公司「骨幹網路路由器採購案」，茲切結如下：

一、本廠商不利用履約及維護之機會違法蒐集、存取或留存貴公司及其使用者之資料。

二、除貴公司逾期付款經書面催告仍未給付或不可抗力外，本廠商於契約期間不中斷本案產品之供應及必要之技術支援服務。

立切結書人：宏遠通訊設備股份有限公司
"""

LETTER = """网络安全承诺函

致：华东轨道交通集团有限公司

我司作为贵司综合监控系统项目的供应商，就网络安全事项说明如下：

一、我司不借供货、调试和运维之便采集、留存或者向第三方提供贵司及贵司乘客的数据；

二、如贵司就本项目申报网络安全审查，我司按审查机构和贵司的要求如实提供产品资料并接受问询。

承诺单位：江南智控系统有限公司
"""

NOTICE = """关于供应商网络安全承诺事项的通知

各入围供货单位：

为落实关键信息基础设施安全保护要求，我公司要求供应商在签约前提交承诺书，载明：不利用供货之便非法获取我公司及用户数据；无正当理由不中断产品供应和技术支持。

未按要求提交的，我公司将不予签约。

某市供水集团物资采购部
"""

CONTRACT = """采购合同

甲方（采购人）：东海银行股份有限公司

乙方（供应商）：北辰系统有限公司

第九条 乙方不利用供货及运维之便采集、留存或者向第三方提供甲方及甲方客户的数据。
"""


def _verdict(text: str, rule: str) -> tuple[str, str]:
    result = check_document(read_document(text.encode("utf-8"), filename="case.txt")).requirement(rule)
    return str(result.verdict), result.message


@pytest.mark.parametrize(
    ("text", "rule"),
    [(CUT_LETTER, "CSR02"), (CUT_LETTER, "CSR04"), (LETTER, "CSR02"), (LETTER, "CSR01")],
)
def test_statements_of_an_undertaking_instrument_bind(text: str, rule: str) -> None:
    verdict, message = _verdict(text, rule)
    assert verdict == "satisfied", message


def test_the_same_statement_in_a_contract_stays_weak() -> None:
    verdict, message = _verdict(CONTRACT, "CSR02")
    assert verdict == "weak", message


@pytest.mark.parametrize("rule", ["CSR02", "CSR04"])
def test_a_buyers_notice_about_undertakings_is_nobodys_promise(rule: str) -> None:
    verdict, message = _verdict(NOTICE, rule)
    assert verdict == "missing", message
    assert "not a contract" in message


@pytest.mark.parametrize("term", ["本承诺有效期：自本函出具之日起十二个月。", "本承诺函有效期为一年。"])
def test_an_instrument_that_lapses_early_limits_its_promises(term: str) -> None:
    text = LETTER.replace("承诺单位：", term + "\n\n承诺单位：")
    verdict, message = _verdict(text, "CSR02")
    assert verdict == "weak", message


def test_lint_reads_the_instrument_as_the_api_does(tmp_path) -> None:
    """The command line reads through the `csr` pack's library: the rule holds there as in the Python API."""
    import json

    from click.testing import CliRunner

    from cliccheck.cli import cli

    letter = tmp_path / "letter.txt"
    letter.write_text(CUT_LETTER, encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", str(letter), "--format", "json"])
    report = json.loads(result.output)
    verdicts = {r["id"]: r["verdict"] for doc in report.get("documents", [report]) for r in doc["requirements"]}
    assert verdicts["CSR02"] == "satisfied", result.output[:500]


@pytest.mark.parametrize(
    ("document", "expected"),
    [("instrument", "satisfied"), ("contract", "weak")],
)
def test_a_bare_negation_reaches_over_the_statutes_own_comma(document: str, expected: str) -> None:
    """"不利用提供产品和服务的便利条件，非法获取…": the 不 before the means governs the act after the comma."""
    statement = "不利用提供产品和服务的便利条件，非法获取{buyer}及其用户的数据。"
    if document == "instrument":
        text = LETTER.replace("一、我司不借供货、调试和运维之便采集、留存或者向第三方提供贵司及贵司乘客的数据；",
                              "一、我司" + statement.format(buyer="贵司"))
    else:
        text = CONTRACT.replace("第九条 乙方不利用供货及运维之便采集、留存或者向第三方提供甲方及甲方客户的数据。",
                                "第九条 乙方" + statement.format(buyer="甲方"))
    assert text not in (LETTER, CONTRACT)
    verdict, message = _verdict(text, "CSR02")
    assert verdict == expected, message
