"""A live plot of a run's metrics (one curve per metric name), redrawn only when the monitor asks.

A plot may carry a title, display names for its metrics, and a dashed reference line (a value to
compare against, such as the original model's bits per character), drawn across the data's steps.
A titled plot names its curves in the title line, where they cover no data; an untitled one in a legend."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.run_trace import Curve

PALETTE = ("#2f6fdf", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#0b7285")
REFERENCE_COLOR = "#495057"


def light_plot(min_height: int) -> pg.PlotWidget:
    """The studio's plot: white, with light axes. No grid: it spans the whole view, so every new point
    repaints it (10 ms a frame offscreen, against 0.5 ms without)."""
    view = pg.PlotWidget(background="w")
    view.setMinimumHeight(min_height)
    for side in ("left", "bottom"):
        axis = view.getAxis(side)
        axis.setPen(pg.mkPen("#adb5bd"))
        axis.setTextPen(pg.mkPen("#495057"))
    return view


class MetricPlot(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._display: dict[str, str] = {}  # metric name → the name shown in the legend and on the axis
        self._reference: tuple[float, str] | None = None
        self._reference_item: pg.PlotDataItem | None = None
        self.view = light_plot(160)
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

    def set_title(self, title: str) -> None:
        self._title = title
        self._rebuild_legend()

    def set_display_names(self, names: dict[str, str]) -> None:
        """What to call each metric (already translated); unknown metrics keep their own name."""
        self._display = dict(names)
        self._rebuild_legend()

    def set_reference(self, value: float | None, label: str = "") -> None:
        """A dashed horizontal line at `value` across the plotted steps; None removes it."""
        reference = (value, label) if value is not None else None
        if reference == self._reference and (reference is None) == (self._reference_item is None):
            return
        self._reference = reference
        if self._reference_item is not None:
            self.view.removeItem(self._reference_item)
            self._reference_item = None
        if self._reference is not None:
            self._reference_item = self.view.plot(name=label, pen=pg.mkPen(REFERENCE_COLOR, width=1.5,
                                                                           style=Qt.PenStyle.DashLine))
        self._place_reference()
        self._rebuild_legend()

    def _label_values(self) -> None:
        """The value axis names the metrics when there are few (unless the title does), else says "value"."""
        names = [self._display.get(n, n) for n in sorted(self._items)]
        if self._title:
            self.view.setLabel("left", "")
        else:
            self.view.setLabel("left", ", ".join(names) if 0 < len(names) <= 3 else self.tr("value"))
        # one curve is named by its axis or title; a legend would cover it
        self.legend.setVisible(not self._title and len(names) + (self._reference_item is not None) > 1)

    def _rebuild_legend(self) -> None:
        entries = [(self._items[name], self._display.get(name, name)) for name in sorted(self._items)]
        if self._reference_item is not None:
            entries.append((self._reference_item, self._reference[1]))
        self.legend.clear()
        for item, label in entries:
            self.legend.addItem(item, label)
        if self._title:
            self.view.setTitle(self._title_html(entries if len(entries) > 1 else []), color="#343a40", size="10pt")
        self._label_values()

    def _title_html(self, entries: list[tuple[pg.PlotDataItem, str]]) -> str:
        """The title, and under it each curve's line sample in its colour and its name."""
        keys = []
        for item, label in entries:
            pen = item.opts["pen"]
            sample = "- - -" if pen.style() == Qt.PenStyle.DashLine else "━━"
            keys.append(f'<span style="color:{pen.color().name()}">{sample}</span> {html.escape(label)}')
        title = html.escape(self._title)
        return title + ("<br>" + "&nbsp;&nbsp;&nbsp;".join(keys) if keys else "")

    def _place_reference(self) -> None:
        """Span the reference line over the steps that have data (so autorange keeps it in view)."""
        if self._reference_item is None:
            return
        xs = [item.xData for item in self._items.values() if item.xData is not None and len(item.xData)]
        if not xs:
            self._reference_item.setData([], [])
            return
        first, last = min(float(x.min()) for x in xs), max(float(x.max()) for x in xs)
        value = self._reference[0]
        self._reference_item.setData([first, max(last, first + 1)], [value, value])


    def clear(self) -> None:
        self.view.clear()
        self.legend.clear()
        self._items.clear()
        self._reference_item = None
        if self._reference is not None:  # the reference belongs to the plot, not to the run shown
            self.set_reference(*self._reference)
        self._label_values()

    def show_curves(self, curves: dict[str, Curve], names: set[str] | None = None) -> None:
        """Redraw `names` (all curves when None) from the trace's data."""
        for name in sorted(curves) if names is None else sorted(names):
            curve = curves[name]
            item = self._items.get(name)
            if item is None:
                color = PALETTE[len(self._items) % len(PALETTE)]
                item = self.view.plot(name=self._display.get(name, name), pen=pg.mkPen(color, width=2),
                                      symbol="o" if len(curve.steps) < 50 else None, symbolSize=4,
                                      symbolBrush=color, symbolPen=None)
                self._items[name] = item
                self._rebuild_legend()
            if len(curve.steps) >= 50:
                item.setSymbol(None)  # markers help a few points and clutter many
            item.setData(np.asarray(curve.steps, dtype=float), np.asarray(curve.values, dtype=float))
        self._place_reference()

    @property
    def curve_names(self) -> list[str]:
        return sorted(self._items)

    @property
    def reference(self) -> float | None:
        return self._reference[0] if self._reference else None

    def point_count(self, name: str) -> int:
        x, _ = self._items[name].getData()
        return 0 if x is None else len(x)
