"""Audit benchmark: throughput per engine, incremental re-run, client memory at 100,000 register rows.

Run from the repository root::

    .venv/bin/python benchmarks/bench_audit.py [--count 200] [--rows 20000] [--skip-dask]

(a few minutes on two free cores; the README's figures come from ``--count 1000 --rows 0`` and
``--count 300 --rows 100000``, the latter about 15 minutes, most of it the XLSX export)

Prints, in one run so the figures are comparable on this machine:

* documents per second for ``--count`` generated contracts (TXT, Markdown, DOCX, PDF;
  Chinese and English; 1 to about 6 pages) with ``cliccheck audit --engine local --jobs 1``,
  ``--jobs 2`` and ``--engine dask`` on a LocalCluster of 2 workers (whole command: start-up,
  discovery, hashing, reading, checking, register writes);
* the incremental re-run with nothing changed, against the first run (target < 5 %);
* CPU seconds (client and its worker processes, user + system): documents per CPU-second do
  not depend on other load on the machine, and are what the README's capacity model uses;
* the client's peak memory (its own RSS, not the workers') for the runs above;
* with ``--rows N`` (default 20,000; the target is stated for 100,000): N tiny documents whose register rows are synthesised
  through the client's own write path (``Register.record``), then an incremental re-run over
  all N (every document hashed, none read) and each export (csv, json, xlsx, html), each in a
  fresh process reporting its peak RSS (target < 300 MB: results are streamed, never all held).

Exit status 0 always: this measures, it does not gate.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

CLIENT = r"""
import json, resource, sys, time
from cliccheck.audit.run import AuditOptions, run_audit
args = json.loads(sys.argv[1])
started = time.perf_counter()
result = run_audit(args["paths"], db=args["db"], options=AuditOptions(progress=False, **args["options"]))
seconds = time.perf_counter() - started
cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
          for f in ("ru_utime", "ru_stime"))
print(json.dumps({"seconds": seconds, "cpu": cpu, "checked": result.checked, "skipped": result.skipped,
                  **result.engine_stats,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

SYNTH = r"""
import json, os, resource, sys, time
from cliccheck.audit.inputs import digest
from cliccheck.audit.record import AuditJob, to_record
from cliccheck.audit.register import Register, utc_now
from cliccheck.audit.run import AuditOptions, _config_for
from cliccheck.audit.inputs import Source
from cliccheck.config import ConfigCache
from cliccheck.report.model import DocumentReport, RequirementReport, SupplierReport
folder, db, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
verdicts = ("satisfied", "weak", "contradicted", "missing")
configs, options = ConfigCache(None), AuditOptions()
started = time.perf_counter()
with Register(db) as reg:
    run = reg.start_run(engine="synthetic", tool_version="", library_hash="", arguments=[folder])
    reg.add_manifest_columns(["business_unit"])
    for i in range(n):
        path = os.path.join(folder, f"d{i // 1000:03d}", f"c{i:06d}.txt")
        sha, size = digest(path)
        job = AuditJob(path, _config_for(configs, Source(path), options)[0], sha, size, {"business_unit": f"BU{i % 17}"})
        report = DocumentReport(path=path, sha256=sha, format="text", language="en", pages=1, passed=False,
                                supplier=SupplierReport(name=f"Supplier {i % 251} Ltd."), seconds=0.2)
        report.requirements = [RequirementReport(id=f"CSR0{k}", name="", severity="error",
                                                 verdict=verdicts[(i + k) % 4], message="")
                               for k in range(1, 5)]
        reg.record(run, to_record(report, job, checked_at=utc_now()))
    reg.finish_run(run, seen=n, checked=n, skipped=0)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

EXPORT = r"""
import json, resource, sys, time
from cliccheck.audit.exports import export
from cliccheck.audit.register import Register
db, fmt, out = sys.argv[1:4]
started = time.perf_counter()
with Register(db, create=False) as reg:
    export(reg, fmt, out)
print(json.dumps({"seconds": time.perf_counter() - started,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _python(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def audit(paths: list[str], db: Path, **options: object) -> dict:
    return _python(CLIENT, json.dumps({"paths": paths, "db": str(db), "options": options}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=200, help="generated contracts for the throughput runs")
    parser.add_argument("--rows", type=int, default=20_000, help="register rows for the memory runs (0: skip)")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    from audit_corpus import generate

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"cliccheck audit benchmark  (python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
          f"{load}: other work on the machine inflates wall times)")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        repo = tmp / "repo"
        started = time.perf_counter()
        docs = generate(repo, args.count)
        kinds: dict[str, int] = {}
        pages = 0
        for path, _ in docs:
            kinds[path.suffix] = kinds.get(path.suffix, 0) + 1
        mix = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        print(f"\n{len(docs)} generated contracts ({mix}), {time.perf_counter() - started:.1f} s to generate")
        runs = [("local --jobs 1", {"engine": "local", "jobs": 1}), ("local --jobs 2", {"engine": "local", "jobs": 2})]
        if not args.skip_dask:
            runs.append(("dask LocalCluster 2 workers", {"engine": "dask", "jobs": 2}))
            # no per-document child process: faster, but a stuck document holds a worker thread
            runs.append(("dask LocalCluster 2, --timeout 0", {"engine": "dask", "jobs": 2, "timeout": None}))
        first: dict[str, dict] = {}
        for label, options in runs:
            db = tmp / f"{label.split()[0]}-{options['jobs']}-{len(first)}.sqlite"
            result = audit([str(repo)], db, **{"timeout": args.timeout, **options})
            first[label] = {**result, "db": db}
            print(f"  {label:<30} {result['seconds']:8.1f} s  {len(docs) / result['seconds']:6.2f} documents/s"
                  f"   CPU {result['cpu']:6.1f} s = {len(docs) / result['cpu']:5.2f} documents per CPU-second"
                  f"   client peak RSS {result['rss_mb']:5.0f} MB")
            if "startup_seconds" in result:
                rest = max(result["seconds"] - result["startup_seconds"], 1e-6)
                print(f"  {'':<30} of which cluster start-up and worker warm-up {result['startup_seconds']:.1f} s; "
                      f"after it {len(docs) / rest:.2f} documents/s")
        if pages == 0:
            import sqlite3

            conn = sqlite3.connect(first["local --jobs 2"]["db"])
            pages = conn.execute("SELECT sum(coalesce(pages, 1)) FROM documents").fetchone()[0]
            conn.close()
            print(f"  ({pages} pages in all, text files counted as one page)")
        label = "local --jobs 2"
        again = audit([str(repo)], first[label]["db"], timeout=args.timeout, engine="local", jobs=2)
        ratio = again["seconds"] / first[label]["seconds"]
        print(f"\nIncremental re-run, nothing changed ({label}): {again['seconds']:.2f} s = {ratio:.1%} of the first "
              f"run ({again['skipped']} unchanged, {again['checked']} read; target < 5 %: "
              f"{'ok' if ratio < 0.05 else 'OVER'})")

        if args.rows:
            n = args.rows
            folder = tmp / "many"
            started = time.perf_counter()
            for i in range(n):
                sub = folder / f"d{i // 1000:03d}"
                if i % 1000 == 0:
                    sub.mkdir(parents=True)
                (sub / f"c{i:06d}.txt").write_text(f"SUPPLY AGREEMENT No. {i}\n\nSchedule line {i}.\n",
                                                  encoding="utf-8")
            print(f"\n{n} tiny documents written in {time.perf_counter() - started:.1f} s")
            db = tmp / "many.sqlite"
            synth = _python(SYNTH, str(folder), str(db), str(n))
            print(f"  {n} results recorded through Register.record: {synth['seconds']:.1f} s "
                  f"({n / synth['seconds']:.0f} rows/s, one transaction each), peak RSS {synth['rss_mb']:.0f} MB")
            print(f"  register size {db.stat().st_size / 1e6:.0f} MB")
            rerun = audit([str(folder)], db, timeout=args.timeout, engine="local", jobs=2)
            print(f"  incremental re-run over {n} unchanged documents: {rerun['seconds']:.1f} s "
                  f"({rerun['skipped']} unchanged, {rerun['checked']} read), client peak RSS {rerun['rss_mb']:.0f} MB "
                  f"({'ok' if rerun['rss_mb'] < 300 else 'OVER'} the 300 MB target)")
            for fmt in ("csv", "json", "html", "xlsx"):
                out = tmp / f"export.{fmt}"
                result = _python(EXPORT, str(db), fmt, str(out))
                print(f"  export {fmt:<5} {result['seconds']:7.1f} s  {out.stat().st_size / 1e6:7.1f} MB  peak RSS "
                      f"{result['rss_mb']:5.0f} MB ({'ok' if result['rss_mb'] < 300 else 'OVER'})")


if __name__ == "__main__":
    main()
