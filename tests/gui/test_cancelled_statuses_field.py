"""The Import panel's "Also cancelled" field reaches the engine, and the unknown-status warning
shows in the user's language (zh_CN: the field's own Chinese name)."""
from __future__ import annotations

import fakes
import pytest
from test_i18n import chinese, settings  # noqa: F401 - fixtures

from core.data import load
from gui.panels.import_panel import ImportPanel


def test_typed_statuses_are_passed_to_the_engine(qtbot):
    seen = []

    def spy(path, options=None, **kwargs):
        seen.append(options)
        return fakes.fake_load(path, options, **kwargs)

    panel = ImportPanel(preview=fakes.fake_preview, load=spy, sample_path=fakes.fake_sample_path)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.dataset_loaded, timeout=5000):
        panel.open_path("/data/orders.csv")
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    panel.cancelled_statuses.edit.setText(" Storno，void ,, ")  # a Chinese comma too
    with qtbot.waitSignal(panel.dataset_loaded, timeout=5000):
        panel.apply_button.click()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    assert seen[-1].cancelled_statuses == ("Storno", "void")


@pytest.mark.usefixtures("chinese")
def test_the_unknown_status_warning_reads_in_chinese(tmp_path):
    from gui.error_texts import problem_texts

    rows = "\n".join(f"2024-01-{1 + i % 28:02d},{i},A,1,{'paid' if i else 'Storno'}"
                     for i in range(40))
    path = tmp_path / "orders.csv"
    path.write_text("date,order id,sku,quantity,status\n" + rows + "\n", encoding="utf-8")
    [note] = [p for p in load(path).problems if p.key == "import.unknown_statuses"]
    message, hint = problem_texts(note)
    assert message.startswith("“status”列有 1 个值") and "'Storno' (1)" in message
    assert "也算取消" in hint and "--cancelled-status Storno" in hint
