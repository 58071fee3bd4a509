"""`auto`'s anchored networks as candidates (issue #12): each is made from its network's own
backtest and forecast rows (`core.level_anchor`), with no second fit, and says in its reason by
how much the network was scaled. Used by the in-memory evaluation (`core.pipeline`) and the
batch path's (`core.evaluation.lean_evaluation`, one network's rows at a time)."""
from __future__ import annotations

import pandas as pd

from core.level_anchor import anchored, product_factors
from core.message_parts import encode
from core.models.neural.auto_candidates import ANCHORED
from core.schema import ID
from core.selection import window_scores

ANCHOR_IDS = "anchor_ids"  # column of the choices: the anchored forecast's clause, or ""
ANCHORED_FROM = {name: network for network, name in ANCHORED.items()}  # anchored -> its network


def anchored_rows(name: str, bt: pd.DataFrame, fc: pd.DataFrame, frame, pools, horizon: int):
    """One anchored candidate's backtest and forecast rows, made from its network's rows (one
    model's), and its factor per (name, product) on the forecast, for the reasons."""
    table = product_factors(fc, frame, pools, periods=horizon)
    return (anchored(bt, frame, pools, periods=horizon).assign(model=name),
            anchored(fc, frame, pools, periods=horizon).assign(model=name),
            {(name, uid): f for uid, f in zip(table[ID], table["factor"], strict=True)})


def with_anchored(bt, fc, scores, frame, anchors, pools, horizon: int, freq: str):
    """(backtest, forecast, window scores) with the `anchors` candidates added after every
    other model's rows (not members of the combinations), and each (anchored model, product)'s
    factor on the forecast. A network that was not fitted (too little data) adds nothing."""
    bts, fcs, extra, scaled_by = [bt], [fc], [scores], {}
    for name in anchors:
        network = ANCHORED_FROM[name]
        if not (bt["model"] == network).any():
            continue
        rows_bt, rows_fc, scales = anchored_rows(name, bt[bt["model"] == network],
                                                 fc[fc["model"] == network], frame, pools,
                                                 horizon)
        bts.append(rows_bt)
        fcs.append(rows_fc)
        scaled_by.update(scales)
    if len(bts) > 1:
        extra.append(window_scores(pd.concat(bts[1:], ignore_index=True), frame, freq=freq))
    return (pd.concat(bts, ignore_index=True), pd.concat(fcs, ignore_index=True),
            pd.concat(extra, ignore_index=True), scaled_by)


def anchor_reasons(final: pd.DataFrame, scaled_by: dict, horizon: int) -> pd.DataFrame:
    """`final` (the choice) with the clause saying by how much an anchored network's forecast
    of the product was scaled, in `ANCHOR_IDS`."""
    final[ANCHOR_IDS] = [
        encode([("reason.anchored", {"network": ANCHORED_FROM[model],
                                     "factor": f"{scaled_by[at]:.1f}",
                                     "periods": str(horizon)})])
        if (at := (model, uid)) in scaled_by else ""
        for model, uid in zip(final["model"], final[ID], strict=True)]
    return final
