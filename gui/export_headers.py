"""Column headers and sheet names of exports (CSV, Excel) in the user's language.

The one English<->Chinese column map: each export column's name (as core and the CLI write it)
is its own source text here, so the English UI writes the same headers as the CLI and the zh_CN
catalogue gives the Chinese. Interval and coverage columns (`yhat_lo_80`, `coverage_95`) are
worded from a template with the level. Build the labeller on the UI thread and hand it to the
export job: `export.export_xlsx(path, run, labels=export_labeller())`.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ExportColumns"

COLUMNS = (
    QT_TRANSLATE_NOOP("ExportColumns", "unique_id"), QT_TRANSLATE_NOOP("ExportColumns", "title"),
    QT_TRANSLATE_NOOP("ExportColumns", "ds"), QT_TRANSLATE_NOOP("ExportColumns", "yhat"),
    QT_TRANSLATE_NOOP("ExportColumns", "yhat_model"),
    QT_TRANSLATE_NOOP("ExportColumns", "overridden"),
    QT_TRANSLATE_NOOP("ExportColumns", "model"),
    QT_TRANSLATE_NOOP("ExportColumns", "chosen_for_products"),
    QT_TRANSLATE_NOOP("ExportColumns", "demand_class"),
    QT_TRANSLATE_NOOP("ExportColumns", "reason"), QT_TRANSLATE_NOOP("ExportColumns", "fallback"),
    QT_TRANSLATE_NOOP("ExportColumns", "bias"),
    QT_TRANSLATE_NOOP("ExportColumns", "trend_precision"),
    QT_TRANSLATE_NOOP("ExportColumns", "trend_recall"),
    QT_TRANSLATE_NOOP("ExportColumns", "trend_f1"),
    QT_TRANSLATE_NOOP("ExportColumns", "yhat_base"),
    QT_TRANSLATE_NOOP("ExportColumns", "price_base"), QT_TRANSLATE_NOOP("ExportColumns", "price"),
    QT_TRANSLATE_NOOP("ExportColumns", "revenue_base"),
    QT_TRANSLATE_NOOP("ExportColumns", "revenue"), QT_TRANSLATE_NOOP("ExportColumns", "promo"),
    QT_TRANSLATE_NOOP("ExportColumns", "change"), QT_TRANSLATE_NOOP("ExportColumns", "percent"),
    QT_TRANSLATE_NOOP("ExportColumns", "start"), QT_TRANSLATE_NOOP("ExportColumns", "end"),
    QT_TRANSLATE_NOOP("ExportColumns", "products"),
    QT_TRANSLATE_NOOP("ExportColumns", "category"),
    QT_TRANSLATE_NOOP("ExportColumns", "method"),
    QT_TRANSLATE_NOOP("ExportColumns", "elasticity"),
    QT_TRANSLATE_NOOP("ExportColumns", "when"), QT_TRANSLATE_NOOP("ExportColumns", "periods"),
    QT_TRANSLATE_NOOP("ExportColumns", "comment"), QT_TRANSLATE_NOOP("ExportColumns", "kind"),
    QT_TRANSLATE_NOOP("ExportColumns", "value"), QT_TRANSLATE_NOOP("ExportColumns", "windows"),
    QT_TRANSLATE_NOOP("ExportColumns", "products_scored"),
    QT_TRANSLATE_NOOP("ExportColumns", "points"),
    QT_TRANSLATE_NOOP("ExportColumns", "zero_scale"),
    QT_TRANSLATE_NOOP("ExportColumns", "mape_zeros_skipped"),
    # The reorder plan and its purchase list (core.reorder).
    QT_TRANSLATE_NOOP("ExportColumns", "supplier"), QT_TRANSLATE_NOOP("ExportColumns", "order_qty"),
    QT_TRANSLATE_NOOP("ExportColumns", "on_hand"), QT_TRANSLATE_NOOP("ExportColumns", "on_order"),
    QT_TRANSLATE_NOOP("ExportColumns", "reorder_point"),
    QT_TRANSLATE_NOOP("ExportColumns", "lead_time_days"),
    QT_TRANSLATE_NOOP("ExportColumns", "stockout_date"),
    QT_TRANSLATE_NOOP("ExportColumns", "order_value"), QT_TRANSLATE_NOOP("ExportColumns", "why"),
    QT_TRANSLATE_NOOP("ExportColumns", "abc_class"),
    QT_TRANSLATE_NOOP("ExportColumns", "inventory_position"),
    QT_TRANSLATE_NOOP("ExportColumns", "review_days"),
    QT_TRANSLATE_NOOP("ExportColumns", "service_level"),
    QT_TRANSLATE_NOOP("ExportColumns", "forecast_lead_time"),
    QT_TRANSLATE_NOOP("ExportColumns", "forecast_lead_review"),
    QT_TRANSLATE_NOOP("ExportColumns", "safety_stock"),
    QT_TRANSLATE_NOOP("ExportColumns", "days_of_cover"),
    QT_TRANSLATE_NOOP("ExportColumns", "revenue_at_risk"),
    QT_TRANSLATE_NOOP("ExportColumns", "excess_units"),
    QT_TRANSLATE_NOOP("ExportColumns", "basis"), QT_TRANSLATE_NOOP("ExportColumns", "exceptions"),
    QT_TRANSLATE_NOOP("ExportColumns", "forecast_basis"),
)
SHEETS = (
    QT_TRANSLATE_NOOP("ExportColumns", "Forecast"), QT_TRANSLATE_NOOP("ExportColumns", "Metrics"),
    QT_TRANSLATE_NOOP("ExportColumns", "Model choice"),
    QT_TRANSLATE_NOOP("ExportColumns", "Metrics per product"),
    QT_TRANSLATE_NOOP("ExportColumns", "What-if"),
    QT_TRANSLATE_NOOP("ExportColumns", "What-if plan"),
    QT_TRANSLATE_NOOP("ExportColumns", "Overrides"),
    QT_TRANSLATE_NOOP("ExportColumns", "Purchase list"), QT_TRANSLATE_NOOP("ExportColumns", "Plan"),
)
# `yhat_lo_80` -> the translated `yhat` and the level; `coverage_95` likewise.
_LOW = QT_TRANSLATE_NOOP("ExportColumns", "{column}_lo_{level}")
_HIGH = QT_TRANSLATE_NOOP("ExportColumns", "{column}_hi_{level}")
_COVERAGE = QT_TRANSLATE_NOOP("ExportColumns", "coverage_{level}")
_BAND = re.compile(r"(?P<column>.+)_(?P<side>lo|hi)_(?P<level>\d+)")
_COVER = re.compile(r"coverage_(?P<level>\d+)")


def export_labeller() -> Callable[[str], str]:
    """A column or sheet name -> its header in the UI's language (as written when unknown).
    Everything is translated now, so the labeller can run on an export's worker thread."""
    def tr(text: str) -> str:
        return QCoreApplication.translate(CONTEXT, text)

    names = {name: tr(name) for name in (*COLUMNS, *SHEETS)}
    low, high, coverage = tr(_LOW), tr(_HIGH), tr(_COVERAGE)

    def label(name: str) -> str:
        name = str(name)
        if name in names:
            return names[name]
        band = _BAND.fullmatch(name)
        if band:
            column = names.get(band["column"], band["column"])
            return (low if band["side"] == "lo" else high).format(column=column,
                                                                  level=band["level"])
        cover = _COVER.fullmatch(name)
        return coverage.format(level=cover["level"]) if cover else name

    return label
