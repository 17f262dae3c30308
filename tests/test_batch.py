"""Batch processing: discovery, worker processes, hard timeouts, stable order.

The mechanics are tested with documents that fail to read (empty files,
legacy .doc), which exercise the same worker path as real contracts without
depending on the matcher; the end-to-end tests at the bottom use real
contracts and run once the matcher is installed.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest

from cliccheck.batch import TEST_SLEEP_ENV, Task, collect_paths, run_tasks
from cliccheck.config import Config

try:
    from cliccheck.matcher import check_document  # noqa: F401

    HAVE_MATCHER = True
except ImportError:
    HAVE_MATCHER = False

needs_matcher = pytest.mark.skipif(not HAVE_MATCHER, reason="cliccheck.matcher is not installed yet")


def touch(path: Path, data: bytes = b"") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_collect_walks_folders_and_skips_what_it_should(tmp_path: Path) -> None:
    root = tmp_path / "drafts"
    for name in ("b.docx", "a.pdf", "sub/c.txt", "sub/d.md", "notes.rtf", ".hidden.docx", "~$b.docx",
                 ".git/e.txt", "sub/.cache/f.pdf"):
        touch(root / name, b"x")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    explicit = touch(tmp_path / "legacy.doc", b"x")
    found = collect_paths([str(root), str(explicit), str(root / "a.pdf"), "-"])
    rel = [os.path.relpath(p, tmp_path) if p != "-" else p for p in found]
    assert rel == ["drafts/a.pdf", "drafts/b.docx", "drafts/sub/c.txt", "drafts/sub/d.md", "legacy.doc", "-"]


def test_missing_path_is_kept_so_it_becomes_an_error_document(tmp_path: Path) -> None:
    assert collect_paths([str(tmp_path / "nope.docx")]) == [str(tmp_path / "nope.docx")]


def _tasks(paths: list[Path]) -> list[Task]:
    return [Task(str(p), Config(), path=str(p)) for p in paths]


def test_bad_files_do_not_stop_the_batch_and_order_is_stable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = touch(tmp_path / "slow.txt")
    others = [touch(tmp_path / f"e{i}.txt") for i in range(5)] + [touch(tmp_path / "old.doc", b"x")]
    monkeypatch.setenv(TEST_SLEEP_ENV, "slow.txt=1.5")  # finishes last, listed first
    done: list[str] = []
    reports = run_tasks(_tasks([slow, *others]), jobs=2, timeout=30,
                        progress=lambda n, total, name: done.append(name))
    assert [r.path for r in reports] == [str(p) for p in [slow, *others]]
    assert done[-1] == str(slow)  # it really completed last
    assert [r.error.code for r in reports] == ["empty-file"] * 6 + ["unsupported-format"]
    assert all(r.status == "error" and not r.passed for r in reports)


@pytest.mark.slow
@pytest.mark.serial
def test_timeout_kills_a_stuck_worker_and_the_batch_goes_on(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    stuck = touch(tmp_path / "stuck.txt")
    after = [touch(tmp_path / f"after{i}.txt") for i in range(3)]
    monkeypatch.setenv(TEST_SLEEP_ENV, "stuck.txt=120")
    started = time.monotonic()
    reports = run_tasks(_tasks([stuck, *after]), jobs=1, timeout=1.0)
    elapsed = time.monotonic() - started
    assert reports[0].status == "error" and reports[0].error.code == "timeout"
    assert "--timeout 1 s" in reports[0].error.message
    assert [r.error.code for r in reports[1:]] == ["empty-file"] * 3  # a fresh worker took over
    assert elapsed < 60, elapsed
    assert multiprocessing.active_children() == []  # the sleeping worker is gone, not left running


def test_in_process_mode_without_timeout(tmp_path: Path) -> None:
    reports = run_tasks(_tasks([touch(tmp_path / "x.txt")]), jobs=1, timeout=None)
    assert reports[0].error.code == "empty-file"


def test_stdin_bytes_are_linted_under_their_display_name() -> None:
    reports = run_tasks([Task("<stdin>", Config(), data=b"")], jobs=1, timeout=None)
    assert reports[0].path == "<stdin>" and reports[0].error.code == "empty-file"


# -- end to end with the matcher -------------------------------------------------------------------

CONTRACT_EN = """\
SUPPLY AND SUPPORT AGREEMENT

This Agreement is made between Harbour Grid Operations Co. (the "Customer") and Northbridge Systems Ltd.
(the "Supplier").

1. Supply. The Supplier shall deliver the network switches listed in Schedule 1.

2. Security review. The Supplier shall cooperate with the cybersecurity review conducted by the competent
authorities, including by providing documents and information on request.

3. User data. The Supplier shall not use the supply of products or services to illegally obtain user data.

4. Equipment. The Supplier shall not illegally control or manipulate the users' equipment.

5. Continuity. The Supplier shall not interrupt product supply or necessary technical support services
without justifiable reason.
"""


@needs_matcher
@pytest.mark.slow
def test_real_contracts_in_parallel_come_back_in_input_order(tmp_path: Path) -> None:
    paths = []
    for i in range(6):
        text = CONTRACT_EN if i % 2 == 0 else CONTRACT_EN.split("3. User data")[0]
        paths.append(touch(tmp_path / f"c{i}.txt", text.encode()))
    reports = run_tasks(_tasks(paths), jobs=2, timeout=120)
    assert [r.path for r in reports] == [str(p) for p in paths]
    assert all(r.status == "ok" and len(r.requirements) == 4 for r in reports)
    for i, report in enumerate(reports):
        verdicts = {r.id: r.verdict for r in report.requirements}
        assert verdicts["CSR01"] == "satisfied"
        if i % 2:
            assert verdicts["CSR04"] == "missing" and not report.passed
