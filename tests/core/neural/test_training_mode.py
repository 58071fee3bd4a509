"""Graph or eager training: few steps over a long lookback are traced (issue #12's time budget:
`auto`'s warm-started windows on Online Retail daily trained 48 steps each eagerly, ~80 s)."""
from core.models.registry import create


def test_few_steps_over_a_long_lookback_are_traced(shop, tiny):
    # 2 epochs x 16 steps = 32 steps (eager under the old 40-step rule) x lookback 28.
    model = create("lstm_attention", **tiny("lstm_attention", windows_per_epoch=128,
                                            batch_size=8, lookback=28))
    model.fit(shop, freq="D")
    assert model.net_.run_eagerly is False
    model.fine_tune(shop, epochs=2)  # a warm window, as `auto` runs them
    assert model.net_.run_eagerly is False


def test_a_tiny_run_trains_eagerly(shop, tiny):
    model = create("lstm_attention", **tiny("lstm_attention"))  # 2 epochs x 2 steps x 14
    model.fit(shop, freq="D")
    assert model.net_.run_eagerly is True
