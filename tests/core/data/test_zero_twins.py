"""Number codes equal but for leading zeros (Excel drops them) stay separate products, but the
import says so, with examples, over the whole file."""
from __future__ import annotations

from core.data import ImportOptions, load
from core.schema import ID


def test_codes_that_differ_only_in_leading_zeros_are_kept_apart_and_named(write):
    rows = [f"2024-01-{1 + i % 28:02d},{code},1" for i in range(2000)
            for code in ("42", "A7")]
    rows += ["2024-01-20,0042,5", "2024-01-21,00100,2", "2024-01-21,100,2"]  # late in the file
    result = load(write("sales.csv", "date,sku,quantity\n" + "\n".join(rows) + "\n"),
                  ImportOptions(freq="D"))
    assert {"42", "0042", "100", "00100", "A7"} <= set(result.frame[ID].astype(str))
    [note] = [p for p in result.problems if p.key == "import.zero_twins"]
    fields = dict(note.fields)
    assert fields["count"] == "2"
    assert fields["examples"] == "00100 = 100; 0042 = 42"
    assert note.column == "sku" and "leading zeros" in note.hint


def test_no_warning_without_such_codes(write):
    rows = [f"2024-01-{d:02d},{code},1" for d in range(1, 29) for code in ("42", "420", "A042")]
    result = load(write("sales.csv", "date,sku,quantity\n" + "\n".join(rows) + "\n"),
                  ImportOptions(freq="D"))
    assert not [p for p in result.problems if p.key == "import.zero_twins"]
