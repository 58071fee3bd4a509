"""The import's warnings as templates with named fields, so a user interface in another language
shows them in its own words (`gui.core_texts.problem_texts`); the CLI prints the English.

A warning is made with `warning(key, file=..., **fields)`: the Problem keeps its id and fields
beside the English text, and its hint is the template `key + ".hint"` when there is one. Unlike
`core.messages`, nothing is parsed back: the id travels with the Problem. Field values are
strings formatted by the writer ("1,204", "2011-12-09"); `unit` and `chosen_unit` are words of
`core.schema.FREQ_UNITS` ("days", "weeks", "months" or one of them without the s), `role` a column
role ("price", "stock", "promo"), which the GUI translates.
"""
from __future__ import annotations

from core.errors import Problem

PROBLEMS: dict[str, str] = {
    "import.finer_than_data": "The dates are spaced in {unit} but {chosen_unit} were chosen: most "
                              "{chosen_unit} will show 0 sales.",
    "import.finer_than_data.hint": "Choose {spacing} (or coarser) unless this is what you want.",
    "import.day_order": "The dates could be day-first or month-first; read as month-first.",
    "import.day_order.hint": "Choose the date order if this is wrong.",
    "import.gaps": "{gaps} product-periods had no row and count as 0 sales (e.g. {examples}).",
    "import.negative": "{rows} rows have negative quantities (returns?); they were kept and "
                       "subtracted from the sales of their period.",
    "import.negative.hint": "Remove them from the file if they are not returns.",
    "import.duplicates": "{rows} rows repeat a product and {unit} and were added together.",
    "import.silent_periods": "{count} {unit} have no sales at all (e.g. {dates}); the shop may "
                             "have been closed. They count as 0.",
    "import.silent_period": "{count} {unit} has no sales at all (e.g. {dates}); the shop may "
                            "have been closed. They count as 0.",
    "import.unsold": "{count} products never sold and were left out (e.g. {examples}).",
    "import.partial_last": "The last period ({end}) only has data up to {last}, so its sales "
                           "look low.",
    "import.partial_last.hint": "Keep this in mind when reading the forecast, export data up to "
                                "the end of the period, or import complete periods only.",
    "import.cancellations": "{lines} cancellation or refund lines: {fully} matched earlier order "
                            "lines in full, {partly} in part; {units} units were taken off "
                            "{removed} order lines removed and {reduced} reduced.",
    "import.unmatched_cancellations": "{unmatched} cancellation lines match no earlier purchase "
                                      "of the same product by the same customer (or in the same "
                                      "order) and {partly} match only part of their units: "
                                      "{units} cancelled units match nothing (unmatched); they "
                                      "were dropped, not taken off other sales.",
    "import.unmatched_cancellations.hint": "Their orders are probably older than the file; "
                                           "export a longer history if they should count.",
    "import.partial_refunds": "{count} partially refunded orders (e.g. {orders}) are counted in "
                              "full: the export does not say which items were refunded.",
    "import.partial_refunds.hint": "If you know, add the refunded items to the order as lines "
                                   "with a negative quantity, and they are taken off.",
    "import.unknown_statuses": "The {heading} column has {count} values that do not say "
                               "whether the order was paid or cancelled (lines in brackets): "
                               "{values}. Those {lines} lines were counted as sales.",
    "import.unknown_statuses.hint": "If some of them mean cancelled or refunded, name them "
                                    "as cancelled statuses (\"Also cancelled\" in the Import "
                                    "panel, --cancelled-status {first} on the command line) "
                                    "and import again.",
    "import.zero_twins": "{count} groups of product codes differ only in leading zeros (e.g. "
                         "{examples}); each code was kept as its own product.",
    "import.zero_twins.hint": "If they are one product (spreadsheet programs drop leading "
                              "zeros), write the code the same way in every row and import "
                              "again.",
    "import.case_twins": "{count} product code spellings differ from another only in letter "
                         "case (e.g. {examples}); each was joined to its most frequent spelling "
                         "as one product.",
    "import.case_twins.hint": "If letter case tells products apart in your shop, give them "
                              "codes that differ in more than case and import again.",
    "import.total_columns": "Left out the column(s) {columns}: they hold totals, not a product.",
    "import.text_columns": "Left out the column(s) {columns}: they hold some numbers, but fewer "
                           "than 90% of their filled cells are numbers, so they were not read as "
                           "products.",
    "import.text_columns.hint": "If one is a product, fix its cells that are not numbers.",
    "import.day_numbers": "{cells} cells of the date column are Excel day numbers (e.g. "
                          "{example}), read as dates ({example} = {date}).",
    "import.day_numbers.hint": "A spreadsheet shows a date as such a number when the cell lost "
                               "its date format; format the column as dates to see them.",
    "import.bad_covariate": "{cells} cells in the {role} column are not numbers (e.g. "
                            "'{example}'); they were left empty.",
    "import.far_dates": "{count} row(s) have a date far from all the others, which run from "
                        "{first} to {last}: rows {rows}. They were set aside.",
    "import.far_dates_more": "{count} row(s) have a date far from all the others, which run "
                             "from {first} to {last}: rows {rows} and {more} more. They were "
                             "set aside.",
    "import.far_dates.hint": "If a year is mistyped, correct it in the file and import it again.",
    "import.lost_products": "{count} products were left out by the import rules: {products}.",
    "import.lost_products_more": "{count} products were left out by the import rules: "
                                 "{products} and {more} more.",
    "import.lost_products.hint": "See the rules with python main.py import --rules; fix the rows "
                                 "in the file if a product should count.",
    "import.not_utf8": "The file is not UTF-8; read it as {encoding}.",
    "import.not_utf8.hint": "If letters look wrong, choose the file's encoding.",
    "import.skipped_lines": "Skipped {lines} line(s) above the column names.",
}


def warning(key: str, *, file: str | None, row: int | None = None, column: str | None = None,
            hint_key: str | None = None, **fields: str) -> Problem:
    """A warning Problem from template `key`; its hint from `hint_key`, by default
    `key + ".hint"` when that template exists (same fields)."""
    hint_key = hint_key or (f"{key}.hint" if f"{key}.hint" in PROBLEMS else None)
    return Problem(PROBLEMS[key].format(**fields),
                   PROBLEMS[hint_key].format(**fields) if hint_key else "",
                   file=file, row=row, column=column, severity="warning", key=key,
                   hint_key=hint_key, fields=tuple(fields.items()))
