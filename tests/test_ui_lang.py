"""Issue 12: every human output in Chinese and in English, from messages/ui.yaml.

The zh text and HTML reports of the zh sample must carry no English prose words (codes such as CSR01,
file names and quoted English contract text aside); the HTML reports are screenshotted with headless
Chromium into tests/output/ when it is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cliccheck.commands.lint import lint_command
from cliccheck.i18n import catalogue, env_ui_lang, resolve_ui_lang
from cliccheck.report.wrap import wrap_text

ROOT = Path(__file__).resolve().parent.parent
ZH = ROOT / "fixtures/sample/procurement-contract-zh.docx"
EN = ROOT / "fixtures/sample/supply-agreement-en.docx"
BI = ROOT / "fixtures/sample/bilingual-contract.docx"
OUT = ROOT / "tests/output"
#: tokens that may appear in a Chinese report: ids, formats, option names, units
ALLOWED = {"CSR", "SHA-", "docx", "pdf", "error", "warning", "never", "SHA", "cliccheck",
           "extract", "html", "utf", "UTF"}


def _lint(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(lint_command, [*args, "--no-color"], env={"LC_ALL": "", "LANG": "C.UTF-8",
                                                                         **(env or {})})
    assert result.exit_code in (0, 1), result.output
    return result.output


def _english_words(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z][A-Za-z'-]{2,}", text)
    return [w for w in words if w not in ALLOWED and not re.fullmatch(r"[a-f0-9]+", w)]


def test_catalogue_has_both_languages_with_the_same_placeholders() -> None:
    for key, entry in catalogue().items():
        assert set(entry) == {"zh", "en"}, key


def test_ui_lang_resolution() -> None:
    assert resolve_ui_lang("en", "zh", {}) == "en"
    assert resolve_ui_lang("auto", "mixed", {}) == "zh"
    assert resolve_ui_lang("auto", "en", {"LANG": "C.UTF-8"}) == "en"
    assert resolve_ui_lang("auto", "en", {"LANG": "zh_CN.UTF-8"}) == "zh"
    assert resolve_ui_lang("auto", "zh", {"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN"}) == "en"
    assert env_ui_lang({"LANG": "C"}) is None


def test_zh_text_report_has_no_english_prose() -> None:
    out = _lint(str(ZH))
    body = "\n".join(line for line in out.splitlines() if "procurement-contract-zh" not in line)
    assert "北桥系统有限公司的承诺不足" in body
    assert "不通过" in body and "第2页" in body and "第九条（一）" in body
    assert "¶" not in body
    assert _english_words(body) == []


def test_zh_html_report_has_no_english_prose(tmp_path: Path) -> None:
    target = tmp_path / "zh.html"
    _lint(str(ZH), "--format", "html", "-o", str(target))
    html = target.read_text(encoding="utf-8")
    assert '<html lang="zh">' in html
    text = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    # quoted contract text and suggested English clauses are marked lang="en": they are not UI prose
    text = re.sub(r'<(span|div) lang="en">.*?</\1>', " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace(str(ZH), " ").replace("procurement-contract-zh.docx", " ")
    assert "cliccheck 0." in text or "cliccheck" in text  # version in the footer
    assert _english_words(re.sub(r"cliccheck \S+", " ", text)) == []


def test_en_report_names_the_party_without_a_wrong_article() -> None:
    out = " ".join(_lint(str(EN)).split())
    assert "Northbridge Systems Ltd.'s undertaking" in out
    assert "The Northbridge" not in out
    assert "weakened by: 'commercially reasonable efforts'" in out
    assert "element-found" not in out and "weakened-by" not in out


def test_ui_lang_option_switches_language() -> None:
    zh = _lint(str(EN), "--ui-lang", "zh")
    assert "不通过" in zh and "Northbridge Systems Ltd.的承诺不足" in zh
    en = _lint(str(ZH), "--ui-lang", "en")
    assert "FAIL" in en and "北桥系统有限公司's undertaking" in en
    assert _lint(str(ZH), env={"LANG": "en_US.UTF-8"}).count("FAIL") == 1


def test_bilingual_satisfied_row_shows_both_versions() -> None:
    out = _lint(str(BI))
    assert "中文文本：" in out and "英文文本：" in out


def test_cjk_wrapping_inserts_no_space() -> None:
    text = "北桥系统有限公司的承诺不足（配合网络安全审查）：被“原则上应”弱化。" * 3
    lines = wrap_text(text, 30)
    assert "".join(lines) == text


def test_json_keeps_codes_and_adds_localised_message() -> None:
    import json

    data = json.loads(_lint(str(ZH), "--format", "json"))
    doc = data["documents"][0]
    assert doc["ui_lang"] == "zh"
    req = doc["requirements"][0]
    assert req["verdict"] in ("weak", "satisfied", "contradicted", "missing")
    assert any("\u4e00" <= c <= "\u9fff" for c in req["localized_message"])


def test_usage_error_is_one_coded_line_with_did_you_mean() -> None:
    proc = subprocess.run([str(ROOT / ".venv/bin/cliccheck"), "lint", "--limt", "x"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "did you mean --limit" in proc.stderr and "[config]" in proc.stderr
    proc = subprocess.run([str(ROOT / ".venv/bin/cliccheck"), "lint", "--limit", "max_pags=1", "x"],
                          capture_output=True, text=True, timeout=60)
    assert "did you mean max_pages" in proc.stderr


def test_statistics_and_exclude(tmp_path: Path) -> None:
    shutil.copy(ZH, tmp_path / "a.docx")
    (tmp_path / "archive").mkdir()
    shutil.copy(EN, tmp_path / "archive" / "b.docx")
    out = _lint(str(tmp_path), "--statistics", "--exclude", "archive", "--ui-lang", "en")
    assert "Statistics (1 documents)" in out and "CSR01" in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_screenshot(lang: str, tmp_path: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("headless Chromium is not installed (.ci/run installs it)")
    source = ZH if lang == "zh" else EN
    page = tmp_path / f"{lang}.html"
    _lint(str(source), "--format", "html", "-o", str(page), "--ui-lang", lang)
    OUT.mkdir(exist_ok=True)
    shot = OUT / f"report-{lang}.png"
    shot.unlink(missing_ok=True)
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--screenshot={shot}", "--window-size=1200,1800", page.as_uri()],
                   capture_output=True, timeout=120, check=False)
    assert shot.is_file() and shot.stat().st_size > 10_000
