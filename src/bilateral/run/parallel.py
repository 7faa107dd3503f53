"""Extract chunks of articles serially or in local worker processes, results in input order.

Reads: a stream of (tag, list of Article) chunks. Writes: a stream of (tag, list of Document or
InputProblem), one result per article, in the order the chunks came in, whatever finished first.
Only a bounded window of chunks is in flight, so the input is never all in memory. Each worker
process loads the engine once (in its initializer) and keeps it for every chunk it gets.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol, TypeVar

from ..engine import Engine
from ..errors import BilateralError
from ..ingest import Article, InputProblem
from ..record import Document
from ..settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")
Result = list[Document | InputProblem]


class Runner(Protocol):
    """Something that turns chunks of articles into results, in order."""

    def map_chunks(self, chunks: Iterable[tuple[T, list[Article]]]) -> Iterator[tuple[T, Result]]: ...

    def close(self) -> None: ...


def extract_safely(engine: Engine, articles: list[Article]) -> Result:
    """Extract a batch; if the batch fails, extract one by one so one bad document fails alone."""
    if not articles:
        return []
    try:
        return list(engine.extract_articles(articles))
    except BilateralError:
        raise
    except Exception:  # noqa: BLE001
        log.warning("batch failed; retrying documents one by one", exc_info=True)
    out: Result = []
    for a in articles:
        try:
            out.extend(engine.extract_articles([a]))
        except BilateralError:
            raise
        except Exception as exc:  # noqa: BLE001
            out.append(InputProblem(a.origin, "E301", f"extraction failed: {type(exc).__name__}: {exc}"))
    return out


WARM_TEXT = "Kenya and Ethiopia agreed in Nairobi on Monday to expand trade."
_SETTLED = False


def settle(engine: Engine) -> None:
    """Load what the stages load on first use (one short document through every stage), then move
    everything loaded so far out of the cyclic garbage collector's way (``gc.freeze``): the model,
    lexicons and gazetteer are half a million long-lived objects that every full collection would
    otherwise walk again (about 1% of a run). Once per process."""
    global _SETTLED
    if _SETTLED:
        return
    _SETTLED = True
    engine.extract(WARM_TEXT, published="2024-01-01")
    gc.collect()
    gc.freeze()


class SerialRunner:
    """In this process, with an engine already loaded."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        settle(engine)

    def map_chunks(self, chunks: Iterable[tuple[T, list[Article]]]) -> Iterator[tuple[T, Result]]:
        for tag, articles in chunks:
            yield tag, extract_safely(self.engine, articles)

    def close(self) -> None:
        pass


# -- worker side ---------------------------------------------------------------------------------
_WORKER_ENGINE: Engine | None = None


def _init_worker(settings: Settings) -> None:
    """Load the engine once per worker process; exit when the parent dies (even by SIGKILL)."""
    global _WORKER_ENGINE
    _watch_parent(os.getppid())
    _WORKER_ENGINE = Engine(settings)
    settle(_WORKER_ENGINE)


def _watch_parent(parent: int, every: float = 0.5) -> None:
    """A daemon thread that ends this worker once it is orphaned (its parent killed with -9 never
    closes the task queue, so the worker would otherwise wait forever)."""

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="bilateral-parent-watch", daemon=True).start()


def _work(articles: list[Article]) -> Result:
    assert _WORKER_ENGINE is not None, "worker not initialised"
    return extract_safely(_WORKER_ENGINE, articles)


class ProcessRunner:
    """``jobs`` local worker processes (spawned: a clean interpreter each, the model loaded once each)."""

    def __init__(self, settings: Settings, *, jobs: int, window: int | None = None) -> None:
        if jobs < 1:
            raise BilateralError("E310", f"--jobs must be at least 1, not {jobs}")
        self.jobs = jobs
        self.window = window or 2 * jobs
        ctx = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                                        initargs=(settings,))

    def map_chunks(self, chunks: Iterable[tuple[T, list[Article]]]) -> Iterator[tuple[T, Result]]:
        def submit(articles: list[Article]) -> Future[Result] | Result:
            return self.pool.submit(_work, articles) if articles else []

        return in_order(chunks, submit, window=self.window, where="a worker process")

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def in_order(chunks: Iterable[tuple[T, list[Article]]], submit: _Submit, *, window: int,
             where: str) -> Iterator[tuple[T, Result]]:
    """Submit chunks, at most ``window`` in flight, and yield their results in submission order."""
    queue: deque[tuple[T, object]] = deque()
    it = iter(chunks)
    exhausted = False
    while True:
        while not exhausted and len(queue) < window:
            try:
                tag, articles = next(it)
            except StopIteration:
                exhausted = True
                break
            queue.append((tag, submit(articles)))
        if not queue:
            return
        tag, pending = queue.popleft()
        yield tag, _result(pending, where)


class _Submit(Protocol):
    def __call__(self, articles: list[Article], /) -> object: ...


def _result(pending: object, where: str) -> Result:
    if isinstance(pending, list):
        return pending
    try:
        return pending.result()  # type: ignore[attr-defined,no-any-return]
    except BrokenProcessPool as exc:
        raise BilateralError("E311", f"{where} died (out of memory or killed?): {exc}; "
                             "run again to resume, with fewer --jobs if memory is short") from exc


def make_runner(engine: Engine, *, jobs: int = 1, dask: str | None = None) -> Runner:
    """The runner for the options: serial, local processes, or a Dask cluster."""
    if dask:
        from .dask import DaskRunner

        return DaskRunner(engine.settings, address=dask)
    if jobs <= 1:
        return SerialRunner(engine)
    return ProcessRunner(engine.settings, jobs=jobs)
