"""Roles come from the contract's own definitions; 乙方 is never assumed to be the supplier."""

from __future__ import annotations

import pytest

from cliccheck.matcher import check_document
from cliccheck.readers import read_document
from cliccheck.roles import find_roles


def _roles(text: str, **kw: object):  # type: ignore[no-untyped-def]
    return find_roles(read_document(text.encode(), filename="c.txt"), **kw)  # type: ignore[arg-type]


def test_english_preamble_definitions() -> None:
    r = _roles('This Agreement is made between Harbour Bank Co., Ltd. (the "Customer") and Northbridge Systems Ltd. '
               '(hereinafter referred to as the "Vendor").\n\n1. The Vendor shall deliver.\n')
    assert r.supplier.labels["en"] == ["Vendor"] and r.supplier.name == "Northbridge Systems Ltd."
    assert r.buyer.name == "Harbour Bank Co., Ltd." and r.supplier.source == "definition"


def test_party_a_can_be_the_supplier() -> None:
    r = _roles("供方（甲方）：南山科技有限公司\n\n需方（乙方）：某某银行\n")
    assert "甲方" in r.supplier.labels["zh"] and "乙方" in r.buyer.labels["zh"]
    r = _roles("采购合同\n\n卖方：北辰系统有限公司（以下简称“甲方”）\n\n买方：某银行（以下简称“乙方”）\n")
    assert "甲方" in r.supplier.labels["zh"] and "乙方" not in r.supplier.labels["zh"]
    assert r.supplier.name == "北辰系统有限公司"


def test_party_labels_with_roles_in_english() -> None:
    r = _roles("Party A (the Seller): Nanshan Tech Co., Ltd.\n\nParty B (the Buyer): West Bank\n")
    assert set(r.supplier.labels["en"]) == {"Seller", "Party A"}
    assert set(r.buyer.labels["en"]) == {"Buyer", "Party B"}


def test_body_role_words_when_the_preamble_is_silent() -> None:
    r = _roles("合同\n\n第一条 乙方应向甲方交付设备。\n\n第二条 甲方应向乙方支付价款。\n")
    assert r.supplier.labels["zh"] == ["乙方"] and r.supplier.source == "role-words"


@pytest.mark.parametrize("text", [
    "甲方：东岭证券登记技术有限公司\n\n乙方：合安数据服务有限公司\n\n第七条 乙方违反本合同约定的，应向甲方支付违约金人民币十万元。\n\n"
    "第八条 乙方应对其提供行情数据处理服务中获取的甲方数据保密。\n",
    "Party A: Eastridge Clearing Technology Co., Ltd.\n\nParty B: Harmon Data Services Ltd.\n\n7. If Party B breaches "
    "this Agreement, Party B shall pay liquidated damages of RMB 100,000 to Party A.\n\n8. Party B shall provide "
    "the data processing services.\n",
])
def test_paying_a_penalty_is_no_sign_of_the_buyer(text: str) -> None:
    """The party paying liquidated damages is the one in breach, usually the supplier: it no longer votes that
    party the buyer (a securities technology company as 甲方 had been read as the supplier)."""
    r = _roles(text)
    lang = "zh" if text.startswith("甲方") else "en"
    label = {"zh": "乙方", "en": "Party B"}[lang]
    assert label in r.supplier.labels.get(lang, []), r.supplier


def test_defaults_and_user_alias() -> None:
    r = _roles("1. The goods are delivered.\n")
    assert r.supplier.source == "default" and "Vendor" in r.supplier.labels["en"] and "乙方" not in r.supplier.aliases
    r = _roles("1. The goods are delivered.\n", supplier_aliases=["Acme"])  # an alias adds, first
    assert r.supplier.source == "user" and r.supplier.labels["en"][0] == "Acme" and "Vendor" in r.supplier.labels["en"]
    r = _roles("1. The goods are delivered.\n", supplier_names=["Acme"])  # --supplier replaces
    assert r.supplier.source == "user" and r.supplier.labels == {"en": ["Acme"]} and r.supplier.name == "Acme"


def test_party_definition_names_the_organisation_not_its_address() -> None:
    r = _roles("This Agreement is made between:\n\n(1) Harbour Bank Co., Ltd., a company incorporated in China (the "
               "\"Customer\"); and\n\n(2) Northbridge Systems Ltd., a company incorporated in Singapore whose registered "
               "office is at 12 Harbour Crescent, Singapore 098634 (the \"Vendor\").\n")
    assert r.supplier.name == "Northbridge Systems Ltd." and r.supplier.labels["en"] == ["Vendor"]


def test_more_role_words_by_default() -> None:
    r = _roles("承建方（乙方）：东华工程有限公司\n\n建设单位（甲方）：某某集团\n")
    assert "乙方" in r.supplier.labels["zh"] and "甲方" in r.buyer.labels["zh"]


def test_party_line_names_the_company_after_the_colon() -> None:
    # one paragraph per party, and the same lines joined into one paragraph by a plain-text reader
    for sep in ("\n\n", "\n"):
        r = _roles(f"技术服务合同\n\n甲方（采购方）：华东电网数据中心有限公司{sep}乙方（供应方）：星河网络科技有限公司\n\n"
                   "第一条 乙方应按期交付产品。\n")
        assert r.supplier.name == "星河网络科技有限公司" and set(r.supplier.labels["zh"]) == {"乙方", "供应方"}
        assert r.buyer.name == "华东电网数据中心有限公司" and set(r.buyer.labels["zh"]) == {"甲方", "采购方"}
    r = _roles("Party A (Purchaser): East Grid Data Centre Co., Ltd.\n\nParty B (Supplier): Helix Networks Ltd.\n")
    assert r.supplier.name == "Helix Networks Ltd." and r.buyer.name == "East Grid Data Centre Co., Ltd."
    r = _roles("Customer: East Grid Data Centre Co., Ltd.\n\nSupplier: Helix Networks Ltd., 8 Harbour Road, Singapore\n")
    assert r.supplier.name == "Helix Networks Ltd."
    r = _roles("需方：华东电网数据中心有限公司\n\n供方：星河网络科技有限公司\n\n第一条 供方应按期交付产品。\n")
    assert r.supplier.name == "星河网络科技有限公司" and r.supplier.labels["zh"] == ["供方"]


def test_label_named_before_its_side_is_known() -> None:
    r = _roles("技术服务合同\n\n甲方：华东电网数据中心有限公司（以下简称“甲方”）\n\n乙方：星河网络科技有限公司（以下简称“乙方”）\n\n"
               "第一条 乙方应向甲方交付产品。\n\n第二条 甲方应向乙方支付价款。\n")
    assert r.supplier.name == "星河网络科技有限公司" and r.supplier.labels["zh"] == ["乙方"]
    assert r.buyer.name == "华东电网数据中心有限公司"


def test_signature_fields_are_never_labels_or_names() -> None:
    r = _roles("技术服务合同\n\n甲方（采购方）：华东电网数据中心有限公司\n\n乙方（供应方）：星河网络科技有限公司\n\n"
               "第一条 乙方应按期交付产品。\n\n甲方（盖章）： 日期：\n\n乙方（盖章）： 日期：\n")
    assert "盖章" not in r.supplier.aliases and "盖章" not in r.buyer.aliases
    assert r.supplier.name == "星河网络科技有限公司"
    r = _roles("合同\n\n第一条 乙方应向甲方交付设备。\n\n第二条 甲方应向乙方支付价款。\n\n"
               "甲方（盖章）：华东电网数据中心有限公司\n\n乙方（盖章）：星河网络科技有限公司\n")
    assert r.supplier.name == "星河网络科技有限公司" and "盖章" not in r.supplier.aliases
    r = _roles("SERVICES AGREEMENT\n\n1. The Supplier shall deliver the Products.\n\n"
               "Customer (seal): East Grid Data Centre Co., Ltd.\n\nSupplier (seal): Helix Networks Ltd.\n")
    assert r.supplier.name == "Helix Networks Ltd." and "seal" not in [a.lower() for a in r.supplier.aliases]
    r = _roles("供方：星河网络科技有限公司\n\n需方：华东电网数据中心有限公司\n\n供方（盖章）：\n\n需方（盖章）：\n")
    assert "盖章" not in r.supplier.aliases and r.supplier.name == "星河网络科技有限公司"


def test_signature_line_name_stops_before_the_next_form_field() -> None:
    r = _roles("委托合同\n\n第一条 乙方应向甲方交付设备。\n\n第二条 甲方应向乙方支付价款。\n\n"
               "甲方（盖章）：湖北省医疗保障信息中心\u3000\u3000负责人：__________\n\n"
               "乙方（盖章）：武汉楚天信息技术服务有限公司\u3000\u3000负责人：__________\n")
    assert r.supplier.name == "武汉楚天信息技术服务有限公司"
    assert r.buyer.name == "湖北省医疗保障信息中心"


def test_party_defined_by_a_plain_name_is_the_other_side() -> None:
    r = _roles('SYSTEM INTEGRATION CONTRACT\n\nBetween: City Metro Operations Co., Ltd. ("Metro") and Orion '
               'Integration Ltd. (hereinafter "the Integrator").\n\n1. The Integrator shall install the equipment.\n')
    assert r.buyer.name == "City Metro Operations Co., Ltd." and "Metro" in r.buyer.labels["en"]
    assert "Metro" not in r.supplier.labels["en"]
    r = _roles('SUPPLY AGREEMENT\n\nThis Agreement is made between Harbour Bank Co., Ltd. (the "Customer") and '
               'Orion Integration Ltd. ("Orion").\n\n1. Orion shall deliver the Products.\n')
    assert r.supplier.name == "Orion Integration Ltd." and "Orion" in r.supplier.labels["en"]


def test_sample_contracts_name_the_supplier_company() -> None:
    from pathlib import Path

    sample = Path(__file__).parent.parent / "fixtures" / "sample"
    expected = {"procurement-contract-zh.docx": "北桥系统有限公司", "bilingual-contract.docx": "北桥系统有限公司",
                "supply-agreement-en.docx": "Northbridge Systems Ltd."}
    for name, company in expected.items():
        roles = find_roles(read_document(sample / name))
        assert roles.supplier.name == company, name
        assert not any(w in roles.supplier.aliases for w in ("盖章", "seal"))


LETTER = ('UNDERTAKING\n\nTo: Hong Kong Airport Logistics Operations Limited ("HKALO")\n\n'
          'Orion Scanners (Asia) Limited ("Orion") hereby undertakes to HKALO, in relation to the baggage screening '
          'systems supplied under Contract No. HKALO/EQ/2026/07:\n\n(a) Orion will not, without HKALO\'s written '
          'consent, remotely access, operate, alter the software of, or disable any screening system installed at '
          'HKALO\'s facilities.\n')


def test_a_short_name_in_quotes_after_the_users_supplier_name_is_the_supplier_and_the_other_the_buyer() -> None:
    """"Orion Scanners (Asia) Limited ("Orion")": the parenthesis inside the name does not cut it, the quoted short
    name is the supplier's as "hereinafter" would make it, and the one other party defined so is the buyer."""
    roles = _roles(LETTER, supplier_aliases=["Orion Scanners (Asia) Limited"])
    assert "Orion" in roles.supplier.labels.get("en", [])
    assert "HKALO" in roles.buyer.labels.get("en", [])


def test_a_legal_form_alone_names_no_one() -> None:
    """An alias list split at its comma ("Tianyu Cloud Computing Co.", "Ltd.") must not make every "…Ltd." party's
    short name the supplier's."""
    text = ('To: Huabei Gas Group Co., Ltd. (the "Company")\n\nWe, Tianyu Cloud Computing Co., Ltd., undertake to the '
            'Company as follows.\n')
    roles = _roles(text, supplier_aliases=["Tianyu Cloud Computing Co.", "Ltd."])
    assert "Company" not in roles.supplier.labels.get("en", [])


@pytest.mark.parametrize(("preamble", "supplier_label", "buyer_clause"), [
    ('Party A: Huadong Grid Co., Ltd. (the "Buyer")\nParty B: Sino Relay Systems Co., Ltd. (the "Supplier")',
     "Party B", "Party A shall cooperate with any cybersecurity review of this procurement."),
    ('Party A: Sino Relay Systems Co., Ltd. (the "Supplier")\nParty B: Huadong Grid Co., Ltd. (the "Buyer")',
     "Party A", "Party B shall cooperate with any cybersecurity review of this procurement."),
], ids=["buyer-line-first", "supplier-line-first"])
def test_party_lines_joined_into_one_block_keep_their_own_labels(preamble: str, supplier_label: str,
                                                                   buyer_clause: str) -> None:
    """Two party lines a reader joins into one paragraph (a soft line break, a PDF line): each role takes the label
    of its own line. Before, the Supplier also took the "Party A" that opened the block, so the buyer's duty
    ("Party A shall cooperate …") passed as the supplier's undertaking."""
    text = f"Supply Contract\n\n{preamble}\n\n11.2 {buyer_clause}\n"
    doc = read_document(text.encode("utf-8"), filename="c.txt")
    checked = check_document(doc)
    assert checked.roles.supplier.labels["en"].count(supplier_label) == 1
    assert not (set(checked.roles.supplier.labels["en"]) & set(checked.roles.buyer.labels["en"]))
    assert str(checked.requirement("CSR01").verdict) != "satisfied"


def test_a_role_word_set_before_the_name_is_no_part_of_it() -> None:
    doc = read_document("工程承攬契約書\n\n立契約書人：定作人 南港水務調度中心（以下簡稱「定作人」）；承攬人 瀚宇資通股份有限公司"
                        "（以下簡稱「承攬人」）。\n\n第一條 承攬人不得以不法方式控制定作人之設備。\n".encode(), filename="c.txt")
    roles = find_roles(doc)
    assert roles.supplier.name == "瀚宇资通股份有限公司"
    assert roles.buyer.name == "南港水务调度中心"
