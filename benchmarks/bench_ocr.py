"""OCR accuracy and speed on our own fixture contracts (the README's "Scanned contracts (OCR)").

For every PDF fixture contract with a text layer (zh, en, bilingual), pages are rendered at
150/200/300 dpi, degraded (fixtures/build_ocr.py: noise, ±3° skew, JPEG, a red seal, a phone
photo), made into image-only PDFs and read by cliccheck's PDF reader with OCR. The character
error rate (CER: edit distance / length, NFKC, whitespace ignored) is taken against the text
layer of the same page, per language; verdicts are compared with the text-layer reading
(a false pass: satisfied by OCR where the text layer is not).

Usage::

    .venv/bin/python benchmarks/bench_ocr.py                      # page 1, 200 dpi, every variant
    .venv/bin/python benchmarks/bench_ocr.py --dpi 150 200 300 --variants clean
    .venv/bin/python benchmarks/bench_ocr.py --engines rapidocr tesseract --variants clean
    .venv/bin/python benchmarks/bench_ocr.py --speed --jobs 2     # pages/s beside the bare engine

Each run prints a table and writes JSON with ``--json FILE``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "fixtures"))

import build_ocr  # noqa: E402

from cliccheck.limits import Limits  # noqa: E402
from cliccheck.model import Document  # noqa: E402
from cliccheck.readers import read_document  # noqa: E402
from cliccheck.readers.ocr import OcrOptions  # noqa: E402


def canon(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


def edit_distance(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def body_text(doc: Document, page: int) -> tuple[str, list[float]]:
    """The body text of one page (no running headers or footers) and per-character confidences."""
    text, confs = "", []
    for block in doc.blocks:
        if block.page == page and block.is_body:
            for i, ch in enumerate(block.text):
                if not ch.isspace():
                    text += unicodedata.normalize("NFKC", ch)
                    confs.append(block.ocr.confidences[i] if block.ocr else 1.0)
    return text, confs


def calibration(ocr: str, confs: list[float], truth: str) -> list[tuple[float, bool]]:
    """(confidence, correct) for every OCR character, aligned with the truth."""
    out = []
    matcher = difflib.SequenceMatcher(None, ocr, truth, autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        for i in range(i1, i2):
            if i < len(confs):
                out.append((confs[i], tag == "equal"))
    return out


def verdicts(doc: Document) -> dict[str, str]:
    from cliccheck.matcher import check_document
    from cliccheck.ocr_gate import review_ocr

    result = check_document(doc)
    review_ocr(doc, result)
    return {r.id: str(r.verdict) for r in result.requirements}


def deciding_confidence(doc: Document) -> dict[str, float]:
    """Per requirement satisfied by the matcher alone: the lowest confidence among its deciding words
    (what the ocr-uncertain threshold is compared with)."""
    from cliccheck.matcher import check_document
    from cliccheck.ocr_gate import uncertain_words

    out = {}
    for r in check_document(doc).requirements:
        if str(r.verdict) == "satisfied":
            words = uncertain_words(doc, r.evidence, threshold=1.01)
            out[r.id] = round(min((c for _, c in words), default=1.0), 3)
    return out


#: A loaded benchmark machine must not turn slow pages into errors.
LIMITS = Limits(max_ocr_page_seconds=3600)


def _first_pages(doc: Document, last: int) -> Document:
    """The text-layer reading of the pages that were scanned: the verdicts OCR must reproduce."""
    import copy

    part = copy.deepcopy(doc)
    part.blocks = [b for b in part.blocks if (b.page or 1) <= last]
    part.reindex()
    return part


def accuracy(args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    rows = []
    points: list[tuple[float, bool]] = []
    for name, lang in build_ocr.CONTRACTS.items():
        if args.contracts and name not in args.contracts:
            continue
        pdf = build_ocr.PDF_DIR / f"{name}.pdf"
        truth_doc = read_document(pdf)
        pages = list(range(1, min(args.pages, build_ocr.page_count(pdf)) + 1))
        truth_verdicts = verdicts(_first_pages(truth_doc, pages[-1])) if args.verdicts else {}
        for engine in args.engines:
            for dpi in args.dpi:
                for variant in args.variants:
                    images = [build_ocr.degrade(build_ocr.render(pdf, n, dpi), variant, seed=n, dpi=dpi)
                              for n in pages]
                    scan = build_ocr.image_pdf(images, dpi)
                    options = OcrOptions(mode="auto", dpi=dpi, engine=engine, jobs=args.jobs)
                    started = time.perf_counter()
                    doc = read_document(scan, filename=f"{name}-{dpi}-{variant}.pdf", ocr=options, limits=LIMITS)
                    seconds = time.perf_counter() - started
                    # the scanned pages as one text: a paragraph that runs on to the next page is one
                    # text-layer block, so per-page texts would not line up
                    truth = canon("".join(body_text(truth_doc, n)[0] for n in pages))
                    got = "".join(body_text(doc, n)[0] for n in pages)
                    confs = [c for n in pages for c in body_text(doc, n)[1]]
                    errors = edit_distance(canon(got), truth)
                    length = len(truth)
                    points += calibration(got, confs, truth)
                    row = {"contract": name, "lang": lang, "engine": engine, "dpi": dpi, "variant": variant,
                           "pages": len(pages), "cer": errors / max(length, 1), "seconds": seconds,
                           "seals": len(doc.seals)}
                    if args.verdicts and engine == "rapidocr":
                        got_verdicts = verdicts(doc)
                        row["verdicts_same"] = got_verdicts == truth_verdicts
                        row["false_pass"] = [k for k, v in got_verdicts.items()
                                             if v == "satisfied" and truth_verdicts.get(k) != "satisfied"]
                        row["verdicts"] = got_verdicts
                        row["deciding_confidence"] = deciding_confidence(doc)
                    rows.append(row)
                    print(json.dumps(row, ensure_ascii=False), flush=True)
    thresholds = [0.5, 0.6, 0.7, 0.8, 0.9]
    wrong = [c for c, ok in points if not ok]
    right = [c for c, ok in points if ok]
    calib = {str(t): {"wrong_below": sum(c < t for c in wrong) / max(len(wrong), 1),
                      "right_below": sum(c < t for c in right) / max(len(right), 1)} for t in thresholds}
    return {"rows": rows, "calibration": calib, "wrong_chars": len(wrong), "right_chars": len(right)}


def speed(args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    """Pages per second: cliccheck's OCR reading (jobs 1 and --jobs) beside the bare engine."""
    import numpy as np

    pdf = build_ocr.PDF_DIR / "zh_contract_ttf.pdf"
    images = [build_ocr.render(pdf, n, 200) for n in range(1, build_ocr.page_count(pdf) + 1)]
    images = (images * 2)[: args.speed_pages]
    scan = build_ocr.image_pdf(images, 200)
    from rapidocr_onnxruntime import RapidOCR

    bare = RapidOCR()
    bare(np.asarray(images[0]))  # warm up
    started = time.perf_counter()
    for image in images:
        bare(np.asarray(image))
    bare_rate = len(images) / (time.perf_counter() - started)
    out = {"pages": len(images), "bare_engine_pages_per_s": bare_rate}
    for jobs in sorted({1, args.jobs}):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "scan.pdf"
            path.write_bytes(scan)
            started = time.perf_counter()
            proc = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(jobs)], capture_output=True,
                                  text=True, check=True)
            wall = time.perf_counter() - started
            child = json.loads(proc.stdout)
        out[f"jobs{jobs}"] = {"pages_per_s": len(images) / child["seconds"], "wall_with_startup_s": wall,
                              "peak_rss_mb": child["rss_mb"]}
    print(json.dumps(out, indent=1))
    return out


_CHILD = """
import json, resource, sys, time
from cliccheck.readers import read_document
from cliccheck.limits import Limits
from cliccheck.readers.ocr import OcrOptions, get_engine
jobs = int(sys.argv[2])
get_engine('rapidocr', 1 if jobs > 1 else 0)  # models loaded before the clock starts (the others load lazily)
t = time.perf_counter()
doc = read_document(sys.argv[1], ocr=OcrOptions(jobs=jobs), limits=Limits(max_ocr_page_seconds=3600))
print(json.dumps({"seconds": time.perf_counter() - t,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contracts", nargs="*", default=None)
    parser.add_argument("--pages", type=int, default=1, help="first N pages of each contract")
    parser.add_argument("--dpi", type=int, nargs="*", default=[200])
    parser.add_argument("--variants", nargs="*", default=list(build_ocr.VARIANTS))
    parser.add_argument("--engines", nargs="*", default=["rapidocr"])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--verdicts", action="store_true", help="also compare verdicts with the text layer")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--speed-pages", type=int, default=4)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    result = speed(args) if args.speed else accuracy(args)
    if not args.speed:
        print(json.dumps({k: v for k, v in result.items() if k != "rows"}, indent=1))
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["load_average"] = os.getloadavg()
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
