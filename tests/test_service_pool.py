"""The service's worker pool on its own: killed at the deadline, replaced when lost, bounded admission."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install '.[serve]')")

from cliccheck.errors import CliccheckError, DocumentError
from cliccheck.service.workers import PoolFull, PoolUnavailable, WorkerPool


def _raise_document_error(message: str) -> None:
    raise DocumentError(message, code="corrupt")


@pytest.mark.serial
def test_pool_kills_replaces_and_bounds() -> None:
    async def scenario() -> None:
        pool = WorkerPool(1, queue=1, queue_wait=1.0, warm=False)
        with pytest.raises(PoolUnavailable):  # not started
            await pool.run(pow, 2, 3, timeout=60)
        await pool.start()
        try:
            first = pool.pids()
            assert await pool.run(pow, 2, 10, timeout=60) == 1024
            # a coded error comes back as itself, and the worker goes on
            with pytest.raises(DocumentError) as info:
                await pool.run(_raise_document_error, "bad file", timeout=60)
            assert info.value.code == "corrupt" and pool.pids() == first

            # stuck past its deadline: killed, replaced, reported as a timeout
            started = time.monotonic()
            with pytest.raises(DocumentError) as info:
                await pool.run(time.sleep, 30, timeout=0.5)
            assert info.value.code == "timeout" and time.monotonic() - started < 10
            assert await pool.run(pow, 3, 2, timeout=60) == 9  # served by the replacement
            assert pool.pids() != first and pool.killed == 1

            # a request abandoned mid-job (its client went away) keeps the worker until the job ends:
            # the next request waits for it and gets its own answer, not the abandoned one's
            abandoned = asyncio.ensure_future(pool.run(time.sleep, 0.5, timeout=60))
            await asyncio.sleep(0.1)
            abandoned.cancel()
            assert await pool.run(pow, 2, 5, timeout=60) == 32

            # a worker that dies is an internal error, and is replaced too
            with pytest.raises(CliccheckError) as info:
                await pool.run(os._exit, 3, timeout=60)
            assert info.value.code == "internal" and "died" in info.value.message
            assert await pool.run(pow, 2, 2, timeout=60) == 4

            # one running, one waiting: a third is refused at once (429), the waiting one gives up (503)
            busy = asyncio.ensure_future(pool.run(time.sleep, 2.5, timeout=60))
            await asyncio.sleep(0.1)
            waiting = asyncio.ensure_future(pool.run(pow, 2, 1, timeout=60))
            await asyncio.sleep(0.1)
            with pytest.raises(PoolFull):
                await pool.run(pow, 2, 1, timeout=60)
            with pytest.raises(PoolUnavailable):
                await waiting
            await busy
            assert pool.stats()["running"] == 0 and pool.stats()["waiting"] == 0
        finally:
            pids = pool.pids()
            await pool.stop()
        for pid in pids:  # no worker outlives the pool
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)

    asyncio.run(scenario())


def _collectable_objects() -> int:
    import gc

    return len(gc.get_objects())


def test_a_worker_never_collects_what_it_inherited() -> None:
    """A worker forked from a large process (the service after many requests, a long test run) must not
    walk that process's objects in its first full collection: it copied every page it touched, and a
    replacement took tens of seconds to answer its first job on a busy machine."""
    inherited = [[i] for i in range(300_000)]  # a large parent heap of collectable objects

    async def scenario() -> int:
        pool = WorkerPool(1, queue=0, warm=False)
        await pool.start()
        try:
            return await pool.run(_collectable_objects, timeout=60)
        finally:
            await pool.stop()

    in_worker = asyncio.run(scenario())
    assert len(inherited) == 300_000 and in_worker < 100_000, in_worker
