"""Rebuild sample_shop_orders.csv.gz from the UCI Online Retail orders (run once, by hand).

    python resources/sample/derive.py ../shared/data/online_retail/online_retail_orders.csv.gz

Keeps every raw line (cancellations, returns, zero prices included) of 300 products that sold
on 150 to 249 of the shop's days from its first to its last month, plus the postage and other
non-product lines of the same invoices, so the sample is as messy as the real export.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from core.data.cleaning import is_non_product  # noqa: E402

OUT = Path(__file__).resolve().parent / "sample_shop_orders.csv.gz"


def main(source: str) -> None:
    raw = pd.read_csv(source, dtype=str, keep_default_na=False)
    qty = pd.to_numeric(raw["Quantity"])
    price = pd.to_numeric(raw["UnitPrice"])
    sold = raw[~raw["InvoiceNo"].str.startswith("C") & (qty > 0) & (price > 0)
               & ~is_non_product(raw["StockCode"])]
    day = sold["InvoiceDate"].str[:10]
    stats = day.groupby(sold["StockCode"]).agg(["nunique", "min", "max"])
    steady = stats[stats["nunique"].between(150, 249) & (stats["min"] <= "2010-12-10")
                   & (stats["max"] >= "2011-12-01")]
    chosen = steady.sample(n=300, random_state=7).index
    product_lines = raw["StockCode"].isin(chosen)
    invoices = set(raw.loc[product_lines, "InvoiceNo"])
    extra = raw["InvoiceNo"].isin(invoices) & raw["StockCode"].str.upper().isin(
        {"POST", "DOT", "M", "D", "C2", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS", "S"})
    sample = raw[product_lines | extra]
    sample.to_csv(OUT, index=False, compression={"method": "gzip", "mtime": 0})
    print(f"{len(sample):,} lines, {sample['StockCode'].nunique()} codes, "
          f"{OUT.stat().st_size / 1e6:.2f} MB -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
