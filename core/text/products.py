"""The text that stands for each product (its title, with its category when the file has one)
and the index of their vectors."""
from __future__ import annotations

import pandas as pd

from core.progress import NEVER, CancelToken, ProgressCallback
from core.schema import ID
from core.text.cache import EmbeddingCache
from core.text.encoder import Encoder
from core.text.neighbours import TextIndex


def product_texts(frame: pd.DataFrame) -> pd.Series:
    """unique_id -> text ("title (category)"), in order of first appearance; products without
    a title are left out. Empty when the frame has no title column."""
    if "title" not in frame:
        return pd.Series(dtype=str)
    first = frame.drop_duplicates(ID).set_index(frame.drop_duplicates(ID)[ID].astype(str))
    titles = first["title"].fillna("").astype(str).str.strip()
    if "category" in first:
        category = first["category"].fillna("").astype(str).str.strip()
        titles = titles.where(category == "", titles + " (" + category + ")")
    return titles[titles != ""].rename("title")


def index_products(frame: pd.DataFrame, encoder: Encoder, cache: EmbeddingCache | None = None,
                   *, progress: ProgressCallback | None = None,
                   cancel: CancelToken = NEVER) -> TextIndex:
    """Every titled product's vector; titles already in `cache` are not encoded again."""
    texts = product_texts(frame)
    cache = cache if cache is not None else EmbeddingCache(encoder.name)
    vectors = cache.lookup(encoder, texts.tolist(), progress=progress, cancel=cancel)
    return TextIndex(texts.index.astype(str).tolist(), texts.tolist(), vectors)
