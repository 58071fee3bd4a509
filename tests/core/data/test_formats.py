"""What shops really export: encodings, separators, layouts, order exports, Excel and gzip."""
from __future__ import annotations

import gzip

import openpyxl
import pandas as pd
import pytest

from core.data import ImportOptions, load, preview
from core.errors import InputError
from core.schema import DS, ID, Y
from tests.core.data.conftest import FIXTURES


def series(result, product: str) -> dict[str, float]:
    rows = result.frame[result.frame[ID] == product]
    return {f"{d:%Y-%m-%d}": y for d, y in zip(rows[DS], rows[Y], strict=True)}


def test_gbk_with_chinese_column_names():
    result = load(FIXTURES / "gbk_long.csv")
    assert result.roles == {"date": "日期", "product": "商品编码", "quantity": "销量",
                            "price": "单价", "title": "商品名称"}
    assert series(result, "A001") == {"2024-01-01": 3, "2024-01-02": 2, "2024-01-03": 4,
                                      "2024-01-04": 0}
    assert set(result.frame["title"]) == {"红茶", "绿茶"}
    assert result.summary.gaps == 2


def test_latin1_semicolons_decimal_comma_and_dotted_day_first_dates():
    result = load(FIXTURES / "latin1_semicolon.csv")
    assert preview(FIXTURES / "latin1_semicolon.csv").delimiter == ";"
    assert series(result, "K-1") == {"2024-01-13": 2, "2024-01-14": 1, "2024-01-15": 1.5,
                                     "2024-01-16": 0}
    assert series(result, "B-7")["2024-01-16"] == 1000  # 1.000 with a decimal comma
    assert result.frame.loc[result.frame[ID] == "K-1", "title"].iloc[0] == "Käse würzig"
    assert result.frame.loc[result.frame[ID] == "K-1", "price"].iloc[2] == pytest.approx(3.2)
    assert "list_price" not in result.frame  # one row per period: nothing to add to the price


def test_utf8_bom_order_lines_drop_returns_and_weight_prices():
    result = load(FIXTURES / "utf8_bom_orders.csv")
    assert result.layout == "orders"
    assert result.roles["product"] == "SKU" and result.roles["order"] == "Order ID"
    assert series(result, "SKU-1") == {"2024-02-01": 3, "2024-02-02": 0, "2024-02-03": 0}
    price = result.frame.loc[result.frame[ID] == "SKU-1", "price"].iloc[0]
    assert price == pytest.approx((2 * 5 + 1 * 6) / 3, abs=1e-4)
    list_price = result.frame.loc[result.frame[ID] == "SKU-1", "list_price"].iloc[0]
    assert list_price == 6  # one line each at 5 and 6: the tie goes to the list price
    assert result.summary.dropped == {"returns": 1}


def test_tsv_weekly_month_first_with_a_gap_and_leading_zero_trimmed():
    result = load(FIXTURES / "weekly.tsv")
    assert result.freq == "W"
    assert series(result, "apple") == {"2024-01-07": 10, "2024-01-14": 12, "2024-01-21": 0,
                                       "2024-01-28": 9}
    assert series(result, "pear") == {"2024-01-21": 4, "2024-01-28": 5}
    assert any("count as 0 sales" in p.message for p in result.problems)


def test_wide_table_one_column_per_product():
    result = load(FIXTURES / "wide_monthly.csv")
    assert (result.layout, result.freq) == ("wide", "M")
    # The table writes zeros (Green shirt), so Blue shirt's empty last cell was not recorded:
    # its series ends at its last filled cell (core.data.series_end; shared pads it with 0).
    assert series(result, "Blue shirt") == {"2023-02-01": 2, "2023-03-01": 3}
    padded = load(FIXTURES / "wide_monthly.csv", ImportOptions(series_end="shared"))
    assert series(padded, "Blue shirt") == {"2023-02-01": 2, "2023-03-01": 3, "2023-04-01": 0}
    assert series(result, "Green shirt") == {"2023-03-01": 1, "2023-04-01": 2}
    assert result.summary.products == 3


def test_wide_orders_one_row_per_receipt():
    result = load(FIXTURES / "wide_orders.csv")
    assert result.layout == "wide_orders"
    assert series(result, "Espresso") == {"2024-05-06": 1, "2024-05-07": 2, "2024-05-08": 1}
    assert series(result, "Latte") == {"2024-05-06": 2, "2024-05-07": 1, "2024-05-08": 0}
    assert result.summary.dropped == {}


def test_shopify_export_drops_refunded_voided_and_cancelled_orders():
    result = load(FIXTURES / "shopify_orders.csv")
    assert result.roles["order"] == "Name" and result.roles["product"] == "Lineitem sku"
    # #1002 refunded, #1003 cancelled, #1005 voided; #1004 partially refunded is kept, and its
    # free gift box (no SKU, price 0) is not a sale. Times keep the shop's local date.
    assert series(result, "TT-1") == {"2024-03-01": 2, "2024-03-02": 0, "2024-03-03": 4,
                                      "2024-03-04": 0, "2024-03-05": 0}
    assert series(result, "TS-2") == {"2024-03-01": 1, "2024-03-02": 0, "2024-03-03": 0,
                                      "2024-03-04": 0, "2024-03-05": 1}
    assert result.summary.dropped == {"cancelled": 3, "non-positive price": 1}


def test_woocommerce_export_drops_cancelled_and_refunded_orders():
    result = load(FIXTURES / "woocommerce_orders.csv")
    assert result.roles["status"] == "Order Status"
    assert series(result, "W-1") == {"2024-04-01": 2, "2024-04-02": 1, "2024-04-03": 0,
                                     "2024-04-04": 0}
    assert series(result, "W-2")["2024-04-03"] == 0
    assert result.frame.loc[result.frame[ID] == "W-1", "title"].iloc[0] == "Candle, vanilla"
    assert result.summary.dropped == {"cancelled": 2}


def test_time_zone_offsets_keep_the_local_date():
    result = load(FIXTURES / "timezones.csv")
    assert series(result, "X") == {"2024-03-30": 1, "2024-03-31": 5, "2024-04-01": 4,
                                   "2024-04-02": 0}


def test_day_first_dates_are_detected_and_can_be_overridden():
    result = load(FIXTURES / "dayfirst.csv")
    assert preview(FIXTURES / "dayfirst.csv").dayfirst is True
    assert series(result, "cup")["2024-01-13"] == 2
    assert result.frame[DS].min() == pd.Timestamp("2024-01-05")


def test_ambiguous_dates_warn_and_follow_the_users_choice(write):
    text = "date,item,sold\n01/02/2024,a,1\n01/03/2024,a,2\n01/04/2024,a,3\n"
    path = write("ambiguous.csv", text)
    guessed = load(path)
    assert any("day-first or month-first" in p.message for p in guessed.problems)
    assert (guessed.freq, guessed.frame[DS].min()) == ("D", pd.Timestamp("2024-01-02"))
    chosen = load(path, ImportOptions(dayfirst=True))
    assert chosen.freq == "M"
    assert list(chosen.frame[DS].dt.month) == [2, 3, 4]


def test_xlsx_and_gzip(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Sales export"])  # a title line above the header
    sheet.append(["Date", "Product", "Quantity"])
    for day, product, qty in [(1, "a", 2), (2, "a", 3), (2, "b", 1), (4, "b", 5)]:
        sheet.append([pd.Timestamp(2024, 6, day).to_pydatetime(), product, qty])
    book.save(tmp_path / "sales.xlsx")
    result = load(tmp_path / "sales.xlsx")
    assert series(result, "b") == {"2024-06-02": 1, "2024-06-03": 0, "2024-06-04": 5}
    data = (FIXTURES / "weekly.tsv").read_bytes()
    (tmp_path / "weekly.tsv.gz").write_bytes(gzip.compress(data))
    assert load(tmp_path / "weekly.tsv.gz").frame.equals(load(FIXTURES / "weekly.tsv").frame)


def test_roles_frequency_and_layout_can_be_overridden(write):
    path = write("odd.csv", "when,what,how many,cost\n2024-01-01,x,1,2\n2024-01-02,x,2,2\n"
                            "2024-01-09,x,4,3\n")
    result = load(path, ImportOptions(freq="W", roles={"date": "when", "product": "what",
                                                       "quantity": "how many"}))
    assert series(result, "x") == {"2024-01-07": 3, "2024-01-14": 4}


def test_duplicates_are_added_up(write):
    path = write("dup.csv", "date,sku,qty\n2024-01-01,a,1\n2024-01-01,a,2\n2024-01-02,a,1\n")
    result = load(path)
    assert series(result, "a") == {"2024-01-01": 3, "2024-01-02": 1}
    assert any("added together" in p.message for p in result.problems)


def test_preview_reads_only_the_first_rows(retail_orders):
    table = preview(retail_orders, nrows=50)
    assert len(table.table) == 50
    assert table.layout == "orders"
    assert table.roles["product"] == "StockCode"


def test_excel_sheet_choice_and_a_missing_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["nothing here"])
    sales = book.create_sheet("Sales")
    sales.append(["date", "sku", "qty"])
    sales.append(["2024-01-01", "a", 1])
    sales.append(["2024-01-02", "a", 2])
    book.save(tmp_path / "two.xlsx")
    result = load(tmp_path / "two.xlsx", ImportOptions(sheet="Sales"))
    assert series(result, "a") == {"2024-01-01": 1, "2024-01-02": 2}
    with pytest.raises(InputError, match="sheet"):
        load(tmp_path / "two.xlsx", ImportOptions(sheet="Sheet9"))


def test_negative_quantities_in_a_period_table_are_kept_and_reported(write):
    path = write("neg.csv", "date,sku,qty\n2024-01-01,a,5\n2024-01-02,a,-1\n2024-01-03,a,2\n")
    result = load(path)
    assert series(result, "a")["2024-01-02"] == -1
    assert any("negative quantities" in p.message for p in result.problems)


def test_accounting_negatives_and_grouped_quoted_numbers(write):
    text = ('Date,Product,Units Sold,Unit Price\n01/02/2024,W,"1,200","$1,234.50"\n'
            '01/03/2024,W,(3),$5.00\n01/04/2024,W,2-,"($1.00)"\n01/05/2024,W,4,$5.00\n')
    result = load(write("acct.csv", text))
    assert series(result, "W") == {"2024-01-02": 1200, "2024-01-03": -3, "2024-01-04": -2,
                                   "2024-01-05": 4}
    assert result.frame["price"].max() == 1234.5
    assert any("negative quantities" in p.message for p in result.problems)


def test_excel_day_numbers_in_a_date_column_are_dates_and_said(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "SKU", "Qty"])
    sheet.append([44946, "A", 1])  # first: the format still comes from a real date
    sheet.append(["21.01.2023", "A", 2])
    sheet.append([pd.Timestamp("2023-01-22").to_pydatetime(), "A", 3])
    sheet.append([44949.75, "A", 4])  # with a time of day
    book.save(tmp_path / "mixed.xlsx")
    result = load(str(tmp_path / "mixed.xlsx"))
    assert series(result, "A") == {"2023-01-20": 1, "2023-01-21": 2, "2023-01-22": 3,
                                   "2023-01-23": 4}
    [note] = [p for p in result.problems if p.key == "import.day_numbers"]
    assert dict(note.fields)["cells"] == "2" and dict(note.fields)["date"] == "2023-01-20"


def test_windows_1252_with_euro_prices_and_french_names(write):
    text = ("date;produit;quantité;prix\n01/02/2024;Crème brûlée;2;3,50 €\n"
            "02/02/2024;Crème brûlée;1;3,50 €\n14/02/2024;Pâté;4;1.005,00 €\n")
    result = load(write("fr.csv", text, "cp1252"))
    assert set(result.frame[ID]) == {"Crème brûlée", "Pâté"}
    assert result.frame["price"].max() == 1005.0
    assert series(result, "Pâté") == {"2024-02-14": 4}
    assert any("Windows-1252" in p.message for p in result.problems)


def test_gb18030_without_column_names_in_english(write):
    rows = "".join(f"2024-01-{d:02d},苹果汁,{d}\n2024-01-{d:02d},橙子,{d + 1}\n"
                   for d in range(1, 28))
    result = load(write("cn.csv", "日期,商品,销量\n" + rows, "gb18030"))
    assert set(result.frame[ID]) == {"苹果汁", "橙子"}
    assert result.summary.total_quantity == sum(2 * d + 1 for d in range(1, 28))


def test_choosing_a_frequency_finer_than_the_data_warns():
    result = load(FIXTURES / "weekly.tsv", ImportOptions(freq="D"))
    assert result.freq == "D"
    assert any("spaced in weeks but days were chosen" in p.message for p in result.problems)
    assert result.summary.total_quantity == 40


def test_chinese_dates_and_excel_style_us_times(write):
    cn = write("cn_dates.csv", "下单时间,商品,数量\n2024年1月5日 10:05,茶,1\n"
                               "2024年1月7日 09:00,茶,2\n")
    assert series(load(cn), "茶") == {"2024-01-05": 1, "2024-01-06": 0, "2024-01-07": 2}
    us = write("us.csv", "Date,SKU,Qty\n1/5/2024 9:05,a,1\n12/25/2024 13:00,a,2\n")
    assert load(us, ImportOptions(freq="M")).frame[DS].dt.month.tolist()[-1] == 12


def test_order_numbers_that_all_start_with_c_are_not_cancellations(write):
    path = write("c_orders.csv", "Order ID,Date,SKU,Qty\nC1001,2024-01-01 10:00,a,1\n"
                                 "C1002,2024-01-02 11:00,a,2\n")
    result = load(path)
    assert result.summary.total_quantity == 3 and "cancelled" not in result.summary.dropped


def test_complete_periods_only_leaves_out_partial_first_and_last_weeks(write):
    days = pd.date_range("2024-01-03", "2024-01-23")  # Wednesday .. Tuesday
    text = "Order,Date,SKU,Qty\n" + "".join(f"{i},{d:%Y-%m-%d} 10:00,a,1\n"
                                           for i, d in enumerate(days))
    path = write("orders.csv", text)
    everything = load(path, ImportOptions(freq="W"))
    assert series(everything, "a") == {"2024-01-07": 5, "2024-01-14": 7, "2024-01-21": 7,
                                       "2024-01-28": 2}
    complete = load(path, ImportOptions(freq="W", complete_periods=True))
    assert series(complete, "a") == {"2024-01-14": 7, "2024-01-21": 7}
    assert complete.summary.dropped == {"partial period": 7}
    with pytest.raises(InputError, match="complete month"):
        load(path, ImportOptions(freq="M", complete_periods=True))


def test_total_rows_and_columns_are_not_sales(write):
    wide = write("wide_total.csv", "Month,Tea,Coffee,Total\n2024-01-01,1,2,3\n2024-02-01,3,4,7\n"
                                   "Total,4,6,10\n")
    result = load(wide)
    assert set(result.frame[ID]) == {"Tea", "Coffee"}
    assert result.summary.total_quantity == 10
    assert result.summary.dropped == {"total row": 1}
    assert any("Total" in p.message and "totals" in p.message for p in result.problems)
    long = write("long_total.csv", "日期,商品,数量\n2024-01-01,茶,1\n2024-01-02,茶,2\n合计,,3\n")
    assert load(long).summary.total_quantity == 3


def test_unreadable_prices_are_reported_and_left_empty(write):
    path = write("prices.csv", "date,sku,qty,price\n2024-01-01,a,1,2.5\n2024-01-02,a,2,n/a\n")
    result = load(path)
    assert result.frame["price"].isna().tolist() == [False, True]
    assert any("'n/a'" in p.message and p.column == "price" for p in result.problems)
