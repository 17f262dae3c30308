"""Generalisation cases (tests/data/generalisation_cases.yaml) through the real pipeline.

The cases use wording absent from fixtures/clauses/cases (synonyms of the objects and acts, "warrants and
undertakes", 有义务/负有…义务/由…负责, passive voice, lead-ins, other weakening words), placed in the corpus
contexts. Each must get its labelled verdict on every requirement, and none may pass falsely.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cliccheck.evaluate import _load_yaml, build_document_text
from cliccheck.library import load_library
from cliccheck.matcher import check_document
from cliccheck.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
CASES: list[dict[str, Any]] = _load_yaml(ROOT / "tests" / "data" / "generalisation_cases.yaml")
CONTEXTS = {p.stem: _load_yaml(p) for p in (ROOT / "fixtures" / "clauses" / "contexts").glob("*.yaml")}


def test_cases_are_balanced() -> None:
    langs = [CONTEXTS[c["context"]]["lang"] for c in CASES]
    assert len(CASES) >= 60 and abs(langs.count("zh") - langs.count("en")) <= 2
    assert {c["requirement"] for c in CASES} == {"CSR01", "CSR02", "CSR03", "CSR04"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_generalisation_case(case: dict[str, Any]) -> None:
    library = load_library()
    context = CONTEXTS[case["context"]]
    assert context["lang"] in case["id"]
    doc = read_document(build_document_text(context, case["text"]).encode("utf-8"), filename="case.txt")
    checked = check_document(doc, supplier_aliases=case.get("supplier_alias") or [], library=library)
    labels = {rid: "missing" for rid in library.ids}
    labels.update(case.get("also") or {})
    labels[case["requirement"]] = case["verdict"]
    got = {r.id: str(r.verdict) for r in checked.requirements}
    assert got == labels
