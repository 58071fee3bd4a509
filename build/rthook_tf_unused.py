"""PyInstaller runtime hook: stand-ins for TensorFlow extension modules the bundle leaves out.

`import tensorflow` builds its whole public API up front, and that imports TensorFlow Lite's
converter and interpreter (`tf.lite`) and the remote profiler client (`tf.profiler.experimental.
client`), which load 33 MB of native code (`libpywrap_tflite_common.so`,
`_pywrap_profiler_plugin.so`)
that Keras training and inference never call. trendcast.spec drops those files; this hook,
run before the app's code, answers their imports with a module whose every attribute raises a
clear error when used, so `import tensorflow` still works and a stray call says what is missing.
Only names the normal import system cannot find are answered (the hook sits last on
`sys.meta_path`). Wired in as trendcast.spec's runtime hook; tests/smoke/test_bundle_size.py
tests the stand-ins, and the frozen app (no TF Lite or profiler files) passes the smoke test and
fits and predicts tcn, lstm_attention and transformer from the CLI.
"""
from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import types

# The extension modules trendcast.spec leaves out (its DROP_BINARIES), by import name.
DROPPED_EXTENSIONS = frozenset({
    "tensorflow.python.profiler.internal._pywrap_profiler_plugin",
    "tensorflow.compiler.mlir.lite.python._pywrap_converter_api",
    *(f"tensorflow.lite.python.{name}" for name in (
        "_pywrap_analyzer_wrapper", "_pywrap_modify_model_interface", "_pywrap_string_util",
        "_pywrap_tensorflow_interpreter_wrapper", "_pywrap_tensorflow_lite_calibration_wrapper",
        "_pywrap_tensorflow_lite_metrics_wrapper", "format_converter_wrapper_pybind11",
        "lib_pywrap_tflite_7_shared_object", "pywrap_genai_ops",
    )),
})


class NotInPackagedApp(RuntimeError):
    """A TensorFlow part that the packaged app leaves out was called."""


class _Missing:
    """Any attribute of a left-out module: harmless to look up, an error to call."""

    def __init__(self, qualified: str) -> None:
        self._qualified = qualified

    def __getattr__(self, name: str) -> _Missing:
        if name.startswith("__"):
            raise AttributeError(name)
        return _Missing(f"{self._qualified}.{name}")

    def __call__(self, *args, **kwargs):
        raise NotInPackagedApp(
            f"{self._qualified} is not in the packaged Trendcast app (TensorFlow Lite and the "
            "remote profiler are left out to keep the download small); run from source for it")


class _StandIn(types.ModuleType):
    def __getattr__(self, name: str) -> _Missing:
        if name.startswith("__"):
            raise AttributeError(name)
        return _Missing(f"{self.__name__}.{name}")


class _StandInFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path=None, target=None):
        if fullname in DROPPED_EXTENSIONS:
            return importlib.machinery.ModuleSpec(fullname, self)
        return None

    def create_module(self, spec):
        return _StandIn(spec.name)

    def exec_module(self, module):
        module.__trendcast_stand_in__ = True


def install(*, first: bool = False) -> None:
    """Add the finder (last, so a real module always wins; `first` for tests that pretend the
    files are gone)."""
    if any(isinstance(finder, _StandInFinder) for finder in sys.meta_path):
        return
    if first:
        sys.meta_path.insert(0, _StandInFinder())
    else:
        sys.meta_path.append(_StandInFinder())


if __name__ != "rthook_tf_unused":  # run by PyInstaller's bootloader, not imported by a test
    install()
