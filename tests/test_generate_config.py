"""``annex`` and ``redline`` write the fix for what ``lint`` checks, under the same configuration: its supplier
aliases (a party the config names as the supplier is the supplier in the annex too) and its rule selection
(``select``/``ignore``: no clause for a rule the gate does not check). They used to read only the config's
``packs``: a contract whose supplier only the config names passed lint yet got four clauses, and an annex or a
redline inserted clauses for rules the operator had deselected."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _helpers import write_docx
from click.testing import CliRunner
from pack_documents import contract

from cliccheck.cli import cli

#: the four undertakings, given by a party the contract never calls the supplier: only an alias makes them its
ALIAS_ONLY = """SERVICES AGREEMENT

This Agreement is made between Eastgate Power Grid Co., Ltd. and Northbridge Systems Ltd.

1. Scope. Northbridge shall host and maintain the billing system of Eastgate Power Grid Co., Ltd.

2. Security. Northbridge shall cooperate with the cybersecurity review and shall not use the supply of its \
products and services to illegally obtain user data, or to illegally control or manipulate user equipment, and \
shall not interrupt product supply or necessary technical support services without justifiable reason.

3. Governing Law. This Agreement is governed by the laws of the People's Republic of China.
"""


def _folder(tmp_path: Path, name: str, text: str, config: str | None) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    if config is not None:
        (folder / ".cliccheck.toml").write_text(config, encoding="utf-8")
    (folder / "contract.txt").write_text(text, encoding="utf-8")
    write_docx(text, folder / "contract.docx")
    return folder


def _run(command: str, folder: Path, tmp_path: Path, *extra: str) -> str:
    if command == "annex":
        args = ["annex", str(folder / "contract.txt"), "-o", str(tmp_path / "annex.md")]
    else:
        args = ["redline", str(folder / "contract.docx"), "-o", str(tmp_path / "red.docx")]
    result = CliRunner().invoke(cli, [*args, "--force", "--timeout", "0", *extra])
    assert result.exit_code in (0, 1), result.output
    return result.output


def _written(command: str, folder: Path, tmp_path: Path, *extra: str) -> list[str]:
    """The rules ``command`` wrote a new clause for (none when it says there is nothing to add)."""
    found = re.search(r"\(((?:[A-Z][A-Z0-9]*-?\d+(?:, )?)+)\)", _run(command, folder, tmp_path, *extra))
    return found.group(1).split(", ") if found else []


def _changes(command: str, folder: Path, tmp_path: Path, *extra: str) -> int:
    """How many clauses the annex holds, or how many changes the redline proposes (deleted, replaced, inserted)."""
    out = _run(command, folder, tmp_path, *extra)
    if command == "annex":
        return len(_written(command, folder, tmp_path, *extra))
    counts = re.search(r"(\d+) deletion\(s\), (\d+) replacement\(s\), (\d+) inserted", out)
    assert counts, out
    return sum(int(n) for n in counts.groups())


def _lint_fails(folder: Path) -> list[str]:
    result = CliRunner().invoke(cli, ["lint", str(folder / "contract.txt"), "--format", "json", "--timeout", "0"])
    import json

    doc = json.loads(result.output[result.output.index("{"):])["documents"][0]
    return [r["id"] for r in doc["requirements"] if r["verdict"] != "satisfied"]


@pytest.mark.parametrize("command", ["annex", "redline"])
def test_the_configs_supplier_aliases_name_the_supplier_as_in_lint(command: str, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    named = _folder(tmp_path, "named", ALIAS_ONLY, 'supplier-aliases = ["Northbridge"]\n')
    assert _lint_fails(named) == []  # the gate sees Northbridge as the supplier: nothing to fix
    assert _changes(command, named, tmp_path) == 0
    # without the alias nobody is bound: every rule fails, and the fix covers each
    bare = _folder(tmp_path, "bare", ALIAS_ONLY, None)
    assert _lint_fails(bare) == ["CSR01", "CSR02", "CSR03", "CSR04"]
    assert _changes(command, bare, tmp_path) >= 4
    # --config names the file the aliases come from, as for lint
    assert _changes(command, bare, tmp_path, "--config", str(named / ".cliccheck.toml")) == 0


@pytest.mark.parametrize("command", ["annex", "redline"])
def test_the_configs_rule_selection_limits_the_clauses(command: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = contract("en", "billing", [])  # meets no rule
    config = 'packs = ["csr", "security-agreement"]\nselect = ["CSR02", "SEC01", "SEC02"]\nignore = ["SEC02"]\n'
    folder = _folder(tmp_path, "selected", text, config)
    assert _lint_fails(folder) == ["CSR02", "SEC01"]
    assert _written(command, folder, tmp_path) == ["CSR02", "SEC01"]
    # --packs replaces the packs, not the selection: CSR02 alone is left of csr
    assert _written(command, folder, tmp_path, "--packs", "csr") == ["CSR02"]


def test_annex_all_writes_only_the_selected_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = _folder(tmp_path, "all", ALIAS_ONLY, 'supplier-aliases = ["Northbridge"]\nignore = ["CSR04"]\n')
    assert _written("annex", folder, tmp_path, "--all") == ["CSR01", "CSR02", "CSR03"]


def test_the_service_annex_and_redline_honour_the_servers_aliases_and_selection(tmp_path: Path) -> None:
    """``serve`` takes the same settings from its --config for /v1/annex and /v1/redline as for /v1/lint."""
    pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install '.[serve]')")
    from service_helpers import multipart, request, running_server

    config = tmp_path / "server.toml"
    config.write_text('supplier-aliases = ["Northbridge"]\npacks = ["csr", "security-agreement"]\n'
                      'ignore = ["SEC03", "SEC04"]\n', encoding="utf-8")
    body, headers = multipart("services.txt", ALIAS_ONLY.encode("utf-8"))
    docx_body, docx_headers = multipart("services.docx", write_docx(ALIAS_ONLY, tmp_path / "services.docx").read_bytes())
    with running_server(tmp_path / "serve", "--workers", "1", "--config", str(config)) as server:
        # Northbridge is the supplier: the four CSR undertakings are met, the two selected SEC rules are not
        status, got, _ = request(server, "POST", "/v1/annex?format=txt", body, headers)
        assert status == 200 and got["x-cliccheck-clauses"].split(",") == ["SEC01", "SEC02"]
        status, got, _ = request(server, "POST", "/v1/annex?format=txt&all=true", body, headers)
        assert status == 200 and got["x-cliccheck-clauses"].split(",") == [
            "CSR01", "CSR02", "CSR03", "CSR04", "SEC01", "SEC02"]
        status, got, _ = request(server, "POST", "/v1/redline", docx_body, docx_headers)
        assert status == 200 and got["x-cliccheck-inserted"].split(",") == ["SEC01", "SEC02"], got
