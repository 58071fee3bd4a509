"""Check a built bundle: cold start time on this machine, then the smoke test in a chroot.

    python build/package_test.py [dist/Trendcast]      (root; `make package-test` builds first)

1. Start-up: drops the page cache when allowed (root), launches the bundle offscreen with
   TRENDCAST_REPORT_STARTUP=1 and measures launch -> window visible, cold and then warm.
2. Standalone: unpacks the archive (what users download; the folder if there is no archive
   newer than it) inside a minimal Debian chroot without Python and runs
   `Trendcast --smoke-test` there (build/chroot_smoke.py).
Exit 0 only if the window showed, TensorFlow was not imported before it, and the smoke test
passed in the chroot.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import chroot_smoke  # noqa: E402 - a sibling script, not a package

ROOT = Path(__file__).resolve().parents[1]
GOAL_SECONDS = 5.0
LINE = re.compile(r"startup: window visible at ([0-9.]+).*tensorflow imported: (\w+)")


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def time_to_window(executable: Path) -> tuple[float, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRENDCAST_REPORT_STARTUP": "1",
           "TRENDCAST_QUIT_AFTER_STARTUP": "1"}
    launched = time.time()
    result = subprocess.run([str(executable)], env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    match = LINE.search(result.stderr)
    if result.returncode != 0 or not match:
        raise RuntimeError(f"the app did not report a visible window (exit {result.returncode}):"
                           f"\n{result.stderr[-2000:]}")
    return float(match.group(1)) - launched, match.group(2)


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else ROOT / "dist" / "Trendcast").resolve()
    executable = bundle / "Trendcast"
    if not executable.is_file():
        print(f"No bundle at {bundle}: build it first with `make package`.", file=sys.stderr)
        return 3
    ok = True
    cold = drop_caches()
    try:
        first, tf_first = time_to_window(executable)
        second, _ = time_to_window(executable)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        print(f"start-up: FAILED: {exc}", file=sys.stderr)
        return 1
    label = "cold (page cache dropped)" if cold else "first run (page cache NOT dropped)"
    print(f"start-up: window visible {first:.2f} s after launch, {label}; {second:.2f} s warm; "
          f"TensorFlow imported before the window: {tf_first}", flush=True)
    if tf_first != "no" or first > GOAL_SECONDS:
        print(f"start-up: goal is <= {GOAL_SECONDS:.0f} s without TensorFlow", file=sys.stderr)
        ok = False
    archives = sorted(bundle.parent.glob("Trendcast-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    fresh = [a for a in archives if a.stat().st_mtime >= executable.stat().st_mtime]
    code = chroot_smoke.main([str(fresh[-1] if fresh else bundle)])
    print(f"chroot smoke test: {'passed' if code == 0 else f'FAILED (exit {code})'}", flush=True)
    return 0 if ok and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
