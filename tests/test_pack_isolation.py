"""Fail closed across rule packs (issue 15): a pack's harmless words account only for words of that pack's own
undertakings. Enabling another pack must never turn a weak undertaking satisfied, in lint or in the reading that
``explain --trace`` shows, and a word that is harmless only in a pack's clauses ("entrusted" in PIPL Art. 21) is
no harmless word of CSR, enabled or not."""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Any

import pytest
from pack_documents import contract

from cliccheck.evaluate_docs import load_cases
from cliccheck.matcher import check_document
from cliccheck.matcher.frames import trace_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document

PACKS = ("csr", "security-agreement", "pipl21", "network-data")
EVAL = Path(__file__).resolve().parent.parent / "fixtures" / "eval"
CORPUS = {"csr": EVAL / "dev", **{p: EVAL / "packs" / p for p in PACKS[1:]}}


def _others(base: str) -> list[tuple[str, ...]]:
    """Every non-empty combination of the other built-in packs."""
    rest = [p for p in PACKS if p != base]
    return [c for n in range(1, len(rest) + 1) for c in itertools.combinations(rest, n)]


def _read(text: str) -> Any:
    return read_document(text.encode("utf-8"), filename="contract.txt")


def _verdicts(doc: Any, specs: list[str], rules: tuple[str, ...]) -> dict[str, str]:
    result = check_document(doc, library=load_packs(specs))
    return {r.id: str(r.verdict) for r in result.requirements if r.id in rules}


def _traced(doc: Any, specs: list[str], rules: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
    """What explain --trace reads: (version, rule, kind, quality) of each reading of ``rules``."""
    return sorted((v, a.requirement, a.kind, a.quality) for v, a in trace_document(doc, load_packs(specs))
                  if a.requirement in rules)


#: undertakings weak when their own pack is read alone, each for words another pack's vocabulary knows
WEAK_ALONE = [
    # SEC01's "when working on" (on-site work): it limits when the supplier may not control the equipment
    ("csr", "CSR03", "en", "9. Equipment. The Supplier shall not illegally control or manipulate the Customer's "
                           "equipment when working on site."),
    # PIPL21-03's "beyond the agreed purposes"
    ("csr", "CSR02", "en", "9. User Data. The Supplier shall not illegally obtain user data beyond the agreed purposes."),
    # the entrusted data of PIPL Art. 21 is less than all the user data the supply gives access to
    ("csr", "CSR02", "en", "9. User Data. The Supplier shall not use the convenience of providing the products and "
                           "services to illegally obtain the user data entrusted to it."),
    ("csr", "CSR02", "zh", "第九条 用户数据 乙方不得利用提供产品和服务的便利条件非法获取甲方委托处理的用户数据。"),
    # PIPL21-02's "industry-standard" is no SEC01 word
    ("security-agreement", "SEC01", "en", "9. Security. The Supplier shall take industry-standard security measures "
                                          "to protect the Customer's systems and data."),
]

#: undertakings their own pack's words account for: satisfied alone and with any other pack
SATISFIED_ALONE = [
    ("csr", "CSR03", "en", "9. Equipment. The Supplier shall not illegally control or manipulate the Customer's "
                           "equipment."),
    ("csr", "CSR02", "zh", "第九条 用户数据 乙方不得利用提供产品和服务的便利条件非法获取用户数据。"),
]


@pytest.mark.parametrize(("base", "rule", "lang", "clause"), WEAK_ALONE + SATISFIED_ALONE)
def test_another_pack_never_changes_an_undertakings_reading(base: str, rule: str, lang: str, clause: str) -> None:
    doc = _read(contract(lang, "billing", [clause]))
    alone = _verdicts(doc, [base], (rule,))
    expected = "weak" if (base, rule, lang, clause) in WEAK_ALONE else "satisfied"
    assert alone == {rule: expected}
    traced_alone = _traced(doc, [base], (rule,))
    assert any(kind == "undertaking" and quality == expected for _, _, kind, quality in traced_alone)
    for others in _others(base):
        specs = [base, *others]
        assert _verdicts(doc, specs, (rule,)) == alone, specs
        # explain --trace --packs reads as lint does: no other pack's word accounts for this one's
        assert _traced(doc, specs, (rule,)) == traced_alone, specs


def _sample(base: str) -> list[tuple[str, str]]:
    """Cases of the pack's evaluation corpus: every one with CLICCHECK_ISOLATION_FULL=1, else a spread of 8."""
    cases = load_cases(CORPUS[base])
    if os.environ.get("CLICCHECK_ISOLATION_FULL") != "1":
        step = max(1, len(cases) // 8)
        cases = cases[::step][:8]
    out = []
    for _, case in cases:
        paragraphs = [p.strip() for p in str(case["text"]).replace("\r\n", "\n").split("\n\n") if p.strip()]
        out.append((str(case.get("id")), "\n\n".join(paragraphs) + "\n"))
    return out


@pytest.mark.slow
@pytest.mark.parametrize(("base", "others"), [(b, o) for b in PACKS for o in _others(b)],
                         ids=lambda v: "+".join(v) if isinstance(v, tuple) else v)
def test_no_verdict_of_the_eval_corpora_moves_when_another_pack_is_enabled(base: str, others: tuple[str, ...]) -> None:
    """Over every combination of the other packs, on the pack's own evaluation cases: its verdicts and readings
    are those it gives alone (so none moves to satisfied just because another pack is enabled)."""
    rules = load_packs([base]).ids
    for case, text in _sample(base):
        doc = _read(text)
        alone = _verdicts(doc, [base], rules)
        assert _verdicts(doc, [base, *others], rules) == alone, case
        assert _traced(doc, [base, *others], rules) == _traced(doc, [base], rules), case
