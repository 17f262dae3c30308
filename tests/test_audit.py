"""``cliccheck audit``: the register, incremental re-runs, resume after a kill, manifests and exports."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from audit_corpus import generate
from click.testing import CliRunner

from cliccheck import lint
from cliccheck.audit.register import MIGRATIONS, SCHEMA_VERSION, Register, RegisterError
from cliccheck.audit.run import AuditOptions, run_audit
from cliccheck.cli import cli

CLICCHECK = str(Path(sys.executable).parent / "cliccheck")
STABLE = ("path", "size", "sha256", "format", "pages", "ocr", "language", "supplier", "status", "passed",
          "worst_severity", "error_code", "error_message", "tool_version", "library_hash", "config_hash")


def snapshot(db: Path) -> dict[str, tuple]:
    """Every document's stable columns and requirement rows (no times, no run ids)."""
    with Register(db, create=False) as reg:
        return {doc["path"]: (tuple(doc[c] for c in STABLE), tuple(sorted(tuple(r.values()) for r in reqs.values())))
                for doc, reqs in reg.iter_documents()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("repo")
    generate(folder, 10, sizes=(0, 4))
    (folder / "broken.docx").write_bytes(b"not a zip at all")
    return folder


def audit(paths: list[str], db: Path, **options: object) -> object:
    return run_audit(paths, db=str(db), options=AuditOptions(progress=False, **options))  # type: ignore[arg-type]


def test_register_matches_lint_and_rerun_reads_nothing(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite"
    first = audit([str(corpus)], db, jobs=1, timeout=None)
    assert (first.seen, first.checked, first.skipped) == (11, 11, 0)
    rows = snapshot(db)
    broken = rows.pop(str(corpus / "broken.docx"))
    assert broken[0][STABLE.index("status")] == "error" and broken[0][STABLE.index("error_code")] == "not-a-docx"
    for path, (doc, reqs) in rows.items():
        report = lint(path).documents[0]
        assert doc[STABLE.index("sha256")] == report.sha256
        assert doc[STABLE.index("passed")] == int(report.passed)
        assert {r[0]: r[1] for r in reqs} == {r.id: r.verdict for r in report.requirements}, path
    second = audit([str(corpus)], db, jobs=1, timeout=None)
    assert (second.checked, second.skipped) == (0, 11)
    assert snapshot(db) == {**rows, str(corpus / "broken.docx"): broken}
    with Register(db, create=False) as reg:
        assert [r["status"] for r in reg.runs()] == ["complete", "complete"]


def test_changed_document_is_read_again_and_change_recorded(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    generate(folder, 3, sizes=(0,), formats=("txt",))
    db = tmp_path / "audit.sqlite"
    audit([str(folder)], db, jobs=1, timeout=None)
    target = sorted(folder.rglob("*.txt"))[0]
    before = {r[0]: r[1] for r in snapshot(db)[str(target)][1]}
    target.write_text(target.read_text(encoding="utf-8").split("\n\n")[0] + "\n\nNothing else.\n", encoding="utf-8")
    again = audit([str(folder)], db, jobs=1, timeout=None)
    assert (again.checked, again.skipped) == (1, 2)
    with Register(db, create=False) as reg:
        changed = reg.conn.execute("SELECT DISTINCT path FROM changes").fetchall()
        missing = reg.conn.execute("SELECT count(*) FROM requirements WHERE path = ? AND verdict = 'missing'",
                                   (str(target),)).fetchone()[0]
        logged = dict(reg.conn.execute("SELECT requirement, before FROM changes WHERE after = 'missing'"))
    assert missing == 4
    assert changed == ([(str(target),)] if set(before.values()) != {"missing"} else [])
    assert logged == {rule: verdict for rule, verdict in before.items() if verdict != "missing"}


def test_config_or_library_change_forces_a_new_read(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    generate(folder, 2, sizes=(0,), formats=("txt",))
    db = tmp_path / "audit.sqlite"
    audit([str(folder)], db, jobs=1, timeout=None)
    assert audit([str(folder)], db, jobs=1, timeout=None, supplier_aliases=("Acme",)).checked == 2
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE documents SET library_hash = 'old'")
    assert audit([str(folder)], db, jobs=1, timeout=None, supplier_aliases=("Acme",)).checked == 2
    assert audit([str(folder)], db, jobs=1, timeout=None, recheck=True, supplier_aliases=("Acme",)).checked == 2


def test_migration_from_version_1_keeps_rows(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    conn.execute("INSERT INTO schema_version VALUES (1)")
    conn.executescript(MIGRATIONS[0][1])
    conn.execute("INSERT INTO documents (path, status, passed, worst_severity, tool_version, library_hash, "
                 "config_hash, checked_at, run_id) VALUES ('a.txt', 'ok', 1, 'none', '0.0.9', 'x', 'y', 't', 7)")
    conn.commit()
    conn.close()
    with Register(db) as reg:
        assert reg.version() == SCHEMA_VERSION
        row = reg.conn.execute("SELECT first_seen_run, last_seen_run FROM documents").fetchone()
    assert row == (7, 7)


def test_foreign_and_newer_registers_are_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(RegisterError, match="not a cliccheck audit register"):
        Register(foreign)
    newer = tmp_path / "newer.sqlite"
    Register(newer).close()
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    result = CliRunner().invoke(cli, ["audit", "report", "--db", str(newer), "--format", "csv"])
    assert result.exit_code == 2
    assert "newer cliccheck" in result.output and "[register]" in result.output
    assert "Traceback" not in result.output


def test_manifest_columns_are_kept_in_csv_and_json(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    docs = generate(folder, 3, sizes=(0,), formats=("txt", "md"))
    manifest = tmp_path / "contracts.csv"
    with manifest.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Contract No", "path", "Business Unit", "Supplier ID"])
        for i, (path, _) in enumerate(docs):
            writer.writerow([f"C-{i}", os.path.relpath(path, tmp_path), ["Grid", "Retail"][i % 2], f"S{i}"])
    db = tmp_path / "audit.sqlite"
    run_audit([], db=str(db), manifest=str(manifest), options=AuditOptions(progress=False, jobs=1, timeout=None))
    runner = CliRunner()
    out = runner.invoke(cli, ["audit", "report", "--db", str(db), "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert list(rows[0])[:4] == ["path", "contract_no", "business_unit", "supplier_id"]
    assert sorted(r["contract_no"] for r in rows) == ["C-0", "C-1", "C-2"]
    assert {r["business_unit"] for r in rows} == {"Grid", "Retail"}
    out = runner.invoke(cli, ["audit", "report", "--db", str(db), "--format", "json"])
    data = json.loads(out.output)
    assert {d["manifest"]["supplier_id"] for d in data["documents"]} == {"S0", "S1", "S2"}
    assert all(len(d["requirements"]) == 4 for d in data["documents"])


def test_bad_manifest_is_one_coded_line(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("contract,file\nC-1,a.txt\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["audit", "--manifest", str(manifest), "--db", str(tmp_path / "a.sqlite")])
    assert result.exit_code == 2
    assert "no 'path' column" in result.output and "[config]" in result.output


def test_cli_exit_codes_and_summary(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    generate(folder, 2, sizes=(0,), formats=("txt",))
    db = tmp_path / "a.sqlite"
    # the summary speaks --ui-lang; with auto, the language of most contracts in the register (as lint's)
    result = subprocess.run([CLICCHECK, "--ui-lang", "en", "audit", str(folder), "--db", str(db), "-j", "1",
                             "--timeout", "0"], capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    assert "2 checked, 0 unchanged" in result.stderr
    assert "\r" not in result.stderr  # no progress bar when not on a terminal
    (folder / "bad.pdf").write_bytes(b"%PDF-1.4 truncated")
    result = subprocess.run([CLICCHECK, "--ui-lang", "zh", "audit", str(folder), "--db", str(db), "-j", "1",
                             "--timeout", "0"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert "检查1份，自上次运行未改动2份" in result.stderr and "1份无法读取" in result.stderr, result.stderr


@pytest.mark.slow
def test_killed_run_resumes_and_matches_a_clean_run(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    generate(folder, 12, sizes=(0,), formats=("txt", "md"))
    db = tmp_path / "killed.sqlite"
    env = {**os.environ, "CLICCHECK_TEST_SLEEP": "contract-*=0.4"}
    proc = subprocess.Popen([CLICCHECK, "audit", str(folder), "--db", str(db), "-j", "1", "--timeout", "60", "-q"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    recorded = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and recorded < 3:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=5) as conn:
                    recorded = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                recorded = 0
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert 3 <= recorded < 12, f"kill came too late or never ({recorded} rows)"
    with sqlite3.connect(db) as conn:
        kept = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert kept >= recorded  # nothing committed was lost
    resumed = audit([str(folder)], db, jobs=1, timeout=60)
    assert resumed.skipped == kept and resumed.checked == 12 - kept
    clean = tmp_path / "clean.sqlite"
    audit([str(folder)], clean, jobs=1, timeout=60)
    assert snapshot(db) == snapshot(clean)
    with Register(db, create=False) as reg:
        assert [r["status"] for r in reg.runs()] == ["interrupted", "complete"]


def test_fsspec_url_gives_the_same_verdicts_as_the_path(tmp_path: Path) -> None:
    pytest.importorskip("fsspec")
    folder = tmp_path / "repo"
    generate(folder, 4, sizes=(0,), formats=("txt", "docx"))
    by_path = tmp_path / "path.sqlite"
    by_url = tmp_path / "url.sqlite"
    audit([str(folder)], by_path, jobs=1, timeout=None)
    audit([folder.as_uri()], by_url, jobs=1, timeout=None)
    paths, urls = snapshot(by_path), snapshot(by_url)
    assert sorted(urls) == sorted(Path(p).as_uri() for p in paths)
    for path, (doc, reqs) in paths.items():
        url_doc, url_reqs = urls[Path(path).as_uri()]
        assert url_doc[1:] == doc[1:] and url_reqs == reqs


def test_progress_shows_count_rate_and_eta_on_a_terminal_only() -> None:
    from cliccheck.audit.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    progress = Progress(4, stream=screen)
    for kind in ("skipped", "checked", "checked"):
        progress.advance(kind, error=kind == "checked")
    progress.close()
    text = screen.getvalue()
    assert "3/4" in text and "doc/s" in text and "<" in text  # tqdm's [elapsed<remaining, rate]
    assert "checked 2, unchanged 1, errors 2" in text
    pipe = io.StringIO()
    quiet = Progress(4, stream=pipe)
    quiet.advance("checked")
    quiet.close()
    assert pipe.getvalue() == ""


def test_a_document_that_keeps_timing_out_is_retried_a_bounded_number_of_times(tmp_path: Path) -> None:
    """A scan that always times out is read again on the next runs, then left alone until --retry-failed."""
    from cliccheck.audit.register import MAX_ATTEMPTS

    folder = tmp_path / "repo"
    generate(folder, 1, sizes=(0,), formats=("txt",))
    db = tmp_path / "audit.sqlite"
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert audit([str(folder)], db, jobs=1, timeout=0.001).checked == 1
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT error_code, attempts FROM documents").fetchone() == ("timeout", attempt)
    assert audit([str(folder)], db, jobs=1, timeout=0.001).checked == 0  # the register's row stands
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status, error_code FROM documents").fetchone() == ("error", "timeout")
    retried = audit([str(folder)], db, jobs=1, timeout=None, retry_failed=True)
    assert retried.checked == 1 and retried.summary["unreadable"] == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT error_code, attempts FROM documents").fetchone() == (None, 1)


def test_migration_to_version_3_counts_one_attempt(tmp_path: Path) -> None:
    db = tmp_path / "v2.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    conn.execute("INSERT INTO schema_version VALUES (2)")
    conn.executescript(MIGRATIONS[0][1] + ";" + MIGRATIONS[1][1])
    conn.execute("INSERT INTO documents (path, status, passed, worst_severity, error_code, tool_version, "
                 "library_hash, config_hash, checked_at, run_id) "
                 "VALUES ('a.pdf', 'error', 0, 'error', 'timeout', '0.0.9', 'x', 'y', 't', 7)")
    conn.commit()
    conn.close()
    with Register(db) as reg:
        assert reg.version() == SCHEMA_VERSION
        assert reg.known("a.pdf").attempts == 1  # type: ignore[union-attr]
