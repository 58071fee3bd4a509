"""`trendcast import`: read a sales file, print the summary and problems, write the long CSV."""
from __future__ import annotations

import argparse
import os
import sys

from core.cli._io import add_import_arguments
from core.errors import TrendcastError


def add_parser(sub, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text + ". Prints the summary "
                            "and any problems; writes the canonical long CSV with --output.")
    parser.add_argument("input", nargs="?", help="sales file: CSV/TSV (optionally .gz) or .xlsx")
    parser.add_argument("--freq", choices=("D", "W", "M"), help="aggregate to days, weeks "
                        "(ending Sunday) or months; default: detected (D for order lines)")
    parser.add_argument("--layout", choices=("long", "wide", "orders", "wide_orders"),
                        help="table layout; default: detected")
    for role, flag in (("date", "--date-col"), ("product", "--id-col"),
                       ("quantity", "--qty-col"), ("price", "--price-col"),
                       ("title", "--title-col"), ("category", "--category-col")):
        parser.add_argument(flag, dest=f"role_{role}", metavar="COLUMN",
                            help=f"the column holding the {role}")
    dates = parser.add_mutually_exclusive_group()
    dates.add_argument("--dayfirst", dest="dayfirst", action="store_true", default=None,
                       help="dates are day-first (31/01/2024)")
    dates.add_argument("--monthfirst", dest="dayfirst", action="store_false",
                       help="dates are month-first (01/31/2024)")
    parser.add_argument("--encoding", help="text encoding, e.g. utf-8, gb18030, latin-1")
    parser.add_argument("--delimiter", help="column separator, e.g. ';' (default: detected)")
    parser.add_argument("--decimal", choices=(".", ","),
                        help="decimal mark of the numbers (default: detected)")
    parser.add_argument("--sheet", help="Excel sheet name (default: the first)")
    parser.add_argument("--complete-periods", action="store_true",
                        help="order lines at W or M: leave out a first and last week or month "
                        "that the data covers only in part")
    add_import_arguments(parser)
    parser.add_argument("--rules", action="store_true",
                        help="print the import's cleaning rules (every layout, then order "
                        "exports) and exit")
    parser.add_argument("--output", "-o", metavar="OUT.csv",
                        help="write the canonical long CSV (unique_id,ds,y,...) here")
    return parser


def run(args: argparse.Namespace) -> int:
    from core.cli._io import write_output
    from core.data import CLEANING_RULES, ImportOptions, load

    if args.rules:
        print(CLEANING_RULES)
        return 0
    if not args.input:
        raise TrendcastError("Give the sales file to import, e.g. "
                             "python main.py import orders.csv --freq W --output series.csv")
    roles = {k[5:]: v for k, v in vars(args).items() if k.startswith("role_") and v}
    options = ImportOptions(freq=args.freq, roles=roles, layout=args.layout,
                            dayfirst=args.dayfirst, encoding=args.encoding, sheet=args.sheet,
                            delimiter=args.delimiter and args.delimiter.replace("\\t", "\t"),
                            decimal=args.decimal, complete_periods=args.complete_periods,
                            series_end=args.series_end,
                            cancelled_statuses=tuple(args.cancelled_status))
    result = load(args.input, options)
    if args.output:  # before printing, so a closed pipe (| head) cannot lose the file
        write_output(result.frame, args.output)
    try:
        print(f"{args.input}: {result.layout} layout, columns "
              + ", ".join(f"{role}='{col}'" for role, col in result.roles.items()))
        for line in result.summary.lines():
            print(line)
        if result.layout in ("orders", "wide_orders"):
            print("(the order-line cleaning rule: python main.py import --rules)")
        if args.output:
            print(f"wrote {len(result.frame):,} rows to {args.output}")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (e.g. head) stopped early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return 0
