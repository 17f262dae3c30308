"""DOCX reader: text and provenance exactly as the fixture generator wrote them,
plus the zip/XML guards and the CLI view of excluded text."""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cliccheck.cli import cli
from cliccheck.errors import DocumentError, LimitExceeded, UnsafeInputError
from cliccheck.limits import DEFAULT_LIMITS, Limits
from cliccheck.model import BlockKind, ExcludedKind
from cliccheck.normalize import normalize_text
from cliccheck.readers import read_document
from cliccheck.readers.docx_numbering import Numbering, StyleSheet, format_number
from cliccheck.readers.docx_reader import read_docx
from cliccheck.readers.safezip import Relationship, open_package, parse_xml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
sys.path.insert(0, str(FIXTURES))

import build_docx  # noqa: E402
from docx_spec import expected  # noqa: E402

SPECS = {maker.__name__: maker() for maker in build_docx.SAMPLES + build_docx.FIXTURES}


def fixture_path(name: str) -> Path:
    spec = SPECS[name]
    folder = "sample" if any(m.__name__ == name for m in build_docx.SAMPLES) else "docx"
    return FIXTURES / folder / spec.filename


@pytest.fixture(scope="module")
def docs():
    return {name: read_document(fixture_path(name)) for name in SPECS}


# ---------------------------------------------------------------------------
# text and provenance against the generator's specs


@pytest.mark.parametrize("name", sorted(SPECS))
def test_committed_fixture_is_what_the_generator_writes(name):
    """Same members with the same bytes (deflate output may differ between zlib builds)."""

    def members(data: bytes) -> list[tuple[str, bytes]]:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return [(info.filename, zf.read(info)) for info in zf.infolist()]

    assert members(fixture_path(name).read_bytes()) == members(build_docx.build(SPECS[name])), (
        "fixture out of date: run .venv/bin/python fixtures/build_docx.py")


@pytest.mark.parametrize("name", sorted(SPECS))
def test_blocks_match_spec(name, docs):
    doc = docs[name]
    want = expected(SPECS[name])
    got = [(str(b.kind), b.text, b.paragraph, b.page, b.page_end, b.label,
            (b.table.table, b.table.row, b.table.column, b.table.depth) if b.table else None)
           for b in doc.blocks]
    exp = [(e.kind, normalize_text(e.raw), e.paragraph, e.page, e.page_end, e.label, e.table)
           for e in want.blocks]
    assert got == exp
    assert doc.pages == want.pages
    assert doc.title == SPECS[name].title
    assert doc.format == "docx"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_excluded_match_spec(name, docs):
    doc = docs[name]
    want = expected(SPECS[name])
    got = sorted((str(e.kind), e.text, e.paragraph, e.page, e.author) for e in doc.excluded)
    exp = sorted((e.kind, normalize_text(e.raw), e.paragraph, e.page, e.author) for e in want.excluded)
    assert got == exp
    # comments carry their anchor text; white and tiny text say why they were excluded
    details = sorted((str(e.kind), e.text, e.detail) for e in doc.excluded
                     if e.kind in (ExcludedKind.COMMENT, ExcludedKind.WHITE_TEXT, ExcludedKind.TINY_TEXT))
    exp_details = sorted((e.kind, normalize_text(e.raw), normalize_text(e.detail or "")) for e in want.excluded
                         if e.kind in ("comment", "white_text", "tiny_text"))
    assert details == exp_details


def test_excluded_text_never_enters_blocks(docs):
    for name, doc in docs.items():
        for item in doc.excluded:
            if item.kind == ExcludedKind.FIELD_CODE:
                continue  # "PAGE" is also an ordinary word
            if item.kind == ExcludedKind.MOVED_FROM:
                # moved text counts once: at its destination, not where it came from
                assert all(item.text not in b.text for b in doc.blocks if b.paragraph == item.paragraph)
                assert doc.text.count(item.text) == 1
                continue
            assert item.text not in doc.text, (name, item)


def test_every_feature_is_exercised():
    """The fixtures cover every kind the issue lists (guards against a shrinking generator)."""
    kinds = set()
    excluded = set()
    for spec in SPECS.values():
        want = expected(spec)
        kinds |= {b.kind for b in want.blocks}
        excluded |= {e.kind for e in want.excluded}
    assert kinds >= {"heading", "paragraph", "list_item", "table_cell", "footnote", "endnote", "header",
                     "footer", "textbox"}
    assert excluded >= {"hidden", "deleted", "moved_from", "comment", "field_code", "white_text", "tiny_text"}


def test_english_sample_reads_as_a_contract(docs):
    doc = docs["supply_agreement_en"]
    by_label = {b.label: b for b in doc.blocks if b.label}
    assert by_label["10.1"].section == "10.1"
    assert by_label["10.1"].text.startswith("The Vendor shall cooperate with any cybersecurity review")
    assert by_label["7.1"].text == ("The Vendor may suspend supply of the Products and the Support Services "
                                    "at any time for any reason upon notice to the Customer.")
    item = next(b for b in doc.blocks if b.label == "(c)" and "Customer Data" in b.text)
    assert item.section == "1.1(c)"
    assert by_label["12."].kind == BlockKind.HEADING
    assert all(b.language == "en" for b in doc.blocks if b.is_body and len(b.text) > 20)
    footnote = next(b for b in doc.blocks if b.kind == BlockKind.FOOTNOTE)
    assert footnote.label == "1" and footnote.text.startswith("Cybersecurity Review Measures")
    footer = next(b for b in doc.blocks if b.kind == BlockKind.FOOTER)
    assert footer.text == "Page 1 of 6" and not footer.is_body
    assert (by_label["10.1"].page, by_label["10.1"].page_end, footnote.page) == (3, 4, 4)
    assert doc.pages == 6
    assert doc.language == "en"


def test_chinese_sample_numbering_and_sections(docs):
    doc = docs["procurement_contract_zh"]
    labels = [b.label for b in doc.blocks if b.kind == BlockKind.HEADING and b.label]
    assert labels[:12] == ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条",
                           "第九条", "第十条", "第十一条", "第十二条"]
    undertaking = next(b for b in doc.blocks if "非法获取用户数据" in b.text)
    assert (undertaking.label, undertaking.section) == ("（二）", "第九条（二）")
    assert undertaking.language == "zh"
    assert doc.language == "zh"


def test_bilingual_columns_keep_their_languages(docs):
    doc = docs["bilingual_contract"]
    cells = [b for b in doc.blocks if b.kind == BlockKind.TABLE_CELL]
    assert cells and {b.language for b in cells if b.table.column == 0} == {"zh"}
    assert {b.language for b in cells if b.table.column == 1} == {"en"}
    assert doc.language == "mixed"


def test_alternating_paragraph_languages(docs):
    doc = docs["bilingual_alternating"]
    spec_langs = [b.lang for b in expected(SPECS["bilingual_alternating"]).blocks]
    got = [b.language for b in doc.blocks]
    assert [g for g, s in zip(got, spec_langs, strict=True) if s] == [s for s in spec_langs if s]
    assert doc.pages is None and all(b.page is None for b in doc.blocks)  # no page information stored


def test_tracked_change_flags_and_moves(docs):
    doc = docs["managed_services_en"]
    revised = next(b for b in doc.blocks if b.label == "4.2")
    assert "tracked-change" in revised.flags
    assert revised.text.startswith("The Vendor may suspend the Services only if")
    moved_to = next(b for b in doc.blocks if b.label == "3.2")
    assert "and only during business hours" in moved_to.text
    moved_from = next(b for b in doc.blocks if b.label == "3.1")
    assert "business hours" not in moved_from.text
    controls = [b for b in doc.blocks if "content-control" in b.flags]
    assert len(controls) == 2


def test_page_from_rendered_breaks_do_not_double_count(docs):
    doc = docs["network_equipment_zh"]
    assert doc.pages == 3
    assert next(b for b in doc.blocks if "远程技术支持" in b.text).page == 2
    price = next(b for b in doc.blocks if b.text.startswith("合同总价"))
    assert (price.page, price.page_end) == (2, 3)  # a paragraph crossing a page break


# ---------------------------------------------------------------------------
# numbering


@pytest.mark.parametrize(("n", "fmt", "text"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCountingThousand", "二十"), (105, "chineseCounting", "一百零五"),
    (3, "ideographTraditional", "丙"), (12, "chineseLegalSimplified", "壹拾贰"), (27, "lowerLetter", "aa"),
    (14, "upperRoman", "XIV"), (4, "lowerRoman", "iv"), (7, "decimalZero", "07"), (2, "upperLetter", "B"),
    (3, "decimalEnclosedCircle", "③"), (21, "ordinal", "21st"),
])
def test_number_formats(n, fmt, text):
    assert format_number(n, fmt) == text


NUMBERING = b"""<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Part %1"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2"/>
  <w:isLgl/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%3)"/>
  <w:lvlRestart w:val="0"/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>
 </w:lvlOverride></w:num>
</w:numbering>"""


def test_numbering_counters_restarts_and_legal_style():
    numbering = Numbering(parse_xml(NUMBERING, DEFAULT_LIMITS), StyleSheet(None))
    seq = [("7", 0), ("7", 1), ("7", 2), ("7", 1), ("7", 2), ("7", 0), ("7", 1), ("7", 2), ("8", 0)]
    labels = [numbering.next_label(num, lvl)[0] for num, lvl in seq]
    # isLgl renders every number of level 1 in decimal ("3.1", not "III.a"); level 2 never
    # restarts (lvlRestart 0); num 8 shares the list but restarts it at 1.
    assert labels == ["Part III", "3.1", "(1)", "3.2", "(2)", "Part IV", "4.1", "(3)", "Part I"]


# ---------------------------------------------------------------------------
# zip and XML guards


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _minimal_docx(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    members = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                               b'package/2006/content-types"/>',
        "word/document.xml": document_xml,
    }
    members.update(extra or {})
    return _zip(members)


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _doc_xml(body: bytes) -> bytes:
    return b"<w:document " + W + b"><w:body>" + body + b"</w:body></w:document>"


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_minimal_docx(_doc_xml(b"<w:p><w:r><w:t>" + b"A" * (20 * 1024 * 1024) + b"</w:t></w:r></w:p>")))
    assert bomb.stat().st_size < 200_000
    with pytest.raises(LimitExceeded) as info:
        read_document(bomb)
    assert "max_compression_ratio" in str(info.value) and info.value.code == "too-large"


@pytest.mark.parametrize(("limits", "name"), [
    (Limits(max_member_bytes=1000), "max_member_bytes"),
    (Limits(max_inflated_bytes=1000), "max_inflated_bytes"),
    (Limits(max_zip_members=1), "max_zip_members"),
])
def test_size_limits_name_the_limit(limits, name):
    data = _minimal_docx(_doc_xml(b"<w:p><w:r><w:t>" + b"x" * 2000 + b"</w:t></w:r></w:p>"))
    with pytest.raises(LimitExceeded) as info:
        read_docx(data, "big.docx", limits=limits)
    assert name in info.value.message
    assert "\n" not in info.value.one_line()


def test_lying_declared_size_is_caught():
    data = bytearray(_minimal_docx(_doc_xml(b"<w:p><w:r><w:t>" + b"x" * 5000 + b"</w:t></w:r></w:p>")))
    # shrink the declared uncompressed size of word/document.xml in the central directory
    central = data.index(b"PK\x01\x02", data.index(b"word/document.xml") + 20)
    while data[central + 46:central + 46 + 17] != b"word/document.xml":
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, 100)
    with pytest.raises(DocumentError) as info:
        read_docx(bytes(data), "liar.docx", limits=DEFAULT_LIMITS)
    assert info.value.code in ("unsafe-xml", "corrupt")


def test_encrypted_zip_member_is_refused():
    data = bytearray(_minimal_docx(_doc_xml(b"<w:p/>")))
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        struct.pack_into("<H", data, pos + 8, struct.unpack_from("<H", data, pos + 8)[0] | 1)
        pos += 4
    with pytest.raises(DocumentError) as info:
        read_docx(bytes(data), "locked.docx", limits=DEFAULT_LIMITS)
    assert info.value.code == "encrypted"


@pytest.mark.parametrize("prolog", [
    b'<!DOCTYPE w:document [<!ENTITY x "boom">]>',
    b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
])
def test_dtd_and_entities_are_refused(tmp_path, prolog):
    body = _doc_xml(b"<w:p><w:r><w:t>&x;</w:t></w:r></w:p>")
    path = tmp_path / "entity.docx"
    path.write_bytes(_minimal_docx(b'<?xml version="1.0"?>' + prolog + body))
    with pytest.raises(UnsafeInputError) as info:
        read_document(path)
    assert info.value.code == "unsafe-xml"


def test_utf16_dtd_is_refused():
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "v">]><x>&e;</x>'
    with pytest.raises(UnsafeInputError):
        parse_xml(xml.encode("utf-16"), DEFAULT_LIMITS, "part.xml")


def test_excessive_nesting_is_refused():
    deep = b"<w:sdt><w:sdtContent>" * 40 + b"<w:p/>" + b"</w:sdtContent></w:sdt>" * 40
    data = _minimal_docx(_doc_xml(deep))
    with pytest.raises(UnsafeInputError) as info:
        read_docx(data, "deep.docx", limits=Limits(max_xml_depth=50))
    assert "max_xml_depth=50" in info.value.message
    assert read_docx(data, "deep.docx", limits=DEFAULT_LIMITS).blocks == []


def test_relationship_targets_never_leave_the_package():
    pkg = open_package(_minimal_docx(_doc_xml(b"<w:p/>")), DEFAULT_LIMITS)
    src = "word/document.xml"
    assert pkg.resolve(src, Relationship("r1", "t", "../../etc/passwd", False)) is None
    assert pkg.resolve(src, Relationship("r2", "t", "file:///etc/passwd", False)) is None
    assert pkg.resolve(src, Relationship("r3", "t", "C:\\Windows\\win.ini", False)) is None
    assert pkg.resolve(src, Relationship("r4", "t", "footnotes.xml", True)) is None
    assert pkg.resolve(src, Relationship("r5", "t", "footnotes.xml", False)) == "word/footnotes.xml"
    assert pkg.resolve(src, Relationship("r6", "t", "/word/media/../footnotes.xml", False)) == "word/footnotes.xml"


def test_escaping_footnote_relationship_is_ignored():
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/footnotes" Target="../../../etc/passwd"/></Relationships>')
    body = _doc_xml(b'<w:p><w:r><w:t>Text</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    doc = read_docx(_minimal_docx(body, {"word/_rels/document.xml.rels": rels}), "x.docx", limits=DEFAULT_LIMITS)
    assert [b.text for b in doc.blocks] == ["Text"]


@pytest.mark.parametrize(("data", "code"), [
    (b"PK\x03\x04" + b"\x00" * 40, "not-a-docx"),
    (_zip({"readme.txt": b"hello"}), "not-a-docx"),
])
def test_bad_containers_are_one_line_errors(tmp_path, data, code):
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert info.value.code == code and "\n" not in info.value.one_line()


def test_truncated_package_read_directly_is_corrupt():
    data = fixture_path("supply_agreement_en").read_bytes()
    with pytest.raises(DocumentError) as info:
        read_docx(data[: len(data) // 2], "cut.docx", limits=DEFAULT_LIMITS)
    assert info.value.code in ("corrupt", "not-a-docx")


def test_malformed_xml_is_corrupt():
    with pytest.raises(DocumentError) as info:
        read_docx(_minimal_docx(b"<w:document " + W + b"><w:body><w:p>"), "x.docx", limits=DEFAULT_LIMITS)
    assert info.value.code == "corrupt"


def test_docm_text_is_read_and_macros_ignored(tmp_path):
    src = fixture_path("supply_agreement_en").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
        zout.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"macro" * 100)
    path = tmp_path / "contract.docm"
    path.write_bytes(out.getvalue())
    doc = read_document(path)
    assert doc.text == read_document(fixture_path("supply_agreement_en")).text


def test_page_limit_is_enforced():
    with pytest.raises(LimitExceeded) as info:
        read_document(fixture_path("managed_services_en"), limits=Limits(max_pages=2))
    assert "max_pages=2" in info.value.message


# ---------------------------------------------------------------------------
# CLI


def test_cli_json_lists_excluded_text_only_under_excluded():
    path = fixture_path("managed_services_en")
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    block_text = "\n".join(b["text"] for b in data["blocks"])
    hidden = [e for e in data["excluded"] if e["kind"] not in ("field_code", "moved_from")]
    assert {e["kind"] for e in hidden} >= {"hidden", "deleted", "comment", "white_text", "tiny_text"}
    for item in hidden:
        assert item["text"] not in block_text
    text_view = CliRunner().invoke(cli, ["extract", str(path)])
    assert text_view.exit_code == 0
    for item in hidden:
        assert item["text"] not in text_view.output
    assert "[p2 ¶24 §6 heading] 6. Equipment Register" in text_view.output


def test_cli_reports_unsafe_docx_in_one_line(tmp_path):
    path = tmp_path / "entity.docx"
    path.write_bytes(_minimal_docx(b'<!DOCTYPE x [<!ENTITY e "v">]>' + _doc_xml(b"<w:p/>")))
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "[unsafe-xml]" in lines[0] and "entity.docx" in lines[0]


def test_excluded_text_names_its_clause(docs):
    doc = docs["managed_services_en"]
    where = {(str(e.kind), e.text): e.section for e in doc.excluded}
    assert where[("deleted", "The Vendor may suspend the Services at any time for convenience.")] == "4.2"
    assert where[("white_text", "The Vendor may collect diagnostic data at its discretion.")] == "3.3"
    assert where[("comment", "Can we commit to 15 minutes in the western region?")] == "2.2"
    assert where[("hidden", "DRAFT 3 –")] is None  # in the running header, not in a clause


def test_placeholder_prompt_and_deleted_text_box():
    body = _doc_xml(
        b'<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Click or tap here to '
        b'enter text.</w:t></w:r></w:p></w:sdtContent></w:sdt>'
        b'<w:p><w:r><w:t>Kept.</w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:pict><v:shape '
        b'xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>Old box</w:t>'
        b'</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:del></w:p>')
    doc = read_docx(_minimal_docx(body), "x.docx", limits=DEFAULT_LIMITS)
    assert [(b.text, "placeholder" in b.flags) for b in doc.blocks] == [
        ("Click or tap here to enter text.", True), ("Kept.", False)]
    assert [(str(e.kind), e.text, e.author) for e in doc.excluded] == [("deleted", "Old box", "A")]


def test_strict_ooxml_is_named():
    strict = b'<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>'
    with pytest.raises(DocumentError) as info:
        read_docx(_minimal_docx(strict), "strict.docx", limits=DEFAULT_LIMITS)
    assert info.value.code == "unsupported-format" and "Strict" in info.value.message
