"""Model names as the user reads them, translated.

The registry's texts (model labels and descriptions, parameter labels, help and choices) are
English data from `core`. `build/update_translations.py` lists them in gui/registry_texts.py so
lupdate collects them; `registry_text()` / `model_label()` show the translation, or the English
text for a model added since the catalogue was last updated.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.models.registry import load_all
from core.run_plan import AUTO


def model_label(name: str) -> str:
    """The translated label of a registered model, or `name` itself if it is not registered."""
    if name == AUTO:  # the pipeline's per-product choice, scored like a model
        return registry_text("Auto (best model per product)")
    cls = load_all().get(name)
    return registry_text(cls.label) if cls is not None and cls.label else name


def registry_text(text: str) -> str:
    """Any text from the model registry (a ParamSpec label, help or choice), translated."""
    return QCoreApplication.translate("ModelNames", text) if text else text
