"""A bare machine: reading a PDF must not depend on the fonts installed.

Every PDF in the repository is extracted twice with ``cliccheck extract --format
json``: once as the machine is, once in a private mount namespace where every
font directory pdfium searches is hidden under an empty tmpfs. The outputs
(and exit codes and errors) must be identical. Needs root and ``unshare -m``;
skipped with the reason otherwise. A second test runs the PDF reader tests
inside that namespace so they also pass with no CJK (or any) system font.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Where pdfium (and fontconfig) look for system fonts on Linux.
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/X11/fonts",
             str(Path.home() / ".fonts"), str(Path.home() / ".local/share/fonts"))

#: Extracts every file given on the command line in one process (CliRunner), one JSON line each.
_DRIVER = """
import json, sys
from click.testing import CliRunner
from cliccheck.cli import cli
runner = CliRunner()
for path in sys.argv[1:]:
    r = runner.invoke(cli, ["extract", "--format", "json", path])
    print(json.dumps({"path": path, "code": r.exit_code, "out": r.stdout, "err": r.stderr}))
"""


def pdf_fixtures() -> list[str]:
    """Every PDF committed in the repository (from git when available, else a walk)."""
    try:
        out = subprocess.run(["git", "ls-files", "*.pdf"], cwd=ROOT, capture_output=True, text=True,
                             check=True, timeout=30).stdout.split()
    except (OSError, subprocess.SubprocessError):
        out = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*.pdf") if ".venv" not in p.parts]
    return sorted(out)


def _hide_fonts_prefix() -> list[str] | None:
    """The command prefix that runs a command with the font directories hidden, or None."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("unshare"):
        return None
    mounts = " && ".join(f"mount -t tmpfs tmpfs '{d}'" for d in FONT_DIRS if os.path.isdir(d))
    if not mounts:
        return []  # no font directory at all: the machine is already bare
    probe = subprocess.run(["unshare", "-m", "sh", "-c", mounts], capture_output=True, timeout=30)
    if probe.returncode != 0:
        return None
    return ["unshare", "-m", "sh", "-c", mounts + ' && exec "$0" "$@"']


def _hidden_or_skip() -> list[str]:
    prefix = _hide_fonts_prefix()
    if prefix is None:
        pytest.skip("hiding the font directories needs root and a permitted `unshare -m` + `mount -t tmpfs`")
    return prefix


def _extract_all(prefix: list[str], files: list[str]) -> dict[str, dict[str, object]]:
    proc = subprocess.run([*prefix, sys.executable, "-c", _DRIVER, *files], cwd=ROOT, capture_output=True,
                          text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return {row["path"]: row for row in rows}


def test_extraction_is_the_same_without_system_fonts() -> None:
    prefix = _hidden_or_skip()
    files = pdf_fixtures()
    assert len(files) >= 10
    normal = _extract_all([], files)
    bare = _extract_all(prefix, files)
    differ = [f for f in files if normal[f] != bare[f]]
    assert not differ, f"{len(differ)} of {len(files)} PDFs read differently without system fonts: {differ}"


def test_pdf_tests_pass_without_system_fonts() -> None:
    """The PDF reader and evasion tests in the bare namespace (no CJK font, no font at all; the
    resource measurements are left to the normal run)."""
    prefix = _hidden_or_skip()
    tests = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "tests").glob("test_pdf_*.py"))
             if p.name != Path(__file__).name]
    proc = subprocess.run([*prefix, sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                           "-k", "not resource", *tests],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stdout[-3000:]
