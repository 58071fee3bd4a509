"""`python main.py --smoke-test` from source: the same check the packaged app runs."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _smoke(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
               "XDG_CONFIG_HOME": str(tmp_path / "config"),
               "XDG_CACHE_HOME": str(tmp_path / "cache"),
               "XDG_STATE_HOME": str(tmp_path / "state"), **env}
    return subprocess.run([sys.executable, "main.py", "--smoke-test", *args], cwd=ROOT,
                          env=environ, capture_output=True, text=True, timeout=240)


@pytest.mark.slow
def test_smoke_mode_passes_with_one_success_line_and_keeps_files_out_of_the_repo(tmp_path):
    result = _smoke(tmp_path, "--keep")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Trendcast smoke test passed"), result.stdout
    for part in ("window shown", "fitted", "spawned worker", "chart rendered",
                 "forecast CSV written", "title model (use-multilingual-v3) matches en/zh"):
        assert part in lines[0]
    log = tmp_path / "state" / "Trendcast" / "log" / "trendcast.log"
    assert "smoke test started" in log.read_text()
    csv = Path(lines[0].rsplit(" to ", 1)[1].split(";")[0])
    assert csv.is_file() and csv.with_name("forecast.png").stat().st_size > 1000


def test_a_failing_step_exits_non_zero_and_names_the_step(tmp_path):
    (tmp_path / "state").write_text("a file where the log folder should go")
    result = _smoke(tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Trendcast smoke test FAILED at 'user folders'" in result.stderr
    assert "no log file" in result.stderr
