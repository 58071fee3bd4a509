"""Make sure the system libraries Qt needs are present; install them when we may, else say how.

Run by `make run` (a real window needs the xcb plugin's libraries) and `make test` (offscreen Qt
needs fewer). Standard library only: it runs before the virtual environment exists.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

# Library file -> Debian package that ships it.
OFFSCREEN = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
WINDOW = {
    **OFFSCREEN,
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def missing(libs: dict[str, str]) -> list[str]:
    try:
        known = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True,
                               check=False).stdout
    except OSError:
        return []  # not a glibc system we can inspect; let Qt speak for itself
    return sorted({pkg for lib, pkg in libs.items() if lib not in known})


def main() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    need = missing(OFFSCREEN if "--offscreen" in sys.argv else WINDOW)
    if not need:
        return 0
    command = ["apt-get", "install", "-y", "--no-install-recommends", *need]
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing system libraries Qt needs:", " ".join(need), flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        if subprocess.run(command, check=False).returncode == 0:
            return 0
    print("Qt needs these system libraries. Install them with:\n  sudo "
          + " ".join(command), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
