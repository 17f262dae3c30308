"""The register's views shared by the XLSX workbook and the dashboard: all computed in SQL.

Each view is a small aggregate (a few hundred rows at most), so exports of a
register with a million documents stream the per-document rows and keep
only these in memory.
"""

from __future__ import annotations

from typing import Any

from ..config import REQUIREMENT_IDS
from .register import Register

VERDICTS = ("satisfied", "weak", "contradicted", "missing")
#: a rule pack with a precondition (pipl21, network-data) reports this on a contract it does not apply to: it passes
NOT_APPLICABLE = "not_applicable"
#: points per unwaived verdict when ranking the contracts to fix first; an unread contract counts UNREAD_SCORE
SCORES = {"contradicted": 3, "missing": 2, "weak": 1}
UNREAD_SCORE = 8
TOP = 25


def totals(reg: Register) -> dict[str, int]:
    row = reg.conn.execute("SELECT count(*), sum(status = 'ok' AND passed), sum(status = 'ok' AND NOT passed), "
                           "sum(status != 'ok') FROM documents").fetchone()
    return {"documents": row[0] or 0, "passed": row[1] or 0, "failed": row[2] or 0, "unreadable": row[3] or 0}


def languages(reg: Register) -> list[str | None]:
    """The language of every document in the register (zh, en, mixed, None): what ``--ui-lang auto`` follows."""
    return [lang for (lang,) in reg.conn.execute("SELECT language FROM documents")]


def rule_ids(reg: Register) -> list[str]:
    """The rules the register holds verdicts for, in pack order (csr's four first, then the other built-in packs,
    then playbook rules by id); csr's four for an empty register, as before packs."""
    present = [r for (r,) in reg.conn.execute("SELECT DISTINCT requirement FROM requirements")]
    if not present:
        return list(REQUIREMENT_IDS)
    from ..packs import known_requirements

    order = {rid: i for i, rid in enumerate([*REQUIREMENT_IDS, *(r.id for r in known_requirements())])}
    return sorted(present, key=lambda r: (order.get(r, len(order)), r))


def verdict_order(reg: Register) -> tuple[str, ...]:
    """The verdict columns: not_applicable only when some rule pack reported it (a csr-only register keeps its
    four columns)."""
    found = reg.conn.execute("SELECT 1 FROM requirements WHERE verdict = ? LIMIT 1", (NOT_APPLICABLE,)).fetchone()
    return (*VERDICTS, NOT_APPLICABLE) if found else VERDICTS


def by_requirement(reg: Register) -> dict[str, dict[str, int]]:
    """requirement -> verdict -> documents (``not-read``: documents that could not be read)."""
    columns = (*verdict_order(reg), "not-read")
    out = {rule: dict.fromkeys(columns, 0) for rule in rule_ids(reg)}
    for rule, verdict, count in reg.conn.execute(
            "SELECT requirement, verdict, count(*) FROM requirements GROUP BY requirement, verdict"):
        out.setdefault(rule, dict.fromkeys(columns, 0))[verdict] = count
    unread = reg.conn.execute("SELECT count(*) FROM documents WHERE status != 'ok'").fetchone()[0]
    for rule in out:
        out[rule]["not-read"] = unread
    return out


def _grouped(reg: Register, expression: str, limit: int | None) -> list[dict[str, Any]]:
    sql = (f"SELECT {expression} AS name, count(*), sum(status = 'ok' AND NOT passed), sum(status != 'ok') "
           "FROM documents GROUP BY name ORDER BY sum(NOT passed) DESC, count(*) DESC, name")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [{"name": name, "documents": n, "failing": failing or 0, "unreadable": unread or 0}
            for name, n, failing, unread in reg.conn.execute(sql)]


def by_supplier(reg: Register, limit: int | None = None) -> list[dict[str, Any]]:
    return _grouped(reg, "supplier", limit)


def by_unit(reg: Register, limit: int | None = None) -> list[dict[str, Any]]:
    """Per manifest ``business_unit`` column (documents without one are grouped as none)."""
    return _grouped(reg, "json_extract(manifest, '$.business_unit')", limit)


def fix_first(reg: Register, limit: int = TOP) -> list[dict[str, Any]]:
    """The worst contracts first: unwaived failing verdicts weighted by :data:`SCORES`."""
    cases = " ".join(f"WHEN '{v}' THEN {s}" for v, s in SCORES.items())
    sql = (f"SELECT d.path, d.supplier, json_extract(d.manifest, '$.business_unit'), d.status, d.error_code, "
           f"CASE WHEN d.status != 'ok' THEN {UNREAD_SCORE} ELSE coalesce(sum(CASE WHEN r.waived_by IS NULL "
           f"THEN CASE r.verdict {cases} ELSE 0 END ELSE 0 END), 0) END AS score, "
           "group_concat(CASE WHEN r.verdict NOT IN ('satisfied', 'not_applicable') AND r.waived_by IS NULL "
           "THEN r.requirement || ' ' || r.verdict END, ', ') "
           "FROM documents d LEFT JOIN requirements r ON r.path = d.path GROUP BY d.path "
           "HAVING score > 0 ORDER BY score DESC, d.path LIMIT ?")
    return [{"path": p, "supplier": s, "business_unit": u, "status": st, "error_code": code, "score": score,
             "issues": issues or ""} for p, s, u, st, code, score, issues in reg.conn.execute(sql, (limit,))]


def completed_runs(reg: Register) -> list[int]:
    return [r[0] for r in reg.conn.execute("SELECT id FROM runs WHERE status = 'complete' ORDER BY id")]


def run_changes(reg: Register) -> dict[str, Any] | None:
    """Counts per requirement and verdict in the last two completed runs, and the documents that changed."""
    runs = completed_runs(reg)
    if not runs:
        return None
    last = runs[-1]
    previous = runs[-2] if len(runs) > 1 else None

    def counts(run_id: int) -> dict[tuple[str, str], int]:
        return {(r, v): n for r, v, n in reg.conn.execute(
            "SELECT requirement, verdict, count FROM run_counts WHERE run_id = ?", (run_id,))}

    now = counts(last)
    before = counts(previous) if previous is not None else {}
    rows = []
    for key in sorted(set(now) | set(before)):
        if now.get(key, 0) != before.get(key, 0):
            rows.append({"requirement": key[0], "verdict": key[1], "before": before.get(key, 0),
                         "after": now.get(key, 0)})
    changed = [{"path": p, "requirement": r, "before": b, "after": a} for p, r, b, a in reg.conn.execute(
        "SELECT path, requirement, before, after FROM changes WHERE run_id > ? AND run_id <= ? "
        "ORDER BY path, requirement LIMIT 200", (previous or 0, last))]
    n_changed = reg.conn.execute("SELECT count(DISTINCT path) FROM changes WHERE run_id > ? AND run_id <= ?",
                                 (previous or 0, last)).fetchone()[0]
    new = reg.conn.execute("SELECT count(*) FROM documents WHERE first_seen_run > ? AND first_seen_run <= ?",
                           (previous or 0, last)).fetchone()[0] if previous is not None else None
    return {"last": last, "previous": previous, "counts": rows, "changed": changed, "changed_documents": n_changed,
            "new_documents": new}
