"""Hand-built documents and matcher results for testing the report formats.

The formatters only read :class:`~cliccheck.verdicts.CheckResult` records, so
they are tested against results constructed here, independent of the
matcher's accuracy. The contract wording below is written for these tests.
"""

from __future__ import annotations

from cliccheck.config import Config
from cliccheck.errors import DocumentError
from cliccheck.model import Block, BlockKind, Document
from cliccheck.report.build import build_document_report, error_report
from cliccheck.report.model import DocumentReport, Report
from cliccheck.verdicts import (
    CheckResult,
    Evidence,
    Finding,
    Party,
    Reason,
    RequirementResult,
    Roles,
    Severity,
    Verdict,
)

SUPPLIER = 'Acme <Systems> & "Partners" Ltd.'

CLAUSES = [
    ("1", "Supply Agreement between Harbour Grid Operations Co. (the \"Customer\") and "
          f"{SUPPLIER} (the \"Vendor\")."),
    ("7.1", "The Vendor shall cooperate with any cybersecurity review conducted by the competent authorities "
            "and shall provide the documents and information they request."),
    ("7.2", "The Vendor will use commercially reasonable efforts not to collect user data beyond what the "
            "Customer authorises in writing."),
    ("9.4", "The Vendor may suspend the supply of products and technical support at any time for any reason "
            "by notice to the Customer."),
    ("第七条", "乙方承诺不利用提供产品和服务的便利条件非法获取用户数据，不得非法控制和操纵用户设备，"
              "不得无正当理由中断产品供应或者必要的技术支持服务。"),
]


def sample_document(path: str = "contracts/acme-supply.txt") -> Document:
    blocks = [Block(text=text, kind=BlockKind.PARAGRAPH, paragraph=i, page=1 + i // 3, section=sec,
                    language="zh" if sec.startswith("第") else "en")
              for i, (sec, text) in enumerate(CLAUSES)]
    doc = Document(path=path, format="text", blocks=blocks, pages=2)
    doc.sha256 = "ab" * 32
    return doc


def _ev(doc: Document, block: int, phrase: str, role: str = "undertaking", marks: tuple[str, ...] = ()) -> Evidence:
    b = doc.blocks[block]
    a = b.text.index(phrase)
    text = phrase
    highlights = [(text.index(m), text.index(m) + len(m)) for m in marks]
    return Evidence(text=text, start=b.start + a, end=b.start + a + len(phrase), block=b.index, page=b.page,
                    section=b.section, paragraph=b.paragraph, language=b.language, role=role,
                    highlights=highlights)


def sample_result(doc: Document) -> CheckResult:
    """CSR01 satisfied, CSR02 weak, CSR03 satisfied (zh) but missing (en), CSR04 contradicted."""
    csr01 = RequirementResult(
        "CSR01", "review-cooperation", Verdict.SATISFIED,
        "the supplier undertakes to cooperate with the cybersecurity review",
        [_ev(doc, 1, doc.blocks[1].text, marks=("shall cooperate", "cybersecurity review"))],
        [Reason("binding-undertaking", "shall cooperate")])
    csr02 = RequirementResult(
        "CSR02", "no-illegal-data-collection", Verdict.WEAK,
        "the undertaking not to collect user data is softened by an efforts qualifier",
        [_ev(doc, 2, doc.blocks[2].text, marks=("commercially reasonable efforts",))],
        [Reason("weakened-by", "commercially reasonable efforts")])
    zh3 = RequirementResult("CSR03", "no-illegal-device-control", Verdict.SATISFIED, "乙方承诺不非法控制用户设备",
                            [_ev(doc, 4, "不得非法控制和操纵用户设备", marks=("不得",))], language="zh")
    en3 = RequirementResult("CSR03", "no-illegal-device-control", Verdict.MISSING,
                            "no undertaking about control of the users' equipment", language="en")
    csr03 = RequirementResult("CSR03", "no-illegal-device-control", Verdict.SATISFIED,
                              "the Chinese version contains the undertaking; the English one does not",
                              list(zh3.evidence), by_language={"zh": zh3, "en": en3})
    csr04 = RequirementResult(
        "CSR04", "no-unjustified-supply-suspension", Verdict.CONTRADICTED,
        "the supplier may suspend supply and support at any time for any reason",
        [_ev(doc, 3, doc.blocks[3].text, role="contradiction", marks=("may suspend", "at any time for any reason")),
         _ev(doc, 4, "不得无正当理由中断产品供应或者必要的技术支持服务", marks=("不得无正当理由中断",))],
        [Reason("contradicted-by", "may suspend … at any time for any reason")])
    findings = [Finding("bilingual-mismatch", Severity.WARNING,
                        "CSR03: Chinese version satisfied, English version missing", requirement="CSR03",
                        evidence=list(zh3.evidence))]
    supplier = Party(name=SUPPLIER, labels={"en": ["Vendor"], "zh": ["乙方"]}, source="definition")
    buyer = Party(name="Harbour Grid Operations Co.", labels={"en": ["Customer"], "zh": ["甲方"]})
    return CheckResult(Roles(supplier, buyer), [csr01, csr02, csr03, csr04], findings, ["en", "zh"])


def sample_doc_report(config: Config | None = None, path: str = "contracts/acme-supply.txt", **kw) -> DocumentReport:
    doc = sample_document(path)
    return build_document_report(doc, sample_result(doc), config or Config(), path=path, **kw)


def sample_report(config: Config | None = None) -> Report:
    """Two documents: the sample contract, and one that could not be read."""
    bad = error_report("contracts/scan.pdf", DocumentError("a PDF without text (a scan): OCR it first",
                                                           code="no-text-layer"))
    return Report([sample_doc_report(config), bad])
