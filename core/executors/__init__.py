"""Where the batch path's per-product fitting runs: an executor seam.

    with open_executor(cluster=None, n_jobs=2) as executor:       # today's process pool
        run = pipeline.run(frame, settings, executor=executor)
    with open_executor(cluster="local:2") as executor: ...         # a Dask LocalCluster
    with open_executor(cluster="tcp://10.0.0.5:8786") as executor: ...  # a running scheduler

An executor answers two questions for `core.pipeline`: into how many batches of products the
work is cut and who runs them (`split_for`), and how a list of batch tasks is mapped
through a function (`map`, with progress and a cancel token). The process pool
(`core.parallel`) is the default and what the GUI uses; Dask is imported only by
`core.executors.dask_executor`, and only when a cluster is asked for.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from core.progress import CancelToken, ProgressCallback

T = TypeVar("T")
R = TypeVar("R")

# Rows x models below which starting worker processes costs more than it saves.
PROCESS_THRESHOLD = 150_000
CHUNKS_PER_JOB = 2


class Executor(Protocol):
    """What the pipeline needs from whatever runs its batches."""

    def split_for(self, products: int, work: float) -> tuple[int, Executor]:
        """How many batches to cut `products` into (`work` is rows x models), and the executor
        that runs them (this one, or `IN_PROCESS` when the work is too small to ship)."""

    def map(self, fn: Callable[[T, CancelToken], R], tasks: Sequence[T], *,
            progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
            message_id: str = "progress.chunk",
            keep: Callable[[int, R], R] | None = None) -> list[R]:
        """`[fn(t, cancel) for t in tasks]`, in order, reporting progress per finished task;
        `keep(index, result)` replaces each result as it arrives (`core.parallel.map_chunks`)."""


class ProcessPool:
    """The default: worker processes on this machine (`core.parallel.map_chunks`)."""

    def __init__(self, n_jobs: int = 2) -> None:
        self.n_jobs = n_jobs

    def split_for(self, products: int, work: float) -> tuple[int, Executor]:
        if self.n_jobs > 1 and work >= PROCESS_THRESHOLD:
            return self.n_jobs * CHUNKS_PER_JOB, self
        return 1, IN_PROCESS

    def map(self, fn, tasks, *, progress=None, cancel=None, message_id="progress.chunk",
            keep=None):
        from core.parallel import map_chunks

        return map_chunks(fn, tasks, n_jobs=self.n_jobs, progress=progress, cancel=cancel,
                          message_id=message_id, keep=keep)


IN_PROCESS = ProcessPool(1)


@contextmanager
def open_executor(cluster: str | None = None, n_jobs: int = 2) -> Iterator[Any]:
    """The executor for a `--cluster` value (None: the local process pool), closed on exit.

    Raises `TrendcastError` (one line) for a malformed value, a missing `cluster` extra or a
    scheduler that cannot be reached.
    """
    if not cluster:
        yield ProcessPool(n_jobs)
        return
    from core.executors.cluster_spec import parse_cluster
    from core.executors.dask_executor import DaskExecutor

    with DaskExecutor.open(parse_cluster(cluster)) as executor:
        yield executor
