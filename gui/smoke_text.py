"""Smoke step "Chinese titles": Chinese product titles through the title model and the GUI.

The packaged app trims Qt's ICU data to English and Chinese (build/icu_trim.py), so this step
proves what a Chinese shop needs still works in the bundle: the Similar-products tab finds a
Chinese title's English twin and shows both, Chinese text sorts in pinyin order (ICU's Chinese
collation; code-point order would put 波 before 阿), and a long Chinese title wraps into lines.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication

TITLES = {"P1": "陶瓷咖啡杯", "P2": "ceramic coffee mug", "P3": "garden hose",
          "P4": "花园浇水软管 十五米"}
PINYIN_ORDER = ["阿胶糕", "菠菜", "香蕉"]  # a, bo, xiang; by code point 菠 (U+83E0) < 阿 (U+963F)
LONG_TITLE = "不锈钢真空保温杯大容量户外运动水壶男女学生便携泡茶杯"


class SmokeTextFailure(Exception):
    """A check of the Chinese text paths did not hold."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeTextFailure(message)


def _history() -> pd.DataFrame:
    days = pd.date_range("2025-01-01", periods=56, freq="D")
    rng = np.random.default_rng(7)
    return pd.concat([pd.DataFrame({"unique_id": uid, "ds": days, "title": title,
                                    "y": rng.poisson(5 + i, len(days)).astype(float)})
                      for i, (uid, title) in enumerate(TITLES.items())], ignore_index=True)


def _similar_tab_rows(history: pd.DataFrame) -> tuple[list[list[str]], bool]:
    """The Similar-products tab for P1 (the Chinese mug): its table rows as shown."""
    from core.text.view import prepare_text_view
    from gui.widgets.similar_panel import SimilarPanel

    view = prepare_text_view(history, [], 14, "D")
    _check(view is not None, "the titles were not read")
    panel = SimilarPanel()
    panel.resize(700, 300)
    panel._prepared(panel._generation, view)  # what the worker's result does in the GUI
    panel.set_product("P1")
    model = panel.model
    rows = [[str(model.index(r, c).data(Qt.ItemDataRole.DisplayRole))
             for c in range(model.columnCount())] for r in range(model.rowCount())]
    image = panel.grab().toImage()
    _check(not image.isNull() and image.width() > 0, "the Similar-products tab did not draw")
    panel.deleteLater()
    return rows, view.is_model


def check_chinese_titles() -> str:
    """Run the checks; return what was shown, for the success line."""
    rows, is_model = _similar_tab_rows(_history())
    _check(len(rows) >= 2 and rows[0][:2] == ["P1", TITLES["P1"]],
           f"the Similar-products tab shows {rows[:1]} first, not P1 {TITLES['P1']}")
    if is_model:  # across languages only with the model (the n-gram fallback cannot)
        _check(rows[1][0] == "P2", f"the nearest title to {TITLES['P1']} is {rows[1][:2]}, "
                                   f"not P2 {TITLES['P2']}")
    collator = QCollator(QLocale("zh_CN"))
    ordered = sorted(reversed(PINYIN_ORDER), key=collator.sortKey)
    _check(ordered == PINYIN_ORDER, f"Chinese sorts as {ordered}, not in pinyin order "
                                    f"{PINYIN_ORDER} (ICU's Chinese collation is missing)")
    layout = QTextLayout(LONG_TITLE, QFont(QApplication.font()))
    layout.beginLayout()
    lines = 0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(120)
        lines += 1
    layout.endLayout()
    _check(lines >= 2, f"a long Chinese title did not wrap (one line of {len(LONG_TITLE)} chars)")
    twin = f"{TITLES['P1']} -> {rows[1][1]}"
    return f"Chinese titles shown ({twin}), sorted by pinyin, wrapped in {lines} lines"
