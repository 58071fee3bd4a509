"""`--holidays CC|none` and `--seed N` for the forecast and backtest commands.

The country is checked while the arguments are parsed, so a mistyped code fails in a second with
one line naming the flag, not after the import and minutes of training.
"""
from __future__ import annotations

import argparse

NONE = "none"  # --holidays none: no holidays, even when the data names the shop's country


def holidays_flag(text: str) -> str:
    """argparse type: an ISO code or country name -> its ISO code; 'none' -> NONE."""
    from core.countries import check_country
    from core.errors import TrendcastError

    if text.strip().lower() == NONE:
        return NONE
    try:
        code = check_country(text)
    except TrendcastError:
        code = None
    if code is None:
        raise argparse.ArgumentTypeError(
            f"unknown holiday country {text!r}; use an ISO code such as GB, US or DE, a "
            "region such as GB-ENG, or none")
    return code


def seed_flag(text: str) -> int:
    """argparse type: a whole number from 0 to 2**31 - 1 (what the networks accept)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 0 <= value < 2**31:
        raise argparse.ArgumentTypeError(f"must be between 0 and {2**31 - 1}, got {value}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--holidays", type=holidays_flag, metavar="CC",
                        help="public holidays of this country as model inputs (ISO code such as "
                             "GB, US, DE, or a region such as GB-ENG); none: no holidays")
    parser.add_argument("--seed", type=seed_flag, default=0,
                        help="seed of the networks' training: same data, settings and seed give "
                             "the same forecast (default 0)")


def chosen_country(args: argparse.Namespace, imported) -> str | None:
    """The run's holiday country: the flag's, else the one the import found in the data
    (`ImportResult.holiday_country`); says on stderr which and why."""
    import sys

    from core.messages import render

    if args.holidays == NONE:
        code, why = None, "turned off with --holidays none"
    elif args.holidays:
        code, why = args.holidays, "from --holidays"
    else:
        code = imported.holiday_country
        found = imported.summary.country
        said = "the data names no country"
        if found:
            key, fields = found.summary_item()
            said = render(key, **fields)
        why = f"{said}; --holidays CC or none to choose"
    print(f"note: holidays: {code or 'none'} ({why})", file=sys.stderr)
    return code
