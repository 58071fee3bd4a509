"""The three networks: an encoder over the lookback differs, the rest is shared.

Every network takes the same inputs (see `windows.Batch`): the scaled lookback with its covariates,
the known-future covariates of the horizon, a product id, a category id and log(1 + scale). The
encoder summarises the lookback into one vector; the shared head combines it with the product's
embedding and each future period's covariates and emits all horizon steps at once, as ordered
quantiles. Import only after `tf_runtime` has configured TensorFlow.
"""
from __future__ import annotations

from dataclasses import dataclass

import keras
from keras import layers

from core.models.neural.layers import LastStep, MonotoneQuantiles, PositionalEncoding, StepEmbedding


@dataclass(frozen=True)
class Shape:
    """Sizes the network is built for (stored in the model's metadata)."""

    lookback: int
    horizon: int
    past_channels: int
    future_channels: int
    n_products: int  # embedding rows = n_products + 1 (row 0: unknown product)
    n_categories: int  # rows = n_categories + 1 (row 0: no category)
    n_quantiles: int
    median_index: int


def _inputs(shape: Shape) -> dict[str, keras.KerasTensor]:
    return {
        "past": keras.Input((shape.lookback, shape.past_channels), name="past"),
        "future": keras.Input((shape.horizon, shape.future_channels), name="future"),
        "product": keras.Input((), dtype="int32", name="product"),
        "category": keras.Input((), dtype="int32", name="category"),
        "static": keras.Input((1,), name="static"),
    }


def _head(inputs, context, shape: Shape, units: int, dropout: float, embed: int):
    """Context + static embeddings + future covariates -> (batch, horizon, quantiles)."""
    product = layers.Embedding(shape.n_products + 1, embed, name="product_embedding")(
        inputs["product"])
    category = layers.Embedding(shape.n_categories + 1, max(2, embed // 2),
                                name="category_embedding")(inputs["category"])
    summary = layers.Concatenate()([context, product, category, inputs["static"]])
    summary = layers.Dense(units, activation="relu")(summary)
    summary = layers.Dropout(dropout)(summary)
    per_step = layers.RepeatVector(shape.horizon)(summary)
    future = layers.Dense(units, activation="relu")(inputs["future"])
    x = layers.Concatenate()([per_step, future])
    x = layers.Dense(units, activation="relu")(x)
    x = StepEmbedding(name="step_embedding")(x)
    x = layers.Dropout(dropout)(x)
    raw = layers.Dense(shape.n_quantiles, name="raw_quantiles")(x)
    return MonotoneQuantiles(shape.median_index, name="quantiles")(raw)


def lstm_attention(shape: Shape, *, units: int, layers_: int, dropout: float, embed: int,
                   **_unused) -> keras.Model:
    """LSTM encoder; the last state attends over every lookback period's state."""
    inputs = _inputs(shape)
    x = inputs["past"]
    for i in range(layers_):
        x = layers.LSTM(units, return_sequences=True, name=f"lstm_{i}")(x)
    query = layers.Reshape((1, units))(layers.Dense(units)(LastStep()(x)))
    context = layers.Flatten()(layers.Attention(name="attention")([query, x]))
    context = layers.Concatenate()([context, LastStep()(x)])
    return keras.Model(inputs, _head(inputs, context, shape, units, dropout, embed),
                       name="lstm_attention")


def transformer(shape: Shape, *, units: int, layers_: int, heads: int, dropout: float,
                embed: int, **_unused) -> keras.Model:
    """Transformer encoder: projected lookback + positions, pre-norm self-attention blocks."""
    inputs = _inputs(shape)
    x = PositionalEncoding()(layers.Dense(units)(inputs["past"]))
    for i in range(layers_):
        h = layers.LayerNormalization()(x)
        h = layers.MultiHeadAttention(heads, max(4, units // heads), dropout=dropout,
                                      name=f"self_attention_{i}")(h, h)
        x = layers.Add()([x, h])
        h = layers.LayerNormalization()(x)
        h = layers.Dense(2 * units, activation="relu")(h)
        h = layers.Dense(units)(layers.Dropout(dropout)(h))
        x = layers.Add()([x, h])
    x = layers.LayerNormalization()(x)
    context = layers.Concatenate()([LastStep()(x), layers.GlobalAveragePooling1D()(x)])
    return keras.Model(inputs, _head(inputs, context, shape, units, dropout, embed),
                       name="transformer")


def tcn(shape: Shape, *, units: int, dilations: tuple[int, ...], dropout: float, embed: int,
        kernel_size: int = 3, **_unused) -> keras.Model:
    """Temporal convolutional network: residual blocks of causal dilated Conv1D."""
    inputs = _inputs(shape)
    x = layers.Conv1D(units, 1)(inputs["past"])
    for d in dilations:
        h = layers.Conv1D(units, kernel_size, padding="causal", dilation_rate=int(d),
                          activation="relu")(x)
        h = layers.SpatialDropout1D(dropout)(h)
        h = layers.Conv1D(units, kernel_size, padding="causal", dilation_rate=int(d),
                          activation="relu")(h)
        x = layers.Add()([x, h])
    return keras.Model(inputs, _head(inputs, LastStep()(x), shape, units, dropout, embed),
                       name="tcn")


BUILDERS = {"lstm_attention": lstm_attention, "transformer": transformer, "tcn": tcn}
