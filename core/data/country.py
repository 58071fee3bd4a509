"""The shop's country, from a country column of the file: the default for the models' holidays.

A shop's holidays are those of the country it sells in. Order exports often say where each
order went (UCI Online Retail: `Country`; Shopify and WooCommerce: `Shipping Country` and
`Billing Country`), so the country that bought most of the units over the whole file is taken
as the shop's, when it is clearly dominant (over 60 % of the units sold); a shop that sells
across borders gets no default and the summary says so. Units, not lines: one wholesale line of
500 units weighs more than ten lines of one.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core.countries import holiday_code
from core.data.roles import normalise
from core.data.values import parse_numbers, text_categories
from core.messages import fields_of

# Share of the units sold above which one country is the shop's default.
DOMINANT_SHARE = 0.60
# Normalised column names (core.data.roles.normalise), most telling first: where the goods went
# says more about the shop's market than where the bill went.
COUNTRY_COLUMNS = (
    "country", "countrycode", "shippingcountry", "shippingcountrycode", "shipcountry",
    "shiptocountry", "deliverycountry", "destinationcountry", "billingcountry",
    "billingcountrycode", "customercountry", "国家", "国家地区", "收货国家", "国家代码", "land",
    "pays", "país", "pais", "paese",
)


@dataclass(frozen=True)
class ShopCountry:
    """The dominant country of a file's country column."""

    column: str  # the column it was read from
    value: str  # the dominant value as the file writes it ("United Kingdom", "GB")
    share: float  # its share of all units sold in the file (rows with a positive quantity)
    code: str | None  # ISO code of its holidays; None when mixed or it has no holidays

    @property
    def dominant(self) -> bool:
        return self.share > DOMINANT_SHARE

    @property
    def holiday_country(self) -> str | None:
        """The code to default the models' holidays to, or None (mixed shop, no holidays)."""
        return self.code if self.dominant else None

    def summary_item(self) -> tuple[str, dict[str, str]]:
        """The import summary's line as (template id, fields) (`core.messages`)."""
        fields = {"country": self.value, "share": f"{self.share:.0%}", "column": self.column,
                  "code": self.code or "", "needed": f"{DOMINANT_SHARE:.0%}"}
        if not self.dominant:
            key = "summary.country_mixed"
        elif self.code is None:
            key = "summary.country_no_holidays"
        else:
            key = "summary.country"
        return key, {name: fields[name] for name in fields_of(key)}


def country_column(frame: pd.DataFrame, roles: dict[str, str]) -> str | None:
    """The file's country column, by name; None when it has none."""
    taken = set(roles.values())
    names = {normalise(c): c for c in reversed(frame.columns) if c not in taken}
    return next((names[n] for n in COUNTRY_COLUMNS if n in names), None)


def shop_country(frame: pd.DataFrame, roles: dict[str, str], decimal: str = "."
                 ) -> ShopCountry | None:
    """The country that bought most units in `frame` (the raw table, every row), or None when
    the file has no country column, no quantity column or no country written."""
    column = country_column(frame, roles)
    if column is None or "quantity" not in roles:
        return None
    units = parse_numbers(frame[roles["quantity"]], decimal)[0].clip(lower=0).fillna(0.0)
    countries = text_categories(frame[column]).astype(str)
    if "order" in roles:  # Shopify writes order fields on an order's first line only
        filled = countries.where(countries != "").groupby(frame[roles["order"]]).transform("first")
        countries = filled.fillna("")
    total = float(units.sum())
    by_country = units.groupby(countries.to_numpy()).sum().drop("", errors="ignore")
    if total <= 0 or by_country.empty:
        return None
    value = str(by_country.idxmax())
    return ShopCountry(column=column, value=value, share=float(by_country.max() / total),
                       code=holiday_code(value))
