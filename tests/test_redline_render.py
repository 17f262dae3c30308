"""Issue 11: the redlined and accepted copies as LibreOffice lays them out, one picture per fixture.

One module-scoped batch converts every copy to PDF in a single LibreOffice run (conversions are
slow); the tests then read the laid-out text and keep, per fixture, one PNG with the redlined page
that holds the first new article beside the same page of the accepted copy, for a reviewer. The
pictures go to ``$CLICCHECK_TEST_OUTPUT/redline-render`` (default ``out/redline-render``).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx_revisions import accept_all, accept_deletions
from generate_helpers import ROOT, libreoffice_or_skip
from test_redline_layout import (
    AUTHOR,
    CASES,
    WORD_NUMBERED,
    Run,
    _Sheet,
    _text,
    _titles,
    redlined,
    replaced_with_sub_clauses,
)

pytestmark = pytest.mark.slow

OUT = Path(os.environ.get("CLICCHECK_TEST_OUTPUT", ROOT / "out")) / "redline-render"


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9.-]+", "_", name).strip("_")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple[Run, Path, Path]]:  # type: ignore[no-untyped-def]
    exe = libreoffice_or_skip()
    pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 renders the PDF pages to PNG")
    del pdfium
    work = tmp_path_factory.mktemp("render")
    runs: dict[str, Run] = {}
    files: list[str] = []
    for name, _ in CASES:
        run = redlined(name)
        slug = _slug(name)
        (work / f"{slug}.redline.docx").write_bytes(run.out)
        (work / f"{slug}.accepted.docx").write_bytes(accept_all(run.out))
        files += [str(work / f"{slug}.redline.docx"), str(work / f"{slug}.accepted.docx")]
        runs[slug] = run
    outdir = work / "pdf"
    proc = subprocess.run([exe, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(outdir), *files],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    return {slug: (run, outdir / f"{slug}.redline.pdf", outdir / f"{slug}.accepted.pdf")
            for slug, run in runs.items()}


def _pages(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return ["".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc))]
    finally:
        doc.close()


def _page_image(pdf: Path, index: int):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return doc[index].render(scale=1.3).to_pil()
    finally:
        doc.close()


def _first_new_heading(run: Run) -> str | None:
    heads = run.new_headings()
    return run.accepted.blocks[heads[0]].text if heads else None


def test_every_copy_lays_out_and_the_new_article_precedes_the_signatures(rendered) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    from cliccheck.generate.layout import is_schedule_heading, is_signature

    OUT.mkdir(parents=True, exist_ok=True)
    titles = ["".join(t.split()).lower() for t in _titles()]  # a Title Case contract gets Title Case headings
    for slug, (run, redline_pdf, accepted_pdf) in rendered.items():
        assert redline_pdf.exists() and accepted_pdf.exists(), slug
        pages = [p.lower() for p in _pages(accepted_pdf)]
        text = "".join(pages)
        heading = _first_new_heading(run)
        page = 0
        if heading is not None:
            title = next(t for t in titles if t in "".join(heading.split()).lower())
            assert title in text, (slug, heading)
            page = next(i for i, p in enumerate(pages) if title in p)
            closing = [b.text for b in run.accepted.blocks if b.index > run.new_headings()[0]
                       and (is_signature(b.text) or is_schedule_heading(b.text))]
            if closing:  # laid out in the same order: new article first, then signatures/schedules
                marker = "".join(closing[0].split())[:8].lower()
                assert text.find(title) < text.find(marker, text.find(title)), (slug, marker)
        red_pages = [p.lower() for p in _pages(redline_pdf)]
        red_page = next((i for i, p in enumerate(red_pages) if heading is not None and title in p), 0)
        red = _page_image(redline_pdf, red_page)
        acc = _page_image(accepted_pdf, page)
        picture = Image.new("RGB", (red.width + acc.width + 20, max(red.height, acc.height)), "white")
        picture.paste(red, (0, 0))
        picture.paste(acc, (red.width + 20, 0))
        picture.save(OUT / f"{slug}.png")
    assert len(list(OUT.glob("*.png"))) >= len(rendered)


def test_redline_shows_the_revisions_of_one_author(rendered) -> None:  # type: ignore[no-untyped-def]
    """The redlined PDF keeps the deleted words visible (struck through), so a reader sees what goes."""
    for slug, (run, redline_pdf, _) in rendered.items():
        if not run.summary.deletions:
            continue
        text = "".join(_pages(redline_pdf))
        struck = [m.group(0) for b in run.doc.blocks
                  for m in [re.search(r"[^，。,.;；\d\s][^，。,.;；]*(?:随时|at any time)[^，。,.;；]*", b.text)] if m]
        if struck:  # the words proposed for deletion are still on the redlined page, struck through
            assert any("".join(w.split()) in text for w in struck), (slug, struck)
    assert AUTHOR


#: a number LibreOffice shows beside an "old" one in its Show Changes view: "10.1[9.3]", "11.[10.]", "[9.2]"
_OLD_NUMBER = re.compile(r"\[\s*\d+(?:\.\d+)*\.?\s*\]")
#: an article renumbered: "11.[10.] Term and Termination", "1.[2.]" (a whole article number, at a line's start)
_OLD_ARTICLE = re.compile(r"^\s*\d+\.?\s*\[\s*\d+\.?\s*\]", re.MULTILINE)


def _word_numbered(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return b"numPr>" in zf.read("word/document.xml")


@pytest.fixture(scope="module")
def numbered_renders(tmp_path_factory) -> dict[str, tuple[str, str, Path]]:  # type: ignore[no-untyped-def]
    """Per Word-numbered contract (the samples, the autonum layouts, the numbered reader fixtures): the text
    LibreOffice lays out for the redline, and for the redline with every deletion accepted (its insertions
    still tracked), read with pdfplumber; and the PDF of the latter."""
    exe = libreoffice_or_skip()
    import pdfplumber

    work = tmp_path_factory.mktemp("numbered")
    files: dict[str, tuple[Path, Path]] = {}
    for name, data in CASES:
        if not _word_numbered(data):
            continue
        run = redlined(name)
        slug = _slug(name)
        red, ins = work / f"{slug}.redline.docx", work / f"{slug}.insertions.docx"
        red.write_bytes(run.out)
        ins.write_bytes(accept_deletions(run.out))
        files[name] = (red, ins)
    outdir = work / "pdf"
    proc = subprocess.run([exe, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(outdir),
                           *(str(f) for pair in files.values() for f in pair)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr

    def text(docx_path: Path) -> str:
        with pdfplumber.open(outdir / f"{docx_path.stem}.pdf") as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)

    return {name: (text(red), text(ins), outdir / f"{ins.stem}.pdf") for name, (red, ins) in files.items()}


def test_libreoffice_shows_no_old_numbers_beside_the_new_ones(numbered_renders) -> None:  # type: ignore[no-untyped-def]
    """REVIEW-outputs 18: in a Word-numbered contract, a clause replaced by several paragraphs made LibreOffice
    show every later number beside an "old" one ("10.1[9.3]", "11.[10.] Term and Termination"): the inserted
    marks joined, on rejection, the numbered paragraph after them. The insertions alone (deletions accepted)
    now leave every number as it is, and no article of the redline is shown renumbered.

    The full redline may still show "[7.1]" / "7.1[7.2]" within one article: LibreOffice 7.4 shows any numbered
    paragraph holding tracked deleted words as a deleted list item (a one-word deletion in an untouched
    contract does the same); the struck words are the redline's purpose, so that is checked without them."""
    assert {"fixture:sample/supply-agreement-en.docx", "layout:autonum-en", "layout:autonum-zh"} <= set(
        numbered_renders)
    for name, (redline_text, insertions_text, _) in numbered_renders.items():
        assert insertions_text.strip(), name
        assert not _OLD_NUMBER.findall(insertions_text), (name, _OLD_NUMBER.findall(insertions_text))
        assert not _OLD_ARTICLE.findall(redline_text), (name, _OLD_ARTICLE.findall(redline_text))


def _word_starts(pdf: Path) -> list[tuple[int, float, float, float, str]]:
    """Every word LibreOffice laid out: (page, top, x0, x1, text), in reading order."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return [(i, round(wd["top"], 1), wd["x0"], wd["x1"], wd["text"]) for i, page in enumerate(doc.pages)
                for wd in page.extract_words()]


def _find(words: list[tuple[int, float, float, float, str]], text: str, after: int = 0) -> int:
    """Index of the word that starts ``text`` (its first 12 characters, spaces ignored) at or after ``after``."""
    want = "".join(text.split())[:12]
    for i in range(after, len(words)):
        joined = "".join(wd[4] for wd in words[i:i + 6])
        if joined.startswith(want):
            return i
    raise AssertionError(f"not laid out: {text[:40]!r}")


def test_libreoffice_starts_each_sub_clause_where_the_replaced_clauses_text_starts(numbered_renders) -> None:  # type: ignore[no-untyped-def]
    """The laid-out page, not only the XML: the first word of each further sub-clause of a replaced Word-numbered
    clause starts at the x of that clause's text, the left indent of its list level (English sample 9.2: 126 pt,
    the sub-clauses were at the 72 pt margin). Read on the redline with its deletions accepted, so the clause shows
    its plain number. The clause's text indent is where its second line starts; where the level hangs its number
    and the number fits in that room (9.2: "9.2" at 99 pt, text at 126 pt) the clause's first word is there too.
    Otherwise the first line's tab takes the text further (autonum: the number at the margin, then a tab; the
    Chinese sample: "（一）" is wider than its room) while the clause's other lines, and so its sub-clauses,
    start at the text indent."""
    tolerance = 1.5  # points
    checked = hanging = 0
    for name in WORD_NUMBERED:
        run = redlined(name)
        sheet = _Sheet(run.out)
        words = _word_starts(numbered_renders[name][2])
        for clause, subs in replaced_with_sub_clauses(run.out):
            start = _find(words, _text(clause))
            page, top, first_x, _, _ = words[start]
            second = next(wd for wd in words[start:] if (wd[0], wd[1]) > (page, top + 1))
            second_x = min(wd[2] for wd in words if (wd[0], wd[1]) == (second[0], second[1]))
            label = words[start - 1] if start and words[start - 1][:2] == (page, top) else None
            hangs = sheet.indent(clause)[1] < 0 and label is not None and label[3] < second_x - 1
            hanging += hangs
            at = start
            for p in subs:
                at = _find(words, _text(p), at + 1)
                x = words[at][2]
                assert abs(x - second_x) <= tolerance, (name, _text(p)[:40], x, second_x)
                if hangs:
                    assert abs(x - first_x) <= tolerance, (name, _text(p)[:40], x, first_x)
                checked += 1
    assert checked >= 10 and hanging >= 2, (checked, hanging)


def test_libreoffice_shows_5a_then_5a_1_and_no_5_2_under_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 11, REVIEW-outputs 21: "--after 5" in the Word-numbered layouts, laid out by LibreOffice once every change
    is accepted. Under the new "5A." heading comes "5A.1" (Chinese: "第五条之一", then "1."), never "5.2" (Chinese:
    "2.", continuing article 5's list), and the articles after it are still 6 and 7 (第六条, 第七条)."""
    from test_redline_layout import AFTER_5, after5

    exe = libreoffice_or_skip()
    import pdfplumber

    files = []
    for name in AFTER_5:
        path = tmp_path / f"{_slug(name)}.accepted.docx"
        path.write_bytes(accept_all(after5(name).out))
        files.append(path)
    proc = subprocess.run([exe, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    for name, path in zip(AFTER_5, files, strict=True):
        with pdfplumber.open(path.with_suffix(".pdf")) as pdf:
            lines = [line.strip() for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
        zh = name.endswith("-zh")
        head = next(i for i, line in enumerate(lines) if line.startswith("第五条之一" if zh else "5A."))
        following = next(i for i, line in enumerate(lines) if i > head and line.startswith("第五条之二" if zh else "5B."))
        numbered = [m.group(0) for line in lines[head + 1:following]
                    if (m := re.match(r"\d+[A-Z]?(?:\.\d+)*\.?(?=\s|[\u4e00-\u9fff])", line))]
        assert numbered and numbered[0] == ("1." if zh else "5A.1"), (name, numbered)
        assert numbered == ([f"{n}." for n in range(1, len(numbered) + 1)] if zh
                            else [f"5A.{n}" for n in range(1, len(numbered) + 1)]), (name, numbered)
        article_lines = [line for line in lines if re.match(r"第[一二三四五六七八九十]+条\s|[1-9]\.\s*[A-Z]", line)]
        articles = [re.match(r"第[一二三四五六七八九十]+条|[1-9]\.", line).group(0) for line in article_lines]
        assert articles[-2:] == (["第六条", "第七条"] if zh else ["6.", "7."]), (name, article_lines)
