#!/usr/bin/env python3
"""Peak memory and wall time of `cliccheck lint` on the hostile resource shapes of issue 9 §3.

Generates a corpus of the shapes that broke the 500 MB / 10 s bounds, runs
each through ``cliccheck lint FILE --format json --jobs 1`` in its own
subprocess and measures it with ``os.wait4`` (the child's peak RSS, including
the worker process it reaped) and a wall clock. Beside each, from the same
run, a bare baseline: the interpreter importing cliccheck, and the same file
read by the bare library (python-docx, pypdfium2, or ``open().read()``), so a
figure can be judged against what merely opening the file costs here.

The shapes:
  docx-open-comments   a DOCX with 20,000 comment ranges that are never closed
  text-60mb-line       60 MB of text on one line
  pdf-100mb-stream     a PDF whose one content stream inflates to 100 MB
  pdf-million-objects  a ~100 KB PDF with a million tiny text objects
  text-trigger-sentence one long sentence full of trigger words
  docx-large, pdf-large ordinary contracts of many pages

Usage::

    .venv/bin/python benchmarks/bench_resources.py           # full sizes, writes benchmarks/results/
    .venv/bin/python benchmarks/bench_resources.py --quick   # smaller ordinary/trigger cases
    .venv/bin/python benchmarks/bench_resources.py --only pdf-100mb-stream
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
MAX_SECONDS = 10.0
MAX_RSS_MB = 500.0
CLAUSE = ("The Supplier shall cooperate with the cybersecurity review and shall not illegally obtain user data, "
          "illegally control or manipulate user equipment, or interrupt product supply or necessary technical "
          "support without justifiable reason. ")
ORDINARY = ("The Customer shall pay each undisputed invoice within thirty days of receipt, and the Vendor shall "
            "deliver the equipment to the site named in the purchase order in good working condition. ")
TRIGGERS = ("the Supplier may suspend supply and may stop technical support and may collect user data and may "
            "remotely control devices at any time for any reason and may terminate service, ")


# -- corpus ---------------------------------------------------------------------------------------

_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       'wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(path: Path, body: str) -> None:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
                f"<w:body>{body}</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", document)


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def docx_open_comments(path: Path, quick: bool) -> None:
    """20,000 commentRangeStart elements, none ever closed, each before a short run."""
    ranges = "".join(f'<w:p><w:commentRangeStart w:id="{i}"/><w:r><w:t>Clause {i}.</w:t></w:r></w:p>'
                     for i in range(20_000))
    _docx(path, _para(CLAUSE) + ranges)


def docx_large(path: Path, quick: bool) -> None:
    paragraphs = 2_000 if quick else 12_000  # about 60 words each: ~40 / ~240 pages
    _docx(path, _para(CLAUSE) + "".join(_para(f"{n}. {ORDINARY}") for n in range(paragraphs)))


def _pdf(path: Path, pages: list[bytes]) -> None:
    """A minimal PDF: one Helvetica font, one Flate content stream per page."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 "
                            b"/BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for content in pages:
        packed = zlib.compress(content, 6)
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
                       b">> >> /Contents %d 0 R >>" % (len(objects)))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def _text_page(lines: list[str]) -> bytes:
    ops = [b"BT /F1 10 Tf 50 800 Td 12 TL"]
    for line in lines:
        ops.append(b"(" + line.encode("latin-1").replace(b"(", b"[").replace(b")", b"]") + b") '")
    ops.append(b"ET")
    return b"\n".join(ops)


def _wrap(text: str, width: int = 95) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def pdf_100mb_stream(path: Path, quick: bool) -> None:
    """One page whose content stream inflates to 100 MB of line drawing with varied coordinates
    (compressing a few times, so it stays under max_compression_ratio and reaches the reader)."""
    import random

    rng = random.Random(9)
    numbers = [str(n).encode() for n in range(1000)]
    ops: list[bytes] = []
    size = 0
    while size < 100 * 1024 * 1024:
        a, b, c, d = rng.choices(numbers, k=4)
        op = b"%s %s m %s %s l S\n" % (a, b, c, d)
        ops.append(op)
        size += len(op)
    _pdf(path, [_text_page(_wrap(CLAUSE)) + b"\n" + b"".join(ops)])


def pdf_million_objects(path: Path, quick: bool) -> None:
    """A million BT/ET text objects of one character each, in one stream."""
    head = _text_page(_wrap(CLAUSE))
    tiny = b"BT /F1 1 Tf 10 10 Td (a) Tj ET\n" * 1_000_000
    _pdf(path, [head + b"\n" + tiny])


def pdf_large(path: Path, quick: bool) -> None:
    pages_count = 60 if quick else 400
    lines = _wrap(CLAUSE + ORDINARY * 6)
    body = [_wrap(f"{n}. {ORDINARY * 6}") for n in range(pages_count * 4)]
    pages = [_text_page(lines)] + [_text_page([ln for para in body[i:i + 4] for ln in para])
                                   for i in range(0, len(body), 4)]
    _pdf(path, pages)


def text_60mb_line(path: Path, quick: bool) -> None:
    chunk = ORDINARY.encode()
    with path.open("wb") as fh:
        fh.write(CLAUSE.encode())
        written = 0
        while written < 60 * 1024 * 1024:
            fh.write(chunk)
            written += len(chunk)


def text_trigger_sentence(path: Path, quick: bool) -> None:
    size = 20_000 if quick else 100_000
    sentence = (TRIGGERS * (size // len(TRIGGERS) + 1))[:size]
    path.write_text(CLAUSE + "\n\n" + sentence + ".\n", encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Shape:
    name: str
    suffix: str
    build: Callable[[Path, bool], None]


SHAPES = [
    Shape("docx-open-comments", ".docx", docx_open_comments),
    Shape("text-60mb-line", ".txt", text_60mb_line),
    Shape("pdf-100mb-stream", ".pdf", pdf_100mb_stream),
    Shape("pdf-million-objects", ".pdf", pdf_million_objects),
    Shape("text-trigger-sentence", ".txt", text_trigger_sentence),
    Shape("docx-large", ".docx", docx_large),
    Shape("pdf-large", ".pdf", pdf_large),
]


# -- measuring ------------------------------------------------------------------------------------

BARE_READERS = {
    ".docx": "import docx,sys; d=docx.Document(sys.argv[1]); n=sum(len(p.text) for p in d.paragraphs)",
    ".pdf": ("import pypdfium2 as p,sys; d=p.PdfDocument(sys.argv[1]); "
             "n=sum(len(d[i].get_textpage().get_text_range()) for i in range(len(d)))"),
    ".txt": "import sys; n=len(open(sys.argv[1],'rb').read().decode('utf-8'))",
}


def measure(cmd: list[str], timeout: float) -> dict[str, object]:
    """Run ``cmd``; its exit code, wall seconds and output (the wrapper below adds peak RSS)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        timed_out = True
    seconds = time.perf_counter() - started
    return {"rc": proc.returncode, "seconds": round(seconds, 2), "timed_out": timed_out,
            "stdout": out.decode("utf-8", "replace"), "stderr": err.decode("utf-8", "replace")[-400:]}


_WRAPPER = """
import json, os, subprocess, sys, time
t = time.perf_counter()
p = subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
import threading
outs = {}
def drain(name, stream):
    outs[name] = stream.read()
threads = [threading.Thread(target=drain, args=(n, s)) for n, s in (("out", p.stdout), ("err", p.stderr))]
for th in threads: th.start()
timeout = float(sys.argv[1])
deadline = time.monotonic() + timeout
status = rusage = None
timed_out = False
while True:
    pid, status, rusage = os.wait4(p.pid, os.WNOHANG)
    if pid: break
    if time.monotonic() > deadline and not timed_out:
        timed_out = True
        p.kill()  # its workers die with it
    time.sleep(0.02)
for th in threads: th.join()
print(json.dumps({"rc": os.waitstatus_to_exitcode(status), "seconds": round(time.perf_counter() - t, 2),
                  "rss_mb": round(rusage.ru_maxrss / 1024, 1), "timed_out": timed_out,
                  "stdout": outs.get("out", b"").decode("utf-8", "replace"),
                  "stderr": outs.get("err", b"")[-400:].decode("utf-8", "replace")}))
"""


def run_measured(cmd: list[str], timeout: float) -> dict[str, object]:
    """``cmd`` under a wrapper that reaps it with ``os.wait4``: that child's own peak RSS."""
    result = measure([sys.executable, "-c", _WRAPPER, str(timeout), *cmd], timeout + 30)
    try:
        return json.loads(str(result["stdout"]).strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {"rc": None, "seconds": result["seconds"], "rss_mb": None, "timed_out": True,
                "stderr": result["stderr"]}


def _lint_outcome(stdout: str) -> str:
    try:
        doc = json.loads(stdout)["documents"][0]
    except (ValueError, KeyError, IndexError):
        return "?"
    if doc["status"] == "error":
        return f"error:{doc['error']['code']}"
    return "pass" if doc["passed"] else "fail"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller ordinary and trigger-sentence cases")
    parser.add_argument("--only", action="append", default=[], metavar="SHAPE", help="run only these shapes")
    parser.add_argument("--timeout", type=float, default=None,
                        help="lint --timeout per document (default 60 s, 20 s with --quick): a shape that "
                             "runs into it is over the 10 s bound anyway")
    parser.add_argument("--out", type=Path, default=None, help="results JSON (default: benchmarks/results/)")
    args = parser.parse_args(argv)
    if args.timeout is None:
        args.timeout = 20.0 if args.quick else 60.0
    cliccheck = [sys.executable, "-m", "cliccheck"]
    shapes = [s for s in SHAPES if not args.only or s.name in args.only]
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="cliccheck-bench-") as tmp:
        import_base = run_measured([sys.executable, "-c", "import cliccheck"], 60)
        print(f"baseline `python -c 'import cliccheck'`: {import_base['rss_mb']} MB, {import_base['seconds']} s")
        print(f"{'shape':24} {'size':>9} {'outcome':>18} {'s':>7} {'MB':>7} | {'bare s':>7} {'bare MB':>8}  ok")
        for shape in shapes:
            path = Path(tmp) / f"{shape.name}{shape.suffix}"
            shape.build(path, args.quick)
            lint = run_measured([*cliccheck, "lint", str(path), "--format", "json", "--jobs", "1",
                                 "--timeout", f"{args.timeout:g}"], args.timeout + 60)
            bare = run_measured([sys.executable, "-c", BARE_READERS[shape.suffix], str(path)], args.timeout)
            outcome = _lint_outcome(str(lint.get("stdout", "")))
            ok = (lint["rss_mb"] is not None and float(lint["rss_mb"]) <= MAX_RSS_MB  # type: ignore[arg-type]
                  and float(lint["seconds"]) <= MAX_SECONDS)  # type: ignore[arg-type]
            row = {"shape": shape.name, "bytes": path.stat().st_size, "outcome": outcome,
                   "seconds": lint["seconds"], "rss_mb": lint["rss_mb"], "rc": lint["rc"],
                   "bare_seconds": bare["seconds"], "bare_rss_mb": bare["rss_mb"], "bare_rc": bare["rc"],
                   "bare_timed_out": bare["timed_out"],
                   "within_bounds": ok}
            rows.append(row)
            print(f"{shape.name:24} {row['bytes']:>9,} {outcome:>18} {lint['seconds']:>7} {lint['rss_mb']!s:>7} | "
                  f"{bare['seconds']:>7} {bare['rss_mb']!s:>8}  {'yes' if ok else 'NO'}", flush=True)
    result = {"benchmark": "bench_resources", "quick": args.quick, "python": platform.python_version(),
              "machine": platform.machine(), "cores": os.cpu_count(), "bounds": {"seconds": MAX_SECONDS,
              "rss_mb": MAX_RSS_MB}, "import_baseline": {k: import_base[k] for k in ("seconds", "rss_mb")},
              "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cases": rows}
    out = args.out or RESULTS / f"resources{'-quick' if args.quick else ''}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
