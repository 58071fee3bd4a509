"""Build the one-folder bundle: PyInstaller, strip TensorFlow and libpython, archive.

    python build/package.py           # dist/Trendcast/ and dist/Trendcast-<version>-*.tar.gz
    python build/package.py --no-archive

Prints the build time, the bundle's size and the archive's size. PyInstaller's own `--strip`
breaks numpy's bundled OpenBLAS ("ELF load command address/offset not page-aligned"), so only
TensorFlow's libraries (and libpython's debug info) are stripped, after the build.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
WORK = ROOT / "build" / "work"
BUNDLE = DIST / "Trendcast"
# strip --strip-unneeded: TensorFlow's libraries and extension modules (built with their own
# toolchain, not patched by auditwheel). Never the *.libs folders (numpy's OpenBLAS breaks).
STRIP = ("tensorflow/**/*.so", "tensorflow/**/*.so.*")
# strip --strip-debug: the Python runtime ships with debug info.
STRIP_DEBUG = ("libpython3*.so*",)


def size_mb(path: Path) -> float:
    """Apparent size in MB (10^6 bytes); `du -sh` shows MiB, about 5% less."""
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_symlink()) / 1e6


def strip_libraries(bundle: Path) -> int:
    """Strip in place; return the bytes saved."""
    if not shutil.which("strip"):
        print("strip not found (apt-get install binutils); libraries left unstripped")
        return 0
    before = size_mb(bundle)
    internal = bundle / "_internal"
    for patterns, flag in ((STRIP, "--strip-unneeded"), (STRIP_DEBUG, "--strip-debug")):
        libs = {lib for pattern in patterns for lib in internal.glob(pattern)
                if lib.is_file() and not lib.is_symlink()}
        if libs:
            subprocess.run(["strip", flag, *sorted(map(str, libs))], check=True)
    return round((before - size_mb(bundle)) * 1e6)


def archive(bundle: Path) -> Path:
    from core import __version__

    target = DIST / f"Trendcast-{__version__}-linux-x86_64.tar.gz"
    tmp = target.with_suffix(".tmp")
    with tarfile.open(tmp, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle.name)
    os.replace(tmp, target)
    return target


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    started = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level=WARN",
               "--distpath", str(DIST), "--workpath", str(WORK),
               str(ROOT / "build" / "trendcast.spec")]
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        print("PyInstaller failed; see the messages above.", file=sys.stderr)
        return 1
    built = time.monotonic() - started
    saved = strip_libraries(BUNDLE)
    print(f"build: {built:.0f} s (PyInstaller); strip saved {saved / 1e6:.0f} MB")
    print(f"bundle: {BUNDLE} {size_mb(BUNDLE):.0f} MB")
    if "--no-archive" not in argv:
        packed = time.monotonic()
        target = archive(BUNDLE)
        print(f"archive: {target} {size_mb(target):.0f} MB "
              f"({time.monotonic() - packed:.0f} s to compress)")
    print(f"total: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
