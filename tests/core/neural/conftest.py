"""Tiny data and settings shared by the neural model tests (1-2 epochs, a few products)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

TINY = {"units": 8, "epochs": 2, "windows_per_epoch": 96, "batch_size": 32, "lookback": 14,
        "horizon": 7, "heads": 2, "dilations": (1, 2)}


def tiny_params(name: str, **overrides) -> dict:
    """TINY, keeping only the parameters the model `name` has."""
    from core.models.registry import get

    known = {p.name for p in get(name).params}
    return {k: v for k, v in {**TINY, **overrides}.items() if k in known}


def shop_frame(periods: int = 84, products: int = 5, seed: int = 0, start="2024-01-01"
               ) -> pd.DataFrame:
    """Weekday-heavy sales of a few products of different sizes, with prices and a category;
    one product starts late."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range(start, periods=periods, freq="D")
    frames = []
    for i in range(products):
        rate = (1 + 2 * i) * (1 + (dates.day_of_week < 5))
        keep = slice(periods // 2, None) if i == products - 1 else slice(None)
        frames.append(pd.DataFrame({
            "unique_id": f"p{i}", "ds": dates[keep], "y": rng.poisson(rate)[keep].astype(float),
            "price": 2.0 + i, "category": "gifts" if i % 2 else "home"}))
    return pd.concat(frames, ignore_index=True)


@pytest.fixture(scope="session")
def shop():
    return shop_frame()


@pytest.fixture(scope="session")
def tiny():
    return tiny_params


@pytest.fixture(scope="session")
def make_shop():
    return shop_frame
