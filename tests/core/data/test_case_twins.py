"""Product codes that differ only in letter case are one product under the most frequent
spelling, and the import says which spellings it joined, over the whole file."""
from __future__ import annotations

from core.data import ImportOptions, load
from core.schema import ID, Y


def test_case_variants_are_joined_and_named(write):
    rows = [f"2024-01-{1 + i % 28:02d},{code},1" for i in range(2000) for code in ("AB-1", "Q7")]
    rows += ["2024-01-20,ab-1,5", "2024-01-21,q7,2", "2024-01-22,q7,1"]  # late in the file
    result = load(write("sales.csv", "date,sku,quantity\n" + "\n".join(rows) + "\n"),
                  ImportOptions(freq="D"))
    frame = result.frame
    assert set(frame[ID].astype(str)) == {"AB-1", "Q7"}
    assert frame.loc[frame[ID] == "AB-1", Y].sum() == 2000 + 5  # nothing lost in the join
    [note] = [p for p in result.problems if p.key == "import.case_twins"]
    fields = dict(note.fields)
    assert fields["count"] == "2"
    assert fields["examples"] == "q7 -> Q7; ab-1 -> AB-1"  # the spelling with most rows first
    assert note.column == "sku" and "letter case" in note.hint


def test_no_warning_when_every_code_has_one_spelling(write):
    rows = [f"2024-01-{d:02d},{code},1" for d in range(1, 29) for code in ("ab-1", "AB-2")]
    result = load(write("sales.csv", "date,sku,quantity\n" + "\n".join(rows) + "\n"),
                  ImportOptions(freq="D"))
    assert not [p for p in result.problems if p.key == "import.case_twins"]
