"""The import's errors in the user's language: each id of `core.data.error_texts.ERRORS` with
its translatable twin and the same `{fields}` (rendered by `gui.error_texts`)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# Same ids and fields as core.data.error_texts.ERRORS (a test checks both agree).
ERROR_TEXTS = {
    "error.unreadable": QT_TRANSLATE_NOOP("CoreTexts", "The file cannot be read: {error}."),
    "error.unreadable.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Check that you may open it and that no other program holds it."),
    "error.missing": QT_TRANSLATE_NOOP("CoreTexts", "The file does not exist."),
    "error.missing.hint": QT_TRANSLATE_NOOP("CoreTexts", "Check the path and the file name."),
    "error.folder": QT_TRANSLATE_NOOP("CoreTexts", "This is a folder, not a file."),
    "error.folder.hint": QT_TRANSLATE_NOOP("CoreTexts", "Choose a sales file inside it."),
    "error.empty": QT_TRANSLATE_NOOP("CoreTexts", "The file is empty."),
    "error.empty.hint": QT_TRANSLATE_NOOP("CoreTexts", "Export the sales history again."),
    "error.empty_rows": QT_TRANSLATE_NOOP("CoreTexts", "The file is empty."),
    "error.empty_rows.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Export the sales history again; the file has no rows."),
    "error.one_column": QT_TRANSLATE_NOOP(
        "CoreTexts", "This is not a table: no line has more than one column."),
    "error.one_column.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "A sales file needs at least a date column and a quantity column, separated "
                     "by commas, semicolons or tabs."),
    "error.row_width": QT_TRANSLATE_NOOP(
        "CoreTexts", "This row has {saw} values but the header has {want} columns."),
    "error.row_width.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "A value probably contains the separator without quotes around it; fix that "
                     "row or export the file again with quoted text."),
    "error.table": QT_TRANSLATE_NOOP("CoreTexts", "The table cannot be read: {error}"),
    "error.table.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Check that the file is a CSV, TSV or Excel export."),
    "error.table_quoting": QT_TRANSLATE_NOOP("CoreTexts", "The table cannot be read: {error}."),
    "error.table_quoting.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Check the separator and the quoting of the file."),
    "error.gzip": QT_TRANSLATE_NOOP("CoreTexts", "The compressed file is damaged ({error})."),
    "error.gzip.hint": QT_TRANSLATE_NOOP("CoreTexts", "Download or export the file again."),
    "error.xls": QT_TRANSLATE_NOOP(
        "CoreTexts", "This is an old Excel (.xls) or other Office file, which is not read."),
    "error.xls.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Open it in Excel or LibreOffice and save it as .xlsx or CSV."),
    "error.pdf": QT_TRANSLATE_NOOP("CoreTexts", "This is a PDF document, not a table."),
    "error.pdf.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Export the sales as CSV or Excel from your shop system."),
    "error.binary": QT_TRANSLATE_NOOP("CoreTexts", "This is a binary file, not a table of text."),
    "error.binary.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Choose a CSV, TSV or .xlsx export of your sales."),
    "error.html": QT_TRANSLATE_NOOP(
        "CoreTexts", "This is a web page or XML document, not a table."),
    "error.html.hint": QT_TRANSLATE_NOOP("CoreTexts", "Save the sales as CSV or Excel instead."),
    "error.json": QT_TRANSLATE_NOOP("CoreTexts", "This looks like JSON, not a table."),
    "error.json.hint": QT_TRANSLATE_NOOP("CoreTexts", "Export the sales as CSV or Excel instead."),
    "error.encoding": QT_TRANSLATE_NOOP(
        "CoreTexts", "The file cannot be read as {encoding} ({error})."),
    "error.encoding.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Choose another encoding, or leave it on automatic."),
    "error.excel": QT_TRANSLATE_NOOP("CoreTexts", "The Excel file cannot be read ({error})."),
    "error.excel.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Open it in Excel or LibreOffice and save it again."),
    "error.no_sheet": QT_TRANSLATE_NOOP("CoreTexts", "The workbook has no sheet '{sheet}'."),
    "error.no_sheet.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Check the sheet name; the sheets are {sheets}."),
    "error.empty_sheet": QT_TRANSLATE_NOOP("CoreTexts", "The sheet '{sheet}' is empty."),
    "error.empty_sheet.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Choose the sheet that holds the sales."),
    "error.zip_damaged": QT_TRANSLATE_NOOP("CoreTexts", "The file is a damaged ZIP or Excel file."),
    "error.zip_damaged.hint": QT_TRANSLATE_NOOP("CoreTexts", "Export it again."),
    "error.zip": QT_TRANSLATE_NOOP("CoreTexts", "This is a ZIP archive, not a table."),
    "error.zip.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Unpack it and choose the CSV or Excel file inside."),
    "error.quote_runaway": QT_TRANSLATE_NOOP(
        "CoreTexts", "A quote (\") opens a value in this row and closes only lines later, so the "
                     "rows in between were read as one cell."),
    "error.quote_runaway.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Remove the stray quote or close it (a quote inside a value is written twice: "
                     "\"\"), then import the file again."),
    "error.quote_open": QT_TRANSLATE_NOOP(
        "CoreTexts", "A quote (\") opens a value in this row and is never closed, so every line "
                     "after it was read as one cell."),
    "error.quote_open.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Remove the stray quote or close it (a quote inside a value is written twice: "
                     "\"\"), then import the file again."),
    "error.memory": QT_TRANSLATE_NOOP(
        "CoreTexts", "The file is too large to import in the memory available."),
    "error.memory.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Split it into shorter periods or close other programs."),
    "error.unexpected_import": QT_TRANSLATE_NOOP(
        "CoreTexts", "Unexpected problem while importing ({error})."),
    "error.unexpected_import.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Please report this together with the file."),
    "error.unexpected_read": QT_TRANSLATE_NOOP(
        "CoreTexts", "Unexpected problem while reading ({error})."),
    "error.unexpected_read.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Please report this together with the file."),
    "error.unknown_role": QT_TRANSLATE_NOOP("CoreTexts", "Unknown column role '{role}'."),
    "error.unknown_role.hint": QT_TRANSLATE_NOOP("CoreTexts", "Use one of: {choices}."),
    "error.no_such_column": QT_TRANSLATE_NOOP(
        "CoreTexts", "There is no column '{name}' for the {role}."),
    "error.no_such_column.hint": QT_TRANSLATE_NOOP("CoreTexts", "Columns are: {columns}."),
    "error.unknown_freq": QT_TRANSLATE_NOOP("CoreTexts", "Unknown frequency '{value}'."),
    "error.unknown_freq.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Use D (daily), W (weekly) or M (monthly)."),
    "error.unknown_layout": QT_TRANSLATE_NOOP("CoreTexts", "Unknown layout '{value}'."),
    "error.unknown_layout.hint": QT_TRANSLATE_NOOP("CoreTexts", "Use one of: {choices}."),
    "error.unknown_series_end": QT_TRANSLATE_NOOP("CoreTexts", "Unknown series end '{value}'."),
    "error.unknown_series_end.hint": QT_TRANSLATE_NOOP("CoreTexts", "Use one of: {choices}."),
    "error.no_rows": QT_TRANSLATE_NOOP(
        "CoreTexts", "The file has column names but no rows of data."),
    "error.no_rows.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Export the sales history again, including its rows."),
    "error.one_row": QT_TRANSLATE_NOOP(
        "CoreTexts", "The file has a single row of data; a forecast needs a history."),
    "error.one_row.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Export several days, weeks or months of sales."),
    "error.nothing_left": QT_TRANSLATE_NOOP(
        "CoreTexts", "No sales are left to import after cleaning."),
    "error.nothing_left.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Check that the quantity column holds units sold."),
    "error.nothing_left_rules": QT_TRANSLATE_NOOP(
        "CoreTexts", "No sales are left to import after cleaning."),
    "error.nothing_left_rules.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Rows removed: {rules}. Check the column roles."),
    "error.no_sales": QT_TRANSLATE_NOOP("CoreTexts", "No product has a sale above 0."),
    "error.no_sales.hint": QT_TRANSLATE_NOOP("CoreTexts", "Check the quantity column."),
    "error.one_period": QT_TRANSLATE_NOOP(
        "CoreTexts", "All sales fall in one {unit} ({date}); a forecast needs at least two "
                     "periods."),
    "error.one_period.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Export a longer history or choose a shorter frequency."),
    "error.decimal": QT_TRANSLATE_NOOP(
        "CoreTexts", "'{value}' does not fit the decimal mark '{decimal}' that was detected "
                     "({cells} cells like it in this column)."),
    "error.decimal.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Choose the decimal mark '{other}' (--decimal {other} on the command line) if "
                     "the file uses it; otherwise correct these cells."),
    "error.decimal_chosen": QT_TRANSLATE_NOOP(
        "CoreTexts", "'{value}' does not fit the decimal mark '{decimal}' that was chosen ({cells} "
                     "cells like it in this column)."),
    "error.decimal_chosen.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Choose the decimal mark '{other}' (--decimal {other} on the command line) if "
                     "the file uses it; otherwise correct these cells."),
    "error.too_many_cells": QT_TRANSLATE_NOOP(
        "CoreTexts", "{products} products from {first} to {last} make {cells} product-{units}, too "
                     "many to hold in memory."),
    "error.too_many_cells.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Check the dates for mistyped years, choose a coarser frequency (--freq W or "
                     "M), or import a shorter period."),
    "error.mixed_unclear": QT_TRANSLATE_NOOP(
        "CoreTexts", "Mixed frequencies: the dates are spaced in {mix}, read month-first; they "
                     "could be day-first or month-first (01/02/2024 is 1 February or 2 January)."),
    "error.mixed_unclear.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Choose the date order (--dayfirst or --monthfirst on the command line); if "
                     "the mix remains, choose one frequency (--freq D, W or M)."),
    "error.mixed": QT_TRANSLATE_NOOP(
        "CoreTexts", "Mixed frequencies: the dates are spaced in {mix}."),
    "error.mixed.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Choose one frequency (--freq D, W or M; the Frequency box in the Import "
                     "panel) and the sales are added up to it."),
    "error.incomplete": QT_TRANSLATE_NOOP(
        "CoreTexts", "The orders do not cover one complete {unit}."),
    "error.incomplete.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Import them daily, or keep the incomplete periods."),
    "error.long_id": QT_TRANSLATE_NOOP(
        "CoreTexts", "This product code is {length} characters long (at most {most} are "
                     "accepted)."),
    "error.long_id.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "The column probably holds other text: choose the product column (--id-col, "
                     "or the Import panel's role boxes) or fix this cell."),
    "error.no_date_column": QT_TRANSLATE_NOOP("CoreTexts", "No date column found."),
    "error.no_date_column.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Choose the column that holds the dates (--date-col in the command line, the "
                     "Date box in the Import panel). Columns are: {columns}."),
    "error.no_role_column": QT_TRANSLATE_NOOP("CoreTexts", "No {role} column found."),
    "error.no_role_column.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Choose the {role} column ({flag} in the command line, the Import panel's "
                     "role boxes). Columns are: {columns}."),
    "error.no_columns": QT_TRANSLATE_NOOP("CoreTexts", "No quantity or product columns found."),
    "error.no_columns.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "A long table needs product and quantity columns; a wide table needs one "
                     "numeric column per product. Choose the columns in the Import panel or on the "
                     "command line."),
    "error.not_date": QT_TRANSLATE_NOOP("CoreTexts", "'{value}' is not a date."),
    "error.not_date.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Dates must look like 2024-01-31, 31/01/2024 or 01/31/2024; fix these cells "
                     "or choose another date column."),
    "error.not_number": QT_TRANSLATE_NOOP("CoreTexts", "'{value}' is not a number."),
    "error.not_number.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Quantities must be numbers such as 3 or 2.5 (or 2,5 with a decimal comma); "
                     "fix these cells or choose another quantity column."),
    "error.huge_quantity": QT_TRANSLATE_NOOP(
        "CoreTexts", "'{value}' is too large to be a quantity."),
    "error.huge_quantity.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Correct these cells (a stray exponent such as 1e308, digits typed twice?) or "
                     "choose another column."),
    "error.huge_price": QT_TRANSLATE_NOOP("CoreTexts", "'{value}' is too large to be a price."),
    "error.huge_price.hint": QT_TRANSLATE_NOOP(
        "CoreTexts", "Correct these cells (a stray exponent such as 1e308, digits typed twice?) or "
                     "choose another column."),
    "error.more_cells": QT_TRANSLATE_NOOP("CoreTexts", "{count} more cells have the same problem."),
    "error.more_rows": QT_TRANSLATE_NOOP(
        "CoreTexts", "{count} more rows in column '{name}' have the same problem."),
}
