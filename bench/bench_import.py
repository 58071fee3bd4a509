"""Import speed and memory on real order lines (see `## Import` in bench/README.md).

    python bench/bench_import.py [--lines 1000000] [--orders PATH] [--freq D]

Builds an order-lines CSV of `--lines` rows by repeating the UCI Online Retail orders file, each
copy shifted by 53 weeks and with new invoice numbers (cancellations keep their `C`), then imports
it with `core.data.load` in a fresh child process. Reports the seconds spent in `load` and the
child's peak resident memory (`resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ORDERS = ROOT.parent / "shared" / "data" / "online_retail" / "online_retail_orders.csv.gz"
CHILD = """
import json, sys, time
from core.data import ImportOptions, load
start, cpu = time.perf_counter(), time.process_time()
result = load(sys.argv[1], ImportOptions(freq=sys.argv[2]))
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "rows_read": result.summary.rows_read,
                  "products": result.summary.products, "rows_out": len(result.frame),
                  "total": result.summary.total_quantity}))
"""


def build(orders: Path, lines: int, out: Path) -> None:
    """Write `lines` order lines made by repeating `orders` with shifted dates and invoices."""
    raw = pd.read_csv(orders, dtype=str, keep_default_na=False)
    dates = pd.to_datetime(raw["InvoiceDate"])
    parts = raw["InvoiceNo"].str.extract(r"^([A-Za-z]*)(\d+)$")  # "C" cancels, "A" adjusts
    prefix, number = parts[0].fillna(""), pd.to_numeric(parts[1]).fillna(0).astype(int)
    copies = []
    for k in range(-(-lines // len(raw))):
        copy = raw.copy()
        if k:
            copy["InvoiceNo"] = prefix + (number + k * 1_000_000).astype(str)
        copy["InvoiceDate"] = (dates + pd.Timedelta(weeks=53 * k)).dt.strftime("%Y-%m-%d %H:%M:%S")
        copies.append(copy)
    pd.concat(copies).head(lines).to_csv(out, index=False)


def measure(path: Path, freq: str) -> dict:
    """Import `path` in a child process; its time in `load` and its peak memory."""
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path), freq], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    return {**json.loads(proc.stdout), "peak_rss_mib": peak_kib / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--orders", type=Path, default=DEFAULT_ORDERS)
    parser.add_argument("--freq", default="D", choices=("D", "W", "M"))
    args = parser.parse_args()
    if not args.orders.is_file():
        sys.exit(f"The orders file {args.orders} is missing: lay shared/ beside the repository.")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "orders_1m.csv"
        started = time.perf_counter()
        build(args.orders, args.lines, path)
        size = path.stat().st_size / 2**20
        print(f"built {args.lines:,} order lines ({size:.0f} MiB CSV) in "
              f"{time.perf_counter() - started:.1f} s")
        result = measure(path, args.freq)
    print(f"import to {args.freq}: {result['seconds']:.1f} s wall clock "
          f"({result['cpu_seconds']:.1f} s CPU), peak memory "
          f"{result['peak_rss_mib']:.0f} MiB; {result['rows_read']:,} lines -> "
          f"{result['products']:,} products, {result['rows_out']:,} rows")


if __name__ == "__main__":
    main()
