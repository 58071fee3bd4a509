"""Functions the spawned workers import in the parallel tests."""
import os
import time


def square(x, cancel):
    return x * x


def blas_threads(_x, cancel):
    return os.environ.get("OPENBLAS_NUM_THREADS")


def stubborn(x, cancel):
    """Ignores the cancel flag on purpose: only terminating the worker stops it."""
    time.sleep(60)
    return x


def fail(x, cancel):
    raise ValueError(f"bad chunk {x}")
