"""Audits for ``serve`` in worker processes: one spaCy model per worker, a per-request timeout, a bounded queue.

:class:`AuditPool` keeps ``workers`` single-process executors (each loads the model once, in its
initializer).  A request takes an idle worker, or waits in a queue of at most ``queue`` requests
(:class:`QueueFull` → 429 when it is full).  A request that runs longer than ``timeout`` seconds gets
:class:`AuditTimeout` (→ 504) and its worker process is killed and replaced, so a stuck article cannot
hold a worker.  The worker returns the finished body (dossier JSON or the HTML report), so rendering runs
there too and the event loop stays free.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from .. import errors as _errors
from ..settings import AuditOptions

log = logging.getLogger(__name__)

__all__ = ["AuditPool", "QueueFull", "AuditTimeout", "WorkerCrashed"]


class QueueFull(Exception):
    """Every worker is busy and the queue is full."""


class AuditTimeout(Exception):
    """An audit ran past the per-request timeout."""


class WorkerCrashed(Exception):
    """A worker process died during an audit."""


def _init_worker(model: str | None) -> None:
    from ..nlp import get_nlp

    get_nlp(model)


def _work(kind: str, source: str | bytes, options: AuditOptions) -> tuple[str, Any]:
    """Run in a worker: audit and render; a newsaudit error comes back as data (always picklable)."""
    from ..api import audit

    try:
        dossier = audit(source, options=options)
        if kind == "html":
            from ..report.html import render_html

            return "ok", render_html(dossier)
        return "ok", dossier.model_dump_json()
    except _errors.NewsauditError as exc:
        return "error", (type(exc).__name__, exc.message, exc.hint)


def _raise(payload: tuple[str, str, str | None]) -> None:
    name, message, hint = payload
    cls = getattr(_errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, _errors.NewsauditError)):
        cls = _errors.NewsauditError
    raise cls(message, hint=hint)


class AuditPool:
    def __init__(self, workers: int, *, model: str | None = None, timeout: float = 120.0, queue: int | None = None):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.model = model
        self.timeout = timeout
        self.queue = max(64, 8 * workers) if queue is None else queue
        self._ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self._idle: asyncio.Queue[ProcessPoolExecutor] | None = None
        self._all: list[ProcessPoolExecutor] = []
        self._waiting = 0
        self.recycled = 0

    def _new_executor(self) -> ProcessPoolExecutor:
        ex = ProcessPoolExecutor(max_workers=1, mp_context=self._ctx, initializer=_init_worker, initargs=(self.model,))
        ex.submit(int).result()  # start the process and load the model now, not on the first request
        self._all.append(ex)
        return ex

    async def start(self) -> None:
        self._idle = asyncio.Queue()
        loop = asyncio.get_running_loop()
        started = await asyncio.gather(*(loop.run_in_executor(None, self._new_executor) for _ in range(self.workers)))
        for ex in started:
            self._idle.put_nowait(ex)

    def close(self) -> None:
        for ex in self._all:
            self._kill(ex)
        self._all.clear()

    @staticmethod
    def _kill(ex: ProcessPoolExecutor) -> None:
        for proc in list((getattr(ex, "_processes", None) or {}).values()):
            try:
                proc.kill()
            except Exception:  # pragma: no cover - already gone
                pass
        ex.shutdown(wait=False, cancel_futures=True)

    async def run(self, kind: str, source: str | bytes, options: AuditOptions) -> str:
        """The response body for one audit (``kind``: "json" or "html"); raises the audit's NewsauditError."""
        assert self._idle is not None, "AuditPool.start() was not awaited"
        if self._idle.empty() and self._waiting >= self.queue:
            raise QueueFull()
        self._waiting += 1
        try:
            ex = await self._idle.get()
        finally:
            self._waiting -= 1
        loop = asyncio.get_running_loop()
        try:
            fut = ex.submit(_work, kind, source, options)
            status, payload = await asyncio.wait_for(asyncio.wrap_future(fut), self.timeout)
        except asyncio.TimeoutError:
            log.warning("audit ran past %.0f s: recycling its worker", self.timeout)
            await self._replace(ex, loop)
            raise AuditTimeout() from None
        except Exception as exc:  # BrokenProcessPool: the worker died
            log.error("audit worker died: %s", exc)
            await self._replace(ex, loop)
            raise WorkerCrashed() from None
        self._idle.put_nowait(ex)
        if status == "error":
            _raise(payload)
        return payload

    async def _replace(self, ex: ProcessPoolExecutor, loop) -> None:
        self._kill(ex)
        if ex in self._all:
            self._all.remove(ex)
        self.recycled += 1
        new = await loop.run_in_executor(None, self._new_executor)
        self._idle.put_nowait(new)
