"""OCR accuracy and speed on our own fixture contracts (the README's "Scanned contracts (OCR)").

For every PDF fixture contract with a text layer (zh, en, bilingual), pages are rendered at
150/200/300 dpi, degraded (fixtures/build_ocr.py: noise, ±3° skew, JPEG, a red seal, a phone
photo), made into image-only PDFs and read by cliccheck's PDF reader with OCR. The character
error rate (CER: edit distance / length, NFKC, whitespace ignored) is taken against the text
layer of the same page, per language; verdicts are compared with the text-layer reading
(a false pass: satisfied by OCR where the text layer is not).

Usage::

    .venv/bin/python benchmarks/bench_ocr.py                      # page 1, 200 dpi, every variant
    .venv/bin/python benchmarks/bench_ocr.py --pages 0 --verdicts # every page of every fixture contract,
                                                                  # every variant: the README's table
    .venv/bin/python benchmarks/bench_ocr.py --summarize a.json b.json   # that table from saved runs
    .venv/bin/python benchmarks/bench_ocr.py --layouts --verdicts --variants clean noise skew+3
                                                                  # two-column and table pages
    .venv/bin/python benchmarks/bench_ocr.py --dpi 150 200 300 --variants clean
    .venv/bin/python benchmarks/bench_ocr.py --engines rapidocr tesseract --variants clean
    .venv/bin/python benchmarks/bench_ocr.py --speed --dpi 150 200 300 --jobs 2   # pages/s, peak RSS,
                                                                  # beside the bare engine

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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "fixtures"))

import build_layouts  # noqa: E402
import build_ocr  # noqa: E402

from cliccheck.limits import Limits  # noqa: E402
from cliccheck.model import Document  # noqa: E402
from cliccheck.ocr_eval import canon, edit_distance, verdicts  # noqa: E402 - also used by the tests
from cliccheck.readers import read_document  # noqa: E402
from cliccheck.readers.ocr import OcrOptions  # noqa: E402


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


def _is_zh(ch: str) -> bool:
    """A Chinese character or full-width CJK punctuation (what the zh CER counts)."""
    return "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"


def cer_by_language(got: str, truth: str) -> dict[str, dict[str, float]]:
    """CER per language: the Chinese characters of both texts against each other, and the rest
    (Latin letters, digits, ASCII punctuation) likewise, so a bilingual contract is scored per
    language and an English page is not flattered by its Chinese one or the other way round."""
    out = {}
    for lang, keep in (("zh", _is_zh), ("en", lambda ch: not _is_zh(ch))):
        t = "".join(ch for ch in truth if keep(ch))
        if t:
            errors = edit_distance("".join(ch for ch in got if keep(ch)), t)
            out[lang] = {"chars": len(t), "errors": errors, "cer": round(errors / len(t), 5)}
    return out


def spaced_text(doc: Document, page: int) -> tuple[str, list[float | None]]:
    """The body text of one page with its spaces (runs of whitespace as one space, NFKC where it
    keeps the length) and per-character confidences; the space put between two blocks has none (it
    was not read)."""
    text, confs = "", []  # type: ignore[var-annotated]
    for block in doc.blocks:
        if block.page != page or not block.is_body:
            continue
        if text and not text.endswith(" "):
            text += " "
            confs.append(None)
        for i, ch in enumerate(block.text):
            conf = block.ocr.confidences[i] if block.ocr and i < len(block.ocr.confidences) else 1.0
            if ch.isspace():
                if text.endswith(" "):
                    confs[-1] = conf if confs[-1] is None else min(confs[-1], conf)
                    continue
                ch = " "
            norm = unicodedata.normalize("NFKC", ch)
            text += norm if len(norm) == 1 else ch
            confs.append(conf)
    return text, confs


def char_class(ch: str) -> str:
    """The class a character's confidence is calibrated in: Chinese, Latin letter, space, other."""
    if ch == " ":
        return "space"
    if _is_zh(ch):
        return "zh"
    return "latin" if ch.isascii() and ch.isalpha() else "other"


def calibration(ocr: str, confs: list[float | None], truth: str) -> list[tuple[str, float, bool]]:
    """(class, confidence, correct) for every OCR character, aligned with the truth (whitespace as one
    space). Only substitutions, insertions and deletions of up to 3 characters count as misreads: a
    longer difference is a paragraph the layout put elsewhere, not a misread character."""
    out = []
    truth = " ".join(truth.split())
    matcher = difflib.SequenceMatcher(None, ocr, truth, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal" and max(i2 - i1, j2 - j1) > 3:
            continue
        for i in range(i1, i2):
            conf = confs[i] if i < len(confs) else None
            if conf is not None:
                out.append((char_class(ocr[i]), conf, tag == "equal"))
    return out


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


def _sources(args: argparse.Namespace, tmp: Path) -> list[tuple[str, str, Path, str | None]]:
    """(name, language, PDF, ground truth) of what to measure: the fixture contracts (truth: their text
    layer, ``None`` here), or with ``--layouts`` the two-column and table pages of
    ``fixtures/build_layouts.py``, built into ``tmp`` (truth: the text the generator drew, in reading
    order, since the PDF reader's text layer reads a ruled table's cells as two columns)."""
    if not args.layouts:
        return [(name, lang, build_ocr.PDF_DIR / f"{name}.pdf", None) for name, lang in build_ocr.CONTRACTS.items()
                if not args.contracts or name in args.contracts]
    out = []
    for name, lang in build_layouts.LAYOUTS.items():
        if args.contracts and name not in args.contracts:
            continue
        pdf, truth = build_layouts.build(name)
        (tmp / f"{name}.pdf").write_bytes(pdf)
        out.append((name, lang, tmp / f"{name}.pdf", " ".join(truth)))
    return out


def accuracy(args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as tmp:
        return _accuracy(args, _sources(args, Path(tmp)))


def _accuracy(args: argparse.Namespace, sources: list[tuple[str, str, Path, str | None]]) -> dict:  # type: ignore[type-arg]
    rows = []
    points: list[tuple[str, float, bool]] = []
    for name, lang, pdf, drawn in sources:
        truth_doc = read_document(pdf)
        count = build_ocr.page_count(pdf)
        pages = list(range(1, (min(args.pages, count) if args.pages else count) + 1))
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
                    truth = canon(drawn) if drawn else canon("".join(body_text(truth_doc, n)[0] for n in pages))
                    got = "".join(body_text(doc, n)[0] for n in pages)
                    errors = edit_distance(canon(got), truth)
                    length = len(truth)
                    spaced = [spaced_text(doc, n) for n in pages]
                    spaced_truth = drawn or " ".join(spaced_text(truth_doc, n)[0] for n in pages)
                    points += calibration(" ".join(t for t, _ in spaced), [c for _, cs in spaced for c in [*cs, None]][:-1],
                                          spaced_truth)
                    row = {"contract": name, "lang": lang, "engine": engine, "dpi": dpi, "variant": variant,
                           "pages": len(pages), "cer": errors / max(length, 1), "seconds": seconds,
                           "seals": len(doc.seals), "by_language": cer_by_language(canon(got), truth)}
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
    calib: dict[str, Any] = {}
    for cls in ("zh", "latin", "space", "other"):
        wrong = [c for k, c, ok in points if k == cls and not ok]
        right = [c for k, c, ok in points if k == cls and ok]
        calib[cls] = {"wrong": len(wrong), "right": len(right),
                      **{str(t): {"wrong_below": round(sum(c < t for c in wrong) / max(len(wrong), 1), 4),
                                  "right_below": round(sum(c < t for c in right) / max(len(right), 1), 4)}
                         for t in thresholds}}
    return {"rows": rows, "calibration": calib}


def summary(rows: list[dict[str, Any]], max_cer: float = 0.03) -> str:
    """The README's table: per contract and variant the CER per language and the verdicts against the
    text layer; then per language and variant over all contracts; then the targets, met or missed."""
    lines = ["| contract | variant | CER | CER Chinese characters | CER Latin letters, digits | "
             "verdicts CSR01–04 (OCR) | same as text layer | false passes |", "|---|---|---|---|---|---|---|---|"]
    short = {"satisfied": "S", "weak": "W", "missing": "M", "contradicted": "C"}
    for row in rows:
        by = row.get("by_language", {})
        cers = [f"{by[lang]['cer']:.2%}" if lang in by else "—" for lang in ("zh", "en")]
        shown = "".join(short.get(v, "?") for v in row.get("verdicts", {}).values()) or "—"
        same = {True: "yes", False: "no"}.get(row.get("verdicts_same"), "—")
        lines.append(f"| {row['contract']} | {row['variant']} | {row['cer']:.2%} | {cers[0]} | {cers[1]} | {shown} | {same} | "
                     f"{len(row.get('false_pass', []))} |")
    lines += ["", "| script (zh: Chinese characters, en: the rest) | variant | characters | CER |", "|---|---|---|---|"]
    totals: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        for lang, c in row.get("by_language", {}).items():
            t = totals.setdefault((lang, row["variant"]), [0, 0])
            t[0] += c["chars"]
            t[1] += c["errors"]
    for (lang, variant), (chars, errors) in sorted(totals.items()):
        lines.append(f"| {lang} | {variant} | {chars} | {errors / max(chars, 1):.2%} |")
    degraded = {k: v[1] / max(v[0], 1) for k, v in totals.items() if k[1] != "clean"}
    worst = max(degraded.items(), key=lambda kv: kv[1], default=None)
    false_passes = sum(len(row.get("false_pass", [])) for row in rows)
    lines.append("")
    if worst:
        lines.append(f"target CER <= {max_cer:.0%} on degraded variants: {'met' if worst[1] <= max_cer else 'MISSED'} "
                     f"(worst {worst[0][0]} {worst[0][1]} {worst[1]:.2%})")
    per_doc = [(c["cer"], row["contract"], row["variant"], lang) for row in rows if row["variant"] != "clean"
               for lang, c in row.get("by_language", {}).items()]
    if per_doc:
        cer, contract, variant, lang = max(per_doc)
        lines.append(f"  per document and language: {'met' if cer <= max_cer else 'MISSED'} "
                     f"(worst {contract} {variant} {lang} {cer:.2%})")
    lines.append(f"target no false pass: {'met' if not false_passes else 'MISSED'} ({false_passes} false passes "
                 f"over {len(rows)} readings)")
    return "\n".join(lines)


def speed(args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    """Pages per second and peak memory, per page size: cliccheck's OCR reading (``--jobs 1`` and
    ``--jobs N``) beside the bare engine (``RapidOCR()`` with its defaults on the same rendered
    pages), each in a fresh process, interleaved so that the machine's load hits both alike.
    ``--before DIR`` also runs another checkout's cliccheck (e.g. ``git worktree add DIR main``)
    on the same pages."""
    pdf = build_ocr.PDF_DIR / args.speed_contract
    numbers = list(range(1, build_ocr.page_count(pdf) + 1))
    numbers = (numbers * args.speed_pages)[: args.speed_pages]
    out: dict[str, Any] = {"contract": args.speed_contract, "pages": len(numbers), "sizes": []}
    with tempfile.TemporaryDirectory() as tmp:
        for dpi in args.dpi:
            images = [build_ocr.render(pdf, n, dpi) for n in numbers]
            pngs = []
            for i, image in enumerate(images):
                pngs.append(Path(tmp) / f"page{dpi}-{i}.png")
                image.save(pngs[-1])
            scan = Path(tmp) / f"scan{dpi}.pdf"
            scan.write_bytes(build_ocr.image_pdf(images, dpi))
            row: dict[str, Any] = {"dpi": dpi, "pixels": f"{images[0].width}x{images[0].height}"}
            runs = [("bare", [_BARE, *map(str, pngs)], None)]
            runs += [(f"jobs{j}", [_CHILD, str(scan), str(j), str(dpi)], None) for j in sorted({1, args.jobs})]
            if args.before:
                runs.append(("before_jobs1", [_CHILD, str(scan), "1", str(dpi)], args.before))
            for label, argv, root in runs:
                env = dict(os.environ, PYTHONPATH=str(root or ROOT))
                proc = subprocess.run([sys.executable, "-c", *argv], capture_output=True, text=True, check=True,
                                      env=env, cwd=tmp)
                child = json.loads(proc.stdout.strip().splitlines()[-1])
                row[label] = {"pages_per_s": round(len(images) / child["seconds"], 4),
                              "seconds_per_page": round(child["seconds"] / len(images), 2),
                              "peak_rss_mb": round(child["rss_mb"]), "loaded_rss_mb": round(child["loaded_mb"])}
                if "code" in child:
                    row[label]["code"] = str(Path(child["code"]).parent.parent)
                print(dpi, label, row[label], flush=True)
            bare = row["bare"]["pages_per_s"]
            for label in row:
                if isinstance(row[label], dict) and label != "bare":
                    row[label]["vs_bare"] = round(row[label]["pages_per_s"] / bare, 2)
            out["sizes"].append(row)
    print(json.dumps(out, indent=1))
    return out


#: The bare engine: rapidocr's own pipeline with its defaults, on the rendered page images.
_BARE = """
import json, resource, sys, time
import numpy as np
from PIL import Image
from rapidocr_onnxruntime import RapidOCR
engine = RapidOCR()
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
for path in sys.argv[1:]:
    engine(np.asarray(Image.open(path).convert("RGB")))
print(json.dumps({"seconds": time.perf_counter() - t, "loaded_mb": loaded,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

#: cliccheck reading the image-only PDF (render, seals, skew, recognition, layout), models loaded
#: before the clock starts.
_CHILD = """
import json, resource, sys, time
from cliccheck.readers import read_document
from cliccheck.limits import Limits
from cliccheck.readers.ocr import OcrOptions, get_engine
jobs, dpi = int(sys.argv[2]), int(sys.argv[3])
get_engine('rapidocr', 1 if jobs > 1 else 0)
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
doc = read_document(sys.argv[1], ocr=OcrOptions(jobs=jobs, dpi=dpi), limits=Limits(max_ocr_page_seconds=3600))
import cliccheck
print(json.dumps({"seconds": time.perf_counter() - t, "loaded_mb": loaded, "code": cliccheck.__file__,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contracts", nargs="*", default=None)
    parser.add_argument("--pages", type=int, default=1,
                        help="first N pages of each contract (0: every page, the whole document)")
    parser.add_argument("--dpi", type=int, nargs="*", default=[200])
    parser.add_argument("--variants", nargs="*", default=list(build_ocr.VARIANTS))
    parser.add_argument("--engines", nargs="*", default=["rapidocr"])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--verdicts", action="store_true", help="also compare verdicts with the text layer")
    parser.add_argument("--layouts", action="store_true",
                        help="measure the two-column and table pages of fixtures/build_layouts.py instead")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--speed-pages", type=int, default=2, help="pages per size for --speed")
    parser.add_argument("--speed-contract", default="zh_contract_ttf.pdf")
    parser.add_argument("--before", type=Path, default=None,
                        help="--speed: also time the cliccheck of this checkout (e.g. a worktree of main)")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--summarize", type=Path, nargs="*", default=None,
                        help="print the table of earlier --json results (no OCR is run)")
    args = parser.parse_args()
    if args.summarize:
        rows = [row for path in args.summarize for row in json.loads(path.read_text(encoding="utf-8"))["rows"]]
        print(summary(rows))
        return
    result = speed(args) if args.speed else accuracy(args)
    if not args.speed:
        print(json.dumps({k: v for k, v in result.items() if k != "rows"}, indent=1))
        print(summary(result["rows"]))
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["load_average"] = os.getloadavg()
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
