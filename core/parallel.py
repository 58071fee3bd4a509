"""Run one function over chunks of work in worker processes, with progress and a prompt cancel.

    results = map_chunks(fit_chunk, chunks, n_jobs=2, progress=report, cancel=token)

`fn(chunk, cancel)` must be a module-level function (or a `functools.partial` of one) so the
spawned workers can import it. Workers start with the "spawn" method (safe with threads, Qt and
frozen builds) and one BLAS thread each, so two workers use two cores rather than fighting over
them. Cancelling stops submitting, drops queued chunks and terminates busy workers, so control
returns within about a second whatever the model is doing.

This module imports only the standard library at the top: the workers run `_init_worker` before
numpy is imported, which is when the BLAS thread settings still take effect.
"""
from __future__ import annotations

import multiprocessing
import os
import time
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, TypeVar

from core.errors import Cancelled
from core.parent_watch import die_with_parent
from core.progress import NEVER, CancelToken, ProgressCallback, no_progress, said

T = TypeVar("T")
R = TypeVar("R")

_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")
_POLL_SECONDS = 0.05
_worker_cancel: CancelToken = NEVER


def _init_worker(event: Any, parent: int) -> None:
    """Runs first in every worker: end with the parent (even a killed one), one BLAS thread,
    and the shared cancel flag."""
    global _worker_cancel
    die_with_parent(parent)
    for var in _THREAD_VARS:
        os.environ[var] = "1"
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    # Numerical warnings inside models (overflow in a rejected parameter trial, log of 0) are
    # handled by the models' fallbacks; in a worker nobody could act on them.
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    _worker_cancel = CancelToken(event)


def _call(fn: Callable[[Any, CancelToken], Any], chunk: Any) -> Any:
    return fn(chunk, _worker_cancel)


def map_chunks(fn: Callable[[T, CancelToken], R], chunks: Sequence[T], *, n_jobs: int = 2,
               progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
               stage: str = "", message_id: str = "progress.chunk",
               keep: Callable[[int, R], R] | None = None) -> list[R]:
    """`[fn(c, cancel) for c in chunks]`, across `n_jobs` processes (in process when 1).

    `keep(index, result)`, if given, is applied to each result as it arrives and its return
    value is kept instead (e.g. a copy with its large frames spilled to disk).

    Reports progress after each finished chunk; raises `Cancelled` within about a second of
    `cancel` being set, and re-raises the first error a chunk raised.
    """
    progress = progress or no_progress
    cancel = cancel or NEVER
    total = len(chunks)
    keep = keep or _as_is
    if n_jobs <= 1 or total <= 1:
        results = []
        for i, chunk in enumerate(chunks):
            cancel.raise_if_cancelled()
            results.append(keep(i, fn(chunk, cancel)))
            progress(said((i + 1) / total, message_id, stage=stage, part=i + 1, parts=total))
        return results
    return _map_in_processes(fn, chunks, n_jobs, progress, cancel, stage, message_id, keep)


def _as_is(index: int, result):
    return result


def _map_in_processes(fn, chunks, n_jobs, progress, cancel, stage, message_id, keep):
    context = multiprocessing.get_context("spawn")
    event = context.Event()
    executor = ProcessPoolExecutor(max_workers=min(n_jobs, len(chunks)), mp_context=context,
                                   initializer=_init_worker, initargs=(event, os.getpid()))
    results: dict[int, Any] = {}
    pending: dict[Future, int] = {}
    try:
        # Keep only a few chunks queued so a cancel has little to drop.
        queue = list(enumerate(chunks))
        limit = 2 * n_jobs
        while queue or pending:
            while queue and len(pending) < limit:
                index, chunk = queue.pop(0)
                pending[executor.submit(_call, fn, chunk)] = index
            done, _ = wait(list(pending), timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
            if cancel.cancelled:
                event.set()
                raise Cancelled()
            for future in done:
                index = pending.pop(future)
                results[index] = keep(index, future.result())
                progress(said(len(results) / len(chunks), message_id, stage=stage,
                              part=len(results), parts=len(chunks)))
        executor.shutdown(wait=True)
        return [results[i] for i in range(len(chunks))]
    except BaseException:
        event.set()
        _stop(executor)
        raise


def _stop(executor: ProcessPoolExecutor) -> None:
    """Drop queued work and end the workers: politely for a moment, then by force."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + 0.3
    for proc in processes:
        proc.join(timeout=max(0.0, deadline - time.monotonic()))
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    for proc in processes:
        proc.join(timeout=1.0)
        if proc.is_alive():  # still starting up under heavy load: no more patience
            proc.kill()
            proc.join(timeout=1.0)


def split(items: Sequence[T], n_chunks: int) -> list[list[T]]:
    """Split `items` into at most `n_chunks` contiguous, nearly equal lists."""
    n_chunks = max(1, min(n_chunks, len(items)))
    size, extra = divmod(len(items), n_chunks)
    out, start = [], 0
    for i in range(n_chunks):
        end = start + size + (1 if i < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return out
