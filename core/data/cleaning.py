"""The cleaning rule for order-line exports (orders and wide order tables).

Applied in this order; `Summary.dropped` says how many lines each rule removed:

1. cancelled: the order was cancelled, so none of its lines is a sale. An order is cancelled when
   its number starts with "C" (the UCI Online Retail convention for cancellation invoices), when its
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
the quantity-weighted mean unit price, and a product's title is its most frequent description.
"""
from __future__ import annotations

import pandas as pd

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
    upper = codes.astype(str).str.strip().str.upper()
    return upper.isin(NON_PRODUCT_CODES) | upper.str.match(NON_PRODUCT_PATTERN)


def is_cancelled(lines: pd.DataFrame) -> pd.Series:
    """True for lines of cancelled orders (rule 1)."""
    out = pd.Series(False, index=lines.index)
    if "order" in lines:
        out |= lines["order"].astype(str).str.match(r"^[Cc]\d")
    if "status" in lines:
        out |= lines["status"].astype(str).str.strip().str.lower().isin(CANCELLED_STATUSES)
    if "cancelled" in lines:
        out |= lines["cancelled"].astype(str).str.strip() != ""
    return out


def merge_case_variants(ids: pd.Series) -> pd.Series:
    """Spell product codes that differ only in letter case the way they are spelled most often."""
    folded = ids.str.upper()
    if folded.nunique() == ids.nunique():
        return ids
    counts = pd.DataFrame({"key": folded, "id": ids}).value_counts().reset_index()
    spelling = counts.drop_duplicates("key").set_index("key")["id"]
    return folded.map(spelling).astype(ids.dtype)


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
