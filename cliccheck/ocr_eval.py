"""How well OCR reads contracts whose true text is known (``cliccheck eval --ocr``).

Every PDF with a text layer is its own ground truth: its pages are rendered to images at each
dpi asked for, made into an image-only PDF (a scan), and read back through the normal reader
with OCR. Reported per document and per language: the character error rate (CER: edit
distance / length of the text layer's body text, NFKC, whitespace ignored, running headers and
footers left out) and whether the verdicts after the OCR rules equal the text layer's. A
*false pass* — a requirement satisfied on the scan that the text layer does not satisfy — is
the one error that must never happen.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DocumentError
from .limits import Limits
from .model import Document


def canon(text: str) -> str:
    """Text as CER compares it: NFKC, no whitespace."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions and substitutions cost 1)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def body_text(doc: Document) -> str:
    return "".join(block.text for block in doc.blocks if block.is_body)


def verdicts(doc: Document) -> dict[str, str]:
    """Requirement verdicts after the matcher and the OCR rules (nothing changes without OCR)."""
    from .matcher import check_document
    from .ocr_gate import review_ocr

    result = check_document(doc)
    review_ocr(doc, result)
    return {r.id: str(r.verdict) for r in result.requirements}


def scan_of(pdf: bytes, dpi: int) -> bytes:
    """The PDF's pages rendered at ``dpi`` into an image-only PDF, as a scanner would make it."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                images.append(page.render(scale=dpi / 72).to_pil().convert("RGB"))
            finally:
                page.close()
    finally:
        document.close()
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
    return buf.getvalue()


@dataclass(slots=True)
class OcrCase:
    """One document at one dpi."""

    path: str
    language: str
    dpi: int
    pages: int
    chars: int  # of the text layer's body text
    errors: int  # edit distance
    truth: dict[str, str]
    read: dict[str, str]
    seconds: float

    @property
    def cer(self) -> float:
        return self.errors / max(self.chars, 1)

    @property
    def same_verdicts(self) -> bool:
        return self.read == self.truth

    @property
    def false_passes(self) -> list[str]:
        return [k for k, v in self.read.items() if v == "satisfied" and self.truth.get(k) != "satisfied"]

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "language": self.language, "dpi": self.dpi, "pages": self.pages,
                "chars": self.chars, "cer": round(self.cer, 5), "same_verdicts": self.same_verdicts,
                "false_passes": self.false_passes, "verdicts_text_layer": self.truth, "verdicts_ocr": self.read,
                "seconds": round(self.seconds, 1)}


@dataclass(slots=True)
class OcrEval:
    cases: list[OcrCase] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)

    def by_language(self) -> dict[tuple[str, int], dict[str, Any]]:
        out: dict[tuple[str, int], dict[str, Any]] = {}
        for case in self.cases:
            row = out.setdefault((case.language, case.dpi), {"documents": 0, "chars": 0, "errors": 0,
                                                             "same_verdicts": 0, "false_passes": 0})
            row["documents"] += 1
            row["chars"] += case.chars
            row["errors"] += case.errors
            row["same_verdicts"] += case.same_verdicts
            row["false_passes"] += len(case.false_passes)
        for row in out.values():
            row["cer"] = round(row["errors"] / max(row["chars"], 1), 5)
        return out

    def false_passes(self) -> int:
        return sum(len(case.false_passes) for case in self.cases)

    def to_dict(self) -> dict[str, Any]:
        return {"cases": [c.to_dict() for c in self.cases],
                "by_language": [{"language": lang, "dpi": dpi, **row} for (lang, dpi), row in self.by_language().items()],
                "false_passes": self.false_passes(),
                "skipped": [{"path": p, "reason": why} for p, why in self.skipped]}


def pdfs_under(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for path in map(Path, paths):
        out += sorted(path.rglob("*.pdf")) if path.is_dir() else [path]
    return out


def evaluate_ocr(paths: Iterable[str | Path], dpis: Iterable[int] = (200,), limits: Limits | None = None) -> OcrEval:
    """Score OCR on every PDF under ``paths`` that has a text layer (the others are skipped)."""
    import time

    from .readers import read_document
    from .readers.ocr import OcrOptions

    limits = limits or Limits()
    result = OcrEval()
    for path in pdfs_under(paths):
        try:
            truth = read_document(path, ocr=OcrOptions(mode="never"), limits=limits)
        except DocumentError as exc:
            result.skipped.append((str(path), f"[{exc.code}] {exc.message}"))
            continue
        truth_text = canon(body_text(truth))
        truth_verdicts = verdicts(truth)
        for dpi in dpis:
            started = time.perf_counter()
            scan = read_document(scan_of(path.read_bytes(), dpi), filename=f"{path.name} at {dpi} dpi",
                                 ocr=OcrOptions(mode="auto", dpi=dpi), limits=limits)
            result.cases.append(OcrCase(str(path), truth.language, dpi, truth.pages or 0, len(truth_text),
                                        edit_distance(canon(body_text(scan)), truth_text), truth_verdicts,
                                        verdicts(scan), time.perf_counter() - started))
    return result


def format_ocr_text(result: OcrEval, lang: str = "en") -> str:
    """Each document's character error rate and verdicts read by OCR, then per language and resolution, in
    ``lang`` (paths, codes and verdicts as they are)."""
    from .i18n import t

    lines = [t("eval.ocr.head", lang), ""]
    sep = "，" if lang == "zh" else ", "
    for case in result.cases:
        verdict = t("eval.ocr.same", lang) if case.same_verdicts else t("eval.ocr.differ", lang, changes=sep.join(
            f"{k} {case.truth.get(k)}→{v}" for k, v in case.read.items() if case.truth.get(k) != v))
        flag = t("eval.ocr.false-pass", lang, rules=", ".join(case.false_passes)) if case.false_passes else ""
        lines.append(t("eval.ocr.case", lang, path=case.path, lang=case.language, dpi=case.dpi, pages=case.pages,
                       cer=f"{case.cer:.2%}", verdict=verdict, flag=flag))
    lines.append("")
    for (version, dpi), row in result.by_language().items():
        lines.append(t("eval.ocr.row", lang, lang=version, dpi=dpi, documents=row["documents"], cer=f"{row['cer']:.2%}",
                       same=row["same_verdicts"], false=row["false_passes"]))
    for path, why in result.skipped:
        lines.append(t("eval.ocr.skipped", lang, path=path, why=why))
    return "\n".join(lines)
