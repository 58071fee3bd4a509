"""`--holidays` and `--seed` on forecast and backtest: checked at parse time, passed to the run."""
from __future__ import annotations

from pathlib import Path

import pytest

from core import pipeline
from core.cli import run

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "core" / "fixtures" / "retail_weekly_40.csv"


@pytest.fixture
def settings_used(monkeypatch):
    """The ForecastSettings each command hands to the pipeline (the real run still happens)."""
    seen, real = [], pipeline.run

    def spy(frame, settings, **kwargs):
        seen.append(settings)
        return real(frame, settings, **kwargs)

    monkeypatch.setattr(pipeline, "run", spy)
    return seen


FORECAST = ["forecast", str(FIXTURE), "--horizon", "2", "--freq", "W", "--model", "naive",
            "--jobs", "1", "--windows", "1"]
BACKTEST = ["backtest", str(FIXTURE), "--horizon", "2", "--freq", "W", "--models", "naive",
            "--jobs", "1", "--windows", "1"]


@pytest.mark.parametrize("command", [FORECAST, BACKTEST])
@pytest.mark.parametrize(("flags", "country", "seed"), [
    (["--holidays", "GB", "--seed", "7"], "GB", 7),
    (["--holidays", "de"], "DE", 0),
    (["--holidays", "United Kingdom"], "GB", 0),
    (["--holidays", "none", "--seed", "0"], None, 0),
])
def test_flags_reach_the_runs_settings(command, flags, country, seed, settings_used, tmp_path):
    assert run([*command, *flags, "--output", str(tmp_path / "out.csv")]) == 0
    assert [(s.holiday_country, s.seed) for s in settings_used] == [(country, seed)]


@pytest.mark.parametrize("command", [FORECAST, BACKTEST])
@pytest.mark.parametrize(("flags", "message"), [
    (["--holidays", "XX"], "argument --holidays: unknown holiday country 'XX'"),
    (["--holidays", "Narnia"], "argument --holidays: unknown holiday country 'Narnia'"),
    (["--seed", "-1"], "argument --seed: must be between 0"),
    (["--seed", "1.5"], "argument --seed: expected a whole number"),
])
def test_bad_values_exit_2_with_one_line_naming_the_flag(command, flags, message, tmp_path,
                                                          capsys, settings_used):
    with pytest.raises(SystemExit) as exc:
        run([*command, *flags, "--output", str(tmp_path / "out.csv")])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err
    assert settings_used == []  # refused before reading the file or fitting anything
