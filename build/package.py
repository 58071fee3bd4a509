"""Build the one-folder bundle: PyInstaller, strip TensorFlow's two big libraries, archive.

    python build/package.py           # dist/Trendcast/ and dist/Trendcast-<version>-*.tar.gz
    python build/package.py --no-archive

Prints the build time, the bundle's size and the archive's size. PyInstaller's own `--strip`
breaks numpy's bundled OpenBLAS ("ELF load command address/offset not page-aligned"), so only
the TensorFlow libraries are stripped, after the build.
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
STRIP = ("libtensorflow_cc.so*", "libtensorflow_framework.so*")


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_symlink()) / 1e6


def strip_tensorflow(bundle: Path) -> list[str]:
    if not shutil.which("strip"):
        print("strip not found (apt-get install binutils); TensorFlow left unstripped")
        return []
    done = []
    for pattern in STRIP:
        for lib in bundle.rglob(pattern):
            if lib.is_file() and not lib.is_symlink():
                subprocess.run(["strip", "--strip-unneeded", str(lib)], check=True)
                done.append(lib.name)
    return done


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
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level=WARN",
               "--distpath", str(DIST), "--workpath", str(WORK),
               str(ROOT / "build" / "trendcast.spec")]
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        print("PyInstaller failed; see the messages above.", file=sys.stderr)
        return 1
    built = time.monotonic() - started
    stripped = strip_tensorflow(BUNDLE)
    print(f"build: {built:.0f} s (PyInstaller), stripped: {', '.join(stripped) or 'nothing'}")
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
