"""A weak verdict names the words that made it weak; the lawyer must find each of them in what the report quotes.

Words often come from a later sentence read with the undertaking (a rider, a right in the next sub-clause, a
definition of a term the undertaking uses). Those sentences are quoted as evidence, their words marked.
"""

from __future__ import annotations

import glob
from pathlib import Path

import yaml

from cliccheck.library import load_library
from cliccheck.matcher import check_document
from cliccheck.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "fixtures" / "sample"


def _words(detail: str) -> list[str]:
    return [w.strip() for w in detail.rstrip("…").split(" … ") if w.strip()]


def _check(doc, aliases=()):  # type: ignore[no-untyped-def]
    return {q.id: q for q in check_document(doc, supplier_aliases=list(aliases), library=load_library()).requirements}


def test_a_right_in_the_next_sub_clause_is_quoted_with_its_words_marked() -> None:
    """Bilingual sample, 8.3 (no control of equipment) read with 8.4 ("may suspend … at its discretion")."""
    q = _check(read_document(SAMPLES / "bilingual-contract.docx"))["CSR03"]
    assert q.verdict.value == "weak"
    rider = [e for e in q.evidence if e.section == "8.4"]
    assert rider and rider[0].role == "rider" and rider[0].page is not None
    marked = {rider[0].text[a:b] for a, b in rider[0].highlights}
    assert {"may", "at its discretion"} <= marked


def test_a_definition_naming_every_reviewer_does_not_weaken_the_review_undertaking() -> None:
    """English sample: "Review Authority" means the Office "and any other authority that conducts a cybersecurity
    review of the procurement" - the reviewers, not a foreign power."""
    q = _check(read_document(SAMPLES / "supply-agreement-en.docx"))["CSR01"]
    assert q.verdict.value == "satisfied", q.message
    assert q.evidence[0].section == "10.1"


def test_a_foreign_reviewer_in_the_definition_still_weakens_and_is_quoted() -> None:
    text = ('SUPPLY AGREEMENT\n\nVendor: Northwind Networks Ltd. Customer: Eastport Power Co., Ltd.\n\n'
            '1.1 "Review Authority" means any foreign authority that conducts a cybersecurity review.\n\n'
            '10.1 The Vendor shall cooperate with any cybersecurity review conducted by the Review Authority.\n')
    q = _check(read_document(text.encode(), filename="x.txt"))["CSR01"]
    assert q.verdict.value == "weak"
    assert [e.section for e in q.evidence] == ["10.1", "1.1"]


def _dev_sample(step: int) -> list[dict]:
    cases: list[dict] = []
    for f in sorted(glob.glob(str(ROOT / "fixtures/eval/dev/*.yaml"))):
        cases += yaml.load(Path(f).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []
    return cases[::step]


def test_every_word_a_weak_verdict_names_is_in_its_quoted_evidence() -> None:
    """Across a spread of the development corpus (every 60th case: all authors, languages and kinds)."""
    checked = 0
    for case in _dev_sample(60):  # (also: no passage quoted twice with one role)
        paras = [p.strip() for p in case["text"].split("\n\n") if p.strip()]
        doc = read_document(("\n\n".join(paras) + "\n").encode(), filename="x.txt")
        aliases = case.get("supplier_alias") or []
        for q in _check(doc, [aliases] if isinstance(aliases, str) else aliases).values():
            quoted = " ".join(e.text for e in q.evidence)
            spans = [(e.start, e.end, e.role) for e in q.evidence if e.start >= 0]
            assert len(spans) == len(set(spans)), (case["id"], q.id, spans)
            for r in q.reasons:
                if q.verdict.value == "weak" and r.code == "unrecognised-qualifier":
                    checked += 1
                    absent = [w for w in _words(r.detail) if w not in quoted]
                    assert not absent, (case["id"], q.id, r.detail, absent)
    assert checked >= 40


def test_a_cap_elsewhere_is_quoted_where_it_stands() -> None:
    """A cap on all the supplier's liability in another clause makes the pack's liability weak: the cap is quoted."""
    from cliccheck.packs import load_packs

    text = ("采购人（甲方）：北城热力集团有限公司\n\n供应商（乙方）：恒泰热网信息技术有限公司\n\n9.1 乙方违反本合同安全保密约定的，"
            "应赔偿甲方因此遭受的全部损失。\n\n14.3 乙方在本合同项下承担的全部违约及赔偿责任，累计不超过本合同总价的百分之五。\n")
    doc = read_document(text.encode(), filename="x.txt")
    q = check_document(doc, library=load_packs(["security-agreement"])).requirement("SEC04")
    assert q.verdict.value == "weak"
    assert "14.3" in [e.section for e in q.evidence]  # (as a rider, or as the weak reading it also is)


def test_the_text_report_never_lets_a_rider_push_out_an_undertaking() -> None:
    from cliccheck.verdicts import Evidence, shown_evidence

    def ev(role: str, start: int) -> Evidence:
        return Evidence(text="x", start=start, end=start + 1, block=0, page=1, section=None, paragraph=0,
                        language="en", role=role)

    quotes = [ev("weakener", 0), ev("weakener", 5), ev("partial", 9), ev("undertaking", 12), ev("rider", 20),
              ev("rider", 30), ev("rider", 40)]
    shown = shown_evidence(quotes, 3)
    assert [e.start for e in shown] == [0, 5, 9, 20, 30]
