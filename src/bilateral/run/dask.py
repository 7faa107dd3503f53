"""Extract on a Dask cluster: ``--dask tcp://HOST:8786`` or ``--dask local:N`` (a LocalCluster).

Reads: chunks of articles (the partitions of the corpus, streamed: only a window of them is on
the cluster at a time). Writes: each partition's records, in partition order, back to the caller,
which loads the store and (with ``--parts DIR``) writes them as ``part-NNNNN.jsonl`` files. Every worker process loads
the engine once (cached per settings) and reuses it for every partition it gets.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, TypeVar

from ..engine import Engine
from ..errors import BilateralError
from ..ingest import Article
from ..settings import Settings
from .parallel import Result, extract_safely, in_order, settle

T = TypeVar("T")


@lru_cache(maxsize=2)
def _worker_engine(settings: Settings) -> Engine:
    """The engine of this worker process, loaded on its first partition."""
    return Engine(settings)


def warm_worker(settings: Settings) -> bool:
    """Load the engine on this worker now, and the stages' tables with one short document, then
    settle them (:func:`~bilateral.run.parallel.settle`; ``client.run(warm_worker, settings)`` warms them all)."""
    settle(_worker_engine(settings))
    return True


def extract_partition(settings: Settings, articles: list[Article]) -> Result:
    """Run on a worker: the same engine as a local run, over one partition."""
    return extract_safely(_worker_engine(settings), articles)


def worker_peak_rss() -> int:
    """Peak resident memory of this worker process, in bytes (for benchmarks)."""
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def open_client(address: str) -> tuple[Any, Any]:
    """A ``distributed.Client`` for ``address``; ``local:N`` starts a LocalCluster of N processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - a dependency, but say what to do
        raise BilateralError("E320", "Dask is not installed: pip install 'dask[distributed]'") from exc
    if address.startswith("local"):
        n_text = address.partition(":")[2] or str(os.cpu_count() or 1)
        try:
            n = int(n_text)
        except ValueError:
            raise BilateralError("E321", f"--dask {address!r}: give local:N with N a number of workers") from None
        if n < 1:
            raise BilateralError("E321", f"--dask {address!r}: give local:N with N at least 1")
        import dask

        # the workers' statistical profiler samples the task thread every 10 ms: real CPU cost on
        # pure-Python work, and no use here (a remote cluster is configured by its owner)
        with dask.config.set({"distributed.worker.profile.enabled": False,
                              "distributed.admin.system-monitor.gil.enabled": False}):
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=40)
        return Client(cluster), cluster
    try:
        return Client(address, timeout="20s"), None
    except OSError as exc:
        raise BilateralError("E322", f"cannot reach the Dask scheduler at {address}: {exc} (is "
                             "`dask scheduler` running there, and the port open?)") from exc


class DaskRunner:
    """Partitions go to the cluster's workers; their records come back in partition order."""

    def __init__(self, settings: Settings, *, address: str, window: int | None = None) -> None:
        self.settings = settings
        self.client, self.cluster = open_client(address)
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.window = window or 2 * workers

    def map_chunks(self, chunks: Iterable[tuple[T, list[Article]]]) -> Iterator[tuple[T, Result]]:
        settings = self.settings
        client = self.client

        def submit(articles: list[Article]) -> object:
            return client.submit(extract_partition, settings, articles, pure=False) if articles else []

        return in_order(chunks, submit, window=self.window, where="a Dask worker")

    def warm(self) -> None:
        """Load the model on every worker before the first partition."""
        self.client.run(warm_worker, self.settings)

    def worker_peaks(self) -> dict[str, int]:
        """Peak resident memory per worker, in bytes."""
        return {str(k): int(v) for k, v in self.client.run(worker_peak_rss).items()}

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
