"""Roles come from the contract's own definitions; 乙方 is never assumed to be the supplier."""

from __future__ import annotations

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


def test_defaults_and_user_alias() -> None:
    r = _roles("1. The goods are delivered.\n")
    assert r.supplier.source == "default" and "Vendor" in r.supplier.labels["en"] and "乙方" not in r.supplier.aliases
    r = _roles("1. The goods are delivered.\n", supplier_aliases=["Acme"])
    assert r.supplier.source == "user" and r.supplier.labels == {"en": ["Acme"]}


def test_party_definition_names_the_organisation_not_its_address() -> None:
    r = _roles("This Agreement is made between:\n\n(1) Harbour Bank Co., Ltd., a company incorporated in China (the "
               "\"Customer\"); and\n\n(2) Northbridge Systems Ltd., a company incorporated in Singapore whose registered "
               "office is at 12 Harbour Crescent, Singapore 098634 (the \"Vendor\").\n")
    assert r.supplier.name == "Northbridge Systems Ltd." and r.supplier.labels["en"] == ["Vendor"]


def test_more_role_words_by_default() -> None:
    r = _roles("承建方（乙方）：东华工程有限公司\n\n建设单位（甲方）：某某集团\n")
    assert "乙方" in r.supplier.labels["zh"] and "甲方" in r.buyer.labels["zh"]
