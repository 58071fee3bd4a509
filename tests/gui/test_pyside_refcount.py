"""Guard against the PySide6 6.12.0 bug that made every Signal.emit() drop a reference to True.

With it, Python aborts ("bool_dealloc: deallocating True or False") after a few thousand signal
emissions, e.g. a few minutes of moving the mouse over a chart. Runs in a subprocess so that a
bad version fails this test instead of crashing the whole run.
"""
from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Emitter(QObject):
    happened = Signal()
    valued = Signal(object)
emitter = Emitter()
emitter.valued.connect(lambda value: None)
before = sys.getrefcount(True)
for _ in range(200):
    emitter.happened.emit()
    emitter.valued.emit(True)
print(before - sys.getrefcount(True))
"""


def test_emitting_signals_keeps_python_bools_alive():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) < 10, "PySide6 leaks references to True on emit()"
