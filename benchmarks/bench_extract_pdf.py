"""PDF extraction speed and memory, each beside bare baselines measured in the same run.

Run: ``.venv/bin/python benchmarks/bench_extract_pdf.py [--pages 100] [--big 500] [--repeat 3]``

Generates (in a temp dir) 100-page English and Chinese contracts (Chinese twice:
an embedded TrueType font, which reportlab writes as 256-glyph subsets and so
~300 text objects per page, and the standard CID font STSong-Light, one text
object per line) with the fixture generator's typesetter (running headers, footers, hyphenation, CJK
wraps), then times per page, best of ``--repeat``:

* ``read_document``: cliccheck's full PDF reader (paragraphs, headers, hidden text);
* bare pypdfium2: open, ``get_textpage().get_text_range()`` on every page;
* pdfplumber: ``extract_text()`` on every page.

Targets (issue 2): read_document within 2x bare pypdfium2; peak RSS under
300 MB for a 500-page PDF, measured in a child process
(``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` in a parent that runs only that child).
"""

from __future__ import annotations

import argparse
import gc
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fixtures"))
sys.path.insert(0, str(ROOT))


def make_pdf(path: Path, lang: str, pages: int) -> int:
    """A contract of at least ``pages`` pages: the fixture contract repeated."""
    import build_pdf

    build_pdf.register_fonts()
    source = build_pdf.en_paragraphs() if lang == "en" else build_pdf.zh_paragraphs()
    kind, cjk_font, header_font = {
        "en": ("en", "WQY", "Times-Roman"),
        "zh": ("zh_ttf", "WQY", "WQY"),  # embedded TrueType: reportlab switches 256-glyph subsets
        "zh-cid": ("zh_cid", "STSong-Light", "STSong-Light"),  # one text object per line
    }[lang]
    per_copy = max(1.0, build_pdf.layout(source * 4, cjk_font).page_count / 4)
    lay = build_pdf.layout(source * (int(pages / per_copy * 1.1) + 2), cjk_font)
    lay.pages = lay.pages[:pages]
    build_pdf.render(path, lay, kind, title=f"benchmark {lang}", header_font=header_font)
    return len(lay.pages)


def bare_pdfium(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    chars = 0
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        chars += len(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return chars


def bare_pdfplumber(path: Path) -> int:
    import pdfplumber

    chars = 0
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            chars += len(page.extract_text() or "")
            page.close()
    return chars


def ours(path: Path) -> int:
    from cliccheck.readers import read_document

    return len(read_document(path).text)


CLOCK = time.process_time  # set from --clock


def best_of(fn, path: Path, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        gc.collect()
        start = CLOCK()
        fn(path)
        times.append(CLOCK() - start)
    return min(times)


def child_rss_mb(mode: str, path: Path) -> float:
    """Peak RSS (MB) of a child process that only does ``mode`` on ``path``."""
    out = subprocess.run([sys.executable, __file__, "--rss-parent", mode, str(path)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--big", type=int, default=500, help="pages of the memory test PDF (0 to skip)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-pdfplumber", action="store_true")
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu",
                        help="cpu: process time (steady on a shared machine; all three are single-threaded)")
    args = parser.parse_args()
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter

    # Warm the imports so that they are not timed.
    import pdfplumber  # noqa: F401
    import pypdfium2  # noqa: F401

    import cliccheck.readers.pdf_reader  # noqa: F401

    with tempfile.TemporaryDirectory() as tmp:
        print(f"times: best of {args.repeat}, {args.clock} clock")
        print(f"{'document':<22}{'pages':>6}{'ours ms/p':>11}{'pdfium ms/p':>13}{'ratio':>7}"
              f"{'plumber ms/p':>14}{'RSS ours MB':>13}{'RSS pdfium MB':>15}")
        for lang in ("en", "zh", "zh-cid"):
            path = Path(tmp) / f"bench_{lang}.pdf"
            pages = make_pdf(path, lang, args.pages)
            ours(path)  # warm caches (lexicon) once
            t_ours = best_of(ours, path, args.repeat) / pages * 1000
            t_pdfium = best_of(bare_pdfium, path, args.repeat) / pages * 1000
            t_plumber = float("nan") if args.skip_pdfplumber else \
                best_of(bare_pdfplumber, path, 1) / pages * 1000
            rss_ours = child_rss_mb("ours", path)
            rss_bare = child_rss_mb("pdfium", path)
            print(f"{path.name:<22}{pages:>6}{t_ours:>11.2f}{t_pdfium:>13.2f}{t_ours / t_pdfium:>7.2f}"
                  f"{t_plumber:>14.1f}{rss_ours:>13.0f}{rss_bare:>15.0f}")
        if args.big:
            path = Path(tmp) / "bench_big_en.pdf"
            pages = make_pdf(path, "en", args.big)
            start = CLOCK()
            ours(path)
            elapsed = CLOCK() - start
            rss = child_rss_mb("ours", path)
            rss_bare = child_rss_mb("pdfium", path)
            print(f"{pages}-page PDF ({path.stat().st_size / 1e6:.1f} MB): read_document {elapsed:.2f} s, "
                  f"peak RSS {rss:.0f} MB (bare pdfium {rss_bare:.0f} MB; target < 300 MB)")


def _rss_parent(mode: str, path: str) -> None:
    subprocess.run([sys.executable, __file__, "--rss-child", mode, path], check=True)
    kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kilobytes on Linux
    print(f"{kb / 1024:.1f}")


def _rss_child(mode: str, path: str) -> None:
    (ours if mode == "ours" else bare_pdfium)(Path(path))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--rss-parent":
        _rss_parent(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "--rss-child":
        _rss_child(sys.argv[2], sys.argv[3])
    else:
        main()
