"""Score a forecast CSV written by the CLI against the M3 monthly test part, by each series' own
dates (issue #11: series end at different dates, so the horizon dates differ per series).

    python main.py forecast /work/shared/data/m3_monthly/m3_monthly_train.csv --horizon 18 \\
        --freq M --model auto --output /tmp/m3_fc.csv
    python bench/score_m3_cli.py /tmp/m3_fc.csv

sMAPE as the competition: mean of 200·|y − ŷ| / (|y| + |ŷ|) over all series and horizons. A test
point without a forecast at its date counts as missing and is reported (not scored as 0).
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

TEST = Path("/work/shared/data/m3_monthly/m3_monthly_test.csv")


def main(forecast_csv: str, test_csv: Path = TEST) -> int:
    fc = pd.read_csv(forecast_csv, parse_dates=["ds"], dtype={"unique_id": str})
    test = pd.read_csv(test_csv, parse_dates=["ds"], dtype={"unique_id": str})
    scored = test.merge(fc[["unique_id", "ds", "yhat"]], on=["unique_id", "ds"], how="left")
    missing = int(scored["yhat"].isna().sum())
    both = scored.dropna(subset=["yhat"])
    y, f = both["y"].to_numpy(float), both["yhat"].to_numpy(float)
    smape = float(np.mean(200 * np.abs(y - f) / (np.abs(y) + np.abs(f))))
    print(f"{len(test):,} test points, {missing:,} without a forecast at their date, "
          f"{len(fc) - len(both):,} forecast rows at dates the test does not have; "
          f"sMAPE {smape:.2f}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
