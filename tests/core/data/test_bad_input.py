"""Every kind of bad input gets an InputError that names the file, row, column and a fix."""
from __future__ import annotations

import gzip

import pandas as pd
import pytest

from core.data import ImportOptions, load, preview
from core.data.types import READABLE_SUFFIXES
from core.errors import InputError


def problems_of(path, options=None):
    with pytest.raises(InputError) as caught:
        load(path, options)
    problems = caught.value.problems
    assert problems and all(p.file == str(path) for p in problems)
    assert "Unexpected" not in str(caught.value)
    return problems


@pytest.mark.parametrize("content", [b"", b"  \n\n \r\n"])
def test_empty_file(write, content):
    (problem,) = problems_of(write("empty.csv", content))
    assert problem.message == "The file is empty."
    assert problem.hint


def test_header_without_rows(write):
    (problem,) = problems_of(write("header.csv", "date,sku,qty\n"))
    assert "no rows of data" in problem.message


def test_no_date_column(write):
    (problem,) = problems_of(write("nodate.csv", "sku,qty\na,1\nb,2\na,3\n"))
    assert problem.message == "No date column found."
    assert "--date-col" in problem.hint and "'sku'" in problem.hint


def test_unparseable_dates_name_row_column_and_value(write):
    path = write("dates.csv", "date,sku,qty\n2024-01-01,a,1\nsoon,a,2\n2024-01-03,a,1\n"
                              "2024-13-45,a,1\n")
    problems = problems_of(path)
    assert [(p.row, p.column) for p in problems] == [(3, "date"), (5, "date")]
    assert problems[0].message == "'soon' is not a date."
    assert "2024-01-31" in problems[0].hint
    assert str(problems[0]).startswith(f"{path}, row 3, column 'date': 'soon' is not a date.")


def test_non_numeric_quantities(write):
    text = "date,sku,qty\n" + "".join(f"2024-01-{d:02d},a,x{d}\n" for d in range(1, 10))
    problems = problems_of(write("qty.csv", text))
    assert problems[0].row == 2 and problems[0].column == "qty"
    assert problems[0].message == "'x1' is not a number."
    assert "2,5 with a decimal comma" in problems[0].hint
    assert len(problems) == 6 and "4 more rows" in problems[-1].message


def test_non_numeric_cell_in_a_wide_table(write):
    path = write("wide.csv", "date,apple,pear\n2024-01-01,1,2\n2024-01-02,1,2\n"
                             "2024-01-03,1,two\n2024-01-04,1,2\n2024-01-05,1,2\n"
                             "2024-01-06,1,2\n2024-01-07,1,2\n2024-01-08,1,2\n"
                             "2024-01-09,1,2\n2024-01-10,1,2\n2024-01-11,1,2\n")
    (problem,) = problems_of(path)
    assert (problem.row, problem.column, problem.message) == (4, "pear", "'two' is not a number.")


def test_single_row(write):
    (problem,) = problems_of(write("one.csv", "date,sku,qty\n2024-01-01,a,1\n"))
    assert "single row" in problem.message and problem.row == 2


def test_all_sales_in_one_period(write):
    (problem,) = problems_of(write("oneday.csv", "date,sku,qty\n2024-01-01,a,1\n2024-01-01,b,2\n"))
    assert "at least two periods" in problem.message


def test_mixed_frequencies(write):
    daily = "".join(f"2024-01-{d:02d},a,1\n" for d in range(1, 8))
    monthly = "".join(f"2024-{m:02d}-01,b,5\n" for m in range(1, 8))
    path = write("mixed.csv", "date,sku,qty\n" + daily + monthly)
    (problem,) = problems_of(path)
    assert problem.message.startswith("Mixed frequencies")
    assert "--freq" in problem.hint
    assert load(path, ImportOptions(freq="M")).freq == "M"  # the user's choice resolves it


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
                                     bytes(range(256)) * 4])
def test_binary_file(write, content):
    (problem,) = problems_of(write("picture.csv", content))
    assert "binary file" in problem.message


def test_binary_inside_gzip(write):
    (problem,) = problems_of(write("blob.csv.gz", gzip.compress(bytes(range(256)) * 8)))
    assert "binary file" in problem.message


@pytest.mark.parametrize(("content", "expected"), [
    ("Dear customer,\nthank you for your order.\nRegards\n", "not a table"),
    ('{"orders": [1, 2, 3]}', "JSON"),
    ("<!DOCTYPE html><html><body>Sales</body></html>", "web page"),
])
def test_file_that_is_not_a_table(write, content, expected):
    (problem,) = problems_of(write("notes.csv", content))
    assert expected in problem.message


def test_old_excel_and_plain_zip(write):
    (problem,) = problems_of(write("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600))
    assert ".xls" in problem.message and "save it as .xlsx or CSV" in problem.hint
    (problem,) = problems_of(write("archive.zip", b"PK\x03\x04" + b"\0" * 100))
    assert "damaged" in problem.message


def test_row_with_too_many_values(write):
    (problem,) = problems_of(write("ragged.csv", "date,sku,qty\n2024-01-01,a,1\n"
                                                 "2024-01-02,a,1,5\n2024-01-03,a,2\n"))
    assert problem.row == 3 and "has 4 values" in problem.message


def test_override_naming_a_missing_column(write):
    path = write("ok.csv", "date,sku,qty\n2024-01-01,a,1\n2024-01-02,a,2\n")
    (problem,) = problems_of(path, ImportOptions(roles={"quantity": "units"}))
    assert problem.message == "There is no column 'units' for the quantity."
    assert "'qty'" in problem.hint


def test_missing_file_and_preview_errors(tmp_path):
    (problem,) = problems_of(tmp_path / "nope.csv")
    assert "does not exist" in problem.message
    with pytest.raises(InputError, match="binary"):
        path = tmp_path / "bin.csv"
        path.write_bytes(b"\0\1\2" * 100)
        preview(path)


def test_failed_import_leaves_the_folder_untouched(write, tmp_path):
    path = write("bad.csv", "date,sku,qty\n2024-01-01,a,1\nnever,a,2\n")
    before = sorted(p.name for p in tmp_path.iterdir())
    problems_of(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_row_numbers_count_blank_lines(write):
    path = write("blank.csv", "date,sku,qty\n2024-01-01,a,1\n\n2024-01-02,a,1\n\nnope,a,1\n")
    (problem,) = problems_of(path)
    assert problem.row == 6


def test_unreadable_file(write, monkeypatch):
    path = write("locked.csv", "date,sku,qty\n2024-01-01,a,1\n2024-01-02,a,2\n")

    def locked(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(path), "open", locked)
    (problem,) = problems_of(path)
    assert problem.message == "The file cannot be read: Permission denied."
    assert "no other program holds it" in problem.hint


# Issue #11: input that used to be silently misread.

TWO_DAYS = "date,sku,qty\n2011-12-01,a,1\n2011-12-02,a,2\n2011-12-01,b,3\n2011-12-02,b,1\n"


@pytest.mark.parametrize("year", [1900, 2030, 2199])
def test_a_mistyped_year_is_set_aside_and_named(write, year):
    result = load(write("stray.csv", TWO_DAYS + f"{year}-12-02,b,1\n"))
    assert len(result.frame) == 4  # 2 products x 2 days, not a grid up to the stray date
    assert result.summary.end == pd.Timestamp("2011-12-02")
    assert result.summary.dropped == {"date far from the rest": 1}
    (warning,) = [p for p in result.problems if "far from all the others" in p.message]
    assert warning.row == 6 and f"row 6 ({year}-12-02)" in warning.message


def test_a_closed_season_is_not_a_stray_date(write):
    summers = [d for y in (2021, 2022, 2023) for d in pd.date_range(f"{y}-06-01", f"{y}-08-31")]
    text = "date,sku,qty\n" + "".join(f"{d:%Y-%m-%d},a,1\n" for d in summers)
    result = load(write("seasonal.csv", text))
    assert "date far from the rest" not in result.summary.dropped
    assert result.summary.start == pd.Timestamp("2021-06-01")


def test_a_grid_too_large_for_memory_is_refused(write):
    rows = "".join(f"{d},p{i},1\n" for i in range(1500) for d in ("1900-01-01", "2199-12-31"))
    (problem,) = problems_of(write("huge.csv", "date,sku,qty\n" + rows))
    assert "too many to hold in memory" in problem.message and "--freq W or M" in problem.hint


def test_an_absurdly_long_product_code_is_refused_with_its_row(write):
    path = write("long_id.csv", TWO_DAYS + f"2011-12-02,{'x' * 20_000},1\n")
    (problem,) = problems_of(path)
    assert (problem.row, problem.column) == (6, "sku")
    assert "20,000 characters long" in problem.message and "--id-col" in problem.hint


def test_long_ids_cost_no_fixed_width_copy():
    """Panel ids stay object strings: a fixed-width copy of 2,000-char ids took 2.4 GB."""
    from core.models.panel import Panel
    ids = ["x" * 2000 + str(i % 2) for i in range(6)]
    frame = pd.DataFrame({"unique_id": ids, "ds": pd.date_range("2024-01-01", periods=6),
                          "y": 1.0})
    panel = Panel.from_frame(frame, "D")
    assert panel.ids.dtype == object and sorted(panel.ids) == sorted(set(ids))


def test_invisible_characters_and_spaces_around_codes_merge_and_are_reported(write):
    text = ("date,sku,qty\n2011-12-01,a,1\n2011-12-02,a,2\n2011-12-01,\ufeffa,3\n"
            "2011-12-02, a\t,1\n2011-12-01,b\u200b,5\n2011-12-02,b,1\n")
    result = load(write("bom.csv", text))
    assert sorted(result.frame["unique_id"].unique()) == ["a", "b"]
    assert result.frame.groupby("unique_id")["y"].sum().to_dict() == {"a": 7, "b": 6}
    assert result.summary.ids_cleaned == 3 and result.summary.ids_merged == ["a", "b"]
    lines = result.summary.lines()
    assert "3 product code spellings had invisible characters or surrounding spaces removed" \
        in lines and "product codes that became one after that: 'a', 'b'" in lines


def _workbook(path, sheets: dict[str, list[list]]):
    import openpyxl
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_a_value_in_the_last_excel_cell_costs_no_memory(tmp_path):
    import openpyxl
    rows = [["date", "sku", "qty"]] + [[f"2024-01-0{d}", "a", d] for d in range(1, 9)]
    path = _workbook(tmp_path / "far.xlsx", {"Sales": rows})
    book = openpyxl.load_workbook(path)
    book["Sales"]["XFD1048576"] = 1  # the sheet's rectangle: 17 billion cells
    book.save(path)
    result = load(path)
    assert result.summary.dropped == {"no date": 1}  # the lone cell's row, reported
    assert result.frame["y"].tolist() == list(range(1, 9))


def test_data_on_the_second_sheet_is_found_and_the_others_listed(tmp_path):
    rows = [["date", "sku", "qty"]] + [[f"2024-01-0{d}", "a", d] for d in range(1, 9)]
    path = _workbook(tmp_path / "second.xlsx", {"Cover": [["Sales 2024"]], "Data": rows})
    result = load(path)
    assert result.frame["y"].sum() == 36
    (note,) = [p for p in result.problems if "sheet" in p.message]
    assert note.message == "Read the sheet 'Data'; the workbook also has 'Cover' (no table)."
    table = preview(path)
    assert (table.sheets, table.sheet) == (["Cover", "Data"], "Data")


def test_a_history_split_over_sheets_is_reported(tmp_path):
    head = [["date", "sku", "qty"]]
    path = _workbook(tmp_path / "split.xlsx", {
        "2023": head + [[f"2023-01-0{d}", "a", d] for d in range(1, 9)],
        "2024": head + [[f"2024-01-0{d}", "a", d] for d in range(1, 9)]})
    result = load(path)
    (note,) = [p for p in result.problems if "sheet" in p.message]
    assert "'2024' (data with the same columns)" in note.message
    assert "--sheet" in note.hint and "copy it into one sheet" in note.hint
    assert load(path, ImportOptions(sheet="2024")).summary.start == pd.Timestamp("2024-01-01")


@pytest.mark.parametrize("suffix", READABLE_SUFFIXES)
def test_every_file_type_the_open_dialog_offers_is_read(tmp_path, suffix):
    rows = [["date", "sku", "qty"]] + [[f"2024-01-0{d}", "a", d] for d in range(1, 9)]
    path = tmp_path / f"sales{suffix}"
    if suffix == ".xlsx":
        _workbook(path, {"Sales": rows})
    else:
        sep = "\t" if ".tsv" in suffix else ","
        data = "\n".join(sep.join(map(str, r)) for r in rows).encode()
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    assert load(path).frame["y"].sum() == 36
    assert ".xls" not in READABLE_SUFFIXES  # refused (test_old_excel_and_plain_zip)


def test_iso_dates_mixed_with_day_first_dates_keep_their_day_and_month(write):
    text = "date,sku,qty\n2024-01-05,a,1\n2024-01-06,a,2\n08/01/2024,a,3\n13/01/2024,a,4\n"
    result = load(write("mixed_dates.csv", text))
    sold = result.frame[result.frame["y"] > 0]
    assert dict(zip(sold["ds"].dt.strftime("%m-%d"), sold["y"], strict=True)) == {
        "01-05": 1, "01-06": 2, "01-08": 3, "01-13": 4}
    chosen = load(write("mixed_dates2.csv", text), ImportOptions(dayfirst=True))
    assert chosen.summary.start == pd.Timestamp("2024-01-05")  # not 2024-05-01


def test_an_unclear_day_order_among_iso_dates_is_reported(write):
    text = "date,sku,qty\n2024-01-05,a,1\n2024-01-16,a,2\n08/01/2024,a,3\n09/01/2024,a,4\n"
    result = load(write("unclear.csv", text))
    assert any("could be day-first or month-first" in p.message for p in result.problems)


def test_the_day_order_is_decided_from_the_whole_column(write):
    days = [f"{d:%m/%d/%Y}" for d in pd.date_range("2020-01-01", periods=6000)]
    ambiguous = [d for d in days if int(d[3:5]) <= 12]  # 01/02/2020 style only
    text = "date,sku,qty\n" + "".join(f"{d},a,1\n" for d in ambiguous[:5500]) + \
        "12/25/2020,a,9\n"  # the only date showing the order, after row 5,000
    result = load(write("late_evidence.csv", text))
    assert result.frame.set_index("ds").loc["2020-12-25", "y"] == 9


def test_a_stray_quote_that_swallows_rows_is_refused_with_its_row(write):
    text = ('date,sku,qty\n2024-01-01,a,1\n2024-01-02,"b,2\n2024-01-03,c,3\n2024-01-04,"d,4\n'
            "2024-01-05,e,5\n2024-01-06,f,6\n")
    (problem,) = problems_of(write("quote.csv", text))
    assert problem.row == 3 and "closes only lines later" in problem.message
    assert '""' in problem.hint


def test_a_quote_never_closed_names_its_row(write):
    text = 'date,sku,qty\n2024-01-01,a,1\n2024-01-02,"b,2\n2024-01-03,c,3\n2024-01-05,e,5\n'
    (problem,) = problems_of(write("open_quote.csv", text))
    assert problem.row == 3 and "never closed" in problem.message


def test_a_description_over_two_lines_is_kept_and_later_rows_are_counted_right(write):
    text = ('date,sku,title,qty\n2024-01-01,a,"Mug, blue\nlarge",1\n2024-01-02,a,Mug,2\n'
            '2024-01-03,a,"Mug, red",x\n')
    (problem,) = problems_of(write("multiline.csv", text))
    assert problem.row == 5 and problem.message == "'x' is not a number."
    fixed = write("multiline_ok.csv", text.replace(",x\n", ",3\n"))
    assert load(fixed).frame["y"].sum() == 6


def test_absurd_quantities_and_prices_are_refused_with_their_rows(write):
    text = ("date,sku,qty,price\n2024-01-01,a,1,2\n2024-01-02,a,1e308,2\n2024-01-03,a,1e308,2\n"
            "2024-01-04,a,2,3\n")
    problems = problems_of(write("huge_qty.csv", text))
    assert [(p.row, p.column) for p in problems] == [(3, "qty"), (4, "qty")]
    assert problems[0].message == "'1e308' is too large to be a quantity."
    (problem,) = problems_of(write("huge_price.csv", text.replace("1e308", "1").replace(
        "2,3\n", "2,1e300\n")))
    assert (problem.row, problem.column) == (5, "price") and "too large to be a price" in \
        problem.message


def test_quantities_in_a_wide_table_name_the_product_column(write):
    text = "date,apple,pear\n" + "".join(f"2024-01-{d:02d},1,2\n" for d in range(1, 9)) + \
        "2024-01-09,1,9e99\n"
    (problem,) = problems_of(write("wide_huge.csv", text))
    assert (problem.row, problem.column) == (10, "pear")


def test_a_decimal_comma_chosen_for_dot_decimal_numbers_is_refused(write):
    path = write("dots.csv", "date;sku;qty\n2024-01-01;a;43.0\n2024-01-02;a;12.5\n"
                             "2024-01-03;a;1.000\n")
    (problem,) = problems_of(path, ImportOptions(decimal=","))
    assert (problem.row, problem.column) == (2, "qty")
    assert "'43.0' does not fit the decimal mark ','" in problem.message
    assert "--decimal ." in problem.hint
    assert load(path).summary.total_quantity == 56.5  # detected: a decimal point


def test_the_decimal_mark_is_detected_from_the_whole_file(write):
    rows = "".join(f"2024-01-{1 + i % 28:02d};a;{i % 9 + 1}\n" for i in range(400))
    path = write("late_comma.csv", "date;sku;qty\n" + rows + "2024-01-29;a;2,5\n"
                 "2024-01-30;a;1,5\n")
    assert load(path).summary.total_quantity == sum(i % 9 + 1 for i in range(400)) + 4.0


def test_invisible_characters_before_dates_and_numbers_are_ignored(write):
    # Issue #11 s6 "a BOM in mid-file": when it lands before a date or a number (the file's first
    # column is the date), the cell was refused as "'2011-01-13' is not a date", showing a date
    # that looks right: the user could not see what to fix.
    text = ("date,sku,qty,price\n2011-01-12,a,1,2.5\n\ufeff2011-01-13,a,2,2.5\n"
            "2011-01-14,a,\u200b3,\ufeff2.5\n2011-01-15,a,4\u2060,2.5\n")
    result = load(write("bom_dates.csv", text))
    assert result.frame.set_index("ds")["y"].to_dict() == {
        pd.Timestamp("2011-01-12"): 1, pd.Timestamp("2011-01-13"): 2,
        pd.Timestamp("2011-01-14"): 3, pd.Timestamp("2011-01-15"): 4}
    assert result.frame["price"].eq(2.5).all()
    result = load(write("bom_dates_comma.csv", text.replace(",", ";").replace("2.5", "2,5")),
                  ImportOptions(decimal=","))
    assert result.frame["y"].sum() == 10 and result.frame["price"].eq(2.5).all()


def test_mixed_frequencies_from_an_unclear_day_order_say_so(write):
    # ISO dates in January, then 01/02/2011 .. 12/02/2011: read month-first they are spaced a
    # month apart, and the "Mixed frequencies" error told the user to choose --freq, which then
    # stretched 31 days of sales over 11 months. The error must name the day order.
    days = pd.date_range("2011-01-13", "2011-02-12")
    text = "date,sku,qty\n" + "".join(
        (f"{d:%Y-%m-%d}" if d.month == 1 else f"{d:%d/%m/%Y}") + ",a,1\n" for d in days)
    path = write("unclear_mixed.csv", text)
    (problem,) = problems_of(path)
    assert "day-first or month-first" in problem.message
    assert "--dayfirst" in problem.hint and "--monthfirst" in problem.hint
    assert load(path, ImportOptions(dayfirst=True)).summary.end == pd.Timestamp("2011-02-12")
