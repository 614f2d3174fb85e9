"""Ratings with their 95% intervals as points with error bars, best model first (pyqtgraph)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.widgets.metric_plot import light_plot


class RatingPlot(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = light_plot(180)
        self.view.setMouseEnabled(x=False, y=False)
        self.view.hideButtons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.rows: list[dict] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.view.setLabel("left", self.tr("rating (Bradley–Terry)"))


    def show_rows(self, rows: list[dict]) -> None:
        """`rows`: leaderboard entries with model, rating, ci_low, ci_high."""
        self.rows = rows
        self.view.clear()
        if not rows:
            return
        x = np.arange(len(rows), dtype=float)
        rating = np.array([r["rating"] for r in rows])
        low = rating - np.array([r["ci_low"] for r in rows])
        high = np.array([r["ci_high"] for r in rows]) - rating
        self.view.addItem(pg.ErrorBarItem(x=x, y=rating, top=high, bottom=low, beam=0.15,
                                          pen=pg.mkPen("#2f6fdf", width=2)))
        self.view.addItem(pg.ScatterPlotItem(x=x, y=rating, size=10, brush=pg.mkBrush("#2f6fdf"),
                                             pen=pg.mkPen("white")))
        self.view.getAxis("bottom").setTicks([[(i, r["model"]) for i, r in enumerate(rows)]])
        self.view.setXRange(-0.6, len(rows) - 0.4, padding=0)
        lows, highs = rating - low, rating + high
        pad = max(5.0, 0.1 * float(highs.max() - lows.min()))
        self.view.setYRange(float(lows.min()) - pad, float(highs.max()) + pad, padding=0)
