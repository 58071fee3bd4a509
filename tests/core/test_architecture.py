"""The engine must stay free of Qt, and the start-up paths free of TensorFlow."""
from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_importing_all_of_core_leaves_qt_and_gui_out():
    code = (
        "import importlib, pkgutil, sys, core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in ('PySide6', 'shiboken6', 'pyqtgraph', 'gui') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_listing_models_does_not_import_tensorflow():
    code = ("import sys\nfrom core.models.registry import available\nassert available()\n"
            "print('tensorflow' in sys.modules, 'keras' in sys.modules)")
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False False"


def test_main_help_imports_neither_tensorflow_nor_qt():
    code = ("import sys, runpy, contextlib, io\nsys.argv = ['main.py', '--help']\n"
            "buf = io.StringIO()\n"
            "with contextlib.redirect_stdout(buf):\n"
            "    try:\n        runpy.run_path('main.py', run_name='__main__')\n"
            "    except SystemExit as e:\n        assert e.code in (0, None), e.code\n"
            "assert 'forecast' in buf.getvalue() or 'models' in buf.getvalue(), buf.getvalue()\n"
            "print(sorted(m for m in ('tensorflow', 'keras', 'PySide6', 'pyqtgraph') "
            "if m in sys.modules))")
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("[]")


def test_every_core_module_is_importable():
    import core

    names = [m.name for m in pkgutil.walk_packages(core.__path__, "core.")]
    assert "core.models.registry" in names
