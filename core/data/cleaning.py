"""The cleaning rule for order-line exports (orders and wide order tables).

Applied in this order; `Summary.dropped` says how many lines each rule removed:

1. cancelled: the order was cancelled, so none of its lines is a sale. An order is cancelled when
   its number is "C" and digits (the UCI Online Retail convention for cancellation invoices; only
   while such numbers are a minority, since some systems put a C before every order), when its
   status says refunded, voided, cancelled, failed or declined (Shopify "Financial Status",
   WooCommerce "Order Status"; partially refunded orders are kept), or when a "Cancelled at" date
   is filled in.
2. returns: lines with zero or negative quantity (returns and corrections) are dropped, never
   netted against sales.
3. non-positive price: lines whose unit price is zero or negative (free samples, write-offs,
   adjustments) are dropped. Lines without a price are kept.
4. non-product code: postage, fees, discounts and vouchers are not products: the codes POST, DOT,
   M, D, C2, C3, S, B, CRUK, PADS, BANK CHARGES, AMAZONFEE, ADJUST, ADJUST2 and any code starting
   with "gift_" (case-insensitive) or of the form TEST/TEST001.

Product codes that differ only in letter case (85123A, 85123a) are one product, shown with the
spelling used most often; this holds for every layout.

What is left counts as sold on the order's date. Per period, the quantity is the sum, the price is
the quantity-weighted mean unit price (so quantity x price is the revenue), the list price is the
unit price most lines paid (a bulk buyer's tier discount does not move it), and a product's title
is its most frequent description.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.data.values import distinct, per_distinct

NON_PRODUCT_CODES = frozenset({
    "POST", "DOT", "M", "D", "C2", "C3", "S", "B", "CRUK", "PADS", "BANK CHARGES", "AMAZONFEE",
    "ADJUST", "ADJUST2",
})
NON_PRODUCT_PATTERN = r"^(?:GIFT_.*|TEST\d*)$"
CANCELLED_STATUSES = frozenset({
    "refunded", "voided", "cancelled", "canceled", "failed", "declined", "wc-refunded",
    "wc-cancelled", "wc-failed", "trash", "已取消", "已退款", "退款成功", "交易关闭",
})
# The numbered rules above, for the GUI and CLI to show (empty only under python -OO).
CLEANING_RULES = (__doc__ or "").split("\n\n", 1)[-1].strip()


def is_non_product(codes: pd.Series) -> pd.Series:
    """True for postage, fee, discount and voucher codes (rule 4)."""
    def rule(unique: pd.Series) -> pd.Series:
        upper = unique.str.strip().str.upper()
        return upper.isin(NON_PRODUCT_CODES) | upper.str.match(NON_PRODUCT_PATTERN)
    return per_distinct(codes, rule)


def is_cancelled(lines: pd.DataFrame) -> pd.Series:
    """True for lines of cancelled orders (rule 1)."""
    out = pd.Series(False, index=lines.index)
    if "order" in lines:
        c_numbers = per_distinct(lines["order"], lambda u: u.str.match(r"^[Cc]\d"))
        if c_numbers.mean() < 0.5:  # a minority: cancellation invoices, not a numbering scheme
            out |= c_numbers
    if "status" in lines:
        out |= per_distinct(lines["status"],
                            lambda u: u.str.strip().str.lower().isin(CANCELLED_STATUSES))
    if "cancelled" in lines:
        out |= per_distinct(lines["cancelled"], lambda u: u.str.strip() != "")
    return out.astype(bool)


def merge_case_variants(ids: pd.Series) -> pd.Series:
    """Spell product codes that differ only in letter case the way they are spelled most often.

    Returns a categorical column (what the later stages group by).
    """
    codes, names = distinct(ids)
    names = names.astype(str)
    table = pd.DataFrame({"name": names, "key": names.str.upper(),
                          "n": np.bincount(codes, minlength=len(names))})
    best = (table.sort_values("n", ascending=False, kind="stable")
            .drop_duplicates("key").set_index("key")["name"])
    canonical = pd.Categorical(table["key"].map(best))
    return pd.Series(pd.Categorical.from_codes(canonical.codes[codes],
                                               categories=canonical.categories),
                     index=ids.index)


def clean_order_lines(lines: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, float]]:
    """(lines that count as sales, lines removed per rule), the rules applied in order."""
    rules = [("cancelled", is_cancelled), ("returns", lambda df: ~(df["y"] > 0))]
    if "price" in lines:
        rules.append(("non-positive price", lambda df: df["price"] <= 0))
    rules.append(("non-product code", lambda df: is_non_product(df["unique_id"])))
    dropped: dict[str, float] = {}
    for name, rule in rules:
        mask = rule(lines).to_numpy(dtype=bool)
        if mask.any():
            dropped[name] = float(mask.sum())
            lines = lines.loc[~mask]
    return lines, dropped
