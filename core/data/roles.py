"""Which column plays which role, and which of the four layouts a table has.

Names first (English and Chinese, exact match, then "contains"), then contents (a column of dates,
a column of whole numbers, a column of repeated codes). The user's choices always win.
Layouts: `long` (date, product, quantity per row), `wide` (a date column and one column per
product), `orders` (one row per order line) and `wide_orders` (one row per order, one quantity
column per product).
"""
from __future__ import annotations

import re

import pandas as pd

from core.data.values import date_share, is_integer_like, number_share, parse_numbers, spread_sample

# Normalised names (lower case, no spaces or punctuation) per role, most specific first.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "order": ("invoiceno", "invoice", "invoiceid", "invoicenumber", "orderid", "ordernumber",
              "orderno", "order", "receipt", "receiptno", "transactionid", "transaction",
              "transactionno", "ticket",
              "订单号", "订单编号", "单号", "订单id", "发票号", "交易号",
              "bestellnummer", "bestellnr", "bestellung", "auftragsnummer", "auftragsnr",
              "rechnungsnummer", "rechnungsnr", "belegnummer", "numerodecommande", "commande",
              "numeropedido", "pedido", "numeroordine", "ordine"),
    "date": ("date", "ds", "day", "invoicedate", "orderdate", "createdat", "created",
             "datetime", "timestamp", "time", "period", "week", "month", "saledate",
             "salesdate", "transactiondate", "paidat", "日期", "时间", "下单时间", "订单日期",
             "销售日期", "交易时间", "创建时间", "付款时间", "月份", "周", "下单日期",
             "datum", "fecha", "data"),
    "product": ("uniqueid", "stockcode", "sku", "lineitemsku", "variantsku", "productid",
                "productcode", "itemid", "itemcode", "itemno", "articleno", "article",
                "articlenumber", "product", "item", "code", "barcode", "ean", "upc", "asin",
                "series", "id", "商品编码", "商品编号", "商品id", "货号", "产品编号", "编码",
                "款号", "sku编码", "商品", "产品", "artikelnummer", "artikelnr", "artikel",
                "produkt", "producto", "produit", "articulo", "référence", "reference"),
    "quantity": ("y", "quantity", "qty", "lineitemquantity", "units", "unitssold",
                 "quantitysold", "soldqty", "sales", "sold", "volume", "demand", "count",
                 "数量", "销量", "销售数量", "件数", "购买数量", "商品数量", "menge", "anzahl",
                 "cantidad", "quantité", "quantite", "stück", "stuck"),
    "price": ("price", "unitprice", "lineitemprice", "itemprice", "itemcost", "salesprice",
              "sellingprice", "单价", "价格", "售价", "销售单价", "商品单价", "preis",
              "einzelpreis", "precio", "prix", "prixunitaire"),
    "title": ("title", "description", "productname", "itemname", "lineitemname", "name",
              "productdescription", "商品名称", "名称", "品名", "产品名称", "标题", "商品名",
              "bezeichnung", "artikelbezeichnung", "artikelname", "produktname", "descripcion",
              "désignation", "designation", "libellé", "artikel"),
    "category": ("category", "productcategory", "producttype", "type", "group", "department",
                 "类别", "分类", "品类", "类目", "商品类别"),
    "stock": ("stock", "inventory", "onhand", "stocklevel", "stockonhand", "库存", "库存数量"),
    "promo": ("promo", "promotion", "onpromotion", "onpromo", "促销", "活动"),
    "status": ("financialstatus", "status", "orderstatus", "paymentstatus", "订单状态", "状态",
               "bestellstatus", "zahlungsstatus", "statut", "estado", "stato"),
    "customer": ("customerid", "customer", "customerno", "customernumber", "customercode",
                 "clientid", "buyerid", "memberid", "客户id", "客户编号", "客户", "会员id",
                 "买家id", "kundennummer", "kundennr", "kunde", "numeroclient", "cliente"),
    "cancelled": ("cancelledat", "canceledat", "cancelled", "canceled", "cancelleddate",
                  "取消时间", "storniertam", "stornodatum"),
}
# Order of the "name contains" pass: a column called "Order Date" is a date, not an order.
_CONTAINS_ORDER = ("cancelled", "date", "quantity", "price", "title", "category", "stock",
                   "promo", "status", "order", "product")
_CONTAINS_SKIP = {"y", "ds", "id", "code", "day", "time", "type", "name", "item", "group",
                  "count", "week", "month", "order", "sales", "sold"}


def normalise(name: str) -> str:
    """Lower case, without spaces, underscores or punctuation (CJK characters kept)."""
    return re.sub(r"[\W_]+", "", str(name).lower())


def detect_roles(frame: pd.DataFrame, fixed: dict[str, str] | None = None,
                 decimal: str = ".") -> dict[str, str]:
    """role -> column; `fixed` (the user's choices) is kept as given."""
    roles = dict(fixed or {})
    taken = set(roles.values())
    norm = {c: normalise(c) for c in frame.columns if c not in taken}
    if "lineitemsku" in norm.values() and "name" in norm.values():  # Shopify: Name is the order
        name_col = next(c for c, n in norm.items() if n == "name")
        roles.setdefault("order", name_col)
        taken.add(name_col)
    for role, words in SYNONYMS.items():
        if role in roles:
            continue
        for word in words:
            col = next((c for c, n in norm.items() if n == word and c not in taken), None)
            if col is not None:
                roles[role] = col
                taken.add(col)
                break
    for role in _CONTAINS_ORDER:
        if role in roles:
            continue
        words = [w for w in SYNONYMS[role] if w not in _CONTAINS_SKIP and len(w) > 1]
        col = next((c for c, n in norm.items() if c not in taken
                    and any(w in n for w in words)), None)
        if col is not None:
            roles[role] = col
            taken.add(col)
    _by_contents(frame, roles, taken, decimal)
    return roles


def _by_contents(frame: pd.DataFrame, roles: dict[str, str], taken: set[str],
                 decimal: str) -> None:
    free = [c for c in frame.columns if c not in taken]
    if "date" not in roles:
        scores = {c: date_share(frame[c]) for c in free}
        best = max(scores, key=scores.get, default=None)
        if best is not None and scores[best] >= 0.9:
            roles["date"] = best
            taken.add(best)
            free.remove(best)
    if "product" not in roles and "quantity" in roles:
        texts = [c for c in free if number_share(frame[c], decimal) < 0.5
                 and date_share(frame[c]) < 0.5]
        repeated = [c for c in texts if spread_sample(frame[c], 500).nunique()
                    < len(spread_sample(frame[c], 500))]
        if repeated or texts:
            roles["product"] = (repeated or texts)[0]
            taken.add(roles["product"])
            free.remove(roles["product"])
    if "product" in roles and "quantity" not in roles:
        numeric = [c for c in free if number_share(frame[c], decimal) >= 0.95]
        whole = [c for c in numeric if is_integer_like(parse_numbers(spread_sample(frame[c], 500),
                                                                     decimal)[0])]
        if whole or numeric:
            roles["quantity"] = (whole or numeric)[0]
            taken.add(roles["quantity"])


def numeric_columns(frame: pd.DataFrame, exclude: set[str], decimal: str = ".") -> list[str]:
    """Columns (not in `exclude`) whose values are numbers: the products of a wide table."""
    return [c for c in frame.columns if c not in exclude
            and number_share_of_cells(frame[c], decimal) >= 0.9]


def number_share_of_cells(values: pd.Series, decimal: str = ".") -> float:
    """Share of the non-empty cells of the whole column that are numbers (0 for an empty one).

    Each distinct value is parsed once, so a long column costs little; a column empty in its
    first few hundred rows (a product first sold months in) still counts.
    """
    counts = values.astype(str).str.strip().value_counts()
    counts = counts[counts.index != ""]
    if counts.empty:
        return 0.0
    _, bad = parse_numbers(pd.Series(counts.index, dtype=object), decimal)
    return float(1 - counts.to_numpy()[bad.to_numpy(bool)].sum() / counts.sum())


def detect_layout(frame: pd.DataFrame, roles: dict[str, str], decimal: str = ".") -> str:
    """One of `core.data.types.LAYOUTS` from the detected roles and the columns left."""
    if "product" in roles or "title" in roles and "quantity" in roles:
        return "orders" if "order" in roles or _has_times(frame, roles.get("date")) else "long"
    return "wide_orders" if "order" in roles else "wide"


def _has_times(frame: pd.DataFrame, date_col: str | None) -> bool:
    """True when dates carry varying times of day: one row per sale, not per period."""
    if date_col is None:
        return False
    sample = spread_sample(frame[date_col], 500).astype(str)
    times = sample.str.extract(r"(\d{1,2}:\d{2})")[0].dropna()
    return times.nunique() > 1
