"""App data goes to the platform's user folders, never next to the code or the executable."""
from __future__ import annotations

from pathlib import Path

from core.userdirs import user_dirs

ROOT = Path(__file__).resolve().parents[2]


def test_user_dirs_follow_the_xdg_variables(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "k"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "s"))
    dirs = user_dirs()
    assert dirs.settings == tmp_path / "c" / "Trendcast"
    assert dirs.cache == tmp_path / "k" / "Trendcast"
    assert dirs.log_file == tmp_path / "s" / "Trendcast" / "log" / "trendcast.log"


def test_user_dirs_default_outside_the_install_folder(monkeypatch):
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    dirs = user_dirs()
    for folder in (dirs.settings, dirs.cache, dirs.logs):
        assert ROOT not in folder.parents
        assert Path.home() in folder.parents
