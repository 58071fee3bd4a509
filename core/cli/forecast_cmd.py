"""`trendcast forecast INPUT --horizon H --output OUT.csv`: forecast every product."""
from __future__ import annotations

import argparse

from core.cli._holidays import add_arguments as add_holiday_arguments
from core.cli._io import add_series_end_argument, levels, positive_int


def add_parser(sub, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("input", metavar="INPUT", help="sales file (anything the import reads)")
    parser.add_argument("--horizon", type=positive_int, required=True,
                        help="periods to forecast")
    parser.add_argument("--freq", choices=("D", "W", "M"), help="D, W or M (default: detect)")
    add_series_end_argument(parser)
    parser.add_argument("--model", default="auto",
                        help="auto (chosen by backtest per demand class) or a name from `models`")
    parser.add_argument("--levels", type=levels, default=(80, 95),
                        help="prediction interval levels in percent (default 80,95)")
    parser.add_argument("--season-length", type=positive_int,
                        help="season length in periods (default 7 daily, 52 weekly, 12 monthly)")
    parser.add_argument("--windows", type=positive_int, default=3,
                        help="backtest windows used to choose models (default 3)")
    parser.add_argument("--jobs", type=positive_int, default=2, help="worker processes")
    add_holiday_arguments(parser)
    parser.add_argument("--output", required=True, metavar="OUT.csv",
                        help="where to write the forecast")
    parser.add_argument("--choices", metavar="CHOICES.csv",
                        help="also write each product's model, demand class, reason, fallback")
    parser.add_argument("--project", metavar="SHOP.trendcast",
                        help="also save a project (data, settings, results, trained networks) "
                             "that the app opens and `whatif` reads")
    return parser


def run(args: argparse.Namespace) -> int:
    from core.cli._holidays import chosen_country
    from core.cli._io import (
        check_before_reading,
        load_input,
        quiet_numeric_warnings,
        save_run_as_project,
        write_output,
    )
    from core.pipeline import run as run_pipeline
    from core.pipeline_types import ForecastSettings

    quiet_numeric_warnings()
    check_before_reading(args.output, (args.model,))
    for extra in (args.choices, args.project):
        if extra:
            check_before_reading(extra, ())
    imported = load_input(args.input, args.freq, args.series_end)
    frame, freq = imported.frame, imported.freq
    settings = ForecastSettings(horizon=args.horizon, freq=freq, season_length=args.season_length,
                                windows=args.windows, models=(args.model,), levels=args.levels,
                                n_jobs=args.jobs, keep_networks=bool(args.project),
                                holiday_country=chosen_country(args, imported), seed=args.seed)
    result = run_pipeline(frame, settings)
    write_output(result.forecast, args.output)
    if args.choices:
        write_output(result.choices, args.choices)
    if args.project:
        save_run_as_project(args.project, args.input, frame, freq, result,
                            args.series_end)
    used = result.forecast.drop_duplicates("unique_id")["model"].value_counts()
    print(f"wrote {len(result.forecast)} rows for {len(used.index) and used.sum()} products to "
          f"{args.output} in {result.seconds:.1f} s; models: "
          + ", ".join(f"{m} {n}" for m, n in used.items()))
    return 0
