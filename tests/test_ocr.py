"""Scanned and photographed contracts read by OCR (issue 13).

The pages are made at test time from our own PDF fixtures (fixtures/build_ocr.py): a few rows
of a contract page rendered with pypdfium2, degraded like a scan or a phone photo, and the
text layer of the same rows is the ground truth. Each engine call is made once per module
(module-scoped fixtures) on a small page, to keep the suite fast.
"""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fixtures"))

import build_ocr  # noqa: E402

from cliccheck.config import Config  # noqa: E402
from cliccheck.errors import DocumentError, LimitExceeded  # noqa: E402
from cliccheck.limits import Limits  # noqa: E402
from cliccheck.matcher import check_document  # noqa: E402
from cliccheck.model import Block, Document, OcrInfo  # noqa: E402
from cliccheck.ocr_eval import canon, edit_distance  # noqa: E402
from cliccheck.ocr_gate import MIN_CONFIDENCE, review_ocr, uncertain_words  # noqa: E402
from cliccheck.readers import ocr as ocr_mod  # noqa: E402
from cliccheck.readers import read_document  # noqa: E402
from cliccheck.readers.ocr import OcrOptions, PageOcr, blocks_from_pages  # noqa: E402
from cliccheck.readers.ocr_engine import OcrLine, engine_available  # noqa: E402
from cliccheck.report.build import build_document_report  # noqa: E402
from cliccheck.verdicts import Evidence, RequirementResult, Verdict  # noqa: E402

try:  # the ocr extra is installed by `make test`; OpenCV also needs the system's libGL (.ci/run installs libgl1)
    import cv2  # noqa: F401
except (ImportError, OSError) as exc:  # pragma: no cover - depends on the machine
    pytest.skip(f"OpenCV cannot load here ({exc}); apt-get install libgl1", allow_module_level=True)

PDF = ROOT / "fixtures" / "pdf"
ZH = PDF / "zh_contract_ttf.pdf"
EN = PDF / "en_contract.pdf"
#: The party definitions and the Art. 6 clauses of each contract (rows of page 1).
ZH_ROWS = [("甲方（采购方）", "甲方为"), ("3.2", "3.5")]
EN_ROWS = [("This Agreement", "1. Definitions"), ("3.2", "3.5")]


def cer(got: str, truth: str) -> float:
    return edit_distance(canon(got), canon(truth)) / max(len(canon(truth)), 1)


def truth_text(pdf: Path, rows: list[tuple[str, str | None]]) -> str:
    """The text layer of the paragraphs a strip keeps (each strip keeps whole paragraphs)."""
    doc = read_document(pdf)
    out = []
    for first, stop in rows:
        i = next(k for k, b in enumerate(doc.blocks) if b.text.startswith(first))
        j = i + 1
        while stop is not None and j < len(doc.blocks) and not doc.blocks[j].text.startswith(stop):
            j += 1
        out += [b.text for b in doc.blocks[i:j]]
    return "".join(out)


def text_layer_verdicts(pdf: Path) -> dict[str, str]:
    doc = read_document(pdf)
    return {r.id: str(r.verdict) for r in check_document(doc).requirements}


def body(doc: Document) -> str:
    return "".join(b.text for b in doc.blocks if b.is_body)


# -- engine runs, once per module -------------------------------------------------------------------


@pytest.fixture(scope="module")
def zh_sealed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Document]:
    """Chinese clauses scanned crooked (+3°) with a red seal over clause 3.3, as an image-only PDF."""
    image = build_ocr.strip(ZH, 1, 200, ZH_ROWS)
    image = build_ocr.draw_seal(image, (image.width * 0.55, image.height * 0.62), diameter=1.4 * 200)
    image = build_ocr.degrade(image, "skew+3")
    path = tmp_path_factory.mktemp("ocr") / "scan.pdf"
    path.write_bytes(build_ocr.image_pdf([image], 200))
    return path, read_document(path)


@pytest.fixture(scope="module")
def zh_clean() -> Document:
    image = build_ocr.strip(ZH, 1, 200, ZH_ROWS)
    return read_document(build_ocr.image_pdf([image], 200), filename="clean.pdf")


@pytest.fixture(scope="module")
def en_photo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """English clauses photographed with a phone (perspective, uneven light, JPEG), linted from the CLI."""
    image = build_ocr.degrade(build_ocr.strip(EN, 1, 200, EN_ROWS), "photo")
    path = tmp_path_factory.mktemp("ocr") / "photo.jpg"
    image.save(path, format="JPEG", quality=85)
    proc = subprocess.run([sys.executable, "-m", "cliccheck", "lint", str(path), "--format", "json", "--timeout", "900"],
                          capture_output=True, text=True, timeout=600)
    return path, proc


# -- reading ------------------------------------------------------------------------------------------


def test_scanned_pdf_is_read_with_page_box_and_confidence(zh_sealed):
    _, doc = zh_sealed
    assert doc.ocr_pages == [1] and doc.ocr_engine == "rapidocr"
    assert doc.blocks and all(b.ocr is not None and b.page == 1 for b in doc.blocks)
    for block in doc.blocks:
        x0, y0, x1, y1 = block.ocr.box
        assert 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1
        assert len(block.ocr.confidences) == len(block.text)
    starts = [b.text[:3] for b in doc.blocks]
    assert all(label in starts for label in ("3.2", "3.3", "3.4")) and len(doc.blocks) <= 7


def test_red_seal_is_a_fact_with_its_place_and_does_not_spoil_the_clause(zh_sealed):
    _, doc = zh_sealed
    assert len(doc.seals) == 1
    seal = doc.seals[0]
    assert seal.page == 1
    cx, cy = (seal.box[0] + seal.box[2]) / 2, (seal.box[1] + seal.box[3]) / 2
    assert abs(cx - 0.55) < 0.08 and abs(cy - 0.62) < 0.1
    assert cer(body(doc), truth_text(ZH, ZH_ROWS)) <= 0.03


def test_degraded_scan_never_passes_what_the_text_layer_does_not(zh_sealed):
    _, doc = zh_sealed
    truth = text_layer_verdicts(ZH)
    result = check_document(doc)
    review_ocr(doc, result)
    for req in result.requirements:
        if str(req.verdict) == "satisfied":
            assert truth[req.id] == "satisfied", req.id
    assert result.requirement("CSR04").verdict != Verdict.SATISFIED  # carve-out '产品停产' in 3.4


def test_json_report_carries_ocr_provenance(zh_sealed):
    _, doc = zh_sealed
    result = check_document(doc)
    review_ocr(doc, result)
    report = build_document_report(doc, result, Config(), path="scan.pdf").to_dict()
    boxes = [e["box"] for r in report["requirements"] for e in r["evidence"]]
    assert boxes and all(len(b) == 4 for b in boxes)
    notes = [f for f in report["findings"] if f["rule"] == "ocr-read"]
    assert len(notes) == 1 and "read by OCR" in notes[0]["message"] and "seal" in notes[0]["message"]
    assert notes[0]["severity"] == "note"


def test_audit_register_records_that_a_scan_was_read_by_ocr(zh_sealed):
    from cliccheck.audit.record import AuditJob, to_record

    path, doc = zh_sealed
    result = check_document(doc)
    review_ocr(doc, result)
    report = build_document_report(doc, result, Config(), path=str(path))
    record = to_record(report, AuditJob(str(path), Config()), checked_at="2026-01-01T00:00:00Z")
    assert record["document"]["ocr"] == 1 and record["document"]["format"] == "pdf"
    text = read_document(ZH)
    plain = build_document_report(text, check_document(text), Config(), path=str(ZH))
    assert to_record(plain, AuditJob(str(ZH), Config()), checked_at="2026-01-01T00:00:00Z")["document"]["ocr"] == 0


def test_clean_scan_reads_like_the_text_layer(zh_clean):
    assert cer(body(zh_clean), truth_text(ZH, ZH_ROWS)) <= 0.01
    truth = text_layer_verdicts(ZH)
    result = check_document(zh_clean)
    review_ocr(zh_clean, result)
    got = {r.id: str(r.verdict) for r in result.requirements}
    assert got == {k: truth[k] for k in got}


def test_lint_photo_jpg_from_the_command_line(en_photo):
    _, proc = en_photo
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    doc = report["documents"][0]
    assert doc["status"] == "ok" and doc["format"] == "image"
    truth = text_layer_verdicts(EN)
    for req in doc["requirements"]:
        if req["verdict"] == "satisfied":
            assert truth[req["id"]] == "satisfied", req["id"]
        for ev in req["evidence"]:
            assert ev["page"] == 1 and len(ev["box"]) == 4
    assert any(f["rule"] == "ocr-read" for f in doc["findings"])
    assert sum(r["verdict"] != "missing" for r in doc["requirements"]) >= 3  # the clauses were read


@pytest.mark.skipif(not engine_available("tesseract"), reason="Tesseract (tesseract-ocr, chi-sim) is not installed")
def test_tesseract_engine_reads_chinese():
    import numpy as np

    from cliccheck.readers.ocr_engine import get_engine

    image = build_ocr.strip(ZH, 1, 200, [("3.2", "3.3")])
    lines = get_engine("tesseract").recognise(np.asarray(image))
    got = "".join(line.text for line in lines)
    assert cer(got, truth_text(ZH, [("3.2", "3.3")])) < 0.15
    assert all(len(line.confidences) == len(line.text) for line in lines)


# -- without an engine: fail closed, coded errors, layout -------------------------------------------


def test_without_the_extra_a_scan_names_it(monkeypatch):
    monkeypatch.setattr(ocr_mod, "available", lambda options=None: False)
    with pytest.raises(DocumentError) as info:
        read_document(PDF / "scan_image_only.pdf")
    assert info.value.code == "no-text-layer" and "cliccheck[ocr]" in info.value.message
    png = io.BytesIO()
    build_ocr.render(EN, 1, 30).save(png, format="PNG")
    with pytest.raises(DocumentError) as info:
        read_document(png.getvalue(), filename="photo.png")
    assert info.value.code == "no-text-layer" and "cliccheck[ocr]" in info.value.message


def test_ocr_never_keeps_the_scan_error():
    with pytest.raises(DocumentError) as info:
        read_document(PDF / "scan_image_only.pdf", ocr=OcrOptions(mode="never"))
    assert info.value.code == "no-text-layer"


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_header(width: int, height: int) -> bytes:
    """A PNG signature and header that declare ``width`` x ``height`` pixels (with a tiny body)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
            + _chunk(b"IEND", b""))


def test_decompression_bomb_image_is_refused_before_decoding():
    data = _png_header(100_000, 100_000)
    with pytest.raises(LimitExceeded) as info:
        read_document(data, filename="bomb.png")
    assert "max_image_pixels" in info.value.message


@pytest.mark.parametrize("data,name,code", [
    (_png_header(50, 50)[:40], "cut.png", "corrupt"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "cut.jpg", "corrupt"),
    (b"plain text, not an image", "scan.png", "corrupt"),
    (b"GIF89a" + b"\x00" * 30, "scan.gif", "unsupported-format"),
])
def test_bad_images_get_one_coded_error(data, name, code):
    with pytest.raises(DocumentError) as info:
        read_document(data, filename=name)
    assert info.value.code == code and "\n" not in info.value.message


def test_bad_image_from_the_cli_is_one_line_exit_2(tmp_path):
    path = tmp_path / "broken.png"
    path.write_bytes(_png_header(40, 40))
    proc = subprocess.run([sys.executable, "-m", "cliccheck", "extract", str(path)], capture_output=True, text=True)
    assert proc.returncode == 2 and "[corrupt]" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = subprocess.run([sys.executable, "-m", "cliccheck", "lint", str(path)], capture_output=True, text=True)
    assert proc.returncode == 2 and "corrupt" in proc.stdout and "Traceback" not in proc.stdout + proc.stderr


def test_pages_over_the_ocr_limit_are_refused():
    frames = [build_ocr.render(EN, 1, 20) for _ in range(3)]
    buf = io.BytesIO()
    frames[0].save(buf, format="TIFF", save_all=True, append_images=frames[1:])
    with pytest.raises(LimitExceeded) as info:
        read_document(buf.getvalue(), filename="scan.tif", limits=Limits(max_ocr_pages=2))
    assert "max_ocr_pages" in info.value.message


def _line(text: str, x0: float, y0: float, x1: float, conf: float = 0.99) -> OcrLine:
    return OcrLine(text, (x0, y0, x1, y0 + 30), [conf] * len(text))


def test_layout_two_columns_headers_and_paragraphs():
    lines = [
        _line("Page header text", 100, 20, 600),
        _line("1. The Supplier shall cooperate with", 100, 200, 700),
        _line("any cybersecurity review.", 100, 240, 400),
        _line("2. Second clause in the left column", 100, 300, 700),
        _line("3. Right column clause one", 900, 200, 1500),
        _line("which continues here.", 900, 240, 1200),
        _line("第十条 乙方承诺配合网络安全审查", 100, 900, 1500),
        _line("3", 780, 2280, 800),
    ]
    blocks, _ = blocks_from_pages([PageOcr(1, 1600, 2340, lines)], "test")
    texts = [(str(b.kind), b.text) for b in blocks]
    assert [t for k, t in texts if k == "paragraph"] == [
        "1. The Supplier shall cooperate with any cybersecurity review.", "2. Second clause in the left column",
        "3. Right column clause one which continues here.", "第十条 乙方承诺配合网络安全审查"]
    assert ("header", "Page header text") in texts and ("footer", "3") in texts


def test_layout_table_rows_become_cells():
    lines = [_line("Name", 100, 1000, 300), _line("Signature", 900, 1000, 1200),
             _line("Northgate", 100, 1040, 300), _line("Li Wei", 900, 1040, 1100),
             _line("The parties sign this contract in two counterparts.", 100, 1200, 1400)]
    blocks, _ = blocks_from_pages([PageOcr(1, 1600, 2340, lines)], "test")
    cells = [(b.table.row, b.table.column, b.text) for b in blocks if b.table]
    assert cells == [(0, 0, "Name"), (0, 1, "Signature"), (1, 0, "Northgate"), (1, 1, "Li Wei")]
    assert blocks[-1].table is None and blocks[-1].text.startswith("The parties")


def test_ocr_punctuation_between_chinese_characters_is_full_width():
    blocks, _ = blocks_from_pages([PageOcr(1, 1000, 1400, [_line("乙方承诺:(一)配合审查,不得拒绝;", 50, 400, 900)])], "t")
    assert blocks[0].text == "乙方承诺：（一）配合审查，不得拒绝；"
    assert len(blocks[0].ocr.confidences) == len(blocks[0].text)


def test_glued_english_words_are_split_into_contract_words():
    from cliccheck.readers.ocr_words import respace

    text = "3.4TheSuppliershallnotinterruptthesupplyof theProducts"
    spaced, confs = respace(text, [0.9] * len(text))
    assert spaced == "3.4The Supplier shall not interrupt the supply of the Products"
    assert len(confs) == len(spaced)
    assert respace("乙方承诺配合网络安全审查", [0.9] * 12)[0] == "乙方承诺配合网络安全审查"
    assert respace("Northgatex Systems", [0.9] * 18)[0] == "Northgatex Systems"  # no known split: as read


def test_what_ocr_drops_between_english_words_is_put_back():
    """Quotes read straight, curly or twice; a sentence or a list glued to the next word; a clause
    number glued to its first word; a word broken at the line end is not split as if glued."""
    lines = [
        _line('1.3 “"User Data” means the data of the "Purchaser"), and the Purchaser\'s log,configuration', 100, 200, 1500),
        _line("or traffic data.Any planned end-of-life of the communic-", 100, 240, 1500),
        _line("ation networks is notified. RMB 18,640,000 and 3.5 of example.com apply.", 100, 280, 1200),
        _line("3.2乙方承诺配合网络安全审查，“用户数据\"除外。", 100, 400, 1200),
    ]
    blocks, _ = blocks_from_pages([PageOcr(1, 1600, 2340, lines)], "test")
    assert [b.text for b in blocks] == [
        "1.3 “User Data” means the data of the “Purchaser”), and the Purchaser’s log, configuration or traffic "
        "data. Any planned end-of-life of the communication networks is notified. RMB 18,640,000 and 3.5 of "
        "example.com apply.",
        "3.2 乙方承诺配合网络安全审查，“用户数据”除外。"]
    assert all(len(b.ocr.confidences) == len(b.text) for b in blocks)


def test_hanging_indent_and_a_paragraph_over_the_page_break_stay_one_paragraph():
    """An item's lines set under its text, and a clause that breaks at the foot of a page (running
    header between) are one paragraph each, as in the text layer: split, the qualifier on the next
    page would be cut off from the undertaking."""
    header = "Network Products and Services Procurement Agreement (Contract No. CII-NP-2025-031)"
    page1 = [
        _line(header, 300, 60, 1300),
        _line("(a) conduct a self-assessment of the security of the Products before each release and", 200, 300, 1500),
        _line("provide the results to the Purchaser and ensure the obligations in this", 250, 340, 1500),
        _line("Clause 3.", 250, 380, 400),
        _line("3.4 The Supplier shall not interrupt the supply of the Products or the technical support", 100, 2100, 1500),
    ]
    page2 = [
        _line(header.replace("No. ", "No."), 300, 60, 1300),
        _line("services without a justifiable reason.", 100, 300, 700),
        _line("3.5 The Supplier shall maintain a software bill of materials.", 100, 360, 1000),
    ]
    blocks, _ = blocks_from_pages([PageOcr(1, 1600, 2340, page1), PageOcr(2, 1600, 2340, page2)], "test")
    body = [(b.page, b.text) for b in blocks if b.is_body]
    assert body == [
        (1, "(a) conduct a self-assessment of the security of the Products before each release and provide the "
            "results to the Purchaser and ensure the obligations in this Clause 3."),
        (1, "3.4 The Supplier shall not interrupt the supply of the Products or the technical support services "
            "without a justifiable reason."),
        (2, "3.5 The Supplier shall maintain a software bill of materials."),
    ]
    assert sum(1 for b in blocks if str(b.kind) == "header") == 2  # over 80 characters, but on every page
    run_on = blocks[[b.text[:3] for b in blocks].index("3.4")]
    assert run_on.ocr.box[1] > 0.8  # boxed on the page it starts on


def _ocr_doc(text: str, confs: list[float]) -> Document:
    return Document("x.pdf", "pdf", [Block(text, page=1, ocr=OcrInfo((0.1, 0.1, 0.9, 0.2), confs, "test"))],
                    ocr_pages=[1], pages=1)


def test_uncertain_deciding_words_make_a_satisfied_requirement_weak():
    text = "乙方承诺配合网络安全审查。"
    confs = [0.99] * len(text)
    confs[text.index("配")] = MIN_CONFIDENCE - 0.2
    doc = _ocr_doc(text, confs)
    evidence = Evidence(text, 0, len(text), 0, 1, None, 0, "zh", highlights=[(2, 12)])
    req = RequirementResult("CSR01", "review-cooperation", Verdict.SATISFIED, "ok", [evidence])
    from cliccheck.verdicts import CheckResult, Party, Roles

    result = CheckResult(Roles(Party(), Party()), [req])
    review_ocr(doc, result)
    assert req.verdict == Verdict.WEAK and req.reasons[-1].code == "ocr-uncertain"
    assert "配合网络安全审查" in req.reasons[-1].detail and req.evidence[0].box == (0.1, 0.1, 0.9, 0.2)
    # the same words read surely stay satisfied; words outside the deciding span do not matter
    confs = [0.99] * len(text)
    confs[-1] = 0.1
    sure = _ocr_doc(text, confs)
    assert uncertain_words(sure, [evidence]) == []


def test_a_clause_cut_off_at_the_foot_of_the_last_page_read_is_never_satisfied():
    """A photo of one page: clause 3.4 breaks off mid-sentence at its foot, and the rest (which on
    the next page says 'without a justifiable reason') was never read: it cannot be satisfied."""
    from cliccheck.verdicts import CheckResult, Party, Roles

    lines = [_line("3.3 The Supplier shall cooperate with the cybersecurity review.", 100, 1800, 1100),
             _line("3.4 The Supplier shall not interrupt the supply of the Products or the technical support", 100, 2100,
                   1500)]
    blocks, _ = blocks_from_pages([PageOcr(1, 1600, 2340, lines)], "test")
    assert [b.ocr.cut for b in blocks] == [False, True]
    doc = Document("x.jpg", "image", blocks, ocr_pages=[1], pages=1)
    doc.reindex()
    cut = blocks[1]
    evidence = Evidence(cut.text, cut.start, cut.end, 1, 1, None, 0, "en")
    req = RequirementResult("CSR04", "supply-continuity", Verdict.SATISFIED, "ok", [evidence])
    review_ocr(doc, CheckResult(Roles(Party(), Party()), [req]))
    assert req.verdict == Verdict.WEAK and req.reasons[-1].code == "ocr-uncertain"
    assert "breaks off at the foot of page 1" in req.message


def test_missing_says_the_document_was_read_by_ocr():
    doc = _ocr_doc("本合同一式两份。", [0.99] * 8)
    req = RequirementResult("CSR02", "no-illegal-data-collection", Verdict.MISSING, "not found")
    from cliccheck.verdicts import CheckResult, Party, Roles

    review_ocr(doc, CheckResult(Roles(Party(), Party()), [req]))
    assert req.verdict == Verdict.MISSING and "read by OCR" in req.message
    assert req.reasons[-1].code == "ocr-read"


def test_seal_and_skew_preprocessing_without_an_engine():
    import numpy as np

    from cliccheck.readers.ocr_preprocess import estimate_skew, find_seals, prepare

    page = build_ocr.strip(ZH, 1, 150, [("3.2", "3.5")])
    assert abs(estimate_skew(np.asarray(build_ocr.degrade(page, "skew+3")))) == pytest.approx(3.0, abs=0.5)
    assert abs(estimate_skew(np.asarray(page))) < 0.5
    sealed = np.asarray(build_ocr.draw_seal(page, (600, 200), diameter=200))
    boxes = find_seals(sealed, 150)
    assert len(boxes) == 1 and boxes[0][0] < 600 < boxes[0][2]
    prepared = prepare(sealed, 150)
    assert not (np.asarray(prepared.image)[..., 0] - np.asarray(prepared.image)[..., 1]).any()  # grey
    assert prepared.image[200, 600].min() > 200  # the seal's star is gone


@pytest.mark.parametrize("ink", sorted(build_ocr.SEAL_INKS))
def test_print_under_a_seal_keeps_its_strokes_when_the_ink_is_taken_out(ink):
    """Seal ink over black print is a dark red: taking the seal out must keep it as print. It used to
    be lifted to paper with the ink, breaking every character the ring or lettering crossed (书 read
    as "·", 毁 as "="); that was the zh_contract_ttf seal variant's 3 % Latin CER."""
    import numpy as np

    from cliccheck.readers.ocr_preprocess import prepare

    page = build_ocr.strip(ZH, 1, 200, [("2.1", "第三条")])
    sealed = build_ocr.draw_seal(page, (page.width * 0.6, page.height * 0.5), diameter=320,
                                 ink=build_ocr.SEAL_INKS[ink])
    grey = np.asarray(page.convert("L")).astype(int)
    rgb = np.asarray(sealed).astype(int)
    prepared = prepare(np.asarray(sealed), 200)
    assert len(prepared.seals) == 1 and prepared.skew == 0.0
    out = prepared.image[..., 0]
    inked = rgb[..., 0] - rgb[..., 1] > 20  # seal ink lies here
    under = inked & (grey < 100)  # print beneath the ink
    alone = (rgb[..., 0] - rgb[..., 1] > 60) & (grey > 250)  # ink on bare paper
    assert under.sum() > 100 and alone.sum() > 5000
    assert (out[under] < 128).mean() > 0.95  # the print stays print
    assert (out[alone] > 200).mean() > 0.99  # and the seal is gone


def test_cli_options_are_offered():
    for command in ("lint", "extract", "annex"):
        proc = subprocess.run([sys.executable, "-m", "cliccheck", command, "--help"], capture_output=True,
                              text=True)
        assert "--ocr [auto|always|never]" in proc.stdout and "--ocr-dpi" in proc.stdout


class _StubEngine:
    """Stands in for the OCR engine: one line naming the page image's width, so page order shows."""

    name = "stub"

    def recognise(self, image):  # type: ignore[no-untyped-def]
        return [OcrLine(f"3.{image.shape[1]} 乙方承诺配合网络安全审查。", (100.0, 300.0, 1200.0, 330.0), [0.99] * 20)]


def test_scanned_pages_among_text_pages_are_read_in_parallel_in_page_order(tmp_path, monkeypatch):
    """Signature pages that are scans: OCR'd with --jobs 2, put in page order among the text pages."""
    import pypdfium2 as pdfium

    monkeypatch.setattr(ocr_mod, "get_engine", lambda name, threads=0: _StubEngine())
    widths = [(600, 850), (610, 850), (620, 850)]
    scan = build_ocr.image_pdf([build_ocr.render(EN, 1, 72).resize(size) for size in widths], 72)
    out = pdfium.PdfDocument.new()
    for data in (EN.read_bytes(), scan):
        src = pdfium.PdfDocument(data)
        out.import_pages(src)
        src.close()
    path = tmp_path / "signed.pdf"
    out.save(str(path))
    out.close()
    doc = read_document(path, ocr=OcrOptions(jobs=2, dpi=72))
    assert doc.ocr_pages == [4, 5, 6]
    scanned = [b for b in doc.blocks if b.ocr is not None]
    assert [b.page for b in scanned] == [4, 5, 6]
    widths_read = [int(b.text.split()[0].split(".")[1]) for b in scanned]
    assert widths_read == sorted(widths_read) and len(set(widths_read)) == 3
    assert doc.blocks[-1].ocr is not None and doc.blocks[0].ocr is None  # text pages first, in order
    assert not any("not read" in w for w in doc.warnings)


def test_eval_ocr_scores_scans_against_their_text_layer(tmp_path, monkeypatch):
    """`cliccheck eval --ocr`: each PDF with a text layer is rendered, read back by OCR and compared
    (CER and verdicts); a scan without a text layer has no truth and is skipped with its reason.
    A stub engine that reads one line per page stands in for the real one (which the other tests run)."""
    import shutil

    from click.testing import CliRunner

    from cliccheck.cli import cli

    monkeypatch.setattr(ocr_mod, "get_engine", lambda name, threads=0: _StubEngine())
    shutil.copy(ZH, tmp_path / "contract.pdf")
    (tmp_path / "scan.pdf").write_bytes(build_ocr.image_pdf([build_ocr.render(ZH, 1, 72)], 72))
    result = CliRunner().invoke(cli, ["eval", "--ocr", str(tmp_path), "--ocr-dpi", "72", "--format", "json",
                                       "--max-cer", "0.5"])
    report = json.loads(result.output)
    assert result.exit_code == 1  # one line a page read: CER far above 0.5
    [case] = report["cases"]
    assert case["path"].endswith("contract.pdf") and case["dpi"] == 72 and case["language"] == "zh"
    assert case["pages"] == build_ocr.page_count(ZH) and case["cer"] > 0.5 and case["chars"] > 1000
    assert case["verdicts_text_layer"] == text_layer_verdicts(ZH)
    assert case["false_passes"] == [k for k, v in case["verdicts_ocr"].items()
                                    if v == "satisfied" and case["verdicts_text_layer"][k] != "satisfied"]
    assert [s["path"].endswith("scan.pdf") and "no-text-layer" in s["reason"] for s in report["skipped"]] == [True]


def test_a_scanned_a4_page_is_read_within_the_memory_bound(tmp_path):
    """The 500 MB every input is held to, for a whole A4 page scanned at 300 dpi read by OCR in a
    fresh process (models, rendering, detection and recognition included). It bounds memory, not time
    (the page may take an hour), so it runs beside other tests."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(build_ocr.image_pdf([build_ocr.render(ZH, 1, 300)], 300))
    code = ("import json, sys\n"
            "from cliccheck.readers import read_document\n"
            "from cliccheck.readers.ocr import OcrOptions\n"
            "from cliccheck.limits import Limits\n"
            "doc = read_document(sys.argv[1], ocr=OcrOptions(dpi=300), limits=Limits(max_ocr_page_seconds=3600))\n"
            # VmHWM is this process image's own peak; ru_maxrss would carry the parent's peak (a test run of
            # gigabytes) across fork+exec
            "hwm = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
            "print(json.dumps({'blocks': len(doc.blocks), 'mb': hwm / 1024}))")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["blocks"] >= 15  # the page was read
    assert out["mb"] < 500, out


# -- two columns and tables (fixtures/build_layouts.py measures them on whole pages) ---------------------


def _ink_page(pieces: list[tuple[int, int, int, int]], rules: tuple[int, ...] = ()) -> Any:
    """A white page with black blocks standing for words (x0, y0, x1, y1) and vertical rules at ``rules``."""
    import numpy as np

    page = np.full((200, 1400, 3), 255, np.uint8)
    for x0, y0, x1, y1 in pieces:
        page[y0:y1, x0:x1] = 0
    for x in rules:
        page[40:160, x:x + 2] = 0
    return page


def _quad(x0: float, y0: float, x1: float, y1: float) -> Any:
    import numpy as np

    return np.float32([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])


def test_a_detected_line_across_a_column_gutter_or_table_rules_is_cut():
    """The detector ran a left column's line and the right column's into one box (a gutter of two line
    heights), and a table row into one box across its rules: each is cut into its texts, each piece as
    high as its own line; a line whose words are a normal space apart is left whole."""
    from cliccheck.readers.ocr_engine import split_boxes

    words = [(100 + 60 * i, 90, 150 + 60 * i, 114) for i in range(8)]  # 8 words, 10 px apart, 24 px high
    right = [(x0 + 700, y0, x1 + 700, y1) for x0, y0, x1, y1 in words]
    across = split_boxes(_ink_page(words + right), [_quad(95, 85, 1265, 119)])
    assert [(round(q[0, 0]), round(q[1, 0])) for q in across] == [(95, 570), (800, 1266)]
    assert all(q[2, 1] - q[0, 1] < 34 for q in across)
    whole = split_boxes(_ink_page(words), [_quad(95, 85, 575, 119)])
    assert len(whole) == 1
    cells = [(110, 90, 160, 114), (250, 90, 400, 114), (480, 90, 560, 114)]
    ruled = split_boxes(_ink_page(cells, rules=(200, 450)), [_quad(105, 85, 565, 119)])
    assert [(round(q[0, 0]), round(q[1, 0])) for q in ruled] == [(105, 160), (250, 400), (480, 566)]


def test_a_table_is_read_row_by_row_not_as_two_columns():
    """Table cells stand on both sides of a gap that looks like a gutter: the rows are read across the
    page, one cell a block in row order, not the table's left half and then its right half."""
    header = [_line("乙方应当按下表分批交付产品，单价含税及运输、安装费用，交付地点为甲方指定的变电站：", 100, 100, 1500)]
    rows = []
    for r, cells in enumerate([["序号", "产品名称", "型号", "数量", "单价", "交付日期"],
                               ["1", "核心路由器", "NR-9800X", "4", "1,280,000", "2025年9月30日"],
                               ["2", "交换机", "DS-6860", "24", "186,500", "2025年10月15日"],
                               ["3", "防火墙", "FW-5200E", "6", "342,000", "2025年10月31日"],
                               ["4", "管理软件", "NMS V7.2", "1", "1,150,000", "2025年11月20日"]]):
        for c, text in enumerate(cells):
            x = [100, 250, 500, 900, 1050, 1250][c]
            rows.append(_line(text, x, 200 + 60 * r, x + 25 * len(text)))
    blocks, _ = blocks_from_pages([PageOcr(1, 1600, 2340, header + rows)], "test")
    cells = [b for b in blocks if str(b.kind) == "table_cell"]
    assert [b.text for b in cells[:7]] == ["序号", "产品名称", "型号", "数量", "单价", "交付日期", "1"]
    assert [(b.table.row, b.table.column) for b in cells[:7]] == [(0, c) for c in range(6)] + [(1, 0)]


def test_an_article_the_sentence_refers_to_at_a_line_start_goes_on_the_sentence():
    """“…第三十七条、/第三十八条的规定，…”: the line break put an article reference at the start of a line;
    it goes on the sentence (as in the text layer) instead of starting a clause."""
    lines = [_line("根据《中华人民共和国网络安全法》第三十七条、", 100, 200, 1500),
             _line("第三十八条的规定，乙方作为提供者作出本承诺。", 100, 240, 1100),
             _line("第二条 乙方承诺配合网络安全审查。", 100, 300, 900)]
    blocks, _ = blocks_from_pages([PageOcr(1, 1600, 2340, lines)], "test")
    assert [b.text for b in blocks] == ["根据《中华人民共和国网络安全法》第三十七条、第三十八条的规定，乙方作为提供者作出本承诺。",
                                        "第二条 乙方承诺配合网络安全审查。"]


def test_party_lines_are_paragraphs_of_their_own_even_when_they_end_near_the_edge():
    """Two “label：value” lines in a row are a party block, one paragraph each, though the first ends
    near the column's edge (on a two-column page the party lines reach the left column's edge)."""
    lines = [_line("甲方（采购方）：东湾区域电网有限公司", 100, 200, 1480),
             _line("乙方（供应方）：北门网络系统有限公司", 100, 240, 1480),
             _line("本补充条款由甲方与乙方签订，是双方签订的主合同不可分割的组成部分，双方应当遵守。", 160, 300, 1500)]
    blocks, _ = blocks_from_pages([PageOcr(1, 1600, 2340, lines)], "test")
    assert [b.text for b in blocks][:2] == ["甲方（采购方）：东湾区域电网有限公司", "乙方（供应方）：北门网络系统有限公司"]


def test_a_line_found_in_two_detection_bands_is_read_once():
    """A line whose middle lies on the edge between two detection bands was found in both, a pixel
    apart, and read twice; a repeat is dropped, a line beside or below it is not."""
    from cliccheck.readers.ocr_engine import _distinct

    line = _quad(730, 679, 1142, 710)
    repeat = _quad(732, 683, 1140, 710)
    below, beside = _quad(730, 720, 1142, 750), _quad(100, 679, 700, 710)
    assert len(_distinct([line, repeat, below, beside])) == 3


def test_a_letter_whose_every_alternative_makes_no_word_is_sure_of_the_word():
    """The recogniser read the r of "undertakes" at 0.59, its alternative being no letter ("undetakes", no word):
    the word is not in doubt. The p of "place" at 0.57 stays doubtful: without it the line reads "lace"."""
    from cliccheck.readers.ocr_engine import UNLISTED
    from cliccheck.readers.ocr_words import word_confidences

    text = "The Supplier undertakes that it shall not place"
    confs = [0.99] * len(text)
    alts: list[tuple[tuple[str, float], ...]] = [(("", 0.005), (UNLISTED, 0.005))] * len(text)
    r, p = text.index("undertakes") + 4, text.index("place")
    confs[r], alts[r] = 0.59, (("", 0.34), ("e", 0.07), (UNLISTED, 0.0))
    confs[p], alts[p] = 0.57, (("", 0.32), (" ", 0.11), (UNLISTED, 0.0))
    out = word_confidences(text, confs, alts, MIN_CONFIDENCE)
    assert out[r] >= MIN_CONFIDENCE and out[p] < MIN_CONFIDENCE
    # what the recogniser did not list might be another word: it counts against
    alts[r] = (("", 0.1), (UNLISTED, 0.31))
    assert word_confidences(text, confs, alts, MIN_CONFIDENCE)[r] < MIN_CONFIDENCE
    # a name is no known word: the recogniser's figure stands; without alternatives (Tesseract) nothing changes
    name = "Northgatex"
    assert word_confidences(name, [0.5] * 10, [(("", 0.5),)] * 10, MIN_CONFIDENCE) == [0.5] * 10
    assert word_confidences(text, confs, None, MIN_CONFIDENCE) == confs


def test_a_space_read_with_low_confidence_does_not_make_the_words_uncertain():
    """The recogniser is unsure of spaces (13 % of the right ones below 0.80 on the fixtures) while the spaces it
    gets wrong are read surely: a space counts only below MIN_SPACE_CONFIDENCE."""
    from cliccheck.ocr_gate import MIN_SPACE_CONFIDENCE

    text = "The Supplier undertakes to cooperate with the cybersecurity review."
    confs = [0.99] * len(text)
    confs[text.index(" review")] = 0.54
    evidence = Evidence(text, 0, len(text), 0, 1, None, 0, "en", highlights=[(text.index("cyber"), len(text) - 1)])
    assert uncertain_words(_ocr_doc(text, confs), [evidence]) == []
    confs[text.index(" review")] = MIN_SPACE_CONFIDENCE - 0.1
    assert uncertain_words(_ocr_doc(text, confs), [evidence]) != []


def test_an_english_clause_heading_set_like_the_body_does_not_run_into_the_clause():
    """"Clause1Cooperation with the cybersecurity review" as wide as the column, then "The Supplier undertakes …":
    the label word and number are spaced, the heading is a paragraph of its own, and a run glued across a
    line break ("shallnotuseitsposi-" / "tion") is split once whole."""
    lines = [_line("Clause1Cooperation with the cybersecurity review", 730, 328, 1222),
             _line("The Supplier undertakes to cooperate with the", 730, 385, 1171),
             _line("cybersecurity review: where the Purchaser files the", 728, 412, 1219),
             _line("procurement, the Supplier shall provide materials.", 728, 443, 1000),
             _line("Clause 3 No illegal control of user equipment", 730, 500, 1215),
             _line("The Supplier undertakes that it shallnotuseitsposi-", 730, 557, 1230),
             _line("tion to control users' equipment unlawfully.", 728, 588, 1100)]
    blocks, _ = blocks_from_pages([PageOcr(1, 1300, 1800, lines)], "test")
    assert [b.text for b in blocks] == [
        "Clause 1 Cooperation with the cybersecurity review",
        "The Supplier undertakes to cooperate with the cybersecurity review: where the Purchaser files the "
        "procurement, the Supplier shall provide materials.",
        "Clause 3 No illegal control of user equipment",
        "The Supplier undertakes that it shall not use its position to control users’ equipment unlawfully."]
    assert all(len(b.ocr.confidences) == len(b.text) for b in blocks)


def test_a_short_lowercase_run_of_contract_words_is_split():
    from cliccheck.readers.ocr_words import respace

    assert respace("retain oruse any data", [0.9] * 22)[0] == "retain or use any data"
    assert respace("the Huawei and Cisco", [0.9] * 20)[0] == "the Huawei and Cisco"


def test_words_of_a_run_broken_at_the_line_end_are_judged_as_words():
    """"shallnotuseitsposi-" / "tion": the second l of "shall" read at 0.49 (its alternatives no letter or an i,
    which make no word) is sure as a letter of "shall not use its", the words before the broken one."""
    from cliccheck.readers.ocr_engine import UNLISTED
    from cliccheck.readers.ocr_words import word_confidences

    text = "The Supplier undertakes that it shallnotuseitsposi-"
    confs = [0.99] * len(text)
    alts: list[tuple[tuple[str, float], ...]] = [(("", 0.005), (UNLISTED, 0.005))] * len(text)
    i = text.index("shall") + 4
    confs[i], alts[i] = 0.49, (("", 0.005), ("i", 0.02), ("a", 0.007), (UNLISTED, 0.004))
    assert word_confidences(text, confs, alts, MIN_CONFIDENCE)[i] >= MIN_CONFIDENCE
    j = text.index("posi") + 1  # a letter of the broken word itself: not judged
    confs[j] = 0.49
    assert word_confidences(text, confs, alts, MIN_CONFIDENCE)[j] == 0.49
