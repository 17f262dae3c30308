"""Shared helpers for the annex and redline tests: fixtures, linting, LibreOffice."""

from __future__ import annotations

import glob
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def docx_fixtures() -> list[Path]:
    """Every DOCX fixture the other helpers generated (may be none yet)."""
    paths = sorted(glob.glob(str(ROOT / "fixtures" / "docx" / "*.docx")) +
                   glob.glob(str(ROOT / "fixtures" / "sample" / "*.docx")))
    return [Path(p) for p in paths]


def check(doc):  # type: ignore[no-untyped-def]
    """Lint a Document with the real matcher (skip when it is not importable)."""
    matcher = pytest.importorskip("cliccheck.matcher", reason="matcher not available")
    return matcher.check_document(doc)


def verdicts(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Requirement -> verdict, including each language version's (CSR01/zh)."""
    out = {}
    for req in result.requirements:
        out[req.id] = str(req.verdict)
        for lang, sub in req.by_language.items():
            out[f"{req.id}/{lang}"] = str(sub.verdict)
    return out


def fonts_installed() -> bool:
    """Whether the machine has any font file (a bare machine may have none: LibreOffice will not start and
    Chromium draws no text)."""
    dirs = [Path(d) for d in ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"))]
    return any(p.suffix.lower() in (".ttf", ".ttc", ".otf", ".pfb") for d in dirs if d.is_dir() for p in d.rglob("*"))


def libreoffice_or_skip() -> str:
    """The LibreOffice executable, or a visible skip: absent, or present on a machine with no font at all
    (LibreOffice then refuses to start: "No fonts could be found on the system"). .ci/run installs both."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it (libreoffice-writer-nogui)")
    if not fonts_installed():
        pytest.skip("LibreOffice cannot start on a machine without any font; .ci/run installs fonts-wqy-microhei")
    return exe


def soffice_to_pdf(path: Path, tmp: Path) -> Path:
    """Convert with LibreOffice headless in an isolated profile; skip visibly if it cannot run here."""
    exe = libreoffice_or_skip()
    profile = tmp / "lo-profile"
    outdir = tmp / "lo-out"
    outdir.mkdir(exist_ok=True)
    proc = subprocess.run(
        [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), str(path)],
        capture_output=True, text=True, timeout=180, check=False)
    pdf = outdir / (path.stem + ".pdf")
    assert proc.returncode == 0 and pdf.exists(), proc.stderr
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 1000
    return pdf
