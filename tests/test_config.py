"""Configuration: discovery, strict validation with file:line, waivers and their audit trail."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from report_samples import sample_doc_report

from cliccheck.config import (
    DEFAULT_CONFIG,
    Config,
    ConfigCache,
    find_config_file,
    glob_to_regex,
    load_config,
    parse_config,
    parse_id_list,
)
from cliccheck.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


WAIVER_TOML = """\
fail-on = "error"

[severity.weak]
CSR02 = "warning"   # the sample's weak CSR02 accepted as a warning: only CSR04 is left to waive

[[waiver]]
rule = "CSR04"
paths = ["vendors/acme/*.txt"]
reason = "Acme's master agreement §12 covers supply continuity"
approved_by = "Legal – J. Chen"
expires = "{expires}"
"""


def test_nearest_config_wins_walking_up(tmp_path: Path) -> None:
    write(tmp_path / ".cliccheck.toml", 'fail-on = "warning"\n')
    write(tmp_path / "vendors" / "pyproject.toml", '[tool.cliccheck]\nlang = "zh"\n')
    write(tmp_path / "vendors" / "acme" / "draft.txt", "x")
    write(tmp_path / "other" / "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.cliccheck]: skipped
    assert find_config_file(tmp_path / "vendors" / "acme") == tmp_path / "vendors" / "pyproject.toml"
    assert find_config_file(tmp_path / "other") == tmp_path / ".cliccheck.toml"
    cache = ConfigCache()
    assert cache.for_document(str(tmp_path / "vendors" / "acme" / "draft.txt")).lang == "zh"
    assert cache.for_document(str(tmp_path / "other" / "x.txt")).fail_on == "warning"
    explicit = write(tmp_path / "ci.toml", 'fail-on = "never"\n')
    assert ConfigCache(explicit).for_document(str(tmp_path / "vendors" / "acme" / "draft.txt")).fail_on == "never"


def test_all_keys_parse(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path / ".cliccheck.toml", """\
supplier-aliases = ["Northbridge Systems Ltd.", "北桥系统有限公司"]
select = ["CSR01", "csr04", "hidden-text"]
ignore = ["bilingual-mismatch"]
fail-on = "warning"
lang = "en"

[severity]
CSR03 = "warning"
hidden-text = "error"

[limits]
max_pages = 50
"""))
    assert cfg.supplier_aliases == ("Northbridge Systems Ltd.", "北桥系统有限公司")
    assert cfg.select == ("CSR01", "CSR04", "hidden-text")
    assert cfg.requirement_ids() == ["CSR01", "CSR04"]
    assert cfg.finding_enabled("hidden-text", None) and not cfg.finding_enabled("bilingual-mismatch", "CSR01")
    assert cfg.severity == {"CSR03": "warning", "hidden-text": "error"}
    assert cfg.make_limits().max_pages == 50
    assert (cfg.fail_on, cfg.lang) == ("warning", "en")


@pytest.mark.parametrize(("text", "line", "message"), [
    ('fail-on = "error"\nfail_on = "warning"\n', 2, "unknown key 'fail_on' (did you mean 'fail-on'?)"),
    ('lang = "auto"\n\n\nfail-on = "sometimes"\n', 4, "fail-on must be one of error, warning, never"),
    ('select = ["CSR01", "CSR09"]\n', 1, "unknown rule 'CSR09'"),
    ('[severity]\nCSR02 = "fatal"\n', 2, "severity.CSR02 must be one of error, warning, note"),
    ('[limits]\nmax_page = 10\n', 2, "unknown limit 'max_page' (did you mean 'max_pages'?)"),
    ('[limits]\nmax_pages = -1\n', 2, "must be a positive integer"),
    ('[[waiver]]\nrule = "CSR04"\nreason = "ok"\napproved_by = "me"\n\n[[waiver]]\nrule = "CSR04"\n'
     'reason = "ok"\napproved_by = "me"\nexpires = "30 June 2027"\n', 10, "expires must be a date"),
    ('[[waiver]]\nrule = "CSR04"\nreason = "ok"\n', 1, "waiver needs a non-empty 'approved_by'"),
    ('[[waiver]]\nrule = "CSR04"\nreason = "ok"\napproved_by = "me"\napprover = "x"\n', 5,
     "unknown waiver key 'approver'"),
])
def test_bad_config_names_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path / ".cliccheck.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.path == f"{path}:{line}"
    assert message in info.value.message
    assert info.value.one_line().startswith(f"{path}:{line}: ")


def test_bad_key_in_pyproject_points_into_the_tool_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "drafts"\n\n[tool.cliccheck]\nlang = "auto"\n'
                                              'colour = "never"\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.path == f"{path}:6"


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    path = write(tmp_path / ".cliccheck.toml", 'fail-on = "error\n')
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(path)


def test_printed_default_config_is_valid_and_documents_every_key() -> None:
    data = tomllib.loads(DEFAULT_CONFIG)
    cfg = parse_config(data)
    assert cfg == Config()
    for key in ("supplier-aliases", "select", "ignore", "fail-on", "lang", "[severity]", "[limits]",
                "[[waiver]]", "approved_by", "expires"):
        assert key in DEFAULT_CONFIG


def test_cli_ids_accept_names_and_reject_typos() -> None:
    assert parse_id_list("CSR01, no-unjustified-supply-suspension") == ["CSR01", "CSR04"]
    with pytest.raises(ConfigError, match="did you mean 'CSR04'"):
        parse_id_list("CSR4")


def test_glob_semantics() -> None:
    assert glob_to_regex("vendors/acme/*.docx").fullmatch("vendors/acme/msa.docx")
    assert not glob_to_regex("vendors/acme/*.docx").fullmatch("vendors/acme/old/msa.docx")
    assert glob_to_regex("vendors/**/*.docx").fullmatch("vendors/acme/old/msa.docx")
    assert glob_to_regex("vendors/**/*.docx").fullmatch("vendors/msa.docx")
    assert glob_to_regex("**").fullmatch("a/b/c.pdf")


# -- waivers ---------------------------------------------------------------------------------------

def _waiver_config(tmp_path: Path, expires: str) -> Config:
    return load_config(write(tmp_path / ".cliccheck.toml", WAIVER_TOML.format(expires=expires)))


def test_active_waiver_keeps_the_finding_with_its_audit_trail(tmp_path: Path) -> None:
    cfg = _waiver_config(tmp_path, "2027-06-30")
    doc_path = str(tmp_path / "vendors" / "acme" / "supply.txt")
    report = sample_doc_report(cfg, path=doc_path, today=dt.date(2027, 6, 30))  # valid through the day
    csr04 = report.requirements[3]
    assert csr04.verdict == "contradicted" and csr04.severity == "error"  # still reported as it is
    assert csr04.waived is not None
    assert csr04.waived.approved_by == "Legal – J. Chen"
    assert csr04.waived.reason.startswith("Acme's master agreement")
    assert csr04.waived.expires == "2027-06-30"
    assert csr04.waived.source == f"{tmp_path / '.cliccheck.toml'}:7"
    assert report.passed  # the only error is waived; the rest are warnings
    assert not [f for f in report.findings if f.rule == "expired-waiver"]


def test_waiver_does_not_reach_other_paths(tmp_path: Path) -> None:
    cfg = _waiver_config(tmp_path, "2027-06-30")
    report = sample_doc_report(cfg, path=str(tmp_path / "vendors" / "other" / "supply.txt"),
                               today=dt.date(2026, 1, 1))
    assert report.requirements[3].waived is None and not report.passed


def test_expired_waiver_stops_applying_and_is_reported(tmp_path: Path) -> None:
    cfg = _waiver_config(tmp_path, "2026-06-30")
    report = sample_doc_report(cfg, path=str(tmp_path / "vendors" / "acme" / "supply.txt"),
                               today=dt.date(2026, 7, 1))
    assert report.requirements[3].waived is None
    assert not report.passed
    (expired,) = [f for f in report.findings if f.rule == "expired-waiver"]
    assert expired.severity == "warning" and expired.requirement == "CSR04"
    assert "Legal – J. Chen" in expired.message and "2026-06-30" in expired.message


def test_severity_override_and_fail_on_decide_passing() -> None:
    strict = sample_doc_report(Config(fail_on="warning", severity={"CSR04": "warning"}))
    assert strict.requirements[3].severity == "warning" and not strict.passed
    lenient = sample_doc_report(Config(severity={"CSR04": "warning"}, verdict_severity={"weak": {"CSR02": "warning"}}))
    assert lenient.passed  # nothing at error level remains
    assert not sample_doc_report(Config(severity={"CSR04": "warning"})).passed  # the weak CSR02 is an error
    assert sample_doc_report(Config(fail_on="never")).passed


def test_select_and_ignore_shape_the_report() -> None:
    report = sample_doc_report(Config(select=("CSR01", "CSR02")))
    assert [r.id for r in report.requirements] == ["CSR01", "CSR02"]
    assert not report.findings  # the mismatch concerns CSR03, which was not selected
    report = sample_doc_report(Config(ignore=("CSR04", "CSR02")))
    assert [r.id for r in report.requirements] == ["CSR01", "CSR03"]
    assert report.passed


def test_weak_fails_the_default_gate(tmp_path: Path) -> None:
    """A hedged undertaking is not the one the law asks for: weak is an error unless config lowers it."""
    report = sample_doc_report(Config(), path=str(tmp_path / "a.txt"))
    csr02 = report.requirements[1]
    assert csr02.verdict == "weak" and csr02.severity == "error"


def test_severity_per_verdict_lowers_only_that_verdict(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path / ".cliccheck.toml", '[severity.weak]\nCSR02 = "warning"\nCSR04 = "note"\n'))
    report = sample_doc_report(cfg, path=str(tmp_path / "a.txt"))
    assert report.requirements[1].severity == "warning"  # CSR02 weak, lowered
    assert report.requirements[3].severity == "error"  # CSR04 contradicted: [severity.weak] does not reach it


def test_severity_per_verdict_rejects_unknown_requirement(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="CSR09"):
        load_config(write(tmp_path / ".cliccheck.toml", '[severity.weak]\nCSR09 = "warning"\n'))
