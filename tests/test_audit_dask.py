"""The Dask engine on a LocalCluster of two worker processes gives the local engine's register."""

from __future__ import annotations

from pathlib import Path

import pytest
from audit_corpus import generate
from test_audit import snapshot

from cliccheck.audit.register import Register
from cliccheck.audit.run import AuditOptions, run_audit

pytest.importorskip("distributed", reason="the Dask engine needs the audit extra: pip install 'cliccheck[audit]'")


@pytest.mark.slow
def test_dask_local_cluster_matches_local_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "repo"
    generate(folder, 8, sizes=(0, 4))
    (folder / "stuck.txt").write_text("SUPPLY AGREEMENT\n\nNothing here.\n", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    # the workers inherit the environment: the stuck document sleeps past its timeout there too
    monkeypatch.setenv("CLICCHECK_TEST_SLEEP", "stuck.txt=30")
    local = tmp_path / "local.sqlite"
    run_audit([str(folder)], db=str(local), options=AuditOptions(progress=False, jobs=2, timeout=6))
    dask_db = tmp_path / "dask.sqlite"
    result = run_audit([str(folder)], db=str(dask_db),
                       options=AuditOptions(engine="dask", progress=False, jobs=2, timeout=6))
    assert (result.seen, result.checked) == (10, 10)
    expected = snapshot(local)
    assert snapshot(dask_db) == expected
    stuck = expected[str(folder / "stuck.txt")][0]
    assert stuck[8:12] == ("error", 0, "error", "timeout")
    with Register(dask_db, create=False) as reg:
        assert [(r["engine"], r["status"]) for r in reg.runs()] == [("dask", "complete")]
