#!/usr/bin/env python3
"""Cost of every hostile document against the bounds of issue 6 (10 s, 500 MB per document).

Runs each file of the hostile corpus (the committed small ones and the large
ones, generated into a temporary folder) through ``cliccheck extract`` (or
``cliccheck lint --jobs 1 --timeout 0`` with ``--lint``) under
``/usr/bin/time -v`` and prints one row per file: exit code, error code, wall
seconds and peak RSS, and whether both bounds hold. Without GNU time (Debian
package ``time``) it measures with ``resource.getrusage(RUSAGE_CHILDREN)`` in
a wrapper process instead.

``--batch N`` also lints N generated contracts in one run and each of them
alone (in-process API), checks the results are identical and prints the
throughput: the issue's "1,000 documents in one run equal each run alone".

Usage::

    .venv/bin/python benchmarks/bench_hostile.py            # the table
    .venv/bin/python benchmarks/bench_hostile.py --lint     # through lint (loads spaCy)
    .venv/bin/python benchmarks/bench_hostile.py --no-table --batch 1000
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "fixtures" / "hostile"
MAX_SECONDS = 10.0
MAX_RSS_MB = 500.0
GNU_TIME = "/usr/bin/time"

_WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.monotonic()
proc = subprocess.run(sys.argv[2:], stdin=subprocess.DEVNULL, capture_output=True)
wall = time.monotonic() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
json.dump({"rc": proc.returncode, "wall": wall, "rss": rss, "stdout": proc.stdout.decode("utf-8", "replace"),
           "stderr": proc.stderr.decode("utf-8", "replace")}, open(sys.argv[1], "w"))
"""


def load_builder():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_hostile", HOSTILE / "build_hostile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_hostile"] = module
    spec.loader.exec_module(module)
    return module


def cliccheck() -> list[str]:
    exe = Path(sys.executable).with_name("cliccheck")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "cliccheck"]


def measure(cmd: list[str]) -> tuple[int, float, float, str, str]:
    """(exit code, wall seconds, peak RSS MB, stderr, stdout) of one command."""
    if os.access(GNU_TIME, os.X_OK):
        with tempfile.NamedTemporaryFile("r", suffix=".time") as rep:
            proc = subprocess.run([GNU_TIME, "-v", "-o", rep.name, *cmd], stdin=subprocess.DEVNULL,
                                  capture_output=True)
            report = Path(rep.name).read_text()
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1)) / 1024
        clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", report).group(1)
        wall = 0.0
        for part in clock.split(":"):
            wall = wall * 60 + float(part)
        return (proc.returncode, wall, rss, proc.stderr.decode("utf-8", "replace"),
                proc.stdout.decode("utf-8", "replace"))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.json")
        subprocess.run([sys.executable, "-c", _WRAPPER, out, *cmd], check=True)
        data = json.loads(Path(out).read_text())
    return data["rc"], data["wall"], data["rss"], data["stderr"], data["stdout"]


def error_code(stderr: str, rc: int) -> str:
    if rc == 0:
        return "ok"
    found = re.findall(r"\[([a-z-]+)\]\s*$", stderr.strip(), re.M)
    return found[-1] if found else ("findings" if rc == 1 else "?")


def run_table(use_lint: bool, large_dir: Path, only: str | None) -> int:
    B = load_builder()
    rows = []
    for case in B.iter_cases(include_large=True):
        if only and only not in case.name:
            continue
        path = B.build_large(large_dir, [case.name])[0] if case.large else HOSTILE / case.name
        if use_lint:
            cmd = [*cliccheck(), "lint", str(path), "--jobs", "1", "--timeout", "0", "--format", "json"]
        else:
            cmd = [*cliccheck(), "extract", str(path), "--format", "json"]
            if case.password:
                cmd += ["--password", case.password]
        rc, wall, rss, stderr, stdout = measure(cmd)
        code = error_code(stderr, rc)
        if use_lint and rc in (0, 1, 2) and stdout.strip():
            error = json.loads(stdout)["documents"][0]["error"]
            code = error["code"] if error else "ok"
        expected = code in case.expect or (use_lint and "ok" in case.expect)
        within = wall < MAX_SECONDS and rss < MAX_RSS_MB
        rows.append((case.name, rc, code, wall, rss, expected, within))
    if not rows:
        print("no files match")
        return 0
    width = max(len(r[0]) for r in rows)
    print(f"{'file':<{width}}  exit  {'code':<18} {'wall s':>7} {'peak MB':>8}  bounds  expected")
    for name, rc, code, wall, rss, expected, within in rows:
        print(f"{name:<{width}}  {rc:>4}  {code:<18} {wall:>7.2f} {rss:>8.0f}  {'ok' if within else 'OVER':<6}  "
              f"{'yes' if expected else 'NO'}")
    over = [r for r in rows if not r[6]]
    wrong = [r for r in rows if not r[5]]
    print(f"\n{len(rows)} files; {len(over)} over the bounds ({MAX_SECONDS:g} s, {MAX_RSS_MB:g} MB); "
          f"{len(wrong)} with an unexpected outcome")
    return 1 if over or wrong else 0


def run_batch(count: int, jobs: int) -> int:
    """Lint ``count`` documents in one run and each alone; results must be identical."""
    B = load_builder()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "batch"
        folder.mkdir()
        paths = B.make_batch(folder, count)
        start = time.monotonic()
        proc = subprocess.run([*cliccheck(), "lint", str(folder), "--format", "json", "--jobs", str(jobs)],
                              capture_output=True, text=True)
        together_s = time.monotonic() - start
        together = {d["path"]: d for d in json.loads(proc.stdout)["documents"]}
        from cliccheck import DocumentError, lint

        start = time.monotonic()
        mismatches = []
        for path in paths:
            try:
                alone = json.loads(lint(str(path)).to_json())["documents"][0]
            except DocumentError as exc:
                if together[str(path)]["error"]["code"] != exc.code:
                    mismatches.append(path.name)
                continue
            if alone != together[str(path)]:
                mismatches.append(path.name)
        alone_s = time.monotonic() - start
    print(f"batch: {count} documents, one run with --jobs {jobs}: {together_s:.1f} s "
          f"({count / together_s:.1f} docs/s); each alone (in-process): {alone_s:.1f} s; "
          f"{len(mismatches)} differ{': ' + ', '.join(mismatches[:10]) if mismatches else ''}")
    return 1 if mismatches else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lint", action="store_true", help="measure `cliccheck lint` instead of `extract`")
    parser.add_argument("--only", help="only files whose name contains this")
    parser.add_argument("--batch", type=int, metavar="N", help="also lint N documents together vs alone")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-table", action="store_true", help="skip the per-file table (with --batch)")
    parser.add_argument("--keep", type=Path, help="build large files here (kept) instead of a temp folder")
    args = parser.parse_args()
    if not os.access(GNU_TIME, os.X_OK):
        print(f"note: {GNU_TIME} not found (Debian package 'time'); measuring with getrusage instead")
    status = 0
    if args.no_table:
        pass
    elif args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        status |= run_table(args.lint, args.keep, args.only)
    else:
        tmp = Path(tempfile.mkdtemp(prefix="cliccheck-hostile-"))
        try:
            status |= run_table(args.lint, tmp, args.only)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    if args.batch:
        status |= run_batch(args.batch, args.jobs)
    return status


if __name__ == "__main__":
    sys.exit(main())
