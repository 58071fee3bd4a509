"""The Reorder step's inputs as they are kept in a project: `reorder/inputs.json`.

What the user chose or typed (stock source, edits typed into the plan, lead time, review period,
service level or levels per revenue class, service measure, lead time per supplier) is saved so a
reopened project makes the same plan. Plain JSON checked against a spec before use, never pickle;
a project without the member (an old one) has no saved inputs and the step starts from defaults.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.errors import TrendcastError
from core.json_check import AtLeast, ListOf, MapOf, OneOf, Optional, Record, check
from core.reorder.inputs import ReorderSettings

FORMAT = "trendcast-reorder-inputs"
FORMAT_VERSION = 1
MEASURES = ("cycle", "fill")
# columns an edit may change (the plan table's editable ones, plus MOQ and pack size)
EDITABLE = ("on_hand", "on_order", "lead_time_days", "moq", "pack_size")
SPEC = Record({
    "format": OneOf((FORMAT,)), "format_version": AtLeast(1),
    "stock_path": str, "from_sales": bool,
    "edits": ListOf(Record({"product": str, "column": OneOf(EDITABLE), "value": float})),
    "lead_time_days": float, "review_days": Optional(float), "service_level": float,
    "service_by_abc": MapOf(float), "service_measure": OneOf(MEASURES),
    "lead_time_by_supplier": MapOf(float),
}, frozenset({"service_measure", "lead_time_by_supplier", "edits"}))


@dataclass(frozen=True)
class ReorderInputs:
    """Everything the Reorder step needs besides the forecast and the files it names."""

    stock_path: str = ""  # a stock file (read again when the plan is made)
    from_sales: bool = False  # or the sales file's stock column
    edits: tuple[tuple[str, str, float], ...] = ()  # (product, column, value) typed in the table
    lead_time_days: float = 14.0
    review_days: float | None = None
    service_level: float = 0.95
    service_by_abc: dict[str, float] = field(default_factory=dict)
    service_measure: str = "cycle"  # "cycle" (no shortfall in a cycle) or "fill" (units met)
    lead_time_by_supplier: dict[str, float] = field(default_factory=dict)

    def settings(self) -> ReorderSettings:
        return ReorderSettings(lead_time_days=self.lead_time_days,
                               service_level=self.service_level, review_days=self.review_days,
                               service_by_abc=dict(self.service_by_abc),
                               lead_time_by_supplier=dict(self.lead_time_by_supplier),
                               service_measure=self.service_measure)


def reorder_inputs_to_json(inputs: ReorderInputs) -> dict[str, Any]:
    return {"format": FORMAT, "format_version": FORMAT_VERSION,
            "stock_path": inputs.stock_path, "from_sales": inputs.from_sales,
            "edits": [{"product": p, "column": c, "value": float(v)} for p, c, v in inputs.edits],
            "lead_time_days": float(inputs.lead_time_days),
            "review_days": None if inputs.review_days is None else float(inputs.review_days),
            "service_level": float(inputs.service_level),
            "service_by_abc": {k: float(v) for k, v in inputs.service_by_abc.items()},
            "service_measure": inputs.service_measure,
            "lead_time_by_supplier": {k: float(v)
                                      for k, v in inputs.lead_time_by_supplier.items()}}


def reorder_inputs_from_json(data: Any, where: str = "reorder inputs") -> ReorderInputs:
    """Raises SchemaError (a ValueError) naming the field for a wrong shape, TrendcastError for
    values the plan cannot use (a service level of 1.5, a negative lead time or stock)."""
    if isinstance(data, dict) and isinstance(data.get("format_version"), int) \
            and data["format_version"] > FORMAT_VERSION:
        raise TrendcastError(f"{where} was written by a newer version of Trendcast (reorder "
                             f"inputs format {data['format_version']}); please update Trendcast.")
    check(data, SPEC, where)
    out = ReorderInputs(
        stock_path=data["stock_path"], from_sales=data["from_sales"],
        edits=tuple((e["product"], e["column"], float(e["value"]))
                    for e in data.get("edits", [])),
        lead_time_days=float(data["lead_time_days"]),
        review_days=None if data["review_days"] is None else float(data["review_days"]),
        service_level=float(data["service_level"]),
        service_by_abc={k: float(v) for k, v in data["service_by_abc"].items()},
        service_measure=data.get("service_measure", "cycle"),
        lead_time_by_supplier={k: float(v)
                               for k, v in data.get("lead_time_by_supplier", {}).items()})
    problems = out.settings().problems()
    bad_edit = next((e for e in out.edits if not e[2] >= 0 or (e[1] == "pack_size" and e[2] == 0)),
                    None)
    if bad_edit is not None:
        problems.append(f"the {bad_edit[1]} typed for product {bad_edit[0]} must be more than 0"
                        if bad_edit[1] == "pack_size" else
                        f"the {bad_edit[1]} typed for product {bad_edit[0]} cannot be negative")
    if problems:
        raise TrendcastError(f"{where}: " + "; ".join(problems))
    return out
