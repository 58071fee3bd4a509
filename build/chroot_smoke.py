"""Run the built bundle's smoke test inside a minimal Debian chroot that has no Python.

    python build/chroot_smoke.py [dist/Trendcast | dist/Trendcast-<version>-linux-x86_64.tar.gz]

The chroot is a `debootstrap --variant=minbase` Debian plus only the libraries a desktop has
(`DESKTOP_PACKAGES`). It is cached outside the repository (TRENDCAST_CHROOT, default
~/.cache/trendcast/chroot) and rebuilt only when the package list changes, so reruns take seconds
plus the copy of the bundle. Needs root (chroot, mount) and Debian's mirror. Standard library only.
When Xvfb is installed on the host, the app also opens its window through Qt's xcb plugin on a
virtual X server, with the chroot's libraries only (libxcb and libX11 come with libgl1).
Exit code: the smoke test's own, or 3 when the chroot cannot be prepared.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SUITE = "bookworm"
MIRROR = os.environ.get("TRENDCAST_DEBIAN_MIRROR", "http://deb.debian.org/debian")
# What any Linux desktop already has: GL/EGL, fontconfig with a font, xkbcommon, GLib, D-Bus.
# No Python, no Qt: those must come from the bundle.
DESKTOP_PACKAGES = ("libgl1", "libegl1", "libfontconfig1", "fonts-dejavu-core", "libxkbcommon0",
                    "libglib2.0-0", "libdbus-1-3")
DEFAULT_CHROOT = Path.home() / ".cache" / "trendcast" / "chroot"
INSIDE = "/opt/Trendcast"  # where the bundle goes in the chroot
TIMEOUT = 900  # seconds for the smoke run; a one-epoch network on two busy cores is slow


def log(message: str) -> None:
    print(f"[chroot] {message}", flush=True)


def chroot_dir() -> Path:
    return Path(os.environ.get("TRENDCAST_CHROOT", DEFAULT_CHROOT)).expanduser()


def prepare(root: Path) -> None:
    """Create the cached chroot unless one with the same package list exists."""
    stamp = root / ".trendcast-packages"
    wanted = " ".join(DESKTOP_PACKAGES)
    if stamp.is_file() and stamp.read_text() == wanted:
        return
    if not shutil.which("debootstrap"):
        raise SystemExit("debootstrap is missing: apt-get install debootstrap")
    if root.exists():
        log(f"package list changed; rebuilding {root}")
        unmount_all(root)
        shutil.rmtree(root)
    root.parent.mkdir(parents=True, exist_ok=True)
    log(f"debootstrap {SUITE} into {root} (once; a few minutes)")
    started = time.monotonic()
    subprocess.run(["debootstrap", "--variant=minbase", f"--include={','.join(DESKTOP_PACKAGES)}",
                    SUITE, str(root), MIRROR], check=True, stdout=subprocess.DEVNULL)
    # The archives apt downloaded are not needed to run anything.
    shutil.rmtree(root / "var" / "cache" / "apt" / "archives", ignore_errors=True)
    stamp.write_text(wanted)
    log(f"chroot ready in {time.monotonic() - started:.0f} s")


def assert_no_python(root: Path) -> None:
    found = [str(p.relative_to(root)) for d in ("usr/bin", "usr/local/bin", "bin")
             for p in (root / d).glob("python*")] if root.exists() else []
    if found:
        raise SystemExit(f"the chroot must not contain Python, found: {', '.join(found)}")


def mounts(root: Path) -> list[tuple[list[str], Path]]:
    # /proc and a tmpfs /dev/shm: every desktop has them, and multiprocessing needs both.
    return [(["-t", "proc", "proc"], root / "proc"),
            (["-t", "tmpfs", "tmpfs"], root / "dev" / "shm")]


def unmount_all(root: Path) -> None:
    for _args, target in reversed(mounts(root)):
        subprocess.run(["umount", "-l", str(target)], stderr=subprocess.DEVNULL, check=False)


def copy_bundle(bundle: Path, root: Path) -> None:
    """Copy the folder, or unpack the archive as a user would, to INSIDE."""
    target = root / INSIDE.lstrip("/")
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if bundle.is_file():
        subprocess.run(["tar", "-xzf", str(bundle), "-C", str(target.parent)], check=True)
        if not (target / "Trendcast").is_file():
            raise OSError(f"{bundle.name} does not unpack to Trendcast/Trendcast")
    else:
        subprocess.run(["cp", "-a", str(bundle), str(target)], check=True)


def run_on_x11(root: Path, executable: str) -> int | None:
    """Open the window through Qt's xcb plugin on a virtual X server (Xvfb), as on a desktop.

    Returns the exit code, or None when Xvfb is not installed (apt-get install xvfb).
    """
    if not shutil.which("Xvfb"):
        log("Xvfb not installed: the X11 window check is left out")
        return None
    display = ":97"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sockets = root / "tmp" / ".X11-unix"
    try:
        time.sleep(2)  # let the server create its socket
        sockets.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "--bind", "/tmp/.X11-unix", str(sockets)], check=True)
        env = ["env", "-i", "HOME=/root", "PATH=/usr/bin:/bin", "LANG=C.UTF-8",
               f"DISPLAY={display}", "TRENDCAST_REPORT_STARTUP=1",
               "TRENDCAST_QUIT_AFTER_STARTUP=1"]
        result = subprocess.run(["chroot", str(root), *env, f"{INSIDE}/{executable}"],
                                capture_output=True, text=True, timeout=120, check=False)
        shown = [line for line in result.stderr.splitlines() if line.startswith("startup:")]
        log(f"X11 window: exit {result.returncode}; {shown[0] if shown else 'never shown'}")
        if result.returncode == 0 and not shown:
            return 1
        if result.returncode != 0:
            print(result.stderr[-3000:], file=sys.stderr)
        return result.returncode
    except subprocess.TimeoutExpired:
        log("X11 window: timed out")
        return 124
    finally:
        subprocess.run(["umount", "-l", str(sockets)], stderr=subprocess.DEVNULL, check=False)
        server.terminate()
        server.wait(10)


def run_smoke(root: Path, executable: str) -> int:
    env = ["env", "-i", "HOME=/root", "PATH=/usr/bin:/bin", "LANG=C.UTF-8",
           "QT_QPA_PLATFORM=offscreen", "TMPDIR=/tmp"]
    if os.environ.get("TRENDCAST_SMOKE_STRICT") == "1":  # every part must be in the build
        env.append("TRENDCAST_SMOKE_STRICT=1")
    command = ["chroot", str(root), *env, f"{INSIDE}/{executable}", "--smoke-test"]
    for args, target in mounts(root):
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", *args, str(target)], check=True)
    try:
        started = time.monotonic()
        try:
            result = subprocess.run(command, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            log(f"smoke test timed out after {TIMEOUT} s")
            return 124
        log(f"smoke test exit code {result.returncode} in {time.monotonic() - started:.0f} s")
        x11 = run_on_x11(root, executable)
        return result.returncode or (x11 or 0)
    finally:
        unmount_all(root)


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else "dist/Trendcast").resolve()
    if not (bundle.is_file() and bundle.name.endswith(".tar.gz")
            or (bundle / "Trendcast").is_file()):
        print(f"No bundle at {bundle}: build it first with `make package`.", file=sys.stderr)
        return 3
    if os.geteuid() != 0:
        print("The chroot test needs root (chroot and mount).", file=sys.stderr)
        return 3
    root = chroot_dir()
    try:
        prepare(root)
        assert_no_python(root)
        copy_bundle(bundle, root)
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"Could not prepare the chroot: {exc}", file=sys.stderr)
        return 3
    log(f"running {INSIDE}/Trendcast --smoke-test (from {bundle.name})")
    return run_smoke(root, "Trendcast")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
