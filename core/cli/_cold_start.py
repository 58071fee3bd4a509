"""`--no-cold-start`, shared by `forecast` and `reorder`."""
from __future__ import annotations

import argparse


def add_cold_start_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-cold-start", action="store_true",
                        help="forecast products too young to backtest by the new-product rate "
                             "even when they have a title (default: from the sales of the "
                             "products with the most similar titles)")
