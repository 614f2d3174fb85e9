"""The whole demo's progress where every tab can see it (the status bar): which stage of how many,
that stage's own progress, and Cancel. Hidden while no demo runs."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ruadapt_gui.demo_chain import DemoChain
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.texts import stage_label

BAR_STEPS = 1000


class DemoBar(Retranslating, QWidget):
    def __init__(self, chain: DemoChain, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chain = chain
        self.label = QLabel()
        self.bar = QProgressBar(textVisible=False)
        self.bar.setFixedWidth(160)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(chain.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        chain.changed.connect(self.paint)
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Stop"))
        self.paint()


    def paint(self) -> None:
        chain = self.chain
        self.setVisible(chain.running)
        if not chain.running:
            return
        text = self.tr("All stages: {k} of {n}, {stage}").format(k=chain.index + 1, n=len(chain.stages),
                                                                  stage=stage_label(chain.stage))
        if chain.fraction is not None:
            text += f" · {chain.fraction:.0%}"
        if chain.cancelling:
            text += " · " + self.tr("cancelling…")
        self.label.setText(text)
        if chain.fraction is None:
            self.bar.setRange(0, 0)  # preparing, or a stage that does not say how far it is
        else:
            self.bar.setRange(0, BAR_STEPS)
            self.bar.setValue(round(chain.fraction * BAR_STEPS))
        self.cancel_button.setEnabled(not chain.cancelling)
