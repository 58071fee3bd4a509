"""`trendcast backtest INPUT --horizon H --windows K --output M.csv`: rolling-origin accuracy."""
from __future__ import annotations

import argparse
from dataclasses import replace

from core.cli._holidays import add_arguments as add_holiday_arguments
from core.cli._io import add_import_arguments
from core.cli._settings_check import model_list, whole_number
from core.executors.cluster_spec import HELP as CLUSTER_HELP
from core.run_plan import AUTO


def add_parser(sub, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("input", metavar="INPUT", help="sales file (anything the import reads)")
    parser.add_argument("--horizon", type=whole_number, required=True, help="periods per window")
    parser.add_argument("--windows", type=whole_number, required=True,
                        help="rolling-origin windows")
    parser.add_argument("--step", type=whole_number, help="periods between windows (default H)")
    parser.add_argument("--freq", choices=("D", "W", "M"), help="D, W or M (default: detect)")
    add_import_arguments(parser)
    parser.add_argument("--models", type=model_list, default=(AUTO,),
                        help=f"comma-separated model names; {AUTO} also scores its candidates")
    parser.add_argument("--season-length", type=whole_number,
                        help="season length the models use (MASE always uses 7/1/12)")
    parser.add_argument("--per-product", action="store_true",
                        help="one row per model and product instead of per model")
    parser.add_argument("--jobs", type=whole_number, default=2, help="worker processes")
    parser.add_argument("--cluster", metavar="SPEC", help=CLUSTER_HELP)
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
    from core.cli._settings_check import check_settings
    from core.errors import TrendcastError
    from core.executors import open_executor
    from core.pipeline import run as run_pipeline
    from core.pipeline_types import ForecastSettings
    from core.run_plan import DataShape

    models = args.models
    quiet_numeric_warnings()
    settings = ForecastSettings(horizon=args.horizon, freq=args.freq or "D",
                                season_length=args.season_length, windows=args.windows,
                                step=args.step, models=models, n_jobs=args.jobs)
    check_settings(settings, models_flag="--models", backtest=True)  # before a long import
    check_before_reading(args.output)
    # Opened before the import: a bad --cluster fails at once, not after a long read.
    with open_executor(args.cluster, args.jobs) as executor:
        imported = load_input(args.input, args.freq, args.series_end,
                              args.cancelled_status)
        frame, freq = imported.frame, imported.freq
        settings = replace(settings, freq=freq, seed=args.seed,
                           holiday_country=chosen_country(args, imported))
        check_settings(settings, DataShape.of(frame), models_flag="--models", backtest=True)
        result = run_pipeline(frame, settings, executor=executor, keep_candidates=False)
    table = result.metrics_per_product if args.per_product else result.metrics
    if table.empty:
        raise TrendcastError("No product has enough history for this horizon and these windows.")
    if AUTO not in models:
        table = table[table["model"].isin(models)]
    write_output(table, args.output)
    best = table.groupby("model")["MASE"].mean().sort_values()
    print(f"wrote {len(table)} rows to {args.output} in {result.seconds:.1f} s; MASE: "
          + ", ".join(f"{m} {v:.3f}" for m, v in best.items()))
    for note in result.notes:
        print(f"note: {note}")
    return 0
