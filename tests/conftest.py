import os

# Tests never open real windows; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# -- real-data slices for model tests (tests/core/fixtures; copied from /work/shared/data) ----
import pathlib as _pathlib  # noqa: E402

import pytest as _pytest  # noqa: E402

_FIXTURES = _pathlib.Path(__file__).parent / "core" / "fixtures"


def _read_fixture(name: str):
    import pandas as pd

    frame = pd.read_csv(_FIXTURES / name, dtype={"unique_id": str})
    frame["ds"] = pd.to_datetime(frame["ds"])
    return frame


@_pytest.fixture(scope="session")
def m3_monthly_slice():
    """150 M3 monthly series: (train, official 18-month test), columns unique_id, ds, y."""
    return (_read_fixture("m3_monthly_150_train.csv.gz"),
            _read_fixture("m3_monthly_150_test.csv.gz"))


@_pytest.fixture(scope="session")
def retail_weekly_slice():
    """150 Online Retail products, 52 weeks each (unique_id, ds, y)."""
    return _read_fixture("online_retail_weekly_150.csv.gz")


@_pytest.fixture(scope="session")
def retail_daily_slice():
    """40 Online Retail products, daily (unique_id, ds, y); mostly zeros."""
    return _read_fixture("online_retail_daily_40.csv.gz")
