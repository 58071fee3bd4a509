"""The executor seam without Dask: the default path, `--cluster` parsing, Dask never imported."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.errors import TrendcastError
from core.executors import IN_PROCESS, PROCESS_THRESHOLD, ProcessPool
from core.executors.cluster_spec import ClusterSpec, parse_cluster

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("text", "spec"), [
    ("local", ClusterSpec("local", workers=2)),
    ("local:3", ClusterSpec("local", workers=3)),
    ("sync", ClusterSpec("sync", workers=1)),
    ("tcp://10.0.0.5:8786", ClusterSpec("address", address="tcp://10.0.0.5:8786")),
    ("tls://scheduler.example.com:8786", ClusterSpec("address",
                                                     address="tls://scheduler.example.com:8786")),
])
def test_cluster_values_parse(text, spec):
    assert parse_cluster(text) == spec


@pytest.mark.parametrize("text", ["local:0", "local:two", "loc", "tcp://host", "http://h:1", ""])
def test_bad_cluster_values_name_the_value_and_the_forms(text):
    with pytest.raises(TrendcastError) as info:
        parse_cluster(text)
    assert f"--cluster {text}" in str(info.value)
    assert "local:N" in str(info.value) or "local:2" in str(info.value)


def test_process_pool_keeps_the_old_thresholds():
    assert ProcessPool(2).split_for(1000, PROCESS_THRESHOLD - 1) == (1, IN_PROCESS)
    count, runner = ProcessPool(2).split_for(1000, PROCESS_THRESHOLD)
    assert (count, runner.n_jobs) == (4, 2)
    assert ProcessPool(1).split_for(1000, 10 * PROCESS_THRESHOLD) == (1, IN_PROCESS)


def test_importing_core_and_running_the_default_path_never_imports_dask(tmp_path):
    fixture = ROOT / "tests" / "core" / "fixtures" / "retail_weekly_40.csv"
    code = (
        "import importlib, pkgutil, sys, core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'core.'):\n"
        "    importlib.import_module(m.name)\n"
        "from core.cli import run\n"
        f"assert run(['forecast', {str(fixture)!r}, '--horizon', '4', '--freq', 'W', "
        f"'--windows', '1', '--output', {str(tmp_path / 'fc.csv')!r}]) == 0\n"
        f"assert run(['backtest', {str(fixture)!r}, '--horizon', '4', '--freq', 'W', "
        f"'--windows', '1', '--output', {str(tmp_path / 'm.csv')!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "fc.csv").exists()
