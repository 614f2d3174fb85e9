"""A live plot of a run's metrics (one curve per metric name), redrawn only when the monitor asks."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ruadapt_gui.run_trace import Curve

PALETTE = ("#2f6fdf", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#0b7285")


class MetricPlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = pg.PlotWidget(background="w")
        self.view.setMinimumHeight(160)
        # No grid: it spans the whole view, so every new point repaints it (10 ms a frame offscreen,
        # against 0.5 ms without). Light axes keep the plot readable.
        for side in ("left", "bottom"):
            axis = self.view.getAxis(side)
            axis.setPen(pg.mkPen("#adb5bd"))
            axis.setTextPen(pg.mkPen("#495057"))
        # Long training runs have many points: draw what is visible, thinned to the pixel width.
        self.view.getPlotItem().setContentsMargins(4, 10, 10, 4)  # room for the top tick label
        self.view.setClipToView(True)
        self.view.setDownsampling(auto=True, mode="peak")
        self.legend = self.view.addLegend(offset=(-10, 10), brush=pg.mkBrush(255, 255, 255, 230),
                                          pen=pg.mkPen("#dee2e6"), labelTextColor="#343a40")
        self._items: dict[str, pg.PlotDataItem] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        self.view.setLabel("bottom", self.tr("step"))
        self._label_values()

    def _label_values(self) -> None:
        """The value axis names the metrics when there are few, else says "value"."""
        names = sorted(self._items)
        self.view.setLabel("left", ", ".join(names) if 0 < len(names) <= 3 else self.tr("value"))
        self.legend.setVisible(len(names) > 1)  # one curve is named by its axis; a legend would cover it

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def clear(self) -> None:
        self.view.clear()
        self.legend.clear()
        self._items.clear()
        self._label_values()

    def show_curves(self, curves: dict[str, Curve], names: set[str] | None = None) -> None:
        """Redraw `names` (all curves when None) from the trace's data."""
        for name in sorted(curves) if names is None else sorted(names):
            curve = curves[name]
            item = self._items.get(name)
            if item is None:
                color = PALETTE[len(self._items) % len(PALETTE)]
                item = self.view.plot(name=name, pen=pg.mkPen(color, width=2),
                                      symbol="o" if len(curve.steps) < 50 else None, symbolSize=4,
                                      symbolBrush=color, symbolPen=None)
                self._items[name] = item
                self._label_values()
            if len(curve.steps) >= 50:
                item.setSymbol(None)  # markers help a few points and clutter many
            item.setData(np.asarray(curve.steps, dtype=float), np.asarray(curve.values, dtype=float))

    @property
    def curve_names(self) -> list[str]:
        return sorted(self._items)

    def point_count(self, name: str) -> int:
        x, _ = self._items[name].getData()
        return 0 if x is None else len(x)
