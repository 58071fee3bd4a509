"""`trendcast similar INPUT --product ID [--top 10] [--output OUT.csv]`: products with the most
similar titles, by the multilingual sentence model (or the n-gram fallback when it is missing).

Prints `unique_id,title,similarity` (cosine, best first), or writes it to OUT.csv.
`--title TEXT` instead of `--product` asks about a product not sold yet: its neighbours, and
(on stderr) what it would sell from its title alone (core.text.cold_start).
"""
from __future__ import annotations

import argparse

from core.cli._io import add_import_arguments


def add_parser(sub, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("input", metavar="INPUT", help="sales file with a title column")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--product", metavar="ID", help="the product's id")
    which.add_argument("--title", metavar="TEXT",
                       help="a new product's title (any language), instead of --product")
    parser.add_argument("--top", type=_at_least_one, default=10, help="how many (default 10)")
    parser.add_argument("--output", metavar="OUT.csv", help="write the table here, not stdout")
    parser.add_argument("--freq", choices=("D", "W", "M"), help="D, W or M (default: detect)")
    parser.add_argument("--encoder", choices=("auto", "ngrams"), default="auto",
                        help="auto: the sentence model (character n-grams if it is missing); "
                             "ngrams: character n-grams only")
    add_import_arguments(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from core.cli._io import read_input, write_output
    from core.csv_output import print_csv
    from core.errors import TrendcastError
    from core.text.encoder import load_encoder
    from core.text.products import index_products

    if args.output and not Path(args.output).parent.exists():
        raise TrendcastError(f"Output folder does not exist: {Path(args.output).parent}")
    frame, _freq = read_input(args.input, args.freq, args.series_end,
                                args.cancelled_status)
    if "title" not in frame:
        raise TrendcastError(f"{args.input}: no title or description column was found, so "
                             "products cannot be compared by text. Add a column named title "
                             "or description (商品名称) with each product's name.")
    if args.title is not None:
        return _new_title(args, frame, _freq)
    product = str(args.product)
    if product not in set(frame["unique_id"].astype(str)):
        raise TrendcastError(f"{args.input}: no product with id {product!r}"
                             f"{_close_ids(product, frame)}.")
    loaded = load_encoder(args.encoder)
    if not loaded.is_model:
        print(f"note: {loaded.note}", file=sys.stderr)
    index = index_products(frame, loaded.encoder)
    if index.position(product) is None:
        raise TrendcastError(f"{args.input}: product {product!r} has no title, so it has no "
                             "text neighbours. Fill in its title in the file.")
    table = index.similar_to(product, args.top)
    if args.output:
        write_output(table, args.output)
        print(f"wrote {len(table)} products similar to {product} "
              f"({index.titles[index.position(product)]}) to {args.output}")
    else:
        print_csv(table, sys.stdout)
    return 0


NEW = "\x00new"  # the new title's place in the index; no imported id can be this


def _new_title(args: argparse.Namespace, frame, freq: str) -> int:
    import sys

    import numpy as np

    from core.cli._io import write_output
    from core.csv_output import print_csv
    from core.errors import TrendcastError
    from core.text.cold_start import LOOKBACK, MIN_NEIGHBOUR_PERIODS, K, cold_start
    from core.text.encoder import load_encoder
    from core.text.neighbours import TextIndex
    from core.text.products import index_products

    title = args.title.strip()
    if not title:
        raise TrendcastError("--title is empty; give the new product's name.")
    loaded = load_encoder(args.encoder)
    if not loaded.is_model:
        print(f"note: {loaded.note}", file=sys.stderr)
    known = index_products(frame, loaded.encoder)
    index = TextIndex(known.ids + [NEW], known.titles + [title],
                      np.vstack([known.vectors, loaded.encoder.encode([title])]))
    table = index.similar_to(NEW, args.top)
    level = cold_start(frame, index, [NEW], 1, freq).forecast["yhat"]
    unit = {"D": "day", "W": "week", "M": "month"}[freq]
    if not len(level):
        print(f"note: no similar product has {MIN_NEIGHBOUR_PERIODS} {unit}s of sales yet, so "
              "there is no estimate from the title", file=sys.stderr)
    else:
        print(f"note: from its title alone, about {level.iloc[0]:,.1f} units a {unit} "
              f"(weighted median of what its {K} most similar products sold per {unit} over "
              f"their last {LOOKBACK} {unit}s)", file=sys.stderr)
    if args.output:
        write_output(table, args.output)
        print(f"wrote {len(table)} products similar to {title!r} to {args.output}")
    else:
        print_csv(table, sys.stdout)
    return 0


def _close_ids(product: str, frame) -> str:
    import difflib

    ids = frame["unique_id"].astype(str).unique().tolist()
    close = difflib.get_close_matches(product, ids, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else "; check the id column"


def _at_least_one(text: str) -> int:
    """argparse type of --top: a whole number of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value
