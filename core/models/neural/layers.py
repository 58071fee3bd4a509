"""Custom Keras layers and the pinball loss, as real serializable classes.

Saved models are loaded with `safe_mode=True`, which refuses `Lambda` layers (they would run code
stored in the file). These small classes replace what would otherwise be lambdas; they are
registered under the "trendcast" package name so `keras.saving.load_model` finds them once this
module is imported. Import this module only after `tf_runtime` has configured TensorFlow.
"""
from __future__ import annotations

import keras
import numpy as np
from keras import ops

PACKAGE = "trendcast"


@keras.saving.register_keras_serializable(package=PACKAGE)
class LastStep(keras.layers.Layer):
    """(batch, time, d) -> (batch, d): the encoder's state at the most recent period."""

    def call(self, inputs):
        return inputs[:, -1, :]

    def compute_output_shape(self, input_shape):
        return (input_shape[0], input_shape[2])


@keras.saving.register_keras_serializable(package=PACKAGE)
class PositionalEncoding(keras.layers.Layer):
    """Adds fixed sinusoidal position signals so self-attention knows the order of periods."""

    def build(self, input_shape):
        length, depth = int(input_shape[1]), int(input_shape[2])
        pos = np.arange(length)[:, None]
        rate = 1.0 / np.power(10000.0, (2 * (np.arange(depth)[None, :] // 2)) / depth)
        angle = pos * rate
        table = np.where(np.arange(depth)[None, :] % 2 == 0, np.sin(angle), np.cos(angle))
        self.table = ops.convert_to_tensor(table[None].astype("float32"))

    def call(self, inputs):
        return inputs + ops.cast(self.table, inputs.dtype)


@keras.saving.register_keras_serializable(package=PACKAGE)
class StepEmbedding(keras.layers.Layer):
    """Adds a learned vector per forecast step, so the head can treat day 1 and day 28 apart."""

    def build(self, input_shape):
        self.steps = self.add_weight(shape=(int(input_shape[1]), int(input_shape[2])),
                                     initializer="zeros", name="steps")

    def call(self, inputs):
        return inputs + self.steps[None]


@keras.saving.register_keras_serializable(package=PACKAGE)
class MonotoneQuantiles(keras.layers.Layer):
    """Raw (batch, h, q) outputs -> ordered quantiles: the median plus positive gaps outwards.

    Quantiles can never cross, so the 80% band always lies inside the 95% band.
    """

    def __init__(self, median_index: int, **kwargs):
        super().__init__(**kwargs)
        self.median_index = int(median_index)

    def call(self, inputs):
        m = self.median_index
        median = inputs[..., m:m + 1]
        up = median + ops.cumsum(ops.softplus(inputs[..., m + 1:]), axis=-1)
        down_gaps = ops.cumsum(ops.softplus(ops.flip(inputs[..., :m], axis=-1)), axis=-1)
        down = ops.flip(median - down_gaps, axis=-1)
        return ops.concatenate([down, median, up], axis=-1)

    def get_config(self):
        return {**super().get_config(), "median_index": self.median_index}


@keras.saving.register_keras_serializable(package=PACKAGE)
class PinballLoss(keras.losses.Loss):
    """Mean pinball (quantile) loss over all quantiles and forecast steps."""

    def __init__(self, quantiles=(0.025, 0.1, 0.5, 0.9, 0.975), name="pinball", **kwargs):
        super().__init__(name=name, **kwargs)
        self.quantiles = tuple(float(q) for q in quantiles)

    def call(self, y_true, y_pred):
        q = ops.convert_to_tensor(np.array(self.quantiles, dtype="float32"))
        y_true = ops.cast(y_true, y_pred.dtype)
        if len(y_true.shape) == len(y_pred.shape) - 1:
            y_true = ops.expand_dims(y_true, -1)
        err = y_true - y_pred
        return ops.mean(ops.maximum(q * err, (q - 1.0) * err), axis=(-2, -1))

    def get_config(self):
        return {**super().get_config(), "quantiles": list(self.quantiles)}
