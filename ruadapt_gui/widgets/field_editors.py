"""One editor per kind of project setting: check box (bool), combo (choices), spin boxes (numbers with
min/max), line edit (text); path pickers are in path_editors.py, and setting_editors.py chooses one."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

INT_LIMIT = 2**31 - 1  # QSpinBox holds a C int


class FieldEditor(QWidget):
    """A setting's editor: `value()` gives what goes into the project dict (lists for tuples)."""

    changed = Signal()
    rejected = Signal(str)  # what was typed, refused on leaving the field (the editor kept its value)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def limits_text(self) -> str:
        return ""

    def value_text(self) -> str:
        return str(self.value())

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class BoolEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox()
        self.box.toggled.connect(self.changed)
        self.layout_.addWidget(self.box)
        self.layout_.addStretch(1)

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: bool) -> None:
        self.box.setChecked(bool(value))


class ChoiceEditor(FieldEditor):
    def __init__(self, choices: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.addItems(list(choices))
        self.combo.currentIndexChanged.connect(self.changed)
        self.layout_.addWidget(self.combo)
        self.layout_.addStretch(1)

    def value(self) -> str:
        return self.combo.currentText()

    def set_value(self, value: str) -> None:
        self.combo.setCurrentText(str(value))


class ChoiceListEditor(FieldEditor):
    """Several of a fixed set (GGUF types): the ones already chosen keep their order, new ones follow."""

    def __init__(self, choices: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._order: list[str] = []
        self.boxes = {c: QCheckBox(c) for c in choices}
        for name, box in self.boxes.items():
            box.toggled.connect(lambda on, name=name: self._toggled(name, on))
            self.layout_.addWidget(box)
        self.layout_.addStretch(1)

    def _toggled(self, name: str, on: bool) -> None:
        if on and name not in self._order:
            self._order.append(name)
        elif not on and name in self._order:
            self._order.remove(name)
        self.changed.emit()

    def value(self) -> list[str]:
        return list(self._order)

    def set_value(self, value: list[str] | tuple[str, ...]) -> None:
        self._order = [v for v in value if v in self.boxes]
        for name, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(name in self._order)
            box.blockSignals(False)
        self.changed.emit()


class _SpinEditor(FieldEditor):
    """A spin box refuses a number outside its range by going back to its value when the field is left;
    `rejected` says so, so the form can tell the user why instead of reverting silently."""

    def watch_typing(self, spin: QAbstractSpinBox) -> None:
        self._typed = ""
        spin.lineEdit().textEdited.connect(lambda text: setattr(self, "_typed", text))
        spin.editingFinished.connect(self._finished)

    def _finished(self) -> None:
        typed, self._typed = self._typed, ""
        answer = self.spin.validate(typed, 0) if typed else None
        state = answer[0] if isinstance(answer, tuple) else answer
        if typed and state != QValidator.State.Acceptable:
            self.rejected.emit(typed)

    def limits_text(self) -> str:
        return QCoreApplication.translate("FieldEditor", "from {lo} to {hi}").format(
            lo=self.spin.textFromValue(self.spin.minimum()), hi=self.spin.textFromValue(self.spin.maximum()))

    def value_text(self) -> str:
        return self.spin.textFromValue(self.spin.value())


class IntEditor(_SpinEditor):
    def __init__(self, lo: int | None, hi: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = QSpinBox()
        self.spin.setRange(-INT_LIMIT if lo is None else max(-INT_LIMIT, lo),
                           INT_LIMIT if hi is None else min(INT_LIMIT, hi))
        self.spin.setGroupSeparatorShown(True)
        self.spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.spin.setMinimumWidth(140)
        self.spin.valueChanged.connect(self.changed)
        self.watch_typing(self.spin)
        self.layout_.addWidget(self.spin)
        self.layout_.addStretch(1)

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, value: int) -> None:
        self.spin.setValue(int(value))


class ScientificSpinBox(QDoubleSpinBox):
    """Shows 0.0002 as 2e-04 and accepts either; arrows step by a factor on log-like ranges
    (a learning rate from 1e-8 to 1) and by 1 % of the range otherwise."""

    def __init__(self, lo: float, hi: float) -> None:
        super().__init__()
        self.setDecimals(15)
        self.setRange(lo, hi)
        self._log_scale = lo > 0 and hi / lo >= 1000

    def textFromValue(self, value: float) -> str:
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:
        return float(text.replace(",", "."))

    def validate(self, text: str, pos: int) -> object:
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        ok = self.minimum() <= value <= self.maximum() and math.isfinite(value)
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos

    def stepBy(self, steps: int) -> None:
        if self._log_scale:
            self.setValue(self.value() * (2.0 ** steps))
        else:
            self.setValue(self.value() + steps * (self.maximum() - self.minimum()) / 100)


class FloatEditor(_SpinEditor):
    def __init__(self, lo: float | None, hi: float | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = ScientificSpinBox(lo if lo is not None else -1e300, hi if hi is not None else 1e300)
        self.spin.setMinimumWidth(140)
        self.spin.valueChanged.connect(self.changed)
        self.watch_typing(self.spin)
        self.layout_.addWidget(self.spin)
        self.layout_.addStretch(1)

    def value(self) -> float:
        return self.spin.value()

    def set_value(self, value: float) -> None:
        self.spin.setValue(float(value))


class TextEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.textChanged.connect(self.changed)
        self.layout_.addWidget(self.line)

    def value(self) -> str:
        return self.line.text()

    def set_value(self, value: str) -> None:
        self.line.setText(str(value))
