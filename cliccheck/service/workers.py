"""A bounded pool of warm worker processes that can be killed one at a time.

Why processes (as in :mod:`cliccheck.batch`): a parser stuck on a hostile
upload cannot be stopped from a thread. Why not :func:`cliccheck.batch.run_tasks`:
its workers live for one batch, and :func:`cliccheck.batch.run_isolated` starts
a process per job; a service wants workers that stay warm between requests.

The parent loads the pipelines once (:func:`cliccheck.batch.warm_up`) and forks
the workers, so they start warm and share those pages; a worker past its
deadline is killed and replaced at once while the others go on serving.
Admission is bounded: ``size`` jobs run and at most ``queue`` wait; beyond
that :class:`PoolFull` (HTTP 429), and a job that cannot get a worker in
``queue_wait`` seconds, or a pool that is stopping, is :class:`PoolUnavailable`
(HTTP 503).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import multiprocessing as mp
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

from ..batch import die_with_parent, keep_inherited_objects_frozen, warm_up
from ..errors import CliccheckError, DocumentError, error_from_outcome, error_outcome
from ..i18n import Said

#: A worker is replaced after this many jobs: memory a parser keeps (caches, fragmentation) stays bounded.
MAX_JOBS_PER_WORKER = 500


class PoolFull(Exception):
    """Every worker is busy and the waiting line is full (HTTP 429)."""


class PoolUnavailable(Exception):
    """No worker became free in time, or the pool is stopping (HTTP 503)."""


def _context() -> Any:
    # fork where it exists: the workers inherit the warm pipelines instead of loading their own
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods and sys.platform != "darwin" else "spawn")


def _worker_main(conn: Connection, parent_pid: int) -> None:
    """Run jobs sent by the service until told to stop; errors travel back as data."""
    keep_inherited_objects_frozen()  # a replacement is forked from the serving process, long after start
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the service, which stops its workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        while True:
            message = conn.recv()
            if message is None:
                return
            func, args = message
            try:
                outcome: tuple[str, Any] = ("ok", func(*args))
            except (CliccheckError, MemoryError) as exc:
                outcome = ("error", error_outcome(exc))
            except Exception as exc:  # a bug: reported as internal, the worker goes on
                outcome = ("crash", f"{type(exc).__name__}: {exc}")
            try:
                conn.send(outcome)
            except (TypeError, ValueError, AttributeError) as exc:  # unpicklable result: a bug, not a hang
                conn.send(("crash", f"{type(exc).__name__}: {exc}"))
    except (EOFError, BrokenPipeError, KeyboardInterrupt):
        return


def warm_service() -> None:
    """Load, before forking, what every request needs: the pipelines and the modules loaded on first use.

    :func:`cliccheck.batch.warm_up` covers the matcher; the readers, report
    formats and generators would otherwise be imported by each worker on its
    first request (about half a second each on a busy machine).
    """
    import importlib

    warm_up()
    for module in ("readers.docx_reader", "readers.pdf_reader", "readers.text_reader", "report.build",
                   "report.json_format", "report.sarif", "report.html", "generate.annex", "generate.redline",
                   "generate.context", "commands.annex", "commands.redline"):
        with contextlib.suppress(ImportError):
            importlib.import_module(f"cliccheck.{module}")
    with contextlib.suppress(Exception):  # a DOCX through the whole lint path: its readers' first-use set-up
        import io

        import docx

        from ..batch import Task, lint_task
        from ..config import Config
        from ..library import load_library

        document = docx.Document()
        for req in load_library().requirements:
            for lang in ("en", "zh"):
                for text in req.examples.get("satisfied", {}).get(lang, ())[:1]:
                    document.add_paragraph(text)
        buffer = io.BytesIO()
        document.save(buffer)
        lint_task(Task("warm-up.docx", Config(), data=buffer.getvalue(), suggest=True))


def _raise_outcome(kind: str, value: Any) -> Any:
    if kind == "ok":
        return value
    if kind == "error":
        raise error_from_outcome(value)
    raise CliccheckError.of("worker-bug", detail=str(value), code="internal")


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, context: Any):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, os.getpid()), daemon=True,
                                       name="cliccheck-serve-worker")
        self.process.start()
        child.close()
        self.jobs = 0
        self.alive = True

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def call(self, func: Callable[..., Any], args: tuple[Any, ...], timeout: float | None) -> Any:
        """Run ``func(*args)`` in this worker; kill it at ``timeout`` seconds (blocking: run in a thread)."""
        self.jobs += 1
        try:
            self.conn.send((func, args))
            if timeout and not self.conn.poll(timeout):
                self.kill()
                raise DocumentError.of("service-check-timeout", seconds=f"{timeout:g}", code="timeout")
            kind, value = self.conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError, OSError):
            self.kill()
            raise CliccheckError.of("checker-died", exitcode=self.process.exitcode, code="internal") from None
        return _raise_outcome(kind, value)

    def kill(self) -> None:
        self.alive = False
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(timeout=5)
        with contextlib.suppress(Exception):
            self.conn.close()

    def stop(self) -> None:
        self.alive = False
        with contextlib.suppress(Exception):
            self.conn.send(None)
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.kill()
        with contextlib.suppress(Exception):
            self.conn.close()


class WorkerPool:
    """``size`` warm workers, at most ``queue`` jobs waiting for one (async API for the app)."""

    def __init__(self, size: int, *, queue: int, queue_wait: float = 30.0, warm: bool = True):
        if size < 1 or queue < 0:
            raise ValueError("a pool needs at least one worker and a non-negative queue")
        self.size = size
        self.queue = queue
        self.queue_wait = queue_wait
        self.warm = warm
        self.running = 0
        self.waiting = 0
        self.killed = 0  # workers stopped at their deadline or lost, since start
        self.closing = False
        self._workers: list[Worker] = []
        self._idle: asyncio.Queue[Worker] | None = None
        self._renewing: set[asyncio.Task[None]] = set()
        self._threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="cliccheck-pool")
        self._lock = threading.Lock()
        self._context = _context()

    async def start(self) -> None:
        """Load the pipelines here once, then fork the workers (called from the app's startup)."""
        loop = asyncio.get_running_loop()
        if self.warm:
            await loop.run_in_executor(None, warm_service)
            # keep the loaded objects out of the collector so the workers' collections do not copy them
            gc.freeze()
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            worker = Worker(self._context)
            self._workers.append(worker)
            self._idle.put_nowait(worker)

    def pids(self) -> list[int]:
        return [w.pid for w in self._workers if w.alive and w.pid is not None]

    def stats(self) -> dict[str, int]:
        return {"workers": self.size, "running": self.running, "waiting": self.waiting, "queue": self.queue,
                "killed": self.killed}

    def _replace(self, old: Worker) -> Worker:
        with self._lock:
            new = Worker(self._context)
            self._workers = [w for w in self._workers if w is not old] + [new]
        return new

    async def run(self, func: Callable[..., Any], *args: Any, timeout: float | None) -> Any:
        """Run ``func(*args)`` in a free worker; raises PoolFull / PoolUnavailable when it cannot be admitted."""
        if self.closing or self._idle is None:
            raise PoolUnavailable(Said("service.stopping"))
        if self._idle.empty() and self.waiting >= self.queue:
            raise PoolFull(Said("service.busy", size=self.size, waiting=self.waiting))
        self.waiting += 1
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout=self.queue_wait)
        except TimeoutError:
            raise PoolUnavailable(Said("service.no-worker", seconds=f"{self.queue_wait:g}")) from None
        finally:
            self.waiting -= 1
        loop = asyncio.get_running_loop()
        self.running += 1
        job = loop.run_in_executor(self._threads, worker.call, func, args, timeout)
        # the worker goes back to the pool when its job is over, not when the request is: a client that
        # disconnects must not hand a busy worker (and its pending answer) to the next request
        job.add_done_callback(lambda _: self._release(worker))
        return await asyncio.shield(job)

    def _release(self, worker: Worker) -> None:
        """Return a worker whose job has ended to the idle line, replacing it if it was killed or is worn."""
        self.running -= 1
        if not worker.alive:
            self.killed += 1
        loop = asyncio.get_running_loop()
        if self.closing:
            loop.run_in_executor(None, worker.stop)
        elif not worker.alive or worker.jobs >= MAX_JOBS_PER_WORKER:
            task = loop.create_task(self._renew(worker))
            self._renewing.add(task)  # a reference until it ends, so the task is not collected mid-way
            task.add_done_callback(self._renewing.discard)
        elif self._idle is not None:
            self._idle.put_nowait(worker)

    async def _renew(self, old: Worker) -> None:
        loop = asyncio.get_running_loop()
        if old.alive:
            await loop.run_in_executor(None, old.stop)
        new = await loop.run_in_executor(None, self._replace, old)
        if self.closing:
            await loop.run_in_executor(None, new.stop)
        elif self._idle is not None:
            self._idle.put_nowait(new)

    async def stop(self) -> None:
        """Stop every worker (running jobs are killed): the service is shutting down."""
        self.closing = True
        loop = asyncio.get_running_loop()
        with self._lock:
            workers = list(self._workers)
        await loop.run_in_executor(None, lambda: [w.stop() for w in workers])
        self._threads.shutdown(wait=False, cancel_futures=True)
