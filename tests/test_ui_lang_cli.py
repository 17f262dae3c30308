"""Issue 12, the command line in Chinese: every command's --help, click's own words, usage errors, coded
errors, ``rules`` and ``explain`` read fully in Chinese under ``--ui-lang zh`` / ``CLICCHECK_UI_LANG=zh``, and
stay English under ``en``.

The check that nothing leaks is a scan of the Chinese output for English words: what may remain is listed
below and is not prose — option names and their literal values, codes, file names, commands in examples, and
the names of products and formats.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cliccheck.cli import cli
from cliccheck.clihelp import command_key, option_keys
from cliccheck.config import FINDING_RULES
from cliccheck.i18n import catalogue, t
from cliccheck.library import load_library

ROOT = Path(__file__).resolve().parent.parent
ZH_ENV = {"CLICCHECK_UI_LANG": "zh", "LC_ALL": "", "LANG": "C.UTF-8", "COLUMNS": "100"}
EN_ENV = {"CLICCHECK_UI_LANG": "", "LC_ALL": "", "LANG": "C.UTF-8", "COLUMNS": "100"}

#: names of products, formats and standards, and environment variables: not translated in Chinese either
PROPER_NOUNS = {
    "PDF", "OCR", "JSON", "HTML", "SARIF", "CSV", "XLSX", "DOCX", "TOML", "YAML", "UTF", "API", "HTTP", "OA",
    "CLM", "CII", "SHA", "DTD", "FIFO", "ISO", "JPEG", "PNG", "TIFF", "RTF", "Word", "LibreOffice", "Apple",
    "Pages", "OpenDocument", "Dask", "SQLite", "OpenAPI", "Lines", "JUnit", "GitHub", "Unicode", "LANG",
    "LC_ALL", "NO_COLOR", "SOURCE_DATE_EPOCH", "CLICCHECK_PASSWORD", "CLICCHECK_TOKEN", "LocalCluster",
    "Vendor", "Customer", "cliccheck", "fsspec", "WebP", "BMP", "GET", "POST",
}
#: literal option values and identifiers a user types (``--format text``, ``max_pages``)
LITERALS = {
    "text", "json", "sarif", "junit", "github", "html", "md", "txt", "docx", "pdf", "zh", "en", "auto", "both",
    "never", "always", "error", "warning", "note", "local", "dask", "short", "full", "strict", "balanced",
    "damages", "none", "csv", "xlsx", "path", "excluded", "exclude", "extend-exclude", "fail-on", "select",
    "ignore", "lint", "extract", "annex", "redline", "rules", "explain", "audit", "eval", "serve", "run",
    "report", "host", "tcp", "localhost", "soffice", "docm", "ocr",
    *(r.name for r in load_library().requirements), *FINDING_RULES,
}
_ENGLISH_WORD = re.compile(r"(?<![\w.-])[A-Za-z][A-Za-z_'-]*[A-Za-z]")


def english_words(text: str) -> list[str]:
    """English words in ``text`` that are neither names, codes, paths, option names nor literal values."""
    kept = []
    in_examples = False
    text = re.sub(r"`[^`]*`", " ", text)  # commands and literals quoted in a message (also across a wrap)
    for line in text.splitlines():
        in_examples = (in_examples and bool(line.strip())) or line.strip() == "示例："
        if in_examples:  # commands, as typed
            continue
        line = re.sub(r"\S+://\S+", " ", line)  # URLs
        line = re.sub(r"'[^']*'|“[^”]*”", " ", line)  # what the user typed, quoted back
        line = re.sub(r"(?<!\w)--?[\w-]+(=\S*)?", " ", line)  # option names
        line = re.sub(r"\[[\w|+.-]*\]", " ", line)  # choices and codes in brackets
        line = re.sub(r"\S*[/\\]\S*|\S*\.\w+\S*", " ", line)  # paths and file names
        # identifiers, rule ids of every pack (CSR01, SEC01, PIPL21-01, ND01) included
        line = re.sub(r"\b\w+_\w+\b|\bCSR\w+\b|\b[A-Z][A-Z0-9]*-?\d{2,3}\b|\b[0-9a-f]{7,}\b", " ", line)
        kept.extend(w for w in _ENGLISH_WORD.findall(line) if w not in PROPER_NOUNS and w not in LITERALS)
    return kept


def _run(args: list[str], env: dict[str, str], codes: tuple[int, ...] = (0,)) -> str:
    result = CliRunner().invoke(cli, args, env=env, catch_exceptions=False, prog_name="cliccheck")
    assert result.exit_code in codes, result.output
    return result.output


def _commands() -> list[list[str]]:
    """The path of every command and subcommand (``[]`` is cliccheck itself)."""
    out: list[list[str]] = []

    def walk(command: click.Command, path: list[str], parent: click.Context | None) -> None:
        out.append(path)
        ctx = click.Context(command, info_name=command.name, parent=parent)
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                walk(command.get_command(ctx, name), [*path, name], ctx)  # type: ignore[arg-type]

    walk(cli, [], None)
    return out


COMMANDS = _commands()


def test_the_scan_finds_english_prose() -> None:
    assert english_words("显示本帮助并退出。Show this message and exit.") == ["Show", "this", "message", "and",
                                                                             "exit"]
    assert english_words("用法：cliccheck lint [选项] [路径]... --format [text|json] CSR01 ./a.docx") == []


def test_every_option_of_every_command_has_its_chinese_help() -> None:
    known = catalogue()
    missing = []

    def walk(command: click.Command, parent: click.Context | None) -> None:
        ctx = click.Context(command, info_name=command.name, parent=parent)
        key = command_key(ctx)
        if f"help.{key}" not in known:
            missing.append(f"help.{key}")
        for param in command.get_params(ctx):
            if isinstance(param, click.Option) and param is not command.get_help_option(ctx) \
                    and not any(k in known for k in option_keys(key, param)):
                missing.append(option_keys(key, param)[0])
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                walk(command.get_command(ctx, name), ctx)  # type: ignore[arg-type]

    walk(cli, None)
    assert missing == []


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "cliccheck")
def test_every_help_reads_in_chinese(path: list[str]) -> None:
    out = _run([*path, "--help"], ZH_ENV)
    assert out.startswith("用法：cliccheck")
    assert "选项：" in out and "显示本帮助并退出。" in out
    assert english_words(out) == [], out


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "cliccheck")
def test_every_help_stays_english_in_english(path: list[str]) -> None:
    out = _run([*path, "--help"], EN_ENV)
    assert out.startswith("Usage: cliccheck")
    assert "Options:" in out and "Show this message and exit." in out
    assert "用法" not in out and "选项" not in out and t("help.opt.help", "zh") not in out


def test_ui_lang_on_the_command_line_and_in_the_environment_agree() -> None:
    by_option = _run(["--ui-lang", "zh", "annex", "--help"], EN_ENV)
    by_subcommand_option = _run(["annex", "--help", "--ui-lang", "zh"], EN_ENV)
    by_env = _run(["annex", "--help"], ZH_ENV)
    assert by_option == by_subcommand_option == by_env
    assert "命令：" in _run(["--help"], ZH_ENV)
    assert _run(["--ui-lang", "en", "--help"], ZH_ENV).startswith("Usage:")  # the option wins


def test_a_command_lines_ui_lang_ends_with_its_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """A tool that runs the CLI in-process and then calls the API gets the API's own language choice: CI
    caught a batch test comparing API results with CLI results after another test had run ``--ui-lang en``."""
    from cliccheck import lint

    for var in ("CLICCHECK_UI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    sample = str(ROOT / "fixtures" / "sample" / "procurement-contract-zh.docx")
    assert _run(["--ui-lang", "en", "rules"], EN_ENV)
    assert lint(sample).documents[0].ui_lang == "zh"  # the contract's language, not the earlier run's option


USAGE_ERRORS = [
    (["lint", "--nope"], "没有 --nope 选项"),
    (["lint", "--formt", "json"], "--format"),
    (["lint", "--format", "xml", "a.txt"], "的值无效：应为以下之一：text"),
    (["lint", "-j", "0", "a.txt"], "应为整数，范围 1<=x"),
    (["lint", "--force=3"], "--force 选项不带值"),
    (["lint", "--output"], "--output 选项需要一个值"),
    (["annex"], "缺少参数 “合同”"),
    (["annex", "a.docx", "b.docx"], "多余的参数：b.docx"),
    (["lnit"], "没有“lnit”命令；您是否想用 lint？"),
    (["explain"], "explain 需要一项要求"),
    (["eval", "/nonexistent/corpus"], "且该路径必须存在"),
    (["audit", "run", "--scheduler", "tcp://x:1"], "请至少给出一个路径"),
]


@pytest.mark.parametrize(("args", "expected"), USAGE_ERRORS, ids=lambda a: " ".join(a) if isinstance(a, list) else "")
def test_usage_errors_are_one_chinese_line(args: list[str], expected: str) -> None:
    from cliccheck.cli import usage_line

    result = CliRunner().invoke(cli, args, env=ZH_ENV, standalone_mode=False, prog_name="cliccheck")
    exc = result.exception
    assert isinstance(exc, click.UsageError), result.output
    line = usage_line(exc, "zh")
    assert line.startswith("cliccheck：错误：") and line.endswith("[config]") and "\n" not in line
    assert expected in line, line
    assert english_words(line) == [], line
    english = usage_line(exc, "en")
    assert english.startswith("cliccheck: error: ") and not re.search(r"[\u4e00-\u9fff]", english), english


def test_coded_errors_read_fully_in_chinese(tmp_path: Path) -> None:
    fake = tmp_path / "scan.pdf"
    fake.write_text("not a pdf", encoding="utf-8")
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    existing = tmp_path / "out.html"
    existing.write_text("x", encoding="utf-8")
    cases = [
        (["annex", str(fake)], "扩展名为 .pdf，但不是 PDF", "[not-a-pdf]"),
        (["annex", str(empty)], "文件为空", "[empty-file]"),
        (["annex", str(tmp_path / "missing.docx")], "文件不存在", "[not-found]"),
        (["lint", str(fake), "--format", "html", "-o", str(existing)], "文件已存在：加 --force 可覆盖",
         "[output-exists]"),
        (["lint", str(fake), "--config", str(tmp_path / "none.toml")], "找不到配置文件", "[config]"),
        (["lint", str(fake), "--timeout", "abc"], "应为秒数", "[config]"),
        (["explain", "CSR09"], "没有要求 'CSR09'", "[config]"),
    ]
    for args, expected, code in cases:
        result = CliRunner().invoke(cli, args, env=ZH_ENV)
        assert result.exit_code == 2, (args, result.output)
        line = result.output.strip().splitlines()[-1]
        assert line.startswith("cliccheck：错误：") and expected in line and line.endswith(code), line
        assert english_words(line) == [], line
        english = CliRunner().invoke(cli, args, env=EN_ENV).output.strip().splitlines()[-1]
        assert english.startswith("cliccheck: error: ") and english.endswith(code), english
        assert not re.search(r"[\u4e00-\u9fff]", english), english


def test_unreadable_document_in_the_chinese_report_and_english_json(tmp_path: Path) -> None:
    fake = tmp_path / "contract.pdf"
    fake.write_text("not a pdf", encoding="utf-8")
    out = _run(["lint", str(fake)], ZH_ENV, codes=(2,))
    assert "无法读取：扩展名为 .pdf，但不是 PDF（没有 %PDF- 文件头） [not-a-pdf]" in out
    assert english_words(out.replace(str(fake), "")) == []
    data = _run(["lint", str(fake), "--format", "json"], ZH_ENV, codes=(2,))
    assert '"message": "named .pdf but is not a PDF (no %PDF- header)"' in data  # machine formats: English


def test_rules_in_chinese() -> None:
    out = _run(["rules"], ZH_ENV)
    english_titles = {r.titles["en"] for r in load_library().requirements}
    body = "\n".join(line for line in out.splitlines() if line.strip() not in english_titles)
    assert "以文字识别读取的文字" in body
    assert english_words(body) == [], body


@pytest.mark.parametrize("rule", ["CSR01", "CSR02", "CSR03", "CSR04"])
def test_explain_gives_the_legal_basis_in_chinese(rule: str) -> None:
    out = _run(["explain", rule, "--lang", "zh"], ZH_ENV)
    basis = out.split("法律依据", 1)[1].split("合同应当写明的内容", 1)[0]
    assert "《网络安全审查办法》" in basis and "第六条" in basis
    assert english_words(out.split("\n", 1)[1]) == [], out  # the first line is the id and its name
    assert "Legal basis" not in out and "CAC Order" not in out
    english = _run(["explain", rule, "--lang", "en"], EN_ENV)
    assert "Legal basis" in english and "Cybersecurity Review Measures" in english


def test_every_legal_basis_entry_has_its_chinese() -> None:
    for req in load_library().requirements:
        for entry in req.legal_basis:
            assert re.search(r"[\u4e00-\u9fff]{4,}", entry["cite_zh"]), entry
            assert ("note" in entry) == ("note_zh" in entry), entry
            assert not re.search(r"\b(Art|Order|Law|Measures)\b", entry["cite_zh"] + entry.get("note_zh", ""))


def test_every_coded_error_names_a_catalogue_message_with_the_values_it_gives() -> None:
    """``X.of("key", …)`` in the source: ``err.key`` exists, and the values given are exactly its
    placeholders (``code`` and ``path`` belong to the error, never to the message)."""
    import ast
    import string

    known = catalogue()
    checked = 0
    for source in sorted((ROOT / "cliccheck").rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "of"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            key = f"err.{node.args[0].value}"
            where = f"{source.relative_to(ROOT)}:{node.lineno}"
            assert key in known, where
            fields = {f for _, f, _, _ in string.Formatter().parse(known[key]["en"]) if f}
            assert not fields & {"code", "path"}, where
            if any(k.arg is None for k in node.keywords):  # **values: checked where they are built
                continue
            given = {k.arg for k in node.keywords} - {"code", "path"}
            assert given == fields, (where, given, fields)
            checked += 1
    assert checked > 100


def test_every_phrase_and_said_names_a_catalogue_message() -> None:
    import ast

    known = catalogue()
    for source in sorted((ROOT / "cliccheck").rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("Phrase", "Said") \
                    and node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value is not None:
                assert node.args[0].value in known, f"{source.relative_to(ROOT)}:{node.lineno}"


SAMPLES = ROOT / "fixtures" / "sample"


@pytest.mark.parametrize("sample", ["procurement-contract-zh.docx", "bilingual-contract.docx"])
def test_explain_trace_reads_in_chinese(sample: str) -> None:
    """Every line the tool writes in ``explain --trace`` is Chinese under --ui-lang zh: what remains in English
    is only the contract's own words (the sentence read, and the words quoted from it)."""
    out = _run(["explain", "--trace", str(SAMPLES / sample), "--ui-lang", "zh"], ZH_ENV)
    assert "行为主体：供方" in out and "情态：有约束力" in out and "理由：" in out
    readings = [line for line in out.splitlines() if re.match(r"CSR0\d  ", line)]
    assert readings and all(re.search(r"CSR0\d  (承诺（满足|承诺（不足|相抵触|接近但不足|限制)", r) for r in readings)
    # the tool's words only: drop the sentence each reading quotes and the contract's words in brackets and quotes
    tool = []
    for line in out.splitlines():
        if re.match(r"CSR0\d  ", line):
            line = line.split("：", 1)[0]
        line = re.sub(r"^(［[^］]+］).*(，第\d+段)$", r"\1\2", line)  # the contract's own clause number
        line = re.sub(r"（[^（）]*）|“[^”]*”", " ", line)  # the contract's modal and party words, quotations
        line = re.sub(r"^\s*(行为|附加条款|未解读的文字|对象|条件|例外)：.*?(?=［|$)", " ", line)
        line = re.sub(r"[：、；]\s*[^：、；［]*?(?=［)", " ", line)  # words before their ［kind］
        tool.append(line)
    assert english_words("\n".join(tool)) == [], "\n".join(tool)
    english = _run(["explain", "--trace", str(SAMPLES / sample), "--ui-lang", "en"], EN_ENV)
    assert "actor: supplier" in english and "reasons: " in english and "行为主体" not in english


def test_explain_trace_in_english_on_the_english_sample() -> None:
    out = _run(["explain", "--trace", str(SAMPLES / "supply-agreement-en.docx"), "CSR04", "--ui-lang", "en"], EN_ENV)
    assert "[English version] clause 7.1, paragraph " in out
    assert "CSR04  contradiction: The Vendor may suspend supply" in out
    assert "modality: permission (may), polarity positive" in out and "act: suspend [forbidden act]" in out
    zh = _run(["explain", "--trace", str(SAMPLES / "supply-agreement-en.docx"), "CSR04", "--ui-lang", "zh"], ZH_ENV)
    assert "［英文文本］7.1，第" in zh and "情态：许可（可以、有权）（may），肯定" in zh
    assert "第第" not in zh


def test_explain_trace_auto_speaks_the_contracts_language() -> None:
    """``--ui-lang auto`` (no locale naming a language): the trace of a Chinese contract is in Chinese, as its
    lint report; a locale naming English wins."""
    zh_sample = str(SAMPLES / "procurement-contract-zh.docx")
    out = _run(["explain", "--trace", zh_sample, "CSR02"], EN_ENV)
    assert out.startswith("［中文文本］第一条（三），第10段") and "理由：接近但不足：“存储 … 用户数据”" in out, out
    english = _run(["explain", "--trace", zh_sample, "CSR02"], {**EN_ENV, "LANG": "en_GB.UTF-8"})
    assert english.startswith("[Chinese version] clause 第一条（三）, paragraph 10"), english


def _tool_words(text: str, names: tuple[str, ...] = ("Northbridge Systems Ltd.", "北桥系统有限公司")) -> str:
    """``text`` without what the contract says: the party's own name (as X), its clause numbers, and the words
    quoted from it (a quotation runs to the end of an evidence line; a message quotes in “…” or '…')."""
    for name in names:
        text = text.replace(name, "X")
    text = re.sub(r"^((?:［[^］]*］)|(?:\[[^\]]*\])).*$", r"\1", text, flags=re.MULTILINE)
    text = re.sub(r"§[^\s,，;；]+", " ", text)
    return re.sub(r"“[^”]*”|(?<!\w)'[^']*'(?!\w)", " ", text)


@pytest.mark.parametrize("sample", ["procurement-contract-zh.docx", "supply-agreement-en.docx",
                                    "bilingual-contract.docx"])
def test_junit_and_github_text_reads_in_the_ui_language(sample: str) -> None:
    """What a lawyer reads in a CI test tab or an annotation is in the UI language: the verdict codes, rule ids
    and the JUnit ``message`` attribute stay English (machines read them); the body and the annotation's
    message are said from the catalogue, with what each quotation is in words."""
    import xml.etree.ElementTree as ET

    path = str(SAMPLES / sample)
    verdict = re.compile(r"^(satisfied|weak|missing|contradicted|not_applicable): ", re.MULTILINE)
    for lang, env in (("zh", ZH_ENV), ("en", EN_ENV)):
        root = ET.fromstring(_run(["lint", path, "--format", "junit", "--ui-lang", lang], env, codes=(0, 1)))
        bodies = [e.text or "" for e in root.iter() if e.tag in ("failure", "system-out", "error")]
        attributes = [e.get("message", "") for e in root.iter("failure")]
        assert bodies and attributes
        annotations = [line.split("::", 2)[2] for line in
                       _run(["lint", path, "--format", "github", "--ui-lang", lang], env, codes=(0, 1)).splitlines()
                       if line.startswith("::")]
        assert annotations
        said = _tool_words(verdict.sub("", "\n".join(bodies + annotations)))
        if lang == "zh":
            assert english_words(said) == [], said
            assert all(re.match(r"(weak|missing|contradicted): ", b) for b in bodies if b and not b.startswith(
                ("satisfied", "["))), bodies
            assert re.search(r"^［(承诺|弱化承诺的措辞|相抵触的条款|最接近的措辞（不足以满足要求）)；第\d+页", "\n".join(bodies),
                             re.MULTILINE), bodies
        else:
            assert not re.search(r"[\u4e00-\u9fff]", said), said
            assert re.search(r"^\[(undertaking|weakener|contradiction|near-miss); page \d+", "\n".join(bodies),
                             re.MULTILINE), bodies
        # the attribute machines read stays the English message with its verdict code
        assert all(verdict.match(a) and not re.search(r"[\u4e00-\u9fff](?:的承诺|弱化)", a) for a in attributes)


def test_serve_and_pack_errors_read_in_both_languages(tmp_path: Path) -> None:
    """``serve`` refusing to start (an open host without a token, a token file it cannot use) and a pack folder
    that is missing or is not a pack: one coded line in Chinese under zh, the same English line under en."""
    weak = tmp_path / "token.txt"
    weak.write_text("short\n", encoding="utf-8")
    not_a_pack = tmp_path / "playbook"
    not_a_pack.mkdir()
    config = tmp_path / "cliccheck.toml"
    config.write_text('packs = ["./missing-pack"]\n', encoding="utf-8")
    contract = str(SAMPLES / "procurement-contract-zh.docx")
    cases = [
        (["serve", "--host", "0.0.0.0"], "可从其他计算机访问", "is reachable from other machines"),
        (["serve", "--token-file", str(tmp_path / "none.txt")], "无法读取（FileNotFoundError）", "cannot be read"),
        (["serve", "--token-file", str(weak)], "令牌至少需要 16 个可打印字符", "the token must be at least 16"),
        (["lint", contract, "--packs", str(not_a_pack)], "不是规则包（没有 pack.yaml）", "not a rule pack (no pack.yaml)"),
        (["lint", contract, "--config", str(config)], "packs：", "packs: "),
        (["lint", contract, "--config", str(config)], "找不到规则包文件夹", "pack folder not found"),
    ]
    env = {"CLICCHECK_TOKEN": ""}
    for args, chinese, english in cases:
        zh = _run([*args, "--ui-lang", "zh"], {**ZH_ENV, **env}, codes=(2,)).strip().splitlines()[-1]
        assert zh.startswith("cliccheck：错误：") and chinese in zh and zh.endswith("[config]"), zh
        assert english_words(zh.replace(str(tmp_path), "")) == [], zh
        en = _run([*args, "--ui-lang", "en"], {**EN_ENV, **env}, codes=(2,)).strip().splitlines()[-1]
        assert en.startswith("cliccheck: error: ") and english in en and not re.search(r"[\u4e00-\u9fff]", en), en


def test_matcher_and_worker_errors_carry_their_catalogue_words() -> None:
    """Errors the HTTP service passes on from the checker (an unknown requirement or language asked of the
    matcher, a checker process that failed) are said in the client's language in ``localized_message``."""
    from cliccheck.errors import CliccheckError, ConfigError
    from cliccheck.library import load_library
    from cliccheck.matcher import check_document
    from cliccheck.model import Document

    library = load_library()
    doc = Document(path="x.txt", format="text", blocks=[])
    for kwargs, chinese in (({"select": ["CSR99"]}, "没有要求 CSR99"), ({"lang": "fr"}, "未知的语言 'fr'")):
        with pytest.raises(ConfigError) as caught:
            check_document(doc, library=library, **kwargs)
        assert chinese in caught.value.localized("zh") and english_words(caught.value.localized("zh")) == []
        assert not re.search(r"[\u4e00-\u9fff]", caught.value.localized("en"))
    pytest.importorskip("fastapi")
    from cliccheck.service.workers import _raise_outcome

    with pytest.raises(CliccheckError) as crashed:
        _raise_outcome("crash", "ValueError: boom")
    assert crashed.value.code == "internal" and "检查该文件时出现内部错误" in crashed.value.localized("zh")
    assert crashed.value.message.startswith("internal error while checking the document (ValueError: boom)")


def test_obfuscated_text_names_the_characters_not_the_tools_block_counter() -> None:
    """The human reports say which characters were found and in which word, in the UI language, from the
    catalogue; the matcher's English message ("Block 12 contains 1 invisible character(s)") names the tool's own
    block counter, which a lawyer cannot find in Word (it stays in the JSON)."""
    path = str(ROOT / "fixtures" / "hostile" / "obfuscated" / "zh-bidi-mark.docx")
    for lang, env, expected in (("zh", ZH_ENV, "（«乙方有权随时中⟨U+200E⟩断产品供应和技术支持»中的U+200E）"),
                                ("en", EN_ENV, "(U+200E LEFT-TO-RIGHT MARK in «乙方有权随时中⟨U+200E⟩断产品供应和技术支持»)")):
        out = _run(["lint", path, "--ui-lang", lang, "--no-color"], {**env, "COLUMNS": "1000"}, codes=(1,))
        assert expected in out, out
        assert not re.search(r"\b[Bb]lock \d+", out), out
    data = _run(["lint", path, "--format", "json"], EN_ENV, codes=(1,))
    assert re.search(r'"message": "Block \d+ contains 1 invisible character', data)


def test_every_frame_code_a_trace_can_show_has_its_words() -> None:
    """``explain --trace`` says each code of a frame in words from the catalogue and falls back to the code
    itself: a rider class added to frames.yaml, or an act kind, actor or modality added to the matcher, must come
    with its zh and en words, or a Chinese trace would show an English code."""
    from cliccheck.matcher.candidates import _ACTION_KEYS
    from cliccheck.matcher.frames import _MODALITY

    known = catalogue()
    library = load_library()
    codes = {
        "trace.rider": {*library.frames.get("riders", {}), "later sentence"},
        "trace.act": {*_ACTION_KEYS, "refusable", "contradicting"},
        "trace.modality": {*_MODALITY.values(), "statement"},
        "trace.actor": {"supplier", "buyer", "both", "third-party", "none"},
        "trace.exception": {"justifiable", "carve-out"},
        "trace.polarity": {"positive", "negative"},
        "trace.reading": {"contradiction", "near-miss", "limitation"},
    }
    missing = [f"{prefix}.{code}" for prefix, names in codes.items() for code in names
               if f"{prefix}.{code}" not in known]
    assert missing == []
    assert "deeming" in codes["trace.rider"]  # the riders were read from the library
