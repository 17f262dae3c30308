"""Linting many documents: discovery, parallel worker processes, hard timeouts.

Why processes and not threads: a parser stuck on a pathological file cannot
be stopped from another thread. Each worker is a long-lived process that
loads the spaCy pipelines once, then lints one document at a time; when a
document runs past ``--timeout`` the worker is killed and replaced, and that
document alone becomes a ``timeout`` error. Results are returned in input
order whatever the completion order, and one bad file never stops the batch.

Test hook (for the test suite only, not a user feature):
``CLICCHECK_TEST_SLEEP="GLOB=SECONDS"`` makes a worker sleep before reading any
document whose file name matches GLOB, to simulate a stuck parser.
"""

from __future__ import annotations

import contextlib
import fnmatch
import gc
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config
from .errors import CliccheckError, DocumentError, error_from_outcome, error_outcome
from .report.build import build_document_report, error_report
from .report.model import DocumentReport

if TYPE_CHECKING:
    from .readers.ocr import OcrOptions

DOCUMENT_SUFFIXES = (".docx", ".pdf", ".txt", ".md")
STDIN = "-"
STDIN_NAME = "<stdin>"
TEST_SLEEP_ENV = "CLICCHECK_TEST_SLEEP"
DEFAULT_TIMEOUT = 120.0


@dataclass(slots=True)
class Task:
    """One document to lint: a path, or bytes (stdin) with a display name."""

    display: str
    config: Config
    path: str | None = None
    data: bytes | None = None
    password: str | None = None
    suggest: bool = False  # also render suggested clauses (HTML report)
    error: CliccheckError | None = None  # the input already failed (e.g. stdin over its limit)
    ocr: OcrOptions | None = None  # when to read page images by OCR (--ocr, --ocr-dpi)


# -- discovery -----------------------------------------------------------------------------------

def _skip_name(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")


@dataclass(slots=True)
class Found:
    """A document to lint and the path the user gave that led to it (its root)."""

    path: str
    root: str | None  # the folder the user linted (a file's own folder), None for stdin


def collect_documents(paths: Sequence[str], *, follow_symlinks: bool = False) -> tuple[list[Found], list[str]]:
    """Expand folders (recursively, sorted) into documents; keep explicit files as given.

    Folders yield .docx .pdf .txt .md files, skipping hidden files and folders,
    Word lock files (``~$*``) and symlink loops. A symlink that leads outside
    the folder being walked is not followed unless ``follow_symlinks``: a
    folder under review should not pull in files from elsewhere on the disk
    (they are returned, second, so the caller can say so). A path given
    explicitly is always linted (a missing or unsupported file becomes an error
    document). Duplicates are dropped, first occurrence wins.
    """
    out: list[Found] = []
    skipped: list[str] = []
    seen: set[Any] = set()

    def add(path: str, root: str | None) -> None:
        try:
            key: Any = Path(path).resolve()
        except OSError:
            key = path
        if key not in seen:
            seen.add(key)
            out.append(Found(path, root))

    for given in paths:
        if given == STDIN:
            if STDIN not in seen:
                seen.add(STDIN)
                out.append(Found(STDIN, None))
            continue
        if not os.path.isdir(given):
            add(given, os.path.dirname(given) or ".")
            continue
        visited: set[tuple[int, int]] = set()
        try:
            top = Path(given).resolve()
        except OSError:
            top = Path(given).absolute()
        for found in _walk(given, visited, top, follow_symlinks, skipped):
            add(found, given)
    return out, skipped


def collect_paths(paths: Sequence[str], *, follow_symlinks: bool = False) -> list[str]:
    """The documents :func:`collect_documents` finds, as paths."""
    return [found.path for found in collect_documents(paths, follow_symlinks=follow_symlinks)[0]]


def _inside(path: str, top: Path) -> bool:
    try:
        target = Path(path).resolve()
    except (OSError, RuntimeError):  # a loop: never inside
        return False
    return target == top or top in target.parents


def _walk(folder: str, visited: set[tuple[int, int]], top: Path, follow: bool,
          skipped: list[str]) -> Iterable[str]:
    try:
        st = os.stat(folder)
    except OSError:
        return
    ident = (st.st_dev, st.st_ino)
    if ident in visited:  # a symlink loop or a folder reached twice
        return
    visited.add(ident)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if _skip_name(entry.name):
            continue
        path = os.path.join(folder, entry.name)
        try:
            if entry.is_symlink() and not follow and not _inside(path, top):
                if entry.is_dir() or (entry.is_file() and entry.name.lower().endswith(DOCUMENT_SUFFIXES)):
                    skipped.append(path)
                continue
            if entry.is_dir():
                yield from _walk(path, visited, top, follow, skipped)
            elif entry.is_file() and entry.name.lower().endswith(DOCUMENT_SUFFIXES):
                yield path
        except OSError:
            continue


# -- linting one document ------------------------------------------------------------------------

def _test_sleep(name: str) -> None:
    spec = os.environ.get(TEST_SLEEP_ENV)
    if not spec or "=" not in spec:
        return
    pattern, _, seconds = spec.rpartition("=")
    if fnmatch.fnmatch(os.path.basename(name), pattern):
        time.sleep(float(seconds))


def check_task(task: Task) -> DocumentReport:
    """Read, check and report one document; raises CliccheckError when it cannot be read."""
    from .readers import read_document

    started = time.perf_counter()
    config = task.config
    _test_sleep(task.display)
    if task.error is not None:
        raise task.error
    if task.data is not None:
        doc = read_document(task.data, filename=task.display, password=task.password, limits=config.make_limits(),
                            ocr=task.ocr)
    else:
        doc = read_document(task.path or task.display, password=task.password, limits=config.make_limits(),
                            ocr=task.ocr)
    from .matcher import check_document
    from .ocr_gate import review_ocr

    wanted = config.requirement_ids()
    library = config.library()
    result = check_document(doc, supplier_aliases=tuple(config.supplier_aliases),
                            supplier_names=tuple(config.supplier_names), library=library,
                            select=None if wanted == list(library.ids) else wanted, lang=config.lang)
    review_ocr(doc, result)
    report = build_document_report(doc, result, config, path=task.display)
    if task.suggest:
        report.suggestions = suggestions(doc, result, [r.id for r in report.requirements if not r.ok])
    report.seconds = time.perf_counter() - started
    return report


def suggestions(doc: Any, result: Any, rule_ids: Sequence[str]) -> dict[str, dict[str, str]]:
    """Suggested clause text per requirement in zh and en, with the contract's party labels."""
    if not rule_ids:
        return {}
    try:
        from .generate import suggested_clause
        from .generate.context import build_context
    except ImportError:
        return {}
    try:
        context = build_context(doc, result)
    except CliccheckError:  # e.g. unusable party names: fall back to neutral role words
        context = build_context(None, None)
    out: dict[str, dict[str, str]] = {}
    for rule_id in rule_ids:
        with contextlib.suppress(CliccheckError):
            out[rule_id] = {lang: suggested_clause(rule_id, lang, "full", context.for_lang(lang))
                            for lang in ("zh", "en")}
    return out


def lint_task(task: Task) -> DocumentReport:
    """Like :func:`check_task`, but any failure becomes an error document (never raises)."""
    started = time.perf_counter()
    try:
        return check_task(task)
    except CliccheckError as exc:
        report = error_report(task.display, exc, fail_on=task.config.fail_on, config=task.config.source)
    except MemoryError:
        report = error_report(task.display, DocumentError.of("out-of-memory", code="too-large"),
                              fail_on=task.config.fail_on, config=task.config.source)
    except Exception as exc:  # a bug must not stop the batch; it is reported for this document
        report = error_report(task.display, CliccheckError(f"{type(exc).__name__}: {exc}", code="internal"),
                              fail_on=task.config.fail_on, config=task.config.source)
    report.seconds = time.perf_counter() - started
    return report


# -- worker processes ----------------------------------------------------------------------------

def warm_up() -> None:
    """Load the matcher's pipelines once per worker (not once per document)."""
    from .matcher import check_document
    from .readers import read_document

    with contextlib.suppress(Exception):
        from .library import load_library

        # the library's own examples reach every stage (candidates, spaCy analysis) in both languages
        examples = [text for req in load_library().requirements
                    for verdict in ("satisfied", "contradicted")
                    for lang in ("en", "zh") for text in req.examples.get(verdict, {}).get(lang, ())[:1]]
        doc = read_document("\n\n".join(examples).encode(), filename="warm-up.txt")
        check_document(doc)


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCHDOG_SECONDS = 0.5


def die_with_parent(parent_pid: int) -> None:
    """Make this worker end when the process that started it ends, however it ends.

    Killing ``lint`` (SIGTERM, or SIGKILL which no handler sees) must not leave
    workers running on a stuck document. On Linux the kernel does it: the
    parent-death signal is SIGKILL. Everywhere, a watchdog thread polls the
    parent's pid and exits when this process has been re-parented. The check
    after prctl closes the window where the parent died before it was set.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(WATCHDOG_SECONDS)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="cliccheck-parent-watchdog", daemon=True).start()


def keep_inherited_objects_frozen() -> None:
    """In a forked child: put every object inherited from the parent out of the collector's reach.

    Why: otherwise the child's first full collection walks every object of the parent, and each page
    it touches is copied (copy-on-write). Under a long-lived parent (the service after many requests,
    a test run) that took seconds, and tens of seconds on a busy machine, before the child answered
    its first job. ``gc.freeze`` splices the collector's lists (no object is visited); the child's
    own objects are collected as usual. A parent that freezes before forking (``run_tasks``) saves
    its own collections too; this covers the forks that happen later or without it.
    """
    gc.freeze()


def _worker_main(conn: Connection, parent_pid: int, warm: bool = True) -> None:
    keep_inherited_objects_frozen()
    die_with_parent(parent_pid)
    if warm:
        with contextlib.suppress(Exception):
            warm_up()
    try:
        conn.send(("ready",))
        while True:
            message = conn.recv()
            if message is None:
                return
            index, task = message
            conn.send(("done", index, lint_task(task)))
    except (EOFError, BrokenPipeError, KeyboardInterrupt):
        return


class _Worker:
    def __init__(self, context: Any, warm: bool = True):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, os.getpid(), warm), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.index: int | None = None
        self.deadline: float | None = None

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(timeout=5)
        with contextlib.suppress(Exception):
            self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.send(None)
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.kill()
        with contextlib.suppress(Exception):
            self.conn.close()


#: run_tasks calls in this process so far, and whether its pipelines are loaded (see _prepare_parent)
_RUNS = 0
_WARMED = False


def _prepare_parent(*, warm: bool) -> None:
    """Load, before forking, what the workers would each load again.

    The clause library is always loaded here: the report this process renders needs it anyway, and a
    forked worker then starts with it. The matcher's pipelines are loaded here for a batch (workers
    share them, and a replacement starts at once) and from this process's second run on: a process that
    lints twice (the Python API, a test run, a tool calling the CLI entry point) would otherwise load
    them in every worker it forks, seconds each time. A one-shot lint of one document loads them in its
    worker only, as before.
    """
    global _RUNS, _WARMED
    _RUNS += 1
    if _WARMED:
        return
    if warm or _RUNS > 1:
        warm_up()
        _WARMED = True
        # keep the loaded objects out of the collector: otherwise each worker's first collection
        # touches every page of them and copy-on-write turns the shared memory into copies
        gc.freeze()
        return
    with contextlib.suppress(Exception):
        from .library import load_library

        load_library()


def _context() -> Any:
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods and sys.platform != "darwin" else "spawn")


def available_cores() -> int:
    """Cores this process may run on (respects CPU affinity and container limits where visible)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run_tasks(tasks: Sequence[Task], *, jobs: int | None = None, timeout: float | None = DEFAULT_TIMEOUT,
              progress: Callable[[int, int, str], None] | None = None) -> list[DocumentReport]:
    """Lint ``tasks`` and return their reports in input order.

    ``jobs`` worker processes (default: the number of cores); ``timeout`` per
    document in seconds (``None`` or 0: no limit). Without a timeout and with
    one job, documents are linted in this process.
    """
    total = len(tasks)
    jobs = max(1, min(jobs or available_cores(), total or 1))
    results: list[DocumentReport | None] = [None] * total
    done = 0

    def finish(index: int, report: DocumentReport) -> None:
        nonlocal done
        results[index] = report
        done += 1
        if progress is not None:
            progress(done, total, tasks[index].display)

    if not timeout and jobs == 1:
        for i, task in enumerate(tasks):
            finish(i, lint_task(task))
        return [r for r in results if r is not None]

    context = _context()
    if context.get_start_method() == "fork":
        _prepare_parent(warm=total > jobs)
    pending = deque(range(total))
    # a worker with one document to check gains nothing from warming up first (the pipelines load when
    # first needed, and a document that cannot be read never needs them)
    workers = [_Worker(context, warm=total > jobs) for _ in range(jobs)]
    try:
        while done < total:
            now = time.monotonic()
            for worker in workers:
                if worker.ready and worker.index is None and pending:
                    index = pending.popleft()
                    try:
                        worker.conn.send((index, tasks[index]))
                    except (BrokenPipeError, OSError):
                        pending.appendleft(index)
                        worker.ready = False
                        continue
                    worker.index = index
                    worker.deadline = now + timeout if timeout else None
            deadlines = [w.deadline for w in workers if w.deadline is not None]
            wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = wait([w.conn for w in workers], timeout=wait_for)
            for n, worker in enumerate(list(workers)):
                if worker is None or worker.conn not in ready:
                    continue
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    message = None
                if message is None:  # the worker died: report its document, replace it
                    if worker.index is not None:
                        task = tasks[worker.index]
                        finish(worker.index, error_report(
                            task.display, CliccheckError.of("checker-died", exitcode=worker.process.exitcode, code="internal"),
                            fail_on=task.config.fail_on, config=task.config.source))
                    worker.kill()
                    workers[n] = _Worker(context) if pending else None  # type: ignore[call-overload]
                    continue
                if message[0] == "ready":
                    worker.ready = True
                elif message[0] == "done":
                    _, index, report = message
                    worker.index, worker.deadline = None, None
                    finish(index, report)
            now = time.monotonic()
            for n, worker in enumerate(list(workers)):
                if worker is not None and worker.deadline is not None and now >= worker.deadline and worker.index is not None:
                    task = tasks[worker.index]
                    worker.kill()
                    finish(worker.index, error_report(
                        task.display, DocumentError.of("check-timeout", seconds=f"{timeout:g}", code="timeout"),
                        fail_on=task.config.fail_on, config=task.config.source))
                    workers[n] = _Worker(context) if pending else None  # type: ignore[call-overload]
            workers = [w for w in workers if w is not None]
            if not workers and done < total:  # every worker was lost with work left: start one
                workers.append(_Worker(context))
    finally:
        for worker in workers:
            worker.stop()
    return [r for r in results if r is not None]


# -- one job with a deadline (annex, redline, extract) ---------------------------------------------

def _isolated_main(conn: Connection, parent_pid: int, func: Callable[..., Any], args: tuple[Any, ...],
                   name: str | None) -> None:
    die_with_parent(parent_pid)
    try:
        _test_sleep(name or "")
        outcome: tuple[str, Any] = ("ok", func(*args))
    except (CliccheckError, MemoryError) as exc:
        outcome = ("error", error_outcome(exc))
    except BaseException as exc:  # reported as internal by the parent, like any escaped bug
        outcome = ("crash", f"{type(exc).__name__}: {exc}")
    try:
        conn.send(outcome)
    except Exception as exc:  # an unpicklable result is a bug, not a hang
        conn.send(("crash", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def run_isolated(func: Callable[..., Any], *args: Any, timeout: float | None, name: str | None = None) -> Any:
    """Run ``func(*args)`` in a worker process killed at ``timeout`` seconds; return its result.

    Why a process: a reader stuck on a hostile file cannot be stopped from a
    thread. Coded errors come back as themselves; running out of time is a
    ``timeout`` error naming ``name``. Without a timeout it runs here.
    """
    if not timeout:
        return func(*args)
    context = _context()
    conn, child = context.Pipe(duplex=False)
    process = context.Process(target=_isolated_main, args=(child, os.getpid(), func, args, name),
                                  daemon=True)
    process.start()
    child.close()
    try:
        deadline = time.monotonic() + timeout
        outcome = None
        while outcome is None:
            left = deadline - time.monotonic()
            if left <= 0 or not conn.poll(left):
                if time.monotonic() >= deadline:
                    raise DocumentError.of("timeout", seconds=f"{timeout:g}", code="timeout", path=name)
                continue
            try:
                outcome = conn.recv()
            except EOFError:
                process.join(timeout=5)
                raise CliccheckError.of("worker-died", exitcode=process.exitcode, code="internal", path=name) from None
    finally:
        if process.is_alive():
            with contextlib.suppress(Exception):
                process.kill()
        process.join(timeout=5)
        conn.close()
    kind, value = outcome
    if kind == "ok":
        return value
    if kind == "error":
        raise error_from_outcome(value)
    raise CliccheckError(value, code="internal", path=name)
