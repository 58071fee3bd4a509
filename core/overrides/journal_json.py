"""A journal as JSON: the project's `overrides/journal.json` and the CLI's `--overrides` file.

    {"format": "trendcast-overrides", "format_version": 1,
     "overrides": [{"product": "A1", "kind": "percent", "value": 20, "periods": [],
                    "start": "2012-03-04", "end": null, "comment": "promo",
                    "when": "2026-12-05T11:30:00Z"}]}

Every field is checked before use (`core.json_check`), so a hand-edited file gets one sentence
naming the entry and field, never a traceback.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from core.atomic_write import atomic_path
from core.error_messages import user_error
from core.errors import TrendcastError
from core.json_check import AtLeast, ListOf, OneOf, Optional, Record, SchemaError, check
from core.overrides.journal import KINDS, Journal, Override

FORMAT = "trendcast-overrides"
FORMAT_VERSION = 1
ENTRY = Record({"product": str, "kind": OneOf(KINDS), "value": float, "periods": ListOf(str),
                "start": Optional(str), "end": Optional(str), "comment": str, "when": str},
               frozenset({"periods", "start", "end", "comment", "when"}))
FILE = Record({"format": OneOf((FORMAT,)), "format_version": AtLeast(1),
               "overrides": ListOf(ENTRY)})


def journal_to_json(journal: Journal) -> dict[str, Any]:
    return {"format": FORMAT, "format_version": FORMAT_VERSION,
            "overrides": [_entry(o) for o in journal]}


def journal_from_json(data: Any, where: str = "overrides") -> Journal:
    """A journal from `journal_to_json`'s form. Raises SchemaError (a ValueError) naming the
    entry and field when the shape is wrong, TrendcastError when a value is not allowed."""
    if isinstance(data, dict) and _is_int(data.get("format_version")) \
            and data["format_version"] > FORMAT_VERSION:
        raise TrendcastError(f"{where} was written by a newer version of Trendcast (overrides "
                             f"format {data['format_version']}); please update Trendcast.")
    check(data, FILE, where)
    out = []
    for number, item in enumerate(data["overrides"], 1):
        try:
            out.append(Override(product=item["product"], kind=item["kind"], value=item["value"],
                                periods=tuple(item.get("periods", ())),
                                start=item.get("start"), end=item.get("end"),
                                comment=item.get("comment", ""),
                                **({"when": item["when"]} if "when" in item else {})))
        except TrendcastError as exc:
            raise TrendcastError(f"{where}, entry {number}: {exc}") from None
    return Journal(tuple(out))


def read_journal(path: str | os.PathLike) -> Journal:
    """A journal file; anything wrong with it is a TrendcastError naming the file."""
    name = Path(path).name
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise user_error("journal.missing", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise user_error("journal.unreadable", path=str(path), error=str(exc)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise user_error("journal.not_json", name=name, line=str(exc.lineno),
                         column=str(exc.colno), error=exc.msg) from None
    try:
        return journal_from_json(data, name)
    except SchemaError as exc:
        raise TrendcastError(f"{exc}. Fix the file or export the journal again.") from None


def write_journal(path: str | os.PathLike, journal: Journal) -> None:
    try:
        with atomic_path(path) as tmp:
            Path(tmp).write_text(json.dumps(journal_to_json(journal), indent=1,
                                            ensure_ascii=False), encoding="utf-8")
    except OSError as exc:
        raise user_error("file.write_failed", path=str(path),
                         error=str(exc.strerror or exc)) from exc


def _entry(o: Override) -> dict[str, Any]:
    return {"product": o.product, "kind": o.kind, "value": o.value,
            "periods": [f"{p:%Y-%m-%d}" for p in o.periods],
            "start": None if o.start is None else f"{o.start:%Y-%m-%d}",
            "end": None if o.end is None else f"{o.end:%Y-%m-%d}",
            "comment": o.comment, "when": o.when}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
