"""Overrides that point back ("尽管有前款约定", "Notwithstanding the foregoing") on whole text contracts."""

from __future__ import annotations

from cliccheck.matcher import check_document
from cliccheck.readers import read_document

_ZH = """设备采购合同

需方：东海银行股份有限公司（以下简称“需方”）
供方：北辰系统有限公司（以下简称“供方”）

第一条 供方应按期向需方交付合同产品。

第二条 需方应在收到发票后三十日内付款。

第五条 网络安全审查 1.供方应当配合需方申报的网络安全审查。

2.{second}

第六条 本合同适用中华人民共和国法律。
"""

_EN = """SERVICES AGREEMENT

This Agreement is made between Harbour Bank Co., Ltd. (the "Customer") and Lumen Cloud Ltd. (the "Provider").

1. The Provider shall deliver the Services described in Schedule 1.

5. Review. 5.1 The Provider shall cooperate with the cybersecurity review. 5.2 {second}

9. This Agreement is governed by the laws of the People's Republic of China.
"""


def _csr01(text: str):  # type: ignore[no-untyped-def]
    return check_document(read_document(text.encode("utf-8"), filename="contract.txt")).requirement("CSR01")


def test_zh_override_reaches_the_undertaking_beside_a_heading_with_an_inline_item_number() -> None:
    result = _csr01(_ZH.format(second="尽管有前款约定，供方有权拒绝提供其认为不宜提供的任何资料，且无须说明理由。"))
    assert str(result.verdict) == "contradicted"
    texts = [e.text for e in result.evidence]
    assert any("尽管有前款约定" in t for t in texts)  # the override …
    assert any("供方应当配合需方申报的网络安全审查" in t for t in texts)  # … and the undertaking it takes back


def test_en_override_reaches_the_undertaking_in_the_same_block_as_the_heading() -> None:
    result = _csr01(_EN.format(second="Notwithstanding the foregoing, the Provider may refuse to provide any "
                                      "document it considers unsuitable, without giving reasons."))
    assert str(result.verdict) == "contradicted"
    texts = [e.text for e in result.evidence]
    assert any("Notwithstanding the foregoing" in t for t in texts)
    assert any("shall cooperate with the cybersecurity review" in t for t in texts)


def test_a_state_secret_override_is_justified() -> None:
    zh = _csr01(_ZH.format(second="尽管有前款约定，涉及国家秘密的资料，供方有权依照保守国家秘密法的规定拒绝提供。"))
    en = _csr01(_EN.format(second="Notwithstanding the foregoing, the Provider may refuse to provide information "
                                  "classified as a state secret under the Law on Guarding State Secrets."))
    assert (str(zh.verdict), str(en.verdict)) == ("satisfied", "satisfied")


def test_contract_wide_override_refusing_source_code_leaves_the_review_undertaking_weak_and_names_it() -> None:
    text = _EN.replace("9. This Agreement", "12. Intellectual Property. 12.1 Notwithstanding anything in this "
                       "Agreement, the Provider may refuse to disclose source code.\n\n9. This Agreement").format(
        second="The Provider shall provide the documents the review office requests.")
    result = _csr01(text)
    assert str(result.verdict) == "weak"
    assert any(r.code == "overridden-by" and "Notwithstanding anything in this Agreement" in r.detail
               for r in result.reasons)
    texts = [e.text for e in result.evidence]
    assert any("may refuse to disclose source code" in t for t in texts)
    assert any("shall cooperate with the cybersecurity review" in t for t in texts)


def test_scope_limitation_with_a_refusal_right_contradicts_and_without_one_is_weak() -> None:
    zh_refuse = _csr01(_ZH.format(second="供方配合审查的范围不包括源代码及内部技术资料，对此供方有权拒绝提供。"))
    zh_limit = _csr01(_ZH.format(second="供方配合审查的范围不包括源代码及内部技术资料。"))
    en_refuse = _csr01(_EN.format(second="The Provider's cooperation with any review shall not extend to source "
                                         "code, which the Provider may withhold."))
    assert [str(r.verdict) for r in (zh_refuse, zh_limit, en_refuse)] == ["contradicted", "weak", "contradicted"]
    assert any(r.code == "carve-out" and "源代码" in r.detail for r in zh_limit.reasons)
