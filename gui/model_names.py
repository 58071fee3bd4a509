"""Model names as the user reads them, translated.

The registry's labels are English data from `core`; listing them here with QT_TRANSLATE_NOOP lets
lupdate collect them, and `model_label()` shows the translation. A model missing from the list
shows its registry label as is.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.models.registry import load_all

KNOWN_LABELS = (
    QT_TRANSLATE_NOOP("ModelNames", "Seasonal naive"),
    QT_TRANSLATE_NOOP("ModelNames", "Naive (last value)"),
)


def model_label(name: str) -> str:
    """The translated label of a registered model, or `name` itself if it is not registered."""
    cls = load_all().get(name)
    label = cls.label if cls is not None and cls.label else name
    return QCoreApplication.translate("ModelNames", label)
