"""Does a preset forecast the sample shop's total sensibly? (issue #12's bias/total guard)

Imports the bundled sample shop as the app does, holds out its last `horizon` periods, runs the
pipeline with a preset's models on the rest, and compares the forecast's shop total (the chosen
model per product, summed over products and the horizon) with what really sold then.

    OPENBLAS_NUM_THREADS=1 python -W ignore bench/sample_total.py [best|balanced|fast] [--freq D]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from core import pipeline  # noqa: E402
from core.data import load  # noqa: E402
from core.models.registry import available  # noqa: E402
from core.pipeline_types import ForecastSettings  # noqa: E402
from core.schema import DS, ID, Y  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample" / "sample_shop_orders.csv.gz"
HORIZON = {"D": 28, "W": 8, "M": 3}


def preset_models(key: str) -> tuple[tuple[str, ...], int]:
    from gui.panels.setup_rules import presets  # Qt-free rules module

    by_family: dict[str, list[str]] = {}
    for cls in available():
        by_family.setdefault(cls.family, []).append(cls.name)
    preset = presets(by_family)[key]
    return tuple(preset.models), preset.windows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("preset", nargs="?", default="best")
    parser.add_argument("--freq", default="D")
    args = parser.parse_args()
    from core.data import ImportOptions

    frame = load(SAMPLE, ImportOptions(freq=args.freq)).frame
    horizon = HORIZON[args.freq]
    last = frame.groupby(ID)[DS].transform("max").max()
    dates = sorted(frame[DS].unique())
    cutoff = dates[-horizon - 1]
    train, test = frame[frame[DS] <= cutoff], frame[(frame[DS] > cutoff) & (frame[DS] <= last)]
    models, windows = preset_models(args.preset)
    started = time.perf_counter()
    run = pipeline.run(train, ForecastSettings(horizon=horizon, freq=args.freq, models=models,
                                               windows=windows))
    seconds = time.perf_counter() - started
    actual = float(test[Y].sum())
    total = float(run.forecast["yhat"].clip(lower=0).sum())
    n = run.forecast[ID].nunique()
    bias = (run.forecast.merge(test[[ID, DS, Y]], on=[ID, DS], how="inner")
            .eval("yhat - y").mean())
    print(f"preset {args.preset} models {models} windows {windows}; {n} products, "
          f"h={horizon} {args.freq}, cutoff {pd.Timestamp(cutoff).date()}")
    change = 100 * (total / actual - 1)
    print(f"forecast total {total:,.0f} vs actual {actual:,.0f}: {change:+.1f} %"
          f"; mean error per product-period {bias:+.2f}; {seconds:.0f} s")
    print(run.choices["model"].value_counts().to_string())


if __name__ == "__main__":
    main()
