#!/usr/bin/env python3
"""Service benchmark: warm ``POST /v1/lint`` against the cold CLI, load, memory, a stuck upload.

Starts ``cliccheck serve --workers 2`` on 127.0.0.1 (a free port; nothing else
is contacted) and measures, in one run so the figures are comparable:

* warm latency of ``POST /v1/lint`` (JSON) for a one-page and a 100-page DOCX
  contract (median and p95 of sequential requests; target: one page < 100 ms),
  beside the cold CLI, ``cliccheck lint FILE --format json``, on the same files;
* throughput with 2 workers under 20 concurrent clients (a bounded number of
  requests; every answer's status is counted, 429s included);
* memory per worker: RSS, PSS and USS (private pages) from /proc, after the load;
* a stuck upload: one request whose parsing hangs (simulated with the test-suite
  hook ``CLICCHECK_TEST_SLEEP``, as a real hostile file cannot be made to hang
  on demand) is killed at ``--timeout``, while the other clients keep being served.

Usage::

    .venv/bin/python benchmarks/bench_service.py [--requests 200] [--json benchmarks/results/service.json]

Exit status 0 always: this measures, it does not gate.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cli import ONE_PAGE  # noqa: E402

CLICCHECK = [sys.executable, "-m", "cliccheck"]
FILLER = ("{n}.{m} The Supplier shall keep records of each delivery, including the delivery note, the serial numbers "
          "of the equipment and the acceptance certificate, for the term of this Agreement and three years after.")
TIMEOUT = 3.0


def docx_bytes(text: str, pages: int = 1) -> bytes:
    """A DOCX of ``text``; with ``pages`` > 1, filler clauses and page breaks make it that long."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for line in text.strip().splitlines():
        if line.strip():
            document.add_paragraph(line)
    for page in range(1, pages):
        document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        for m in range(1, 9):
            document.add_paragraph(FILLER.format(n=100 + page, m=m))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def post(url: str, data: bytes, name: str) -> tuple[int, float, dict]:
    request = urllib.request.Request(f"{url}/v1/lint?filename={name}", data=data, method="POST",
                                     headers={"Content-Type": "application/octet-stream"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            body = json.loads(response.read())
            status = response.status
    except urllib.error.HTTPError as exc:
        status, body = exc.code, {}
    return status, time.perf_counter() - started, body


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def memory(pid: int) -> dict[str, float]:
    """RSS, PSS and USS (private clean + dirty) in MB, from /proc/PID/smaps_rollup."""
    values: dict[str, int] = {}
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                values[parts[0].rstrip(":")] = int(parts[1])
    mb = 1024.0
    return {"rss_mb": round(values.get("Rss", 0) / mb, 1), "pss_mb": round(values.get("Pss", 0) / mb, 1),
            "uss_mb": round((values.get("Private_Clean", 0) + values.get("Private_Dirty", 0)) / mb, 1)}


def children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True, check=False)
    return [int(p) for p in out.stdout.split()]


@contextlib.contextmanager
def server(workdir: Path, workers: int):  # type: ignore[no-untyped-def]
    port = free_port()
    env = {**os.environ, "TMPDIR": str(workdir), "CLICCHECK_TEST_SLEEP": "stuck-*=600"}
    process = subprocess.Popen([*CLICCHECK, "serve", "--port", str(port), "--workers", str(workers), "--queue", "64",
                                "--timeout", str(TIMEOUT), "--access-log", str(workdir / "access.jsonl")],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    try:
        while True:
            with contextlib.suppress(OSError), urllib.request.urlopen(url + "/v1/health", timeout=5):
                break
            if process.poll() is not None or time.perf_counter() - started > 180:
                raise RuntimeError("cliccheck serve did not start")
            time.sleep(0.2)
        yield url, process, time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=30)


def cold_cli(path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([*CLICCHECK, "lint", str(path), "--format", "json"], cwd=ROOT, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def warm(url: str, data: bytes, name: str, count: int) -> dict[str, float]:
    post(url, data, name)  # the first request of a worker pays nothing more, but keep it out anyway
    times, pages = [], None
    for _ in range(count):
        status, seconds, body = post(url, data, name)
        assert status == 200, status
        pages = body["documents"][0].get("pages")
        times.append(seconds)
    return {"median_ms": round(statistics.median(times) * 1000, 1), "p95_ms": round(percentile(times, 0.95) * 1000, 1),
            "pages": pages}


def load(url: str, data: bytes, clients: int, total: int) -> dict[str, object]:
    """``clients`` threads share ``total`` requests; returns throughput, latency and status counts."""
    lock = threading.Lock()
    remaining = [total]
    statuses: dict[int, int] = {}
    latencies: list[float] = []

    def client() -> None:
        while True:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            status, seconds, _ = post(url, data, "load.docx")
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                if status == 200:
                    latencies.append(seconds)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {"clients": clients, "requests": total, "seconds": round(wall, 2),
            "per_second": round(statuses.get(200, 0) / wall, 1), "statuses": statuses,
            "median_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "p95_ms": round(percentile(latencies, 0.95) * 1000, 1) if latencies else None}


def stuck(url: str, data: bytes) -> dict[str, object]:
    """One hanging upload while 4 clients keep linting; how the hanging one ends and what the others saw."""
    outcome: dict[str, object] = {}

    def hostile() -> None:
        status, seconds, body = post(url, data, "stuck-upload.docx")
        document = body.get("documents", [{}])[0]
        outcome.update(status=status, seconds=round(seconds, 2),
                       error=(document.get("error") or {}).get("code"), passed=document.get("passed"))

    thread = threading.Thread(target=hostile)
    thread.start()
    time.sleep(0.2)
    during = load(url, data, 4, 40)
    thread.join()
    health = json.loads(urllib.request.urlopen(url + "/v1/health", timeout=10).read())
    after = post(url, data, "after.docx")
    return {"stuck": outcome, "others_during": during, "killed_workers": health["killed"],
            "after_status": after[0], "after_ms": round(after[1] * 1000, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="requests in the load test (default 200)")
    parser.add_argument("--repeat", type=int, default=15, help="sequential requests per warm latency figure")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args()

    results: dict[str, object] = {"machine": {"python": platform.python_version(), "cores": os.cpu_count(),
                                              "platform": platform.platform()}}
    with tempfile.TemporaryDirectory(prefix="bench-service-") as tmp:
        work = Path(tmp)
        one, hundred = work / "one-page.docx", work / "hundred-pages.docx"
        one.write_bytes(docx_bytes(ONE_PAGE))
        hundred.write_bytes(docx_bytes(ONE_PAGE, pages=100))
        results["cold_cli_s"] = {"one_page": round(cold_cli(one, 3), 3), "hundred_pages": round(cold_cli(hundred, 2), 3)}
        with server(work, 2) as (url, process, startup):
            results["startup_s"] = round(startup, 2)
            results["warm_lint"] = {"one_page": warm(url, one.read_bytes(), "one.docx", args.repeat),
                                    "hundred_pages": warm(url, hundred.read_bytes(), "hundred.docx", 5)}
            results["load"] = load(url, one.read_bytes(), 20, args.requests)
            results["memory"] = {"service": memory(process.pid),
                                 "workers": [memory(pid) for pid in children(process.pid)]}
            results["stuck_upload"] = stuck(url, one.read_bytes())
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
