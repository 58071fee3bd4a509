"""The Chinese UI says the engine's errors in Chinese: import errors from several bad files,
and engine errors shown in a dialog or beside an export (issue #13)."""
from __future__ import annotations

import pytest
from test_i18n import chinese, settings, untranslated  # noqa: F401 - fixtures

from core.data.importer import load, preview
from core.error_messages import user_error
from core.project import load_project
from core.subprocess_runner import ProcessFailed, run_in_process
from gui.error_texts import error_text
from gui.panels.import_panel import ImportPanel
from gui.widgets.error_dialog import plain_message

pytestmark = pytest.mark.timeout(120)

BAD_FILES = {
    "report.pdf": b"%PDF-1.4 a report, not sales",
    "export.json": b'[{"date": "2024-01-01", "qty": 3}]',
    "one_row.csv": b"date,sku,qty\n2024-01-01,A1,3\n",
    "dates.csv": b"date,sku,qty\n" + b"".join(f"day {i},A1,{i}\n".encode() for i in range(9)),
    "numbers.csv": b"date,sku,qty\n" + b"".join(f"2024-01-{i + 1:02d},A1,many\n".encode()
                                                for i in range(3)),
    "mixed.csv": b"date,sku,qty\n" + b"".join(f"{d},A1,{i + 1}\n".encode() for i, d in enumerate(
        ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-11", "2024-01-18",
         "2024-01-25", "2024-02-01"])),
    "blank.csv": b"",
    "quote.csv": b'date,sku,qty\n2024-01-01,"A1,3\n2024-01-02,A1,4\n2024-01-03,A1,5\n',
}


def _shown(qtbot, panel, path) -> list[str]:
    panel.open_path(str(path))
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=20_000)
    rows = panel.problems_shown()
    assert rows, path.name
    return [panel.file_label.text(), *(cell for row in rows for cell in row.split(" | "))]


def test_import_errors_of_bad_files_are_all_in_chinese(chinese, qtbot, tmp_path):  # noqa: F811
    panel = ImportPanel(preview=preview, load=load, sample_path=lambda: "", in_process=False)
    qtbot.addWidget(panel)
    texts, data = [], {"A1", "date", "sku", "qty", "many", "xlsx", "csv", "--freq",
                       "--dayfirst", "--monthfirst", "--decimal", "--id-col", "--date-col",
                       "--qty-col", "LibreOffice", "TSV", "XML", "ZIP"}
    for name, content in BAD_FILES.items():
        path = tmp_path / name
        path.write_bytes(content)
        data |= {str(path), name}
        texts += _shown(qtbot, panel, path)
    data |= {str(tmp_path / "gone.csv"), "gone.csv"}
    texts += _shown(qtbot, panel, tmp_path / "gone.csv")
    data |= {f"day {i}" for i in range(9)}
    assert any("不是日期" in t for t in texts) and any("频率混杂" in t for t in texts)
    assert any("另有" in t for t in texts)  # the "more rows have the same problem" line
    assert any("周（4 步）" in t for t in texts)  # the spacings of the mixed file, as data
    bad = untranslated(texts, data)
    assert bad == [], "\n".join(bad)


def test_engine_errors_in_a_dialog_are_in_chinese(chinese, tmp_path):  # noqa: F811
    error = user_error("project.newer", name="shop.tcproj", version="9", supported="4")
    message = plain_message(error)
    assert "更新版本" in message and untranslated([message], {"shop.tcproj", "Trendcast"}) == []
    with pytest.raises(ProcessFailed) as caught:  # from a child process, as the GUI opens it
        run_in_process(load_project, str(tmp_path / "gone.tcproj"))
    assert caught.value.key == "project.missing"
    assert error_text(caught.value) == "项目 gone.tcproj 不存在。"


def test_an_error_without_an_id_stays_as_written(chinese):  # noqa: F811
    from core.errors import TrendcastError

    assert error_text(TrendcastError("Something only English knows.")) == \
        "Something only English knows."


def test_gui_templates_match_the_engines():
    from core.data.error_texts import ERRORS
    from core.error_messages import MESSAGES
    from gui.error_texts import ERROR_TEXTS, MESSAGE_TEXTS

    assert ERROR_TEXTS == ERRORS and MESSAGE_TEXTS == MESSAGES


def test_a_bad_override_or_price_change_is_explained_in_chinese(chinese):  # noqa: F811
    from core.errors import TrendcastError
    from core.overrides import Override
    from core.scenario.plan import PriceChange

    with pytest.raises(TrendcastError) as caught:
        Override("A1", "absolute", -5, start="2024-01-01", end="2024-01-07")
    assert str(caught.value).startswith("Override value: A forecast cannot be set to -5 units")
    assert error_text(caught.value) == "调整值：预测不能设为 -5 件；请使用 0 或更大的数。"
    with pytest.raises(TrendcastError) as caught:
        PriceChange(-10, "2024-02-01", "2024-01-01")
    assert error_text(caught.value) == \
        "假设结束日期：变更的结束日期（2024-01-01）早于开始日期（2024-02-01）。"


def test_a_reason_is_rendered_from_its_ids_not_its_english(chinese):  # noqa: F811
    from core.message_parts import encode
    from core.messages import render
    from gui.core_texts import core_text, plain_text

    ids = encode([("reason.too_little_history", {"length": "3", "need": "10"}),
                  ("reason.new_product", {})])
    # The English beside the ids is not read: a text no template matches changes nothing.
    shown = plain_text("written by someone else", ids)
    assert shown == core_text("", ids) and "3" in shown and "10" in shown
    assert untranslated([shown], set()) == []
    # A project of an older version has only the English: it is read back as before.
    old = render("reason.settings")
    assert plain_text(old) == core_text(old) != old


def test_model_network_cache_and_reorder_errors_are_in_chinese(chinese):  # noqa: F811
    """Errors raised on the real paths (a model's settings, the registry, a backtest, a saved
    network, the embedding cache, the cluster flag, the reorder settings) say no English."""
    import pandas as pd

    from core.errors import TrendcastError
    from core.evaluation.backtest import window_splits
    from core.executors.cluster_spec import parse_cluster
    from core.model_files import check_files
    from core.models.registry import create, get
    from core.reorder.inputs import ReorderSettings
    from core.reorder.plan import build_plan
    from core.text.cache import EmbeddingCache

    frame = pd.DataFrame({"unique_id": ["A1"] * 3, "ds": pd.date_range("2024-01-01", periods=3),
                          "y": [1.0, 2.0, 3.0]})
    bad_settings = ReorderSettings(lead_time_days=-2, service_level=1.5)
    calls = [lambda: get("nosuch"), lambda: next(window_splits(frame, horizon=0, windows=1)),
             lambda: create("moving_average", window=-3).fit(frame),
             lambda: check_files({"meta.json": b"{}"}, "models/lstm"),
             lambda: EmbeddingCache.from_bytes(b"junk", "titles.npz"),
             lambda: parse_cluster("local:x"),
             lambda: build_plan(frame, frame, None, frame[["unique_id"]].drop_duplicates(),
                                bad_settings, "D")]
    shown = []
    for call in calls:
        with pytest.raises(TrendcastError) as caught:
            call()
        assert caught.value.key, str(caught.value)
        shown.append(error_text(caught.value))
    assert str(caught.value) == ("Reorder settings: lead time must be 0 days or more, got -2; "
                                 "service level must be between 0 and 1 (e.g. 0.95), got 1.5")
    assert "交货期" in shown[-1] and "服务水平" in shown[-1]
    data = {"nosuch", "models/lstm", "meta.json", "titles.npz", "local:x", "--cluster", "local",
            "sync", "tcp", "HOST", "Dask", "window", "moving_average", "junk", "Keras"}
    from core.models.registry import load_all
    data |= set(load_all())
    bad = [t for t in untranslated(shown, data)
           if "cannot be read" not in t and "pickle" not in t.lower()]  # library messages
    assert bad == [], "\n".join(bad)
