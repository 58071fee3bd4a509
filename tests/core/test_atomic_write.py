"""Atomic writes: all or nothing, and the permissions a plain open() would give."""
from __future__ import annotations

import os
import stat

import pytest

from core.atomic_write import atomic_open


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_file_gets_the_umask_permissions_not_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        with atomic_open(tmp_path / "out.csv", "w") as handle:
            handle.write("a,b\n")
    finally:
        os.umask(old)
    assert mode(tmp_path / "out.csv") == 0o644
    assert (tmp_path / "out.csv").read_text() == "a,b\n"


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "shop.trendcast"
    target.write_bytes(b"old")
    target.chmod(0o600)
    with atomic_open(target) as handle:
        handle.write(b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o600


def test_an_error_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("good")
    with pytest.raises(RuntimeError), atomic_open(target, "w") as handle:
        handle.write("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_stale_temp_files_of_a_killed_save_are_removed_by_the_next_save(tmp_path):
    from core.atomic_write import stale_temp_files

    target = tmp_path / "shop.trendcast"
    target.write_bytes(b"good")
    # What kill -9 leaves: temp files of ours, nobody holding them.
    stale = [tmp_path / ".shop.trendcast.partial-k3j4h5g6.tmp",
             tmp_path / ".shop.trendcast.partial-abc_1234.tmp"]
    for path in stale:
        path.write_bytes(b"half a project")
    # Not ours, or of another file: left alone.
    others = [tmp_path / ".shop.trendcast.notes.tmp", tmp_path / "shop.trendcast.partial-x.tmp",
              tmp_path / ".shop.partial-k3j4h5g6.tmp",
              tmp_path / ".shop.trendcast.bak.partial-k3j4h5g6.tmp"]
    for path in others:
        path.write_bytes(b"keep")
    with atomic_open(target, "wb") as handle:
        handle.write(b"new")
    assert target.read_bytes() == b"new"
    assert stale_temp_files(target) == []
    assert all(path.read_bytes() == b"keep" for path in others)


def test_a_save_in_progress_keeps_its_temp_file_when_another_save_cleans_up(tmp_path):
    from core.atomic_write import atomic_path, stale_temp_files

    target = tmp_path / "shop.trendcast"
    with atomic_path(target) as first:
        first.write_bytes(b"first, still writing")
        with atomic_path(target) as second:  # another save of the same file, meanwhile
            assert first.exists()  # locked by its writer: not stale
            second.write_bytes(b"second")
        assert target.read_bytes() == b"second"
        first.write_bytes(b"first")
    assert target.read_bytes() == b"first"
    assert stale_temp_files(target) == []
