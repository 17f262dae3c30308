"""Rule packs everywhere a user expects them (issue 15): ``explain --trace --packs`` reads with the packs' frames,
the portfolio audit (``audit run --packs``) records and exports every pack's verdicts, and the service's rules,
annex and redline take ``packs=`` as lint already does."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from pack_documents import SECURITY, contract

from cliccheck.cli import cli

ALL = "csr,security-agreement,pipl21,network-data"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------- explain --trace --packs

def test_explain_trace_reads_with_the_packs_named(tmp_path: Path) -> None:
    doc = _write(tmp_path, "security.txt", contract("en", "switches", [SECURITY["en"][r]["satisfied"]
                                                                       for r in SECURITY["en"]]))
    plain = CliRunner().invoke(cli, ["explain", "--trace", str(doc), "--ui-lang", "en"])
    assert plain.exit_code == 0, plain.output
    assert "SEC01" not in plain.output  # csr only, as before
    packed = CliRunner().invoke(cli, ["explain", "--trace", str(doc), "--ui-lang", "en", "--packs",
                                      "csr,security-agreement"])
    assert packed.exit_code == 0, packed.output
    for rule in ("SEC01", "SEC02", "SEC03", "SEC04"):
        assert f"{rule}  undertaking (satisfied)" in packed.output, rule
    assert "PIPL21" not in packed.output
    # a named rule outside the packs given is refused, as lint refuses it
    refused = CliRunner().invoke(cli, ["explain", "SEC01", "--trace", str(doc), "--packs", "csr"])
    assert refused.exit_code == 2 and "SEC01" in refused.output


# ----------------------------------------------------------------- audit run --packs

def test_audit_records_and_exports_every_packs_verdicts(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _write(docs, "outsourcing.txt", contract("en", "billing", []))  # every pack applies, nothing met
    _write(docs, "switches.txt", contract("en", "switches", []))  # pipl21 and network-data do not apply
    db = tmp_path / "reg.sqlite"
    run = CliRunner().invoke(cli, ["audit", "run", str(docs), "--db", str(db), "-j", "1", "-q", "--packs", ALL])
    assert run.exit_code == 1, run.output
    with sqlite3.connect(db) as conn:
        rows = dict(((Path(p).name, r), v) for p, r, v in conn.execute("SELECT path, requirement, verdict FROM requirements"))
    assert len(rows) == 2 * 17
    # (the billing system's description names the data fields, so the categories are stated: only they)
    assert rows[("outsourcing.txt", "PIPL21-01")] == "weak" and rows[("outsourcing.txt", "SEC03")] == "missing"
    assert rows[("switches.txt", "PIPL21-01")] == "not_applicable" and rows[("switches.txt", "ND02")] == "not_applicable"

    out = tmp_path / "register.csv"
    assert CliRunner().invoke(cli, ["audit", "report", "--db", str(db), "--format", "csv", "-o", str(out)]).exit_code == 0
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    header = list(table[0])
    assert [c for c in header if c.endswith("_verdict")][:5] == ["CSR01_verdict", "CSR02_verdict", "CSR03_verdict",
                                                                 "CSR04_verdict", "SEC01_verdict"]
    assert "ND03_verdict" in header and "PIPL21-06_verdict" in header
    switches = next(r for r in table if r["path"].endswith("switches.txt"))
    assert switches["PIPL21-04_verdict"] == "not_applicable"

    out = tmp_path / "register.json"
    assert CliRunner().invoke(cli, ["audit", "report", "--db", str(db), "--format", "json", "-o", str(out)]).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert all(len(d["requirements"]) == 17 for d in data["documents"])

    out = tmp_path / "dashboard.html"
    assert CliRunner().invoke(cli, ["audit", "report", "--db", str(db), "--format", "html", "-o", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "PIPL21-03" in page and "not applicable" in page
    # a not_applicable rule is no issue to fix: the "fix first" list names the failing rules only
    from cliccheck.audit import views
    from cliccheck.audit.register import Register

    reg = Register(db, create=False)
    try:
        issues = {Path(f["path"]).name: f["issues"] for f in views.fix_first(reg)}
    finally:
        reg.conn.close()
    assert "PIPL21-01 weak" in issues["outsourcing.txt"]
    assert "not_applicable" not in issues["switches.txt"] and "SEC01 missing" in issues["switches.txt"]

    pytest.importorskip("openpyxl")
    from openpyxl import load_workbook

    out = tmp_path / "register.xlsx"
    assert CliRunner().invoke(cli, ["audit", "report", "--db", str(db), "--format", "xlsx", "-o", str(out)]).exit_code == 0
    summary = [[c.value for c in row] for row in load_workbook(out)["Summary"].iter_rows()]
    heading = next(r for r in summary if r and "not applicable" in r)
    pipl = next(r for r in summary if r and r[0] == "PIPL21-01")
    assert pipl[heading.index("not applicable")] == 1 and pipl[heading.index("weak")] == 1

    # the packs are part of the configuration: another list reads every document again
    again = CliRunner().invoke(cli, ["audit", "run", str(docs), "--db", str(db), "-j", "1", "--packs", "csr"])
    assert "2 checked, 0 unchanged" in again.output
    with sqlite3.connect(db) as conn:
        assert {r for (r,) in conn.execute("SELECT DISTINCT requirement FROM requirements")} == {
            "CSR01", "CSR02", "CSR03", "CSR04"}


def test_audit_reads_again_when_a_playbook_changes(tmp_path: Path) -> None:
    """The register's library hash covers the built-in library only: an edited house rule must still make the
    next run read every contract again (its verdicts may change), and an unchanged one must not."""
    import shutil

    playbook = tmp_path / "playbook"
    shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures" / "playbook-incident-24h", playbook)
    docs = tmp_path / "docs"
    _write(docs, "a.txt", contract("en", "billing", []))
    args = ["audit", "run", str(docs), "--db", str(tmp_path / "r.sqlite"), "-j", "1", "--packs", f"csr,{playbook}"]
    assert "1 checked, 0 unchanged" in CliRunner().invoke(cli, args).output
    assert "0 checked, 1 unchanged" in CliRunner().invoke(cli, args).output
    rule = next(p for p in playbook.glob("*.yaml") if p.name != "pack.yaml")
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert "1 checked, 0 unchanged" in CliRunner().invoke(cli, args).output


def test_audit_refuses_an_unknown_pack_in_one_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _write(docs, "a.txt", contract("en", "switches", []))
    result = CliRunner().invoke(cli, ["audit", "run", str(docs), "--db", str(tmp_path / "r.sqlite"), "--packs", "nonsense"])
    assert result.exit_code == 2 and "nonsense" in result.output and not (tmp_path / "r.sqlite").exists()


# ----------------------------------------------------------------- serve: annex and redline take packs=

def test_service_annex_and_redline_take_packs(tmp_path: Path) -> None:
    pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install '.[serve]')")
    import docx
    from service_helpers import multipart, request, running_server

    text = contract("en", "billing", [])
    document = docx.Document()
    for paragraph in text.strip().split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    with running_server(tmp_path / "serve", "--workers", "1") as server:
        status, _, data = request(server, "GET", "/v1/rules?packs=csr,pipl21")
        assert status == 200
        ids = [r["id"] for r in json.loads(data)["requirements"]]
        assert ids[:4] == ["CSR01", "CSR02", "CSR03", "CSR04"] and ids[4:] == [f"PIPL21-0{i}" for i in range(1, 7)]
        status, _, data = request(server, "GET", "/v1/rules")
        assert [r["id"] for r in json.loads(data)["requirements"]] == ["CSR01", "CSR02", "CSR03", "CSR04"]
        body, headers = multipart("outsourcing.txt", text.encode("utf-8"))
        status, got, data = request(server, "POST", "/v1/annex?format=txt&packs=csr,security-agreement", body, headers)
        assert status == 200, data
        clauses = got["x-cliccheck-clauses"].split(",")
        assert clauses == ["CSR01", "CSR02", "CSR03", "CSR04", "SEC01", "SEC02", "SEC03", "SEC04"]
        assert "Security and Confidentiality" in data.decode("utf-8").splitlines()[0]
        status, got, _ = request(server, "POST", "/v1/annex?format=txt", body, headers)  # default: csr, as the CLI
        assert status == 200 and got["x-cliccheck-clauses"] == "CSR01,CSR02,CSR03,CSR04"
        status, _, data = request(server, "POST", "/v1/annex?format=txt&packs=./legal/our-playbook", body, headers)
        assert status == 400 and b"bad-request" in data
        body, headers = multipart("outsourcing.docx", buffer.getvalue())
        status, _, data = request(server, "POST", "/v1/redline?packs=" + ALL, body, headers)
        assert status == 200
        redlined = tmp_path / "redlined.docx"
        redlined.write_bytes(data)
    lint = CliRunner().invoke(cli, ["lint", str(redlined), "--packs", ALL, "--format", "json"])
    (doc,) = json.loads(lint.stdout)["documents"]
    assert {r["verdict"] for r in doc["requirements"]} == {"satisfied"}
