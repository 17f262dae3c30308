"""Crafted DOCX files that try to get a non-compliant contract through the gate (issue 9).

The files come from ``fixtures/hostile/build_docx_evasion.py`` (committed, English and Chinese).
One ``lint`` run over all of them checks that none passes; the behaviour tests build small
variants of each class to pin down what is read, what is excluded, what is unread and which
finding fires.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cliccheck.errors import DocumentError, LimitExceeded
from cliccheck.limits import Limits
from cliccheck.matcher import check_document
from cliccheck.model import Document, ExcludedKind
from cliccheck.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "fixtures" / "hostile"))

import build_docx_evasion as gen  # noqa: E402

CLI = str(ROOT / ".venv" / "bin" / "cliccheck")
FILES = sorted(gen.OUT.glob("*.docx"))
LANGS = gen.LANGS


def read(data: bytes, **kwargs: object) -> Document:
    return read_document(data, filename="case.docx", **kwargs)  # type: ignore[arg-type]


def squash(text: str) -> str:
    return "".join(text.split())


def contains(doc: Document, text: str) -> bool:
    return squash(text) in squash(doc.text)


def excluded(doc: Document, text: str) -> list[ExcludedKind]:
    return [e.kind for e in doc.excluded if squash(text) in squash(e.text)]


# --------------------------------------------------------------------------
# The committed corpus
# --------------------------------------------------------------------------
def test_committed_files_are_what_the_generator_writes(tmp_path: Path) -> None:
    written = gen.build_all(tmp_path)
    assert sorted(p.name for p in written) == [p.name for p in FILES]
    for path in written:
        assert path.read_bytes() == (gen.OUT / path.name).read_bytes(), path.name


@pytest.fixture(scope="module")
def lint_all() -> tuple[int, dict[str, dict]]:
    run = subprocess.run([CLI, "lint", "--format", "json", *map(str, FILES)], capture_output=True, text=True,
                         timeout=900, cwd=ROOT)
    report = json.loads(run.stdout)
    return run.returncode, {Path(d["path"]).name: d for d in report["documents"]}


def test_no_crafted_file_passes_lint(lint_all: tuple[int, dict[str, dict]]) -> None:
    rc, docs = lint_all
    assert rc != 0
    assert sorted(docs) == [p.name for p in FILES]
    passed = [name for name, d in docs.items() if d["passed"] or d["status"] == "pass"]
    assert not passed


@pytest.mark.parametrize("name", sorted(gen.CASES))
@pytest.mark.parametrize("lang", LANGS)
def test_each_class_fails_for_its_reason(lint_all: tuple[int, dict[str, dict]], name: str, lang: str) -> None:
    case = gen.CASES[name]
    doc = lint_all[1][gen.file_name(name, lang)]
    assert not doc["passed"]
    if case.error:
        assert doc["status"] == "error" and doc["error"]["code"] == case.error
        return
    if case.rule:
        found = [f for f in doc["findings"] if f["rule"] == case.rule]
        assert found, doc["findings"]
        if case.rule != "hidden-text":
            assert all(f["severity"] == "error" for f in found)
    if case.requirement:
        verdicts = {r["id"]: r["verdict"] for r in doc["requirements"]}
        assert verdicts[case.requirement] == case.verdict


@pytest.mark.parametrize("name", ["duplicate-member", "case-variant", "unnamed-main"])
def test_zip_tricks_exit_2_with_the_code(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(gen.CASES[name].build("zh"))
    run = subprocess.run([CLI, "lint", str(path)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 2
    out = run.stdout + run.stderr
    assert "[ambiguous-package]" in out and "Traceback" not in out


# --------------------------------------------------------------------------
# What is painted behind the text
# --------------------------------------------------------------------------
def _table_doc(lang: str, *, cond: str, look: str, rows: int, white_row: int, cell_shd: str = "") -> bytes:
    t = gen.TEXT[lang]
    styles = ('<w:style w:type="table" w:styleId="Grid"><w:name w:val="Grid"/>'
              f'<w:tblPr><w:tblStyleRowBandSize w:val="1"/></w:tblPr>{cond}</w:style>')
    body = "".join(
        f"<w:tr><w:tc>{f'<w:tcPr>{cell_shd}</w:tcPr>' if cell_shd and i == white_row else ''}"
        f"{gen.para(t['contradiction'] if i == white_row else t['clauses'][-1], gen.WHITE if i == white_row else '')}"
        "</w:tc></w:tr>" for i in range(rows))
    table = (f'<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/>{look}</w:tblPr>'
             f'<w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid>{body}</w:tbl>')
    return gen.package(gen.document(gen.contract_body(lang) + table + gen.para("")), [gen.styles_extra(styles)])


def _cond(kind: str, fill: str) -> str:
    return f'<w:tblStylePr w:type="{kind}"><w:tcPr><w:shd w:val="clear" w:fill="{fill}"/></w:tcPr></w:tblStylePr>'


@pytest.mark.parametrize("lang", LANGS)
def test_white_text_on_table_style_shading_is_read(lang: str) -> None:
    mark = gen.TEXT[lang]["contradiction"]
    header = read(_table_doc(lang, cond=_cond("firstRow", "1F3864"), look='<w:tblLook w:firstRow="1"/>', rows=2,
                             white_row=0))
    assert contains(header, mark) and not excluded(header, mark)
    # a horizontal band (the hex w:val form of tblLook: 0x0020 = first row): rows 1 and 3 are band 1
    band = read(_table_doc(lang, cond=_cond("band1Horz", "202020"), look='<w:tblLook w:val="0020"/>', rows=3,
                           white_row=1))
    assert contains(band, mark)
    # the whole-table cell shading of the style
    whole = read(_table_doc(lang, cond='<w:tcPr><w:shd w:val="clear" w:fill="000000"/></w:tcPr>', look="",
                            rows=1, white_row=0))
    assert contains(whole, mark)


@pytest.mark.parametrize("lang", LANGS)
def test_white_text_where_the_style_paints_nothing_stays_excluded(lang: str) -> None:
    mark = gen.TEXT[lang]["contradiction"]
    # header-row shading, but the table switches header formatting off
    off = read(_table_doc(lang, cond=_cond("firstRow", "1F3864"), look='<w:tblLook w:firstRow="0"/>', rows=2,
                          white_row=0))
    assert not contains(off, mark) and excluded(off, mark) == [ExcludedKind.WHITE_TEXT]
    # band 2 is dark, the white text sits in band 1
    band = read(_table_doc(lang, cond=_cond("band2Horz", "202020"), look='<w:tblLook w:val="0020"/>', rows=3,
                           white_row=1))
    assert not contains(band, mark)
    # a direct white cell shading overrides a dark style
    direct = read(_table_doc(lang, cond=_cond("firstRow", "000000"), look='<w:tblLook w:firstRow="1"/>', rows=2,
                             white_row=0, cell_shd='<w:shd w:val="clear" w:fill="FFFFFF"/>'))
    assert not contains(direct, mark)


@pytest.mark.parametrize("lang", LANGS)
def test_table_level_shading_and_table_style_text_colour(lang: str) -> None:
    t = gen.TEXT[lang]
    table = ('<w:tbl><w:tblPr><w:shd w:val="clear" w:fill="101010"/></w:tblPr><w:tblGrid><w:gridCol w:w="9000"/>'
             f'</w:tblGrid><w:tr><w:tc>{gen.para(t["contradiction"], gen.WHITE)}</w:tc></w:tr></w:tbl>')
    doc = read(gen.package(gen.document(gen.contract_body(lang) + table + gen.para(""))))
    assert contains(doc, t["contradiction"])
    # a table style that colours its text white on an unshaded table hides it
    styles = ('<w:style w:type="table" w:styleId="Ghost"><w:name w:val="Ghost"/><w:rPr><w:color w:val="FFFFFF"/>'
              "</w:rPr></w:style>")
    table = ('<w:tbl><w:tblPr><w:tblStyle w:val="Ghost"/></w:tblPr><w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid>'
             f'<w:tr><w:tc>{gen.para(t["review"])}</w:tc></w:tr></w:tbl>')
    ghost = read(gen.package(gen.document(gen.contract_body(lang, review=False) + table + gen.para("")),
                             [gen.styles_extra(styles)]))
    assert not contains(ghost, t["review"]) and excluded(ghost, t["review"]) == [ExcludedKind.WHITE_TEXT]


@pytest.mark.parametrize(("shd", "visible"), [
    ('<w:shd w:val="solid" w:color="000000" w:fill="FFFFFF"/>', True),  # solid: the pattern colour
    ('<w:shd w:val="solid" w:color="auto" w:fill="FFFFFF"/>', True),  # automatic pattern colour is black
    ('<w:shd w:val="pct90" w:color="000000" w:fill="FFFFFF"/>', True),
    ('<w:shd w:val="clear" w:color="000000" w:fill="FFFFFF"/>', False),  # clear: the fill only
    ('<w:shd w:val="solid" w:color="FFFFFF" w:fill="000000"/>', False),
    ('<w:shd w:val="nil" w:fill="000000"/>', False),
])
@pytest.mark.parametrize("where", ["paragraph", "run"])
def test_shading_patterns(shd: str, visible: bool, where: str) -> None:
    text = gen.TEXT["en"]["contradiction"]
    para = gen.para(text, gen.WHITE + shd) if where == "run" else gen.para(text, gen.WHITE, shd)
    doc = read(gen.package(gen.document(gen.contract_body("en") + para)))
    assert contains(doc, text) is visible
    assert bool(excluded(doc, text)) is not visible


def test_black_text_on_black_shading_is_invisible() -> None:
    text = gen.TEXT["zh"]["review"]
    para = gen.para(text, '<w:color w:val="000000"/>', '<w:shd w:val="clear" w:fill="000000"/>')
    doc = read(gen.package(gen.document(gen.contract_body("zh", review=False) + para)))
    assert not contains(doc, text) and excluded(doc, text) == [ExcludedKind.WHITE_TEXT]


@pytest.mark.parametrize(("rpr", "ppr", "visible"), [
    ('<w:color w:val="000000" w:themeColor="background1"/>', "", False),  # the theme colour wins: white
    ('<w:color w:val="FFFFFF" w:themeColor="text1"/>', "", True),
    ('<w:color w:val="FFFFFF"/>', '<w:shd w:val="clear" w:fill="000000" w:themeFill="background1"/>', False),
    ('<w:color w:val="FFFFFF"/>', '<w:shd w:val="clear" w:fill="FFFFFF" w:themeFill="background1" '
                                  'w:themeFillShade="40"/>', True),  # a dark shade of white
])
def test_theme_colours_win_over_literal_ones(rpr: str, ppr: str, visible: bool) -> None:
    text = gen.TEXT["zh"]["review"]
    doc = read(gen.package(gen.document(gen.contract_body("zh", review=False) + gen.para(text, rpr, ppr)),
                           [gen.theme_extra()]))
    assert contains(doc, text) is visible


@pytest.mark.parametrize("lang", LANGS)
def test_spec_vanish_alone_is_shown_vanish_is_hidden(lang: str) -> None:
    text = gen.TEXT[lang]["contradiction"]
    shown = read(gen.CASES["spec-vanish"].build(lang))
    assert contains(shown, text) and not excluded(shown, text)
    hidden = read(gen.package(gen.document(gen.contract_body(lang) + gen.para(text, "<w:vanish/><w:specVanish/>"))))
    assert not contains(hidden, text) and excluded(hidden, text) == [ExcludedKind.HIDDEN]


@pytest.mark.parametrize("lang", LANGS)
def test_page_colour_counts_only_when_displayed(lang: str) -> None:
    t = gen.TEXT[lang]
    shown = read(gen.CASES["page-colour-displayed"].build(lang))
    assert contains(shown, t["contradiction"])
    white_on_white = read(gen.CASES["page-colour-not-displayed"].build(lang))
    assert not contains(white_on_white, t["review"])
    assert excluded(white_on_white, t["review"]) == [ExcludedKind.WHITE_TEXT]


# --------------------------------------------------------------------------
# Text a word processor shows
# --------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_alternate_content_reads_the_branch_word_shows(lang: str) -> None:
    t = gen.TEXT[lang]
    unknown = read(gen.CASES["alternate-content"].build(lang))
    assert contains(unknown, t["contradiction"]) and not contains(unknown, t["continuity"])
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    alt = (f'<mc:AlternateContent><mc:Choice Requires="wps">{gen.para(t["continuity"])}</mc:Choice>'
           f'<mc:Fallback>{gen.para(t["contradiction"])}</mc:Fallback></mc:AlternateContent>')
    known = read(gen.package(gen.document(gen.contract_body(lang, continuity=False) + alt,
                                          namespaces=f' xmlns:wps="{wps}"')))
    assert contains(known, t["continuity"]) and not contains(known, t["contradiction"])
    # a prefix the document never declares is not a namespace Word knows either
    undeclared = alt.replace('Requires="wps"', 'Requires="zz"')
    doc = read(gen.package(gen.document(gen.contract_body(lang, continuity=False) + undeclared)))
    assert contains(doc, t["contradiction"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("block", [False, True])
def test_data_bound_control_shows_the_bound_value(lang: str, block: bool) -> None:
    t = gen.TEXT[lang]
    control = gen.bound_control("/ns0:contract[1]/ns0:terms[1]/ns0:clause[1]", t["continuity"], block=block)
    doc = read(gen.package(gen.document(gen.contract_body(lang, continuity=False) + control),
                           gen.custom_xml(t["contradiction"])))
    assert contains(doc, t["contradiction"]) and not contains(doc, t["continuity"])
    assert not doc.unread


def test_redline_over_a_bound_block_control_does_not_break(tmp_path: Path) -> None:
    """The bound value is read from a paragraph built for it; the redline must still run."""
    t = gen.TEXT["en"]
    control = gen.bound_control("/ns0:contract[1]/ns0:terms[1]/ns0:clause[1]", t["continuity"], block=True)
    src = tmp_path / "bound.docx"
    src.write_bytes(gen.package(gen.document(gen.contract_body("en", continuity=False) + control),
                                gen.custom_xml(t["contradiction"])))
    out = tmp_path / "out.docx"
    run = subprocess.run([CLI, "redline", str(src), "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 1), run.stdout + run.stderr
    assert "internal" not in (run.stdout + run.stderr).lower() and out.exists()


@pytest.mark.parametrize("xpath", ["/ns0:contract[1]/ns0:missing[1]", "//ns0:clause", "/ns0:contract[1]/..",
                                   "/ns9:contract[1]", "count(/ns0:contract)"])
def test_unresolvable_binding_is_unread(xpath: str) -> None:
    t = gen.TEXT["en"]
    control = gen.bound_control(xpath, t["continuity"])
    doc = read(gen.package(gen.document(gen.contract_body("en", continuity=False) + control),
                           gen.custom_xml(t["contradiction"])))
    assert contains(doc, t["continuity"])  # the stored text is all there is to read
    assert [u.code for u in doc.unread] == ["data-binding"] and doc.unread[0].paragraph is not None


def test_binding_to_a_missing_store_is_unread() -> None:
    t = gen.TEXT["zh"]
    control = gen.bound_control("/ns0:contract[1]/ns0:terms[1]/ns0:clause[1]", t["continuity"], block=True)
    doc = read(gen.package(gen.document(gen.contract_body("zh", continuity=False) + control)))
    assert [u.code for u in doc.unread] == ["data-binding"]


@pytest.mark.parametrize("lang", LANGS)
def test_dirty_quote_field_shows_the_quoted_text(lang: str) -> None:
    t = gen.TEXT[lang]
    doc = read(gen.CASES["dirty-field"].build(lang))
    assert contains(doc, t["contradiction"]) and not contains(doc, t["continuity"])
    stale = [e for e in doc.excluded if e.kind == ExcludedKind.FIELD_CODE and squash(t["continuity"]) in
             squash(e.text)]
    assert stale and "recomputes" in (stale[0].detail or "")
    assert not doc.unread


def _field(instr: str, result: str, *, dirty: bool) -> str:
    flag = ' w:dirty="true"' if dirty else ""
    return (f'<w:p><w:r><w:fldChar w:fldCharType="begin"{flag}/></w:r><w:r><w:instrText xml:space="preserve">'
            f'{instr}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{gen.run(result)}'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def test_other_dirty_fields_are_unread_and_clean_fields_read_as_stored() -> None:
    t = gen.TEXT["en"]
    dirty = read(gen.package(gen.document(gen.contract_body("en") + _field(" DOCPROPERTY Terms ", "x", dirty=True))))
    assert [u.code for u in dirty.unread] == ["dirty-field"] and dirty.unread[0].paragraph is not None
    clean = read(gen.package(gen.document(
        gen.contract_body("en", continuity=False) + _field(f' QUOTE "{t["contradiction"]}" ', t["continuity"],
                                                           dirty=False))))
    assert contains(clean, t["continuity"]) and not clean.unread
    simple = (f'<w:p><w:fldSimple w:instr=" QUOTE &quot;{t["contradiction"]}&quot; " w:dirty="1">'
              f'{gen.run(t["continuity"])}</w:fldSimple></w:p>')
    doc = read(gen.package(gen.document(gen.contract_body("en", continuity=False) + simple)))
    assert contains(doc, t["contradiction"]) and not contains(doc, t["continuity"])


@pytest.mark.parametrize("lang", LANGS)
def test_dirty_fields_that_show_no_wording_are_not_read_and_not_unread(lang: str) -> None:
    """A dirty TOC or PAGE field shows headings or numbers once recomputed: its stale stored result is
    not read (it could carry any wording), and the document is not failed for it."""
    t = gen.TEXT[lang]
    toc = _field(' TOC \\o "1-3" ', t["review"], dirty=True) + _field(" PAGE ", t["review"], dirty=True)
    doc = read(gen.package(gen.document(gen.contract_body(lang, review=False) + toc)))
    assert not contains(doc, t["review"]) and not doc.unread
    link = _field(' HYPERLINK "https://example.com" ', t["review"], dirty=True)
    doc = read(gen.package(gen.document(gen.contract_body(lang, review=False) + link)))
    assert contains(doc, t["review"]) and not doc.unread


def test_update_fields_setting_makes_every_field_dirty() -> None:
    t = gen.TEXT["en"]
    field = _field(f' QUOTE "{t["contradiction"]}" ', t["continuity"], dirty=False)
    settings = gen.Extra("word/settings.xml", "settings", "settings.xml", gen.CT_PREFIX + "settings+xml",
                         gen.part("settings", "<w:updateFields/>"))
    doc = read(gen.package(gen.document(gen.contract_body("en", continuity=False) + field), [settings]))
    assert contains(doc, t["contradiction"]) and not contains(doc, t["continuity"])


@pytest.mark.parametrize("lang", LANGS)
def test_alt_chunk_is_unread_content(lang: str) -> None:
    doc = read(gen.CASES["alt-chunk"].build(lang))
    assert [u.code for u in doc.unread] == ["alt-chunk"]
    assert doc.unread[0].paragraph == len(gen.contract_body(lang).split("<w:p>")) - 1
    result = check_document(doc)
    found = [f for f in result.findings if f.rule == "unread-content"]
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].evidence[0].paragraph == doc.unread[0].paragraph


# --------------------------------------------------------------------------
# Zip tricks
# --------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["duplicate-member", "case-variant", "unnamed-main"])
def test_zip_tricks_are_refused(name: str) -> None:
    with pytest.raises(DocumentError) as info:
        read(gen.CASES[name].build("en"))
    assert info.value.code == "ambiguous-package"


def test_backslash_variant_and_missing_named_main_are_refused() -> None:
    base = gen.package(gen.document(gen.contract_body("en")), members=[("word\\document.xml", b"<x/>")])
    with pytest.raises(DocumentError) as info:
        read(base)
    assert info.value.code == "ambiguous-package"
    rels = gen.rels_xml([("rId1", "officeDocument", "word/gone.xml", None)])
    with pytest.raises(DocumentError) as info:
        read(gen.package(gen.document(gen.contract_body("en")), pkg_rels=rels))
    assert info.value.code == "ambiguous-package"


# --------------------------------------------------------------------------
# Findings
# --------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_hidden_contradiction_beside_a_visible_clause(lang: str) -> None:
    result = check_document(read(gen.CASES["hidden-beside-visible"].build(lang)))
    assert result.requirement("CSR04").verdict == "satisfied"
    found = [f for f in result.findings if f.rule == "hidden-contradiction"]
    assert [f.requirement for f in found] == ["CSR04"]
    assert found[0].severity == "error" and found[0].evidence and found[0].reasons
    assert found[0].evidence[0].paragraph is not None


@pytest.mark.parametrize("lang", LANGS)
def test_header_contradiction_is_reported(lang: str) -> None:
    result = check_document(read(gen.CASES["header-contradiction"].build(lang)))
    found = [f for f in result.findings if f.rule == "hidden-contradiction"]
    assert [f.requirement for f in found] == ["CSR04"] and found[0].severity == "error"


@pytest.mark.parametrize("lang", LANGS)
def test_deleted_or_commented_contradictions_are_not_contract_text(lang: str) -> None:
    t = gen.TEXT[lang]
    deleted = (f'<w:p><w:del w:id="9" w:author="Counsel" w:date="2026-01-05T09:30:00Z"><w:r><w:delText '
               f'xml:space="preserve">{t["contradiction"]}</w:delText></w:r></w:del></w:p>')
    result = check_document(read(gen.package(gen.document(gen.contract_body(lang) + deleted))))
    assert not [f for f in result.findings if f.rule == "hidden-contradiction"]
    comments = gen.part("comments", f'<w:comment w:id="0" w:author="Counsel">{gen.para(t["contradiction"])}'
                                    "</w:comment>")
    body = gen.contract_body(lang) + ('<w:p><w:commentRangeStart w:id="0"/>' + gen.run("x") +
                                      '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>')
    extra = gen.Extra("word/comments.xml", "comments", "comments.xml", gen.CT_PREFIX + "comments+xml", comments)
    result = check_document(read(gen.package(gen.document(body), [extra])))
    assert not [f for f in result.findings if f.rule == "hidden-contradiction"]


# --------------------------------------------------------------------------
# Resources
# --------------------------------------------------------------------------
#: A fresh parent runs the command and reports its children's peak (ru_maxrss), so neither this test
#: process nor earlier children count.
_PEAK_OF = textwrap.dedent("""
    import json, resource, subprocess, sys, time
    t = time.monotonic()
    run = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    print(json.dumps({"rc": run.returncode, "seconds": time.monotonic() - t, "stdout": run.stdout,
                      "stderr": run.stderr,
                      "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
""")


def peak_of(*command: str) -> dict:
    run = subprocess.run([sys.executable, "-c", _PEAK_OF, *command], capture_output=True, text=True, timeout=600)
    return json.loads(run.stdout)


def test_open_comment_ranges_stay_bounded(tmp_path: Path) -> None:
    """A 180 KB file with 20,000 comment ranges that never close once took 2.9 GB."""
    path = tmp_path / "ranges.docx"
    path.write_bytes(gen.open_comment_ranges(20_000, "zh"))
    assert path.stat().st_size < 400_000
    result = peak_of(CLI, "lint", "--format", "json", str(path))
    assert result["rc"] in (0, 1), result["stderr"]
    assert json.loads(result["stdout"])["documents"][0]["status"] != "error"
    assert result["peak_mb"] < 500, result["peak_mb"]


def test_closed_comment_anchor_is_kept_but_bounded() -> None:
    t = gen.TEXT["en"]
    comments = gen.part("comments", f'<w:comment w:id="0" w:author="A">{gen.para("Note.")}</w:comment>')
    long = "".join(gen.para(t["continuity"]) for _ in range(50))
    body = (gen.contract_body("en") + '<w:p><w:commentRangeStart w:id="0"/></w:p>' + long +
            '<w:p><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>')
    extra = gen.Extra("word/comments.xml", "comments", "comments.xml", gen.CT_PREFIX + "comments+xml", comments)
    doc = read(gen.package(gen.document(body), [extra]))
    note = [e for e in doc.excluded if e.kind == ExcludedKind.COMMENT]
    assert note and note[0].detail and note[0].detail.startswith("4. Continuity") and len(note[0].detail) <= 400


def test_xml_parts_over_max_xml_bytes_are_refused_before_parsing() -> None:
    data = gen.package(gen.document(gen.contract_body("en") * 20))
    with pytest.raises(LimitExceeded) as info:
        read(data, limits=Limits(max_xml_bytes=10_000))
    assert info.value.code == "too-large" and "max_xml_bytes" in info.value.message
    assert read(data, limits=Limits(max_xml_bytes=1_000_000)).blocks


@pytest.mark.parametrize(("lang", "tail", "rpr"), [
    ("en", " except where required by foreign law", '<w:sz w:val="2"/>'),
    ("en", " except where required by foreign law", gen.WHITE),
    ("zh", "，但依据境外法律要求的除外", '<w:sz w:val="2"/>'),
    ("zh", "，但依据境外法律要求的除外", "<w:vanish/>"),
], ids=["en-1pt", "en-white", "zh-1pt", "zh-hidden"])
def test_unseen_words_in_the_undertakings_own_paragraph_make_it_weak(lang: str, tail: str, rpr: str) -> None:
    """A carve-out in 1-point, white or hidden type at the end of the CSR04 clause is contract text a reader
    of the printed page misses; the tool does not read it with the clause, so the clause cannot be satisfied,
    and the verdict quotes the words."""
    t = gen.TEXT[lang]
    clause = f'<w:p>{gen.run(t["continuity"].rstrip("。."))}{gen.run(tail, rpr)}{gen.run("。" if lang == "zh" else ".")}</w:p>'
    body = "".join(gen.para(x) for x in [t["title"], *t["parties"], *t["clauses"], t["review"]]) + clause
    doc = read(gen.package(gen.document(body)))
    assert not contains(doc, tail.strip("，, "))
    result = check_document(doc).requirement("CSR04")
    assert str(result.verdict) == "weak", result.message
    assert any(r.code == "unseen-words" and squash(tail.strip("，, ")) in squash(r.detail) for r in result.reasons)


def test_unseen_words_elsewhere_leave_a_satisfied_clause_alone() -> None:
    """A drafting note in hidden type in another paragraph does not touch the CSR04 clause's verdict."""
    t = gen.TEXT["en"]
    body = "".join(gen.para(x) for x in [t["title"], *t["parties"], *t["clauses"], t["continuity"], t["review"]])
    body += gen.para("Drafting note: confirm the delivery schedule.", "<w:vanish/>")
    result = check_document(read(gen.package(gen.document(body)))).requirement("CSR04")
    assert str(result.verdict) == "satisfied", result.message
