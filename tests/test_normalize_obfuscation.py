"""Invisible and look-alike characters (issue 9 §2): matched as a reader reads them, and reported.

A contract that hides "may suspend" / "有权随时中断" with any class of such characters still gets the
contradicted verdict, an ``obfuscated-text`` finding, and a failing gate; honest drafts with emoji,
NBSP, a BOM, full-width Chinese punctuation, ＣＩＩ in a Chinese sentence, Greek or Russian words do not.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_report_formats import validate_json_report

from cliccheck.cli import cli
from cliccheck.lang.chars import is_default_ignorable
from cliccheck.matcher import check_document
from cliccheck.matcher.obfuscation import scan
from cliccheck.readers import read_document

HOSTILE = Path(__file__).resolve().parent.parent / "fixtures" / "hostile"
sys.path.insert(0, str(HOSTILE))
from build_obfuscated import CASES, OUT, ZH_CLASSES  # noqa: E402

#: Chinese PDFs whose zero-width characters pdfium leaves out of the text layer between CJK glyphs: the
#: reader never hands them over, so the verdict is right (contradicted) but there is nothing to report.
#: Strict: when the PDF reader keeps them, these pass and the list must shrink.
PDF_DROPS = {f"zh-{name}" for name in ("zwsp", "invisible-separator", "grapheme-joiner", "variation-selector",
                                       "zwj", "word-joiner", "bidi-mark")}


def _files() -> list:  # type: ignore[type-arg]
    params = []
    for case in CASES:
        for ext in ("docx", "pdf"):
            path = OUT / f"{case.name}.{ext}"
            if not path.exists():
                continue
            marks = [pytest.mark.xfail(strict=True, reason="pdfium drops zero-width characters in CJK lines")] \
                if ext == "pdf" and case.name in PDF_DROPS else []
            params.append(pytest.param(case, path, id=path.name, marks=marks))
    return params


def test_every_case_has_a_docx_and_every_drawable_class_a_pdf() -> None:
    names = {p.name for p in OUT.iterdir()}
    for case in CASES:
        assert f"{case.name}.docx" in names
    pdfs = {n for n in names if n.endswith(".pdf")}
    assert len(pdfs) >= 25
    assert {"en-cyrillic.pdf", "en-zwsp.pdf", "zh-kangxi.pdf", "zh-radical-supplement.pdf",
            "zh-compatibility-ideograph.pdf", "en-ordinary.pdf", "zh-ordinary.pdf", "zh-traditional.pdf"} <= pdfs
    assert len(ZH_CLASSES) >= 10


@pytest.mark.parametrize(("case", "path"), _files())
def test_verdicts_and_finding(case, path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = read_document(path.read_bytes(), filename=path.name)
    result = check_document(doc)
    verdicts = {r.id: str(r.verdict) for r in result.requirements}
    assert verdicts == case.expect
    found = [f for f in result.findings if f.rule == "obfuscated-text"]
    assert bool(found) == case.obfuscated, [r.detail for f in found for r in f.reasons]
    for finding in found:
        assert str(finding.severity) == "error"
        ev = finding.evidence[0]
        assert ev.block >= 0 and ev.original and ev.original != ev.text
        assert ev.highlights
        # every named character is in the source and written out by code point
        for reason in finding.reasons:
            assert reason.detail.startswith("U+")


def test_lint_fails_and_reports_the_characters(tmp_path: Path) -> None:
    paths = [str(OUT / f"{name}.{ext}") for name in ("en-cyrillic", "zh-kangxi", "en-zwsp") for ext in ("docx", "pdf")]
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["lint", *paths, "--format", "json", "-o", str(out)])
    assert result.exit_code == 1, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    validate_json_report(report)  # the schema knows the evidence's "original"
    assert len(report["documents"]) == len(paths)
    for doc in report["documents"]:
        assert not doc["passed"], doc["path"]
        assert "obfuscated-text" in [f["rule"] for f in doc["findings"]], doc["path"]
        csr04 = next(r for r in doc["requirements"] if r["id"] == "CSR04")
        assert csr04["verdict"] == "contradicted", doc["path"]
        # the contradiction is quoted as the contract writes it
        assert any("original" in ev for ev in csr04["evidence"]), doc["path"]


def test_ordinary_drafts_pass_the_gate() -> None:
    names = ("en-ordinary.docx", "en-ordinary.pdf", "zh-ordinary.docx", "zh-ordinary.pdf")
    result = CliRunner().invoke(cli, ["lint", *(str(OUT / name) for name in names)])
    assert result.exit_code == 0, result.output


def test_text_report_shows_the_source_with_invisible_characters_written_out() -> None:
    result = CliRunner().invoke(cli, ["lint", str(OUT / "en-zwsp.docx"), "--no-color"])
    assert "as written:" in result.output
    assert "⟨U+200B⟩" in result.output
    assert "U+200B ZERO WIDTH SPACE" in result.output


# --- the detector on its own: each class, and what must not trigger it -------------------------------

HOSTILE_TEXTS = {
    "zero width space": "The Supplier may sus\u200bpend supply.",
    "invisible separator": "The Supplier may sus\u2063pend supply.",
    "grapheme joiner": "The Supplier ma\u034fy suspend supply.",
    "variation selector in a word": "The Supplier may sus\ufe0fpend supply.",
    "mongolian vowel separator": "The Supplier may sus\u180epend supply.",
    "tag characters": "The Supplier may suspend\U000e0020\U000e0041 supply.",
    "zero width joiner": "The Supplier may sus\u200dpend supply.",
    "soft hyphen": "The Supplier may sus\u00adpend supply.",
    "word joiner": "The Supplier may sus\u2060pend supply.",
    "bidi override": "The Supplier may \u202esuspend\u202c supply.",
    "bidi isolate": "The Supplier may \u2066suspend\u2069 supply.",
    "bidi mark in a word": "The Supplier may sus\u200fpend supply.",
    "hangul filler": "The Supplier may sus\u3164pend supply.",
    "cyrillic": "The Supplier mаy suspend supply.",
    "greek": "The Supplier may susρend supply.",
    "whole look-alike word": "The Supplier may ѕսѕреոԁ supply.",
    "full-width in latin": "The Supplier ｍａｙ suspend supply.",
    "full-width mixed": "The Supplier may ｓuspend supply.",
    "math bold": "The Supplier 𝐦𝐚𝐲 suspend supply.",
    "zh zero width": "乙方有权随时中\u200b断产品供应。",
    "zh variation selector": "乙方有权随时中\ufe00断产品供应。",
    "zh ideographic variation selector": "乙方有权随时中断\U000e0100产品供应。",
    "kangxi radical": "乙\u2f45有权随时中断产品供应。",
    "radical supplement": "\u2e83方有权随时中断产品供应。",
    "compatibility ideograph": "乙方\uf967得中断产品供应。",
}

ORDINARY_TEXTS = {
    "emoji zwj sequence": "Support desk: 👩\u200d💻 and 👨\u200d👩\u200d👧 are here.",
    "emoji presentation": "We ❤\ufe0f our customers; press 1\ufe0f\u20e3.",
    "subdivision flag": "Office in 🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f London.",
    "nbsp": "Payment within 30\u00a0days of the invoice.",
    "narrow nbsp": "Amount: 1\u202f000\u202f000 yuan.",
    "bom at start": "\ufeffSupply Agreement",
    "bom before a space": "\ufeff Supply Agreement",
    "full-width punctuation": "乙方应配合审查，并提供材料；甲方（采购方）！",
    "full-width latin in chinese": "本合同适用于ＣＩＩ运营者，甲方应在３０日内付款。",
    "greek word among greek": "Τα μέρη συμφωνούν ότι η σύμβαση ισχύει.",
    "russian name": "Subcontractor: ООО Ромашка (Moscow).",
    "lone greek letter": "Interest at the rate α stated in Schedule B.",
    "zero width space between words": "The Supplier \u200bshall cooperate.",
    "soft hyphen at a word end": "The Supplier shall co\u00ad operate.",
    "arabic with zwnj": "Persian: می\u200cخواهم",
    "hebrew with bidi marks": "Hebrew name \u2067שלום\u2069 in the text.",
    "kangxi-free chinese": "乙方不得无正当理由中断产品供应。",
    "unified ideograph in the compatibility block": "\ufa0e\ufa0f are unified ideographs.",
    "ligature": "The ﬁnal invoice.",
    "superscript": "Area: 20 m².",
}


@pytest.mark.parametrize("text", HOSTILE_TEXTS.values(), ids=HOSTILE_TEXTS.keys())
def test_each_class_is_found(text: str) -> None:
    assert scan(text), text


@pytest.mark.parametrize("text", ORDINARY_TEXTS.values(), ids=ORDINARY_TEXTS.keys())
def test_ordinary_text_is_not_obfuscation(text: str) -> None:
    assert scan(text) == [], [(h.kind, hex(ord(text[h.at]))) for h in scan(text)]


def test_every_hostile_text_is_matched_as_the_plain_one() -> None:
    """The characters the detector names are exactly what normalisation reads through."""
    from cliccheck.normalize import normalize_text

    for name, text in HOSTILE_TEXTS.items():
        plain = normalize_text(text)
        assert not any(is_default_ignorable(ch) for ch in plain), name
        if name.startswith(("zh", "kangxi", "radical", "compatibility")):
            assert plain in ("乙方有权随时中断产品供应。", "乙方不得中断产品供应。"), (name, plain)
        else:
            assert plain == "The Supplier may suspend supply.", (name, plain)
