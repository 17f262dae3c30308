"""The clause library: strict loading with file:line errors, and it is the only source of legal words."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from _helpers import contract, verdict_of

from cliccheck.errors import ConfigError
from cliccheck.library import load_library

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "clause_library"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "lib"
    shutil.copytree(LIBRARY, target)
    return target


def test_builtin_library_loads_in_id_order() -> None:
    lib = load_library()
    assert lib.ids == ("CSR01", "CSR02", "CSR03", "CSR04")
    assert [e.id for e in lib.requirement("CSR04").elements] == ["product-supply", "technical-support"]


def test_unknown_key_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    lib = _copy(tmp_path)
    path = lib / "CSR02.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(0, "colour: blue")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_library(lib)
    assert exc.value.code == "config"
    assert f"{path}:1: unknown key 'colour'" in exc.value.message


def test_supply_grounds_is_a_yes_or_no_and_scopes_the_pause_grounds(tmp_path: Path) -> None:
    assert [r.id for r in load_library().requirements if r.supply_grounds] == ["CSR04"]
    lib = _copy(tmp_path)
    path = lib / "CSR04.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("supply_grounds: true", "supply_grounds: maybe"),
                    encoding="utf-8")
    with pytest.raises(ConfigError, match=r"CSR04.yaml:\d+: supply_grounds: expected true or false, got 'maybe'"):
        load_library(lib)


def test_wrong_type_and_bad_regex_are_errors(tmp_path: Path) -> None:
    lib = _copy(tmp_path)
    path = lib / "common.yaml"
    text = path.read_text(encoding="utf-8").replace("version: 1", "version: one")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"common.yaml:\d+: version: expected an integer"):
        load_library(lib)
    path.write_text(text.replace("version: one", "version: 1").replace("negations:\n  en: [",
                                                                         "negations:\n  en: [\"re:(\", "), encoding="utf-8")
    with pytest.raises(ConfigError, match="bad regular expression"):
        load_library(lib)


def test_a_new_synonym_in_the_library_changes_a_verdict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clause = "9.1 The Vendor shall abet any cybersecurity review of this procurement."
    assert verdict_of(contract(clause, "en"), "CSR01") == "missing"
    lib = _copy(tmp_path)
    path = lib / "CSR01.yaml"
    data = path.read_text(encoding="utf-8").replace("en: [cooperate, co-operate,", "en: [abet, cooperate, co-operate,")
    path.write_text(data, encoding="utf-8")
    monkeypatch.setenv("CLICCHECK_LIBRARY", str(lib))
    assert verdict_of(contract(clause, "en"), "CSR01") == "satisfied"


def test_python_sources_hold_no_legal_vocabulary() -> None:
    """Every modal, action and object lives in clause_library/: none is spelled in the matcher's code."""
    lib = load_library()
    words: set[str] = set()
    for req in lib.requirements:
        for key in ("duty", "forbidden", "refusal"):
            words.update(w for lang in ("en", "zh") for w in req.lexicon[key][lang] if not w.startswith("re:"))
    for kind in ("obligation", "prohibition", "permission", "non_binding"):
        words.update(w for w in lib.common["modals"][kind]["zh"] if not w.startswith("re:") and len(w) >= 2)
    words.update(w for w in lib.common["modals"]["non_binding"]["en"] if " " in w)
    sources = [p for p in (ROOT / "cliccheck").rglob("*.py") if "matcher" in p.parts or p.stem in ("roles", "segment")]
    offenders = []
    for src in sources:
        code = "\n".join(re.sub(r"#.*$", "", line) for line in src.read_text(encoding="utf-8").splitlines())
        code = re.sub(r'"""[\s\S]*?"""', "", code)  # docstrings may quote examples
        for w in words - {"duty", "refusal", "refusable", "forbidden", "partial"}:
            if (len(w) >= 4 and re.search(rf"['\"][^'\"]*\b{re.escape(w)}\b[^'\"]*['\"]", code)) or (len(w) < 4 and not w.isascii() and w in code):
                offenders.append((src.name, w))
    assert not offenders, offenders


def test_examples_are_present_in_both_languages() -> None:
    for req in load_library().requirements:
        for verdict in ("satisfied", "weak", "contradicted"):
            assert req.examples[verdict]["en"] and req.examples[verdict]["zh"], (req.id, verdict)
    assert yaml.safe_load((LIBRARY / "CSR04.yaml").read_text(encoding="utf-8"))["legal_basis"]
