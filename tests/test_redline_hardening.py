"""Redline hardening (issue 9 §4): what accepting all changes leaves, and what the package keeps.

Each draft is built here, in English and Chinese: four compliant clauses in
the body, plus the shape under test (a contradiction only in a footnote, a
contradiction inside a field result, a signed package, a zip comment and a
stored member).
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from docx_revisions import accept_all, reject_all
from lxml import etree

from cliccheck.readers import read_document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

PARTIES = {
    "en": "Supply Agreement between Jiangnan Grid Data Co., Ltd. (the Customer) and Northbridge Systems Ltd. "
          "(the Supplier).",
    "zh": "采购合同  甲方（采购方）：江南电网数据有限公司  乙方（供应方）：北桥系统有限公司",
}
CLAUSES = {
    "en": ["The Supplier shall actively cooperate with any cybersecurity review conducted by the competent "
           "authorities.",
           "The Supplier shall not use the provision of its products or services to illegally obtain user data.",
           "The Supplier shall not illegally control or manipulate users' equipment.",
           "The Supplier shall not interrupt product supply or necessary technical support services without "
           "justifiable reason."],
    "zh": ["乙方应当积极配合网络安全审查。",
           "乙方不得利用提供产品或服务的便利条件非法获取用户数据。",
           "乙方不得非法控制和操纵用户设备。",
           "乙方不得无正当理由中断产品供应或者必要的技术支持服务。"],
}
CONTRADICTION = {
    "en": ("Notwithstanding clause 4, the Supplier ", "may suspend supply of the products at any time for any reason",
           "."),
    "zh": ("尽管有第四条的约定，乙方", "有权随时以任何理由停止供货", "。"),
}
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'wordprocessingml.document.main+xml"/>'
      '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'wordprocessingml.footnotes+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'footnotes" Target="footnotes.xml"/></Relationships>')


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _p(*runs: str) -> str:
    return f"<w:p>{''.join(runs)}</w:p>"


def build(lang: str, *, footnote: str | None = None, extra_body: str = "", signed: bool = False,
          comment: bytes = b"", stored: tuple[str, ...] = ()) -> bytes:
    """A small draft: parties, four compliant clauses, then the shape under test."""
    label = "第{}条 " if lang == "zh" else "{}. "
    body = _p(_run(PARTIES[lang])) + "".join(
        _p(_run(label.format(n) + c)) for n, c in enumerate(CLAUSES[lang], start=1))
    if footnote is not None:
        body += _p(_run(label.format(5) + ("附注。" if lang == "zh" else "Notes apply.")),
                   '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>')
    body += extra_body
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
                f"<w:body>{body}</w:body></w:document>")
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 f'<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>{_run(" " + (footnote or ""))}</w:p>'
                 "</w:footnote></w:footnotes>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        members = {"[Content_Types].xml": CT, "_rels/.rels": RELS, "word/document.xml": document,
                   "word/_rels/document.xml.rels": DOC_RELS, "word/footnotes.xml": footnotes}
        if signed:
            members["_xmlsignatures/sig1.xml"] = "<Signature/>"
        for name, text in members.items():
            zf.writestr(name, text, compress_type=zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED)
        zf.comment = comment
    return out.getvalue()


def redline(tmp_path: Path, data: bytes, name: str = "draft.docx") -> tuple[subprocess.CompletedProcess, bytes]:
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "out.docx"
    proc = subprocess.run([sys.executable, "-m", "cliccheck", "redline", str(src), "-o", str(out), "--date",
                           "2026-03-01"], capture_output=True, text=True, timeout=300)
    return proc, out.read_bytes() if out.exists() else b""


def lint_verdicts(data: bytes) -> dict[str, str]:
    from cliccheck.matcher import check_document

    result = check_document(read_document(data, filename="x.docx"))
    return {r.id: str(r.verdict) for r in result.requirements}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_contradiction_only_in_a_footnote_fails_the_redline(tmp_path: Path, lang: str) -> None:
    data = build(lang, footnote="".join(CONTRADICTION[lang]))
    assert lint_verdicts(data)["CSR04"] == "contradicted", "the footnote must contradict for this test to mean it"
    proc, out = redline(tmp_path, data)
    assert proc.returncode == 1, proc.stderr
    assert "accepting all changes still leaves CSR04 contradicted" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert lint_verdicts(accept_all(out))["CSR04"] == "contradicted"  # the message tells the truth


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_body_only_contradiction_still_exits_zero(tmp_path: Path, lang: str) -> None:
    before, bad, after = CONTRADICTION[lang]
    data = build(lang, extra_body=_p(_run(before + bad + after)))
    proc, out = redline(tmp_path, data)
    assert proc.returncode == 0, proc.stderr
    assert lint_verdicts(accept_all(out))["CSR04"] == "satisfied"


def _field(instruction: str, result: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f"{_run(result)}"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_deleted_field_result_takes_its_field_code_with_it(tmp_path: Path, lang: str) -> None:
    before, bad, after = CONTRADICTION[lang]
    data = build(lang, extra_body=_p(_run(before), _field("DOCPROPERTY SupplyTerms", bad), _run(after)))
    assert lint_verdicts(data)["CSR04"] == "contradicted"
    proc, out = redline(tmp_path, data)
    assert proc.returncode == 0, proc.stderr
    accepted = etree.fromstring(zipfile.ZipFile(io.BytesIO(accept_all(out))).read("word/document.xml"))
    # no empty field left for Word to recompute the deleted words into
    assert accepted.find(f".//{W}fldChar") is None and accepted.find(f".//{W}instrText") is None
    assert lint_verdicts(accept_all(out))["CSR04"] == "satisfied"
    rejected = etree.fromstring(zipfile.ZipFile(io.BytesIO(reject_all(out))).read("word/document.xml"))
    assert [el.text for el in rejected.iter(f"{W}instrText")] == [" DOCPROPERTY SupplyTerms "]
    assert len(rejected.findall(f".//{W}fldChar")) == 3


def test_field_partly_outside_the_deletion_keeps_its_code(tmp_path: Path) -> None:
    before, bad, after = CONTRADICTION["en"]
    data = build("en", extra_body=_p(_run(before + bad + after + " Prices are set out in Schedule "),
                                     _field("DOCPROPERTY Schedule", "B"), _run(".")))
    proc, out = redline(tmp_path, data)
    assert proc.returncode == 0, proc.stderr
    accepted = etree.fromstring(zipfile.ZipFile(io.BytesIO(accept_all(out))).read("word/document.xml"))
    assert len(accepted.findall(f".//{W}fldChar")) == 3  # a field we did not delete is not touched


def test_zip_comment_and_member_compression_are_kept(tmp_path: Path) -> None:
    before, bad, after = CONTRADICTION["en"]
    data = build("en", extra_body=_p(_run(before + bad + after)), comment=b"archived by DMS #42",
                 stored=("_rels/.rels", "word/footnotes.xml"))
    proc, out = redline(tmp_path, data)
    assert proc.returncode == 0, proc.stderr
    src, dst = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(out))
    assert dst.comment == b"archived by DMS #42"
    methods = {i.filename: i.compress_type for i in dst.infolist()}
    for info in src.infolist():
        assert methods[info.filename] == info.compress_type, info.filename
        # the body, and (comments being new) the part list and the body's relationships change
        if info.filename not in ("word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"):
            assert dst.read(info.filename) == src.read(info), info.filename


@pytest.mark.parametrize("signed", [True, False])
def test_signed_draft_gets_a_warning(tmp_path: Path, signed: bool) -> None:
    before, bad, after = CONTRADICTION["zh"]
    proc, _ = redline(tmp_path, build("zh", extra_body=_p(_run(before + bad + after)), signed=signed))
    assert proc.returncode == 0, proc.stderr
    assert ("digital signature" in proc.stderr) is signed
