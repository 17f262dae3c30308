"""Shared helpers for the hostile-input tests: the corpus, the CLI runner, the bounds.

Not a test module (no ``test_`` prefix): ``tests/test_hostile_*.py`` and
``tests/test_fuzz_readers.py`` import it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "fixtures" / "hostile"

#: Bounds from issue 6, per document with default limits.
MAX_SECONDS = 10.0
MAX_RSS_MB = 500.0
#: The tests allow slack for a loaded CI machine; benchmarks/bench_hostile.py checks the real bounds.
TEST_SECONDS = 2 * MAX_SECONDS


def load_builder() -> ModuleType:
    """Import fixtures/hostile/build_hostile.py (fixtures/ is not a package)."""
    name = "build_hostile"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HOSTILE / "build_hostile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def reader_module_for(data: bytes, name: str) -> str | None:
    """The reader module a file would reach after sniffing (None: sniffing decides alone)."""
    from cliccheck.errors import DocumentError
    from cliccheck.readers.sniff import sniff_format

    try:
        fmt = sniff_format(data[: 64 * 1024 * 1024], name)
    except DocumentError:
        return None
    return {"docx": "cliccheck.readers.docx_reader", "pdf": "cliccheck.readers.pdf_reader"}.get(fmt)


def module_exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


_WRAPPER = r"""
import resource, subprocess, sys, time, json
out = sys.argv[1]
start = time.monotonic()
stdin = open(sys.argv[2], "rb") if sys.argv[2] != "-" else subprocess.DEVNULL
proc = subprocess.run(sys.argv[3:], stdin=stdin, capture_output=True)
wall = time.monotonic() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
with open(out, "w") as fh:
    json.dump({"rc": proc.returncode, "wall": wall, "rss_mb": rss,
               "stdout": proc.stdout.decode("utf-8", "replace"),
               "stderr": proc.stderr.decode("utf-8", "replace")}, fh)
"""


@dataclass
class Run:
    rc: int
    stdout: str
    stderr: str
    wall: float
    rss_mb: float

    @property
    def stderr_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def json(self) -> dict:
        return json.loads(self.stdout)


def cliccheck_cmd(*args: str) -> list[str]:
    exe = Path(sys.executable).with_name("cliccheck")
    return [str(exe), *args] if exe.exists() else [sys.executable, "-m", "cliccheck", *args]


def run_measured(args: list[str], *, stdin_file: str | None = None, timeout: float = 120,
                 cwd: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None) -> Run:
    """Run a command, returning exit code, output, wall time and the child's peak RSS.

    The command runs under a tiny Python wrapper so ``RUSAGE_CHILDREN`` covers
    exactly that one child (in this process it would be the max of all children).
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "result.json")
        subprocess.run([sys.executable, "-c", _WRAPPER, out, stdin_file or "-", *args], timeout=timeout,
                       check=True, cwd=cwd, env=env)
        with open(out) as fh:
            data = json.load(fh)
    return Run(data["rc"], data["stdout"], data["stderr"], data["wall"], data["rss_mb"])


def secrets_on_this_machine() -> list[str]:
    """Strings from files an XXE would read; short or generic ones are skipped (they prove nothing)."""
    found = []
    for path in ("/etc/hostname", "/etc/passwd"):
        try:
            text = Path(path).read_text(errors="replace")
        except OSError:
            continue
        for line in text.splitlines():
            line = line.strip()
            if len(line) >= 8:
                found.append(line)
    return found


def timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.monotonic()
    result = fn(*args, **kwargs)
    return result, time.monotonic() - start
