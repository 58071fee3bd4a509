"""The Import step's warnings in the user's language: one template per id of
`core.data.problem_texts`, with the same fields. The Problem carries its id, so nothing is
parsed back; `gui.core_texts.problem_texts` renders them."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

PROBLEM_TEXTS = {
    "import.finer_than_data": QT_TRANSLATE_NOOP(
        "CoreTexts", "The dates are spaced in {unit} but {chosen_unit} were chosen: most "
                     "{chosen_unit} will show 0 sales."),
    "import.finer_than_data.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Choose {spacing} (or coarser) unless this is what you want."),
    "import.day_order": QT_TRANSLATE_NOOP(
        "CoreTexts", "The dates could be day-first or month-first; read as month-first."),
    "import.day_order.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Choose the date order if this is wrong."),
    "import.gaps": QT_TRANSLATE_NOOP(
        "CoreTexts", "{gaps} product-periods had no row and count as 0 sales (e.g. "
                     "{examples})."),
    "import.negative": QT_TRANSLATE_NOOP(
        "CoreTexts", "{rows} rows have negative quantities (returns?); they were kept and "
                     "subtracted from the sales of their period."),
    "import.negative.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Remove them from the file if they are not returns."),
    "import.duplicates": QT_TRANSLATE_NOOP(
        "CoreTexts", "{rows} rows repeat a product and {unit} and were added together."),
    "import.silent_periods": QT_TRANSLATE_NOOP(
        "CoreTexts", "{count} {unit} have no sales at all (e.g. {dates}); the shop may have "
                     "been closed. They count as 0."),
    "import.silent_period": QT_TRANSLATE_NOOP(
        "CoreTexts", "{count} {unit} has no sales at all (e.g. {dates}); the shop may have "
                     "been closed. They count as 0."),
    "import.unsold": QT_TRANSLATE_NOOP(
        "CoreTexts", "{count} products never sold and were left out (e.g. {examples})."),
    "import.partial_last": QT_TRANSLATE_NOOP(
        "CoreTexts", "The last period ({end}) only has data up to {last}, so its sales look "
                     "low."),
    "import.partial_last.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Keep this in mind when reading the forecast, export data up to the end "
                     "of the period, or import complete periods only."),
    "import.cancellations": QT_TRANSLATE_NOOP(
        "CoreTexts", "{lines} cancellation or refund lines: {fully} matched earlier order "
                     "lines in full, {partly} in part; {units} units were taken off {removed} "
                     "order lines removed and {reduced} reduced."),
    "import.unmatched_cancellations": QT_TRANSLATE_NOOP(
        "CoreTexts", "{unmatched} cancellation lines match no earlier purchase of the same "
                     "product by the same customer (or in the same order) and {partly} match "
                     "only part of their units: {units} cancelled units match nothing "
                     "(unmatched); they were dropped, not taken off other sales."),
    "import.unmatched_cancellations.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Their orders are probably older than the file; export a longer history "
                     "if they should count."),
    "import.partial_refunds": QT_TRANSLATE_NOOP(
        "CoreTexts", "{count} partially refunded orders (e.g. {orders}) are counted in full: "
                     "the export does not say which items were refunded."),
    "import.partial_refunds.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "If you know, add the refunded items to the order as lines with a "
                     "negative quantity, and they are taken off."),
    "import.unknown_statuses": QT_TRANSLATE_NOOP(
        "CoreTexts", "The {heading} column has {count} values that do not say whether the order "
                     "was paid or cancelled (lines in brackets): {values}. Those {lines} lines "
                     "were counted as sales."),
    "import.unknown_statuses.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "If some of them mean cancelled or refunded, name them as cancelled "
                     "statuses (\"Also cancelled\" in the Import panel, --cancelled-status "
                     "{first} on the command line) and import again."),
    "import.zero_twins": QT_TRANSLATE_NOOP(
        "CoreTexts", "{count} groups of product codes differ only in leading zeros (e.g. "
                     "{examples}); each code was kept as its own product."),
    "import.zero_twins.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "If they are one product (spreadsheet programs drop leading zeros), write "
                     "the code the same way in every row and import again."),
    "import.case_twins": QT_TRANSLATE_NOOP(
        "CoreTexts", "{count} product code spellings differ from another only in letter case "
                     "(e.g. {examples}); each was joined to its most frequent spelling as one "
                     "product."),
    "import.case_twins.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "If letter case tells products apart in your shop, give them codes that "
                     "differ in more than case and import again."),
    "import.total_columns": QT_TRANSLATE_NOOP(
        "CoreTexts", "Left out the column(s) {columns}: they hold totals, not a product."),
    "import.text_columns": QT_TRANSLATE_NOOP(
        "CoreTexts", "Left out the column(s) {columns}: they hold some numbers, but fewer than"
                     " 90% of their filled cells are numbers, so they were not read as "
                     "products."),
    "import.text_columns.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "If one is a product, fix its cells that are not numbers."),
    "import.day_numbers": QT_TRANSLATE_NOOP(
        "CoreTexts", "{cells} cells of the date column are Excel day numbers (e.g. {example}), "
                     "read as dates ({example} = {date})."),
    "import.day_numbers.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "A spreadsheet shows a date as such a number when the cell lost its date "
                     "format; format the column as dates to see them."),
    "import.bad_covariate": QT_TRANSLATE_NOOP(
        "CoreTexts", "{cells} cells in the {role} column are not numbers (e.g. '{example}'); "
                     "they were left empty."),
    "import.far_dates": QT_TRANSLATE_NOOP(
        "CoreTexts", "{count} row(s) have a date far from all the others, which run from "
                     "{first} to {last}: rows {rows}. They were set aside."),
    "import.far_dates_more": QT_TRANSLATE_NOOP(
        "CoreTexts", "{count} row(s) have a date far from all the others, which run from "
                     "{first} to {last}: rows {rows} and {more} more. They were set aside."),
    "import.far_dates.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "If a year is mistyped, correct it in the file and import it again."),
    "import.lost_products": QT_TRANSLATE_NOOP(
        "CoreTexts", "{count} products were left out by the import rules: {products}."),
    "import.lost_products_more": QT_TRANSLATE_NOOP(
        "CoreTexts", "{count} products were left out by the import rules: {products} and "
                     "{more} more."),
    "import.lost_products.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "See the rules with python main.py import --rules; fix the rows in the "
                     "file if a product should count."),
    "import.not_utf8": QT_TRANSLATE_NOOP(
        "CoreTexts", "The file is not UTF-8; read it as {encoding}."),
    "import.not_utf8.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "If letters look wrong, choose the file's encoding."),
    "import.skipped_lines": QT_TRANSLATE_NOOP(
        "CoreTexts", "Skipped {lines} line(s) above the column names."),
}
