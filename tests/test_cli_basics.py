"""The CLI's start-up path and error conventions."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from cliccheck.cli import COMMANDS, cli


def test_version_and_help_import_nothing_heavy():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from cliccheck.cli import cli\n"
        "r = CliRunner().invoke(cli, ['--help'])\n"
        "assert r.exit_code == 0, r.output\n"
        "r = CliRunner().invoke(cli, ['--version'])\n"
        "assert r.exit_code == 0, r.output\n"
        "heavy = [m for m in ('spacy', 'docx', 'pdfplumber', 'pypdfium2', 'jinja2', 'lxml') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_every_registered_command_loads_and_has_examples_in_help():
    runner = CliRunner()
    for name in COMMANDS:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Example" in result.output, name


def test_unreadable_input_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "contract.docx"
    bad.write_bytes(b"this is not a zip")
    proc = subprocess.run([sys.executable, "-m", "cliccheck", "extract", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "contract.docx" in lines[0] and "[not-a-docx]" in lines[0]
    assert "Traceback" not in proc.stderr


def test_extract_text_from_stdin():
    result = CliRunner().invoke(cli, ["extract", "-", "--no-location"],
                                input="第一条 总则\n乙方应当配合网络安全审查。\n".encode())
    assert result.exit_code == 0
    assert result.output.splitlines() == ["第一条 总则", "乙方应当配合网络安全审查。"]
