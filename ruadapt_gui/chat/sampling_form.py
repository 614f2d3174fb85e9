"""Temperature, top-p, max tokens and seed in a row that wraps: the shared settings, or one side's own."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from core.inference.llama_session import SamplingParams
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.widgets.flow_layout import FlowLayout


class SamplingForm(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        defaults = SamplingParams(temperature=0.7, max_tokens=256)
        self.temperature = _double(0.0, 2.0, 0.05, defaults.temperature)
        self.top_p = _double(0.05, 1.0, 0.05, defaults.top_p)
        self.max_tokens = _int(1, 8192, defaults.max_tokens)
        self.seed = _int(0, 2**31 - 1, defaults.seed)
        self.labels = [QLabel() for _ in range(4)]
        layout = FlowLayout(self)  # wraps in a narrow side instead of cutting its labels
        for label, editor in zip(self.labels, (self.temperature, self.top_p, self.max_tokens, self.seed)):
            label.setBuddy(editor)
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(label)
            row.addWidget(editor)
            layout.addWidget(pair)
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (self.tr("&Temperature"), self.tr("Top-&p"), self.tr("Max &tokens"),
                                             self.tr("S&eed"))):
            label.setText(text)
        self.temperature.setToolTip(self.tr("0 picks the most likely token every time (greedy)"))
        self.seed.setToolTip(self.tr("The same seed and settings give the same answer again"))


    def params(self) -> SamplingParams:
        return SamplingParams(temperature=self.temperature.value(), top_p=self.top_p.value(),
                              max_tokens=self.max_tokens.value(), seed=self.seed.value())

    def set_params(self, params: SamplingParams) -> None:
        self.temperature.setValue(params.temperature)
        self.top_p.setValue(params.top_p)
        self.max_tokens.setValue(params.max_tokens)
        self.seed.setValue(params.seed)


def _double(low: float, high: float, step: float, value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setDecimals(2)
    box.setValue(value)
    return box


def _int(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box
