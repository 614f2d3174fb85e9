"""The job monitor: one run's state, progress bar with ETA, live metric plot(s) and log tail.

A training run (stage 1, stage 2, calibration) gets the training view, one plot per quantity;
any other stage one plot with all its metrics.

It keeps a trace of every run the runner reports (so switching runs loses nothing) and paints
the shown one at most every PAINT_MS: a job can report hundreds of events a second, and
the GUI must not repaint for each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserError
from ruadapt_gui.engine_text import engine_text
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.job_runner import JobRunner
from ruadapt_gui.run_files import log_file, open_path
from ruadapt_gui.run_trace import LOG_LINES, RunTrace, format_amount, format_duration
from ruadapt_gui.texts import job_state_text, stage_label

PAINT_MS = 200
BAR_STEPS = 1000


class JobMonitor(Retranslating, QWidget):
    shown_run_changed = Signal(str)

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.traces: dict[str, RunTrace] = {}
        self.runner = runner
        self.run_id = ""
        self._run_dirs: dict[str, Path | None] = {}  # run id → its folder, from the registry, looked up once
        self._dirty_curves: set[str] = set()
        self._paint_timer = QTimer(self)
        self._paint_timer.setSingleShot(True)
        self._paint_timer.setInterval(PAINT_MS)
        self._paint_timer.timeout.connect(self._paint)
        self._build()
        for signal, slot in ((runner.started, self._on_started), (runner.progress, self._on_progress),
                             (runner.metric, self._on_metric), (runner.log, self._on_log),
                             (runner.finished, self._on_finished), (runner.failed, self._on_failed),
                             (runner.cancelled, self._on_cancelled),
                             (runner.state_changed, self._on_state)):
            signal.connect(slot)
        self.retranslate()

    def _build(self) -> None:
        self.title = QLabel(objectName="monitorTitle")
        self.state_label = QLabel(objectName="stateBadge")
        self.open_folder_button = QPushButton(objectName="openRunFolder")
        self.open_log_button = QPushButton(objectName="openRunLog")
        self.open_folder_button.clicked.connect(lambda: self._open(self.run_dir()))
        self.open_log_button.clicked.connect(lambda: self._open(log_file(self.run_dir())))
        self.bar = QProgressBar(textVisible=True)
        self.bar.setRange(0, BAR_STEPS)
        self.detail = QLabel(objectName="muted")
        self.eta_label = QLabel(objectName="muted")
        self.outcome = QLabel(wordWrap=True, objectName="outcome")
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        from ruadapt_gui.widgets.metric_plot import MetricPlot  # pyqtgraph is heavy: load with the monitor
        from ruadapt_gui.widgets.training_plots import TrainingPlots
        self.plot = MetricPlot()
        self.training_plots = TrainingPlots()
        self.plots = QStackedWidget()
        self.plots.addWidget(self.plot)
        self.plots.addWidget(self.training_plots)
        self.log_view = QPlainTextEdit(readOnly=True, objectName="logView")
        self.log_view.setMaximumBlockCount(LOG_LINES)
        self.log_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.log_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.open_folder_button)
        header.addWidget(self.open_log_button)
        header.addWidget(self.state_label)
        status = QHBoxLayout()
        status.addWidget(self.detail, 1)
        status.addWidget(self.eta_label)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.plots)
        split.addWidget(self.log_view)
        split.setSizes([420, 180])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.bar)
        layout.addLayout(status)
        layout.addWidget(self.outcome)
        layout.addWidget(split, 1)

    def retranslate(self) -> None:
        self.open_folder_button.setText(self.tr("Open run folder"))
        self.open_folder_button.setToolTip(self.tr("The run's folder: spec.json, events, log.txt and its outputs."))
        self.open_log_button.setText(self.tr("Open log"))
        self.open_log_button.setToolTip(self.tr("The run's whole log.txt (tracebacks included) in your editor."))
        self._paint_all()


    # -- which run is shown ---------------------------------------------------------------------

    def show_run(self, run_id: str) -> None:
        if run_id == self.run_id:
            return
        self.run_id = run_id
        self._clear_plots()
        self.log_view.clear()
        trace = self.traces.get(run_id)
        if trace is not None:
            self.log_view.setPlainText("\n".join(trace.log))
            trace.new_log.clear()
            self._dirty_curves = set(trace.curves)
        self._paint_all()
        self.shown_run_changed.emit(run_id)

    def forget_all(self) -> None:
        """Drop every trace (another project was opened) and show nothing."""
        self.traces.clear()
        self._dirty_curves = set()
        self.run_id = ""
        self._clear_plots()
        self.log_view.clear()
        self._paint_all()
        self.shown_run_changed.emit("")

    @property
    def trace(self) -> RunTrace | None:
        return self.traces.get(self.run_id)

    def run_dir(self) -> Path | None:
        """The shown run's folder (None when no run is shown, or the registry no longer lists it)."""
        if not self.run_id:
            return None
        if self.run_id not in self._run_dirs:
            try:
                self._run_dirs[self.run_id] = Path(self.runner.registry.get(self.run_id).run_dir)
            except UserError:  # not listed (yet), or the registry cannot be read: no buttons
                return None
        return self._run_dirs[self.run_id]

    def _open(self, path: Path | None) -> None:
        if path is not None:
            open_path(path)

    def _paint_file_buttons(self) -> None:
        folder = self.run_dir()
        self.open_folder_button.setVisible(folder is not None)
        self.open_log_button.setVisible(folder is not None)
        self.open_log_button.setEnabled(log_file(folder) is not None)

    def plot_panel(self, trace: RunTrace) -> QWidget:
        """The training view for a training stage, else the single plot."""
        from ruadapt_gui.widgets.training_plots import TRAINING_STAGES
        return self.training_plots if trace.stage in TRAINING_STAGES else self.plot

    def set_original(self, bpc: float | None, top1_chars: float | None = None) -> None:
        """The original model's held-out figures, drawn dashed on training runs' plots."""
        self.training_plots.set_original(bpc, top1_chars)

    def _clear_plots(self) -> None:
        self.plot.clear()
        self.training_plots.clear()

    # -- runner signals: update the data, paint later -------------------------------------------

    def _on_started(self, run_id: str, stage: str) -> None:
        self.traces[run_id] = RunTrace(run_id, stage)

    def _on_progress(self, run_id: str, done: float, total: float, unit: str, message: str) -> None:
        if trace := self.traces.get(run_id):
            trace.set_progress(done, total, unit, message)
            self._changed(run_id)

    def _on_metric(self, run_id: str, name: str, step: int, value: float) -> None:
        if trace := self.traces.get(run_id):
            trace.add_metric(name, step, value)
            if run_id == self.run_id:
                self._dirty_curves.add(name)
            self._changed(run_id)

    def _on_log(self, run_id: str, text: str) -> None:
        if trace := self.traces.get(run_id):
            trace.add_log(text)
            self._changed(run_id)

    def _on_state(self, run_id: str, state: str) -> None:
        if trace := self.traces.get(run_id):
            trace.state = state
            self._changed(run_id)

    def _on_finished(self, run_id: str, result: dict) -> None:
        if trace := self.traces.get(run_id):
            trace.outcome = str(result.get("summary", "")) or self.tr("Finished.")
            if trace.total > 0:
                trace.done = trace.total
            self._changed(run_id)

    def _on_failed(self, run_id: str, message: str) -> None:
        if trace := self.traces.get(run_id):
            trace.outcome = message
            first = message.splitlines()[0] if message else ""
            if first and not any(first in line for line in trace.log):  # the log says how it ended too
                trace.add_log(message)
            self._changed(run_id)

    def _on_cancelled(self, run_id: str) -> None:
        if trace := self.traces.get(run_id):
            trace.outcome = self.tr("Cancelled: the stage stopped and its partial outputs were removed.")
            self._changed(run_id)

    def _changed(self, run_id: str) -> None:
        if run_id == self.run_id and not self._paint_timer.isActive():
            self._paint_timer.start()

    # -- painting -------------------------------------------------------------------------------

    def _paint(self) -> None:
        trace = self.trace
        if trace is None:
            return
        if trace.new_log:
            self.log_view.appendPlainText("\n".join(engine_text(line) if len(line) < 500 else line
                                                     for line in trace.new_log))
            trace.new_log.clear()
        panel = self.plot_panel(trace)
        if self._dirty_curves:
            panel.show_curves(trace.curves, self._dirty_curves)
            self._dirty_curves = set()
        self.plots.setCurrentWidget(panel)
        self.plots.setVisible(bool(trace.curves))  # a stage without metrics gives the log the room
        self._paint_status(trace)

    def _paint_all(self) -> None:
        trace = self.trace
        if trace is None:
            self.title.setText(self.tr("No run shown"))
            self.state_label.setText("")
            self.state_label.hide()  # an empty badge would still show its background
            self.bar.setValue(0)
            self.bar.setFormat("")
            self.detail.setText(self.tr("Choose a stage and press Run, or double-click a run in the Runs tab."))
            self.eta_label.setText("")
            self.outcome.setText("")
            self.outcome.hide()
            self.plots.hide()
            self._paint_file_buttons()
            return
        self._paint()

    def _paint_status(self, trace: RunTrace) -> None:
        self.title.setText(self.tr("{stage} — run {run}").format(stage=stage_label(trace.stage), run=trace.run_id))
        self.state_label.setText(job_state_text(trace.state))
        self.state_label.show()
        self.state_label.setProperty("state", trace.state)
        self.state_label.style().polish(self.state_label)
        self.bar.setProperty("state", trace.state)  # a failed run's bar is red, a cancelled one grey
        self.bar.style().polish(self.bar)
        fraction = trace.fraction
        active = trace.state in ("pending", "running", "cancelling")
        if fraction is None and active and trace.done == 0:
            self.bar.setRange(0, 0)  # busy: nothing measured yet
        else:
            self.bar.setRange(0, BAR_STEPS)
            # Only a finished run shows a full bar: a failed one stops where it got to.
            ended_at = 1 if trace.state == "done" else 0
            self.bar.setValue(round((fraction if fraction is not None else (0 if active else ended_at)) * BAR_STEPS))
            self.bar.setFormat(f"{fraction * 100:.0f} %" if fraction is not None else "")
        amount = format_amount(trace.done, trace.unit)
        if trace.total > 0:
            amount = self.tr("{done} of {total}").format(done=amount, total=format_amount(trace.total, trace.unit))
        self.detail.setText(" · ".join(p for p in (amount if trace.done or trace.total else "",
                                                   engine_text(trace.message)) if p))
        left = trace.eta.seconds_left() if trace.state == "running" else None
        self.eta_label.setText(self.tr("about {time} left").format(time=format_duration(left))
                               if left is not None else "")
        self.outcome.setText(engine_text(trace.outcome))
        self.outcome.setProperty("state", trace.state)
        self.outcome.style().polish(self.outcome)
        self.outcome.setVisible(bool(trace.outcome))
        self._paint_file_buttons()

    def shutdown(self) -> None:
        self._paint_timer.stop()
