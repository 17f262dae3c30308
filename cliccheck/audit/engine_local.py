"""The local engine: ``lint``'s worker processes (:func:`cliccheck.batch.run_tasks`) in growing chunks.

``run_tasks`` owns what is hard about many documents on one machine (worker
processes that load the pipelines once, a killed and replaced worker per
stuck document); it returns a chunk's reports when the chunk is done. The
audit feeds it chunks that start small (the first results reach the register
within seconds) and grow to ``MAX_CHUNK_PER_WORKER`` documents per worker (so
starting workers costs little), and records each report as soon as its
chunk returns. A killed run loses at most the chunk in flight, never a
recorded row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..batch import Task, run_tasks
from .inputs import is_url, open_binary
from .record import AuditJob, to_record
from .register import utc_now

MAX_CHUNK_PER_WORKER = 64


def make_task(job: AuditJob) -> Task:
    """The batch task for a job; a URL is fetched here (``lint``'s readers take bytes)."""
    if is_url(job.path):
        from ..errors import CliccheckError, DocumentError

        try:
            with open_binary(job.path) as fh:
                data = fh.read()
        except (OSError, CliccheckError) as exc:
            error = exc if isinstance(exc, CliccheckError) else DocumentError(
                f"cannot read ({exc})", code="unreadable", path=job.path)
            return Task(job.path, job.config, data=b"", password=job.password, error=error)
        return Task(job.path, job.config, data=data, password=job.password)
    return Task(job.path, job.config, path=job.path, password=job.password)


def run_local(jobs: Iterable[AuditJob], *, workers: int, timeout: float | None,
              on_result: Callable[[dict[str, Any]], None],
              on_checking: Callable[[int, int, str], None] | None = None) -> None:
    """Audit ``jobs`` with ``workers`` processes; ``on_result`` gets each register record."""
    size = max(1, 2 * workers)
    chunk: list[AuditJob] = []

    def flush() -> None:
        reports = run_tasks([make_task(job) for job in chunk], jobs=workers, timeout=timeout, progress=on_checking)
        for job, report in zip(chunk, reports, strict=True):
            on_result(to_record(report, job, checked_at=utc_now()))
        chunk.clear()

    for job in jobs:
        chunk.append(job)
        if len(chunk) >= size:
            flush()
            size = min(size * 4, MAX_CHUNK_PER_WORKER * workers)
    if chunk:
        flush()
