"""The Dask engine on a LocalCluster of two worker processes gives the local engine's register,
also when a worker is killed midway (its tasks run again elsewhere)."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from audit_corpus import generate
from test_audit import snapshot

from cliccheck.audit.register import Register
from cliccheck.audit.run import AuditOptions, run_audit

pytest.importorskip("distributed", reason="the Dask engine needs the audit extra: pip install 'cliccheck[audit]'")


def _kill_a_worker_once_recording(db: Path, pids: list[int], killed: list[int], stop: threading.Event) -> None:
    while not stop.is_set():
        time.sleep(0.1)
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                rows = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if rows >= 1:
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])
            return


@pytest.mark.slow
@pytest.mark.serial  # 5 s per-document deadlines, compared across two engines
def test_dask_local_cluster_matches_local_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dask
    from distributed import Client, LocalCluster

    folder = tmp_path / "repo"
    generate(folder, 8, sizes=(0, 4))
    (folder / "stuck.txt").write_text("SUPPLY AGREEMENT\n\nNothing here.\n", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    # the workers inherit the environment: the stuck document sleeps past its timeout there too
    monkeypatch.setenv("CLICCHECK_TEST_SLEEP", "stuck.txt=30")
    local = tmp_path / "local.sqlite"
    run_audit([str(folder)], db=str(local), options=AuditOptions(progress=False, jobs=2, timeout=5))
    expected = snapshot(local)
    stuck = expected[str(folder / "stuck.txt")][0]
    assert stuck[8:12] == ("error", 0, "error", "timeout")

    with dask.config.set({"distributed.worker.daemon": False}):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        with Client(cluster) as client:
            pids = list(client.run(os.getpid).values())
        dask_db = tmp_path / "dask.sqlite"
        killed: list[int] = []
        stop = threading.Event()
        killer = threading.Thread(target=_kill_a_worker_once_recording, args=(dask_db, pids, killed, stop))
        killer.start()
        try:
            result = run_audit([str(folder)], db=str(dask_db), options=AuditOptions(
                engine="dask", scheduler=cluster.scheduler_address, progress=False, jobs=2, timeout=5))
        finally:
            stop.set()
            killer.join()
    finally:
        cluster.close()
    assert killed, "no worker was killed: the run ended before its first result was recorded"
    assert (result.seen, result.checked) == (10, 10)
    assert snapshot(dask_db) == expected
    with Register(dask_db, create=False) as reg:
        assert [(r["engine"], r["status"]) for r in reg.runs()] == [("dask", "complete")]


@pytest.mark.serial
def test_checker_child_is_reused_and_replaced_after_a_timeout(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from cliccheck.audit import engine_dask
    from cliccheck.batch import Task, warm_up
    from cliccheck.config import Config

    warm_up()  # as the worker plugin does: the forked child inherits the loaded pipelines
    docs = generate(tmp_path / "repo", 2, sizes=(0,), formats=("txt",))
    stuck = tmp_path / "stuck.txt"
    stuck.write_text("SUPPLY AGREEMENT\n\nNothing here.\n", encoding="utf-8")
    monkeypatch.setenv("CLICCHECK_TEST_SLEEP", "stuck.txt=30")
    first, second = (Task(str(p), Config(), path=str(p)) for p, _ in docs)
    assert engine_dask.lint_with_deadline(first, 20).status == "ok"
    pid = engine_dask._checkers.checker.process.pid
    assert engine_dask.lint_with_deadline(second, 20).status == "ok"
    assert engine_dask._checkers.checker.process.pid == pid  # one child for many documents
    started = time.monotonic()
    report = engine_dask.lint_with_deadline(Task(str(stuck), Config(), path=str(stuck)), 2)
    assert report.status == "error" and report.error is not None and report.error.code == "timeout"
    assert time.monotonic() - started < 15
    assert engine_dask._checkers.checker is None
    after = engine_dask.lint_with_deadline(first, 20)
    assert after.status == "ok" and engine_dask._checkers.checker.process.pid != pid
    engine_dask._checkers.checker.close()
    engine_dask._checkers.checker = None
