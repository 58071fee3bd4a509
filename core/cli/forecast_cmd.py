"""`trendcast forecast INPUT --horizon H --output OUT.csv`: forecast every product."""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from core.cli._cold_start import add_cold_start_argument
from core.cli._holidays import add_arguments as add_holiday_arguments
from core.cli._io import add_import_arguments
from core.cli._settings_check import level_list, model_list, whole_number
from core.executors.cluster_spec import HELP as CLUSTER_HELP
from core.message_parts import ID_COLUMNS
from core.run_plan import AUTO


def add_parser(sub, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("input", metavar="INPUT", help="sales file (anything the import reads)")
    parser.add_argument("--horizon", type=whole_number, required=True,
                        help="periods to forecast")
    parser.add_argument("--freq", choices=("D", "W", "M"), help="D, W or M (default: detect)")
    add_import_arguments(parser)
    parser.add_argument("--model", type=model_list, default=(AUTO,),
                        help=f"{AUTO} (chosen by backtest per demand class), a name from "
                             "`models`, or several names separated by commas (each product "
                             "gets the one with the lowest backtest MASE)")
    parser.add_argument("--levels", type=level_list, default=(80, 95),
                        help="prediction interval levels in percent (default 80,95)")
    parser.add_argument("--season-length", type=whole_number,
                        help="season length in periods (default 7 daily, 52 weekly, 12 monthly)")
    parser.add_argument("--windows", type=whole_number, default=3,
                        help="backtest windows reported (default 3; 0 = none)")
    parser.add_argument("--jobs", type=whole_number, default=2, help="worker processes")
    parser.add_argument("--cluster", metavar="SPEC", help=CLUSTER_HELP)
    add_holiday_arguments(parser)
    parser.add_argument("--output", required=True, metavar="OUT.csv",
                        help="where to write the forecast")
    parser.add_argument("--choices", metavar="CHOICES.csv",
                        help="also write each product's model, demand class, reason, fallback")
    parser.add_argument("--trending", metavar="TRENDING.csv",
                        help="also write the products ranked by expected change against their "
                             "last H periods: class rising/falling/new/fading/stable, score, and "
                             "the backtest precision/recall of the up/down call for their pool")
    parser.add_argument("--overrides", metavar="JOURNAL.json",
                        help="apply hand-made overrides (a journal the app exports): OUT.csv "
                             "then has the final yhat, the model's yhat_model and overridden")
    add_cold_start_argument(parser)
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
    from core.cli._settings_check import check_settings
    from core.executors import open_executor
    from core.export import final_forecast, with_basis
    from core.overrides import Journal, read_journal, unmatched
    from core.pipeline import run as run_pipeline
    from core.pipeline_types import ForecastSettings
    from core.run_plan import DataShape

    quiet_numeric_warnings()
    settings = ForecastSettings(horizon=args.horizon, freq=args.freq or "D",
                                season_length=args.season_length, windows=args.windows,
                                models=args.model, levels=args.levels, n_jobs=args.jobs,
                                keep_networks=bool(args.project),
                                cold_start=not args.no_cold_start)
    check_settings(settings)  # fail fast, before a long import
    check_before_reading(args.output)
    journal = read_journal(args.overrides) if args.overrides else Journal()
    for extra in (args.choices, args.trending, args.project):
        if extra:
            check_before_reading(extra)
    # Opened before the import: a bad --cluster fails at once, not after a long read.
    with open_executor(args.cluster, args.jobs) as executor:
        imported = load_input(args.input, args.freq, args.series_end,
                              args.cancelled_status)
        frame, freq = imported.frame, imported.freq
        settings = replace(settings, freq=freq, seed=args.seed,
                           holiday_country=chosen_country(args, imported))
        check_settings(settings, DataShape.of(frame))
        result = run_pipeline(frame, settings, executor=executor, keep_candidates=False)
    write_output(with_basis(final_forecast(result.forecast, journal)), args.output)
    for number, override in unmatched(result.forecast, journal):
        print(f"warning: {args.overrides}, entry {number}: changes nothing (product "
              f"{override.product}, {override.span()} is not in the forecast)", file=sys.stderr)
    if args.choices:
        write_output(result.choices.drop(columns=list(ID_COLUMNS), errors="ignore"), args.choices)
    if args.trending:
        write_output(trending_table(result, frame), args.trending)
    if args.project:
        save_run_as_project(args.project, args.input, frame, freq, result,
                            args.series_end, overrides=journal,
                            cancelled_statuses=args.cancelled_status)
    used = result.forecast.drop_duplicates("unique_id")["model"].value_counts()
    if journal:
        print(f"applied {len(journal)} overrides from {args.overrides}")
    print(f"wrote {len(result.forecast)} rows for {len(used.index) and used.sum()} products to "
          f"{args.output} in {result.seconds:.1f} s; models: "
          + ", ".join(f"{m} {n}" for m, n in used.items()))
    return 0


def trending_table(result, frame):
    """`core.trending.ranking` with each product's title when the data has one."""
    from core.schema import ID
    from core.trending import ranking, trending

    table = ranking(trending(result, frame))
    if "title" in frame:
        titles = frame.drop_duplicates(ID, keep="last").set_index(ID)["title"]
        table.insert(1, "title", table[ID].map(titles).fillna("").astype(str))
    return table
