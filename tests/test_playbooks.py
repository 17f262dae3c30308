"""An operator's own playbook: a pack folder loaded strictly, data only, bounded regular expressions, no file
outside the folder; `rules --pack`, `eval --pack` and `lint` with it from the command line."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from pack_documents import INCIDENT, contract

from cliccheck.cli import cli
from cliccheck.errors import ConfigError
from cliccheck.packs import builtin_dirs, load_pack, unsafe_pattern

REPO = Path(__file__).resolve().parents[1]
PLAYBOOK = REPO / "fixtures" / "playbook-incident-24h"
SCHEMA = json.loads((REPO / "cliccheck" / "pack.schema.json").read_text(encoding="utf-8"))


@pytest.fixture()
def playbook(tmp_path: Path) -> Path:
    folder = tmp_path / "legal" / "our-playbook"
    shutil.copytree(PLAYBOOK, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_every_pack_file_matches_the_shipped_schema() -> None:
    folders = [*builtin_dirs().values(), PLAYBOOK]
    for folder in folders:
        manifest = yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))
        jsonschema.validate(manifest, SCHEMA["$defs"]["manifest"] | {"$defs": SCHEMA["$defs"]})
        for name in manifest["requirements"]:
            data = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
            jsonschema.validate(data, SCHEMA["$defs"]["requirement"] | {"$defs": SCHEMA["$defs"]})


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w+\s?)*done", r"(?:a|ab)*c", r"(x*)*y", r"(a{1,30}){1,30}b",
                                     r"(\w)\1", "a" * 301])
def test_catastrophic_patterns_are_refused(playbook: Path, pattern: str) -> None:
    req = playbook / "HOUSE01.yaml"
    _edit(req, "    en: [notify, inform,", f"    en: [{json.dumps('re:' + pattern)}, notify, inform,")
    with pytest.raises(ConfigError) as info:
        load_pack(str(playbook))
    assert f"HOUSE01.yaml:{_line_of(req, 'notify, inform,')}:" in str(info.value) and "refused" in str(info.value)


def test_refused_patterns_would_hang_and_accepted_ones_stay_fast() -> None:
    """Why the check exists: Python's re cannot be stopped, and (a+)+$ on 26 letters already takes seconds;
    the patterns a playbook may use run in linear-ish time on the same hostile input."""
    hostile = "a" * 24 + "!"
    started = time.perf_counter()
    re.search(r"(a+)+$", hostile)
    slow = time.perf_counter() - started
    assert unsafe_pattern(r"(a+)+$") is not None
    assert slow > 0.05  # the danger is real on this machine
    text = ("within 24 " * 5000) + "hours"
    for pattern in (r"within (?:24|twenty-four)(?: \((?:24)\))? hours?", r"\bsecurity\s+incidents?\b",
                    r"(?<![\d])(?:24|12)(?:个)?小时(?:之)?内", r"notify[^.;]{0,40}?incident"):
        assert unsafe_pattern(pattern) is None
        started = time.perf_counter()
        re.search(pattern, text)
        assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("entry", ["../outside.yaml", "/etc/passwd.yaml", "sub/../../outside.yaml", "link.yaml",
                                   "missing.yaml", "notes.txt"])
def test_a_pack_reads_no_file_outside_its_folder(playbook: Path, entry: str) -> None:
    outside = playbook.parent / "outside.yaml"
    shutil.copy(playbook / "HOUSE01.yaml", outside)
    os.symlink(outside, playbook / "link.yaml")
    manifest = playbook / "pack.yaml"
    _edit(manifest, "requirements: [HOUSE01.yaml]", f"requirements: [HOUSE01.yaml, {entry}]")
    with pytest.raises(ConfigError) as info:
        load_pack(str(playbook))
    message = str(info.value)
    assert message.startswith(f"{manifest}:{_line_of(manifest, 'requirements:')}:")
    assert "outside the pack folder" in message or "inside the pack folder" in message or "not found" in message


@pytest.mark.parametrize(("file", "old", "new", "expect"), [
    ("pack.yaml", "rule_prefix: HOUSE", "rule_prefix: HOUSE\nscript: run.py", "unknown key 'script'"),
    ("pack.yaml", "rule_prefix: HOUSE", "rule_prefix: CSR", "belongs to a built-in pack"),
    ("pack.yaml", "id: house-incident-24h", "id: pipl21", "built-in pack"),
    ("pack.yaml", "version: 1", "version: 2", "not supported"),
    ("HOUSE01.yaml", "severity: error", "severity: fatal", "is not one of"),
    ("HOUSE01.yaml", "id: HOUSE01", "id: OTHER01", "does not match the file name"),
    ("HOUSE01.yaml", "severity: error", "severity: !!python/object:os.system error", "unsupported YAML tag"),
])
def test_strict_loading_names_file_and_line(playbook: Path, file: str, old: str, new: str, expect: str) -> None:
    _edit(playbook / file, old, new)
    with pytest.raises(ConfigError, match=re.escape(expect)) as info:
        load_pack(str(playbook))
    assert re.match(rf"{re.escape(str(playbook))}/\S+\.yaml:\d+: ", str(info.value)), str(info.value)


def test_example_playbook_from_the_command_line(playbook: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    listed = runner.invoke(cli, ["rules", "--pack", "legal/our-playbook", "--ui-lang", "en"])
    assert listed.exit_code == 0 and "HOUSE01" in listed.output and "CSR01" not in listed.output
    explained = runner.invoke(cli, ["explain", "HOUSE01", "--pack", "legal/our-playbook", "--ui-lang", "en"])
    assert explained.exit_code == 0 and "procurement policy" in explained.output
    scored = runner.invoke(cli, ["eval", "--pack", "legal/our-playbook", "legal/our-playbook/cases",
                                 "--format", "json"])
    data = json.loads(scored.output)
    assert scored.exit_code == 0 and data["addressed"] == 12 and data["false_passes"] == []
    assert data["accuracy"] == 1.0
    (tmp_path / ".cliccheck.toml").write_text('packs = ["csr", "./legal/our-playbook"]\n', encoding="utf-8")
    for lang in ("en", "zh"):
        doc = tmp_path / f"ops-{lang}.txt"
        doc.write_text(contract(lang, "billing", [INCIDENT[lang]["weak"]]), encoding="utf-8")
        out = runner.invoke(cli, ["lint", doc.name, "--format", "json"])
        reqs = {r["id"]: r["verdict"] for r in json.loads(out.output)["documents"][0]["requirements"]}
        assert list(reqs) == ["CSR01", "CSR02", "CSR03", "CSR04", "HOUSE01"] and reqs["HOUSE01"] == "weak"
