"""Cancelled orders are not sales in any layout, in the shop's own language, and a status the
import does not know is named (with its line count over the whole file), never guessed."""
from __future__ import annotations

import dataclasses

from core.cli import run
from core.data import ImportOptions, load
from core.data.statuses import CANCELLED_STATUSES, SALE_STATUSES
from core.project_format import import_options
from core.schema import ID, Y


def _lines(rows: list[tuple[str, str, str, int, str]], header: str, sep: str = ",") -> str:
    return header + "\n" + "\n".join(sep.join(map(str, row)) for row in rows) + "\n"


def test_a_long_table_with_a_status_column_leaves_cancelled_rows_out(write):
    # No order column, so the layout is long: the status used to be read and then ignored.
    rows = [(f"2024-01-{d:02d}", "A", 5, "paid") for d in range(1, 29)]
    rows += [("2024-01-10", "A", 40, "cancelled"), ("2024-01-11", "A", 7, "Refunded ")]
    result = load(write("sales.csv", _lines(rows, "date,sku,quantity,status")),
                  ImportOptions(freq="D"))
    assert result.layout == "long"
    assert result.frame[Y].sum() == 28 * 5
    assert result.summary.dropped["cancelled"] == 2
    assert result.summary.units_removed["cancelled"] == 47


def test_a_german_shop_export_is_read_as_orders_with_its_cancellations_left_out(write):
    header = "Bestellnummer;Datum;Artikelnummer;Artikel;Menge;Einzelpreis;Status"
    rows = []
    for i in range(60):
        status = ("storniert", "erstattet", "bezahlt", "versandt")[i % 4]
        rows.append((1000 + i, f"{1 + i % 28:02d}.03.2025", f"A-{i % 3}", f"Tasse {i % 3}",
                     2, "4,50", status))
    rows.append(("", "", "", "Summe", 9999, "", ""))
    result = load(write("bestellungen.csv", _lines(rows, header, ";")), ImportOptions(freq="D"))
    assert result.layout == "orders"
    assert result.roles["order"] == "Bestellnummer"
    assert result.roles["product"] == "Artikelnummer" and result.roles["title"] == "Artikel"
    assert result.frame[Y].sum() == 30 * 2  # bezahlt + versandt
    assert result.summary.dropped["cancelled"] == 30
    assert result.summary.dropped["total row"] == 1  # "Summe" in the title, product blank
    assert set(result.frame[ID]) == {"A-0", "A-1", "A-2"}
    assert not [p for p in result.problems if p.key == "import.unknown_statuses"]


def test_unknown_statuses_are_named_from_the_whole_file_and_can_be_called_cancelled(write):
    rows = [(f"2024-01-{1 + i % 28:02d}", i, "A", 1, "paid") for i in range(3000)]
    # Past the first rows, where a preview would never look.
    rows += [("2024-01-05", 5000 + i, "A", 10, "Storno") for i in range(12)]
    rows += [("2024-01-06", 6000, "A", 3, "in Klärung")]
    path = write("orders.csv", _lines(rows, "date,order id,sku,quantity,status"))
    result = load(path, ImportOptions(freq="D"))
    [note] = [p for p in result.problems if p.key == "import.unknown_statuses"]
    fields = dict(note.fields)
    assert fields["values"] == "'Storno' (12), 'in Klärung' (1)"
    assert fields["count"] == "2" and fields["lines"] == "13"
    assert "--cancelled-status Storno" in note.hint
    assert result.frame[Y].sum() == 3000 + 120 + 3  # said, not dropped

    chosen = load(path, ImportOptions(freq="D", cancelled_statuses=("storno",)))
    assert chosen.frame[Y].sum() == 3000 + 3
    assert chosen.summary.dropped["cancelled"] == 12
    [note] = [p for p in chosen.problems if p.key == "import.unknown_statuses"]
    assert dict(note.fields)["values"] == "'in Klärung' (1)"
    assert '--cancelled-status "in Klärung"' in note.hint  # quoted, as a shell needs it


def test_known_sale_and_cancelled_words_do_not_overlap():
    assert not CANCELLED_STATUSES & SALE_STATUSES


def test_the_cli_takes_cancelled_statuses(write, tmp_path, capsys):
    rows = [(f"2024-01-{1 + i % 28:02d}", i, "A", 1, "paid") for i in range(40)]
    rows += [("2024-01-05", 900, "A", 10, "void-2")]
    path = write("orders.csv", _lines(rows, "date,order id,sku,quantity,status"))
    out = tmp_path / "series.csv"
    assert run(["import", str(path), "--freq", "D", "--cancelled-status", "VOID-2",
                "--output", str(out)]) == 0
    printed = capsys.readouterr()
    assert "rows removed by rule 'cancelled': 1" in printed.out
    assert "import.unknown_statuses" not in printed.err and "void-2" not in printed.err


def test_a_project_keeps_the_cancelled_statuses_it_was_imported_with():
    options = ImportOptions(freq="W", cancelled_statuses=("storno", "void"))
    saved = dataclasses.asdict(options)
    saved["cancelled_statuses"] = list(saved["cancelled_statuses"])  # as JSON has it
    assert import_options(saved) == options
    old = {k: v for k, v in saved.items() if k != "cancelled_statuses"}  # older projects
    assert import_options(old).cancelled_statuses == ()
