"""Progress events and cooperative cancel during an import."""
from __future__ import annotations

import pytest

from core.data import load
from core.errors import Cancelled
from core.progress import CancelToken
from tests.core.data.conftest import FIXTURES


def test_progress_runs_from_0_to_1():
    events = []
    load(FIXTURES / "gbk_long.csv", progress=events.append)
    fractions = [e.fraction for e in events]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert all(e.message for e in events)


def test_cancel_stops_the_import():
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        load(FIXTURES / "gbk_long.csv", cancel=token)
