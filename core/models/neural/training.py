"""Training loop: sampled windows per epoch, Adam with a cosine schedule, early stopping, cancel.

Imported only after `tf_runtime.tensorflow()` has configured the thread pools. Each epoch draws a
fresh sample of windows (seeded, so runs repeat exactly), fits one pass over it, scores the held-out
last horizon of every product, and keeps the best weights. A cancel stops Keras after the current
batch and then raises `Cancelled`, so a stopped run never looks trained.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

import keras
import numpy as np
import pandas as pd

from core.countries import check_country
from core.error_messages import user_error
from core.errors import Cancelled, NotEnoughHistory, TrendcastError
from core.models.neural import forecasting, tf_runtime
from core.models.neural.architectures import BUILDERS, Shape
from core.models.neural.layers import PinballLoss
from core.models.neural.model import REFIT_SHARE
from core.models.neural.windows import WindowSource, product_scales, validation_end
from core.models.panel import Panel
from core.progress import CancelToken, ProgressCallback, said, scaled
from core.schema import ID

if TYPE_CHECKING:
    from core.models.neural.model import NeuralModel

EMBED = 8  # product embedding width
REPORT_EVERY = 8  # batches between progress reports inside an epoch
# Eager below this many step-periods (training steps x lookback) in all: tracing the step costs
# seconds, an eager step a Python loop over the lookback (the LSTM: ~0.4 s a step at lookback
# 56, batch 128). Counting steps alone made `auto`'s warm windows on Online Retail daily (2
# epochs of 16 steps + 1 refit) run eagerly: 4 x 48 eager steps, ~80 s of a 184 s run.
EAGER_STEP_PERIODS = 600
UNKNOWN_SHARE = 0.05  # windows trained as "unknown product"


class _Watch(keras.callbacks.Callback):
    """Checks the cancel token after every batch and reports progress every few batches."""

    def __init__(self, cancel: CancelToken, report, steps: int) -> None:
        super().__init__()
        self.cancel, self.report, self.steps = cancel, report, max(steps, 1)

    def on_train_batch_end(self, batch, logs=None):
        if self.cancel.cancelled:
            self.model.stop_training = True  # Keras stops after this batch
        elif (batch + 1) % REPORT_EVERY == 0:
            self.report((batch + 1) / self.steps, float((logs or {}).get("loss", math.nan)))


def _categories(data: pd.DataFrame, ids: np.ndarray, known: list[str] | None
                ) -> tuple[np.ndarray, list[str]]:
    """Category index per product (0 = none), and the category list the indices refer to."""
    names = list(known or [])
    if "category" not in data.columns:
        return np.zeros(len(ids), np.int32), names
    first = data.dropna(subset=["category"]).groupby(ID, sort=False)["category"].first()
    first.index = first.index.astype(str)
    if known is None:
        names = sorted(first.astype(str).unique())
    lookup = {name: i + 1 for i, name in enumerate(names)}
    cats = [lookup.get(str(first.get(uid)), 0) if uid in first.index else 0 for uid in ids]
    return np.asarray(cats, np.int32), names


def build_source(model: NeuralModel, data: pd.DataFrame, panel: Panel, warm: bool
                 ) -> WindowSource:
    """Channels for every product, with the id/category/price mappings of the model when warm."""
    params = model.resolved() if not warm else model.trained_
    known_ids = model.product_ids_ if warm else list(panel.ids)
    lookup = {uid: i + 1 for i, uid in enumerate(known_ids)}
    product_index = np.asarray([lookup.get(uid, 0) for uid in panel.ids], np.int32)
    category_index, categories = _categories(data, panel.ids,
                                             model.categories_ if warm else None)
    source = WindowSource(panel, data, lookback=params["lookback"], horizon=params["horizon"],
                          country=model.country_ if warm else check_country(
                              model.holiday_country),
                          scales=product_scales(panel), product_index=product_index,
                          category_index=category_index,
                          ref_prices=model.ref_prices_ if warm else None)
    if warm and source.exog_names != tuple(model.exog_names_):
        raise TrendcastError(
            f"The model was trained with inputs {list(model.exog_names_) or 'sales only'} but "
            f"this data has {list(source.exog_names) or 'sales only'}; train a new model.")
    if not warm:
        model.product_ids_, model.categories_ = known_ids, categories
    return source


def fit(model: NeuralModel, data: pd.DataFrame, progress: ProgressCallback, cancel: CancelToken,
        *, warm: bool = False, epochs: int | None = None) -> None:
    """Train `model`'s network (from scratch, or from its current weights when `warm`)."""
    cancel.raise_if_cancelled()
    panel = Panel.from_frame(data, model.freq_)
    if not len(panel):
        raise user_error("network.no_products", cls=NotEnoughHistory)
    if warm and panel.freq != model.trained_["freq"]:
        raise user_error("network.other_freq")
    source = build_source(model, data, panel, warm)
    params = model.trained_ if warm else model.resolved()
    val_end = validation_end(source)
    train_end = val_end or source.width
    if source.count(train_end) == 0:
        raise user_error("network.short_history", cls=NotEnoughHistory, model=model.label,
                         need=str(params["horizon"] + 2), horizon=str(params["horizon"]))
    validation = source.validation() if val_end else None
    # A product without a single training window would forecast from an untrained embedding
    # row; the "unknown product" row is trained on a share of all windows instead. Its forecast
    # is then the network's idea of an average product, and the result says so.
    windowless = source.windows_per_product(train_end) == 0
    source.product_index[windowless] = 0
    if not warm:
        need = str(params["horizon"] + 1 + source.width - train_end)
        for uid, length in zip(panel.ids[windowless], panel.lengths[windowless], strict=True):
            model.fallbacks_[str(uid)] = [("fallback.average_product",
                                           {"length": str(length), "need": need})]

    tf_runtime.seed_everything(params["seed"])
    epochs = int(epochs or params["epochs"])
    # Whole batches only: a smaller last batch would make TensorFlow trace the step again.
    per_epoch = min(int(params["windows_per_epoch"]), source.count(train_end))
    batch_size = min(int(params["batch_size"]), per_epoch)
    steps = per_epoch // batch_size
    net, learning_rate = _network(model, source, params, warm)
    schedule = keras.optimizers.schedules.CosineDecay(learning_rate, epochs * steps, alpha=0.1)
    # Tracing the training step costs seconds; for a handful of short steps eager is quicker.
    eager = epochs * steps * int(params["lookback"]) <= EAGER_STEP_PERIODS
    net.compile(optimizer=keras.optimizers.Adam(schedule, clipnorm=1.0),
                loss=PinballLoss(model.quantiles), run_eagerly=eager)
    common = {"per_epoch": steps * batch_size, "batch_size": batch_size, "cancel": cancel}
    refit = validation is not None and REFIT_SHARE > 0
    history = _train(model, net, source, validation, train_end, epochs=epochs,
                     patience=int(params["patience"]), seed=int(params["seed"]),
                     progress=scaled(progress, 0.0, 0.85) if refit else progress, **common)
    if refit:
        # The held-out last horizon is the most recent demand: after early stopping has chosen
        # the weights, a few more epochs on windows reaching the end of the data let the
        # network see it (a quarter of the epochs it took to get there).
        best_epoch = 1 + int(np.argmin([h["val_loss"] for h in history]))
        history += _train(model, net, source, None, source.width,
                          epochs=max(1, round(best_epoch * REFIT_SHARE)), patience=10**6,
                          seed=int(params["seed"]) + 1, progress=scaled(progress, 0.85, 1.0),
                          keep_best=False, first_epoch=len(history), **common)

    model.net_ = net
    model.history_ = history
    if not warm:
        model.trained_ = {**params, "freq": model.freq_}
        model.country_ = check_country(model.holiday_country)
        model.exog_names_ = list(source.exog_names)
    model.ref_prices_ = source.ref_prices
    forecasting.remember(model, panel, source)


def _network(model: NeuralModel, source: WindowSource, params: dict, warm: bool):
    """The network to train and its starting learning rate: new, or the model's own when warm."""
    if warm:
        return model.net_, params["learning_rate"] * 0.3  # refine, do not relearn
    shape = Shape(lookback=params["lookback"], horizon=params["horizon"],
                  past_channels=source.past_channels, future_channels=source.future_channels,
                  n_products=len(model.product_ids_), n_categories=len(model.categories_),
                  n_quantiles=len(model.quantiles), median_index=model.quantiles.index(0.5))
    sizes = {k: v for k, v in params.items() if k in ("units", "dropout", "heads", "dilations")}
    net = BUILDERS[model.architecture](shape, layers_=params.get("layers", 1), embed=EMBED,
                                       **sizes)
    return net, params["learning_rate"]


def _pinball(quantiles: tuple[float, ...], target: np.ndarray, pred: np.ndarray) -> float:
    """Mean pinball loss, as `PinballLoss` computes it, in NumPy."""
    err = target[..., None] - pred
    q = np.asarray(quantiles)
    return float(np.mean(np.maximum(q * err, (q - 1.0) * err)))


def _train(model, net, source: WindowSource, validation, train_end: int, *, epochs: int,
           per_epoch: int, batch_size: int, patience: int, seed: int,
           progress: ProgressCallback, cancel: CancelToken, keep_best: bool = True,
           first_epoch: int = 0) -> list[dict[str, float]]:
    """Epochs of freshly sampled windows with early stopping on the validation loss; the best
    weights are restored at the end (with `keep_best`). Epochs are numbered from
    `first_epoch` + 1 in the reports."""
    rng = np.random.default_rng(seed)
    steps = per_epoch // batch_size
    history: list[dict[str, float]] = []
    best, best_weights, waited = math.inf, None, 0
    for epoch in range(epochs):
        cancel.raise_if_cancelled()

        number = first_epoch + epoch + 1

        def report(fraction, loss, epoch=epoch, number=number):
            progress(said((epoch + fraction) / epochs, "progress.epoch", stage=model.name,
                          metrics={"loss": loss, "epoch": float(number)}, epoch=number,
                          loss=f"{loss:.4f}"))

        batch = source.sample(rng, per_epoch, train_end)
        order = rng.permutation(len(batch))
        inputs = {k: v[order] for k, v in batch.inputs().items()}
        # A share of windows forget which product they are, so the "unknown product" row of the
        # embedding learns an average product: used for products new at fine-tuning time.
        inputs["product"] = np.where(rng.random(len(batch)) < UNKNOWN_SHARE, 0,
                                     inputs["product"]).astype(np.int32)
        result = net.fit(inputs, batch.target[order], batch_size=batch_size, epochs=1,
                         shuffle=False, verbose=0, callbacks=[_Watch(cancel, report, steps)])
        if cancel.cancelled or net.stop_training:
            raise Cancelled()
        loss = float(result.history["loss"][-1])
        metrics = {"loss": loss, "epoch": float(number)}
        said_fields = {"epoch": number, "loss": f"{loss:.4f}"}
        key = "progress.epoch"
        if validation is not None:
            pred = np.asarray(net(validation.inputs(), training=False))
            metrics["val_loss"] = _pinball(model.quantiles, validation.target, pred)
            key = "progress.epoch_validation"
            said_fields["validation"] = f"{metrics['val_loss']:.4f}"
        history.append(metrics)
        progress(said((epoch + 1) / epochs, key, stage=model.name, metrics=metrics,
                      **said_fields))
        score = metrics.get("val_loss", loss)
        if keep_best and score < best - 1e-6:
            best, best_weights, waited = score, [v.numpy() for v in net.weights], 0
        else:
            waited += 1
            if waited >= patience:
                break
    if keep_best and best_weights is not None:
        net.set_weights(best_weights)
    return history
