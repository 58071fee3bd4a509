"""What the import takes and gives. Implemented by `core.data.importer.load`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from core.errors import Problem
from core.messages import render

if TYPE_CHECKING:
    from core.data.country import ShopCountry

# Column roles the importer detects and the user can override.
ROLES = ("date", "product", "quantity", "price", "title", "category", "stock", "promo",
         "order", "status", "cancelled", "customer")
LAYOUTS = ("long", "wide", "orders", "wide_orders")
# File names the importer reads (the Open dialog offers exactly these). Text is sniffed, so the
# name only guides the dialog: gzip is recognised by its bytes, Excel by its ZIP container.
# Old .xls (OLE) files are refused with a message, so they are not offered.
READABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".csv.gz", ".tsv.gz", ".txt.gz", ".xlsx")


@dataclass
class ImportOptions:
    """Everything the user can override; None means "detect"."""

    freq: str | None = None  # "D", "W", "M"
    roles: dict[str, str] = field(default_factory=dict)  # role -> column name in the file
    layout: str | None = None  # one of LAYOUTS
    dayfirst: bool | None = None
    encoding: str | None = None
    delimiter: str | None = None
    decimal: str | None = None
    sheet: str | None = None  # Excel sheet name
    # Order lines at W or M: leave out a first and last period the data covers only in part
    # (a week that ends after the export was made looks like a slump to the models).
    complete_periods: bool = False
    # "own" (each product ends at its last row), "shared" (all run to the data's last period)
    # or None: decided from the file (core.data.series_end).
    series_end: str | None = None
    # Status values that mean "cancelled" beyond the known ones (core.data.statuses), e.g. a
    # shop system's own word; compared in lower case.
    cancelled_statuses: tuple[str, ...] = ()


@dataclass
class Summary:
    products: int
    start: pd.Timestamp | None
    end: pd.Timestamp | None
    freq: str
    rows_read: int
    periods: int
    zero_share: float  # share of zero-sales periods in the canonical frame
    total_quantity: float
    dropped: dict[str, float] = field(default_factory=dict)  # rule -> rows removed
    # rule -> units of sales (positive quantities) removed; with `total_quantity` it accounts
    # for every unit read: what was read = what is left + what the rules removed.
    units_removed: dict[str, float] = field(default_factory=dict)
    gaps: int = 0  # product-periods inside a product's history that had no row (set to 0)
    series_end: str = ""  # "own" or "shared" (core.data.series_end); "" before it existed
    end_reason: str = ""  # why: one of core.data.series_end.REASONS
    ended_early: int = 0  # products whose series ends before `end`
    ids_cleaned: int = 0  # product code spellings stripped of invisible characters or spaces
    ids_merged: list[str] = field(default_factory=list)  # codes that joined several spellings
    country: ShopCountry | None = None  # the file's dominant country (core.data.country)

    def lines(self) -> list[str]:
        """Human-readable summary lines (CLI and GUI show the same text)."""
        return [render(key, **fields) for key, fields in self.items()]

    def items(self) -> list[tuple[str, dict[str, str]]]:
        """The lines as `(template id, fields)` (`core.messages`), for a GUI to translate.

        `freq` is the code ("D", "W", "M") and `rule` the rule's name as in `dropped`."""
        span = f"{self.start:%Y-%m-%d} .. {self.end:%Y-%m-%d}" if self.start is not None else "-"
        out = [("summary.shape", {"products": str(self.products), "span": span,
                                  "freq": self.freq, "periods": str(self.periods)}),
               ("summary.rows", {"rows": str(self.rows_read),
                                 "total": f"{self.total_quantity:,.0f}",
                                 "zero_share": f"{self.zero_share:.0%}"})]
        if self.gaps:
            out.append(("summary.gaps", {"gaps": f"{self.gaps:,}"}))
        if self.series_end == "own":
            out.append(("summary.end_own", {"products": f"{self.ended_early:,}",
                                            "end": f"{self.end:%Y-%m-%d}"}))
        elif self.series_end == "shared":
            out.append(("summary.end_shared", {"end": f"{self.end:%Y-%m-%d}"}))
        if self.end_reason:
            out.append((f"summary.end_why_{self.end_reason}", {}))
        if self.ids_cleaned:
            out.append(("summary.ids_cleaned", {"ids": f"{self.ids_cleaned:,}"}))
        if self.ids_merged:
            shown = ", ".join(f"'{code}'" for code in self.ids_merged[:5])
            more = f" (+{len(self.ids_merged) - 5:,})" if len(self.ids_merged) > 5 else ""
            out.append(("summary.ids_merged", {"codes": shown + more}))
        if self.country is not None:
            out.append(self.country.summary_item())
        out += [("summary.dropped", {"rule": rule, "amount": f"{amount:,.0f}"})
                for rule, amount in self.dropped.items()]
        out += [("summary.units_removed", {"rule": rule, "amount": f"{amount:,.0f}"})
                for rule, amount in self.units_removed.items() if round(amount)]
        return out


@dataclass
class RawPreview:
    """The first rows of a file as read, and what detection made of them (for the Import panel)."""

    path: str
    table: pd.DataFrame  # raw cells as strings, first rows
    layout: str
    roles: dict[str, str]  # detected role -> column
    dayfirst: bool | None
    encoding: str | None
    delimiter: str | None
    problems: list[Problem] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)  # a workbook's sheets (empty for text files)
    sheet: str | None = None  # the sheet shown


@dataclass
class ImportResult:
    frame: pd.DataFrame  # canonical long frame (core.schema)
    freq: str
    layout: str
    roles: dict[str, str]
    summary: Summary
    problems: list[Problem] = field(default_factory=list)  # warnings; errors raise InputError
    source: str = ""

    @property
    def holiday_country(self) -> str | None:
        """The ISO code to default the models' holidays to: the country that bought over 60 %
        of the units (core.data.country), or None."""
        return self.summary.country.holiday_country if self.summary.country else None
