"""CLI benchmark: cold start and batch throughput of ``cliccheck lint``.

Run from the repository root::

    .venv/bin/python benchmarks/bench_cli.py [--docs 200] [--repeat 5]

Prints, in one run so the figures are comparable on this machine:

* cold start of ``cliccheck --version`` / ``--help`` / ``lint --help`` (target < 0.2 s:
  nothing heavy is imported on that path), beside ``python -c "import spacy"``;
* linting a one-page contract cold, i.e. a fresh process (target < 1.2 s);
* throughput in documents per second for N mixed documents (DOCX, PDF, text,
  Markdown; Chinese, English, bilingual) with ``--jobs 1`` and ``--jobs 2``
  (target: a speed-up of at least 1.7x on 2 cores).

Exit status 0 always: this measures, it does not gate.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CLICCHECK = str(BIN / "cliccheck") if (BIN / "cliccheck").exists() else "cliccheck"

ONE_PAGE = """\
SUPPLY AND SUPPORT AGREEMENT

This Agreement is made between Harbour Grid Operations Co. (the "Customer") and Northbridge Systems Ltd.
(the "Supplier").

1. Supply. The Supplier shall deliver the network switches listed in Schedule 1 within 30 days.

2. Acceptance. The Customer shall carry out acceptance tests within 20 working days after installation.

3. Security review. The Supplier shall cooperate with the cybersecurity review conducted by the competent
authorities, including by providing documents and information on request.

4. User data. The Supplier shall not use the supply of products or services to illegally obtain user data.

5. Equipment. The Supplier shall not illegally control or manipulate the users' equipment, and shall access
the equipment remotely only at the Customer's written request.

6. Continuity. The Supplier shall not interrupt product supply or necessary technical support services
without justifiable reason. Non-payment after 30 days' written notice is a justifiable reason.

7. Governing law. This Agreement is governed by the laws of the People's Republic of China.
"""

ONE_PAGE_ZH = """\
设备采购合同

甲方（采购方）：海港电网运营有限公司
乙方（供应方）：北桥系统有限公司

第一条 乙方应于合同生效后三十日内交付附件一所列网络设备。
第二条 乙方应当配合有关主管部门依法开展的网络安全审查。
第三条 乙方不得利用提供产品和服务的便利条件非法获取用户数据。
第四条 乙方将尽力避免中断技术支持服务。
"""


def timed(cmd: list[str], *, cwd: Path | None = None) -> float:
    return timed_cpu(cmd, cwd=cwd)[0]


def timed_cpu(cmd: list[str], *, cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, children included) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def corpus(folder: Path, count: int) -> list[Path]:
    """``count`` documents cycling through the fixtures' formats and languages."""
    sources = [p for p in sorted((ROOT / "fixtures").glob("sample/*.docx"))]
    sources += [p for p in sorted((ROOT / "fixtures").glob("docx/*.docx"))]
    sources += [ROOT / "fixtures" / "pdf" / n for n in ("en_contract.pdf", "zh_contract_ttf.pdf",
                                                        "bilingual_contract.pdf")
                if (ROOT / "fixtures" / "pdf" / n).exists()]
    texts = [("contract-en.txt", ONE_PAGE), ("contract-zh.md", ONE_PAGE_ZH)]
    out: list[Path] = []
    n = 0
    while len(out) < count:
        if n % 3 == 2 or not sources:
            name, text = texts[(n // 3) % len(texts)]
            target = folder / f"{len(out):03d}-{name}"
            target.write_text(text, encoding="utf-8")
        else:
            src = sources[n % len(sources)]
            target = folder / f"{len(out):03d}-{src.name}"
            shutil.copyfile(src, target)
        out.append(target)
        n += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--batch-runs", type=int, default=3, help="throughput runs per --jobs (best is kept)")
    args = parser.parse_args()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"cliccheck CLI benchmark  (python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"load average {load}: other work on the machine inflates wall times)")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        one = tmp / "one-page.txt"
        one.write_text(ONE_PAGE, encoding="utf-8")
        rows = [
            ("cliccheck --version", [CLICCHECK, "--version"], 0.2),
            ("cliccheck --help", [CLICCHECK, "--help"], 0.2),
            ("cliccheck lint --help", [CLICCHECK, "lint", "--help"], 0.2),
            ('python -c "import spacy"', [sys.executable, "-c", "import spacy"], None),
            ("cliccheck lint one-page.txt (cold)", [CLICCHECK, "lint", str(one), "--no-color"], 1.2),
        ]
        sample = ROOT / "fixtures" / "sample" / "supply-agreement-en.docx"
        if sample.exists():
            rows.append(("cliccheck lint supply-agreement-en.docx (cold)",
                         [CLICCHECK, "lint", str(sample), "--no-color"], None))
        print(f"\nCold start (median of {args.repeat} fresh processes; wall and CPU)")
        startup = 0.0
        for label, cmd, target in rows:
            timed_cpu(cmd, cwd=tmp)  # warm the OS file cache: "cold" means a fresh process, not a cold disk
            runs = [timed_cpu(cmd, cwd=tmp) for _ in range(args.repeat)]
            seconds = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            if label.startswith("cliccheck lint one-page"):
                startup = seconds
            verdict = "" if target is None else ("  ok" if seconds < target else f"  OVER target {target} s")
            print(f"  {label:<48} {seconds:6.3f} s wall {cpu:6.3f} s CPU{verdict}")

        docs_dir = tmp / "batch"
        docs_dir.mkdir()
        docs = corpus(docs_dir, args.docs)
        kinds: dict[str, int] = {}
        for p in docs:
            kinds[p.suffix] = kinds.get(p.suffix, 0) + 1
        mix = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        print(f"\nThroughput: {len(docs)} documents ({mix}), whole command incl. start-up, "
              f"best of {args.batch_runs}")
        results: dict[int, float] = {}
        for jobs in (1, 2):
            cmd = [CLICCHECK, "lint", str(docs_dir), "--format", "json", "--jobs", str(jobs), "-q"]
            seconds, cpu = min(timed_cpu(cmd, cwd=tmp) for _ in range(args.batch_runs))  # least disturbed
            results[jobs] = seconds
            net = max(seconds - startup, 1e-6)
            print(f"  --jobs {jobs}: {seconds:7.2f} s wall ({cpu:6.2f} s CPU)  {len(docs) / seconds:6.1f} documents/s"
                  f"   excluding the one-document start-up: {len(docs) / net:6.1f} documents/s")
        speedup = results[1] / results[2]
        net_speedup = max(results[1] - startup, 1e-6) / max(results[2] - startup, 1e-6)
        verdict = "ok" if speedup >= 1.7 else "below the 1.7x target"
        print(f"  speed-up with --jobs 2: {speedup:.2f}x whole command ({verdict}), {net_speedup:.2f}x excluding "
              f"start-up; {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
