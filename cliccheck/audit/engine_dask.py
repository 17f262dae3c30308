"""The Dask engine: one task per document on a ``dask.distributed`` cluster, results streamed to the register.

Why Dask: it is pure Python, runs as a LocalCluster on one machine (the tests
use one) and deploys on the clusters operators already run (Kubernetes, YARN,
HPC schedulers, SSH). The client does what the local engine does (discovery,
digests, the register); each worker

* loads the spaCy pipelines and the rule library once, when it joins
  (:class:`WarmUpPlugin`), not once per document;
* reads a document from a path every worker sees (local disk, NFS, or any
  fsspec URL such as S3-compatible storage) with the same function as the
  local engine (:func:`audit_on_worker` -> :func:`cliccheck.batch.lint_task`),
  in a long-lived child process forked from the warmed worker and killed
  when a document runs past ``timeout`` seconds, so a stuck parser costs
  one document, not a worker;
* returns a small dict, written to the register by the client as it arrives
  (``as_completed``), with at most a window of tasks in flight so neither the
  client nor the scheduler ever holds the whole repository.

A worker that dies takes its task with it: the scheduler reruns the task
elsewhere (``distributed.scheduler.allowed-failures``), and ``retries``
covers a task that raises. A document that still fails is recorded as an
``internal`` error, which the next run retries.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from ..errors import CliccheckError, ConfigError
from ..i18n import Phrase
from .record import AuditJob, to_record
from .register import utc_now

DEFAULT_RETRIES = 2


def _import_distributed():  # type: ignore[no-untyped-def]
    try:
        import dask
        import distributed
    except ImportError:
        raise ConfigError.of("needs-dask") from None
    return dask, distributed


try:
    from distributed.diagnostics.plugin import WorkerPlugin as _PluginBase
except ImportError:  # the local engine does not need dask
    _PluginBase = object  # type: ignore[assignment,misc]


class WarmUpPlugin(_PluginBase):  # type: ignore[misc,valid-type]
    """Load the pipelines and the library once per worker process."""

    name = "cliccheck-warm-up"

    def setup(self, worker: Any) -> None:
        import multiprocessing

        process = multiprocessing.current_process()
        if process.daemon:
            # Dask starts workers as daemonic processes by default, and a daemonic process may not
            # start children; the per-document child that enforces --timeout needs one. The child is
            # killed by run_tasks on timeout and exits with this worker.
            process._config["daemon"] = False  # type: ignore[attr-defined]
        from ..batch import warm_up
        from .record import library_hash

        warm_up()
        library_hash()
        # as batch.run_tasks does before forking: keep the loaded pipelines out of the collector, so the
        # per-document child does not copy every page of them on its first collection
        gc.freeze()


def _serve(conn: Any, parent_pid: int) -> None:
    """The checker child: check documents sent over ``conn`` until it closes; ends with its worker."""
    from ..batch import die_with_parent, keep_inherited_objects_frozen, lint_task

    keep_inherited_objects_frozen()
    die_with_parent(parent_pid)
    try:
        while True:
            task = conn.recv()
            conn.send(lint_task(task))
    except (EOFError, OSError, KeyboardInterrupt):
        pass
    finally:
        os._exit(0)  # not the inherited Dask worker's exit handlers: this process only checked documents


class _Checker:
    """A child forked from the warmed worker that checks one document at a time, killed on a deadline."""

    def __init__(self) -> None:
        import multiprocessing as mp

        context = mp.get_context("fork")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, os.getpid()), daemon=True)
        self.process.start()
        child.close()

    def close(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


_checkers = threading.local()


def lint_with_deadline(task: Any, timeout: float) -> Any:
    """:func:`cliccheck.batch.lint_task` in a long-lived child process, killed after ``timeout`` seconds.

    Why not ``batch.run_tasks([task])``: a new process per document costs a warm-up and, forked
    from a large worker, copy-on-write faults for every page the check touches (about 0.07 s of
    CPU per document here). One child per worker thread, forked from the worker that
    :class:`WarmUpPlugin` warmed, is reused until a document outlives its deadline; then it is
    killed and the next document gets a fresh one. The messages match ``run_tasks``' so both
    engines record the same rows.
    """
    from ..errors import DocumentError
    from ..report.build import error_report

    checker: _Checker | None = getattr(_checkers, "checker", None)
    if checker is None or not checker.process.is_alive():
        checker = _checkers.checker = _Checker()
    try:
        checker.conn.send(task)
    except (BrokenPipeError, OSError):  # the child died between documents: one fresh try
        checker.close()
        checker = _checkers.checker = _Checker()
        checker.conn.send(task)
    error: CliccheckError
    if checker.conn.poll(timeout):
        with contextlib.suppress(EOFError, OSError):
            return checker.conn.recv()
        checker.process.join(timeout=5)
        error = CliccheckError.of("checker-died", exitcode=checker.process.exitcode, code="internal")
    else:
        error = DocumentError.of("check-timeout", seconds=f"{timeout:g}", code="timeout")
    checker.close()
    _checkers.checker = None
    return error_report(task.display, error, fail_on=task.config.fail_on, config=task.config.source)


def audit_on_worker(job: AuditJob, timeout: float | None) -> dict[str, Any]:
    """Read and check one document on a worker; never raises for a bad document."""
    from ..batch import lint_task
    from .engine_local import make_task

    task = make_task(job)
    report = lint_with_deadline(task, timeout) if timeout else lint_task(task)
    return to_record(report, job, checked_at=utc_now())


def _lost(job: AuditJob, exc: BaseException) -> dict[str, Any]:
    from ..report.build import error_report

    report = error_report(job.path, CliccheckError(
        f"the Dask task failed after its retries ({type(exc).__name__}: {exc})".replace("\n", " "),
        code="internal"), fail_on=job.config.fail_on, config=job.config.source)
    return to_record(report, job, checked_at=utc_now())


def run_dask(jobs: Iterable[AuditJob], *, scheduler: str | None, workers: int, timeout: float | None,
             on_result: Callable[[dict[str, Any]], None], retries: int = DEFAULT_RETRIES,
             window: int | None = None, stats: dict[str, float] | None = None) -> None:
    """Audit ``jobs`` on the cluster at ``scheduler``, or on a LocalCluster of ``workers`` processes.

    ``stats`` receives ``startup_seconds``: connecting (or starting the LocalCluster) and warming the workers.
    """
    import time

    started = time.perf_counter()
    dask, _ = _import_distributed()
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            with dask.config.set({"distributed.worker.daemon": False}):
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise ConfigError.of("dask-unreachable", scheduler=scheduler or Phrase("err.local"), detail=str(exc)) from None
    try:
        register = getattr(client, "register_plugin", None) or client.register_worker_plugin
        register(WarmUpPlugin(), name=WarmUpPlugin.name)
        if stats is not None:
            stats["startup_seconds"] = time.perf_counter() - started
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        window = window or max(8, 4 * n_workers)
        pending: dict[str, AuditJob] = {}
        queue = iter(jobs)
        completed = as_completed()
        prefix = f"cliccheck-audit-{uuid.uuid4().hex[:8]}"

        def submit_next() -> None:
            job = next(queue, None)
            if job is None:
                return
            key = f"{prefix}-{len(pending)}-{uuid.uuid4().hex[:8]}"
            pending[key] = job
            completed.add(client.submit(audit_on_worker, job, timeout, key=key, pure=False, retries=retries))

        for _ in range(window):
            submit_next()
        for future in completed:
            job = pending.pop(future.key)
            try:
                record = future.result()
            except Exception as exc:  # a worker lost too often, or a bug: recorded, retried next run
                record = _lost(job, exc)
            future.release()
            on_result(record)
            submit_next()
    finally:
        with contextlib.suppress(Exception):
            client.close()
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close()
