"""Write files so that a crash, a kill or a full disk never leaves a half-written file behind.

Everything goes to a temporary file in the target's folder (same file system, so the final
`os.replace` is atomic), is flushed to disk, and only then replaces the target. The file gets the
permissions a plain `open()` would give it (the old file's, or 0666 less the umask), not the
owner-only ones of a temporary file.

A process killed mid-write (kill -9, power loss) cannot remove its temporary file. Ours have a
recognisable name, `.{target}.partial-XXXXXXXX.tmp`, and the writer holds an exclusive lock on
it while it writes; the next save of the same target removes every such file nobody holds, so
stale ones never pile up and a save running at the same time is never disturbed.
"""
from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path`, on error it is removed.

    For writers that want a file name (openpyxl, Qt). The caller writes the whole file there.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temp_files(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{_MARK}", suffix=".tmp", dir=folder)
    _lock(fd)  # "in use" for other savers' clean-up, until this fd closes (or we are killed)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with open(tmp_path, "rb+") as handle:  # make the bytes durable before the rename
            os.fsync(handle.fileno())
        os.chmod(tmp_path, _mode_for(target))
        if os.name == "nt":  # Windows cannot rename a file that is still open
            os.close(fd)
            fd = -1
        os.replace(tmp_path, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise
    finally:
        if fd >= 0:
            os.close(fd)


_MARK = "partial-"


def _temp_name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.{_MARK}[a-z0-9_]+\.tmp")


def stale_temp_files(target: str | os.PathLike) -> list[Path]:
    """Temporary files of ours beside `target` (in use or not)."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    pattern = _temp_name_pattern(target.name)
    try:
        return sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))
    except OSError:
        return []


def remove_stale_temp_files(target: str | os.PathLike) -> list[Path]:
    """Remove the temporary files that writers of `target` left behind when they were killed;
    files a running writer still holds are kept. Returns the removed files."""
    removed = []
    for candidate in stale_temp_files(target):
        with contextlib.suppress(OSError):  # gone meanwhile, or not ours to remove
            if _remove_if_unlocked(candidate):
                removed.append(candidate)
    return removed


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: an open file cannot be deleted, which protects it as well
        return
    with contextlib.suppress(OSError):  # no locks here (some network shares): then the
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # clean-up cannot lock it either


def _remove_if_unlocked(path: Path) -> bool:
    if not stat.S_ISREG(os.lstat(path).st_mode):
        return False
    try:
        import fcntl
    except ImportError:
        path.unlink()  # fails while the writer has it open
        return True
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a writer is busy with it
        if os.fstat(fd).st_ino != os.lstat(path).st_ino:
            return False  # replaced meanwhile by a new writer's file
        path.unlink()
        return True
    finally:
        os.close(fd)


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it (os.umask would, for every thread)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "wb", **kwargs) -> Iterator:
    """`open()` for writing, atomically: the target changes only if the block completes."""
    if "r" in mode or "a" in mode:
        raise ValueError("atomic_open is for writing new content only")
    with atomic_path(path) as tmp, open(tmp, mode, **kwargs) as handle:
        yield handle
