"""What the plan needs per product besides the forecast: stock, lead time, service level, MOQ.

One table, `items`, one row per product, built from (in order of precedence) a stock file
matched by product id, the stock column of the sales file, and the defaults in ReorderSettings.
Ids in the stock file without sales and products without a stock row are both reported, never
dropped silently.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from core.error_messages import english, user_error

ID = "unique_id"
# column -> accepted spellings in a stock file (compared lower-case, without spaces, _ and -)
STOCK_COLUMNS: dict[str, tuple[str, ...]] = {
    ID: ("uniqueid", "productid", "product", "sku", "stockcode", "id", "code", "商品编码", "商品"),
    "on_hand": ("onhand", "stockonhand", "stock", "inventory", "qty", "quantity", "库存"),
    "on_order": ("onorder", "ordered", "incoming", "在途"),
    "lead_time_days": ("leadtimedays", "leadtime", "交货期"),
    "lead_time_sd_days": ("leadtimesddays", "leadtimesd", "leadtimespread"),
    "review_days": ("reviewdays", "reviewperiod"),
    "service_level": ("servicelevel",),
    "moq": ("moq", "minorder", "minimumorder", "minimumorderquantity", "起订量"),
    "pack_size": ("packsize", "pack", "casesize", "包装"),
    "supplier": ("supplier", "vendor", "供应商"),
    "price": ("price", "unitprice", "单价"),
}
NUMERIC = ("on_hand", "on_order", "lead_time_days", "lead_time_sd_days", "review_days",
           "service_level", "moq", "pack_size", "price")
ABC_SHARES = (0.8, 0.95)  # cumulative revenue share that ends class A, then B


@dataclass(frozen=True)
class ReorderSettings:
    """Defaults for products whose own row does not say otherwise."""

    lead_time_days: float = 14.0
    service_level: float = 0.95
    review_days: float | None = None  # None: one period of the data (7 days for weekly data)
    service_by_abc: dict[str, float] = field(default_factory=dict)  # e.g. {"A": 0.97, ...}
    lead_time_by_supplier: dict[str, float] = field(default_factory=dict)  # {"Acme": 21, ...}
    dead_days: float = 90.0  # no sales for this long with stock on hand -> dead stock
    excess_days: float = 180.0  # stock beyond the reorder point + this many days of sales
    # "cycle": the level is the chance a cycle has no shortfall; "fill": the share of units met
    service_measure: str = "cycle"

    def problems(self) -> list[str]:
        """What is wrong with these settings, in English (the CLI's words)."""
        return english(self.problem_clauses())

    def problem_clauses(self) -> list[tuple[str, dict[str, str]]]:
        """What is wrong, as (template id, fields) of `core.error_messages`."""
        out = []
        if not self.lead_time_days >= 0:
            out.append(("reorder.lead_negative", {"value": str(self.lead_time_days)}))
        if not 0 < self.service_level < 1:
            out.append(("reorder.level_range", {"value": str(self.service_level)}))
        for abc, level in self.service_by_abc.items():
            if not 0 < level < 1:
                out.append(("reorder.class_level_range", {"abc": str(abc), "value": str(level)}))
        for supplier, days in self.lead_time_by_supplier.items():
            if not days >= 0:
                out.append(("reorder.supplier_lead_negative",
                            {"supplier": str(supplier), "value": str(days)}))
        if self.service_measure not in ("cycle", "fill"):
            out.append(("reorder.measure", {"value": repr(self.service_measure)}))
        if self.review_days is not None and not self.review_days >= 0:
            out.append(("reorder.review_negative", {"value": str(self.review_days)}))
        return out


@dataclass
class StockMatch:
    items: pd.DataFrame  # one row per product of the sales data
    unknown_ids: list[str]  # ids in the stock file with no sales history
    missing_ids: list[str]  # products with sales but no stock row


def _key(name: str) -> str:
    return "".join(ch for ch in str(name).lower() if ch not in " _-")


def read_stock_file(path: str | Path) -> pd.DataFrame:
    """A stock CSV or Excel file -> frame with the STOCK_COLUMNS it has, numbers checked.

    Raises TrendcastError naming the file, column and row for anything that cannot be used."""
    path = Path(path)
    if not path.is_file():
        raise user_error("stock.missing", path=str(path))
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            raw = pd.read_excel(path, dtype=str)
        else:
            raw = pd.read_csv(path, dtype=str, sep=None, engine="python", encoding="utf-8-sig")
    except (ValueError, OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise user_error("stock.unreadable", path=str(path), error=str(exc)) from exc
    names = {}
    for column in raw.columns:
        for role, spellings in STOCK_COLUMNS.items():
            if _key(column) in spellings and role not in names.values():
                names[column] = role
                break
    frame = raw[list(names)].rename(columns=names)
    for role in (ID, "on_hand"):
        if role not in frame:
            raise user_error("stock.no_column", path=str(path), role=role,
                             columns=", ".join(map(str, raw.columns)))
    frame[ID] = frame[ID].astype(str).str.strip()
    for role in NUMERIC:
        if role in frame:
            frame[role] = _numbers(frame[role], path, role)
    _check_values(frame, path)
    dup = frame[ID][frame[ID].duplicated()]
    if len(dup):
        row = int(dup.index[0]) + 2
        raise user_error("stock.twice", path=str(path), row=str(row), product=str(dup.iloc[0]))
    return frame.reset_index(drop=True)


def _numbers(values: pd.Series, path: Path, role: str) -> pd.Series:
    text = values.astype("string").str.strip().replace("", pd.NA)
    out = pd.to_numeric(text.str.replace(",", "", regex=False), errors="coerce")
    bad = out.isna() & text.notna()
    if bad.any():
        row = int(bad.idxmax()) + 2  # header is row 1
        raise user_error("stock.not_number", path=str(path), row=str(row), role=role,
                         value=str(text[bad].iloc[0]))
    return out.astype(float)


def _check_values(frame: pd.DataFrame, path: Path) -> None:
    rules = {  # column -> (rows that are wrong, what is wrong with them)
        "on_hand": (lambda c: c < 0, "stock.negative_on_hand"),
        "on_order": (lambda c: c < 0, "stock.negative"),
        "lead_time_days": (lambda c: c < 0, "stock.negative"),
        "lead_time_sd_days": (lambda c: c < 0, "stock.negative"),
        "review_days": (lambda c: c < 0, "stock.negative"),
        "moq": (lambda c: c < 0, "stock.negative"),
        "pack_size": (lambda c: c <= 0, "stock.not_positive"),
        "service_level": (lambda c: (c <= 0) | (c >= 1), "stock.service_range"),
    }
    for role, (wrong, what) in rules.items():
        if role in frame:
            bad = wrong(frame[role]).fillna(False)
            if bad.any():
                i = int(bad.idxmax())
                raise user_error(what, path=str(path), row=str(i + 2), role=role,
                                 value=f"{frame[role][i]:g}")


def stock_from_sales(history: pd.DataFrame) -> pd.DataFrame | None:
    """unique_id, on_hand from the sales file's stock column (its last known value), or None."""
    if "stock" not in history.columns or history["stock"].isna().all():
        return None
    last = history.dropna(subset=["stock"]).sort_values("ds").groupby(ID)["stock"].last()
    return pd.DataFrame({ID: last.index.astype(str), "on_hand": last.to_numpy(float)})


def match_stock(products: list[str], stock: pd.DataFrame) -> StockMatch:
    """Items for every product with sales; stock ids without sales and products without stock
    are listed in the result."""
    known = set(products)
    given = set(stock[ID])
    items = pd.DataFrame({ID: products}).merge(stock, on=ID, how="left")
    return StockMatch(items, sorted(given - known), sorted(known - given))


def abc_classes(history: pd.DataFrame) -> pd.Series:
    """unique_id -> "A", "B" or "C" by revenue (units when there are no prices): A the products
    that make the first 80 % of revenue, B the next 15 %, C the rest."""
    value = history["y"].astype(float)
    if "price" in history.columns:
        value = value * history["price"].astype(float).fillna(0)
    revenue = value.groupby(history[ID]).sum().sort_values(ascending=False, kind="stable")
    total = revenue.sum()
    if total <= 0:
        return pd.Series("C", index=revenue.index)
    before = (revenue.cumsum() - revenue) / total  # share of revenue of the bigger products
    return pd.Series(np.select([before < ABC_SHARES[0], before < ABC_SHARES[1]], ["A", "B"], "C"),
                     index=revenue.index)


def last_prices(history: pd.DataFrame) -> pd.Series:
    """unique_id -> the last known price (empty when the sales file has none)."""
    if "price" not in history.columns:
        return pd.Series(dtype=float)
    known = history.dropna(subset=["price"]).sort_values("ds")
    return known.groupby(ID)["price"].last().astype(float)
