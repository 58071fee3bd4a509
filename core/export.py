"""Forecasts and metrics as CSV and Excel files for the user's ordering and spreadsheets.

Product titles come from shop exports, so a title such as `=HYPERLINK(...)` must never turn into
a formula when the file is opened in a spreadsheet: CSVs go through the one writer
`core.csv_output` (atomic, formula-neutralised text cells, numbers untouched), and Excel cells
get the same neutralising and are stored as text. Files are written atomically.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from core.atomic_write import atomic_path
from core.csv_output import neutralise, neutralise_frame, write_csv
from core.error_messages import user_error
from core.message_parts import ID_COLUMNS
from core.overrides import MODEL_COLUMN, OVERRIDDEN, Journal, apply, journal_table
from core.pipeline_types import ForecastRun
from core.schema import DS, ID

# A table -> the same table with the engine's codes in its cells worded for people.
Values = Callable[[pd.DataFrame], pd.DataFrame]
METRIC_ORDER = ("MASE", "WAPE", "RMSE", "bias", "coverage_80", "coverage_95",
                "trend_precision", "trend_recall", "trend_f1", "MAE", "sMAPE", "RMSSE")


def forecast_table(run: ForecastRun, history: pd.DataFrame | None = None,
                   overrides: Journal | None = None) -> pd.DataFrame:
    """The chosen forecast per product and period, with the product title when it is known.
    With `overrides`, `yhat` is the final number and `yhat_model`/`overridden` beside it say
    what the model forecast and which rows were changed by hand."""
    frame = with_basis(final_forecast(run.forecast, overrides))
    titles = product_titles(history)
    if titles is not None:
        frame.insert(1, "title", frame[ID].map(titles).fillna(""))
    frame[DS] = pd.to_datetime(frame[DS]).dt.strftime("%Y-%m-%d")
    numeric = [c for c in frame.columns if c.startswith("yhat")]
    frame[numeric] = frame[numeric].round(3)
    return frame


def with_basis(forecast: pd.DataFrame) -> pd.DataFrame:
    """`forecast` with `basis` after `model`: history / new_product / cold_start."""
    from core.text.run_cold_start import basis_of

    if "model" not in forecast:
        return forecast
    out = forecast.copy()
    out.insert(out.columns.get_loc("model") + 1, "basis", basis_of(out["model"]))
    return out


def final_forecast(forecast: pd.DataFrame, overrides: Journal | None) -> pd.DataFrame:
    """`forecast` with the journal applied, the model's number right after the final one;
    unchanged (no extra columns) without overrides."""
    if not overrides:
        return forecast.copy()
    out = apply(forecast, overrides)
    order = [c for c in out.columns if c not in (MODEL_COLUMN, OVERRIDDEN)]
    at = order.index("yhat") + 1
    return out[order[:at] + [MODEL_COLUMN, OVERRIDDEN] + order[at:]]


def metrics_table(run: ForecastRun) -> pd.DataFrame:
    """One row per model, the common metrics first, with how many products chose each model."""
    metrics = run.metrics.copy()
    first = ["model"] + [m for m in METRIC_ORDER if m in metrics.columns]
    metrics = metrics[first + [c for c in metrics.columns if c not in first]]
    if not run.choices.empty:
        counts = run.choices["model"].value_counts()
        metrics.insert(1, "chosen_for_products",
                       metrics["model"].map(counts).fillna(0).astype(int))
    return metrics.round(4)


def whatif_table(result, history: pd.DataFrame | None = None) -> pd.DataFrame:
    """A what-if (core.scenario.WhatIf) per product and period: prices, the forecast and the
    planned forecast, revenue both ways; with the product title when it is known."""
    frame = result.forecast.copy()
    titles = product_titles(history)
    if titles is not None:
        frame.insert(1, "title", frame[ID].map(titles).fillna(""))
    frame[DS] = pd.to_datetime(frame[DS]).dt.strftime("%Y-%m-%d")
    numeric = frame.select_dtypes("number").columns
    frame[numeric] = frame[numeric].round(3)
    prices = ["price_base", "price"]
    frame[prices] = result.forecast[prices].round(4).to_numpy()  # cheap items: keep the cents
    return frame


def whatif_plan_table(result) -> pd.DataFrame:
    """The plan behind a what-if: one row per change, and how sales responded."""
    rows = [{"change": i, "percent": c.percent,
             "start": f"{c.start:%Y-%m-%d}" if c.start is not None else "",
             "end": f"{c.end:%Y-%m-%d}" if c.end is not None else "",
             "products": ", ".join(c.products), "category": c.category, "promo": c.promo,
             "method": result.method, "elasticity": result.plan.elasticity}
            for i, c in enumerate(result.plan.changes, 1)]
    return pd.DataFrame(rows)


def product_titles(history: pd.DataFrame | None) -> pd.Series | None:
    if history is None or "title" not in history.columns:
        return None
    titles = history.dropna(subset=["title"]).drop_duplicates(ID, keep="last")
    return titles.set_index(ID)["title"].astype(str)


def write_xlsx(path: str | os.PathLike, sheets: Mapping[str, pd.DataFrame]) -> None:
    """An Excel workbook with one sheet per frame; text cells are always stored as text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for name, frame in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.freeze_panes = "A2"
        header = []
        for column in frame.columns:
            cell = WriteOnlyCell(sheet, value=str(neutralise(str(column))))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in neutralise_frame(frame).itertuples(index=False):
            sheet.append([_cell(sheet, value, WriteOnlyCell) for value in row])
    try:
        with atomic_path(path) as tmp:
            book.save(tmp)
    except OSError as exc:
        raise user_error("file.write_failed", path=str(path),
                         error=str(exc.strerror or exc)) from exc


def _cell(sheet, value: object, cell_type):
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, str):
        cell = cell_type(sheet, value=value)
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
        return cell
    return value


def export_csv(path: str | os.PathLike, run: ForecastRun, history: pd.DataFrame | None = None,
               *, what: str = "forecast", scenario=None, overrides: Journal | None = None,
               labels: Callable[[str], str] | None = None, values: Values | None = None) -> None:
    """Write the forecast (`what="forecast"`, with `overrides` applied), the model comparison
    (`"metrics"`) or the what-if `scenario` (`"whatif"`). `labels` words the column headers
    (the GUI's language, `gui.export_headers`); without it they are the column names.
    `values` words the engine's codes in cells (`gui.export_values`); without it they stay."""
    tables = {"forecast": lambda: forecast_table(run, history, overrides),
              "metrics": lambda: metrics_table(run),
              "whatif": lambda: whatif_table(scenario, history)}
    if what == "whatif" and scenario is None:
        raise user_error("export.no_whatif")
    if what not in tables:
        raise ValueError(f"what must be one of {sorted(tables)}")
    # With a byte-order mark, so spreadsheets read non-English titles correctly.
    write_csv(path, _labelled(_worded(tables[what](), values), labels), bom=True)


def export_xlsx(path: str | os.PathLike, run: ForecastRun,
                history: pd.DataFrame | None = None, scenario=None,
                overrides: Journal | None = None,
                labels: Callable[[str], str] | None = None, values: Values | None = None
                ) -> None:
    """Forecast (with `overrides` applied), model comparison, per-product choices and
    per-product metrics in one workbook, the what-if with its plan when there is one, and the
    overrides' journal when there are any. `labels` words sheet names and headers, `values`
    the engine's codes and sentences in cells."""
    sheets = {"Forecast": forecast_table(run, history, overrides), "Metrics": metrics_table(run)}
    if not run.choices.empty:
        choices = _worded(run.choices, values)  # its sentences are worded from their ids
        sheets["Model choice"] = choices.drop(columns=list(ID_COLUMNS), errors="ignore")
    if not run.metrics_per_product.empty:
        sheets["Metrics per product"] = run.metrics_per_product.round(4)
    if scenario is not None:
        sheets["What-if"] = whatif_table(scenario, history)
        sheets["What-if plan"] = whatif_plan_table(scenario)
    if overrides:
        sheets["Overrides"] = journal_table(overrides)
    sheets = {name: frame if name == "Model choice" else _worded(frame, values)
              for name, frame in sheets.items()}
    if labels is not None:
        sheets = {labels(name): _labelled(frame, labels) for name, frame in sheets.items()}
    write_xlsx(path, sheets)


def _worded(frame: pd.DataFrame, values: Values | None) -> pd.DataFrame:
    return frame if values is None else values(frame)


def _labelled(frame: pd.DataFrame, labels: Callable[[str], str] | None) -> pd.DataFrame:
    return frame if labels is None else frame.rename(columns=lambda c: labels(str(c)))
