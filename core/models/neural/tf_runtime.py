"""TensorFlow, imported lazily and configured once, before its first op.

Importing TensorFlow costs seconds and hundreds of MB, so nothing at module level here touches it:
listing models, `--help` and opening the window stay light. Thread pools can only be set before
TensorFlow runs its first op; after that TensorFlow raises RuntimeError, which we turn into a clear
message (the setting is per process, so the GUI trains in a worker process it can restart).
"""
from __future__ import annotations

import os
import threading

from core.errors import TrendcastError

# One thread each by default: on a 2-core desktop the other core stays free for the UI.
DEFAULT_INTRA_THREADS = 1
DEFAULT_INTER_THREADS = 1

_lock = threading.Lock()
_configured: tuple[int, int] | None = None


def tensorflow(intra_threads: int = DEFAULT_INTRA_THREADS,
               inter_threads: int = DEFAULT_INTER_THREADS):
    """Import TensorFlow with the given thread pools and return the `tensorflow` module.

    The first call fixes the pools for the life of the process; a later call asking for different
    pools raises `TrendcastError` rather than silently running with the old ones.
    """
    global _configured
    wanted = (int(intra_threads), int(inter_threads))
    if min(wanted) < 1:
        raise TrendcastError("TensorFlow thread counts must be at least 1.")
    with _lock:
        # Quiet TensorFlow's C++ start-up chatter unless the user asked for it.
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        import tensorflow as tf

        if _configured is None:
            try:
                tf.config.threading.set_intra_op_parallelism_threads(wanted[0])
                tf.config.threading.set_inter_op_parallelism_threads(wanted[1])
            except RuntimeError:
                current = (tf.config.threading.get_intra_op_parallelism_threads(),
                           tf.config.threading.get_inter_op_parallelism_threads())
                if current != wanted:
                    raise TrendcastError(
                        f"TensorFlow already started with {current[0]} compute and {current[1]} "
                        f"scheduling threads in this process; {wanted} cannot be set any more. "
                        "Restart the program to change the thread count.") from None
            _configured = wanted
        elif _configured != wanted:
            raise TrendcastError(
                f"TensorFlow is already running with {_configured[0]} compute and "
                f"{_configured[1]} scheduling threads; restart the program to use {wanted}.")
    return tf


def keras_module(intra_threads: int = DEFAULT_INTRA_THREADS,
                 inter_threads: int = DEFAULT_INTER_THREADS):
    """The `keras` module, after `tensorflow()` has set up the thread pools."""
    tensorflow(intra_threads, inter_threads)
    import keras

    return keras


def seed_everything(seed: int) -> None:
    """Make training repeatable: one seed for Python, NumPy and TensorFlow, deterministic ops."""
    tf = tensorflow(*(_configured or (DEFAULT_INTRA_THREADS, DEFAULT_INTER_THREADS)))
    import keras

    keras.utils.set_random_seed(int(seed))
    tf.config.experimental.enable_op_determinism()
