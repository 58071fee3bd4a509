"""Check decoded JSON against a small typed spec before any of it is used.

Files we read back (project manifests, settings, saved networks' metadata) can be hand-edited or
crafted. Each is checked against a spec first, so a wrong field is one clear sentence naming the
field, not a KeyError or AttributeError deep inside the code that uses it:

    check(data, Record({"format": int, "notes": ListOf(str)}), "meta.json")
    check(data, spec_of(ForecastSettings), "settings.json")   # from the dataclass' annotations

A spec is a Python type (`str`, `int`, `float`, `bool`, `dict`, `list`; `int` never accepts a bool,
`float` accepts an int), `Any`, `None`, or one of the classes below.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any


class SchemaError(ValueError):
    """A value that does not fit its spec; the message names where it is and what was expected."""


@dataclass(frozen=True)
class ListOf:
    item: Any


@dataclass(frozen=True)
class MapOf:
    """An object with any string keys whose values all fit `value`."""

    value: Any


@dataclass(frozen=True)
class Optional:
    """`spec` or null."""

    spec: Any


@dataclass(frozen=True)
class OneOf:
    """One of these exact values."""

    values: tuple


@dataclass(frozen=True)
class AtLeast:
    """A whole number (never a bool) >= `minimum`."""

    minimum: int


@dataclass(frozen=True)
class Record:
    """An object with exactly these keys: all of `fields` except `optional` must be there, and no
    other key may be (an unknown key means the file is not what we think it is), unless `extra`
    (to look at a few fields first, say the format version, before the whole check)."""

    fields: dict[str, Any]
    optional: frozenset[str] = field(default_factory=frozenset)
    extra: bool = False


def check(value: Any, spec: Any, where: str) -> None:
    """Raise SchemaError if `value` does not fit `spec`; `where` names the value in the message."""
    if spec is Any:
        return
    if spec is None:
        _expect(value is None, where, "null", value)
    elif isinstance(spec, Optional):
        if value is not None:
            check(value, spec.spec, where)
    elif isinstance(spec, OneOf):
        _expect(not isinstance(value, (dict, list)) and value in spec.values
                and type(value) in {type(v) for v in spec.values}, where,
                "one of " + ", ".join(repr(v) for v in spec.values), value)
    elif isinstance(spec, AtLeast):
        _expect(_is_int(value) and value >= spec.minimum, where,
                f"a whole number of at least {spec.minimum}", value)
    elif isinstance(spec, ListOf):
        _expect(isinstance(value, list), where, "a list", value)
        for i, item in enumerate(value):
            check(item, spec.item, f"{where}[{i}]")
    elif isinstance(spec, MapOf):
        _expect(isinstance(value, dict), where, "an object", value)
        for key, item in value.items():
            check(item, spec.value, f"{where}.{key}")
    elif isinstance(spec, Record):
        _expect(isinstance(value, dict), where, "an object", value)
        unknown = sorted(set(value) - set(spec.fields))
        if unknown and not spec.extra:
            raise SchemaError(f"{where} has unknown field(s) {', '.join(unknown)}")
        missing = sorted(set(spec.fields) - set(value) - spec.optional)
        if missing:
            raise SchemaError(f"{where} lacks the field(s) {', '.join(missing)}")
        for key, item in value.items():
            if key in spec.fields:
                check(item, spec.fields[key], f"{where}.{key}")
    elif spec is int:
        _expect(_is_int(value), where, "a whole number", value)
    elif spec is float:
        _expect(_is_int(value) or isinstance(value, float), where, "a number", value)
    elif spec in (str, bool, dict, list):
        _expect(isinstance(value, spec), where, _NAMES[spec], value)
    else:
        raise TypeError(f"unsupported spec {spec!r}")


_NAMES = {str: "text", bool: "true or false", dict: "an object", list: "a list"}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _expect(ok: bool, where: str, expected: str, value: Any) -> None:
    if not ok:
        shown = repr(value)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        raise SchemaError(f"{where} should be {expected}, not {shown}")


def spec_of(cls: type) -> Record:
    """A Record for the dataclass `cls` from its annotations; fields with defaults are optional.
    One authority: a field added to the dataclass is accepted without touching a second list."""
    hints = typing.get_type_hints(cls)
    fields = {f.name: _spec_of_annotation(hints[f.name]) for f in dataclasses.fields(cls)}
    optional = frozenset(f.name for f in dataclasses.fields(cls)
                         if f.default is not dataclasses.MISSING
                         or f.default_factory is not dataclasses.MISSING)
    return Record(fields, optional)


def _spec_of_annotation(annotation: Any) -> Any:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is Any or annotation in (str, int, float, bool):
        return annotation
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        inner = _spec_of_annotation(rest[0]) if len(rest) == 1 else Any
        return Optional(inner) if len(rest) < len(args) else inner
    if origin is dict:
        return MapOf(_spec_of_annotation(args[1]) if args else Any)
    if origin in (list, tuple):  # JSON has no tuples: a tuple is saved as a list
        return ListOf(_spec_of_annotation(args[0]) if args else Any)
    return Any
