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


def _orders(tmp_path, countries: list[str]) -> Path:
    """UCI-style order lines over four weeks, one line a day per product and country listed."""
    rows = ["InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country"]
    for day in range(28):
        for j, country in enumerate(countries):
            rows.append(f"{536000 + day * 10 + j},P{j % 2},Thing,3,"
                        f"2011-02-{1 + day:02d} 10:00,1.5,{17000 + j},{country}")
    path = tmp_path / "orders.csv"
    path.write_text("\n".join(rows) + "\n")
    return path


def _forecast(path: Path, tmp_path: Path, *flags: str) -> int:
    return run(["forecast", str(path), "--horizon", "2", "--model", "naive", "--jobs", "1",
                "--windows", "1", *flags, "--output", str(tmp_path / "fc.csv")])


def _holiday_notes(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines()
            if line.startswith("note: holidays")]


def test_forecast_uses_the_country_the_import_found(tmp_path, settings_used, capsys):
    path = _orders(tmp_path, ["United Kingdom"] * 4 + ["France"])
    assert _forecast(path, tmp_path) == 0
    assert [s.holiday_country for s in settings_used] == ["GB"]
    [note] = _holiday_notes(capsys)
    assert note.startswith("note: holidays: GB (holidays of GB by default: United Kingdom bought "
                           "80% of the units (column 'Country'); --holidays CC or none")


def test_holidays_none_turns_the_detected_country_off(tmp_path, settings_used, capsys):
    path = _orders(tmp_path, ["United Kingdom"] * 4)
    assert _forecast(path, tmp_path, "--holidays", "none") == 0
    assert [s.holiday_country for s in settings_used] == [None]
    assert _holiday_notes(capsys) == ["note: holidays: none (turned off with --holidays none)"]


def test_the_flag_wins_over_the_data(tmp_path, settings_used, capsys):
    path = _orders(tmp_path, ["United Kingdom"] * 4)
    assert _forecast(path, tmp_path, "--holidays", "IE") == 0
    assert [s.holiday_country for s in settings_used] == ["IE"]
    assert _holiday_notes(capsys) == ["note: holidays: IE (from --holidays)"]


def test_a_mixed_shop_runs_without_holidays_and_says_why(tmp_path, settings_used, capsys):
    path = _orders(tmp_path, ["United Kingdom", "Germany", "France"])
    assert _forecast(path, tmp_path) == 0
    assert [s.holiday_country for s in settings_used] == [None]
    [note] = _holiday_notes(capsys)
    assert "note: holidays: none (no default for holidays: the largest country" in note


def test_data_without_countries_runs_without_holidays(settings_used, tmp_path, capsys):
    assert run([*FORECAST, "--output", str(tmp_path / "fc.csv")]) == 0
    assert [s.holiday_country for s in settings_used] == [None]
    assert _holiday_notes(capsys) == [
        "note: holidays: none (the data names no country; --holidays CC or none to choose)"]


def test_import_prints_the_shops_country(tmp_path, capsys):
    path = _orders(tmp_path, ["United Kingdom"] * 4 + ["France"])
    assert run(["import", str(path)]) == 0
    assert ("holidays of GB by default: United Kingdom bought 80% of the units (column "
            "'Country')") in capsys.readouterr().out.splitlines()
