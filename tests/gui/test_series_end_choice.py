"""The Import panel's Series end choice reaches the engine, and the rule applied is shown."""
from __future__ import annotations

import dataclasses

import fakes

from gui.panels.import_panel import ImportPanel


def test_series_end_choice_is_passed_to_the_engine_and_the_rule_shown(qtbot):
    seen = []

    def load(path, options=None, **kwargs):
        seen.append(options)
        result = fakes.fake_load(path, options, **kwargs)
        chosen = options.series_end if options else None
        result.summary = dataclasses.replace(result.summary, series_end=chosen or "own",
                                             end_reason="chosen" if chosen else "zeros",
                                             ended_early=2)
        return result

    panel = ImportPanel(preview=fakes.fake_preview, load=load,
                        sample_path=fakes.fake_sample_path)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.dataset_loaded, timeout=5000):
        panel.open_path("/data/orders.csv")
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    assert "each product ends at its own last row (2 end before" in panel.summary_label.text()
    panel.series_end.set_value("shared")
    with qtbot.waitSignal(panel.dataset_loaded, timeout=5000):
        panel.apply_button.click()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    assert seen[1].series_end == "shared"
    assert "every product runs to the last period" in panel.summary_label.text()
    assert "series end chosen in the import settings" in panel.summary_label.text()
