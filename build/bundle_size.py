"""The bundle's size limit (issue #14: the installed app stays within 1.0 GB on disk).

    python build/bundle_size.py [dist/Trendcast]    # exit 1 above the limit, with the culprits

`build/package.py` runs the same check after every build, so the bundle cannot creep back over
the limit unnoticed: above it, the build fails and prints the biggest files to cut.
"""
from __future__ import annotations

import sys
from pathlib import Path

LIMIT_BYTES = 10**9  # 1.0 GB, decimal, as issue #14 states it
SHOWN = 15


def disk_bytes(root: Path) -> int:
    """Apparent size of everything under `root`, as `du -sb` counts it (files, folders and
    symbolic links themselves; a hard-linked file once)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for path in (root, *root.rglob("*")):
        info = path.lstat()
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        total += info.st_size
    return total


def biggest_files(root: Path, count: int = SHOWN) -> list[tuple[int, str]]:
    """The `count` biggest files under `root`: (bytes, path relative to root), biggest first."""
    files = [(path.lstat().st_size, path.relative_to(root).as_posix())
             for path in root.rglob("*") if path.is_file() and not path.is_symlink()]
    return sorted(files, key=lambda item: (-item[0], item[1]))[:count]


def check_size(root: Path, limit: int | None = None) -> tuple[bool, list[str]]:
    """(within the limit, lines to print): the size in bytes and MiB, and above the limit the
    biggest files and what to do. `limit` defaults to LIMIT_BYTES."""
    limit = LIMIT_BYTES if limit is None else limit
    size = disk_bytes(root)
    within = size <= limit
    lines = [f"bundle size: {size:,} bytes ({size / 2**20:,.1f} MiB) of at most {limit:,} "
             f"({'within' if within else 'OVER'} the limit by {abs(limit - size):,} bytes)"]
    if not within:
        lines.append(f"The {SHOWN} biggest files in {root}:")
        lines += [f"  {nbytes / 1e6:9.1f} MB  {name}" for nbytes, name in biggest_files(root)]
        lines.append("Leave out what the app never opens (build/trendcast.spec, DROP_BINARIES "
                     "and EXCLUDES; see build/README.md for how to check) or shrink a library.")
    return within, lines


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "dist" / "Trendcast"
    if not root.is_dir():
        print(f"{root}: no bundle here; build it with `python build/package.py`", file=sys.stderr)
        return 2
    within, lines = check_size(root)
    print("\n".join(lines), file=sys.stdout if within else sys.stderr)
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
