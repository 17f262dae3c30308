"""``cliccheck annex``: the standalone annex in every language and format."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from generate_docs import bilingual_contract, en_contract, zh_contract
from generate_helpers import check, soffice_to_pdf, verdicts
from lxml import etree
from lxml import html as lxml_html

from cliccheck.cli import cli
from cliccheck.generate.annex import build_annex, render_annex
from cliccheck.generate.context import Overrides, build_context
from cliccheck.readers import read_document

ALL = ["CSR01", "CSR02", "CSR03", "CSR04"]
LANGS = {"zh": ["zh"], "en": ["en"], "zh+en": ["zh", "en"]}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _ctx(**kw: str):  # type: ignore[no-untyped-def]
    base = {"supplier": "上海云栈网络设备有限公司", "buyer": "北京星河数据科技有限公司",
            "supplier_label": "乙方", "buyer_label": "甲方", "contract_title": "网络安全设备采购合同",
            "contract_number": "HT-2026-0158"}
    base.update(kw)
    return build_context(None, None, Overrides(**base))


# ----------------------------------------------------------------- invariant 3: the annex alone is compliant

@pytest.mark.parametrize("variant", ["full", "short"])
@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize("fmt", ["docx", "md", "txt"])
def test_annex_alone_satisfies_all_four_in_each_language(fmt: str, lang: str, variant: str) -> None:
    annex = build_annex(_ctx(), ALL, LANGS[lang], variant)
    data = render_annex(annex, fmt)
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    doc = read_document(raw, filename=f"annex.{fmt}")
    result = check(doc)
    got = verdicts(result)
    assert all(v == "satisfied" for v in got.values()), got
    for code in LANGS[lang]:
        assert all(f"{r}/{code}" in got for r in ALL) or len(LANGS[lang]) == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_linting_an_annex_points_at_the_clause_that_gives_each_undertaking(lang: str) -> None:
    """Review of outputs, point 19: CSR04 was satisfied by the annex's CSR04 clause but located at the CSR01
    paragraph (its "provide … products" words); each requirement now points first at the sentence that gives it
    whole."""
    annex = build_annex(_ctx(), ALL, [lang], "full")
    doc = read_document(render_annex(annex, "md").encode("utf-8"), filename="annex.md")  # type: ignore[union-attr]
    result = check(doc)
    sections = {r.id: (r.evidence[0].section or "") for r in result.requirements}
    assert len(set(sections.values())) == 4, sections


@pytest.mark.parametrize(("labels", "lang"), [(("Vendor", "Customer"), "en"), (("甲方", "乙方"), "zh"),
                                              (("供方", "需方"), "zh+en")])
def test_annex_is_compliant_whatever_the_parties_are_called(labels: tuple[str, str], lang: str) -> None:
    ctx = _ctx(supplier_label=labels[0], buyer_label=labels[1])
    doc = read_document(render_annex(build_annex(ctx, ALL, LANGS[lang], "full"), "docx"), filename="a.docx")
    result = check(doc)
    assert all(v == "satisfied" for v in verdicts(result).values()), verdicts(result)


# ----------------------------------------------------------------- structure and formats

def test_docx_uses_real_styles_and_numbering() -> None:
    data = render_annex(build_annex(_ctx(), ALL, ["zh"], "full"), "docx")
    d = docx.Document(io.BytesIO(data))
    styles = [p.style.name for p in d.paragraphs]
    assert "Title" not in styles and d.paragraphs[0].text == "网络安全审查补充条款"  # no blue display title
    assert d.paragraphs[0].runs[0].bold
    headings = [p for p in d.paragraphs if p.style.name == "Heading 2"]
    assert [h.text for h in headings] == ["配合网络安全审查", "不非法获取用户数据", "不非法控制和操纵用户设备",
                                          "无正当理由不中断产品供应或者必要的技术支持服务"]
    # header: the main contract's title and number; footer: page X of Y as fields
    header = d.sections[0].header.paragraphs[0].text
    assert header == "《网络安全设备采购合同》（合同编号：HT-2026-0158）网络安全审查补充条款"
    footer = d.sections[0].footer.paragraphs[0]._p
    assert [t.text.strip() for t in footer.iter(f"{W}instrText")] == ["PAGE", "NUMPAGES"]
    assert d.core_properties.author == "cliccheck" and "cliccheck" in d.core_properties.comments
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        numbering = etree.fromstring(zf.read("word/numbering.xml"))
    num_ids = {n.get(f"{W}numId") for n in numbering.iter(f"{W}num")}
    for h in headings:  # numbered through numbering.xml, not typed
        num_id = h._p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
        assert num_id in num_ids
    assert any(lvl.get(f"{W}val") == "第%1条" for lvl in numbering.iter(f"{W}lvlText"))
    # the reader sees the labels Word would show
    blocks = read_document(data, filename="a.docx").blocks
    assert [b.label for b in blocks if b.kind == "heading" and b.label] == ["第一条", "第二条", "第三条", "第四条"]


def test_bilingual_docx_is_a_two_column_table_with_language_clause() -> None:
    data = render_annex(build_annex(_ctx(), ["CSR04"], ["zh", "en"], "full"), "docx")
    d = docx.Document(io.BytesIO(data))
    table = d.tables[0]
    assert len(table.columns) == 2
    rows = [(r.cells[0].text, r.cells[1].text) for r in table.rows]
    assert rows[0] == ("甲方（采购方）：北京星河数据科技有限公司", "Party A (the Customer): 北京星河数据科技有限公司")
    assert rows[1] == ("乙方（供应方）：上海云栈网络设备有限公司", "Party B (the Supplier): 上海云栈网络设备有限公司")
    assert ("语言", "Language") in rows
    assert any("以中文文本为准" in zh and "the Chinese text prevails" in en for zh, en in rows)
    signature = d.tables[1]
    assert "甲方（盖章）：北京星河数据科技有限公司" in signature.cell(0, 0).text
    assert "乙方（盖章）：上海云栈网络设备有限公司" in signature.cell(0, 1).text


def test_preamble_refers_to_main_contract_and_prevails() -> None:
    text = render_annex(build_annex(_ctx(contract_date="2026年3月1日"), ["CSR02"], ["zh", "en"], "short"), "txt")
    assert "于2026年3月1日签订的《网络安全设备采购合同》（合同编号：HT-2026-0158，以下简称“主合同”）" in text
    assert "made between them on 1 March 2026" in text  # each language writes the date its own way
    assert "以本补充条款为准" in text and "this Annex prevails" in text
    assert 'the contract entitled "网络安全设备采购合同" (Contract No. HT-2026-0158)' in text
    # paired paragraphs: each Chinese paragraph directly followed by its English one
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    i = next(k for k, p in enumerate(paragraphs) if p.startswith("第一条"))
    assert paragraphs[i + 1].startswith("乙方承诺") and paragraphs[i + 2].startswith("Party B undertakes")
    assert "None" not in text


def test_only_missing_requirements_unless_all() -> None:
    annex = build_annex(_ctx(), ["CSR04", "CSR02"], ["en"], "short")
    assert [s.req_id for s in annex.sections] == ["CSR02", "CSR04"]
    assert [s.number for s in annex.sections] == [1, 2]


HOSTILE = ["<w:p>", "{{ supplier }}", "Ampersand & Sons", 'O"Brien \'Ltd\'', "长" * 500,
           "شركة الاتصالات المتقدمة", "חברת רשתות בע\"מ", "华为技术有限公司"]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_party_names_are_literal_in_every_format(name: str, tmp_path: Path) -> None:
    ctx = _ctx(supplier=name, buyer="<b>Buyer</b> & {% raw %}")
    annex = build_annex(ctx, ALL, ["zh", "en"], "short")
    # DOCX: valid package, name as literal text
    data = render_annex(annex, "docx")
    d = docx.Document(io.BytesIO(data))
    cells = "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    assert name in cells and "<b>Buyer</b> & {% raw %}" in cells
    # HTML: well-formed, the name is text, never markup
    page = render_annex(annex, "html")
    tree = lxml_html.fromstring(page)
    assert name in tree.text_content()
    assert not tree.xpath("//b") and not tree.xpath("//*[local-name()='p' and contains(name(), ':')]")
    # Markdown: escaped so a renderer shows it literally; unescaping gives the name back
    md = render_annex(annex, "md")
    assert "<w:p>" not in md and "{{" not in md
    unescaped = md.replace("\\", "")
    assert name.replace("\\", "") in unescaped
    # text: as is
    assert name in render_annex(annex, "txt")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "zh+en"])
def test_annex_docx_converts_with_libreoffice(lang: str, tmp_path: Path) -> None:
    out = tmp_path / "annex.docx"
    out.write_bytes(render_annex(build_annex(_ctx(supplier="<w:p> & \"Co\""), ALL, LANGS[lang], "full"), "docx"))
    soffice_to_pdf(out, tmp_path)


# ----------------------------------------------------------------- the command

@pytest.fixture
def contracts(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name, build in (("zh", zh_contract), ("en", en_contract), ("bi", bilingual_contract)):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(build())
        paths[name] = path
    return paths


def test_cli_prints_markdown_for_the_missing_clauses(contracts: dict[str, Path]) -> None:
    pytest.importorskip("cliccheck.matcher")
    result = CliRunner().invoke(cli, ["annex", str(contracts["zh"])])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# 网络安全审查补充条款")
    assert "《网络安全设备采购合同》（合同编号：HT-2026-0158，以下简称“主合同”）" in out
    # CSR01 weak, CSR02/03 missing, CSR04 contradicted: all four needed, called 乙方/甲方 as in the contract
    assert "## 第四条 无正当理由不中断产品供应或者必要的技术支持服务" in out
    assert "乙方承诺配合网络安全审查" in out and "供应方承诺" not in out
    assert "Supplemental" not in out  # the contract is Chinese: the annex is too


def test_cli_bilingual_default_and_outputs(contracts: dict[str, Path], tmp_path: Path) -> None:
    pytest.importorskip("cliccheck.matcher")
    runner = CliRunner()
    out = tmp_path / "annex.docx"
    before = contracts["bi"].read_bytes(), os.stat(contracts["bi"]).st_mtime_ns
    result = runner.invoke(cli, ["annex", str(contracts["bi"]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (contracts["bi"].read_bytes(), os.stat(contracts["bi"]).st_mtime_ns) == before
    d = docx.Document(str(out))
    assert d.paragraphs[0].text == "网络安全审查补充条款 / Supplemental Cybersecurity Review Undertakings"
    # 甲方 is the supplier in this contract; the annex says so
    assert d.tables[0].cell(0, 0).text.startswith("乙方（采购方）：")
    assert d.tables[0].cell(1, 0).text.startswith("甲方（供应方）：")
    again = runner.invoke(cli, ["annex", str(contracts["bi"]), "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    forced = runner.invoke(cli, ["annex", str(contracts["bi"]), "-o", str(out), "--force", "--lang", "en"])
    assert forced.exit_code == 0
    assert docx.Document(str(out)).paragraphs[0].text == "Supplemental Cybersecurity Review Undertakings"
    html = tmp_path / "annex.html"
    assert runner.invoke(cli, ["annex", str(contracts["en"]), "-o", str(html), "--all"]).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "http" not in page.split("<body>")[0].replace(
        "http-equiv", "")
    same = runner.invoke(cli, ["annex", str(contracts["en"]), "-o", str(contracts["en"]), "--force"])
    assert same.exit_code == 2 and "output-is-input" in same.output


def test_cli_docx_to_stdout_is_refused(contracts: dict[str, Path]) -> None:
    result = CliRunner().invoke(cli, ["annex", str(contracts["zh"]), "--format", "docx"])
    assert result.exit_code == 2 and "-o FILE.docx" in result.output


def test_annex_docx_is_reproducible_with_source_date_epoch(contracts: dict[str, Path], tmp_path: Path) -> None:
    pytest.importorskip("cliccheck.matcher")
    runner = CliRunner()
    outs = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for out in outs:
        result = runner.invoke(cli, ["annex", str(contracts["en"]), "-o", str(out)],
                               env={"SOURCE_DATE_EPOCH": "1772355600"})
        assert result.exit_code == 0, result.output
    assert outs[0].read_bytes() == outs[1].read_bytes()
    with zipfile.ZipFile(outs[0]) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2026, 3, 1, 9, 0, 0)}


def test_prevailing_language_clause_follows_the_option() -> None:
    sample = str(Path(__file__).resolve().parents[1] / "fixtures" / "sample" / "bilingual-contract.docx")
    runner = CliRunner()
    default = runner.invoke(cli, ["annex", sample, "--lang", "zh+en"])
    english = runner.invoke(cli, ["annex", sample, "--lang", "zh+en", "--prevailing", "en"])
    assert default.exit_code == 0 and english.exit_code == 0
    assert "以中文文本为准" in default.output and "the Chinese text prevails" in default.output
    assert "以英文文本为准" in english.output and "the English text prevails" in english.output
    assert "以中文文本为准" not in english.output


# ----------------------------------------------------------------- issue 11: the contract's own words and looks

def test_missing_values_are_visible_blanks_and_the_command_says_so(tmp_path: Path) -> None:
    pytest.importorskip("cliccheck.matcher")
    d = docx.Document()
    d.add_paragraph("The Vendor may suspend support at any time.")
    path = tmp_path / "bare.docx"
    d.core_properties.title = "Metadata Title That Is Not The Contract"
    d.save(str(path))
    result = CliRunner().invoke(cli, ["annex", str(path), "--lang", "zh+en"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Metadata Title" not in out  # never from Word metadata
    assert "＿＿＿" in out and "《＿＿＿" in out and 'entitled "＿＿＿' in out
    for what in ("title", "contract number", "date"):
        assert f"does not state its {what}" in result.stderr


def test_bilingual_annex_keeps_each_language_pure() -> None:
    """Chinese text: Chinese title, names and date; English text: English ones (issue 11)."""
    import re
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "redline"))
    from build_redline_fixtures import bitable

    doc = read_document(bitable(), filename="bi.docx")
    result = check(doc)
    ctx = build_context(doc, result, Overrides(contract_date="2026-03-02"))
    annex = build_annex(ctx, ALL, ["zh", "en"], "full")
    en = "\n".join([*annex.preamble["en"], *annex.parties["en"],
                    *(p for s in annex.sections for p in s.paragraphs["en"])])
    zh = "\n".join([*annex.preamble["zh"], *annex.parties["zh"],
                    *(p for s in annex.sections for p in s.paragraphs["zh"])])
    assert not re.search(r"[\u4e00-\u9fff]", en), en
    assert not re.search(r"[A-Za-z]{3,}", zh), zh
    assert "Equipment Purchase Contract" in en and "2 March 2026" in en and "Northbridge Systems Ltd." in en
    assert "《设备采购合同》" in zh and "2026年3月2日" in zh and "上海云栈网络设备有限公司" in zh


def test_defined_terms_of_the_contract_are_adopted() -> None:
    d = docx.Document()
    d.add_paragraph('This Agreement is made between Jiangnan Grid Data Co., Ltd. (the "Customer") and '
                    'Northbridge Systems Ltd. (the "Vendor"). The Vendor shall supply the Products and perform the '
                    'Services.')
    d.add_paragraph("The Vendor may stop supplying the Products or the Services at any time under this Agreement.")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_document(buf.getvalue(), filename="a.docx")
    annex = build_annex(build_context(doc, check(doc)), ALL, ["en"], "full")
    text = "\n".join(p for s in annex.sections for p in s.paragraphs["en"])
    assert "this Agreement" in text and "this Contract" not in text
    assert "the Products" in text and "the products" not in text
    assert "supplier of the Products and the Services" in text and "the services" not in text
    assert any('"this Agreement" means the Main Contract' in p for p in annex.preamble["en"])


def test_contract_fonts_and_reference_docx(tmp_path: Path) -> None:
    from docx.shared import Pt

    from cliccheck.generate.annex import contract_fonts

    source = docx.Document()
    normal = source.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(f"{W}eastAsia", "FangSong")
    buf = io.BytesIO()
    source.save(buf)
    house = contract_fonts(buf.getvalue())
    assert (house.ascii, house.east_asia, house.size_half_points) == ("Arial", "FangSong", 21)
    data = render_annex(build_annex(_ctx(), ALL, ["zh"], "full"), "docx", house=house)
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert 'w:eastAsia="FangSong"' in styles and 'w:ascii="Arial"' in styles
    # a house template: its header is kept, its body is replaced
    ref = docx.Document()
    ref.sections[0].header.paragraphs[0].text = "HOUSE LETTERHEAD"
    ref.add_paragraph("template body to drop")
    rbuf = io.BytesIO()
    ref.save(rbuf)
    out = docx.Document(io.BytesIO(render_annex(build_annex(_ctx(), ALL, ["zh"], "full"), "docx",
                                                reference=rbuf.getvalue())))
    assert out.sections[0].header.paragraphs[0].text == "HOUSE LETTERHEAD"
    assert "template body to drop" not in "\n".join(p.text for p in out.paragraphs)
    ref_path = tmp_path / "house.docx"
    ref_path.write_bytes(rbuf.getvalue())
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    contract = tmp_path / "c.docx"
    contract.write_bytes(zh_contract())
    runner = CliRunner()
    ok = runner.invoke(cli, ["annex", str(contract), "-o", str(tmp_path / "o.docx"), "--reference-docx",
                             str(ref_path)])
    assert ok.exit_code == 0, ok.output
    refused = runner.invoke(cli, ["annex", str(contract), "-o", str(tmp_path / "p.docx"), "--reference-docx",
                                  str(bad)])
    assert refused.exit_code == 2 and "Traceback" not in refused.output and not (tmp_path / "p.docx").exists()


def test_signing_date_from_the_signature_block_in_each_language() -> None:
    sample = Path(__file__).resolve().parents[1] / "fixtures" / "sample" / "bilingual-contract.docx"
    doc = read_document(str(sample))
    ctx = build_context(doc, check(doc))
    assert ctx.dates == {"zh": "2026年3月2日", "en": "2 March 2026"}
    assert ctx.for_lang("en")["contract_date"] == "2 March 2026"
    assert ctx.for_lang("zh")["contract_title"] == "技术服务与设备供应合同"
    assert ctx.for_lang("en")["contract_title"] == "Technical Services and Equipment Supply Contract"


def test_a_numbered_heading_is_not_taken_for_the_title() -> None:
    d = docx.Document()
    d.add_heading("1. Supply", 1)
    d.add_paragraph("The Vendor may suspend support at any time.")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_document(buf.getvalue(), filename="t.docx")
    assert build_context(doc, None).contract_title is None


def test_clause_headings_are_black_and_in_the_contract_fonts() -> None:
    """REVIEW-outputs 15: Word's built-in Heading 2 is blue and in the theme's display font; the annex's clause
    headings must look like the contract, not like a Word default."""
    from docx.shared import RGBColor

    from cliccheck.generate.annex import HouseStyle

    data = render_annex(build_annex(_ctx(), ALL, ["zh"], "full"), "docx",
                        house=HouseStyle(ascii="Arial", east_asia="FangSong", size_half_points=21))
    out = docx.Document(io.BytesIO(data))
    style = out.styles["Heading 2"]
    assert any(p.style.name == "Heading 2" for p in out.paragraphs)
    assert style.font.color.rgb == RGBColor(0, 0, 0) and style.font.color.theme_color is None
    fonts = style.element.rPr.rFonts
    assert fonts.get(f"{W}eastAsia") == "FangSong" and fonts.get(f"{W}ascii") == "Arial"
    assert fonts.get(f"{W}asciiTheme") is None and fonts.get(f"{W}eastAsiaTheme") is None
