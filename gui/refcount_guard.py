"""Guard against a PySide6 6.12.0 bug that crashes long sessions on Python 3.11.

`SignalInstance.emit()` returns `True` without owning a reference, so every emit from Python
(ours, and pyqtgraph's on every plot update and mouse move) takes one reference away from the
`True` singleton. Python 3.11 counts references to `True` (3.12 made it immortal); after a few
thousand emits the count reaches zero and the interpreter aborts with "bool_dealloc: deallocating
True or False". Measured here: about 5,000 references at start, one lost per emit, two per point
added to a pyqtgraph curve.

`install()` checks once whether this build has the bug and, if so, gives `True` and `False` a
reserve of 2**40 references, which makes them as good as immortal (Python 3.12 does the same
with a large count). Topping up to a floor is not enough: references taken later by imported
modules hide the losses until shutdown, where the interpreter then aborts. Remove this module
once PySide6 is pinned to a fixed version.
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

RESERVE = 1 << 40  # a lifetime of emits: 25 a second would need 1,400 years to use it

_installed = False


class _Probe(QObject):
    pinged = Signal()


def emit_loses_references() -> bool:
    """True when emitting a signal from Python drops a reference to `True` (the bug)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False  # immortal bools: nothing to lose
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(10):
        probe.pinged.emit()
    return sys.getrefcount(True) < before


def install() -> bool:
    """Give True and False their reserve if this PySide6 has the bug; True if it was needed."""
    global _installed
    if _installed:
        return True
    if not emit_loses_references():
        return False
    for value in (True, False):
        # ob_refcnt is the first field of every CPython object (3.11, non-debug build).
        ctypes.c_ssize_t.from_address(id(value)).value += RESERVE
    _installed = True
    return True
