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
