"""From a document's report to a register row; the same function on this machine and on a Dask worker.

Both engines read a document with :func:`cliccheck.batch.lint_task` (or
:func:`~cliccheck.batch.run_tasks` when a timeout must be enforced) and turn
the :class:`~cliccheck.report.model.DocumentReport` into a plain dict here,
so a register row cannot depend on where the document was read.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..report.model import SEVERITY_RANK, DocumentReport

FIRST_WORDS_CHARS = 80


@functools.lru_cache(maxsize=1)
def library_hash() -> str:
    """SHA-256 over the rule library's files: a changed library means every verdict may change."""
    from ..paths import data_dir

    digest = hashlib.sha256()
    folder = data_dir("clause_library")
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def tool_version() -> str:
    from .. import __version__

    return __version__


def config_hash(config: Config) -> str:
    """A digest of the settings that shape a verdict (aliases, selection, severities, waivers, limits, packs), and
    of the files of every playbook folder among the packs: library_hash covers only the built-in library, so an
    edited house rule must change this digest for the audit to read the contracts again."""
    digest = hashlib.sha256(repr(config).encode("utf-8"))
    from ..packs import is_path_spec

    for spec in config.packs:
        if is_path_spec(spec):
            folder = Path(spec) if Path(spec).is_absolute() else Path(config.pack_base) / spec
            digest.update(_folder_digest(str(folder.resolve()), _stamp(folder)).encode())
    return digest.hexdigest()[:16]


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of each file in the folder: the cache key of its digest."""
    try:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        return tuple((p.relative_to(folder).as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    except OSError:
        return ()


@functools.lru_cache(maxsize=32)
def _folder_digest(folder: str, stamp: tuple[tuple[str, int, int], ...]) -> str:
    """SHA-256 over a playbook folder's files (read once per change of any file's size or time)."""
    digest = hashlib.sha256()
    for name, _size, _mtime in stamp:
        digest.update(name.encode() + b"\0")
        try:
            digest.update((Path(folder) / name).read_bytes() + b"\0")
        except OSError:
            digest.update(b"unreadable\0")
    return digest.hexdigest()


@dataclass(slots=True)
class AuditJob:
    """One document to audit, as sent to an engine (small and picklable)."""

    path: str  # the register key: an absolute local path or an fsspec URL
    config: Config
    sha256: str | None = None
    size: int | None = None
    manifest: dict[str, str] = field(default_factory=dict)
    password: str | None = None


def first_words(text: str, limit: int = FIRST_WORDS_CHARS) -> str:
    """The start of an evidence sentence, cut at a word boundary where there is one (CJK has none)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut) + "…"


def worst_severity(report: DocumentReport) -> str:
    """The highest unwaived severity in the document; ``error`` when it could not be read."""
    if report.status != "ok":
        return "error"
    worst = "none"
    for issue in report.issues():
        if issue.waived is None and SEVERITY_RANK.get(issue.severity, 0) > SEVERITY_RANK[worst]:
            worst = issue.severity
    return worst


def to_record(report: DocumentReport, job: AuditJob, *, checked_at: str) -> dict[str, Any]:
    """The register row (document + requirements) for one report."""
    requirements = []
    for req in report.requirements:
        ev = req.evidence[0] if req.evidence else None
        requirements.append({
            "requirement": req.id,
            "verdict": req.verdict,
            "severity": req.severity,
            "page": ev.page if ev else None,
            "section": ev.section if ev else None,
            "paragraph": ev.paragraph if ev else None,
            "first_words": first_words(ev.text) if ev else None,
            "waived_by": req.waived.approved_by if req.waived else None,
            "waiver_reason": req.waived.reason if req.waived else None,
        })
    document = {
        "path": job.path,
        "size": job.size,
        # what was read; the planned digest when the reader stopped before hashing
        "sha256": report.sha256 or job.sha256,
        "format": report.format,
        "pages": report.pages,
        # 1 when any page was read by OCR: its verdicts rest on recognised characters, not a text layer
        "ocr": 1 if report.ocr_pages else 0,
        "language": report.language,
        "supplier": report.supplier.name if report.supplier else None,
        "status": report.status,
        "passed": 1 if report.passed else 0,
        "worst_severity": worst_severity(report),
        "error_code": report.error.code if report.error else None,
        "error_message": report.error.message if report.error else None,
        "tool_version": tool_version(),
        "library_hash": library_hash(),
        "config_hash": config_hash(job.config),
        "checked_at": checked_at,
        "seconds": round(report.seconds, 4) if report.seconds is not None else None,
    }
    return {"document": document, "requirements": requirements, "manifest": dict(job.manifest)}
