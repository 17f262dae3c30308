"""The HTML report: self-contained, escaped, and actually renders in a browser."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from report_samples import SUPPLIER, sample_doc_report, sample_report

from cliccheck.report import render
from cliccheck.report.model import Report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def test_html_is_self_contained_and_escaped() -> None:
    page = render(sample_report(), "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I)  # no external assets
    assert "<link" not in page.lower() and "@import" not in page
    assert SUPPLIER not in page  # raw, it would be markup
    assert "Acme &lt;Systems&gt; &amp; &#34;Partners&#34; Ltd." in page
    assert "<mark>may suspend</mark>" in page and "<mark>不得无正当理由中断</mark>" in page
    assert "contradicted by: " in page and "contradicted-by" not in page  # words for people, codes in JSON
    assert "NOT READ" in page and "a PDF without text" in page


def test_html_escapes_hostile_evidence_and_reasons() -> None:
    report = Report([sample_doc_report()])
    ev = report.documents[0].requirements[3].evidence[0]
    ev.text = '<img src=x onerror="alert(1)"> may suspend & stop'
    ev.highlights = [(ev.text.index("may suspend"), ev.text.index("may suspend") + len("may suspend"))]
    page = render(report, "html")
    assert "<img" not in page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; <mark>may suspend</mark> &amp; stop" in page


def test_html_shows_suggested_clauses_in_both_languages() -> None:
    report = Report([sample_doc_report()])
    report.documents[0].suggestions = {"CSR04": {"zh": "乙方承诺不中断 <供货>。", "en": "The Vendor & co. shall not."}}
    page = render(report, "html")
    assert "Suggested clause (Chinese)" in page and "Suggested clause (English)" in page
    assert "乙方承诺不中断 &lt;供货&gt;。" in page and "The Vendor &amp; co. shall not." in page


def _png_non_white_fraction(data: bytes) -> float:
    """Fraction of non-white pixels of an 8-bit RGB/RGBA PNG, parsed with zlib only."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = bit_depth = color_type = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, bit_depth, color_type = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    assert bit_depth == 8 and color_type in (2, 6)
    bpp = 3 if color_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    non_white = 0
    for y in range(height):
        filt = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if filt == 1:
                line[i] = (line[i] + a) & 255
            elif filt == 2:
                line[i] = (line[i] + b) & 255
            elif filt == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp * 4):  # sample every 4th pixel: enough to tell blank from not
            if min(line[x:x + 3]) < 235:
                non_white += 4
        prev = line
    return non_white / (width * height)


@pytest.mark.slow
def test_html_renders_in_headless_chromium(tmp_path: Path) -> None:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium); the HTML render check needs it")
    from generate_helpers import fonts_installed

    if not fonts_installed():
        pytest.skip("no font is installed: Chromium draws no text (.ci/run installs fonts-wqy-microhei)")
    page = tmp_path / "report.html"
    page.write_text(render(sample_report(), "html"), encoding="utf-8")
    shot = tmp_path / "shot.png"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1200,900",
           page.as_uri()]
    try:
        subprocess.run(cmd, capture_output=True, timeout=90, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("chromium did not finish rendering within 90 s")
    assert shot.is_file(), "chromium wrote no screenshot"
    fraction = _png_non_white_fraction(shot.read_bytes())
    assert fraction > 0.05, f"the rendered page is blank ({fraction:.1%} non-white pixels)"
