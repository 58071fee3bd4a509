"""The errors that stop an import, as templates with named fields (like the warnings in
`core.data.problem_texts`), so a user interface in another language shows them in its own words
(`gui.error_texts`); the CLI prints the English.

An error is made with `fail(path, key, row=..., column=..., **fields)`: its hint is the template
`key + ".hint"` when there is one. Field values are strings formatted by the writer; `error` is
a library's own message (shown as it is), `unit` a word of `core.schema.FREQ_UNITS`, `mix`
the spacings found as data ("days:12,weeks:3", see `mix_field`), which each edge words itself.
"""
from __future__ import annotations

from pathlib import Path

from core.errors import InputError, Problem

_QUOTE_HINT = ("Remove the stray quote or close it (a quote inside a value is written twice: "
               "\"\"), then import the file again.")
_SURPLUS_HINT = ("A value probably contains the separator without quotes around it; fix that "
                 "row or export the file again with quoted text.")

ERRORS: dict[str, str] = {
    # Opening the file (core.data.reading, sniffing, excel).
    "error.unreadable": "The file cannot be read: {error}.",
    "error.unreadable.hint": "Check that you may open it and that no other program holds it.",
    "error.missing": "The file does not exist.",
    "error.missing.hint": "Check the path and the file name.",
    "error.folder": "This is a folder, not a file.",
    "error.folder.hint": "Choose a sales file inside it.",
    "error.empty": "The file is empty.",
    "error.empty.hint": "Export the sales history again.",
    "error.empty_rows": "The file is empty.",
    "error.empty_rows.hint": "Export the sales history again; the file has no rows.",
    "error.one_column": "This is not a table: no line has more than one column.",
    "error.one_column.hint": "A sales file needs at least a date column and a quantity column, "
                             "separated by commas, semicolons or tabs.",
    "error.row_width": "This row has {saw} values but the header has {want} columns.",
    "error.row_width.hint": _SURPLUS_HINT,
    "error.table": "The table cannot be read: {error}",
    "error.table.hint": "Check that the file is a CSV, TSV or Excel export.",
    "error.table_quoting": "The table cannot be read: {error}.",
    "error.table_quoting.hint": "Check the separator and the quoting of the file.",
    "error.gzip": "The compressed file is damaged ({error}).",
    "error.gzip.hint": "Download or export the file again.",
    "error.xls": "This is an old Excel (.xls) or other Office file, which is not read.",
    "error.xls.hint": "Open it in Excel or LibreOffice and save it as .xlsx or CSV.",
    "error.pdf": "This is a PDF document, not a table.",
    "error.pdf.hint": "Export the sales as CSV or Excel from your shop system.",
    "error.binary": "This is a binary file, not a table of text.",
    "error.binary.hint": "Choose a CSV, TSV or .xlsx export of your sales.",
    "error.html": "This is a web page or XML document, not a table.",
    "error.html.hint": "Save the sales as CSV or Excel instead.",
    "error.json": "This looks like JSON, not a table.",
    "error.json.hint": "Export the sales as CSV or Excel instead.",
    "error.encoding": "The file cannot be read as {encoding} ({error}).",
    "error.encoding.hint": "Choose another encoding, or leave it on automatic.",
    "error.excel": "The Excel file cannot be read ({error}).",
    "error.excel.hint": "Open it in Excel or LibreOffice and save it again.",
    "error.no_sheet": "The workbook has no sheet '{sheet}'.",
    "error.no_sheet.hint": "Check the sheet name; the sheets are {sheets}.",
    "error.empty_sheet": "The sheet '{sheet}' is empty.",
    "error.empty_sheet.hint": "Choose the sheet that holds the sales.",
    "error.zip_damaged": "The file is a damaged ZIP or Excel file.",
    "error.zip_damaged.hint": "Export it again.",
    "error.zip": "This is a ZIP archive, not a table.",
    "error.zip.hint": "Unpack it and choose the CSV or Excel file inside.",
    "error.quote_runaway": "A quote (\") opens a value in this row and closes only lines later, "
                           "so the rows in between were read as one cell.",
    "error.quote_runaway.hint": _QUOTE_HINT,
    "error.quote_open": "A quote (\") opens a value in this row and is never closed, so every "
                        "line after it was read as one cell.",
    "error.quote_open.hint": _QUOTE_HINT,
    # Reading the table (core.data.importer, layouts, product_ids).
    "error.memory": "The file is too large to import in the memory available.",
    "error.memory.hint": "Split it into shorter periods or close other programs.",
    "error.unexpected_import": "Unexpected problem while importing ({error}).",
    "error.unexpected_import.hint": "Please report this together with the file.",
    "error.unexpected_read": "Unexpected problem while reading ({error}).",
    "error.unexpected_read.hint": "Please report this together with the file.",
    "error.unknown_role": "Unknown column role '{role}'.",
    "error.unknown_role.hint": "Use one of: {choices}.",
    "error.no_such_column": "There is no column '{name}' for the {role}.",
    "error.no_such_column.hint": "Columns are: {columns}.",
    "error.unknown_freq": "Unknown frequency '{value}'.",
    "error.unknown_freq.hint": "Use D (daily), W (weekly) or M (monthly).",
    "error.unknown_layout": "Unknown layout '{value}'.",
    "error.unknown_layout.hint": "Use one of: {choices}.",
    "error.unknown_series_end": "Unknown series end '{value}'.",
    "error.unknown_series_end.hint": "Use one of: {choices}.",
    "error.no_rows": "The file has column names but no rows of data.",
    "error.no_rows.hint": "Export the sales history again, including its rows.",
    "error.one_row": "The file has a single row of data; a forecast needs a history.",
    "error.one_row.hint": "Export several days, weeks or months of sales.",
    "error.nothing_left": "No sales are left to import after cleaning.",
    "error.nothing_left.hint": "Check that the quantity column holds units sold.",
    "error.nothing_left_rules": "No sales are left to import after cleaning.",
    "error.nothing_left_rules.hint": "Rows removed: {rules}. Check the column roles.",
    "error.no_sales": "No product has a sale above 0.",
    "error.no_sales.hint": "Check the quantity column.",
    "error.one_period": "All sales fall in one {unit} ({date}); a forecast needs at least two "
                        "periods.",
    "error.one_period.hint": "Export a longer history or choose a shorter frequency.",
    "error.decimal": "'{value}' does not fit the decimal mark '{decimal}' that was detected "
                     "({cells} cells like it in this column).",
    "error.decimal.hint": "Choose the decimal mark '{other}' (--decimal {other} on the command "
                          "line) if the file uses it; otherwise correct these cells.",
    "error.decimal_chosen": "'{value}' does not fit the decimal mark '{decimal}' that was chosen "
                            "({cells} cells like it in this column).",
    "error.decimal_chosen.hint": "Choose the decimal mark '{other}' (--decimal {other} on the "
                                 "command line) if the file uses it; otherwise correct these "
                                 "cells.",
    "error.too_many_cells": "{products} products from {first} to {last} make {cells} "
                            "product-{units}, too many to hold in memory.",
    "error.too_many_cells.hint": "Check the dates for mistyped years, choose a coarser "
                                 "frequency (--freq W or M), or import a shorter period.",
    "error.mixed_unclear": "Mixed frequencies: the dates are spaced in {mix}, read month-first; "
                           "they could be day-first or month-first (01/02/2024 is 1 February or "
                           "2 January).",
    "error.mixed_unclear.hint": "Choose the date order (--dayfirst or --monthfirst on the command "
                                "line); if the mix remains, choose one frequency (--freq D, W or "
                                "M).",
    "error.mixed": "Mixed frequencies: the dates are spaced in {mix}.",
    "error.mixed.hint": "Choose one frequency (--freq D, W or M; the Frequency box in the Import "
                        "panel) and the sales are added up to it.",
    "error.incomplete": "The orders do not cover one complete {unit}.",
    "error.incomplete.hint": "Import them daily, or keep the incomplete periods.",
    "error.long_id": "This product code is {length} characters long (at most {most} are "
                     "accepted).",
    "error.long_id.hint": "The column probably holds other text: choose the product column "
                          "(--id-col, or the Import panel's role boxes) or fix this cell.",
    "error.no_date_column": "No date column found.",
    "error.no_date_column.hint": "Choose the column that holds the dates (--date-col in the "
                                 "command line, the Date box in the Import panel). Columns are: "
                                 "{columns}.",
    "error.no_role_column": "No {role} column found.",
    "error.no_role_column.hint": "Choose the {role} column ({flag} in the command line, the "
                                 "Import panel's role boxes). Columns are: {columns}.",
    "error.no_columns": "No quantity or product columns found.",
    "error.no_columns.hint": "A long table needs product and quantity columns; a wide table "
                             "needs one numeric column per product. Choose the columns in the "
                             "Import panel or on the command line.",
    # One bad cell each (core.data.layouts); at most a few are listed, then how many more.
    "error.not_date": "'{value}' is not a date.",
    "error.not_date.hint": "Dates must look like 2024-01-31, 31/01/2024 or 01/31/2024; fix these "
                           "cells or choose another date column.",
    "error.not_number": "'{value}' is not a number.",
    "error.not_number.hint": "Quantities must be numbers such as 3 or 2.5 (or 2,5 with a decimal "
                             "comma); fix these cells or choose another quantity column.",
    "error.huge_quantity": "'{value}' is too large to be a quantity.",
    "error.huge_quantity.hint": "Correct these cells (a stray exponent such as 1e308, digits "
                                "typed twice?) or choose another column.",
    "error.huge_price": "'{value}' is too large to be a price.",
    "error.huge_price.hint": "Correct these cells (a stray exponent such as 1e308, digits typed "
                             "twice?) or choose another column.",
    "error.more_cells": "{count} more cells have the same problem.",
    "error.more_rows": "{count} more rows in column '{name}' have the same problem.",
}


def mix_field(steps: dict[str, int]) -> str:
    """The `mix` field: each spacing's unit word and how many steps have it."""
    return ",".join(f"{unit}:{count}" for unit, count in steps.items())


def mix_steps(field: str) -> list[tuple[str, str]]:
    return [tuple(part.split(":", 1)) for part in field.split(",")]


def _english(name: str, value: str) -> str:
    if name == "mix":
        return " and ".join(f"{unit} ({count} steps)" for unit, count in mix_steps(value))
    return value


def problem(path: Path | str, key: str, *, row: int | None = None, column: str | None = None,
            **fields: str) -> Problem:
    """An error Problem from template `key`, its hint from `key + ".hint"` when there is one."""
    hint_key = f"{key}.hint" if f"{key}.hint" in ERRORS else None
    english = {name: _english(name, value) for name, value in fields.items()}
    return Problem(ERRORS[key].format(**english),
                   ERRORS[hint_key].format(**english) if hint_key else "",
                   file=str(path), row=row, column=column, key=key, hint_key=hint_key,
                   fields=tuple(fields.items()))


def fail(path: Path | str, key: str, *, row: int | None = None, column: str | None = None,
         **fields: str) -> InputError:
    """An InputError with one problem about `path` (use: `raise fail(...)`)."""
    return InputError([problem(path, key, row=row, column=column, **fields)])
