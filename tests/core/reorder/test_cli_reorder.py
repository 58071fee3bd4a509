"""`reorder` on the command line: plan columns, stock matching, purchase list, bad input."""
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from core.cli import run

ROOT = Path(__file__).resolve().parents[3]
SALES = ROOT / "tests" / "core" / "fixtures" / "retail_weekly_40.csv"
REQUIRED = ["unique_id", "on_hand", "on_order", "lead_time_days", "service_level",
            "forecast_lead_time", "safety_stock", "reorder_point", "order_qty", "stockout_date",
            "days_of_cover"]


@pytest.fixture(scope="module")
def ids():
    return sorted(pd.read_csv(SALES, dtype={"unique_id": str}).unique_id.unique())


def _stock(path, ids, **extra):
    frame = pd.DataFrame({"SKU": ids, "On hand": 5, "on_order": 2, **extra})
    frame.to_csv(path, index=False)
    return str(path)


def _reorder(tmp_path, *args):
    return run(["reorder", str(SALES), "--freq", "W", "--jobs", "1", "--windows", "2",
                "--output", str(tmp_path / "plan.csv"), *args])


def test_plan_columns_matching_and_purchase_list(tmp_path, ids, capsys):
    stock = _stock(tmp_path / "stock.csv", [*ids[:-2], "GHOST"],
                   supplier=(["Acme", "Bolt"] * 20)[:39], pack_size=6)
    code = _reorder(tmp_path, "--stock", stock, "--lead-time", "10",
                    "--supplier-lead-time", "Bolt=21",
                    "--purchase-list", str(tmp_path / "buy.xlsx"))
    assert code == 0
    out = capsys.readouterr()
    plan = pd.read_csv(tmp_path / "plan.csv", dtype={"unique_id": str})
    assert set(REQUIRED) <= set(plan.columns)
    assert len(plan) == 40  # every product with sales, also those without a stock row
    # the unmatched ids are named, both ways
    assert "1 ids in the stock file with no sales" in out.err and "GHOST" in out.err
    assert "2 products with sales but no stock figure" in out.err and ids[-1] in out.err
    missing = plan.set_index("unique_id").loc[ids[-2:]]
    assert (missing["exceptions"] == "no_stock").all() and missing["order_qty"].isna().all()
    known = plan.dropna(subset=["order_qty"])
    assert (known["order_qty"] % 6 == 0).all()  # whole packs
    assert (known["inventory_position"] == 7).all()
    assert set(known.groupby("supplier")["lead_time_days"].unique().apply(tuple).items()) == {
        ("Acme", (10.0,)), ("Bolt", (21.0,))}
    need = known["reorder_point"] - 7
    assert ((known["order_qty"] >= need) & (known["order_qty"] < need.clip(lower=0) + 6)).all()
    assert (known["reorder_point"] >= known["forecast_lead_time"]).all()
    assert plan["why"].str.len().gt(50).all()
    book = openpyxl.load_workbook(tmp_path / "buy.xlsx")
    assert book.sheetnames == ["Acme", "Bolt", "Plan"]
    ordered = (known["order_qty"] > 0).sum()
    assert book["Acme"].max_row - 1 + book["Bolt"].max_row - 1 == ordered
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buy.xlsx", "plan.csv", "stock.csv"]


def test_longer_lead_time_means_a_higher_reorder_point(tmp_path, ids):
    stock = _stock(tmp_path / "stock.csv", ids)
    points = []
    for lead in ("7", "35"):
        assert _reorder(tmp_path, "--stock", stock, "--lead-time", lead) == 0
        points.append(pd.read_csv(tmp_path / "plan.csv")["reorder_point"].sum())
    assert points[1] > points[0]


@pytest.mark.parametrize("stock_rows, extra, message", [
    ({"sku": ["a"], "qty_x": [1]}, [], "no on_hand column"),
    ({"sku": ["a", "b"], "on_hand": ["3", "lots"]}, [], "row 3, column on_hand: 'lots' is not"),
    ({"sku": ["a"], "on_hand": [-4]}, [], "row 2, column on_hand: -4 cannot be negative"),
    ({"sku": ["a", "a"], "on_hand": [1, 2]}, [], "product a is listed twice"),
    ({"sku": ["a"], "on_hand": [1], "pack_size": [0]}, [], "column pack_size: 0 must be more"),
    ({"sku": ["a"], "on_hand": [1]}, ["--horizon", "2"], "--horizon 2 is shorter than"),
])
def test_bad_stock_or_arguments_exit_2_with_one_line(tmp_path, capsys, stock_rows, extra,
                                                     message):
    path = tmp_path / "stock.csv"
    pd.DataFrame(stock_rows).to_csv(path, index=False)
    assert _reorder(tmp_path, "--stock", str(path), "--lead-time", "14", *extra) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert message in err[-1] and "Traceback" not in "".join(err)
    if "horizon" not in message:
        assert str(path) in err[-1]  # names the file
    assert not (tmp_path / "plan.csv").exists()


@pytest.mark.parametrize("args, message", [
    (["--lead-time", "-3"], "must be between 0 and 10000 days"),
    (["--lead-time", "7", "--service-level", "1.5"], "between 0 and 1"),
    (["--lead-time", "7", "--service-level", "0"], "between 0 and 1"),
    (["--lead-time", "7", "--abc-service-levels", "0.9,0.8"], "three levels"),
    (["--lead-time", "7", "--supplier-lead-time", "Acme"], "expected SUPPLIER=DAYS"),
    (["--lead-time", "7", "--supplier-lead-time", "Acme=-2"], "between 0 and 10000 days"),
    (["--lead-time", "7", "--stock", "nowhere.csv"], "Stock file not found: nowhere.csv"),
    (["--lead-time", "7"], "has no stock column: give --stock"),
])
def test_bad_arguments_exit_2(tmp_path, capsys, args, message):
    try:
        code = _reorder(tmp_path, *args)
    except SystemExit as exc:  # argparse's own exit, after one line on stderr
        code = exc.code
    assert code == 2
    assert message in capsys.readouterr().err


def test_stock_column_of_the_sales_file_is_used(tmp_path):
    sales = pd.read_csv(SALES, dtype={"unique_id": str}).assign(stock_on_hand=1000.0)
    path = tmp_path / "sales.csv"
    sales.to_csv(path, index=False)
    code = run(["reorder", str(path), "--freq", "W", "--jobs", "1", "--windows", "1",
                "--lead-time", "7", "--output", str(tmp_path / "plan.csv")])
    assert code == 0
    plan = pd.read_csv(tmp_path / "plan.csv")
    assert (plan["on_hand"] == 1000).all() and (plan["exceptions"] != "no_stock").all()


def test_overrides_change_what_gets_ordered(tmp_path, ids):
    """A hand-made override (a big order the shop knows of) is what the plan orders for."""
    from core.overrides import Journal, Override, write_journal

    stock = _stock(tmp_path / "stock.csv", ids)
    assert _reorder(tmp_path, "--stock", stock, "--lead-time", "14") == 0
    before = pd.read_csv(tmp_path / "plan.csv", dtype={"unique_id": str}).set_index("unique_id")
    journal = tmp_path / "journal.json"
    write_journal(journal, Journal((Override(ids[0], "units", 500, comment="trade fair"),)))
    assert _reorder(tmp_path, "--stock", stock, "--lead-time", "14",
                    "--overrides", str(journal)) == 0
    after = pd.read_csv(tmp_path / "plan.csv", dtype={"unique_id": str}).set_index("unique_id")
    assert after.loc[ids[0], "forecast_lead_time"] > before.loc[ids[0], "forecast_lead_time"] + 500
    assert after.loc[ids[0], "order_qty"] > before.loc[ids[0], "order_qty"] + 500
    others = ids[1:]
    pd.testing.assert_series_equal(after.loc[others, "order_qty"],
                                   before.loc[others, "order_qty"])


def test_zero_windows_are_refused_before_the_import(tmp_path, capsys):
    assert _reorder(tmp_path, "--lead-time", "14", "--windows", "0") == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("error: --windows")


def test_a_cluster_plans_the_same_as_the_local_pool(tmp_path, ids):
    """`--cluster sync` (Dask's synchronous scheduler) runs the forecast behind the plan."""
    stock = _stock(tmp_path / "stock.csv", ids)
    assert _reorder(tmp_path, "--stock", stock, "--lead-time", "14") == 0
    local = pd.read_csv(tmp_path / "plan.csv", dtype={"unique_id": str})
    assert _reorder(tmp_path, "--stock", stock, "--lead-time", "14", "--cluster", "sync") == 0
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "plan.csv", dtype={"unique_id": str}),
                                  local, check_exact=False, rtol=0, atol=1e-9)


def test_a_bad_cluster_address_gives_one_line(tmp_path, capsys):
    assert _reorder(tmp_path, "--lead-time", "14", "--cluster", "nonsense") == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--cluster" in err
