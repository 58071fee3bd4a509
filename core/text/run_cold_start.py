"""The forecast run's cold start: young products with a title take their neighbours' sales.

A product too young to backtest is forecast by the new-product rate (its sales so far spread
over its life and the horizon). When the data have titles, `apply` replaces that with the
title-based cold-start forecast (`core.text.cold_start`, scaled by the product's own first
sales): on Online Retail launches, weeks 3-10 from the title + 2 weeks, MASE 1.065 / WAPE 76 %
against 1.100 / 85 % for the new-product rate (bench/README.md). Its choice row says
`cold_start` with the nearest neighbours as the reason; products without a title keep the
rate and the run's notes say why.

The bands keep the new-product rate's widths (calibrated on backtest errors of young-product
rates) around the new level: the cold start has no backtest of its own inside a run.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core.message_parts import clauses_of, encode, english
from core.progress import NEVER, CancelToken
from core.schema import DS, ID
from core.text.cache import EmbeddingCache
from core.text.cold_start import MODEL, cold_start
from core.text.products import index_products, product_texts

NAMED = 3  # neighbours named in the reason (the full list is in the Similar products tab)
RATE = ("reason.new_product", "reason.new_product_capped")  # clauses the cold start replaces
BASIS_HISTORY, BASIS_NEW, BASIS_COLD = "history", "new_product", "cold_start"


@dataclass
class Applied:
    choices: pd.DataFrame
    forecast: pd.DataFrame
    notes: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (id, fields)
    embeddings: bytes = b""  # the cache with this run's titles, for the project to keep


def apply(frame: pd.DataFrame, choices: pd.DataFrame, forecast: pd.DataFrame, young: pd.Series,
          horizon: int, freq: str, *, new_product: str, cache: EmbeddingCache | bytes | None = None,
          cancel: CancelToken = NEVER) -> Applied:
    """`choices` and `forecast` with the young titled products on the cold start."""
    fresh = [str(u) for u in young.index
             if (choices.loc[choices[ID] == str(u), "model"] == new_product).any()]
    if not fresh:
        return Applied(choices, forecast)
    texts = product_texts(frame)
    if texts.empty:
        return Applied(choices, forecast, [("note.cold_start_no_titles",
                                            {"products": str(len(fresh))})])
    titled = [u for u in fresh if u in texts.index]
    notes = []
    if len(titled) < len(fresh):
        notes.append(("note.cold_start_untitled", {"products": str(len(fresh) - len(titled))}))
    if not titled:
        return Applied(choices, forecast, notes)
    from core.text.encoder import load_encoder  # loads once per process

    loaded = load_encoder()
    if isinstance(cache, bytes):
        cache = EmbeddingCache.from_bytes(cache, "project embeddings")
    cache = cache if cache is not None else EmbeddingCache(loaded.name)  # renews on a new encoder
    index = index_products(frame, loaded.encoder, cache, cancel=cancel)
    cancel.raise_if_cancelled()
    cold = cold_start(frame, index, titled, horizon, freq)
    done = sorted(set(cold.forecast[ID]))
    notes.append(("note.cold_start", {"products": str(len(done)), "encoder": loaded.note}))
    return Applied(_with_reasons(choices, cold.neighbours, done),
                   _with_levels(forecast, cold.forecast), notes, cache.to_bytes())


def _with_reasons(choices: pd.DataFrame, neighbours: pd.DataFrame, done: list[str]
                  ) -> pd.DataFrame:
    out = choices.copy()
    named = neighbours.groupby(ID, sort=False).head(NAMED)
    names = named.assign(text=named["title"] + " (" + named["neighbour"].astype(str) + ")")
    listed = names.groupby(ID, sort=False)["text"].agg(", ".join)
    if "reason_ids" not in out:
        out["reason_ids"] = ""
    for uid in done:
        at = out[ID] == uid
        row = out.loc[at].iloc[0]
        kept = [(key, fields) for key, fields in clauses_of(row["reason"], row["reason_ids"])
                if key not in RATE]  # "too little history: ..." stays
        parts = [*kept, ("reason.cold_start", {"neighbours": listed[uid]})]
        out.loc[at, "model"] = MODEL
        out.loc[at, "reason"] = english(parts)
        out.loc[at, "reason_ids"] = encode(parts)
    return out


def _with_levels(forecast: pd.DataFrame, cold: pd.DataFrame) -> pd.DataFrame:
    """The cold-start level in `yhat`, bands shifted by the same amount (never below 0)."""
    out = forecast.copy()
    level = cold.set_index([ID, DS])["yhat"]
    keys = pd.MultiIndex.from_arrays([out[ID], out[DS]])
    new = level.reindex(keys).to_numpy()
    hit = np.isfinite(new)
    shift = new[hit] - out.loc[hit, "yhat"].to_numpy(float)
    for col in [c for c in out.columns if c.startswith("yhat_")]:
        out.loc[hit, col] = np.maximum(out.loc[hit, col].to_numpy(float) + shift, 0.0)
    out.loc[hit, "yhat"] = new[hit]
    out.loc[hit, "model"] = MODEL
    return out


def basis_of(model: pd.Series) -> pd.Series:
    """`history` / `new_product` / `cold_start`: what a product's forecast stands on."""
    text = model.astype(str)
    return text.where(text.isin([BASIS_NEW, BASIS_COLD]), BASIS_HISTORY)
