"""Matcher behaviour a lawyer relies on: evidence, precedence, roles, bilingual, hidden text."""

from __future__ import annotations

import subprocess
import sys

from _helpers import RULE_CASES, contract, verdict_of
from hypothesis import given, settings
from hypothesis import strategies as st

from cliccheck.matcher import check_document
from cliccheck.model import Block, BlockKind, Document, ExcludedKind, ExcludedText
from cliccheck.readers import read_document

SATISFYING = [c for c in RULE_CASES["cases"] if c["expect"] == "satisfied"]


def test_evidence_points_into_document_text() -> None:
    doc = read_document(contract("9.4 The Vendor may suspend the supply of the Products and all support services "
                                 "at any time for any reason.", "en"), filename="c.txt")
    result = check_document(doc).requirement("CSR04")
    assert result.verdict == "contradicted"
    ev = result.evidence[0]
    assert doc.text[ev.start:ev.end] == ev.text and ev.section == "9.4"
    assert any(ev.text[a:b] == "at any time" for a, b in ev.highlights)
    assert any(r.code == "contradicted-by" for r in result.reasons)


def test_contradiction_beats_satisfying_clause_elsewhere() -> None:
    clause = ("9.1 The Vendor shall cooperate with any cybersecurity review.\n\n"
              "9.2 Notwithstanding Clause 9.1, the Vendor may refuse to cooperate with any cybersecurity review.")
    doc = read_document(contract(clause, "en"), filename="c.txt")
    result = check_document(doc).requirement("CSR01")
    assert result.verdict == "contradicted"
    roles = {e.role for e in result.evidence}
    assert {"contradiction", "undertaking"} <= roles


def test_party_a_as_supplier_read_from_definitions() -> None:
    text = ("供货合同\n\n供方（甲方）：南山科技有限公司\n\n需方（乙方）：西江银行\n\n"
            "第五条 甲方应当配合网络安全审查。\n\n第六条 乙方应当配合网络安全审查。\n").encode()
    doc = read_document(text, filename="c.txt")
    result = check_document(doc)
    assert "甲方" in result.roles.supplier.labels["zh"]
    assert result.requirement("CSR01").verdict == "satisfied"
    assert result.requirement("CSR01").evidence[0].text.startswith("第五条")


def test_supplier_alias_overrides_defaults() -> None:
    text = b"1. Acme shall cooperate with any cybersecurity review.\n"
    assert verdict_of(text, "CSR01") != "satisfied"
    assert verdict_of(text, "CSR01", supplier_aliases=["Acme"]) == "satisfied"


def test_lang_option_and_bilingual_mismatch() -> None:
    text = ("SUPPLY AGREEMENT 采购合同\n\nNorthbridge Ltd. (the \"Vendor\")\n\n乙方（供应商）：北辰公司\n\n"
            "9.1 The Vendor shall cooperate with any cybersecurity review.\n\n第九条 乙方原则上配合网络安全审查。\n\n"
            "1. The Vendor shall deliver the goods and provide installation and training on site.\n\n"
            "第一条 乙方应交付货物并提供现场安装和培训服务，甲方应按期付款并提供场地。\n").encode()
    doc = read_document(text, filename="c.txt")
    result = check_document(doc)
    csr01 = result.requirement("CSR01")
    assert set(csr01.by_language) == {"zh", "en"}
    assert csr01.by_language["en"].verdict == "satisfied" and csr01.by_language["zh"].verdict == "weak"
    assert csr01.verdict == "weak"
    assert any(f.rule == "bilingual-mismatch" and f.requirement == "CSR01" for f in result.findings)
    assert check_document(doc, lang="en").requirement("CSR01").verdict == "satisfied"


def test_hidden_text_never_counts_but_is_reported() -> None:
    doc = Document(path="x", format="docx", blocks=[
        Block('Northbridge Ltd. (the "Vendor") and Harbour Bank (the "Customer") agree as follows.', language="en"),
        Block("1. The Vendor shall deliver the goods.", language="en")])
    doc.excluded.append(ExcludedText(ExcludedKind.DELETED, "The Vendor shall cooperate with any cybersecurity review.",
                                     paragraph=3))
    result = check_document(doc)
    assert result.requirement("CSR01").verdict == "missing"
    hidden = [f for f in result.findings if f.rule == "hidden-text"]
    assert hidden and hidden[0].evidence[0].start == -1 and hidden[0].evidence[0].paragraph == 3


def _with_margin(kind: BlockKind, body: list[str], margin: str) -> Document:
    blocks = [Block('Northbridge Ltd. (the "Vendor") and Harbour Bank (the "Customer") agree as follows.', language="en"),
              *(Block(t, language="en") for t in body),
              Block(margin, language="zh" if any("\u4e00" <= c <= "\u9fff" for c in margin) else "en", kind=kind,
                    page=2)]
    return Document(path="x", format="docx", blocks=blocks)


def test_header_or_footer_clause_never_counts_but_is_reported() -> None:
    for kind in (BlockKind.HEADER, BlockKind.FOOTER):
        doc = _with_margin(kind, ["1. The Vendor shall deliver the goods."],
                           "The Vendor shall cooperate fully with any cybersecurity review.")
        result = check_document(doc)
        assert result.requirement("CSR01").verdict == "missing"
        warned = [f for f in result.findings if f.rule == "hidden-text" and f.requirement == "CSR01"]
        assert len(warned) == 1 and warned[0].severity == "warning"
        assert f"page {kind.value}" in warned[0].message
        ev = warned[0].evidence[0]
        assert ev.block == 2 and ev.page == 2 and "cybersecurity review" in ev.text
        assert doc.text[ev.start:ev.end] == ev.text
    # the body satisfies the requirement: a running header repeating it is no evasion
    doc = _with_margin(BlockKind.HEADER, ["1. The Vendor shall cooperate fully with any cybersecurity review."],
                       "The Vendor shall cooperate fully with any cybersecurity review.")
    result = check_document(doc)
    assert result.requirement("CSR01").verdict == "satisfied"
    assert not [f for f in result.findings if f.rule == "hidden-text"]
    # a Chinese footer standing in for the clause
    doc = _with_margin(BlockKind.FOOTER, ["1. The Vendor shall deliver the goods."], "乙方应当积极配合网络安全审查。")
    assert check_document(doc).requirement("CSR01").verdict == "missing"


def test_version_does_not_import_spacy() -> None:
    code = "import sys; from cliccheck.cli import cli; import cliccheck.matcher; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


NEUTRAL = {
    "en": ["3. The Customer shall provide access to its premises during business hours.",
           "4. Each invoice shall state the purchase order number.",
           "5. The Parties shall hold an annual review of service levels."],
    "zh": ["第三条 甲方应在工作时间内为乙方提供进场便利。", "第四条 每张发票应注明订单编号。", "第五条 双方每年对服务水平进行一次回顾。"],
}


@settings(max_examples=25, deadline=None)
@given(case=st.sampled_from(SATISFYING), position=st.integers(0, 2), neutral=st.integers(0, 2))
def test_neutral_paragraphs_never_change_a_verdict(case: dict, position: int, neutral: int) -> None:
    extra = NEUTRAL[case["lang"]][neutral]
    clause = case["text"]
    text = extra + "\n\n" + clause if position == 0 else clause + "\n\n" + extra
    assert verdict_of(contract(text, case["lang"]), case["rule"]) == "satisfied"


@settings(max_examples=25, deadline=None)
@given(case=st.sampled_from(SATISFYING))
def test_buyer_side_copy_is_never_satisfied(case: dict) -> None:
    swap = {"en": ("Vendor", "Customer"), "zh": ("乙方", "甲方")}[case["lang"]]
    text = case["text"].replace(swap[0], swap[1])
    assert verdict_of(contract(text, case["lang"]), case["rule"]) != "satisfied"


@settings(max_examples=20, deadline=None)
@given(case=st.sampled_from([c for c in RULE_CASES["cases"] if c["lang"] == "en"]),
       label=st.sampled_from(["Supplier", "Contractor", "Licensor", "Provider"]))
def test_renaming_the_supplier_never_changes_a_verdict(case: dict, label: str) -> None:
    text = contract(case["text"], "en").decode().replace("Vendor", label).encode()
    assert verdict_of(text, case["rule"]) == case["expect"]
