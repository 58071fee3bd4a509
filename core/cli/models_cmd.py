"""`trendcast models`: list the registry."""
from __future__ import annotations

import argparse


def add_parser(sub, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("--params", action="store_true", help="also list each model's parameters")
    return parser


def run(args: argparse.Namespace) -> int:
    from core.models.registry import available

    rows = []
    for cls in sorted(available(), key=lambda c: (c.family, c.name)):
        caps = cls.capabilities
        flags = (("intervals", caps.intervals), ("global", caps.global_model),
                 ("exogenous", caps.exogenous), ("epochs", caps.reports_epochs),
                 ("save", caps.saveable))
        can = [word for word, flag in flags if flag]
        rows.append((cls.name, cls.family, f"min history {caps.min_history}; " + ", ".join(can),
                     cls.description))
    width = max(len(r[0]) for r in rows)
    fam = max(len(r[1]) for r in rows)
    for name, family, can, desc in rows:
        print(f"{name:<{width}}  {family:<{fam}}  {can}")
        print(f"{'':<{width}}    {desc}")
        if args.params:
            for spec in _specs(name):
                print(f"{'':<{width}}    --{spec.name} ({spec.kind}, default {spec.default}): "
                      f"{spec.help}")
    return 0


def _specs(name: str):
    from core.models.registry import get
    from core.run_plan import RUN_SET_PARAMS

    return [spec for spec in get(name).params if spec.name not in RUN_SET_PARAMS]
