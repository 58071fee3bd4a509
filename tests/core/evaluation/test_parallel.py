"""The process pool: results in order, one BLAS thread per worker, cancel within about 1 s."""
import multiprocessing
import threading
import time

import pytest
from parallel_helpers import blas_threads, fail, square, stubborn

from core.errors import Cancelled
from core.parallel import map_chunks, split
from core.progress import CancelToken


def test_split_keeps_order_and_balances():
    assert split(list(range(7)), 3) == [[0, 1, 2], [3, 4], [5, 6]]
    assert split([1], 4) == [[1]]


def test_in_process_and_in_workers_give_the_same_results():
    events = []
    assert map_chunks(square, [1, 2, 3], n_jobs=1, progress=events.append) == [1, 4, 9]
    assert [e.fraction for e in events] == pytest.approx([1 / 3, 2 / 3, 1])
    assert map_chunks(square, list(range(6)), n_jobs=2) == [0, 1, 4, 9, 16, 25]
    assert map_chunks(blas_threads, [0, 1], n_jobs=2) == ["1", "1"]


def test_cancel_stops_busy_workers_within_about_a_second():
    token = CancelToken()
    threading.Timer(3.0, token.cancel).start()  # workers are busy by then
    started = time.monotonic()
    with pytest.raises(Cancelled):
        map_chunks(stubborn, [1, 2, 3, 4], n_jobs=2, cancel=token)
    assert time.monotonic() - started < 3.0 + 1.5
    # The stubborn workers were ended. Asked through the OS: the pool's manager thread reaps
    # its workers too, and a Process object can report a worker that thread already reaped as
    # alive for a moment (seen under load: 1 run in 6).
    children = multiprocessing.active_children()
    deadline = time.monotonic() + 5.0
    while any(_running(c.pid) for c in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [c.name for c in children if _running(c.pid)]


def _running(pid: int) -> bool:
    """Whether the process exists and is not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_failing_chunk_raises_its_error():
    with pytest.raises(ValueError, match="bad chunk"):
        map_chunks(fail, [1, 2], n_jobs=2)
