"""The batch path on Dask distributed: a LocalCluster, a running scheduler, or Dask's
synchronous scheduler (for debugging and tests).

Only this module imports Dask, and only when `core.executors.open_executor` is given a cluster.

Batches: the pipeline cuts products into batches (`split_for`) and makes one task per
(batch, model) that share the batch's rows. Here the tasks of one batch are bundled, so each
batch's rows travel once, with only its own products, and one Dask task fits all of its models.
Batches are never single products: at least `min_batch` products each (smaller batches, e.g.
of a small demand class, are joined into one task; fewer only when the shop has fewer), at most
`max_batch`, and at least two per worker thread so work balances.

Only a few bundles are in flight at a time (three per worker thread): the scheduler (in this
process for a LocalCluster) never holds the whole panel, and results are taken as they finish
and released on the cluster at once, then concatenated once by the pipeline.

Failures: a worker that dies mid-run has its batches rescheduled on the others by the scheduler
(up to `distributed.scheduler.allowed-failures` times) and a task that raised is retried
(`retries`); every batch is pure, so the result is complete and identical. Cancel (the token, or
Ctrl+C) cancels every submitted future; a LocalCluster is then closed, which ends its workers.

The global networks are not shipped: a global model learns one set of weights from all products
at once, so it cannot be cut into product batches, and data-parallel training across machines
would need TensorFlow's distribution strategies, change the results and send every gradient step
over the network. They train on the node that runs the pipeline (`core.pipeline._fit_all`).
"""
from __future__ import annotations

import logging
import math
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from core.error_messages import user_error
from core.errors import Cancelled
from core.executors.cluster_spec import ClusterSpec
from core.progress import NEVER, no_progress, said

CONNECT_TIMEOUT = "3s"
WORKER_WAIT_SECONDS = 10
_POLL_SECONDS = 0.1
_IN_FLIGHT_PER_THREAD = 3


def _run_bundle(fn, tasks: list) -> list:
    """On a worker: every task of one batch, in order. Numerical warnings are the models'
    fallbacks' business (as in `core.parallel`'s workers)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=RuntimeWarning)
        return [fn(task, NEVER) for task in tasks]


class DaskExecutor:
    """Maps batch tasks over a Dask client (or the synchronous scheduler when `client` is None)."""

    def __init__(self, client: Any | None, *, min_batch: int = 50, max_batch: int = 2000,
                 retries: int = 2) -> None:
        self.client = client
        self.min_batch = min_batch
        self.max_batch = max_batch
        self.retries = retries

    @classmethod
    @contextmanager
    def open(cls, spec: ClusterSpec, **options: Any) -> Iterator[DaskExecutor]:
        """Start or join the cluster `spec` names; close what was started on exit."""
        try:
            import distributed
        except ImportError:
            raise user_error("cluster.not_installed") from None
        if spec.kind == "sync":
            yield cls(None, **options)
            return
        if spec.kind == "local":
            cluster = distributed.LocalCluster(
                n_workers=spec.workers, threads_per_worker=1, processes=True,
                # CRITICAL: on Ctrl+C a worker's heartbeat can race the closing scheduler and
                # log a traceback at ERROR; task errors reach the client through the futures.
                dashboard_address=None, silence_logs=logging.CRITICAL)
            try:
                with distributed.Client(cluster) as client:
                    yield cls(client, **options)
            finally:
                cluster.close()
            return
        client = _connect(distributed, spec.address)
        try:
            yield cls(client, **options)
        finally:
            client.close()

    def threads(self) -> int:
        if self.client is None:
            return 1
        return max(sum(self.client.nthreads().values()), 1)

    def split_for(self, products: int, work: float) -> tuple[int, DaskExecutor]:
        """Batches for `products`: bounded by `min_batch`/`max_batch`, two per thread if room.
        Always run here (on the cluster), however small the work: the user asked for it."""
        wanted = max(2 * self.threads(), math.ceil(products / self.max_batch))
        most = max(math.ceil(products / self.min_batch), 1)
        return max(min(wanted, most), 1), self

    def map(self, fn, tasks, *, progress=None, cancel=None, message_id="progress.chunk",
            keep=None):
        progress = progress or no_progress
        cancel = cancel or NEVER
        bundles = _bundles(tasks, self.min_batch)
        results: list[Any] = [None] * len(tasks)
        done = 0

        def finished(indices: list[int], values: list) -> None:
            nonlocal done
            for i, value in zip(indices, values, strict=True):
                results[i] = keep(i, value) if keep else value
            done += len(indices)
            progress(said(done / len(tasks), message_id, part=done, parts=len(tasks)))

        if self.client is None:
            self._map_sync(fn, bundles, cancel, finished)
        else:
            self._map_futures(fn, bundles, cancel, finished)
        return results

    def _map_sync(self, fn, bundles, cancel, finished) -> None:
        import dask

        for indices, items in bundles:
            cancel.raise_if_cancelled()
            batch = dask.delayed(_run_bundle, pure=False)(fn, items)
            finished(indices, batch.compute(scheduler="synchronous"))

    def _map_futures(self, fn, bundles, cancel, finished) -> None:
        import distributed

        queue = list(bundles)
        queue.reverse()  # pop() from the end keeps the original order
        limit = _IN_FLIGHT_PER_THREAD * self.threads()
        pending: dict[Any, list[int]] = {}
        run = uuid.uuid4().hex[:8]
        try:
            while queue or pending:
                while queue and len(pending) < limit:
                    indices, items = queue.pop()
                    future = self.client.submit(_run_bundle, fn, items, pure=False,
                                                retries=self.retries,
                                                key=f"trendcast-{run}-{indices[0]}")
                    pending[future] = indices
                with suppress(TimeoutError):
                    distributed.wait(list(pending), timeout=_POLL_SECONDS,
                                     return_when="FIRST_COMPLETED")
                if cancel.cancelled:
                    raise Cancelled()
                for future in [f for f in pending if f.done()]:
                    values = future.result()  # re-raises a batch's error after its retries
                    finished(pending.pop(future), values)
                    future.release()
        except BaseException:
            if pending:
                self.client.cancel(list(pending), force=True)
            raise


def _bundles(tasks, min_products: int) -> list[tuple[list[int], list]]:
    """Tasks grouped by the batch rows they share (same frame object), in first-seen order;
    batches smaller than `min_products` (a small demand class) are joined with the next ones,
    so no Dask task fits a handful of products."""
    groups: dict[int, tuple[list[int], list]] = {}
    for i, task in enumerate(tasks):
        frame = getattr(task, "frame", None)
        key = id(frame) if frame is not None else -1 - i
        indices, items = groups.setdefault(key, ([], []))
        indices.append(i)
        items.append(task)
    out: list[tuple[list[int], list]] = []
    small: tuple[list[int], list] = ([], [])
    for indices, items in groups.values():
        if _products(items[0]) >= min_products:
            out.append((indices, items))
            continue
        small[0].extend(indices)
        small[1].extend(items)
        if sum(_products(t) for t in {id(t.frame): t for t in small[1]}.values()) >= min_products:
            out.append(small)
            small = ([], [])
    if small[0] and out:  # a small rest rides with the last batch
        out[-1][0].extend(small[0])
        out[-1][1].extend(small[1])
    elif small[0]:
        out.append(small)
    return out


def _products(task) -> int:
    frame = getattr(task, "frame", None)
    return frame["unique_id"].nunique() if frame is not None else 1


def _connect(distributed, address: str):
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise user_error("cluster.no_answer", address=address, timeout=str(CONNECT_TIMEOUT),
                         error=type(exc).__name__) from None
    try:  # a scheduler without workers would leave the run waiting forever
        client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
    except TimeoutError:
        client.close()
        raise user_error("cluster.no_workers", address=address,
                         seconds=str(WORKER_WAIT_SECONDS)) from None
    return client
