"""Named what-if scenarios kept side by side, and the comparison of two of them.

    library = ScenarioLibrary().save("Spring sale", result).save("Price rise", other)
    compare(library.get("Spring sale"), library.get("Price rise"))        # per period
    compare_totals(library.get("Spring sale"), library.get("Price rise")) # units and revenue

The library is immutable (an edit returns a new one, which is what the window's undo stack
keeps) and keeps the order scenarios were saved in. Project files store it beside the last
what-if (`core.project`).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd

from core.error_messages import user_error
from core.scenario.whatif import WhatIf
from core.schema import DS

MAX_NAME = 80


@dataclass(frozen=True)
class ScenarioLibrary:
    items: tuple[tuple[str, WhatIf], ...] = ()

    def names(self) -> list[str]:
        return [name for name, _ in self.items]

    def get(self, name: str) -> WhatIf:
        for key, result in self.items:
            if key == name:
                return result
        raise KeyError(name)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def save(self, name: str, result: WhatIf) -> ScenarioLibrary:
        """Keep `result` as `name`; an existing scenario of that name is replaced in place."""
        name = check_name(name)
        named = dataclasses.replace(result, plan=dataclasses.replace(result.plan, name=name))
        if name in self.names():
            return ScenarioLibrary(tuple((k, named if k == name else v) for k, v in self.items))
        return ScenarioLibrary((*self.items, (name, named)))

    def rename(self, old: str, new: str) -> ScenarioLibrary:
        self.get(old)
        new = check_name(new, [n for n in self.names() if n != old])
        return ScenarioLibrary(tuple(
            (new, dataclasses.replace(v, plan=dataclasses.replace(v.plan, name=new)))
            if k == old else (k, v) for k, v in self.items))

    def delete(self, name: str) -> ScenarioLibrary:
        self.get(name)
        return ScenarioLibrary(tuple((k, v) for k, v in self.items if k != name))


def check_name(name: str, taken=()) -> str:
    """`name` without surrounding spaces, or TrendcastError saying what is wrong with it."""
    name = str(name).strip()
    if not name:
        raise user_error("scenario.no_name")
    if len(name) > MAX_NAME:
        raise user_error("scenario.long_name", most=str(MAX_NAME), length=str(len(name)))
    if name in taken:
        raise user_error("scenario.taken", name=name)
    return name


def compare(a: WhatIf, b: WhatIf, uid: str | None = None) -> pd.DataFrame:
    """Per period (of one product, or the shop with `uid` None): the forecast without a plan,
    units under `a` and under `b`, and b - a."""
    left, right = a.product(uid), b.product(uid)
    out = pd.DataFrame({DS: left[DS], "yhat_base": left["yhat_base"], "yhat_a": left["yhat"]})
    out = out.merge(right[[DS, "yhat"]].rename(columns={"yhat": "yhat_b"}), on=DS, how="outer")
    out["difference"] = out["yhat_b"] - out["yhat_a"]
    return out.sort_values(DS, ignore_index=True)


def compare_totals(a: WhatIf, b: WhatIf, uid: str | None = None) -> pd.DataFrame:
    """Units and revenue over the horizon: as forecast, under `a`, under `b`, and b - a."""
    ta, tb = a.totals(uid), b.totals(uid)
    rows = [{"measure": measure, "forecast": ta[f"{measure}_base"], "a": ta[measure],
             "b": tb[measure], "difference": tb[measure] - ta[measure]}
            for measure in ("units", "revenue")]
    return pd.DataFrame(rows)
