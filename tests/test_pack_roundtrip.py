"""Our own fixes pass our own gate (issue 15): the annex and the redline that ``--packs`` writes for a contract
lacking every clause of every pack, merged into that contract and linted again with the same packs, leave no
requirement short of ``satisfied`` - in Chinese, English and both, full and short. A lawyer who sends our text
must see it pass. Also: the annex's title names what it covers."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pack_documents import CLOSING, contract

from cliccheck.cli import cli
from cliccheck.packs import load_packs

REPO = Path(__file__).resolve().parents[1]
ALL = "csr,security-agreement,pipl21,network-data"
#: the annex language -> the main contract's language
CONTRACT_LANG = {"zh": "zh", "en": "en", "zh+en": "zh"}


def _verdicts(path: Path) -> dict[str, str]:
    result = CliRunner().invoke(cli, ["lint", str(path), "--packs", ALL, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    (doc,) = data["documents"]
    return {r["id"]: r["verdict"] for r in doc["requirements"]}


def _annex(path: Path, lang: str, variant: str, packs: str = ALL) -> str:
    result = CliRunner().invoke(cli, ["annex", str(path), "--format", "txt", "--packs", packs, "--lang", lang,
                                      "--variant", variant])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("variant", ["full", "short"])
@pytest.mark.parametrize("lang", list(CONTRACT_LANG))
def test_the_annex_of_every_pack_passes_our_own_lint(tmp_path: Path, lang: str, variant: str) -> None:
    code = CONTRACT_LANG[lang]
    base = tmp_path / "outsourcing.txt"  # the supplier operates a system holding the operator's customers' data
    base.write_text(contract(code, "billing", []), encoding="utf-8")
    everything = load_packs(tuple(ALL.split(","))).ids
    before = _verdicts(base)
    assert not [r for r, v in before.items() if v == "satisfied"]  # every pack applies and nothing is met
    annex = _annex(base, lang, variant)
    appended = tmp_path / "appended.txt"
    appended.write_text(base.read_text(encoding="utf-8") + "\n" + annex, encoding="utf-8")
    # the annex's text set into the contract before its closing clauses, as a lawyer pastes it in
    inserted = tmp_path / "inserted.txt"
    inserted.write_text(contract(code, "billing", [annex]), encoding="utf-8")
    for merged in (appended, inserted):
        got = _verdicts(merged)
        assert list(got) == list(everything)
        assert {r: v for r, v in got.items() if v != "satisfied"} == {}, merged.name


@pytest.mark.parametrize("lang", list(CONTRACT_LANG))
def test_the_docx_annex_alone_passes_our_own_lint(tmp_path: Path, lang: str) -> None:
    """The annex as the lawyer sends it, a separate signed document: every pack's rule satisfied on its own."""
    base = tmp_path / "outsourcing.txt"
    base.write_text(contract(CONTRACT_LANG[lang], "billing", []), encoding="utf-8")
    out = tmp_path / "annex.docx"
    result = CliRunner().invoke(cli, ["annex", str(base), "-o", str(out), "--packs", ALL, "--lang", lang])
    assert result.exit_code == 0, result.output
    assert set(_verdicts(out).values()) == {"satisfied"}


def _docx(path: Path, text: str) -> Path:
    document = docx.Document()
    for paragraph in text.strip().split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


@pytest.mark.parametrize("source", ["zh", "en", "managed-services-en.docx", "network-equipment-zh.docx",
                                    "bilingual-alternating.docx"])
def test_the_redline_of_every_pack_passes_our_own_lint(tmp_path: Path, source: str) -> None:
    """The tracked insertions, read as the draft once accepted, satisfy every rule of every pack - also where the
    contract calls the supplier 甲方, alternates Chinese and English, or already has its own clauses."""
    if source.endswith(".docx"):
        path = REPO / "fixtures" / "docx" / source
    else:
        path = _docx(tmp_path / f"outsourcing-{source}.docx", contract(source, "billing", []))
    out = tmp_path / "redlined.docx"
    result = CliRunner().invoke(cli, ["redline", str(path), "-o", str(out), "--packs", ALL, "--date", "2026-03-01"])
    assert result.exit_code == 0, result.output
    assert "<w:ins " in zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    got = _verdicts(out)
    assert {r: v for r, v in got.items() if v not in ("satisfied", "not_applicable")} == {}
    if not source.endswith(".docx"):
        assert set(got.values()) == {"satisfied"}


# ----------------------------------------------------------------- the annex's title names what it covers

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_annex_title_names_the_packs_it_covers(tmp_path: Path, lang: str) -> None:
    base = tmp_path / "outsourcing.txt"
    base.write_text(contract(lang, "billing", []), encoding="utf-8")
    csr_only = _annex(base, lang, "full", "csr")
    every = _annex(base, lang, "full")
    if lang == "zh":
        assert csr_only.startswith("网络安全审查补充条款\n")  # today's annex, unchanged
        title = "网络安全审查、安全保密、个人信息委托处理及网络数据安全补充条款"
        assert every.startswith(title + "\n")
        assert "网络安全审查补充条款" not in every.replace(title, "")
        # the preamble cites each pack's law, not only the Measures
        for law in ("《网络安全审查办法》（2022年）第六条", "《关键信息基础设施安全保护条例》第二十条",
                    "《中华人民共和国个人信息保护法》第二十一条", "《网络数据安全管理条例》第十六条"):
            assert law in every
            assert law not in csr_only or "网络安全审查办法" in law
    else:
        assert csr_only.startswith("Supplemental Cybersecurity Review Undertakings\n")
        title = ("Supplemental Undertakings on Cybersecurity Review, Security and Confidentiality, Entrusted "
                 "Processing of Personal Information and Network Data Security")
        assert every.startswith(title + "\n")
        assert f'These {title} (this "Annex")' in every
        # the buyer's name, not the preamble's opening words ("This Agreement is made on … between Eastgate …")
        assert "\nCustomer: Eastgate Power Grid Co., Ltd.\n" in every and "made between This Agreement" not in every
        for law in ("Article 6 of the Cybersecurity Review Measures (2022)",
                    "Article 20 of the Critical Information Infrastructure Security Protection Regulations",
                    "Article 21 of the Personal Information Protection Law", "Article 16 of the Network Data "
                    "Security Management Regulations"):
            assert law in every
    sec_only = _annex(base, lang, "full", "security-agreement")
    assert sec_only.startswith("安全保密补充条款\n" if lang == "zh"
                               else "Supplemental Undertakings on Security and Confidentiality\n")


def test_the_docx_annex_header_names_what_it_covers(tmp_path: Path) -> None:
    base = tmp_path / "outsourcing.txt"
    base.write_text(contract("zh", "billing", []), encoding="utf-8")
    out = tmp_path / "annex.docx"
    result = CliRunner().invoke(cli, ["annex", str(base), "-o", str(out), "--packs", "csr,pipl21"])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "网络安全审查及个人信息委托处理补充条款"
    assert document.sections[0].header.paragraphs[0].text.endswith("网络安全审查及个人信息委托处理补充条款")


def test_closing_lines_stay_after_an_inserted_annex() -> None:
    """The generator the round trip relies on: clauses go before the closing lines, whatever they hold."""
    text = contract("en", "billing", ["ANNEX TEXT"])
    assert text.index("ANNEX TEXT") < text.index(CLOSING["en"][0])
