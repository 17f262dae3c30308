"""Shared helpers for the matcher tests: build a contract around a clause."""

from __future__ import annotations

import io
from pathlib import Path

import yaml

from cliccheck.matcher import check_document
from cliccheck.readers import read_document

DATA = Path(__file__).parent / "data"
RULE_CASES = yaml.safe_load((DATA / "rule_cases.yaml").read_text(encoding="utf-8"))


def contract(clause: str, lang: str) -> bytes:
    return RULE_CASES["contracts"][lang].replace("{clause}", clause).encode("utf-8")


def verdict_of(text: bytes, rule: str, **kwargs: object) -> str:
    doc = read_document(text, filename="case.txt")
    return str(check_document(doc, **kwargs).requirement(rule).verdict)  # type: ignore[arg-type]


def verdict_and_message(text: str, rule: str, aliases: tuple[str, ...] = ()) -> tuple[str, str]:
    """The verdict on ``rule`` of a plain-text contract, with its message for the assertion."""
    result = check_document(read_document(text.encode("utf-8"), filename="case.txt"),
                            supplier_aliases=aliases).requirement(rule)
    return str(result.verdict), result.message


def write_docx(text: str, path: Path) -> Path:
    """A plain Word file at ``path`` with one paragraph per blank-line-separated block of ``text``."""
    import docx

    document = docx.Document()
    for paragraph in text.strip().split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path
