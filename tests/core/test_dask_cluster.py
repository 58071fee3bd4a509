"""The batch path on Dask distributed gives the local pool's results: LocalCluster, the
synchronous scheduler, a worker killed mid-run, cancel, and a bad scheduler address."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from core.cli import run as cli
from core.cli._io import read_input
from core.errors import Cancelled
from core.executors import ProcessPool
from core.executors.cluster_spec import ClusterSpec
from core.executors.dask_executor import DaskExecutor
from core.pipeline import run
from core.pipeline_types import ForecastSettings
from core.progress import CancelToken

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "sample_shop_orders.csv.gz"
SETTINGS = dict(horizon=8, windows=3, n_jobs=2)


class _AlwaysProcesses(ProcessPool):
    """The local pool, in worker processes even below its size threshold."""

    def split_for(self, products, work):
        return 2 * self.n_jobs, self


@pytest.fixture(scope="module")
def sample():
    frame, freq = read_input(str(SAMPLE), "W")  # 300 products, 52 weeks
    return frame, ForecastSettings(freq=freq, **SETTINGS)


@pytest.fixture(scope="module")
def reference(sample):
    frame, settings = sample
    return run(frame, settings)  # the default: today's process pool


@pytest.fixture(scope="module")
def cluster():
    # Batches of at least 10 products: 300 products make several batches per candidate group.
    with DaskExecutor.open(ClusterSpec("local", workers=2), min_batch=10) as executor:
        yield executor


def _assert_same(result, reference):
    for name in ("forecast", "backtest", "metrics", "metrics_per_product", "choices",
                 "candidates"):
        got, want = getattr(result, name), getattr(reference, name)
        pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True),
                                      check_exact=False, rtol=0, atol=1e-9, obj=name)


def test_local_pool_in_processes_matches_the_default(sample, reference):
    frame, settings = sample
    _assert_same(run(frame, settings, executor=_AlwaysProcesses(2)), reference)


def test_synchronous_scheduler_matches_the_local_pool(sample, reference):
    frame, settings = sample
    with DaskExecutor.open(ClusterSpec("sync"), min_batch=10) as executor:
        assert executor.split_for(300, 1)[0] == 2
        _assert_same(run(frame, settings, executor=executor), reference)


def test_local_cluster_matches_the_local_pool_and_ships_batches(sample, reference, cluster):
    frame, settings = sample
    client = cluster.client
    assert len(client.nthreads()) == 2
    shipped = []  # the tasks of each Dask task, as submitted
    submit = client.submit

    def spy(bundle, fn, tasks, **kw):
        shipped.append(tasks)
        return submit(bundle, fn, tasks, **kw)

    client.submit = spy
    try:
        result = run(frame, settings, executor=cluster)
    finally:
        del client.submit
    _assert_same(result, reference)
    assert len(shipped) >= 4  # several batches...
    for tasks in shipped:
        frames = {id(t.frame): t.frame for t in tasks}.values()
        assert sum(f["unique_id"].nunique() for f in frames) >= 10  # ...never a single product
        for part in frames:  # each carries only its own products' rows
            ids = set(part["unique_id"])
            assert len(part) == frame["unique_id"].isin(ids).sum()
    assert sum(len(tasks) for tasks in shipped) >= len(shipped) * 2  # models share the rows


def test_a_worker_killed_mid_run_has_its_batches_retried(sample, reference, cluster):
    frame, settings = sample
    client = cluster.client
    pids = client.run(os.getpid)
    killed = []

    def kill_a_busy_worker(event):
        if killed or event.fraction <= 0 or event.fraction >= 0.5:
            return
        busy = [w for w, keys in client.processing().items() if keys]
        if busy:
            os.kill(pids[busy[0]], signal.SIGKILL)
            killed.append((busy[0], client.processing()[busy[0]]))

    result = run(frame, settings, executor=cluster, progress=kill_a_busy_worker)
    assert killed, "no worker was busy while the run was in progress"
    worker, keys = killed[0]
    assert keys and all(str(k).startswith("trendcast-") for k in keys)
    with pytest.raises(OSError):  # really gone
        os.kill(pids[worker], 0)
    _assert_same(result, reference)


def test_cancel_stops_the_run_and_cancels_the_clusters_futures(sample, cluster):
    frame, settings = sample
    token = CancelToken()

    def cancel_after_first_batch(event):
        if event.fraction > 0:
            token.cancel()

    started = time.monotonic()
    with pytest.raises(Cancelled):
        run(frame, settings, executor=cluster, progress=cancel_after_first_batch, cancel=token)
    assert time.monotonic() - started < 60

    def ours(dask_scheduler):
        return [str(k) for k in dask_scheduler.tasks if str(k).startswith("trendcast-")]

    deadline = time.monotonic() + 10
    while cluster.client.run_on_scheduler(ours) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert cluster.client.run_on_scheduler(ours) == []


def test_bad_scheduler_address_exits_2_with_one_line_fast(tmp_path, capsys):
    started = time.monotonic()
    code = cli(["forecast", str(SAMPLE), "--horizon", "4", "--output", str(tmp_path / "f.csv"),
                "--cluster", "tcp://127.0.0.1:9"])
    elapsed = time.monotonic() - started
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1, err
    assert err.startswith("error: --cluster tcp://127.0.0.1:9: no Dask scheduler answered")
    assert elapsed < 15
    assert not (tmp_path / "f.csv").exists()


def test_cli_forecast_and_backtest_on_a_local_cluster_match_the_pool(tmp_path):
    fixture = ROOT / "tests" / "core" / "fixtures" / "retail_weekly_40.csv"
    outputs = {}
    for label, extra in (("pool", []), ("cluster", ["--cluster", "local:2"])):
        fc, bt = tmp_path / f"{label}_fc.csv", tmp_path / f"{label}_bt.csv"
        for cmd, out in (("forecast", fc), ("backtest", bt)):
            # A child process, as a user runs it: the LocalCluster's workers are spawned.
            result = subprocess.run(
                [sys.executable, "main.py", cmd, str(fixture), "--horizon", "4", "--freq", "W",
                 "--windows", "2", "--output", str(out), *extra],
                cwd=ROOT, capture_output=True, text=True, timeout=240)
            assert result.returncode == 0, result.stderr
        outputs[label] = (pd.read_csv(fc), pd.read_csv(bt))
    for want, got in zip(outputs["pool"], outputs["cluster"], strict=True):
        pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=0, atol=1e-9)


def test_ctrl_c_on_a_local_cluster_exits_130_and_ends_its_workers(tmp_path):
    import psutil

    proc = subprocess.Popen(
        [sys.executable, "main.py", "forecast", str(SAMPLE), "--horizon", "28",
         "--output", str(tmp_path / "f.csv"), "--cluster", "local:2"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        parent = psutil.Process(proc.pid)
        deadline = time.monotonic() + 120
        workers = []
        while time.monotonic() < deadline:  # the cluster's processes busy with batches
            workers = [p for p in parent.children(recursive=True)
                       if p.cpu_times().user > 2.0]
            if workers:
                break
            time.sleep(0.5)
        assert workers, "no busy worker process appeared"
        everyone = parent.children(recursive=True)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "interrupted"
    assert "Traceback" not in err
    assert not (tmp_path / "f.csv").exists()
    _, alive = psutil.wait_procs(everyone, timeout=15)
    assert alive == []


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_joining_a_running_scheduler_waits_for_workers_then_matches_the_pool(tmp_path, capsys):
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "dask"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the workers import core, as installed
    scheduler = subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], cwd=tmp_path, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = None
    try:
        fixture = ROOT / "tests" / "core" / "fixtures" / "retail_weekly_40.csv"
        args = ["forecast", str(fixture), "--horizon", "4", "--freq", "W", "--windows", "2"]
        deadline = time.monotonic() + 60
        code = None
        while time.monotonic() < deadline:  # the scheduler is up but has no workers
            code = cli([*args, "--output", str(tmp_path / "none.csv"), "--cluster", address])
            err = capsys.readouterr().err.strip()
            if "has no workers" in err:
                break
            time.sleep(1)
        assert code == 2 and len(err.splitlines()) == 1, err
        assert f"--cluster {address}: the scheduler has no workers" in err
        worker = subprocess.Popen([*dask, "worker", address, "--nthreads", "1", "--nworkers", "2",
                                   "--no-dashboard"], cwd=tmp_path, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Worker processes take a while to start on a busy machine: the run itself waits only
        # WORKER_WAIT_SECONDS for them, which is about a cluster that has none, not this.
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        assert cli([*args, "--output", str(tmp_path / "dask.csv"), "--cluster", address]) == 0
        assert cli([*args, "--output", str(tmp_path / "pool.csv")]) == 0
    finally:
        for proc in (worker, scheduler):
            if proc is not None:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "dask.csv"),
                                  pd.read_csv(tmp_path / "pool.csv"),
                                  check_exact=False, rtol=0, atol=1e-9)
