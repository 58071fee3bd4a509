"""Cell values of exports (CSV, Excel) that are engine words, in the user's language.

The one map of engine words in export cells, beside `gui.export_headers` and built the same way:
each code core writes (`history`, `lumpy`, `runs_out`) is its own source text, so the English UI
writes what the CLI writes and the zh_CN catalogue gives the Chinese. Sentences the engine wrote
(a model choice's reason and fallback) are worded from their template ids (`core_text`). Build
on the UI thread and hand the result to the export job:
`export.export_xlsx(path, run, labels=export_labeller(), values=export_values())`.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.models.registry import load_all
from core.run_plan import AUTO
from gui.core_texts import core_text
from gui.i18n import translated_ui
from gui.journal_words import change_words, span_cell_words
from gui.model_names import model_label

CONTEXT = "ExportValues"

# What a product's forecast stands on (core.text.run_cold_start.basis_of).
FORECAST_BASIS = {"history": QT_TRANSLATE_NOOP("ExportValues", "history"),
                  "new_product": QT_TRANSLATE_NOOP("ExportValues", "new_product"),
                  "cold_start": QT_TRANSLATE_NOOP("ExportValues", "cold_start")}
# Where the reorder plan learned the spread of lead-time demand (core.reorder.lead_time_demand).
SPREAD_BASIS = {"pool": QT_TRANSLATE_NOOP("ExportValues", "pool"),
                "near_zero": QT_TRANSLATE_NOOP("ExportValues", "near_zero"),
                "own_history": QT_TRANSLATE_NOOP("ExportValues", "own_history"),
                "poisson": QT_TRANSLATE_NOOP("ExportValues", "poisson")}
DEMAND_CLASSES = {"smooth": QT_TRANSLATE_NOOP("ExportValues", "smooth"),
                  "erratic": QT_TRANSLATE_NOOP("ExportValues", "erratic"),
                  "intermittent": QT_TRANSLATE_NOOP("ExportValues", "intermittent"),
                  "lumpy": QT_TRANSLATE_NOOP("ExportValues", "lumpy")}
# The trending list's classes (core.trending.CLASSES).
TREND_CLASSES = {"rising": QT_TRANSLATE_NOOP("ExportValues", "rising"),
                 "falling": QT_TRANSLATE_NOOP("ExportValues", "falling"),
                 "new": QT_TRANSLATE_NOOP("ExportValues", "new"),
                 "fading": QT_TRANSLATE_NOOP("ExportValues", "fading"),
                 "stable": QT_TRANSLATE_NOOP("ExportValues", "stable")}
# The reorder plan's exception lists (core.reorder.exceptions), space-separated in a cell.
EXCEPTIONS = {"runs_out": QT_TRANSLATE_NOOP("ExportValues", "runs_out"),
              "excess": QT_TRANSLATE_NOOP("ExportValues", "excess"),
              "dead": QT_TRANSLATE_NOOP("ExportValues", "dead"),
              "no_stock": QT_TRANSLATE_NOOP("ExportValues", "no_stock")}
# What the service level counts (core.reorder.inputs.service_measure).
MEASURES = {"cycle": QT_TRANSLATE_NOOP("ExportValues", "cycle"),
            "fill": QT_TRANSLATE_NOOP("ExportValues", "fill")}
# What moved a what-if's forecast (core.scenario.whatif) and what an override does.
METHODS = {"elasticity": QT_TRANSLATE_NOOP("ExportValues", "elasticity"),
           "network": QT_TRANSLATE_NOOP("ExportValues", "network")}
OVERRIDE_KINDS = {"absolute": QT_TRANSLATE_NOOP("ExportValues", "absolute"),
                  "percent": QT_TRANSLATE_NOOP("ExportValues", "percent"),
                  "units": QT_TRANSLATE_NOOP("ExportValues", "units")}

# column -> its codes; the plan's `basis` is the spread's, the forecast export's the forecast's.
VALUES = {"basis": {**FORECAST_BASIS, **SPREAD_BASIS}, "forecast_basis": FORECAST_BASIS,
          "demand_class": DEMAND_CLASSES, "trend_class": TREND_CLASSES, "class": TREND_CLASSES,
          "exceptions": EXCEPTIONS, "service_measure": MEASURES, "method": METHODS,
          "kind": OVERRIDE_KINDS}
LISTS = {"exceptions"}  # cells holding several codes
SENTENCES = ("reason", "fallback")  # engine sentences with a `<column>_ids` column beside them
# Yes/no cells (e.g. `overridden`) in a translated UI; the English UI writes the CLI's True/False.
YES_NO = {True: QT_TRANSLATE_NOOP("ExportValues", "yes"),
          False: QT_TRANSLATE_NOOP("ExportValues", "no")}
JOURNAL = {"change", "periods", "kind", "value"}  # the overrides' journal (core.overrides.table)


def export_values() -> Callable[[pd.DataFrame], pd.DataFrame]:
    """A table -> the same table with engine words in its cells in the UI's language (codes it
    does not know, and other columns, as written)."""
    words = {column: {code: QCoreApplication.translate(CONTEXT, text)
                      for code, text in table.items()} for column, table in VALUES.items()}
    yes_no = None
    if translated_ui():  # model names as the UI shows them; the English UI keeps the CLI's ids
        yes_no = {flag: QCoreApplication.translate(CONTEXT, text) for flag, text in YES_NO.items()}
        words["model"] = {**{name: model_label(name) for name in [*load_all(), AUTO]},
                          **words["forecast_basis"]}  # a new product's "model" is its basis

    def word(column: str, value: object) -> object:
        if not isinstance(value, str):
            return value
        known = words[column]
        if column in LISTS:
            return " ".join(known.get(code, code) for code in value.split())
        return known.get(value, value)

    def values(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy(deep=False)
        if set(out.columns) >= JOURNAL:  # worded from the kind and value, as the journal view
            # (before `kind` itself is worded)
            out["change"] = [change_words(kind, value)
                             for kind, value in zip(out["kind"], out["value"], strict=True)]
            out["periods"] = [span_cell_words(cell) for cell in out["periods"]]
        for column in words:
            if column in out.columns:
                out[column] = [word(column, v) for v in out[column]]
        if yes_no is not None:
            for column in out.columns[[pd.api.types.is_bool_dtype(t) for t in out.dtypes]]:
                out[column] = out[column].map(yes_no)
        for column in SENTENCES:
            if column in out.columns:  # without ids (older projects): read back from English
                ids = out.get(f"{column}_ids", pd.Series("", index=out.index)).fillna("")
                out[column] = [core_text(text, said) if isinstance(text, str) else text
                               for text, said in zip(out[column], ids, strict=True)]
        return out

    return values
