"""The monitor's view of a training run: loss, held-out bits per character (with the original
model's value as a dashed line), the characters per token of the model's first choice on held-out
text (what greedy decoding writes: the speed-up, which bits per character do not show), learning rate
and throughput, each on its own plot.

Metrics are routed by name (a table, not branches); a metric no plot names goes to an extra plot
that shows only when such a metric arrives, so nothing a stage reports is lost."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from core import metric_names as metric
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.run_trace import Curve
from ruadapt_gui.widgets.metric_plot import MetricPlot

TRAINING_STAGES = frozenset({"stage1", "stage2", "calibration"})

# plot → the metrics it draws (named in core.metric_names, as the training loop reports them)
PANELS: dict[str, tuple[str, ...]] = {
    "loss": (metric.LOSS, metric.EVAL_LOSS),
    "bpc": (metric.BPC_RU,),
    "top1": (metric.TOP1_CHARS_RU,),
    "lr": (metric.LR,),
    "speed": (metric.TOKENS_PER_S,),
}
OTHER = "other"
PANEL_OF = {name: panel for panel, names in PANELS.items() for name in names}


class TrainingPlots(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plots = {panel: MetricPlot() for panel in (*PANELS, OTHER)}
        self._original: tuple[float | None, float | None] = (None, None)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for i, panel in enumerate(PANELS):
            grid.addWidget(self.plots[panel], i // 2, i % 2)
        grid.addWidget(self.plots[OTHER], (len(PANELS) + 1) // 2, 0, 1, 2)
        self.plots[OTHER].hide()
        self.retranslate()

    def retranslate(self) -> None:
        titles = {"loss": self.tr("Loss (nats per token)"), "bpc": self.tr("Bits per character, held-out Russian"),
                  "top1": self.tr("Characters per first-choice token, held-out Russian"),
                  "lr": self.tr("Learning rate"), "speed": self.tr("Tokens per second"),
                  OTHER: self.tr("Other metrics")}
        for panel, title in titles.items():
            self.plots[panel].set_title(title)
        self.plots["loss"].set_display_names({metric.LOSS: self.tr("training"), metric.EVAL_LOSS: self.tr("held-out")})
        self.plots["bpc"].set_display_names({metric.BPC_RU: self.tr("this run")})
        self.plots["top1"].set_display_names({metric.TOP1_CHARS_RU: self.tr("this run")})
        self.set_original(*self._original)


    def plot_for(self, metric: str) -> MetricPlot:
        return self.plots[PANEL_OF.get(metric, OTHER)]

    def set_original(self, bpc: float | None, top1_chars: float | None = None) -> None:
        """The original model's held-out bits per character and characters per first-choice token (the
        `baseline` stage's), drawn dashed; None: not measured."""
        self._original = (bpc, top1_chars)
        self.plots["bpc"].set_reference(bpc, self.tr("original model"))
        self.plots["top1"].set_reference(top1_chars, self.tr("original model"))

    def clear(self) -> None:
        for plot in self.plots.values():
            plot.clear()
        self.plots[OTHER].hide()

    def show_curves(self, curves: dict[str, Curve], names: set[str] | None = None) -> None:
        """Redraw `names` (all curves when None), each on its plot."""
        by_panel: dict[str, set[str]] = {}
        for name in curves if names is None else names:
            by_panel.setdefault(PANEL_OF.get(name, OTHER), set()).add(name)
        for panel, panel_names in by_panel.items():
            self.plots[panel].show_curves(curves, panel_names)
        if OTHER in by_panel:
            self.plots[OTHER].show()
