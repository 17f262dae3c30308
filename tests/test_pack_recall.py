"""Recall classes of the rule packs (issue 15), each beside the same shape that must stay weak: the words a pack's
undertakings list as part of what they promise (the forms of correlation analysis, concrete security measures,
the support described, what an indemnity covers) are harmless in that pack only; one form of correlation
analysis alone (profiling, combining) is not the whole prohibition; a 对 phrase's object is the topic of the
prohibition after it, and a duty joined to a prohibition by ，并 is a further duty. Every wording is new, none
from the corpora."""

from __future__ import annotations

import pytest
from pack_documents import contract

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document


def _verdict(pack: str, rule: str, lang: str, clause: str, scope: str = "billing") -> tuple[str, str]:
    doc = read_document(contract(lang, scope, [clause]).encode("utf-8"), filename="contract.txt")
    result = check_document(doc, library=load_packs([pack]))
    req = next(r for r in result.requirements if r.id == rule)
    return str(req.verdict), req.message


# (pack, rule, lang, satisfied clause, the same shape that must not pass)
CLASSES = [
    ("network-data", "ND03", "en",
     "9. Analysis. The Supplier shall not carry out correlation analysis of the Customer's network data, including "
     "linking, matching or cross-referencing it with any other data set, whether alone or together with other data.",
     "9. Analysis. The Supplier shall not profile the Customer's network data."),
    ("network-data", "ND03", "zh",
     "第九条 乙方不得对甲方网络数据进行关联分析、交叉比对、融合或数据挖掘。",
     "第九条 乙方不得对甲方网络数据进行画像。"),
    ("network-data", "ND03", "en",  # correlation analysis named in a list of kinds of analysis
     "9. Analysis. The Supplier shall not perform any correlation, linkage or profiling analysis on the Customer's "
     "network data.",
     "9. Analysis. The Supplier shall not combine the Customer's network data with the data of its other customers."),
    ("security-agreement", "SEC01", "zh",
     "第九条 乙方应当采取访问控制、身份鉴别、日志审计、加密传输和漏洞扫描等安全措施，保障甲方系统和数据的安全。",
     "第九条 乙方应当在其认为必要时采取访问控制、日志审计等安全措施，保障甲方系统和数据的安全。"),
    # the 对 phrase's object is the topic of the prohibition after it; the party before 对 is the one bound
    ("security-agreement", "SEC02", "zh",
     "第七条 乙方对其获知的甲方数据和资料保密，不得向第三方披露。",
     "第七条 乙方对其获知的甲方数据和资料保密，不得向第三方披露，但乙方认为必要时除外。"),
    ("security-agreement", "SEC02", "zh",
     "第七条 乙方对在履行本合同过程中获知的甲方保密信息负有保密义务，不得向任何第三方披露。",
     "第七条 甲方对乙方提供的信息保密，不得向任何第三方披露。"),
    # a duty joined to a prohibition by ，并 is a further duty, not one the prohibition takes back
    ("security-agreement", "SEC04", "zh",
     "第九条 乙方不得披露甲方的保密信息，并对其员工的泄密行为承担赔偿责任。",
     "第九条 乙方不得披露甲方的保密信息，并不承担任何赔偿责任。"),
    # 负有/承担…义务 is the binding modal of the 保密 it governs
    ("security-agreement", "SEC02", "zh",
     "第七条 乙方对甲方的保密信息承担保密义务。",
     "第七条 乙方对甲方的保密信息原则上承担保密义务。"),
    ("security-agreement", "SEC04", "en",
     "9. Liability. The Supplier shall indemnify the Customer against all losses, fines and claims arising from any "
     "breach of its security or confidentiality obligations.",
     "9. Liability. The Supplier shall indemnify the Customer against losses, fines and claims arising from any breach "
     "of its security or confidentiality obligations, up to a total of RMB 100,000."),
]


@pytest.mark.parametrize(("pack", "rule", "lang", "good", "bad"), CLASSES,
                         ids=[f"{c[1]}-{c[2]}-{i}" for i, c in enumerate(CLASSES)])
def test_a_packs_own_words_count_in_its_undertakings_and_a_narrowing_does_not(pack: str, rule: str, lang: str,
                                                                           good: str, bad: str) -> None:
    verdict, message = _verdict(pack, rule, lang, good)
    assert verdict == "satisfied", message
    verdict, message = _verdict(pack, rule, lang, bad)
    assert verdict in ("weak", "contradicted", "missing"), message


def test_a_packs_measures_are_no_harmless_words_of_csr() -> None:
    """The same listed words in a CSR undertaking are read by CSR's vocabulary alone."""
    clause = "第九条 乙方不得利用提供产品和服务的便利条件非法获取用户数据，亦不得进行交叉比对或数据挖掘。"
    alone, _ = _verdict("csr", "CSR02", "zh", clause)
    for others in (["network-data"], ["security-agreement", "network-data"]):
        doc = read_document(contract("zh", "billing", [clause]).encode("utf-8"), filename="contract.txt")
        result = check_document(doc, library=load_packs(["csr", *others]))
        assert next(str(r.verdict) for r in result.requirements if r.id == "CSR02") == alone
