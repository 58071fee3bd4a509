"""`trendcast reorder INPUT --lead-time DAYS --output PLAN.csv`: what to order, how much, when.

Forecasts every product (as `forecast` does, with its rolling-origin backtest), then plans:
reorder point = service-level quantile of demand over lead time + review period, learned from
the backtest's errors over that span (core.reorder).
"""
from __future__ import annotations

import argparse
import math
import sys

from core.cli._cold_start import add_cold_start_argument
from core.cli._holidays import add_arguments as add_holiday_arguments
from core.cli._io import add_import_arguments
from core.cli._settings_check import whole_number
from core.executors.cluster_spec import HELP as CLUSTER_HELP

DEFAULT_HORIZON = {"D": 28, "W": 8, "M": 6}
MAX_LISTED = 10  # ids named in a warning; the rest are counted


def add_parser(sub, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("input", metavar="INPUT", help="sales file (anything the import reads)")
    parser.add_argument("--stock", metavar="STOCK.csv",
                        help="stock per product: unique_id (or sku), on_hand; optional on_order, "
                             "lead_time_days, lead_time_sd_days, review_days, service_level, "
                             "moq, pack_size, supplier, price. Default: the sales file's stock "
                             "column")
    parser.add_argument("--lead-time", type=days, required=True, metavar="DAYS",
                        help="lead time in days for products the stock file gives none")
    parser.add_argument("--supplier-lead-time", type=supplier_days, action="append",
                        default=[], metavar="SUPPLIER=DAYS",
                        help="lead time of one supplier's products (repeat for more); a "
                             "lead_time_days in the stock file still wins")
    parser.add_argument("--service-level", type=service_level, default=0.95,
                        help="chance of not running out before the next delivery (default 0.95)")
    parser.add_argument("--service-measure", choices=("cycle", "fill"), default="cycle",
                        help="what the service level means: cycle = the chance a review cycle "
                             "has no shortfall (default); fill = the share of units demanded "
                             "that the stock meets (fill rate)")
    parser.add_argument("--abc-service-levels", type=abc_levels, metavar="A,B,C",
                        help="service levels by revenue class instead, e.g. 0.97,0.95,0.90")
    parser.add_argument("--review-days", type=days, metavar="DAYS",
                        help="days between stock checks (default: one period of the data)")
    parser.add_argument("--horizon", type=whole_number,
                        help="periods to forecast (default: enough for lead time + review, at "
                             "least 28 days, 8 weeks or 6 months)")
    parser.add_argument("--freq", choices=("D", "W", "M"), help="D, W or M (default: detect)")
    add_import_arguments(parser)
    parser.add_argument("--windows", type=whole_number, default=3,
                        help="backtest windows the forecast errors are learned from (default 3)")
    parser.add_argument("--jobs", type=whole_number, default=2, help="worker processes")
    parser.add_argument("--cluster", metavar="SPEC", help=CLUSTER_HELP)
    add_cold_start_argument(parser)
    add_holiday_arguments(parser)
    parser.add_argument("--overrides", metavar="JOURNAL.json",
                        help="plan on the forecast with these hand-made overrides (a journal the "
                             "app exports, as for `forecast --overrides`)")
    parser.add_argument("--output", required=True, metavar="PLAN.csv",
                        help="where to write the plan (one row per product)")
    parser.add_argument("--purchase-list", metavar="LIST.xlsx|LIST.csv",
                        help="also write what to order, grouped by supplier")
    return parser


def run(args: argparse.Namespace) -> int:
    from core.cli._io import check_before_reading, quiet_numeric_warnings
    from core.cli._settings_check import check_settings
    from core.executors import open_executor
    from core.overrides import Journal, read_journal
    from core.pipeline_types import ForecastSettings
    from core.reorder import read_stock_file

    quiet_numeric_warnings()
    for out in (args.output, args.purchase_list):
        if out:
            check_before_reading(out)
    journal = read_journal(args.overrides) if args.overrides else Journal()
    # Windows and jobs fail fast, before a long import (the horizon is checked against the
    # lead time once the frequency is known).
    check_settings(ForecastSettings(horizon=max(args.horizon or 1, 1), freq=args.freq or "D",
                                    windows=args.windows, n_jobs=args.jobs), backtest=True)
    stock = read_stock_file(args.stock) if args.stock else None  # its errors before a long run
    with open_executor(args.cluster, args.jobs) as executor:  # a bad --cluster fails at once
        return _plan(args, stock, journal, executor)


def _plan(args, stock, journal, executor) -> int:
    """Import, forecast (on `executor`), plan and write: the body of `run`."""
    from core.cli._holidays import chosen_country
    from core.cli._io import load_input, write_output
    from core.cli._settings_check import check_settings
    from core.errors import TrendcastError
    from core.export import product_titles
    from core.overrides import apply
    from core.pipeline import run as run_pipeline
    from core.pipeline_types import ForecastSettings
    from core.reorder import ReorderSettings, build_plan, match_stock, stock_from_sales
    from core.reorder.export import write_purchase_list
    from core.reorder.lead_time_demand import period_days
    from core.run_plan import DataShape

    imported = load_input(args.input, args.freq, args.series_end,
                              args.cancelled_status)
    frame, freq = imported.frame, imported.freq
    if stock is None:
        stock = stock_from_sales(frame)
        if stock is None:
            raise TrendcastError(f"{args.input} has no stock column: give --stock STOCK.csv with "
                                 "columns unique_id,on_hand")
    settings = ReorderSettings(lead_time_days=args.lead_time, service_level=args.service_level,
                               review_days=args.review_days,
                               service_by_abc=args.abc_service_levels or {},
                               lead_time_by_supplier=dict(args.supplier_lead_time),
                               service_measure=args.service_measure)
    horizon = _horizon(args.horizon, stock, settings, freq, period_days(freq))
    run_settings = ForecastSettings(horizon=horizon, freq=freq, windows=args.windows,
                                    n_jobs=args.jobs, seed=args.seed,
                                    holiday_country=chosen_country(args, imported),
                                    cold_start=not args.no_cold_start)
    # The plan learns from the backtest's errors, so it needs at least one window.
    check_settings(run_settings, DataShape.of(frame), backtest=True)
    result = run_pipeline(frame, run_settings, executor=executor, keep_candidates=False)
    match = match_stock(sorted(frame["unique_id"].unique()), stock)
    forecast = apply(result.forecast, journal)  # the user's overrides are what gets ordered
    plan = build_plan(frame, forecast, result.backtest, match.items, settings, freq,
                      choices=result.choices)
    write_output(plan.table, args.output)
    _warn("ids in the stock file with no sales (left out of the plan)", match.unknown_ids)
    _warn("products with sales but no stock figure (planned without stock, flagged no_stock)",
          match.missing_ids)
    to_order = ""
    if args.purchase_list:
        rows = write_purchase_list(args.purchase_list, plan.table, product_titles(frame))
        to_order = f"; purchase list of {rows} products in {args.purchase_list}"
    ordering = int((plan.table["order_qty"].fillna(0) > 0).sum())
    print(f"wrote the plan for {len(plan.table)} products to {args.output}: {ordering} to order "
          f"now (horizon {horizon} periods, {result.seconds:.1f} s){to_order}")
    return 0


def _horizon(asked: int | None, stock, settings, freq: str, step: float) -> int:
    """Periods the forecast must cover: the longest lead time (+ spread) plus review."""
    from core.errors import TrendcastError

    def largest(column: str, default: float) -> float:
        values = stock[column].dropna() if column in stock else []
        return max([default, *values])

    lead = max([largest("lead_time_days", settings.lead_time_days),
                *settings.lead_time_by_supplier.values()])
    spread = largest("lead_time_sd_days", 0.0)
    review = largest("review_days", step if settings.review_days is None
                     else settings.review_days)
    needed = max(math.ceil((lead + 1.3 * spread + review) / step - 1e-9), 1)
    if asked is None:
        return max(needed, DEFAULT_HORIZON[freq])
    if asked < needed:
        raise TrendcastError(f"--horizon {asked} is shorter than the lead time + review period "
                             f"({lead:g} + {review:g} days = {needed} periods of {freq}): give "
                             f"--horizon {needed} or more")
    return asked


def _warn(what: str, ids: list[str]) -> None:
    if ids:
        shown = ", ".join(ids[:MAX_LISTED]) + (f" and {len(ids) - MAX_LISTED} more"
                                               if len(ids) > MAX_LISTED else "")
        print(f"warning: {len(ids)} {what}: {shown}", file=sys.stderr)


def days(text: str) -> float:
    """argparse type: a number of days, 0 or more."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of days, got {text!r}") from None
    if not 0 <= value < 10_000:
        raise argparse.ArgumentTypeError(f"must be between 0 and 10000 days, got {text}")
    return value


def supplier_days(text: str) -> tuple[str, float]:
    """argparse type: 'Acme Ltd=21' -> ('Acme Ltd', 21.0)."""
    name, sep, value = text.rpartition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected SUPPLIER=DAYS like 'Acme=21', got {text!r}")
    return name.strip(), days(value.strip())


def service_level(text: str) -> float:
    """argparse type: 0.95, 95 or 95% -> 0.95."""
    try:
        value = float(text.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a level like 0.95, got {text!r}") from None
    if text.endswith("%") or 50 <= value < 100:  # 95 or 95% means 0.95
        value /= 100
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1 (e.g. 0.95), got {text}")
    return value


def abc_levels(text: str) -> dict[str, float]:
    """argparse type: '0.97,0.95,0.9' -> {'A': 0.97, 'B': 0.95, 'C': 0.9}."""
    parts = [p for p in text.split(",") if p.strip()]
    if len(parts) != 3:
        raise argparse.ArgumentTypeError(f"expected three levels A,B,C like 0.97,0.95,0.90, "
                                         f"got {text!r}")
    return dict(zip("ABC", (service_level(p.strip()) for p in parts), strict=True))
