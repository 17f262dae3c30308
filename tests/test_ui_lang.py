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


def _lint(*args: str, env: dict[str, str] | None = None, codes: tuple[int, ...] = (0, 1)) -> str:
    result = CliRunner().invoke(lint_command, [*args, "--no-color"], env={"LC_ALL": "", "LANG": "C.UTF-8",
                                                                         **(env or {})})
    assert result.exit_code in codes, result.output
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


NAMED_SUPPLIER = ("Maintenance Agreement between Eastbank Grid Co., Ltd. (the Customer) and Harbourline Port "
                  "Technologies Pte. Ltd. (the Contractor)\n\n6. The Contractor shall use reasonable endeavours not to "
                  "unlawfully control, manipulate or interfere with the Customer's cranes, gate systems or networks.\n")


def test_machine_messages_name_the_party_without_a_wrong_article(tmp_path: Path) -> None:
    """JSON carries the matcher's English message too: a company name takes no "The" there either."""
    path = tmp_path / "named.txt"
    path.write_text(NAMED_SUPPLIER, encoding="utf-8")
    out = _lint(str(path), "--format", "json", "--supplier-alias", "Harbourline Port Technologies Pte. Ltd.")
    assert "Harbourline Port Technologies Pte. Ltd.'s undertaking" in out
    assert "The Harbourline" not in out


def test_a_weak_message_names_the_words_nobody_accounted_for(tmp_path: Path) -> None:
    """"is weak: qualified." tells a lawyer nothing; the localised message quotes the leftover words as the JSON
    message does, in both UI languages."""
    path = tmp_path / "named.txt"
    path.write_text(NAMED_SUPPLIER.replace(" shall use reasonable endeavours not to", " shall not").replace(
        "or networks.", "or networks during the pilot phase."), encoding="utf-8")
    import json

    doc = json.loads(_lint(str(path), "--format", "json"))["documents"][0]
    row = next(r for r in doc["requirements"] if r["id"] == "CSR03")
    leftover = next(r["detail"] for r in row["reasons"] if r["code"] == "unrecognised-qualifier")
    assert "pilot" in leftover
    assert leftover in row["localized_message"]
    zh = re.sub(r"\n\s*", "", _lint(str(path), "--ui-lang", "zh"))
    assert "无法确认为无害的措辞" in zh


def test_ui_lang_option_switches_language() -> None:
    zh = re.sub(r"\n\s*", "", _lint(str(EN), "--ui-lang", "zh"))  # a line may wrap anywhere in Chinese
    assert "不通过" in zh and "Northbridge Systems Ltd.的承诺不足" in zh
    en = " ".join(_lint(str(ZH), "--ui-lang", "en").split())  # as read, whatever the terminal width
    assert "FAIL" in en and "北桥系统有限公司's undertaking" in en
    assert _lint(str(ZH), env={"LANG": "en_US.UTF-8"}).count("FAIL") == 1


BILINGUAL_CSR03 = ("采购合同 Purchase Contract\n\n甲方（采购方）：东岸电网有限公司\n\n"
                   "Party A (Purchaser): Eastbank Grid Co., Ltd.\n\n乙方（供应方）：北桥系统有限公司\n\n"
                   "Party B (Supplier): Northbridge Systems Ltd.\n\n第九条 乙方不得非法控制或者操纵甲方及其用户的设备。\n\n"
                   "Article 9 Party B shall not illegally control or manipulate the equipment of Party A or its users.\n")


def test_bilingual_satisfied_row_shows_both_versions(tmp_path: Path) -> None:
    """A bilingual contract satisfying CSR03 in both versions: the satisfied row quotes each version."""
    path = tmp_path / "bilingual.txt"
    path.write_text(BILINGUAL_CSR03, encoding="utf-8")
    out = _lint(str(path), "--ui-lang", "zh")
    assert "✔ CSR03" in out
    assert "中文文本：" in out and "英文文本：" in out


def test_cjk_wrapping_inserts_no_space() -> None:
    text = "北桥系统有限公司的承诺不足（配合网络安全审查）：被“原则上应”弱化。" * 3
    lines = wrap_text(text, 30)
    assert "".join(lines) == text


def test_cjk_wrapping_never_starts_a_line_with_closing_punctuation() -> None:
    """Two closing marks in a row ("）：") go to the next line with the character before them, at every width."""
    from cliccheck.report.wrap import NO_LINE_START

    text = "✖ CSR01 配合网络安全审查 — 承诺不足（第2页，8.1）：北桥系统有限公司的承诺不足（配合网络安全审查）：有所保留。"
    for width in range(20, 110):
        lines = wrap_text(text, width)
        assert not [line for line in lines if line[:1] in NO_LINE_START], width
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), width


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


def _cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    import os

    full = {**os.environ, "LC_ALL": "", "LANG": "C.UTF-8", "COLUMNS": "100", **(env or {})}
    return subprocess.run([str(ROOT / ".venv/bin/cliccheck"), *args], capture_output=True, text=True, timeout=300,
                          env=full, cwd=cwd)


def test_config_ui_lang_and_excludes(tmp_path: Path) -> None:
    (tmp_path / ".cliccheck.toml").write_text('ui-lang = "zh"\nextend-exclude = ["old/**"]\n', encoding="utf-8")
    shutil.copy(EN, tmp_path / "a.docx")
    (tmp_path / "old").mkdir()
    shutil.copy(ZH, tmp_path / "old" / "b.docx")
    proc = _cli("lint", cwd=tmp_path)  # no path: the current folder
    assert proc.returncode == 1, proc.stderr
    assert "a.docx" in proc.stdout and "b.docx" not in proc.stdout
    assert "不通过" in proc.stdout and "Northbridge Systems Ltd.的承诺不足" in " ".join(proc.stdout.split())
    proc = _cli("lint", "--ui-lang", "en", cwd=tmp_path)  # the command line beats the config
    assert "FAIL" in proc.stdout


def test_bad_exclude_key_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / ".cliccheck.toml").write_text('exclude = 5\n', encoding="utf-8")
    shutil.copy(EN, tmp_path / "a.docx")
    proc = _cli("lint", str(tmp_path / "a.docx"))
    assert proc.returncode == 2 and "[config]" in proc.stderr and proc.stderr.count("\n") == 1


def test_sarif_and_github_carry_lines_and_relative_paths(tmp_path: Path) -> None:
    import json

    draft = tmp_path / "draft.md"
    draft.write_text('Supply Agreement\n\nBetween Acme Ltd. (the "Buyer") and Northbridge Systems Ltd. '
                     '(the "Supplier").\n\n1. The Supplier shall cooperate with the cybersecurity review.\n\n'
                     "2. The Supplier may suspend supply of the Products at any time for any reason.\n",
                     encoding="utf-8")
    sarif = json.loads(_cli("lint", str(draft), "--format", "sarif", cwd=tmp_path).stdout)
    results = sarif["runs"][0]["results"]
    csr04 = next(r for r in results if r["ruleId"] == "CSR04")
    region = csr04["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 7
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for r in results for loc in r["locations"]]
    assert uris and all(u == "draft.md" for u in uris)  # relative, never file:///tmp/...
    github = _cli("lint", str(draft), "--format", "github", cwd=tmp_path).stdout
    line = next(x for x in github.splitlines() if "title=CSR04" in x)
    assert line.startswith("::error file=draft.md,line=7,")
    zh = _cli("lint", str(draft), "--format", "github", "--ui-lang", "zh", cwd=tmp_path).stdout
    assert "contradicted: 合同允许" in zh  # the code stays English, the message is Chinese


def test_not_a_contract_in_both_languages(tmp_path: Path) -> None:
    toml = tmp_path / "README.md"
    toml.write_text("# cliccheck\n\n```toml\n[tool.cliccheck]\nselect = []\n```\n\nRun `make test`.\n",
                    encoding="utf-8")
    zh = " ".join(_cli("lint", str(toml), "--ui-lang", "zh").stdout.split())
    en = " ".join(_cli("lint", str(toml), "--ui-lang", "en").stdout.split())
    assert "这看起来不像一份合同" in zh
    assert "This does not look like a contract" in en or "not-a-contract:" in en


@pytest.mark.parametrize("name", ["pyproject.toml", "README.md"])
def test_not_a_contract_is_one_warning_line_not_four_missing_verdicts(name: str, tmp_path: Path) -> None:
    """A file that is clearly no contract: the human formats say so once (with how it begins), in both
    languages; the machine formats keep every requirement missing and the gate still fails (fail closed)."""
    import json

    target = tmp_path / name
    target.write_text("[tool.cliccheck]\nselect = []\nfail-on = \"error\"\n" if name.endswith(".toml") else
                      "# cliccheck\n\nAn offline linter. Install it with `make demo`, then run `cliccheck lint`.\n",
                      encoding="utf-8")
    zh = _cli("lint", str(target), "--ui-lang", "zh", env={"COLUMNS": "200"}, cwd=tmp_path)
    en = _cli("lint", str(target), "--ui-lang", "en", env={"COLUMNS": "200"}, cwd=tmp_path)
    assert zh.returncode == en.returncode == 1
    assert "✖ 这看起来不像一份合同：没有当事人、条款或义务，未逐项检查各项要求" in zh.stdout
    assert "✖ not-a-contract: This does not look like a contract: it has no parties, clauses or obligations" in en.stdout
    for out in (zh.stdout, en.stdout):
        assert "CSR0" not in out and out.count("✖") == 1, out
    assert "共检查1份文件：0份通过，1份不通过（1个错误）。" in zh.stdout
    assert "文件开头：“" in zh.stdout and "it begins: “" in en.stdout
    html = tmp_path / "r.html"
    _cli("lint", str(target), "--ui-lang", "zh", "--format", "html", "-o", str(html), cwd=tmp_path)
    page = html.read_text(encoding="utf-8")
    assert "这看起来不像一份合同" in page and "CSR01" not in page
    data = json.loads(_cli("lint", str(target), "--format", "json", cwd=tmp_path).stdout)
    doc = data["documents"][0]
    assert [r["verdict"] for r in doc["requirements"]] == ["missing"] * 4 and doc["passed"] is False


def test_rules_explain_and_help_in_chinese() -> None:
    assert "其他发现" in _cli("rules", "--ui-lang", "zh").stdout
    out = _cli("explain", "CSR04", "--ui-lang", "zh").stdout
    assert "法律依据" in out and "示例" in out
    assert "界面和报告语言" in _cli("lint", "--help", env={"LANG": "zh_CN.UTF-8"}).stdout
    assert "Language of reports" in _cli("lint", "--help").stdout
    proc = _cli("lint", "--statistcs", env={"LANG": "zh_CN.UTF-8"})
    assert proc.returncode == 2 and proc.stderr.startswith("cliccheck：错误：") and "--statistics" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_read_error_in_chinese(tmp_path: Path) -> None:
    out = _lint(str(tmp_path / "missing.docx"), "--ui-lang", "zh", codes=(2,))
    assert "无法读取：文件不存在" in out and "[not-found]" in out


def test_html_lang_attributes_and_footer(tmp_path: Path) -> None:
    page = tmp_path / "bi.html"
    _lint(str(BI), "--format", "html", "-o", str(page), env={"SOURCE_DATE_EPOCH": "1767225600"})
    html = page.read_text(encoding="utf-8")
    assert '<html lang="zh">' in html and '<section class="doc" lang="zh">' in html
    assert '<span lang="en">' in html and '<span lang="zh">' in html  # each quote in its own language
    from cliccheck import __version__

    assert f"由 cliccheck {__version__} 于 2026-01-01 生成" in html


def test_every_error_code_has_a_chinese_description() -> None:
    from cliccheck.errors import ERROR_CODES

    missing = [code for code in ERROR_CODES if f"error.{code}" not in catalogue()]
    assert missing == [], "add these codes to messages/ui.yaml"


def test_annex_messages_follow_the_locale(tmp_path: Path) -> None:
    zh = _cli("annex", str(ZH), "-o", str(tmp_path / "a.md"), env={"LANG": "zh_CN.UTF-8"})
    assert zh.returncode == 0 and "已写入" in zh.stderr and "wrote" not in zh.stderr
    en = _cli("annex", str(ZH), "-o", str(tmp_path / "b.md"))
    assert en.returncode == 0 and "wrote" in en.stderr


@pytest.mark.parametrize(("labels", "en", "zh"), [
    ({"en": ["We"], "zh": ["我方"]}, "The supplier gives a binding undertaking", "我方已作出有约束力的承诺"),
    ({"en": ["Northbridge"]}, "Northbridge gives a binding undertaking", "供方已作出有约束力的承诺"),
    ({"en": ["The Company"]}, "The Company gives a binding undertaking", "供方已作出"),
    ({"en": ["Service Provider"], "zh": ["服务提供方"]}, "The Service Provider gives", "服务提供方已作出"),
    ({"en": ["Party B"], "zh": ["乙方"]}, "Party B gives a binding undertaking", "乙方已作出"),
])
def test_party_label_reads_as_a_name_or_a_role_in_both_languages(labels: dict[str, list[str]], en: str,
                                                                  zh: str) -> None:
    """"The We gives…" never: a pronoun label is no name, a defined short name takes no article, a role word does."""
    from cliccheck.i18n import t
    from cliccheck.report.messages import possessive, sentence, supplier_name
    from cliccheck.report.model import SupplierReport

    supplier = SupplierReport(name=None, source="definition", labels=labels)
    said = {lang: sentence(t("req.satisfied", lang, supplier=supplier_name(supplier, lang), title="x"))
            for lang in ("en", "zh")}
    assert said["en"].startswith(en) and said["zh"].startswith(zh), said
    assert "The We" not in said["en"] and "the We" not in said["en"]
    poss = possessive(supplier_name(supplier, "en"), "en")
    assert not poss.startswith(("the We", "the Northbridge", "the The", "the Party")), poss


def test_a_contract_that_names_no_supplier_reads_as_the_supplier(tmp_path: Path) -> None:
    """Without a supplier defined, a report does not call it by the first word of the library's list ("承揽商",
    "Supplier (Vendor, Seller, …)" in a Chinese header)."""
    terms = tmp_path / "terms.txt"
    terms.write_text("CLOUD SERVICE TERMS\n\n1. Cybersecurity review\n1.1 We shall cooperate with any cybersecurity "
                     "review of the procurement conducted by the competent authorities and shall provide the "
                     "documents and information requested.\n\n2. Suspension\n2.1 We may suspend the services at any "
                     "time for any reason on notice to you.\n", encoding="utf-8")
    zh = _lint(str(terms), "--ui-lang", "zh")
    assert "承揽商的承诺" not in zh and "供方的承诺不足" in zh
    assert "Vendor" not in zh and "Supplier" not in zh
    en = " ".join(_lint(str(terms), "--ui-lang", "en").split())
    assert "The supplier's undertaking" in en


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_github_and_junit_words_follow_the_ui_language(lang: str, tmp_path: Path) -> None:
    """The annotations and the JUnit text people read in CI are in the UI language; codes, rule ids and the
    JUnit ``message`` attribute stay English."""
    out = _lint(str(ZH), "--format", "github", "--ui-lang", lang)
    annotation, summary = out.splitlines()[0], out.splitlines()[-1]
    assert annotation.startswith("::error file=fixtures/sample/procurement-contract-zh.docx,title=CSR01 "
                                 "review-cooperation::") or "title=CSR01 review-cooperation::" in annotation
    if lang == "zh":
        assert "::weak: 北桥系统有限公司的承诺不足" in annotation and "（第2页 §第九条（一） ¶34）：“乙方" in annotation
        assert summary == "cliccheck：共检查1份文件：0份通过，1份不通过（1个错误）。"
    else:
        assert "::weak: " in annotation and "(page 2 §第九条（一） ¶34): “乙方" in annotation
        assert summary == "cliccheck: 1 document checked: 0 passed, 1 failed (1 error)."
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf at all")
    junit = _lint(str(broken), "--format", "junit", "--ui-lang", lang, codes=(2,))
    assert 'message="named .pdf but is not a PDF' in junit  # the attribute: English, for machines
    if lang == "zh":
        assert "无法读取的文件永远不会通过检查。" in junit and "A document that cannot" not in junit
    else:
        assert "A document that cannot be read never passes." in junit
    github = _lint(str(broken), "--format", "github", "--ui-lang", lang, codes=(2,))
    assert ("title=cliccheck：无法读取（not-a-pdf）" if lang == "zh" else "title=cliccheck%3A cannot read (not-a-pdf)") \
        in github


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("limit", "suggest"), [("CSR5", None), ("max_pagez=5", "max_pages / max_ocr_pages")])
def test_limit_name_error_is_one_line_with_did_you_mean(lang: str, limit: str, suggest: str | None,
                                                        tmp_path: Path) -> None:
    """A wrong --limit name is one coded line in the UI language (it was an internal error in Chinese)."""
    proc = _cli("lint", "--limit", limit, "--ui-lang", lang, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    line = proc.stderr
    assert line.count("\n") == 1 and line.rstrip().endswith("[config]"), line
    assert "internal" not in line and "Traceback" not in line
    if lang == "zh":
        assert line.startswith(f"cliccheck：错误：--limit '{limit}'：应为“名称=正整数”"), line
        assert (f"您是否想用 {suggest}？" in line) if suggest else "您是否想用" not in line
    else:
        assert line.startswith(f"cliccheck: error: --limit '{limit}': expected NAME=POSITIVE_INTEGER"), line
        assert (f"did you mean {suggest}?" in line) if suggest else "did you mean" not in line


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_missing_verdict_with_a_near_miss_shows_it(lang: str) -> None:
    """README's promise: a missing verdict shows the closest wording when the contract has one (the English
    sample's CSR03 showed none); checked against the JSON's near-miss evidence, for every sample."""
    import json

    label = "最接近的措辞（不足以满足要求）：" if lang == "zh" else "closest wording found (not sufficient): "
    seen = 0
    for sample in (EN, ZH, BI):
        data = json.loads(_lint(str(sample), "--format", "json"))
        text = _lint(str(sample), "--ui-lang", lang, env={"COLUMNS": "400"})
        rows = re.split(r"\n  [✔✖!·] ", text)
        for req in data["documents"][0]["requirements"]:
            if req["verdict"] != "missing" or not any(ev["role"] == "near-miss" for ev in req["evidence"]):
                continue
            row = next(r for r in rows if r.startswith(req["id"] + " "))
            assert label in row, row
            seen += 1
    assert seen >= 1  # the English sample's CSR03


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_supplier_alias_adds_a_name_and_changes_no_verdict(lang: str) -> None:
    """``--supplier-alias`` adds to the names the contract gives: the verdicts stay those of the plain run and
    the report still names the supplier by its name in the report's language."""
    for sample, name in ((EN, "Northbridge Systems Ltd."), (ZH, "北桥系统有限公司")):
        plain = _lint(str(sample), "--ui-lang", lang, env={"COLUMNS": "300"})
        alias = _lint(str(sample), "--ui-lang", lang, "--supplier-alias", "NBS", env={"COLUMNS": "300"})
        verdicts = [re.findall(r"CSR0\d \S+ — (\S+?)[（( ]", out) for out in (plain, alias)]
        assert verdicts[0] == verdicts[1] and len(verdicts[0]) == 4, verdicts
        assert name in alias and "no party is named as bound" not in alias and "未写明由供方承担" not in alias


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_statistics_over_a_folder_with_a_readme(lang: str, tmp_path: Path) -> None:
    """``cliccheck lint --statistics`` with no path, as in a repository of drafts: the README counts as what it is
    (one not-a-contract finding), not as four missing undertakings; excluded folders are not read."""
    shutil.copy(ZH, tmp_path / "a.docx")
    (tmp_path / "README.md").write_text("# Contracts\n\nDrafts for review. Run `cliccheck lint` before a commit.\n",
                                        encoding="utf-8")
    (tmp_path / "old").mkdir()
    shutil.copy(EN, tmp_path / "old" / "b.docx")
    (tmp_path / ".cliccheck.toml").write_text('extend-exclude = ["old"]\n', encoding="utf-8")
    proc = _cli("lint", "--statistics", "--ui-lang", lang, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == ("统计（2份文件）" if lang == "zh" else "Statistics (2 documents)")
    rows = {line.split()[0]: line.split()[1:] for line in lines if line.startswith("CSR0")}
    assert rows["CSR01"] == ["0", "1", "0", "0"] and rows["CSR04"] == ["1", "0", "0", "0"], rows  # a.docx only
    finding = next(line for line in lines if "not-a-contract" in line)
    assert finding.split()[-1] == "1"
    assert ("这看起来不像一份合同（not-a-contract）" in finding) if lang == "zh" else finding.split()[0] == "not-a-contract"


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_readme_error_line_format_is_what_is_printed(lang: str, tmp_path: Path) -> None:
    """The format README documents for error lines, with and without a file, matches stderr in both languages."""
    readme = _readme()
    documented = {"en": "`cliccheck: error: [FILE: ]message [code]`", "zh": "`cliccheck：错误：[文件：]消息 [code]`"}
    assert documented[lang] in readme
    head, sep = ("cliccheck：错误：", "：") if lang == "zh" else ("cliccheck: error: ", ": ")
    shape = re.compile(rf"^{re.escape(head)}(?:(?P<file>[^\s：:]+){re.escape(sep)})?(?P<message>.+) \[(?P<code>[a-z-]+)\]$")
    existing = tmp_path / "report.json"
    existing.write_text("{}", encoding="utf-8")
    cases = [(["lint", str(ZH), "--format", "json", "-o", str(existing)], "output-exists", str(existing)),
             (["lint", "--select", "CSR5", str(ZH)], "config", None),
             (["lint", "--frmat", "json"], "config", None)]
    for args, code, file in cases:
        proc = _cli(*args, "--ui-lang", lang, cwd=tmp_path)
        line = proc.stderr.rstrip("\n")
        assert proc.returncode == 2 and "\n" not in line, proc.stderr
        m = shape.match(line)
        assert m and m["code"] == code, line
        assert m["file"] == file, line


def test_readme_pre_commit_example_runs_as_pre_commit_would(tmp_path: Path) -> None:
    """The README's pre-commit hook (``repo: local``, as no release is tagged) is valid YAML whose entry, run on
    the files its pattern selects, blocks the commit of an imperfect draft and lets a compliant one through."""
    import yaml

    block = _readme().split("### pre-commit", 1)[1]
    config = yaml.safe_load(re.search(r"```yaml\n(.*?)```", block, re.S).group(1))
    hook = config["repos"][0]["hooks"][0]
    assert config["repos"][0]["repo"] == "local" and hook["language"] == "system" and hook["id"] == "cliccheck"
    files = re.compile(hook["files"])
    assert files.search("drafts/a.docx") and files.search("b.pdf") and not files.search("notes.xlsx")
    assert re.search(hook["exclude"], "drafts/~$a.docx")
    entry = hook["entry"].split()
    assert entry[0] == "cliccheck"
    bad = _cli(*entry[1:], str(EN), cwd=tmp_path)
    assert bad.returncode == 1 and "CSR04" in bad.stdout
    compliant = tmp_path / "ok.txt"
    compliant.write_text(
        'Supply Agreement between Harbour Grid Operations Co. (the "Customer") and Northbridge Systems Ltd. (the '
        '"Supplier").\n\n1. The Supplier shall cooperate with any cybersecurity review conducted by the competent '
        "authorities and shall provide the documents and information they request.\n\n2. The Supplier shall not "
        "use the convenience of providing the Products to illegally obtain user data, and shall not illegally "
        "control or manipulate users' equipment.\n\n3. The Supplier shall not interrupt the supply of the Products "
        "or the necessary technical support services without a justifiable reason.\n", encoding="utf-8")
    good = _cli(*entry[1:], str(compliant), cwd=tmp_path)
    assert good.returncode == 0, good.stdout + good.stderr


@pytest.mark.parametrize("text", [
    "why: found: cooperation with the cybersecurity review; weakened by: '原则上应'; weakened by: '尽量'",
    "北桥系统有限公司的承诺不足（配合网络安全审查）：被“原则上应”弱化；受限于：“但乙方不得因此中断”。",
])
def test_wrapping_never_ends_a_line_with_an_opening_quote(text: str) -> None:
    """An opening quote or bracket goes to the next line with the words it opens ("weakened by: '" then
    "尽量'" on the next line read as an empty quotation), at every width; nothing is added or lost."""
    from cliccheck.report.wrap import NO_LINE_END

    for width in range(12, 100):
        lines = wrap_text(text, width)
        assert not [line for line in lines if line[-1:] in NO_LINE_END or line.endswith(" '")], (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), width


@pytest.mark.parametrize("sample", [ZH, EN, BI], ids=lambda p: p.stem)
def test_html_marks_every_contract_word_in_the_other_language(sample: Path, tmp_path: Path) -> None:
    """The HTML report's lang attributes hold for every element: on the Chinese page of any sample, what is not
    marked lang="en" has no English word (the party's English name in a message, an English quotation in a
    reason, an English clause number); on the English page, what is not marked lang="zh" has no Chinese."""
    for lang, other in (("zh", "en"), ("en", "zh")):
        page = tmp_path / f"{lang}.html"
        _lint(str(sample), "--format", "html", "--ui-lang", lang, "-o", str(page), "--force")
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html and f'lang="{other}">' in html
        text = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
        text = re.sub(rf'<(span|div) lang="{other}">.*?</\1>', " ", text, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", text).replace(str(sample), " ")
        if lang == "zh":
            assert _english_words(re.sub(r"cliccheck \S+", " ", text)) == [], sample
        else:
            assert not re.findall(r"[\u4e00-\u9fff]+", text), sample


def test_schedule_and_annex_references_read_in_the_report_language(tmp_path: Path) -> None:
    """A clause inside 附件二 or an English Schedule is cited as the contract numbers it ("附件二 第三条",
    "Schedule 1 item 3"); the tool's own word "item" is said in Chinese in a Chinese report."""
    draft = tmp_path / "annexes.txt"
    draft.write_text("采购合同\n\n甲方：某运营者有限公司\n乙方（供方）：某供应商有限公司\n\n第一条 总则\n乙方应按约定供货。\n\n"
                     "附件二：安全承诺\n第三条 乙方承诺不利用提供产品和服务的便利条件非法获取用户数据。\n\nSchedule 1 Security\n"
                     "3. The Supplier shall cooperate with any cybersecurity review.\n", encoding="utf-8")
    zh = _lint(str(draft), "--ui-lang", "zh", env={"COLUMNS": "200"})
    assert "（Schedule 1 第3项）" in zh and "（附件二 第三条）" in zh and " item " not in zh
    en = _lint(str(draft), "--ui-lang", "en", env={"COLUMNS": "200"})
    assert "(Schedule 1 item 3)" in en and "(附件二 第三条)" in en


def test_a_message_key_given_twice_is_refused(tmp_path: Path) -> None:
    """YAML keeps the last of two equal keys without a word: a new message added under a key in use would
    silently change what another command says (it happened: err.unknown-language)."""
    from cliccheck.errors import ConfigError
    from cliccheck.i18n import _load

    path = tmp_path / "ui.yaml"
    path.write_text('a.b: {zh: "一", en: "one"}\nc: {zh: "二", en: "two"}\na.b: {zh: "三", en: "three"}\n',
                    encoding="utf-8")
    with pytest.raises(ConfigError, match=r"given twice: a\.b"):
        _load(str(path))
    path.write_text('a.b: {zh: "一", en: "one"}\n', encoding="utf-8")
    assert _load(str(path)) == {"a.b": {"zh": "一", "en": "one"}}


def test_quoted_contract_words_nest_their_quotes_in_chinese() -> None:
    """A reason quoting a definition (“技术服务”指) reads “‘技术服务’指” in Chinese, not “““技术服务”指”."""
    from types import SimpleNamespace

    from cliccheck.report.messages import reason_text
    from cliccheck.verdicts import Reason

    text = "“技术服务”指乙方依本合同第五条提供的服务。"
    said = reason_text(Reason("definition", "“技术服务”指"), "zh", [SimpleNamespace(text=text)])
    assert said == "定义：“‘技术服务’指”", said
