"""Products and total units after import, per fixture (issue #11: nothing lost, nothing invented).

    python bench/cleaning_totals.py [--real] > totals.tsv

Imports every fixture (tests/**/fixtures, resources/sample) and, with --real, the UCI Online Retail
orders file, and prints file, layout, products, total units, rows dropped per rule.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from core.data import load  # noqa: E402
from core.errors import InputError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent.parent / "shared" / "data" / "online_retail" / "online_retail_orders.csv.gz"


def fixtures() -> list[Path]:
    found = [p for p in sorted(ROOT.glob("tests/**/fixtures/*")) if p.suffix in (".csv", ".tsv",
                                                                               ".gz", ".xlsx")]
    return found + sorted((ROOT / "resources" / "sample").glob("*.csv.gz"))


def main() -> None:
    paths = fixtures() + ([Path("/work/shared/data/online_retail/online_retail_orders.csv.gz")]
                          if "--real" in sys.argv else [])
    print("file\tlayout\tproducts\ttotal\tdropped")
    for path in paths:
        name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
        try:
            result = load(path)
        except InputError as exc:
            print(f"{name}\terror\t-\t-\t{str(exc).splitlines()[0][:60]}")
            continue
        s = result.summary
        dropped = ", ".join(f"{k}={v:,.0f}" for k, v in s.dropped.items())
        print(f"{name}\t{result.layout}\t{s.products}\t{s.total_quantity:,.0f}\t{dropped}")


if __name__ == "__main__":
    main()
