"""The audit register: one SQLite file, one row per document, written one transaction per result.

Why SQLite: one file an operator can copy, no server, readable by any tool,
and transactions that survive a killed process. The database runs in WAL
mode with ``synchronous=NORMAL``: each document's result is committed on its
own, so a run killed at any point keeps every result already recorded (the
last commits can be lost only on a power failure, never half-written).

The schema is versioned (table ``schema_version``); :data:`MIGRATIONS` are
applied in order when an older register is opened, and a register written by
a newer cliccheck is refused rather than guessed at. The README documents
every table and column.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import CliccheckError

#: Migration n brings a register from version n-1 to version n; never edit one that shipped, add a new one.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started TEXT NOT NULL,
            finished TEXT,
            status TEXT NOT NULL,            -- running | complete | interrupted
            engine TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            library_hash TEXT NOT NULL,
            arguments TEXT NOT NULL,         -- JSON list of the paths / manifest audited
            seen INTEGER NOT NULL DEFAULT 0,
            checked INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE documents (
            path TEXT PRIMARY KEY,
            size INTEGER,
            sha256 TEXT,
            format TEXT,
            pages INTEGER,
            ocr INTEGER NOT NULL DEFAULT 0,
            language TEXT,
            supplier TEXT,
            status TEXT NOT NULL,            -- ok | error
            passed INTEGER NOT NULL,
            worst_severity TEXT NOT NULL,    -- error | warning | note | none
            error_code TEXT,
            error_message TEXT,
            tool_version TEXT NOT NULL,
            library_hash TEXT NOT NULL,
            config_hash TEXT NOT NULL,
            checked_at TEXT NOT NULL,
            seconds REAL,
            run_id INTEGER NOT NULL,         -- the run that last read the document
            manifest TEXT NOT NULL DEFAULT '{}'   -- JSON object: the manifest row's other columns
        );
        CREATE TABLE requirements (
            path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
            requirement TEXT NOT NULL,
            verdict TEXT NOT NULL,
            severity TEXT NOT NULL,
            page INTEGER,
            section TEXT,
            paragraph INTEGER,
            first_words TEXT,
            waived_by TEXT,
            waiver_reason TEXT,
            PRIMARY KEY (path, requirement)
        );
        CREATE TABLE manifest_columns (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
    """),
    (2, """
        ALTER TABLE documents ADD COLUMN first_seen_run INTEGER;
        ALTER TABLE documents ADD COLUMN last_seen_run INTEGER;
        UPDATE documents SET first_seen_run = run_id, last_seen_run = run_id;
        CREATE INDEX documents_last_seen ON documents(last_seen_run);
        CREATE TABLE changes (
            run_id INTEGER NOT NULL,
            path TEXT NOT NULL,
            requirement TEXT NOT NULL,
            before TEXT NOT NULL,
            after TEXT NOT NULL
        );
        CREATE INDEX changes_run ON changes(run_id);
        CREATE TABLE run_counts (
            run_id INTEGER NOT NULL,
            requirement TEXT NOT NULL,
            verdict TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (run_id, requirement, verdict)
        );
    """),
    (3, """
        -- reads in a row of the same file, tool, library and configuration that ended in a transient error
        ALTER TABLE documents ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
    """),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]

#: Error codes worth another try on the next run (the file itself may be fine).
TRANSIENT_ERRORS = ("timeout", "internal")
#: How many reads in a row may end in a transient error before re-runs stop retrying the document
#: (``audit run --retry-failed`` tries again): a scan that always times out would otherwise be read on
#: every re-run and make an unchanged re-run cost minutes instead of seconds.
MAX_ATTEMPTS = 2

DOCUMENT_COLUMNS = ("path", "size", "sha256", "format", "pages", "ocr", "language", "supplier", "status",
                    "passed", "worst_severity", "error_code", "error_message", "tool_version", "library_hash",
                    "config_hash", "checked_at", "seconds")
REQUIREMENT_COLUMNS = ("requirement", "verdict", "severity", "page", "section", "paragraph", "first_words",
                       "waived_by", "waiver_reason")


class RegisterError(CliccheckError):
    """The register file cannot be used."""

    code = "register"


def utc_now() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)
class Known:
    """What the register holds about a document: enough to decide whether to read it again."""

    sha256: str | None
    tool_version: str
    library_hash: str
    config_hash: str
    error_code: str | None
    attempts: int = 1


class Register:
    """An open register. Not shared between threads; the client process owns it."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True):
        self.path = os.fspath(path)
        if not create and not os.path.exists(self.path):
            raise RegisterError.of("register-none", file=str(self.path))
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise RegisterError.of("register-unusable", file=str(self.path), detail=str(exc)) from None

    # -- schema ----------------------------------------------------------------------------------------

    def version(self) -> int:
        has = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone()
        if not has:
            others = self.conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
            if others:
                raise RegisterError.of("register-foreign", file=str(self.path))
            return 0
        row = self.conn.execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self, target: int = SCHEMA_VERSION) -> None:
        current = self.version()
        if current > SCHEMA_VERSION:
            raise RegisterError.of("register-newer", file=str(self.path), current=current, supported=SCHEMA_VERSION)
        for version, script in MIGRATIONS:
            if current < version <= target:
                statements = [s.strip() for s in script.split(";") if s.strip()]
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    if version == 1:
                        self.conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                        self.conn.execute("INSERT INTO schema_version VALUES (0)")
                    for statement in statements:
                        self.conn.execute(statement)
                    self.conn.execute("UPDATE schema_version SET version = ?", (version,))
                    self.conn.execute("COMMIT")
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
                current = version

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs ------------------------------------------------------------------------------------------

    def start_run(self, *, engine: str, tool_version: str, library_hash: str, arguments: Sequence[str]) -> int:
        """Open a run; a run left ``running`` by a killed process is marked ``interrupted``."""
        self.conn.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        cur = self.conn.execute(
            "INSERT INTO runs (started, status, engine, tool_version, library_hash, arguments) "
            "VALUES (?, 'running', ?, ?, ?, ?)",
            (utc_now(), engine, tool_version, library_hash, json.dumps(list(arguments), ensure_ascii=False)))
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, *, seen: int, checked: int, skipped: int) -> None:
        """Close a run and snapshot the verdict counts the dashboard compares between runs."""
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("UPDATE runs SET finished = ?, status = 'complete', seen = ?, checked = ?, skipped = ? "
                          "WHERE id = ?", (utc_now(), seen, checked, skipped, run_id))
        self.conn.execute("DELETE FROM run_counts WHERE run_id = ?", (run_id,))
        self.conn.execute("INSERT INTO run_counts SELECT ?, requirement, verdict, count(*) FROM requirements "
                          "GROUP BY requirement, verdict", (run_id,))
        self.conn.execute("INSERT INTO run_counts SELECT ?, '*', 'not-read', count(*) FROM documents "
                          "WHERE status != 'ok'", (run_id,))
        self.conn.execute("COMMIT")

    # -- documents -------------------------------------------------------------------------------------

    def known(self, path: str) -> Known | None:
        row = self.conn.execute("SELECT sha256, tool_version, library_hash, config_hash, error_code, attempts "
                                "FROM documents WHERE path = ?", (path,)).fetchone()
        return Known(*row) if row else None

    def add_manifest_columns(self, names: Iterable[str]) -> None:
        """Remember the manifest's extra columns in order (exports show them after the path)."""
        existing = {r[0] for r in self.conn.execute("SELECT name FROM manifest_columns")}
        position = len(existing)
        for name in names:
            if name not in existing:
                self.conn.execute("INSERT INTO manifest_columns VALUES (?, ?)", (name, position))
                existing.add(name)
                position += 1

    def manifest_columns(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM manifest_columns ORDER BY position")]

    def mark_seen(self, run_id: int, paths: Sequence[str], manifests: Sequence[str | None] = ()) -> None:
        """Documents found unchanged: they belong to this run without being read again."""
        if not paths:
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.executemany("UPDATE documents SET last_seen_run = ? WHERE path = ?", [(run_id, p) for p in paths])
        for path, manifest in zip(paths, manifests, strict=False):
            if manifest is not None:
                self.conn.execute("UPDATE documents SET manifest = ? WHERE path = ?", (manifest, path))
        self.conn.execute("COMMIT")

    def record(self, run_id: int, record: dict[str, Any]) -> None:
        """Write one document's result in one transaction (old verdicts that changed go to ``changes``)."""
        doc = record["document"]
        path = doc["path"]
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            before = dict(conn.execute("SELECT requirement, verdict FROM requirements WHERE path = ?", (path,)))
            was_error = conn.execute("SELECT status FROM documents WHERE path = ?", (path,)).fetchone()
            attempts = self._attempts(path, doc)
            values = [doc.get(c) for c in DOCUMENT_COLUMNS]
            manifest = json.dumps(record.get("manifest") or {}, ensure_ascii=False, sort_keys=True)
            assignments = ", ".join(f"{c} = excluded.{c}" for c in DOCUMENT_COLUMNS[1:])
            conn.execute(
                f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}, run_id, manifest, first_seen_run, "
                f"last_seen_run, attempts) VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))}, ?, ?, ?, ?, ?) "
                f"ON CONFLICT(path) DO UPDATE SET {assignments}, run_id = excluded.run_id, "
                f"manifest = excluded.manifest, last_seen_run = excluded.last_seen_run, "
                f"attempts = excluded.attempts",
                [*values, run_id, manifest, run_id, run_id, attempts])
            conn.execute("DELETE FROM requirements WHERE path = ?", (path,))
            conn.executemany(
                f"INSERT INTO requirements (path, {', '.join(REQUIREMENT_COLUMNS)}) "
                f"VALUES (?, {', '.join('?' * len(REQUIREMENT_COLUMNS))})",
                [[path, *(req.get(c) for c in REQUIREMENT_COLUMNS)] for req in record["requirements"]])
            after = {req["requirement"]: req["verdict"] for req in record["requirements"]}
            if was_error is not None:
                not_read = "not-read"
                for rule in sorted(set(before) | set(after)):
                    old = before.get(rule, not_read if was_error[0] != "ok" else None)
                    new = after.get(rule, not_read if doc["status"] != "ok" else None)
                    if old is not None and new is not None and old != new:
                        conn.execute("INSERT INTO changes VALUES (?, ?, ?, ?, ?)", (run_id, path, rule, old, new))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _attempts(self, path: str, doc: dict[str, Any]) -> int:
        """1, or one more than before when the same inputs failed transiently last time and again now."""
        if doc.get("error_code") not in TRANSIENT_ERRORS:
            return 1
        known = self.known(path)
        same = (known is not None and known.error_code in TRANSIENT_ERRORS and known.sha256 == doc.get("sha256")
                and known.tool_version == doc.get("tool_version") and known.library_hash == doc.get("library_hash")
                and known.config_hash == doc.get("config_hash"))
        return known.attempts + 1 if same and known is not None else 1

    # -- reading back ----------------------------------------------------------------------------------

    def iter_documents(self) -> Iterator[tuple[dict[str, Any], dict[str, dict[str, Any]]]]:
        """Every document with its requirements, streamed in path order (never all in memory)."""
        cols = (*DOCUMENT_COLUMNS, "manifest", "run_id", "first_seen_run", "last_seen_run")
        sql = (f"SELECT {', '.join('d.' + c for c in cols)}, {', '.join('r.' + c for c in REQUIREMENT_COLUMNS)} "
               "FROM documents d LEFT JOIN requirements r ON r.path = d.path ORDER BY d.path, r.requirement")
        current: dict[str, Any] | None = None
        reqs: dict[str, dict[str, Any]] = {}
        n = len(cols)
        for row in self.conn.execute(sql):
            if current is None or row[0] != current["path"]:
                if current is not None:
                    yield current, reqs
                current = dict(zip(cols, row[:n], strict=True))
                current["manifest"] = json.loads(current["manifest"] or "{}")
                reqs = {}
            if row[n] is not None:
                reqs[row[n]] = dict(zip(REQUIREMENT_COLUMNS, row[n:], strict=True))
        if current is not None:
            yield current, reqs

    def count_documents(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def count_requirements(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM requirements").fetchone()[0])

    def run_summary(self, run_id: int) -> dict[str, int]:
        """Pass/fail/unreadable among the documents this run saw (read or found unchanged)."""
        row = self.conn.execute(
            "SELECT count(*), sum(status = 'ok' AND passed), sum(status = 'ok' AND NOT passed), sum(status != 'ok') "
            "FROM documents WHERE last_seen_run = ?", (run_id,)).fetchone()
        return {"documents": row[0] or 0, "passed": row[1] or 0, "failed": row[2] or 0, "unreadable": row[3] or 0}

    def runs(self) -> list[dict[str, Any]]:
        cur = self.conn.execute("SELECT * FROM runs ORDER BY id")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]
