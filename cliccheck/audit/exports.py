"""``cliccheck audit report --format csv|xlsx|json|html``: the register for people and tools.

Every export streams the documents from the register (one row in memory at a
time) into a temporary file beside the output, renamed into place at the
end, so a register with a million rows exports in bounded memory and a
killed export leaves no half file.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import ConfigError
from . import strings, views
from .register import DOCUMENT_COLUMNS, REQUIREMENT_COLUMNS, SCHEMA_VERSION, Register

FORMATS = ("csv", "xlsx", "json", "html")
#: document columns in exports (config_hash is internal bookkeeping)
EXPORT_COLUMNS = tuple(c for c in DOCUMENT_COLUMNS if c != "config_hash")
PER_REQUIREMENT = ("verdict", "severity", "page", "section", "first_words", "waived_by", "waiver_reason")
XLSX_MAX_ROWS = 1_048_576
VERDICT_FILLS = {"satisfied": "C6EFCE", "weak": "FFEB9C", "contradicted": "FFC7CE", "missing": "F8CBAD",
                 "not_applicable": "DDEBF7",
                 "not-read": "D9D9D9", "error": "D9D9D9"}


@contextlib.contextmanager
def atomic_file(output: str, mode: str = "w") -> Iterator[IO[Any]]:
    """A file object whose contents replace ``output`` only when the block completes."""
    target = Path(output)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.resolve().parent)
    try:
        kwargs: dict[str, Any] = {"encoding": "utf-8", "newline": ""} if "b" not in mode else {}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def flat_header(reg: Register) -> list[str]:
    """One document per row: the path, the manifest's columns, the document, then each requirement."""
    manifest = reg.manifest_columns()
    per_req = [f"{rule}_{field}" for rule in views.rule_ids(reg) for field in PER_REQUIREMENT]
    return ["path", *manifest, *EXPORT_COLUMNS[1:], *per_req]


def flat_rows(reg: Register) -> Iterator[list[Any]]:
    manifest = reg.manifest_columns()
    rules = views.rule_ids(reg)
    for doc, reqs in reg.iter_documents():
        row: list[Any] = [doc["path"], *(doc["manifest"].get(c, "") for c in manifest)]
        row += [doc[c] for c in EXPORT_COLUMNS[1:]]
        for rule in rules:
            req = reqs.get(rule)
            if req is None:
                row += ["not-read" if doc["status"] != "ok" else None] + [None] * (len(PER_REQUIREMENT) - 1)
            else:
                row += [req[f] for f in PER_REQUIREMENT]
        yield row


def export_csv(reg: Register, output: str) -> None:
    with atomic_file(output) as fh:
        writer = csv.writer(fh)
        writer.writerow(flat_header(reg))
        for row in flat_rows(reg):
            writer.writerow(["" if v is None else v for v in row])


def export_json(reg: Register, output: str) -> None:
    """``{"schema_version", "tool", "runs", "documents": [...]}``, written one document at a time."""
    from .. import __version__

    with atomic_file(output) as fh:
        fh.write(json.dumps({"register_schema_version": SCHEMA_VERSION,
                             "tool": {"name": "cliccheck", "version": __version__},
                             "runs": reg.runs()}, ensure_ascii=False)[:-1])
        fh.write(', "documents": [')
        first = True
        for doc, reqs in reg.iter_documents():
            doc = {k: v for k, v in doc.items() if k != "config_hash"}
            doc["requirements"] = [{k: v for k, v in req.items()} for req in reqs.values()]
            fh.write(("\n" if first else ",\n") + json.dumps(doc, ensure_ascii=False))
            first = False
        fh.write("\n]}\n")


def export_xlsx(reg: Register, output: str, lang: str = "en") -> None:
    """One sheet per view, headers frozen, filters on, verdicts coloured (openpyxl write-only: streamed); sheet
    names, headings and labels in ``lang`` (the cells hold the register's values and codes)."""
    s = strings.for_lang(lang)
    try:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font, PatternFill
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise ConfigError.of("needs-openpyxl") from None

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    fills = {v: PatternFill("solid", start_color=c, end_color=c) for v, c in VERDICT_FILLS.items()}

    def sheet(key: str, header: list[str], rows: Iterator[list[Any]] | list[list[Any]], count: int,
              colour: set[int] | None = None) -> None:
        ws = wb.create_sheet(s.SHEETS[key])
        ws.freeze_panes = "A2"
        last = min(count, XLSX_MAX_ROWS - 2) + 1
        ws.auto_filter.ref = f"A1:{get_column_letter(max(1, len(header)))}{max(last, 1)}"
        for i, name in enumerate(header):
            ws.column_dimensions[get_column_letter(i + 1)].width = 60 if name in ("path", s.COLUMN_LABELS["path"]) else 18
        cells = []
        for name in header:
            cell = WriteOnlyCell(ws, value=name)
            cell.font = bold
            cells.append(cell)
        ws.append(cells)
        for written, row in enumerate(rows):
            if written >= XLSX_MAX_ROWS - 2:
                ws.append([s.TRUNCATED.format(rows=written)])
                break
            if colour:  # a styled cell costs far more than a plain value: style only the verdicts
                row = list(row)
                for i in colour:
                    if i < len(row) and row[i] in fills:
                        cell = WriteOnlyCell(ws, value=row[i])
                        cell.fill = fills[row[i]]
                        row[i] = cell
            ws.append(row)

    rules = set(views.rule_ids(reg))

    def label(column: str) -> str:
        if "_" in column and column.split("_", 1)[0] in rules:
            rule, field = column.split("_", 1)
            return f"{rule} {s.COLUMN_LABELS.get(field, field)}"
        return s.COLUMN_LABELS.get(column, column)

    # Summary: totals and verdicts per requirement
    t = views.totals(reg)
    summary = [[s.COLUMN_LABELS["documents"], t["documents"]],
               [s.DASHBOARD["passing"], t["passed"]], [s.DASHBOARD["failing"], t["failed"]],
               [s.DASHBOARD["unreadable"], t["unreadable"]], []]
    counts = views.by_requirement(reg)
    columns = (*views.verdict_order(reg), "not-read")
    summary.append([s.COLUMN_LABELS["requirement"], *(s.VERDICT_LABELS[v] for v in columns)])
    summary += [[s.REQUIREMENT_LABELS.get(rule, rule), *(counts[rule][v] for v in columns)] for rule in counts]
    sheet("summary", ["", ""], summary, len(summary))

    header = flat_header(reg)
    verdict_cols = {i for i, name in enumerate(header) if name.endswith("_verdict")}
    sheet("documents", [label(h) for h in header], flat_rows(reg), reg.count_documents(), verdict_cols)

    def requirement_rows() -> Iterator[list[Any]]:
        for doc, reqs in reg.iter_documents():
            for req in reqs.values():
                yield [doc["path"], doc["supplier"], *(req[c] for c in REQUIREMENT_COLUMNS)]

    sheet("requirements", [label(c) for c in ("path", "supplier", *REQUIREMENT_COLUMNS)], requirement_rows(),
          reg.count_requirements(), {3})
    group_header = [s.COLUMN_LABELS[c] for c in ("documents", "failing", "unreadable")]
    suppliers = [[g["name"] or s.NO_SUPPLIER, g["documents"], g["failing"], g["unreadable"]]
                 for g in views.by_supplier(reg)]
    sheet("suppliers", [s.COLUMN_LABELS["supplier"], *group_header], suppliers, len(suppliers))
    units = [[g["name"] or s.NO_UNIT, g["documents"], g["failing"], g["unreadable"]] for g in views.by_unit(reg)]
    sheet("units", [s.COLUMN_LABELS["business_unit"], *group_header], units, len(units))
    fix = [[f["score"], f["path"], f["supplier"], f["business_unit"], f["issues"] or f["error_code"]]
           for f in views.fix_first(reg, limit=1000)]
    sheet("fix_first", [label(c) for c in ("score", "path", "supplier", "business_unit", "verdict")], fix, len(fix))
    changes = views.run_changes(reg)
    change_rows = [[c["path"], c["requirement"], c["before"], c["after"]] for c in (changes or {}).get("changed", [])]
    sheet("changes", [label(c) for c in ("path", "requirement", "before", "after")], change_rows, len(change_rows),
          {2, 3})
    with atomic_file(output, "wb") as fh:
        wb.save(fh)


def export(reg: Register, fmt: str, output: str, *, db_label: str | None = None, lang: str = "en") -> None:
    """Write the register as ``fmt``; the human formats (xlsx, html) in ``lang``, csv and json as data."""
    if fmt == "csv":
        export_csv(reg, output)
    elif fmt == "json":
        export_json(reg, output)
    elif fmt == "xlsx":
        export_xlsx(reg, output, lang)
    elif fmt == "html":
        from .dashboard import render_dashboard

        with atomic_file(output) as fh:
            fh.write(render_dashboard(reg, db_label=db_label or reg.path, lang=lang))
    else:
        raise ConfigError.of("export-format", fmt=repr(fmt), formats=", ".join(FORMATS))
