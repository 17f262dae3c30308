"""The page for lawyers in a real browser: headless Chromium driven by Playwright, in Chinese and English.

Playwright drives the system Chromium (``/usr/bin/chromium``, installed by
.ci/run); it never downloads a browser of its own. Screenshots are kept in
``out/screenshots/`` (or ``$CLICCHECK_TEST_OUTPUT``) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install '.[serve]')")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")

from generate_docs import en_contract, zh_contract  # noqa: E402
from service_helpers import ROOT, running_server  # noqa: E402

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
OUTPUT = Path(os.environ.get("CLICCHECK_TEST_OUTPUT", ROOT / "out")) / "screenshots"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("serve-page")
    with running_server(base, "--workers", "2") as srv:
        yield srv


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run does it): the page test needs it")
    from generate_helpers import fonts_installed

    if not fonts_installed():
        pytest.skip("no font is installed: Chromium draws no text (.ci/run installs fonts-wqy-microhei)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


CASES = {
    # browser language, contract, what the page and the report must say
    "zh": ("zh-CN", "采购合同.docx", zh_contract, "合同审查", "下载补充条款", "未通过"),
    "en": ("en-US", "msa.docx", en_contract, "Contract check", "Download the annex", "does not pass"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_drop_a_contract_see_the_report_download_annex_and_redline(server, browser, lang: str,  # type: ignore[no-untyped-def]
                                                                   tmp_path: Path) -> None:
    locale, name, make, title, annex_label, verdict = CASES[lang]
    contract = tmp_path / name
    contract.write_bytes(make())
    context = browser.new_context(locale=locale, accept_downloads=True, viewport={"width": 1200, "height": 900})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    problems: list[str] = []  # script errors, and anything the Content-Security-Policy blocked
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    try:
        page.goto(server.url + "/")
        assert page.evaluate("document.documentElement.lang") == lang  # chosen from Accept-Language
        assert title in page.inner_text("h1")
        page.set_input_files("#file", str(contract))
        page.wait_for_selector("#status.fail, #status.pass, #status.error", timeout=90_000)
        assert verdict in page.inner_text("#status")
        frame = page.frame_locator("#report")
        assert name in frame.locator("h2").first.inner_text(timeout=30_000)  # the HTML report, in the page
        assert page.inner_text("#annex").startswith(annex_label)

        with page.expect_download(timeout=90_000) as annex:
            page.click("#annex")
        annex_path = tmp_path / annex.value.suggested_filename
        annex.value.save_as(annex_path)
        assert annex_path.name.endswith(".annex.docx") and zipfile.is_zipfile(annex_path)

        with page.expect_download(timeout=90_000) as redline:
            page.click("#redline")
        redline_path = tmp_path / redline.value.suggested_filename
        redline.value.save_as(redline_path)
        with zipfile.ZipFile(redline_path) as zf:
            assert b"<w:ins " in zf.read("word/document.xml")  # tracked changes

        OUTPUT.mkdir(parents=True, exist_ok=True)
        shot = OUTPUT / f"serve-page-{lang}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        assert all(url.startswith(server.url) or url.startswith(("blob:", "about:", "data:")) for url in requests)
        assert problems == []
    finally:
        context.close()


def test_language_switch_rerenders_page_and_report(server, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    contract = tmp_path / "msa.docx"
    contract.write_bytes(en_contract())
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    try:
        page.goto(server.url + "/")
        page.set_input_files("#file", str(contract))
        page.wait_for_selector("#status.fail", timeout=90_000)
        page.click("#lang-zh")
        page.locator("#status", has_text="未通过").wait_for(timeout=90_000)  # the report is fetched again
        assert page.evaluate("document.documentElement.lang") == "zh"
        assert "合同审查" in page.inner_text("h1")
        assert page.get_attribute("#lang-zh", "aria-pressed") == "true"
        page.reload()  # the choice is remembered
        assert "合同审查" in page.inner_text("h1")
    finally:
        context.close()
