"""The cleaning rule for order-line exports (orders and wide order tables).

Applied in this order; `Summary.dropped` says how many lines each rule removed:

1. cancellation / cancelled order line: a cancellation line undoes earlier order lines, and both
   are removed. Cancellation lines are "C" invoices (C and digits, the UCI Online Retail
   convention, while such numbers are a minority) and negative lines in an order that has
   purchases (a refund naming its order). A "C" line cancels earlier or same-time purchases of
   the same product by the same customer id (without a customer id: a purchase without one, same
   product, same day); a refund line cancels purchases of its product in its order. Whole lines
   of exactly the cancelled quantity are matched first, newest first; then the rest unit by unit,
   so a partial cancellation reduces an order and a larger one can undo several lines.
   Cancelled units that match no purchase (e.g. an order from before the file starts) are
   reported as unmatched and dropped, never taken off other sales.
2. returns: other lines with zero or negative quantity (returns and corrections that name no
   order with purchases) are dropped, never netted against sales.
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

from core.data.cancellations import Matched, cancellation_lines, match_cancellations
from core.data.layouts import ROW_RULES
from core.data.ledger import Ledger
from core.data.values import distinct, per_distinct

NON_PRODUCT_CODES = frozenset({
    "POST", "DOT", "M", "D", "C2", "C3", "S", "B", "CRUK", "PADS", "BANK CHARGES", "AMAZONFEE",
    "ADJUST", "ADJUST2",
})
NON_PRODUCT_PATTERN = r"^(?:GIFT_.*|TEST\d*)$"
# The rules above and those of every layout, for the GUI and CLI to show (the order-line part
# is empty only under python -OO).
CLEANING_RULES = (ROW_RULES + "\nOrder lines (orders and wide order tables) are then cleaned:\n\n"
                  + (__doc__ or "").split("\n\n", 1)[-1].strip())


def is_non_product(codes: pd.Series) -> pd.Series:
    """True for postage, fee, discount and voucher codes (rule 4)."""
    def rule(unique: pd.Series) -> pd.Series:
        upper = unique.str.strip().str.upper()
        return upper.isin(NON_PRODUCT_CODES) | upper.str.match(NON_PRODUCT_PATTERN)
    return per_distinct(codes, rule)


def merge_case_variants(ids: pd.Series) -> tuple[pd.Series, list[str]]:
    """Spell product codes that differ only in letter case the way they are spelled most often.

    Returns a categorical column (what the later stages group by) and the joined spellings,
    most rows first ("c-3 -> C-3"), for the import's warning: a join is never silent.
    """
    codes, names = distinct(ids)
    names = names.astype(str)
    table = pd.DataFrame({"name": names, "key": names.str.upper(),
                          "n": np.bincount(codes, minlength=len(names))})
    best = (table.sort_values("n", ascending=False, kind="stable")
            .drop_duplicates("key").set_index("key")["name"])
    table["into"] = table["key"].map(best)
    canonical = pd.Categorical(table["into"])
    joined = table[(table["name"] != table["into"]) & (table["n"] > 0)] \
        .sort_values("n", ascending=False, kind="stable")
    return (pd.Series(pd.Categorical.from_codes(canonical.codes[codes],
                                                categories=canonical.categories),
                      index=ids.index),
            [f"{name} -> {into}" for name, into in zip(joined["name"], joined["into"],
                                                       strict=True)])


def clean_order_lines(lines: pd.DataFrame, ledger: Ledger) -> tuple[pd.DataFrame, Matched]:
    """(lines that count as sales, what cancellation matching did); the rules applied in order,
    each counted in `ledger` (rows, units of sales, products lost)."""
    cancels = cancellation_lines(lines)
    # A "C" line with a positive quantity would be a sale taken away without a match: count it.
    stray = float(lines["y"][cancels].clip(lower=0).sum())
    before = lines
    lines, matched = match_cancellations(lines, cancels)
    if matched.cancellation_lines:
        ledger.count("cancellation", float(matched.cancellation_lines),
                     matched.units_removed + stray)
        ledger.note_lost("cancellation", before, lines)
    if matched.purchase_lines_removed:
        ledger.count("cancelled order line", float(matched.purchase_lines_removed), 0.0)
    lines = ledger.remove("returns", lines, ~(lines["y"] > 0).to_numpy())
    if "price" in lines:
        lines = ledger.remove("non-positive price", lines, (lines["price"] <= 0).to_numpy())
    return ledger.remove("non-product code", lines,
                         is_non_product(lines["unique_id"]).to_numpy(dtype=bool)), matched
