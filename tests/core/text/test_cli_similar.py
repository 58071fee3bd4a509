"""`similar` on the command line: neighbours by title across languages, one-line errors."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from core.cli import run

ROOT = Path(__file__).resolve().parents[3]

PRODUCTS = {  # id -> title; sales on three days each, so the import keeps every product
    "MUG-EN": "Ceramic coffee mug",
    "MUG-ZH": "陶瓷咖啡杯",
    "PAN": "Non-stick frying pan",
    "SCARF": "Wool winter scarf",
    "TRAIN": "Wooden toy train",
    "UNTITLED": "",
}


def write_sales(path: Path, products=PRODUCTS, title_column="title", days=3) -> Path:
    rows = [{"date": day, "product": pid, title_column: title, "quantity": 3 + i}
            for i, (pid, title) in enumerate(products.items())
            for day in pd.date_range("2024-01-01", periods=days).strftime("%Y-%m-%d")]
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_the_chinese_mug_is_the_english_mugs_nearest_product(tmp_path, capsys):
    sales = write_sales(tmp_path / "sales.csv")
    assert run(["similar", str(sales), "--product", "MUG-EN", "--top", "3"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "unique_id,title,similarity"
    assert len(lines) == 4
    first = lines[1].split(",")
    assert first[:2] == ["MUG-ZH", "陶瓷咖啡杯"] and float(first[2]) > 0.6
    assert "UNTITLED" not in "".join(lines) and "MUG-EN," not in "".join(lines[1:])


def test_output_file_holds_the_same_table(tmp_path, capsys):
    sales = write_sales(tmp_path / "sales.csv")
    out = tmp_path / "near.csv"
    assert run(["similar", str(sales), "--product", "PAN", "--output", str(out)]) == 0
    table = pd.read_csv(out)
    assert table.columns.tolist() == ["unique_id", "title", "similarity"]
    assert len(table) == 4  # every other titled product, fewer than --top 10
    assert table["similarity"].is_monotonic_decreasing
    assert "wrote 4 products similar to PAN" in capsys.readouterr().out


def test_fallback_encoder_still_answers(tmp_path, capsys):
    sales = write_sales(tmp_path / "sales.csv", {"A": "red lunch bag", "B": "red lunch box",
                                                  "C": "garden watering can"})
    assert run(["similar", str(sales), "--product", "A", "--encoder", "ngrams"]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines()[1].startswith("B,red lunch box,")
    assert "character n-grams" in out.err


@pytest.mark.parametrize("case, message", [
    ("unknown", "no product with id 'MUG-E' (did you mean MUG-EN"),
    ("untitled", "product 'UNTITLED' has no title"),
    ("no_titles", "no title or description column was found"),
    ("missing_file", "Input file not found"),
    ("bad_folder", "Output folder does not exist"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, case, message):
    sales = write_sales(tmp_path / "sales.csv")
    args = {"unknown": ["--product", "MUG-E"], "untitled": ["--product", "UNTITLED"],
            "no_titles": ["--product", "PAN"], "missing_file": ["--product", "PAN"],
            "bad_folder": ["--product", "PAN", "--output", str(tmp_path / "no" / "x.csv")]}[case]
    if case == "no_titles":
        frame = pd.read_csv(sales).drop(columns="title")
        frame.to_csv(sales, index=False)
    path = str(tmp_path / "nothing.csv") if case == "missing_file" else str(sales)
    assert run(["similar", path, *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert message in err[-1] and err[-1].startswith("error: ")


def test_main_without_a_product_exits_2_with_usage():
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "similar", "x.csv"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2
    assert "--product" in done.stderr and "Traceback" not in done.stderr


def test_a_new_title_gets_neighbours_and_a_title_alone_level(tmp_path, capsys):
    sales = write_sales(tmp_path / "sales.csv", days=8)
    assert run(["similar", str(sales), "--title", "陶瓷马克杯", "--top", "2"]) == 0
    out = capsys.readouterr()
    lines = out.out.strip().splitlines()
    assert lines[0] == "unique_id,title,similarity" and len(lines) == 3
    assert {lines[1].split(",")[0], lines[2].split(",")[0]} == {"MUG-EN", "MUG-ZH"}
    assert "from its title alone, about" in out.err and "units a day" in out.err
    short = write_sales(tmp_path / "short.csv", days=3)
    assert run(["similar", str(short), "--title", "陶瓷马克杯"]) == 0
    assert "no similar product has 4 days of sales yet" in capsys.readouterr().err


def test_product_and_title_together_or_an_empty_title_are_refused(tmp_path, capsys):
    sales = write_sales(tmp_path / "sales.csv")
    with pytest.raises(SystemExit) as stop:  # argparse: exit 2 with one line
        run(["similar", str(sales), "--product", "PAN", "--title", "pan"])
    assert stop.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
    assert run(["similar", str(sales), "--title", "  "]) == 2
    assert "--title is empty" in capsys.readouterr().err.strip().splitlines()[-1]


def test_printed_titles_cannot_run_as_spreadsheet_formulas(tmp_path, capsys):
    sales = write_sales(tmp_path / "sales.csv", {"A": "red lunch bag",
                                                  "B": "=HYPERLINK(\"x\") red lunch box"})
    assert run(["similar", str(sales), "--product", "A", "--encoder", "ngrams"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("B,\"'=HYPERLINK(")
