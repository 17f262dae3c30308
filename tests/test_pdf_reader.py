"""PDF contracts: exact paragraphs and pages, running headers, hidden text, bad files.

The expected text and pages come from the fixture generator's own layout
(fixtures/build_pdf.py), which knows where every line and page break fell.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from cliccheck.errors import DocumentError, LimitExceeded
from cliccheck.limits import Limits
from cliccheck.model import BlockKind, ExcludedKind
from cliccheck.normalize import normalize_text
from cliccheck.readers import read_document
from cliccheck.readers.linejoin import Joiner, keep_hyphen, needs_space
from cliccheck.readers.ocr import OcrOptions
from cliccheck.readers.pdf_layout import is_page_number
from cliccheck.readers.pdf_reader import _check_text
from cliccheck.readers.pdf_text import PageText

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PDF = FIXTURES / "pdf"
sys.path.insert(0, str(FIXTURES))

import build_pdf  # noqa: E402
from pdf_contract_text import HIDDEN, OWNER_PASSWORD, RUNNING, USER_PASSWORD  # noqa: E402

CONTRACTS = list(build_pdf.CONTRACTS)
HEADERS = {"en_contract": RUNNING["en_header"], "zh_contract_ttf": RUNNING["zh_header"],
           "zh_contract_cid": RUNNING["cid_header"], "bilingual_contract": RUNNING["bi_header"]}


@pytest.fixture(scope="module")
def layouts():
    # From the committed layout record: the CJK font is needed only to regenerate.
    return {name: build_pdf.load_layout(name) for name in CONTRACTS}


def _expected(paragraphs):
    return [(normalize_text(p.text), p.page, p.page_end if p.page_end != p.page else None)
            for p in paragraphs]


@pytest.mark.parametrize("name", CONTRACTS)
def test_paragraphs_and_pages_are_exactly_what_the_generator_laid_out(name, layouts):
    doc = read_document(PDF / f"{name}.pdf")
    got = [(b.text, b.page, b.page_end) for b in doc.blocks]
    assert got == _expected(layouts[name].paragraphs)
    assert doc.pages == layouts[name].page_count
    assert doc.format == "pdf"


@pytest.mark.parametrize("name", CONTRACTS)
def test_running_headers_footers_and_page_numbers_leave_the_body(name, layouts):
    doc = read_document(PDF / f"{name}.pdf")
    total = layouts[name].page_count
    running = [e for e in doc.excluded if e.kind == ExcludedKind.RUNNING_HEADER]
    removed = {e.text for e in running}
    header = normalize_text(HEADERS[name])
    assert header in removed
    kind = build_pdf.CONTRACTS[name][1]
    for number in range(1, total + 1):
        footer = normalize_text(build_pdf.running_texts(kind, number, total)[1])
        assert footer in removed
        assert footer not in doc.text
    in_body = [b for b in doc.blocks if header in b.text]
    assert len(in_body) == len([p for p in layouts[name].paragraphs if header in p.text])
    assert all(e.page is not None for e in running)


def test_a_title_that_repeats_the_running_header_stays_in_the_body(layouts):
    # zh_contract_ttf's title is the same words as its running header, lower on page 1.
    doc = read_document(PDF / "zh_contract_ttf.pdf")
    assert doc.blocks[0].text == "网络产品及服务采购合同"
    assert doc.blocks[0].kind == BlockKind.HEADING


@pytest.mark.parametrize("name", CONTRACTS)
def test_headings_are_marked_and_clauses_are_paragraphs(name, layouts):
    doc = read_document(PDF / f"{name}.pdf")
    styles = [p.style for p in layouts[name].paragraphs]
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [BlockKind.HEADING if s in ("title", "heading") else BlockKind.PARAGRAPH for s in styles]


def test_clause_crossing_a_page_break_is_one_block_with_both_pages(layouts):
    for name in CONTRACTS:
        crossing = [p for p in layouts[name].paragraphs if p.page_end != p.page]
        assert crossing, f"{name}: the fixture must have a paragraph crossing a page break"
        doc = read_document(PDF / f"{name}.pdf")
        for para in crossing:
            [block] = [b for b in doc.blocks if b.text == normalize_text(para.text)]
            assert (block.page, block.page_end) == (para.page, para.page_end)
    doc = read_document(PDF / "en_contract.pdf")
    block = next(b for b in doc.blocks if b.text.startswith("3.4 "))
    assert (block.page, block.page_end, block.section) == (1, 2, "3.4")


def test_english_hyphenation_is_undone_but_real_hyphens_stay(layouts):
    lay = layouts["en_contract"]
    splits = [(line.split, line.text.split()[-1]) for p in lay.paragraphs for line in p.lines if line.split]
    assert {"soft", "hard"} <= {kind for kind, _ in splits}, "fixture must hyphenate both ways"
    text = read_document(PDF / "en_contract.pdf").text
    for word in ("communication networks", "accordance", "affecting", "instalments", "non-compliance"):
        assert word in text
    for broken in ("communic-", "accord-", "affect-", "instal-", "non- ", "noncompliance"):
        assert broken not in text
    assert "follow-up" in text and "third-party" in text and "round-the-clock" in text


def test_hyphen_split_across_a_page_break_is_joined(layouts):
    lay = layouts["bilingual_contract"]
    para = next(p for p in lay.paragraphs if p.page != p.page_end and p.lang == "en")
    last_on_page = [line for line in para.lines if line is lay.pages[para.page - 1][-1]]
    assert last_on_page and last_on_page[0].split == "hard"
    doc = read_document(PDF / "bilingual_contract.pdf")
    assert normalize_text(para.text) in [b.text for b in doc.blocks]


@pytest.mark.parametrize("name", ["zh_contract_ttf", "zh_contract_cid"])
def test_chinese_round_trips_exactly_for_embedded_and_standard_cid_fonts(name, layouts):
    doc = read_document(PDF / f"{name}.pdf")
    assert doc.language == "zh"
    wrapped = [p for p in layouts[name].paragraphs if len(p.lines) > 1 and p.lang == "zh"]
    assert len(wrapped) >= 10
    by_text = {b.text for b in doc.blocks}
    for para in wrapped:
        assert para.text in by_text  # no space, no lost or changed character at the line breaks
    block = next(b for b in doc.blocks if b.text.startswith("（二）"))
    assert block.section == "第三条（二）" and block.page_end == block.page + 1


def test_bilingual_paragraphs_alternate_with_their_languages(layouts):
    doc = read_document(PDF / "bilingual_contract.pdf")
    langs = [b.language for b in doc.blocks]
    assert langs == [p.lang for p in layouts["bilingual_contract"].paragraphs]
    assert doc.language == "mixed"


def test_metadata_title():
    assert read_document(PDF / "en_contract.pdf").title == "Network Products and Services Procurement Agreement"
    assert read_document(PDF / "zh_contract_cid.pdf").title == "网络产品采购合同"


def test_hidden_text_is_excluded_with_its_kind():
    doc = read_document(PDF / "hidden_text.pdf")
    lay = build_pdf.load_layout("hidden_text")
    assert [b.text for b in doc.blocks] == [normalize_text(p.text) for p in lay.paragraphs]
    kinds = {e.kind: e.text for e in doc.excluded}
    assert kinds[ExcludedKind.WHITE_TEXT] == HIDDEN["white"]
    assert kinds[ExcludedKind.TINY_TEXT] == HIDDEN["tiny"]
    assert kinds[ExcludedKind.OFF_PAGE] == HIDDEN["off_page"]
    assert kinds[ExcludedKind.HIDDEN] == HIDDEN["invisible"]
    for phrase in HIDDEN.values():
        assert phrase not in doc.text
    assert all(e.page == 1 for e in doc.excluded)
    assert doc.warnings
    # Located: the white sentence sits between two lines of clause 3.1.
    white = next(e for e in doc.excluded if e.kind == ExcludedKind.WHITE_TEXT)
    assert doc.blocks[white.paragraph].section == "3.1"


def test_invisible_text_over_a_page_image_is_the_ocr_text_layer():
    doc = read_document(PDF / "ocr_scan.pdf")
    lay = build_pdf.load_layout("ocr_scan")
    whole = [p for p in lay.paragraphs if p.page_end <= 2]
    assert [b.text for b in doc.blocks] == [normalize_text(p.text) for p in whole]
    assert not [e for e in doc.excluded if e.kind == ExcludedKind.HIDDEN]


def _error(path, **kwargs):
    with pytest.raises(DocumentError) as info:
        read_document(path, **kwargs)
    return info.value


def test_encrypted_with_user_password():
    err = _error(PDF / "encrypted_user.pdf")
    assert err.code == "encrypted" and "--password" in err.message
    assert _error(PDF / "encrypted_user.pdf", password="wrong").code == "encrypted"
    doc = read_document(PDF / "encrypted_user.pdf", password=USER_PASSWORD)
    assert doc.blocks[0].text == "NETWORK PRODUCTS AND SERVICES PROCUREMENT AGREEMENT"


def test_owner_password_only_opens_without_a_password():
    doc = read_document(PDF / "encrypted_owner.pdf")
    assert doc.blocks[0].text == "NETWORK PRODUCTS AND SERVICES PROCUREMENT AGREEMENT"
    assert OWNER_PASSWORD not in doc.text


NO_OCR = OcrOptions(mode="never")  # the text-layer behaviour; OCR is tested in test_ocr.py


def test_scan_without_text_layer_names_the_cause_and_the_way_out():
    err = _error(PDF / "scan_image_only.pdf", ocr=NO_OCR)
    assert err.code == "no-text-layer"
    assert "scan" in err.message and "ocrmypdf" in err.message and "cliccheck[ocr]" in err.message


def test_font_without_unicode_map_is_an_error_not_garbage():
    err = _error(PDF / "no_unicode_map.pdf")
    assert err.code == "no-unicode-map"
    assert "Unicode" in err.message and "re-export" in err.message and "OCR" in err.message


def test_one_odd_glyph_does_not_fail_a_document():
    page = PageText(1, 595, 842, chars=2000, bad_chars=1, sampled=64, unmapped=0)
    _check_text([page])  # no error
    page.bad_chars = 200
    with pytest.raises(DocumentError) as info:
        _check_text([page])
    assert info.value.code == "no-unicode-map"


def test_truncated_pdf_is_corrupt():
    assert _error(PDF / "truncated.pdf").code == "corrupt"


def test_page_limit_names_max_pages():
    with pytest.raises(LimitExceeded) as info:
        read_document(PDF / "en_contract.pdf", limits=Limits(max_pages=2))
    assert "max_pages" in info.value.message


@pytest.mark.parametrize("name,code", [
    ("encrypted_user.pdf", "encrypted"),
    ("scan_image_only.pdf", "no-text-layer"),
    ("no_unicode_map.pdf", "no-unicode-map"),
    ("truncated.pdf", "corrupt"),
])
def test_cli_reports_bad_pdfs_in_one_line_with_exit_2(name, code):
    proc = subprocess.run([sys.executable, "-m", "cliccheck", "extract", str(PDF / name), "--ocr", "never"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and f"[{code}]" in lines[0] and name in lines[0]
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_cli_password_option():
    proc = subprocess.run([sys.executable, "-m", "cliccheck", "extract", str(PDF / "encrypted_user.pdf"),
                           "--password", USER_PASSWORD, "--no-location"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "NETWORK PRODUCTS AND SERVICES PROCUREMENT AGREEMENT"


# --- pdfium and pdfplumber agree ------------------------------------------------------------------

def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\ufffe", "-").replace("\x02", "-"))


@pytest.mark.parametrize("name", [*CONTRACTS, "hidden_text", "ocr_scan", "encrypted_owner"])
def test_pypdfium2_and_pdfplumber_give_the_same_characters(name):
    import pdfplumber
    import pypdfium2 as pdfium

    path = PDF / f"{name}.pdf"
    pdf = pdfium.PdfDocument(str(path))
    try:
        ours = []
        for page in pdf:
            textpage = page.get_textpage()
            ours.append(_squash(textpage.get_text_range()))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    with pdfplumber.open(str(path)) as plumber:
        theirs = [_squash(page.extract_text() or "") for page in plumber.pages]
    assert len(ours) == len(theirs)
    for number, (a, b) in enumerate(zip(ours, theirs, strict=True), 1):
        # The same characters; the order may differ (pdfplumber sorts by position, pdfium keeps
        # the content stream's order, e.g. a footer drawn before the body).
        assert sorted(a) == sorted(b), f"page {number}"


def test_pdfplumber_also_sees_garbage_in_the_unmapped_font():
    import pdfplumber

    with pdfplumber.open(str(PDF / "no_unicode_map.pdf")) as plumber:
        assert "(cid:" in (plumber.pages[0].extract_text() or "")


# --- line joining and page numbers (units) -------------------------------------------------------

@pytest.mark.parametrize("head,tail,keep", [
    ("obliga", "tion", False), ("accord", "ance", False), ("communic", "ations", False),
    ("with", "out", False), ("follow", "up", True), ("third", "party", True),
    ("non", "compliance", True), ("self", "assessment", True), ("data", "centre", True),
    ("Sino", "American", True), ("cybersecu", "rity", False),
])
def test_keep_hyphen(head, tail, keep):
    assert keep_hyphen(head, tail) is keep


def test_document_spelling_wins_over_the_lexicon():
    joiner = Joiner(["the followup report is due today", "a start"])
    assert joiner.join("see the follow-", "up report") == "see the followup report"
    joiner = Joiner(["a well-known vendor of data-driven tools", "end"])
    assert joiner.join("a data-", "driven approach") == "a data-driven approach"


@pytest.mark.parametrize("left,right,joined", [
    ("乙方应当配合网络安全", "审查。", "乙方应当配合网络安全审查。"),
    ("支付百分之三十，", "验收合格后", "支付百分之三十，验收合格后"),
    ("合同总价为人民币", "18,640,000元", "合同总价为人民币18,640,000元"),
    ("“产品”是指附件一所列的", "“核心路由器”", "“产品”是指附件一所列的“核心路由器”"),
    ("the Supplier shall", "“cooperate”", "the Supplier shall “cooperate”"),
    ("payable in", "three instalments", "payable in three instalments"),
    ("conforms to GB/T 22239-", "2019 level 3", "conforms to GB/T 22239-2019 level 3"),
    ("Contract No. CII-NP-", "2025-031", "Contract No. CII-NP-2025-031"),
])
def test_join_spacing(left, right, joined):
    assert Joiner().join(left, right) == joined
    if not left.endswith("-"):
        assert needs_space(left, right) is (" " in joined[len(left):len(left) + 1])


@pytest.mark.parametrize("text", ["- 3 -", "Page 3 of 10", "page 3", "第 3 页", "第3页 共10页", "3/10", "12"])
def test_page_number_forms(text):
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["3.1 The Supplier shall", "第三条 网络安全义务", "Schedule 3", "2025年3月"])
def test_not_page_numbers(text):
    assert not is_page_number(text)


def test_two_column_page_is_read_column_by_column(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    left = [f"Left column sentence number {n} continues" for n in range(1, 9)]
    right = [f"Right column sentence number {n} continues" for n in range(1, 9)]
    path = tmp_path / "two_columns.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Times-Roman", 10)
    for n, (a, b) in enumerate(zip(left, right, strict=True)):
        y = 760 - 13 * n
        canvas.drawString(60, y, a)  # drawn interleaved, row by row
        canvas.drawString(320, y, b)
    canvas.showPage()
    canvas.save()
    text = read_document(path).text
    assert text.index("Left column sentence number 8") < text.index("Right column sentence number 1")


def test_small_numbered_note_at_the_page_bottom_is_a_footnote(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "footnote.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Times-Roman", 11)
    canvas.drawString(72, 760, "2.1 Availability of the core network shall be at least 99.95% in each month (note 1).")
    canvas.drawString(72, 740, "2.2 Priority 1 incidents shall be responded to within 15 minutes.")
    canvas.setFont("Times-Roman", 9)
    canvas.drawString(72, 90, "1 Availability excludes maintenance windows agreed in advance with the Purchaser.")
    canvas.showPage()
    canvas.save()
    doc = read_document(path)
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.FOOTNOTE]


def _merge(tmp_path, *parts):
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for part in parts:
        src = pdfium.PdfDocument(str(PDF / part))
        out.import_pages(src)
        src.close()
    path = tmp_path / "merged.pdf"
    out.save(str(path))
    out.close()
    return path


def test_scanned_pages_among_text_pages_are_named_in_a_warning(tmp_path):
    doc = read_document(_merge(tmp_path, "en_contract.pdf", "scan_image_only.pdf"), ocr=NO_OCR)
    assert doc.pages == 5
    assert any("page(s) 4-5 are images without a text layer" in w and "ocrmypdf" in w for w in doc.warnings)


def test_mostly_scanned_document_is_an_error(tmp_path):
    path = _merge(tmp_path, "scan_image_only.pdf", "scan_image_only.pdf", "encrypted_owner.pdf")
    with pytest.raises(DocumentError) as info:
        read_document(path, ocr=NO_OCR)
    assert info.value.code == "no-text-layer" and "4 of 6 pages" in info.value.message


@pytest.mark.skipif(not Path(build_pdf.CJK_TTF).exists(), reason="the CJK font is needed only to regenerate")
def test_committed_fixtures_are_what_the_generator_writes(tmp_path):
    build_pdf.build_all(tmp_path)
    stale = [p.name for p in sorted(tmp_path.iterdir()) if p.read_bytes() != (PDF / p.name).read_bytes()]
    for name in [*CONTRACTS, "hidden_text"]:  # the record matches a fresh layout, line for line
        fresh = build_pdf.contract_layout(name) if name in CONTRACTS else build_pdf.hidden_layout()
        loaded = build_pdf.load_layout(name)
        assert [(p.text, p.page, p.page_end, [(ln.text, ln.split) for ln in p.lines]) for p in fresh.paragraphs] \
            == [(p.text, p.page, p.page_end, [(ln.text, ln.split) for ln in p.lines]) for p in loaded.paragraphs]
    assert not stale, "fixtures out of date: run .venv/bin/python fixtures/build_pdf.py"


def test_streams_are_inflated_within_limits_before_pdfium_sees_them(tmp_path):
    import zlib

    with pytest.raises(LimitExceeded) as info:  # the embedded font subset inflates to ~200 KB
        read_document(PDF / "zh_contract_ttf.pdf", limits=Limits(max_member_bytes=50_000))
    assert "max_member_bytes" in info.value.message
    # A content stream that inflates 1000-fold to 40 MB: refused by its ratio, long before pdfium.
    content = b"BT /F1 12 Tf 72 760 Td (Supply Agreement) Tj ET\n" + b" " * (40 << 20)
    packed = zlib.compress(content, 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(packed) + packed + b"\nendstream"]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bytes(out))
    with pytest.raises(LimitExceeded) as info:
        read_document(path)
    assert "max_compression_ratio" in info.value.message
