"""Audit exports: the XLSX workbook's views and the static HTML dashboard (rendered in headless Chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from audit_corpus import generate
from click.testing import CliRunner

from cliccheck.audit.register import Register
from cliccheck.audit.run import AuditOptions, run_audit
from cliccheck.cli import cli

ROOT = Path(__file__).resolve().parents[1]
#: screenshots and pages a person may want to look at after the run (git-ignored)
TEST_OUTPUT = ROOT / "out" / "tests"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = '<script>alert("x")</script> & <b>Co</b>'


def _record(path: str, supplier: str, verdicts: dict[str, str], unit: str, *, status: str = "ok") -> dict:
    doc = {"path": path, "size": 10, "sha256": "0" * 64, "format": "text", "pages": None, "ocr": 0,
           "language": "en", "supplier": supplier, "status": status,
           "passed": int(status == "ok" and set(verdicts.values()) <= {"satisfied"}),
           "worst_severity": "none", "error_code": None if status == "ok" else "corrupt",
           "error_message": None if status == "ok" else "damaged", "tool_version": "0.1.0", "library_hash": "h",
           "config_hash": "c", "checked_at": "2026-01-01T00:00:00Z", "seconds": 0.1}
    reqs = [{"requirement": rule, "verdict": verdict, "severity": "none" if verdict == "satisfied" else "error",
             "page": 2, "section": "4.1", "paragraph": 9, "first_words": f"{rule} words", "waived_by": None,
             "waiver_reason": None} for rule, verdict in verdicts.items()]
    return {"document": doc, "requirements": reqs if status == "ok" else [], "manifest": {"business_unit": unit}}


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A register with two completed runs over real documents, plus a hostile supplier name and an unread file."""
    tmp = tmp_path_factory.mktemp("exports")
    folder = tmp / "repo"
    generate(folder, 6, sizes=(0, 4))
    db = tmp / "audit.sqlite"
    options = AuditOptions(progress=False, jobs=1, timeout=None)
    run_audit([str(folder)], db=str(db), options=options)
    with Register(db) as reg:
        run = reg.start_run(engine="local", tool_version="0.1.0", library_hash="h", arguments=["synthetic"])
        reg.add_manifest_columns(["business_unit"])
        reg.record(run, _record("/x/hostile.txt", HOSTILE, {"CSR01": "satisfied", "CSR02": "contradicted",
                                                            "CSR03": "weak", "CSR04": "missing"}, "Grid <North>"))
        reg.record(run, _record("/x/unread.docx", "", {}, "Retail", status="error"))
        reg.finish_run(run, seen=2, checked=2, skipped=0)
        run = reg.start_run(engine="local", tool_version="0.1.0", library_hash="h", arguments=["synthetic"])
        reg.record(run, _record("/x/hostile.txt", HOSTILE, {"CSR01": "satisfied", "CSR02": "satisfied",
                                                            "CSR03": "weak", "CSR04": "missing"}, "Grid <North>"))
        reg.finish_run(run, seen=1, checked=1, skipped=0)
    return db


def test_xlsx_has_one_sheet_per_view_frozen_filtered_and_coloured(register: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "audit.xlsx"
    result = CliRunner().invoke(cli, ["audit", "report", "--db", str(register), "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Summary", "Documents", "Requirements", "Suppliers", "Business units", "Fix first",
                             "Changes"]
    docs = wb["Documents"]
    assert docs.freeze_panes == "A2"
    assert docs.auto_filter.ref and docs.auto_filter.ref.startswith("A1:")
    header = [c.value for c in docs[1]]
    assert header[0] == "Document" and "CSR02 Verdict" in header and "business_unit" not in header
    rows = {r[0].value: r for r in docs.iter_rows(min_row=2)}
    assert len(rows) == 8
    hostile = rows["/x/hostile.txt"]
    cell = hostile[header.index("CSR02 Verdict")]
    assert cell.value == "satisfied" and cell.fill.fgColor.rgb.endswith("C6EFCE")
    assert hostile[header.index("CSR04 Verdict")].fill.fgColor.rgb.endswith("F8CBAD")
    assert rows["/x/unread.docx"][header.index("CSR01 Verdict")].value == "not-read"
    changes = [[c.value for c in r] for r in wb["Changes"].iter_rows(min_row=2)]
    assert changes == [["/x/hostile.txt", "CSR02", "contradicted", "satisfied"]]
    fix = [[c.value for c in r] for r in wb["Fix first"].iter_rows(min_row=2)]
    scores = [row[0] for row in fix]
    assert scores == sorted(scores, reverse=True)
    assert [row[0] for row in fix if row[1] == "/x/unread.docx"] == [8]  # counted as four missing undertakings
    assert [row[0] for row in fix if row[1] == "/x/hostile.txt"] == [3]  # missing 2 + weak 1; CSR02 now satisfied
    assert all(wb[name].freeze_panes == "A2" and wb[name].auto_filter.ref for name in wb.sheetnames)


def test_dashboard_is_static_escaped_and_complete(register: Path, tmp_path: Path) -> None:
    out = tmp_path / "dashboard.html"
    result = CliRunner().invoke(cli, ["audit", "report", "--db", str(register), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower() and "javascript:" not in page.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I)
    assert "<link" not in page.lower() and "@import" not in page
    assert page.count("<svg") == 3  # requirements, suppliers, business units
    assert "&lt;script&gt;" in page and "Grid &lt;North&gt;" in page
    assert "Contracts to fix first" in page and "/x/unread.docx" in page
    assert "Change since the previous run" in page and "Documents whose verdicts changed in the last run (1)" in page
    # rendering again gives the same charts (stable ids: the page can be diffed between runs)
    again = tmp_path / "again.html"
    CliRunner().invoke(cli, ["audit", "report", "--db", str(register), "--format", "html", "-o", str(again)])
    strip = re.compile(r"generated [^<]* by cliccheck")
    assert strip.sub("", again.read_text(encoding="utf-8")) == strip.sub("", page)


def test_charts_are_the_same_whatever_fonts_the_machine_has(monkeypatch: pytest.MonkeyPatch) -> None:
    """CJK labels stay text, warn about no missing glyph, and the SVG does not change when the machine's
    fonts do: here a CJK font and a different "DejaVu Sans" are put first in matplotlib's font list."""
    import dataclasses
    import warnings

    import matplotlib
    from matplotlib import font_manager

    from cliccheck.audit import dashboard

    labels = ["北辰系统有限公司（华东）", "Northbridge Systems Ltd.", "(no supplier)"]
    series = [("Passing", "#1b7837", [1, 2, 3]), ("Failing", "#c51b7d", [3, 0, 1])]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plain = dashboard._bar_chart(labels, series, "by supplier")
    assert "北辰系统有限公司（华东）</text>" in plain and "Northbridge Systems Ltd.</text>" in plain
    assert "<path" in plain and 'id="DejaVuSans-' not in plain  # bars are paths; no glyph outlines
    assert "cliccheck-chart-metrics" not in plain and "'WenQuanYi Micro Hei'" in plain

    manager = font_manager.fontManager
    serif = font_manager.ttfFontProperty(matplotlib.ft2font.FT2Font(
        str(Path(matplotlib.get_data_path()) / "fonts/ttf/DejaVuSerif.ttf")))
    impostors = [dataclasses.replace(serif, name=name) for name in
                 ("DejaVu Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "sans-serif")]
    monkeypatch.setattr(manager, "ttflist", [*impostors, *manager.ttflist])
    manager._findfont_cached.cache_clear()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            other_machine = dashboard._bar_chart(labels, series, "by supplier")
    finally:
        manager._findfont_cached.cache_clear()
    assert other_machine == plain


def test_existing_output_needs_force(register: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    out.write_text("keep", encoding="utf-8")
    result = CliRunner().invoke(cli, ["audit", "report", "--db", str(register), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 2 and "[output-exists]" in result.output
    assert out.read_text(encoding="utf-8") == "keep"
    missing = CliRunner().invoke(cli, ["audit", "report", "--db", str(tmp_path / "none.sqlite"), "--format", "csv"])
    assert missing.exit_code == 2 and "[register]" in missing.output
    assert not (tmp_path / "none.sqlite").exists()


def _non_white_fraction(png: bytes) -> float:
    import zlib

    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, width, height, data = 8, 0, 0, b""
    while pos < len(png):
        length = int.from_bytes(png[pos:pos + 4], "big")
        kind = png[pos + 4:pos + 8]
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big")
            assert body[8] == 8 and body[9] in (2, 6), "expected 8-bit RGB(A)"
            channels = 3 if body[9] == 2 else 4
        elif kind == b"IDAT":
            data += body
        pos += 12 + length
    raw = zlib.decompress(data)
    stride = width * channels
    prev = bytearray(stride)
    coloured = 0
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        coloured += sum(1 for x in range(0, stride, channels) if min(line[x:x + 3]) < 200)
        prev = line
    return coloured / (width * height)


@pytest.mark.slow
def test_dashboard_renders_in_headless_chromium(register: Path, tmp_path: Path) -> None:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium); the dashboard render check needs it")
    TEST_OUTPUT.mkdir(parents=True, exist_ok=True)
    page = TEST_OUTPUT / "audit-dashboard.html"
    page.unlink(missing_ok=True)
    result = CliRunner().invoke(cli, ["audit", "report", "--db", str(register), "--format", "html", "-o", str(page)])
    assert result.exit_code == 0, result.output
    shot = TEST_OUTPUT / "audit-dashboard.png"
    shot.unlink(missing_ok=True)
    # (chromium once exited without a screenshot while the rest of the suite ran beside it, with the system fonts
    # hidden; alone, and on rerun, it rendered: one retry more, with chromium's own words if it still fails)
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1200,2400",
           page.as_uri()]
    err = b""
    for _ in range(2):
        try:
            err = subprocess.run(cmd, capture_output=True, timeout=90, check=False).stderr
        except subprocess.TimeoutExpired:
            pytest.fail("chromium did not finish rendering within 90 s")
        if shot.is_file():
            break
    assert shot.is_file(), "chromium wrote no screenshot: " + err.decode("utf-8", "replace")[-600:]
    fraction = _non_white_fraction(shot.read_bytes())
    assert fraction > 0.03, f"the rendered dashboard is nearly blank ({fraction:.1%} non-white pixels)"


def test_audit_speaks_the_ui_language(register: Path, tmp_path: Path) -> None:
    """Issue 12 for the audit: the dashboard, the workbook's sheets and headings and the command's own lines are
    in the UI language (--ui-lang, else the language most of the register's contracts are in); register values
    and codes (verdict cells, CSV/JSON keys) stay as they are."""
    openpyxl = pytest.importorskip("openpyxl")
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from test_ui_lang_cli import english_words

    env = {"CLICCHECK_UI_LANG": "", "LC_ALL": "", "LANG": "C.UTF-8"}
    page = tmp_path / "zh.html"
    result = CliRunner().invoke(cli, ["--ui-lang", "zh", "audit", "report", "--db", str(register), "--format", "html",
                                      "-o", str(page)], env=env)
    assert result.exit_code == 0 and result.output.startswith("cliccheck：已将html审计报告写入"), result.output
    html = page.read_text(encoding="utf-8")
    assert '<html lang="zh">' in html and "应优先整改的合同" in html and "上次运行中结论有变化的文件（1份）" in html
    text = re.sub(r"<style>.*?</style>|<svg.*?</svg>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    for contract_words in (HOSTILE, "Grid <North>", "Retail", "Northbridge Systems Ltd."):
        text = text.replace(contract_words, " ")
    text = re.sub(r"\S+\.(?:sqlite|txt|docx|md|pdf)\b|\bUTC\b", " ", text)  # file names, the time zone
    assert english_words(text) == [], text
    book = tmp_path / "zh.xlsx"
    CliRunner().invoke(cli, ["--ui-lang", "zh", "audit", "report", "--db", str(register), "--format", "xlsx", "-o",
                             str(book)], env=env)
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["汇总", "文件", "要求", "供方", "业务部门", "优先整改", "变化"]
    header = [c.value for c in wb["文件"][1]]
    assert header[0] == "文件" and "CSR02 结论" in header
    rows = {r[0].value: r for r in wb["文件"].iter_rows(min_row=2)}
    assert rows["/x/hostile.txt"][header.index("CSR02 结论")].value == "satisfied"  # the register's value
    english = tmp_path / "en.html"
    CliRunner().invoke(cli, ["--ui-lang", "en", "audit", "report", "--db", str(register), "--format", "html", "-o",
                             str(english)], env=env)
    assert '<html lang="en">' in english.read_text(encoding="utf-8")
    assert not re.search(r"[\u4e00-\u9fff]", re.sub(r"<svg.*?</svg>|<td[^>]*>[^<]*</td>", " ",
                                                     english.read_text(encoding="utf-8"), flags=re.S))
