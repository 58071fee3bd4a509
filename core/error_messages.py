"""The errors the engine raises for people, as templates with named fields.

`user_error(key, **fields)` makes a `TrendcastError` whose `str()` is the English text (the CLI
prints it) and which keeps `key` and `fields`, so the GUI says it in the user's language
(`gui.error_texts`) instead of reading the English back. Field values are strings formatted by the
writer; `error` is a library's own message, shown as it is. The import's own errors are Problems
(`core.data.error_texts`).
"""
from __future__ import annotations

from core.errors import TrendcastError

MESSAGES: dict[str, str] = {
    # Projects (core.project).
    "project.save_failed": "Could not save the project to {path}: {error}.",
    "project.missing": "The project {name} does not exist.",
    "project.foreign": "{name} is not a Trendcast project.",
    "project.foreign_zip": "{name} is not a Trendcast project (it is a zip file without a "
                           "Trendcast manifest).",
    "project.damaged": "The project {name} is damaged and cannot be opened ({error}). Open an "
                       "earlier copy, or import the sales file again.",
    "project.too_large": "{name} unpacks to {size} GB; refusing to open it.",
    "project.newer": "{name} was saved by a newer version of Trendcast (project format "
                     "{version}; this version reads up to {supported}). Please update Trendcast "
                     "to open it.",
    # Files written by exports (core.export, core.overrides.journal_json).
    "file.write_failed": "Could not write {path}: {error}.",
    "export.no_whatif": "There is no what-if to export yet: apply a plan first.",
    # The overrides journal file (core.overrides.journal_json).
    "journal.missing": "The overrides file {path} does not exist.",
    "journal.unreadable": "Could not read the overrides file {path}: {error}.",
    "journal.not_json": "{name} is not valid JSON (line {line}, column {column}: {error}); fix it "
                        "or export the journal again.",
    # The stock file and settings of the reorder plan (core.reorder).
    "stock.missing": "Stock file not found: {path}",
    "stock.unreadable": "Could not read stock file {path}: {error}",
    "stock.no_column": "{path}: no {role} column; the stock file needs a product id column "
                       "(unique_id, sku or product_id) and an on_hand column. Columns found: "
                       "{columns}",
    "stock.twice": "{path}, row {row}: product {product} is listed twice; keep one row per "
                   "product",
    "stock.not_number": "{path}, row {row}, column {role}: '{value}' is not a number; write a "
                        "plain number such as 12 or 2.5",
    "stock.negative_on_hand": "{path}, row {row}, column {role}: {value} cannot be negative "
                              "(count what is on the shelf)",
    "stock.negative": "{path}, row {row}, column {role}: {value} cannot be negative",
    "stock.not_positive": "{path}, row {row}, column {role}: {value} must be more than 0",
    "stock.service_range": "{path}, row {row}, column {role}: {value} must be between 0 and 1, "
                           "e.g. 0.95",
    "reorder.short_forecast": "The forecast covers {have} periods, but the longest lead time + "
                              "review period needs {needed}: forecast at least {needed} periods "
                              "ahead or shorten the lead time",
    # What-if plans (core.scenario).
    "whatif.empty": "The what-if plan has no changes yet: add a price change first.",
    "whatif.outside": "No forecast period falls inside the planned dates: the forecast covers "
                      "{first} to {last}.",
    "whatif.no_price_network": "This forecast has no trained network that reads prices. Train "
                               "LSTM, Transformer or TCN on data with prices, or use the "
                               "price-elasticity method.",
    "whatif.unknown_products": "What-if change {change} names products the forecast does not "
                               "have: {products}.",
    "whatif.unknown_category": "What-if change {change}: no product is in category '{category}'.",
    "whatif.no_reading_network": "None of the trained networks reads prices or promotions, so "
                                 "they cannot answer a what-if. Use the price-elasticity method, "
                                 "or train a network on data with a price column.",
    "whatif.no_prices": "The data has no prices, so the effect of a price change cannot be "
                        "estimated. Import a file with a price column.",
    "whatif.percent_range": "What-if percent: A price change of {percent}% is outside "
                            "{low}% .. {high}%.",
    "whatif.ends_before": "What-if end: The change ends ({end}) before it starts ({start}).",
    # A hand-made override (core.overrides.journal).
    "override.negative": "Override value: A forecast cannot be set to {value} units; use 0 or "
                         "more.",
    "override.below_minus_100": "Override value: {value} % would make sales negative; use "
                                "-100 % or more.",
    "override.ends_before": "Override end: The range ends ({end}) before it starts ({start}).",
    "scenario.no_name": "A scenario needs a name.",
    "scenario.long_name": "A scenario name can have at most {most} characters, not {length}.",
    "scenario.taken": "There is already a scenario named '{name}'; choose another name.",
}


def user_error(key: str, *, cls: type[TrendcastError] = TrendcastError,
               **fields: str) -> TrendcastError:
    """A `cls` error with the English text of `key`, carrying `key` and `fields` for the GUI."""
    error = cls(MESSAGES[key].format(**fields))
    error.key = key
    error.fields = tuple(fields.items())
    return error
