"""Every command takes its rule packs from the same place, by one precedence: ``--packs``, else the ``packs`` of
the configuration that governs the contract (``--config``, else the .cliccheck.toml found from its folder), else
csr (issue 15). ``annex`` and ``redline`` used to fall back to csr while ``lint`` read the config: a user who set
``packs`` got an annex without clauses for the other packs' unmet rules, so the gate still failed after signing it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from _helpers import write_docx
from click.testing import CliRunner
from pack_documents import SECURITY, contract

from cliccheck.cli import cli

CSR = ["CSR01", "CSR02", "CSR03", "CSR04"]
SEC = ["SEC01", "SEC02", "SEC03", "SEC04"]
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A contract folder whose .cliccheck.toml enables security-agreement; the contract meets no rule."""
    folder = tmp_path_factory.mktemp("project")
    (folder / ".cliccheck.toml").write_text('packs = ["csr", "security-agreement"]\n', encoding="utf-8")
    text = contract("en", "billing", [])
    (folder / "contract.txt").write_text(text, encoding="utf-8")
    write_docx(text, folder / "contract.docx")
    other = folder / "other"
    other.mkdir()
    (other / "only-csr.toml").write_text('packs = ["csr"]\n', encoding="utf-8")
    return folder


def _invoke(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    return result.output


def _rules(command: str, folder: Path, extra: list[str], tmp_path: Path) -> list[str]:
    """The rules ``command`` covers for the contract in ``folder``, run from another working directory."""
    txt, docx_file = str(folder / "contract.txt"), str(folder / "contract.docx")
    if command == "lint":
        out = _invoke(["lint", txt, "--format", "json", "--timeout", "0", *extra])
        return [r["id"] for r in json.loads(out[out.index("{"):])["documents"][0]["requirements"]]
    if command == "annex":
        out = _invoke(["annex", txt, "-o", str(tmp_path / "annex.md"), "--force", "--timeout", "0", *extra])
    elif command == "redline":
        out = _invoke(["redline", docx_file, "-o", str(tmp_path / "red.docx"), "--force", "--timeout", "0", *extra])
    else:
        raise AssertionError(command)
    # "wrote …: 8 clause(s) (CSR01, …)" / "… 8 inserted (CSR01, …)": the clauses written for the unmet rules
    found = re.search(r"\(((?:[A-Z][A-Z0-9]*-?\d+(?:, )?)+)\)", out)
    assert found, out
    return found.group(1).split(", ")


@pytest.mark.parametrize("command", ["lint", "annex", "redline"])
def test_every_command_takes_packs_from_the_same_place(command: str, project: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the config is found from the contract's folder, not the working directory
    # the config's packs: the annex and the redline cover every rule the gate checks
    assert _rules(command, project, [], tmp_path) == CSR + SEC
    # --packs replaces the config's list
    assert _rules(command, project, ["--packs", "csr"], tmp_path) == CSR
    # --config names the file to take them from
    assert _rules(command, project, ["--config", str(project / "other" / "only-csr.toml")], tmp_path) == CSR
    # no config at all: csr
    bare = tmp_path / "bare"
    bare.mkdir()
    for name in ("contract.txt", "contract.docx"):
        shutil.copy(project / name, bare / name)
    assert _rules(command, bare, [], tmp_path) == CSR


def test_rules_and_explain_trace_take_the_configs_packs(project: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    listed = json.loads(_invoke(["rules", "--format", "json"]))
    assert [r["id"] for r in listed["requirements"]] == CSR + SEC
    assert [r["id"] for r in json.loads(_invoke(["rules", "--format", "json", "--packs", "csr"]))["requirements"]] \
        == CSR
    monkeypatch.chdir(tmp_path)  # explain --trace finds the config from FILE's folder, as lint does
    doc = project / "security.txt"
    doc.write_text(contract("en", "switches", [SECURITY["en"][r]["satisfied"] for r in SECURITY["en"]]),
                   encoding="utf-8")
    traced = _invoke(["explain", "--trace", str(doc), "--ui-lang", "en"])
    assert "SEC01  undertaking (satisfied)" in traced
    assert "SEC01" not in _invoke(["explain", "--trace", str(doc), "--ui-lang", "en", "--packs", "csr"])


def test_a_configs_playbook_folder_is_found_from_any_working_directory(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A playbook path in the config is relative to the config file's folder for every command (the annex skips
    its rules, which have no clause templates, and writes the built-in packs' clauses)."""
    folder = tmp_path / "legal"
    shutil.copytree(ROOT / "fixtures" / "playbook-incident-24h", folder / "playbook")
    (folder / ".cliccheck.toml").write_text('packs = ["csr", "security-agreement", "./playbook"]\n',
                                            encoding="utf-8")
    (folder / "contract.txt").write_text(contract("en", "billing", []), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    linted = _rules("lint", folder, [], elsewhere)
    assert linted[:8] == CSR + SEC and len(linted) > 8  # the house rules too
    assert _rules("annex", folder, [], elsewhere) == CSR + SEC


def test_the_service_annex_takes_the_servers_configured_packs(tmp_path: Path) -> None:
    pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install '.[serve]')")
    from service_helpers import multipart, request, running_server

    config = tmp_path / "server.toml"
    config.write_text('packs = ["csr", "security-agreement"]\n', encoding="utf-8")
    body, headers = multipart("outsourcing.txt", contract("en", "billing", []).encode("utf-8"))
    with running_server(tmp_path / "serve", "--workers", "1", "--config", str(config)) as server:
        status, _, data = request(server, "GET", "/v1/rules")
        assert status == 200 and [r["id"] for r in json.loads(data)["requirements"]] == CSR + SEC
        status, got, _ = request(server, "POST", "/v1/annex?format=txt", body, headers)
        assert status == 200 and got["x-cliccheck-clauses"].split(",") == CSR + SEC
        status, got, _ = request(server, "POST", "/v1/annex?format=txt&packs=csr", body, headers)
        assert status == 200 and got["x-cliccheck-clauses"].split(",") == CSR
