"""annex and redline write the new packs' clauses (zh/en templates), skip the rules a contract satisfies or to
which it is not subject, and keep csr's output when no pack is named."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner
from pack_documents import SECURITY, contract

from cliccheck.cli import cli
from cliccheck.packs import load_packs

REPO = Path(__file__).resolve().parents[1]
ALL = "csr,security-agreement,pipl21,network-data"


def _annex(tmp_path: Path, name: str, text: str, *args: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["annex", str(path), "--format", "txt", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_annex_writes_a_clause_for_every_unmet_rule_of_every_pack(tmp_path: Path) -> None:
    library = load_packs(tuple(ALL.split(",")))
    for lang in ("en", "zh"):
        out = _annex(tmp_path, f"ops-{lang}.txt", contract(lang, "billing", []), "--packs", ALL)
        for req in library.requirements:
            assert req.titles[lang] in out, (lang, req.id)
        default = _annex(tmp_path, f"ops-{lang}.txt", contract(lang, "billing", []))
        assert not any(req.titles[lang] in default for req in library.requirements if not req.id.startswith("CSR"))


def test_no_clause_for_a_satisfied_or_not_applicable_rule(tmp_path: Path) -> None:
    library = load_packs(tuple(ALL.split(",")))
    titles = {r.id: r.titles for r in library.requirements}
    for lang in ("en", "zh"):
        clauses = [SECURITY[lang][rid]["satisfied"] for rid in SECURITY[lang]]
        out = _annex(tmp_path, f"sale-{lang}.txt", contract(lang, "switches", clauses), "--packs", ALL)
        # the satisfied security clauses get no clause; PIPL21 and ND may apply here, since the security clauses
        # speak of the operator's data and a pack applies on any clause on its topic (fail closed)
        for rid, title in titles.items():
            if rid.startswith("SEC"):
                assert title[lang] not in out, (lang, rid)
    for lang in ("en", "zh"):  # the bare sale: every PIPL21 and ND rule is not_applicable, so no clause either
        out = _annex(tmp_path, f"bare-{lang}.txt", contract(lang, "switches", []), "--packs", ALL)
        for rid, title in titles.items():
            if rid.startswith(("PIPL21", "ND")):
                assert title[lang] not in out, (lang, rid)


def test_redline_inserts_the_security_clauses(tmp_path: Path) -> None:
    source = REPO / "fixtures" / "docx" / "managed-services-en.docx"
    out = tmp_path / "red.docx"
    result = CliRunner().invoke(cli, ["redline", str(source), "-o", str(out), "--packs", "csr,security-agreement",
                                      "--date", "2026-03-01"])
    assert result.exit_code in (0, 1), result.output
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "The supplier's security obligations" in xml or "security protection measures" in xml
    assert "technical support for the products" in xml
    assert "<w:ins " in xml
