"""`trendcast backtest INPUT --horizon H --windows K --output M.csv`: rolling-origin accuracy."""
from __future__ import annotations

import argparse

from core.cli._holidays import add_arguments as add_holiday_arguments
from core.cli._io import add_series_end_argument, positive_int


def add_parser(sub, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("input", metavar="INPUT", help="sales file (anything the import reads)")
    parser.add_argument("--horizon", type=positive_int, required=True, help="periods per window")
    parser.add_argument("--windows", type=positive_int, required=True,
                        help="rolling-origin windows")
    parser.add_argument("--step", type=positive_int, help="periods between windows (default H)")
    parser.add_argument("--freq", choices=("D", "W", "M"), help="D, W or M (default: detect)")
    add_series_end_argument(parser)
    parser.add_argument("--models", default="auto",
                        help="comma-separated model names; auto also scores its candidates")
    parser.add_argument("--season-length", type=positive_int,
                        help="season length the models use (MASE always uses 7/1/12)")
    parser.add_argument("--per-product", action="store_true",
                        help="one row per model and product instead of per model")
    parser.add_argument("--jobs", type=positive_int, default=2, help="worker processes")
    add_holiday_arguments(parser)
    parser.add_argument("--output", required=True, metavar="METRICS.csv",
                        help="where to write the metrics")
    return parser


def run(args: argparse.Namespace) -> int:
    from core.cli._holidays import chosen_country
    from core.cli._io import (
        check_before_reading,
        load_input,
        quiet_numeric_warnings,
        write_output,
    )
    from core.errors import TrendcastError
    from core.pipeline import run as run_pipeline
    from core.pipeline_types import ForecastSettings

    models = tuple(m.strip() for m in args.models.split(",") if m.strip())
    if not models:
        raise TrendcastError("--models needs at least one model name.")
    quiet_numeric_warnings()
    check_before_reading(args.output, models)
    imported = load_input(args.input, args.freq, args.series_end)
    frame, freq = imported.frame, imported.freq
    settings = ForecastSettings(horizon=args.horizon, freq=freq, season_length=args.season_length,
                                windows=args.windows, step=args.step, models=models,
                                n_jobs=args.jobs, holiday_country=chosen_country(args, imported),
                                seed=args.seed)
    result = run_pipeline(frame, settings)
    table = result.metrics_per_product if args.per_product else result.metrics
    if table.empty:
        raise TrendcastError("No product has enough history for this horizon and these windows.")
    if "auto" not in models:
        table = table[table["model"].isin(models)]
    write_output(table, args.output)
    best = table.groupby("model")["MASE"].mean().sort_values()
    print(f"wrote {len(table)} rows to {args.output} in {result.seconds:.1f} s; MASE: "
          + ", ".join(f"{m} {v:.3f}" for m, v in best.items()))
    for note in result.notes:
        print(f"note: {note}")
    return 0
