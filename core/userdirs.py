"""Where Trendcast keeps its own files: the platform's user directories, never the install folder.

    dirs = setup()      # once at start: create the folders, start the rotating log

Settings (besides Qt's own QSettings), caches and logs follow platformdirs, so they land in
~/.config, ~/.cache and ~/.local/state on Linux and the usual places on Windows and macOS. The
bundle's folder may be read-only and is replaced on every update, so nothing is written there.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Trendcast"
LOG_FILE = "trendcast.log"
LOG_BYTES = 1_000_000  # per file; with the backups at most ~4 MB of logs
LOG_BACKUPS = 3
_handler: logging.Handler | None = None


@dataclass(frozen=True)
class UserDirs:
    settings: Path
    cache: Path
    logs: Path

    @property
    def log_file(self) -> Path:
        return self.logs / LOG_FILE


def user_dirs() -> UserDirs:
    return UserDirs(
        settings=platformdirs.user_config_path(APP_NAME, appauthor=False),
        cache=platformdirs.user_cache_path(APP_NAME, appauthor=False),
        logs=platformdirs.user_log_path(APP_NAME, appauthor=False),
    )


def setup(level: int = logging.INFO) -> UserDirs:
    """Create the folders, log to a rotating file in the log folder. Safe to call twice.

    A folder that cannot be created (read-only home) costs the log file, never the start-up.
    Keras keeps its config in KERAS_HOME (else ~/.keras); point it at our cache so that a
    TensorFlow import, here or in a spawned worker, writes nowhere else.
    """
    global _handler
    dirs = user_dirs()
    os.environ.setdefault("KERAS_HOME", str(dirs.cache / "keras"))
    if _handler is not None:
        return dirs
    root = logging.getLogger()
    try:
        for folder in (dirs.settings, dirs.cache, dirs.logs):
            folder.mkdir(parents=True, exist_ok=True)
        _handler = logging.handlers.RotatingFileHandler(
            dirs.log_file, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    except OSError as exc:
        _handler = logging.StreamHandler()
        root.addHandler(_handler)
        logging.getLogger(__name__).warning("No log file (%s); logging to the console.", exc)
        return dirs
    _handler.setFormatter(logging.Formatter(
        "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    root.addHandler(_handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return dirs
