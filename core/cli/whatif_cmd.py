"""`trendcast whatif SHOP.trendcast --price -10 --start 2012-03-01 --end 2012-03-31 -o OUT.csv`

Applies a price plan to the forecast saved in a project (from the app, or `forecast --project`):
each product's chosen forecast moved by its price elasticity or by the trained networks. Several
changes come from a JSON plan (`--plan`, the form `core.scenario.Scenario.to_json` writes).
`--save` keeps the result in the project, where the app's What-if tab shows it.
"""
from __future__ import annotations

import argparse
import math

from core.scenario.plan import METHODS


def add_parser(sub, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("project", metavar="PROJECT", help="a .trendcast project with a forecast")
    parser.add_argument("--price", type=float, metavar="PERCENT",
                        help="price change in percent, e.g. -10 for ten percent cheaper")
    parser.add_argument("--promo", action="store_true",
                        help="a promotion runs in these periods (networks trained on promo data)")
    parser.add_argument("--start", metavar="YYYY-MM-DD", help="first day (default: first period)")
    parser.add_argument("--end", metavar="YYYY-MM-DD", help="last day (default: horizon's end)")
    parser.add_argument("--product", action="append", default=[], metavar="ID",
                        help="only this product (repeat for more; default: all products)")
    parser.add_argument("--category", default="", help="only the products of this category")
    parser.add_argument("--plan", metavar="PLAN.json",
                        help="several changes as JSON instead of --price/--start/...")
    parser.add_argument("--elasticity", type=float, metavar="E",
                        help="assume this price elasticity for every product (e.g. -1.5) instead "
                             "of estimating it from the history")
    parser.add_argument("--method", choices=METHODS, default="auto",
                        help="elasticity, network (trained networks that read prices) or auto "
                             "(networks when the project has them)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.csv",
                        help="per product and period: title, prices, forecasts and revenue")
    parser.add_argument("--save", action="store_true", help="keep the result in the project")
    return parser


def run(args: argparse.Namespace) -> int:
    from core.cli._io import check_before_reading
    from core.csv_output import write_csv
    from core.errors import TrendcastError
    from core.export import whatif_table
    from core.overrides import apply_to_run
    from core.project import load_project, save_project
    from core.scenario import PriceChange, Scenario, what_if

    check_before_reading(args.output)
    if args.plan:
        import json

        try:
            with open(args.plan, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError) as exc:
            raise TrendcastError(f"Could not read the plan {args.plan}: {exc}") from None
        plan = Scenario.from_json({**data, "method": data.get("method", args.method),
                                   "elasticity": data.get("elasticity", args.elasticity)})
    elif args.price is None and not args.promo:
        raise TrendcastError("Say what changes: --price PERCENT and/or --promo, or --plan.")
    else:
        plan = Scenario((PriceChange(args.price or 0.0, args.start, args.end,
                                     tuple(args.product), args.category, args.promo),),
                        method=args.method, elasticity=args.elasticity)
    project = load_project(args.project)
    if project.run is None:
        raise TrendcastError(f"{args.project} has no forecast yet: train one in the app or run "
                             "`forecast --project` first.")
    # The plan moves the final forecast: the model's with the project's overrides.
    result = what_if(apply_to_run(project.run, project.overrides), project.frame, plan)
    write_csv(args.output, whatif_table(result, project.frame), bom=True)
    if args.save:
        project.scenario = result
        save_project(args.project, project)
    t = result.totals()
    print(f"what-if by {result.method}: units {t['units_base']:,.0f} -> {t['units']:,.0f} "
          f"({_change(t['units_base'], t['units'])}), {_revenue(t)}; wrote {args.output}")
    for note in result.notes:
        print(f"note: {note}")
    return 0


def _revenue(t: dict[str, float]) -> str:
    """The revenue part of the summary; never 'nan' (data without prices has no revenue)."""
    if math.isnan(t["revenue_base"]) or math.isnan(t["revenue"]):
        return "revenue unknown (the data has no prices)"
    text = (f"revenue {t['revenue_base']:,.2f} -> {t['revenue']:,.2f} "
            f"({_change(t['revenue_base'], t['revenue'])})")
    if t.get("unpriced_products"):
        text += f" for the products with prices ({t['unpriced_products']:,.0f} have none)"
    return text


def _change(before: float, after: float) -> str:
    return f"{100 * (after / before - 1):+.1f}%" if before else "n/a"
