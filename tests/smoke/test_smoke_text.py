"""The smoke test's "Chinese titles" step (gui/smoke_text.py), from source."""
from __future__ import annotations

import pytest

from gui import smoke_text


@pytest.mark.timeout(120)
def test_chinese_titles_find_their_english_twin_sort_by_pinyin_and_wrap(qapp):
    summary = smoke_text.check_chinese_titles()
    assert "陶瓷咖啡杯 -> ceramic coffee mug" in summary
    assert "sorted by pinyin" in summary


@pytest.mark.timeout(120)
def test_code_point_order_is_not_taken_for_pinyin(qapp, monkeypatch):
    # What the collator gives without ICU's Chinese data: the check must refuse it.
    monkeypatch.setattr(smoke_text, "PINYIN_ORDER", ["菠菜", "阿胶糕", "香蕉"])
    with pytest.raises(smoke_text.SmokeTextFailure, match="not in pinyin order"):
        smoke_text.check_chinese_titles()
