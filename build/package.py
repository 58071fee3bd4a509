"""Build the one-folder bundle: PyInstaller, strip TensorFlow and libpython, archive.

    python build/package.py           # dist/Trendcast/ and dist/Trendcast-<version>-*.tar.gz
    python build/package.py --no-archive

Prints the build time, the bundle's size and the archive's size, and fails (exit 1, the 15
biggest files listed) when the bundle is over 10^9 bytes (build/bundle_size.py). PyInstaller's
own `--strip` breaks numpy's bundled OpenBLAS ("ELF load command address/offset not
page-aligned"), so TensorFlow's libraries (and libpython's debug info) are stripped after the
build, and every other library only where build/elf_strip.py finds its loaded image unchanged.
Qt's ICU data is cut down to English and Chinese (build/icu_trim.py).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bundle_size import check_size  # noqa: E402 - build/ is not a package
from elf_strip import strip_tree  # noqa: E402
from icu_trim import tools_missing, trim_library  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
WORK = ROOT / "build" / "work"
BUNDLE = DIST / "Trendcast"
# strip --strip-unneeded: TensorFlow's libraries and extension modules (built with their own
# toolchain, not patched by auditwheel). Never the *.libs folders (numpy's OpenBLAS breaks).
STRIP = ("tensorflow/**/*.so", "tensorflow/**/*.so.*")
# strip --strip-debug: the Python runtime ships with debug info.
STRIP_DEBUG = ("libpython3*.so*",)
# Every other library and extension module (Python's own, scipy, h5py, Qt, the *.libs folders),
# through build/elf_strip.py, which keeps a file as it was when stripping would change what the
# loader maps (the OpenBLAS case above).
STRIP_GUARDED = ("**/*.so", "**/*.so.*")


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
    tensorflow = internal / "tensorflow"
    guarded, kept = strip_tree(internal, STRIP_GUARDED, "--strip-unneeded",
                               skip=lambda path: tensorflow in path.parents)
    print(f"strip: {guarded / 1e6:.0f} MB from libraries outside TensorFlow; {len(kept)} left "
          "unstripped (stripping would have changed their loaded image)")
    return round((before - size_mb(bundle)) * 1e6)


def trim_icu(bundle: Path) -> int:
    """Qt's ICU data down to English and Chinese (build/icu_trim.py); return bytes saved."""
    missing = tools_missing()
    if missing:
        print(f"ICU data left whole: {', '.join(missing)} not found (apt-get install binutils gcc)")
        return 0
    return sum(trim_library(lib) for lib in (bundle / "_internal").glob(
        "PySide6/Qt/lib/libicudata.so.*") if not lib.is_symlink())


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
    print(f"ICU data trimmed to English and Chinese: {trim_icu(BUNDLE) / 1e6:.0f} MB saved")
    print(f"bundle: {BUNDLE} {size_mb(BUNDLE):.0f} MB")
    within, lines = check_size(BUNDLE)
    print("\n".join(lines), file=sys.stdout if within else sys.stderr)
    if not within:
        print("Build FAILED: the bundle is over the size limit of issue #14.", file=sys.stderr)
        return 1
    if "--no-archive" not in argv:
        packed = time.monotonic()
        target = archive(BUNDLE)
        print(f"archive: {target} {size_mb(target):.0f} MB "
              f"({time.monotonic() - packed:.0f} s to compress)")
    print(f"total: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
