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


def write_sales(path: Path, products=PRODUCTS, title_column="title") -> Path:
    rows = [{"date": day, "product": pid, title_column: title, "quantity": 3 + i}
            for i, (pid, title) in enumerate(products.items())
            for day in ("2024-01-01", "2024-01-02", "2024-01-03")]
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
