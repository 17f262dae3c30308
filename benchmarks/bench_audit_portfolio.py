"""Audit a realistic 10,000-document portfolio end to end, as an operator would, against a bare baseline.

Run from the repository root (10,000 documents: about 1.5 hours on two cores shared at load 10–14)::

    .venv/bin/python benchmarks/bench_audit_portfolio.py [--count 10000] [--workdir /tmp/cliccheck-portfolio]

Generates the portfolio with ``benchmarks/audit_portfolio.py`` (DOCX/PDF/TXT/MD, zh/en/bilingual,
varied compliance, duplicates, hostile and broken files, nested folders, a manifest CSV) into
``--workdir`` (never into the repository), then runs the real ``cliccheck audit`` command, each
step in its own process, and records for each: wall seconds, documents per second, CPU seconds
(client and workers), the client's peak RSS and the whole process tree's peak RSS (sampled
every 0.1 s from /proc), and the register's size. In the same run:

* baseline: the same files hashed (SHA-256, as the audit does) and read by the bare libraries in
  one process (python-docx paragraphs and tables, pypdfium2 page text, text decoded), no checks;
* ``--jobs 1`` from scratch;
* ``--jobs 2`` from scratch, which is also the resume check: killed (SIGKILL, client and workers)
  when about half the documents are recorded, then the same command again; the resumed register
  must equal the ``--jobs 1`` one (documents that timed out in either are left out and listed:
  a timeout depends on the machine's load and is retried next run);
* the incremental re-run with nothing changed (target: under 5 % of the first run);
* about 1 % of the contracts rewritten (a new plan), then the incremental re-run;
* every export (csv, json, xlsx, html) of the 10,000-row register, and the dashboard's queries;
* optionally (``--dask``) a Dask LocalCluster of 2 workers from scratch, compared with the local register of
  the files as they now are (the ``--jobs 2`` one, re-run after the rewrite).

Writes ``benchmarks/results/audit_portfolio.json`` after every step; ``--continue`` keeps the
portfolio, the registers and the steps already recorded there and runs the rest. Exit status 0 unless a check fails (registers
differ, exact copies got different verdicts, a step crashed): this measures and checks, it
does not gate on speed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
CLI = [sys.executable, "-m", "cliccheck"]
RESULTS = ROOT / "benchmarks" / "results" / "audit_portfolio.json"

BASELINE = r"""
import hashlib, json, resource, sys, time
import docx, pypdfium2
paths = [line.rstrip("\n") for line in open(sys.argv[1], encoding="utf-8")]
started = time.perf_counter()
chars = errors = 0
for path in paths:
    with open(path, "rb") as fh:
        hashlib.sha256(fh.read()).hexdigest()
    try:
        if path.endswith(".docx"):
            d = docx.Document(path)
            text = "\n".join(p.text for p in d.paragraphs)
            text += "".join(c.text for t in d.tables for r in t.rows for c in r.cells)
        elif path.endswith(".pdf"):
            pdf = pypdfium2.PdfDocument(path)
            text = "".join(page.get_textpage().get_text_range() for page in pdf)
            pdf.close()
        else:
            text = open(path, "rb").read().decode("utf-8", errors="replace")
        chars += len(text)
    except Exception:
        errors += 1
print(json.dumps({"seconds": time.perf_counter() - started, "chars": chars, "errors": errors}))
"""


def _tree_rss(root: int) -> tuple[int, int]:
    """(root's RSS, the RSS summed over root and its descendants), in kB, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return rss.get(root, 0), sum(rss.get(pid, 0) for pid in tree)


def run_measured(args: list[str], *, kill_when: Any = None) -> dict[str, Any]:
    """Run a command; wall and CPU seconds (with its reaped descendants), peak RSS of client and tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    peak = {"client": 0, "tree": 0}
    killed = threading.Event()

    def sample() -> None:
        while proc.poll() is None:
            client, tree = _tree_rss(proc.pid)
            peak["client"], peak["tree"] = max(peak["client"], client), max(peak["tree"], tree)
            if kill_when is not None and not killed.is_set() and kill_when():
                killed.set()
                os.killpg(proc.pid, signal.SIGKILL)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    sampler.join()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if not killed.is_set() and proc.returncode not in (0, 1, 2):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{err[-3000:]}")
    if killed.is_set():  # workers of a killed client may linger in its session: end them
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "exit": proc.returncode,
            "client_peak_rss_mb": round(peak["client"] / 1024, 1), "tree_peak_rss_mb": round(peak["tree"] / 1024, 1),
            "killed": killed.is_set(), "stdout_tail": out[-300:], "stderr_tail": err.strip().splitlines()[-1:]}


def register_stats(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as conn:
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        runs = conn.execute("SELECT id, status, seen, checked, skipped FROM runs ORDER BY id").fetchall()
        status = dict(conn.execute("SELECT coalesce(error_code, status), count(*) FROM documents "
                                   "GROUP BY 1 ORDER BY 2 DESC").fetchall())
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    return {"documents": documents, "register_mb": round(size / 1e6, 2), "runs": runs, "by_status": status}


def verdict_rows(db: Path) -> set[tuple]:  # type: ignore[type-arg]
    """What a user reads from a register: per document its hash, outcome and every requirement's verdict."""
    with sqlite3.connect(db) as conn:
        docs = set(conn.execute("SELECT path, sha256, status, passed, error_code, supplier, pages FROM documents"))
        reqs = set(conn.execute("SELECT path, requirement, verdict, severity, page, section, first_words "
                                "FROM requirements"))
    return docs | reqs


def compare(a: Path, b: Path) -> dict[str, Any]:
    """Two registers of the same files say the same, except where either has a timeout (retried next run)."""
    transient = set()
    for db in (a, b):
        with sqlite3.connect(db) as conn:
            transient |= {p for (p,) in conn.execute(
                "SELECT path FROM documents WHERE error_code IN ('timeout', 'internal')")}
    rows_a = {r for r in verdict_rows(a) if r[0] not in transient}
    rows_b = {r for r in verdict_rows(b) if r[0] not in transient}
    return {"equal": rows_a == rows_b, "differing_rows": len(rows_a ^ rows_b),
            "left_out_timeouts": sorted(Path(p).name for p in transient)}


def duplicate_consistency(db: Path) -> dict[str, int]:
    """Exact copies (same SHA-256) must get the same verdicts wherever they are filed."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT d.sha256, count(DISTINCT d.path), count(DISTINCT d.status || coalesce(d.error_code, '') || "
            "coalesce((SELECT group_concat(requirement || verdict, ',') FROM "
            "(SELECT requirement, verdict FROM requirements r WHERE r.path = d.path ORDER BY requirement)), '')) "
            "FROM documents d WHERE d.sha256 IS NOT NULL GROUP BY d.sha256 HAVING count(DISTINCT d.path) > 1"
        ).fetchall()
    return {"groups": len(rows), "inconsistent": sum(1 for _, _, outcomes in rows if outcomes > 1)}


def rows_in(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def time_queries(db: Path) -> dict[str, float]:
    from cliccheck.audit import views
    from cliccheck.audit.register import Register

    out = {}
    with Register(db, create=False) as reg:
        for name, fn in (("totals", views.totals), ("by_requirement", views.by_requirement),
                         ("by_supplier", views.by_supplier), ("by_unit", views.by_unit),
                         ("fix_first", views.fix_first), ("run_changes", views.run_changes)):
            started = time.perf_counter()
            fn(reg)
            out[name] = round(time.perf_counter() - started, 4)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/cliccheck-portfolio"))
    parser.add_argument("--continue", dest="resume", action="store_true",
                        help="keep the portfolio, registers and steps already in --output; run the steps missing")
    parser.add_argument("--dask", action="store_true", help="also a Dask LocalCluster of 2 workers from scratch")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    from audit_portfolio import change_some, generate_portfolio, load_portfolio

    work: Path = args.workdir.resolve()
    if ROOT in work.parents or work == ROOT:
        raise SystemExit("--workdir must be outside the repository")
    portfolio = work / "portfolio"
    results: dict[str, Any] = {}
    if args.resume and args.output.is_file():
        results = json.loads(args.output.read_text(encoding="utf-8"))
    results.setdefault("count", args.count)
    results.setdefault("cores", os.cpu_count())
    results.setdefault("python", sys.version.split()[0])
    results.setdefault("load_average", []).append(os.getloadavg())

    def save() -> None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        clean = {k: ({kk: vv for kk, vv in v.items() if kk != "stdout_tail"} if isinstance(v, dict) else v)
                 for k, v in results.items()}
        args.output.write_text(json.dumps(clean, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    if args.resume and (portfolio / "manifest.csv").is_file():
        entries = load_portfolio(portfolio)
    else:
        import shutil

        for db in work.glob("*.sqlite*"):
            db.unlink()
        if portfolio.exists():
            shutil.rmtree(portfolio)
        started = time.perf_counter()
        entries = generate_portfolio(portfolio, args.count)
        results["generate_seconds"] = round(time.perf_counter() - started, 1)
    kinds: dict[str, int] = {}
    for e in entries:
        key = e.kind if e.kind != "contract" else f"{e.path.suffix[1:]}/{e.lang}"
        kinds[key] = kinds.get(key, 0) + 1
    results.setdefault("portfolio", {"files": len(entries), "mix": dict(sorted(kinds.items())),
                                     "bytes": sum(e.path.stat().st_size for e in entries)})
    print(f"portfolio: {len(entries)} files, {results['portfolio']['bytes'] / 1e6:.0f} MB: "
          f"{results['portfolio']['mix']}", flush=True)
    manifest = str(portfolio / "manifest.csv")
    listing = work / "paths.txt"
    listing.write_text("".join(f"{e.path}\n" for e in entries), encoding="utf-8")
    n = len(entries)

    def report(label: str, r: dict[str, Any], docs: int = n) -> None:
        r["documents_per_second"] = round(docs / r["seconds"], 2) if r["seconds"] else None
        r["documents_per_cpu_second"] = round(docs / r["cpu_seconds"], 2) if r["cpu_seconds"] else None
        results[label] = r
        print(f"  {label:<28} {r['seconds']:8.1f} s wall {r['documents_per_second'] or 0:7.1f} docs/s  "
              f"CPU {r['cpu_seconds']:7.1f} s  client {r['client_peak_rss_mb']:6.0f} MB  "
              f"tree {r['tree_peak_rss_mb']:6.0f} MB  {r.get('register', {}).get('register_mb', '')}", flush=True)
        save()

    def audit(db: Path, jobs: int, *extra: str, kill_when: Any = None) -> dict[str, Any]:
        r = run_measured([*CLI, "audit", "run", "--manifest", manifest, "--db", str(db), "--jobs", str(jobs),
                          "--quiet", *extra], kill_when=kill_when)
        r["register"] = register_stats(db)
        return r

    db1, db2 = work / "jobs1.sqlite", work / "jobs2.sqlite"
    if "baseline" not in results:
        report("baseline", run_measured([sys.executable, "-c", BASELINE, str(listing)]))
    if "jobs1" not in results:
        report("jobs1", audit(db1, 1))
    if "jobs2" not in results:
        # the --jobs 2 run from scratch is also the resume check: killed (SIGKILL, client and workers)
        # when about half the documents are recorded, then the same command again
        for db in work.glob("jobs2.sqlite*"):
            db.unlink()
        half = n // 2
        killed_run = audit(db2, 2, kill_when=lambda: rows_in(db2) >= half)
        recorded = killed_run["register"]["documents"]
        report("jobs2_killed", killed_run, docs=recorded)
        report("jobs2_resumed", audit(db2, 2), docs=n - recorded)
        killed, resumed = results["jobs2_killed"], results["jobs2_resumed"]
        report("jobs2", {"seconds": round(killed["seconds"] + resumed["seconds"], 2),
                         "cpu_seconds": round(killed["cpu_seconds"] + resumed["cpu_seconds"], 2),
                         "client_peak_rss_mb": max(killed["client_peak_rss_mb"], resumed["client_peak_rss_mb"]),
                         "tree_peak_rss_mb": max(killed["tree_peak_rss_mb"], resumed["tree_peak_rss_mb"]),
                         "recorded_when_killed": recorded, "register": resumed["register"]})
        results["jobs2_resumed_equals_jobs1"] = compare(db1, db2)
        save()
    if "rerun_unchanged" not in results:
        report("rerun_unchanged", audit(db2, 2))
        results["rerun_share_of_first"] = round(results["rerun_unchanged"]["seconds"] / results["jobs2"]["seconds"], 4)
    if "rerun_1pct_changed" not in results:
        results["changed_files"] = len(change_some(entries, 0.01))
        report("rerun_1pct_changed", audit(db2, 2))
        results["duplicates"] = duplicate_consistency(db2)
        save()
    exports: dict[str, Any] = {}
    for fmt in ("csv", "json", "xlsx", "html"):
        out = work / f"audit.{fmt}"
        r = run_measured([*CLI, "audit", "report", "--db", str(db2), "--format", fmt, "-o", str(out), "--force"])
        r["mb"] = round(out.stat().st_size / 1e6, 2)
        exports[fmt] = r
        print(f"  export {fmt:<5} {r['seconds']:6.1f} s  {r['mb']:6.2f} MB  peak RSS {r['client_peak_rss_mb']:.0f} MB",
              flush=True)
    results["exports"] = exports
    results["queries_seconds"] = time_queries(db2)
    if args.dask and "dask2" not in results:
        db4 = work / "dask.sqlite"
        report("dask2", audit(db4, 2, "--engine", "dask"))
        # against the local register as the files now are (after the 1 % rewrite), not the --jobs 1 one
        results["dask_equals_local"] = compare(db2, db4)
    base = results["baseline"]
    for label in ("jobs1", "jobs2", "dask2"):
        if label in results:
            results[label]["cpu_ratio_to_baseline"] = round(results[label]["cpu_seconds"] / base["cpu_seconds"], 2)
    save()
    checks = {k: results.get(k) for k in ("jobs2_resumed_equals_jobs1", "rerun_share_of_first", "duplicates",
                                          "dask_equals_local")}
    print(json.dumps(checks))
    ok = results["jobs2_resumed_equals_jobs1"]["equal"] and not results["duplicates"]["inconsistent"]
    if args.dask:
        ok = ok and results["dask_equals_local"]["equal"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
