"""A form generated from a model's `ParamSpec`s: one field per parameter, help as tooltip."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from core.models.base import ParamSpec
from gui.model_names import registry_text

INT_LIMIT = 1_000_000
ERROR_STYLE = "color: #b00020;"


def parse_int_list(text: str) -> list[int]:
    """'1, 7, 28' -> [1, 7, 28]; raises ValueError with a readable message."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    try:
        return [int(p) for p in parts]
    except ValueError:
        raise ValueError("Enter whole numbers separated by commas, e.g. 1, 7, 28.") from None


class ParamForm(QWidget):
    """Fields for one model; `values()` gives the parameters the user changed from defaults."""

    changed = Signal()

    def __init__(self, specs: Sequence[ParamSpec], parent=None) -> None:
        super().__init__(parent)
        self.specs = tuple(specs)
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        if not self.specs:
            layout.addRow(QLabel(self.tr("This model has no settings to tune.")))
        for spec in self.specs:
            field = self._make_field(spec)
            field.setObjectName(f"param_{spec.name}")
            field.setToolTip(registry_text(spec.help))
            label = QLabel(registry_text(spec.label) if spec.label else spec.name)
            label.setToolTip(registry_text(spec.help))
            error = QLabel("")
            error.setStyleSheet(ERROR_STYLE)
            error.setVisible(False)
            self._fields[spec.name], self._errors[spec.name] = field, error
            layout.addRow(label, field)
            layout.addRow("", error)

    def _make_field(self, spec: ParamSpec) -> QWidget:
        if spec.kind == "int":
            box = QSpinBox()
            box.setRange(int(spec.minimum if spec.minimum is not None else -INT_LIMIT),
                         int(spec.maximum if spec.maximum is not None else INT_LIMIT))
            box.setValue(int(spec.default if spec.default is not None else box.minimum()))
            box.valueChanged.connect(self.changed)
            return box
        if spec.kind == "float":
            box = QDoubleSpinBox()
            box.setDecimals(4)
            box.setRange(float(spec.minimum if spec.minimum is not None else -INT_LIMIT),
                         float(spec.maximum if spec.maximum is not None else INT_LIMIT))
            box.setSingleStep(0.01 if (spec.maximum or 10) <= 1 else 0.1)
            box.setValue(float(spec.default if spec.default is not None else 0.0))
            box.valueChanged.connect(self.changed)
            return box
        if spec.kind == "bool":
            box = QCheckBox()
            box.setChecked(bool(spec.default))
            box.toggled.connect(self.changed)
            return box
        if spec.kind == "choice":
            box = QComboBox()
            for choice in spec.choices:
                box.addItem(registry_text(choice) if isinstance(choice, str) else str(choice),
                            choice)
            index = box.findData(spec.default)
            box.setCurrentIndex(max(index, 0))
            box.currentIndexChanged.connect(self.changed)
            return box
        edit = QLineEdit()
        if spec.kind == "int_list":
            edit.setText(", ".join(str(v) for v in (spec.default or ())))
            edit.setPlaceholderText("1, 7, 28")
        else:
            edit.setText("" if spec.default is None else str(spec.default))
        edit.textChanged.connect(self._check)
        edit.textChanged.connect(self.changed)
        return edit

    def _value(self, spec: ParamSpec) -> Any:
        field = self._fields[spec.name]
        if isinstance(field, QSpinBox | QDoubleSpinBox):
            return field.value()
        if isinstance(field, QCheckBox):
            return field.isChecked()
        if isinstance(field, QComboBox):
            return field.currentData()
        text = field.text()
        return parse_int_list(text) if spec.kind == "int_list" else text

    def _check(self) -> None:
        self.problems()

    def problems(self) -> dict[str, str]:
        """Field name -> what is wrong; also shows each message beside its field."""
        found = {}
        for spec in self.specs:
            try:
                value = self._value(spec)
                if spec.kind == "int_list":
                    low, high = spec.minimum, spec.maximum
                    if not value:
                        raise ValueError(self.tr("Enter at least one number."))
                    if low is not None and min(value) < low:
                        raise ValueError(self.tr("Numbers must be at least {0}.").format(low))
                    if high is not None and max(value) > high:
                        raise ValueError(self.tr("Numbers must be at most {0}.").format(high))
            except ValueError as exc:
                found[spec.name] = str(exc)
            label = self._errors[spec.name]
            label.setText(found.get(spec.name, ""))
            label.setVisible(spec.name in found)
        return found

    def values(self) -> dict[str, Any]:
        """Parameters that differ from their defaults (valid fields only)."""
        out = {}
        bad = self.problems()
        for spec in self.specs:
            if spec.name in bad:
                continue
            value = self._value(spec)
            default = list(spec.default) if spec.kind == "int_list" else spec.default
            if value != default:
                out[spec.name] = value
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for spec in self.specs:
            if spec.name not in values:
                continue
            field, value = self._fields[spec.name], values[spec.name]
            if isinstance(field, QSpinBox | QDoubleSpinBox):
                field.setValue(value)
            elif isinstance(field, QCheckBox):
                field.setChecked(bool(value))
            elif isinstance(field, QComboBox):
                field.setCurrentIndex(max(field.findData(value), 0))
            elif spec.kind == "int_list":
                field.setText(", ".join(str(v) for v in value))
            else:
                field.setText(str(value))
