"""Which command lines open the desktop app: only none, the app's flags and an existing file."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import main
from core.cli import COMMANDS
from core.cli.launch import app_arguments_problem

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "core" / "fixtures" / "retail_weekly_40.csv"


@pytest.mark.parametrize("argv, expected", [
    (["replenish", "--help"], "unknown command 'replenish'"),  # reorder is a command now
    (["forcast", "x.csv"], "did you mean 'forecast'?"),
    (["improt"], "did you mean 'import'?"),
    (["--sampel"], "did you mean '--sample'?"),
    (["--frobnicate"], "unknown option '--frobnicate'"),
    (["no_such_file.csv"], "no file of that name exists"),
])
def test_anything_but_a_file_or_an_app_flag_exits_2_without_a_window(argv, expected):
    # Headless with the offscreen platform: before the fix this opened an invisible window and
    # waited for ever (the timeout turns that into a failure).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "main.py", *argv], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    assert expected in proc.stderr
    assert "Commands: " + ", ".join(COMMANDS) in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("argv", [[], ["--sample"], [str(FIXTURE)], [str(FIXTURE), "--sample"],
                                  ["-psn_0_4711"]])
def test_the_app_opens_without_arguments_its_flags_or_an_existing_file(argv):
    assert app_arguments_problem(argv, list(COMMANDS)) is None


def test_two_files_are_refused():
    assert "one file at a time" in app_arguments_problem([str(FIXTURE)] * 2, list(COMMANDS))


_ARG = st.one_of(st.sampled_from([*COMMANDS, "--sample", "--help", "-h", "--version",
                                  str(FIXTURE), str(ROOT), "forcast", "-", "--"]),
                 st.text(max_size=12))


@settings(max_examples=200, deadline=None)
@given(argv=st.lists(_ARG, max_size=3))
def test_fuzz_only_app_arguments_reach_the_window(argv, monkeypatch_session):
    opened = []
    # Stand-ins for the GUI modules, so this core test imports no Qt.
    monkeypatch_session.setitem(sys.modules, "gui.app",
                                SimpleNamespace(run_app=lambda a: opened.append(a) or 0))
    monkeypatch_session.setitem(sys.modules, "gui.smoke", SimpleNamespace(run_smoke=lambda a: 0))
    monkeypatch_session.setattr("core.cli.run", lambda a: 0)
    code = main.main(argv)
    if opened:
        assert all(a == "--sample" or a.startswith("-psn_") or Path(a).is_file() for a in argv)
        assert sum(Path(a).is_file() for a in argv) <= 1
    elif argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version",
                                                      "--smoke-test")):
        assert code == 0
    else:
        assert code == 2


@pytest.fixture(scope="module")
def monkeypatch_session():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()
