"""Hardening of the command line (issue 9 §3 and §4): time, processes, outputs, terminals, configs.

Every test runs the real CLI in a subprocess (a signal, a FIFO or a terminal
escape is only real there) on drafts written here, in English and Chinese.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_corpus import cliccheck_cmd, run_measured

COMPLIANT = {
    "en": ("Supply Agreement between Jiangnan Grid Data Co., Ltd. (the Customer) and {supplier} (the Supplier).\n\n"
           "1. The Supplier shall actively cooperate with any cybersecurity review conducted by the competent "
           "authorities.\n\n"
           "2. The Supplier shall not use the provision of its products or services to illegally obtain user data."
           "\n\n3. The Supplier shall not illegally control or manipulate users' equipment.\n\n"
           "4. The Supplier shall not interrupt product supply or necessary technical support services without "
           "justifiable reason.\n"),
    "zh": ("采购合同\n\n甲方（采购方）：江南电网数据有限公司\n\n乙方（供应方）：{supplier}\n\n"
           "第一条 乙方应当积极配合网络安全审查。\n\n第二条 乙方不得利用提供产品或服务的便利条件非法获取用户数据。\n\n"
           "第三条 乙方不得非法控制和操纵用户设备。\n\n第四条 乙方不得无正当理由中断产品供应或者必要的技术支持服务。\n"),
}
SUPPLIER = {"en": "Northbridge Systems Ltd.", "zh": "北桥系统有限公司"}
CONTRADICTION = {"en": "\n\n5. The Supplier may suspend supply at any time for any reason.\n",
                 "zh": "\n\n第五条 乙方有权随时以任何理由停止供货。\n"}
RAW_CONTROLS = ("\x1b", "\x07", "\r", "\x9b", "\u202e")


def contract(lang: str, *, contradicted: bool = False, supplier: str | None = None) -> str:
    text = COMPLIANT[lang].format(supplier=supplier or SUPPLIER[lang])
    return text + (CONTRADICTION[lang] if contradicted else "")


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 300, cwd: Path | None = None,
        stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cliccheck_cmd(*args), capture_output=True, text=True, timeout=timeout,
                          # these checks read the English report; Chinese reports are tested in test_ui_lang.py
                          env={**os.environ, "LC_ALL": "en_US.UTF-8", **(env or {})}, cwd=cwd, stdin=stdin)
    assert "Traceback" not in proc.stderr and "[internal]" not in proc.stderr, proc.stderr
    return proc


def one_error(proc: subprocess.CompletedProcess[str], code: str) -> str:
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert len(lines) == 1 and lines[0].startswith("cliccheck: error: ") and lines[0].endswith(f"[{code}]"), lines
    return lines[0]


# -- §3: bounded input, --timeout everywhere, workers die with their parent --------------------------

def test_one_line_text_of_60_mb_is_refused_early_and_small(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    line = ("The Supplier shall deliver the goods to the Customer's site in good order. " * 1000).encode()
    with path.open("wb") as fh:
        for _ in range(60 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    run = run_measured(cliccheck_cmd("extract", str(path), "--timeout", "0"), timeout=120)
    assert run.rc == 2 and "[too-large]" in run.stderr and "max_chars" in run.stderr
    assert run.rss_mb < 500, run.rss_mb


def test_a_single_overlong_paragraph_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "long-paragraph.txt"
    path.write_text(contract("en") + "\n\n" + "The Supplier shall deliver. " * 50_000, encoding="utf-8")
    proc = cli("extract", str(path), "--timeout", "0")
    assert "max_paragraph_chars" in one_error(proc, "too-large")


@pytest.mark.serial
@pytest.mark.parametrize("command", ["extract", "annex", "redline", "lint"])
def test_every_reading_command_has_a_killing_timeout(tmp_path: Path, command: str) -> None:
    draft = tmp_path / "stuck.docx"
    draft.write_bytes((Path(__file__).parents[1] / "fixtures/sample/supply-agreement-en.docx").read_bytes())
    extra = ["-o", str(tmp_path / "out.docx")] if command == "redline" else []
    started = time.monotonic()
    proc = cli(command, str(draft), *extra, "--timeout", "1", env={"CLICCHECK_TEST_SLEEP": "stuck.docx=60"})
    assert time.monotonic() - started < 40
    assert proc.returncode == 2
    said = proc.stderr + proc.stdout  # lint reports it in the report, the others on stderr
    assert "--timeout 1 s" in said and "[timeout]" in said
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("command", ["lint", "extract", "annex", "redline"])
@pytest.mark.parametrize("value", ["inf", "nan", "-1", "1e400", "soon"])
def test_timeout_must_be_a_finite_number(tmp_path: Path, command: str, value: str) -> None:
    draft = tmp_path / "c.txt"
    draft.write_text(contract("en"), encoding="utf-8")
    extra = ["-o", str(tmp_path / "o.docx")] if command == "redline" else []
    proc = cli(command, str(draft), *extra, f"--timeout={value}")
    assert "--timeout" in one_error(proc, "config")


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _gone_within(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(_alive(p) for p in pids):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_killing_lint_leaves_no_worker_running(tmp_path: Path, sig: signal.Signals) -> None:
    for lang in ("en", "zh"):
        (tmp_path / f"{lang}.txt").write_text(contract(lang), encoding="utf-8")
    proc = subprocess.Popen(cliccheck_cmd("lint", str(tmp_path), "--jobs", "2", "--timeout", "600"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "CLICCHECK_TEST_SLEEP": "*.txt=600"})
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = _children(proc.pid)
        assert len(workers) >= 2, "the workers never started"
        time.sleep(1.0)
        proc.send_signal(sig)
        proc.wait(timeout=30)
        assert _gone_within(workers, 10), [w for w in workers if _alive(w)]
    finally:
        if proc.poll() is None:
            proc.kill()


WATCHDOG_SCRIPT = """
import os, sys, time
import cliccheck.batch as batch
parent = os.getpid()
child = os.fork()
if child == 0:
    batch.sys.platform = "darwin"   # no prctl: only the portable watchdog thread is left
    batch.die_with_parent(parent)
    time.sleep(120)
    os._exit(0)
print(child, flush=True)
time.sleep(120)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to watch the process")
def test_parent_watchdog_alone_ends_an_orphaned_worker() -> None:
    proc = subprocess.Popen([sys.executable, "-c", WATCHDOG_SCRIPT], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        child = int(proc.stdout.readline())
        time.sleep(0.5)
        assert _alive(child)
        proc.kill()
        proc.wait(timeout=10)
        assert _gone_within([child], 10)
    finally:
        if proc.poll() is None:
            proc.kill()


# -- §4: outputs -------------------------------------------------------------------------------------

def _draft(tmp_path: Path) -> Path:
    draft = tmp_path / "c.txt"
    draft.write_text(contract("en"), encoding="utf-8")
    return draft


def test_force_never_replaces_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    proc = cli("lint", str(_draft(tmp_path)), "--format", "json", "-o", str(fifo), "--force", timeout=60)
    one_error(proc, "output-unsafe")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_force_never_replaces_a_device_even_through_a_symlink(tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to("/dev/null")
    before = os.stat("/dev/null")
    for target in (link, Path("/dev/null")):
        proc = cli("lint", str(_draft(tmp_path)), "-o", str(target), "--force", timeout=60)
        one_error(proc, "output-unsafe")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert link.is_symlink()


@pytest.mark.parametrize("target", ["/dev/stdout", "/proc/self/report.txt", "/sys/report.txt",
                                    "/proc/cliccheck-report.txt"])
@pytest.mark.parametrize("command", ["lint", "annex"])
def test_system_paths_are_refused_before_the_run(tmp_path: Path, target: str, command: str) -> None:
    started = time.monotonic()
    extra = ["--format", "md"] if command == "annex" else []
    proc = cli(command, str(_draft(tmp_path)), "-o", target, "--force", *extra,
               env={"CLICCHECK_TEST_SLEEP": "c.txt=60"}, timeout=60)
    one_error(proc, "output-unsafe")
    assert time.monotonic() - started < 30  # refused before any document was read


def test_output_through_a_symlink_to_another_folder_replaces_the_target(tmp_path: Path) -> None:
    # another filesystem when one is at hand (the temporary file must be made beside the target)
    other_fs = [p for p in (Path("/var/tmp"), Path.home()) if p.is_dir() and os.access(p, os.W_OK)
                and os.stat(p).st_dev != os.stat(tmp_path).st_dev]
    elsewhere = (other_fs[0] if other_fs else tmp_path) / f"cliccheck-test-{os.getpid()}"
    elsewhere.mkdir(parents=True)
    try:
        target = elsewhere / "report.json"
        target.write_text("old")
        link = tmp_path / "report.json"
        link.symlink_to(target)
        proc = cli("lint", str(_draft(tmp_path)), "--format", "json", "-o", str(link), "--force")
        assert proc.returncode == 0, proc.stderr
        assert link.is_symlink() and json.loads(target.read_text())["summary"]["passed"] == 1
        assert sorted(os.listdir(elsewhere)) == ["report.json"]  # no temporary file left behind
    finally:
        for f in elsewhere.iterdir():
            f.unlink()
        elsewhere.rmdir()


# -- §4: terminal control sequences ------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_control_sequences_never_reach_the_terminal(tmp_path: Path, lang: str) -> None:
    name = "evil\x1b]0;pwned\x07\u202etxt.\r\x1bc.txt"
    path = tmp_path / name
    supplier = SUPPLIER[lang].replace(" ", " \x1b[2J") + "\x9b31m"
    path.write_text(contract(lang, contradicted=True, supplier=supplier).replace("5.", "5.\x1b[31m\r"),
                    encoding="utf-8")
    bad = tmp_path / "bad\x1b[2J\u202e.docx"
    bad.write_bytes(b"not a zip")
    outputs = [cli("lint", str(path), "--no-color"), cli("lint", str(tmp_path), "--no-color", "--jobs", "1"),
               cli("extract", str(path)), cli("extract", str(bad)), cli("annex", str(path)),
               cli("lint", str(bad), "--format", "json", "-o", str(tmp_path / "r.json"))]
    for proc in outputs:
        for raw in RAW_CONTROLS:
            assert raw not in proc.stdout and raw not in proc.stderr, (proc.args, raw, proc.stdout, proc.stderr)
    text = outputs[0].stdout
    assert "<U+202E>" in text and "<U+001B>" in text  # shown, not silently dropped
    assert "<U+202E>" in outputs[3].stderr
    extract_json = cli("extract", str(path), "--format", "json")
    assert "\x1b" not in extract_json.stdout and "\u202e" not in extract_json.stdout
    json.loads(extract_json.stdout)


# -- §4: configuration -------------------------------------------------------------------------------

def _tree(tmp_path: Path, lang: str = "en") -> Path:
    root = tmp_path / "drafts"
    (root / "vendor").mkdir(parents=True)
    (root / "ok.txt").write_text(contract(lang), encoding="utf-8")
    (root / "vendor" / "bad.txt").write_text(contract(lang, contradicted=True), encoding="utf-8")
    (root / "vendor" / ".cliccheck.toml").write_text('fail-on = "never"\n[[waiver]]\nrule = "CSR04"\n'
                                                     'reason = "x"\napproved_by = "vendor"\n', encoding="utf-8")
    return root


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_config_below_the_linted_folder_cannot_replace_its_policy(tmp_path: Path, lang: str) -> None:
    root = _tree(tmp_path, lang)
    proc = cli("lint", str(root), "--format", "json", "--jobs", "1")
    docs = {Path(d["path"]).name: d for d in json.loads(proc.stdout)["documents"]}
    assert proc.returncode == 2
    assert docs["bad.txt"]["status"] == "error" and docs["bad.txt"]["error"]["code"] == "config"
    assert "below the linted folder" in docs["bad.txt"]["error"]["message"]
    assert docs["ok.txt"]["passed"] is True
    # linting the vendor's folder itself uses its config: an explicit choice, named in the report
    own = cli("lint", str(root / "vendor"), "--jobs", "1", env={"COLUMNS": "1000"})
    assert own.returncode == 0 and "config: " + str(root / "vendor" / ".cliccheck.toml") in own.stdout


def test_the_config_in_effect_is_named_in_the_text_report(tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    proc = cli("lint", str(draft), cwd=tmp_path, env={"COLUMNS": "1000"})
    assert "config: defaults" in proc.stdout
    (tmp_path / ".cliccheck.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    proc = cli("lint", str(draft), cwd=tmp_path, env={"COLUMNS": "1000"})
    assert f"config: {tmp_path / '.cliccheck.toml'}" in proc.stdout


def test_config_that_ignores_everything_warns_instead_of_passing(tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    (tmp_path / ".cliccheck.toml").write_text('ignore = ["CSR01", "CSR02", "CSR03", "CSR04"]\n', encoding="utf-8")
    proc = cli("lint", str(draft))
    assert "PASS" not in proc.stdout and "all checked requirements satisfied" not in proc.stdout
    assert "WARNING" in proc.stdout and "no requirement" in proc.stderr


@pytest.mark.parametrize("kind", ["/dev/zero", "fifo", "folder", "huge"])
def test_config_must_be_a_small_regular_file(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        config = tmp_path / "c.toml"
        os.mkfifo(config)
    elif kind == "folder":
        config = tmp_path
    elif kind == "huge":
        config = tmp_path / "c.toml"
        config.write_text("# padding\n" * 200_000, encoding="utf-8")
    else:
        config = Path(kind)
    started = time.monotonic()
    proc = cli("lint", str(_draft(tmp_path)), "--config", str(config), timeout=60)
    one_error(proc, "config")
    assert time.monotonic() - started < 30


def test_invalid_waiver_glob_is_a_config_error_at_load(tmp_path: Path) -> None:
    (tmp_path / ".cliccheck.toml").write_text(
        '[[waiver]]\nrule = "CSR04"\npaths = ["drafts/[z-a]*.txt"]\nreason = "r"\napproved_by = "a"\n',
        encoding="utf-8")
    proc = cli("lint", str(_draft(tmp_path)), "--format", "json")
    line = one_error(proc, "config")
    assert ".cliccheck.toml:3" in line and "not a valid glob" in line
    assert proc.stdout == ""  # refused at load, not an error per document


def test_config_with_a_utf8_bom_is_read(tmp_path: Path) -> None:
    (tmp_path / ".cliccheck.toml").write_bytes('\ufefffail-on = "never"\n'.encode())
    (tmp_path / "c.txt").write_text(contract("zh", contradicted=True), encoding="utf-8")
    proc = cli("lint", str(tmp_path / "c.txt"))
    assert proc.returncode == 0, proc.stderr  # fail-on = never was read


@pytest.mark.parametrize("author", ["Li\x1b[2JWei", "Li\rWei", "Li\u202eWei", "Li\nWei"])
def test_control_characters_in_author_are_usage_errors(tmp_path: Path, author: str) -> None:
    draft = tmp_path / "c.docx"
    draft.write_bytes((Path(__file__).parents[1] / "fixtures/sample/supply-agreement-en.docx").read_bytes())
    proc = cli("redline", str(draft), "-o", str(tmp_path / "o.docx"), "--author", author)
    assert "--author" in one_error(proc, "config")
    assert "\x1b" not in proc.stderr


@pytest.mark.parametrize("date", ["0001-01-01", "1979-12-31T23:59:59Z", "2108-01-01", "9999-12-31T23:59:59+14:00"])
def test_out_of_range_date_is_a_usage_error(tmp_path: Path, date: str) -> None:
    draft = tmp_path / "c.docx"
    draft.write_bytes((Path(__file__).parents[1] / "fixtures/sample/supply-agreement-en.docx").read_bytes())
    proc = cli("redline", str(draft), "-o", str(tmp_path / "o.docx"), "--date", date)
    assert "out of range" in one_error(proc, "config")


def test_folder_walk_does_not_follow_symlinks_out_of_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(contract("en", contradicted=True), encoding="utf-8")
    root = tmp_path / "drafts"
    root.mkdir()
    (root / "ok.txt").write_text(contract("zh"), encoding="utf-8")
    (root / "link.txt").symlink_to(outside / "secret.txt")
    (root / "linkdir").symlink_to(outside, target_is_directory=True)
    (root / "inside.txt").symlink_to(root / "ok.txt")  # inside the folder: same document, once
    proc = cli("lint", str(root), "--format", "json", "--jobs", "1")
    assert [Path(d["path"]).name for d in json.loads(proc.stdout)["documents"]] == ["inside.txt"] or \
        [Path(d["path"]).name for d in json.loads(proc.stdout)["documents"]] == ["ok.txt"]
    assert proc.returncode == 0 and "--follow-symlinks" in proc.stderr
    followed = cli("lint", str(root), "--format", "json", "--jobs", "1", "--follow-symlinks")
    names = sorted(Path(d["path"]).name for d in json.loads(followed.stdout)["documents"])
    assert "link.txt" in names and followed.returncode == 1
