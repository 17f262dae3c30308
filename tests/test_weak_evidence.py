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
    for case in _dev_sample(60):
        paras = [p.strip() for p in case["text"].split("\n\n") if p.strip()]
        doc = read_document(("\n\n".join(paras) + "\n").encode(), filename="x.txt")
        aliases = case.get("supplier_alias") or []
        for q in _check(doc, [aliases] if isinstance(aliases, str) else aliases).values():
            quoted = " ".join(e.text for e in q.evidence)
            for r in q.reasons:
                if q.verdict.value == "weak" and r.code == "unrecognised-qualifier":
                    checked += 1
                    absent = [w for w in _words(r.detail) if w not in quoted]
                    assert not absent, (case["id"], q.id, r.detail, absent)
    assert checked >= 40
