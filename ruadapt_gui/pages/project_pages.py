"""The result pages beside the monitor (Tokenizer, Training, LEP, Results), the whole demo, and what feeds
them: each time the main window has worked out the stage statuses, the finished stages' results and
the training plan are read on a worker thread and handed to the pages (and the original model's
bits per character to the monitor, as the training plots' reference line)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget

from core.errors import JobError
from core.jobs.registry import Registry
from core.project.schema import Project
from core.stages.estimate import StageEstimate, estimate_stages
from core.stages.training_plans import project_plans
from core.training.compute_plan import StagePlan
from ruadapt_gui.background import Background
from ruadapt_gui.demo_chain import CANCELLED, DETACHED, DONE, DemoChain
from ruadapt_gui.engine_text import engine_text
from ruadapt_gui.job_runner import JobRunner
from ruadapt_gui.pages.lep_page import LepPage
from ruadapt_gui.pages.results_page import ResultsPage
from ruadapt_gui.pages.tokenizer_page import TokenizerPage
from ruadapt_gui.pages.training_page import PLANNED_STAGES, TrainingPage
from ruadapt_gui.stage_results import StageResult, read_results
from ruadapt_gui.stage_status import StageStatus
from ruadapt_gui.texts import stage_label
from ruadapt_gui.widgets.demo_bar import DemoBar
from ruadapt_gui.widgets.job_monitor import JobMonitor

PAGE_STAGES = ("baseline", "tokenizer", "stage1", "stage2", "lep", "calibration", "evaluate")


@dataclass(frozen=True)
class PagesData:
    project: Project  # the project these results were read for
    results: dict[str, StageResult | None]
    plans: list[StagePlan] | None  # None: the source model is not imported yet
    estimates: dict[str, StageEstimate]  # each training stage that is on: its time on this machine's CPU


def read_pages_data(project: Project, project_path: Path, statuses: dict[str, StageStatus],
                    registry: Registry) -> PagesData:
    """On the worker thread: result files, and the plan (which fingerprints the imported model)."""
    try:
        plans = project_plans(project, project_path, registry)
    except JobError:  # the plan needs the imported model: the page says to run `import`
        plans = None
    on = [stage for stage in PLANNED_STAGES if getattr(project, stage).enabled]  # an off stage trains nothing
    estimates = {e.stage: e for e in estimate_stages(project, on, registry)}
    return PagesData(project, read_results(statuses, PAGE_STAGES), plans, estimates)


class ProjectPages(QObject):
    run_all_requested = Signal()  # Run all stages was asked for: the window confirms, then calls start_demo
    def __init__(self, window: QMainWindow, tabs: QTabWidget, runner: JobRunner, monitor: JobMonitor,
                 registry: Registry, menu_before: QAction) -> None:
        super().__init__(window)
        self.window, self.tabs, self.monitor, self.registry = window, tabs, monitor, registry
        self.tokenizer, self.training, self.lep, self.results = TokenizerPage(), TrainingPage(), LepPage(), ResultsPage()
        for page in (self.tokenizer, self.training, self.lep, self.results):
            tabs.addTab(page, "")
        self.chain = DemoChain(runner, self)
        self.demo_bar = DemoBar(self.chain)
        window.statusBar().addPermanentWidget(self.demo_bar)
        self.run_menu = QMenu(window)
        window.menuBar().insertMenu(menu_before, self.run_menu)
        self.demo_action = self.run_menu.addAction("", lambda: self.run_all_requested.emit())
        self.demo_action.setShortcut(QKeySequence("Ctrl+R"))
        self.cancel_action = self.run_menu.addAction("", self.chain.cancel)
        self.cancel_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self._project: tuple[Project, Path] | None = None
        self._worker = Background(self)
        self._reading = False
        self._next_read: tuple | None = None  # statuses that arrived during a read: read once it is done
        self.results.demo_clicked.connect(self._demo_clicked)
        self.chain.changed.connect(self._chain_changed)
        self.chain.run_started.connect(lambda run_id, _stage: monitor.show_run(run_id))
        self.chain.ended.connect(self._chain_ended)
        self.retranslate()

    def retranslate(self) -> None:
        for page, title in ((self.tokenizer, self.tr("Tokenizer")), (self.training, self.tr("Training")),
                            (self.lep, self.tr("LEP")), (self.results, self.tr("Results"))):
            self.tabs.setTabText(self.tabs.indexOf(page), title)
        self.run_menu.setTitle(self.tr("&Run"))
        self.demo_action.setText(self.tr("Run &all stages…"))
        self.demo_action.setToolTip(self.tr("Run every stage of this project in order, ending in the report."))
        self.cancel_action.setText(self.tr("&Stop running all stages"))
        self._chain_changed()

    # -- results in -----------------------------------------------------------------------------

    def show_statuses(self, project: Project, project_path: Path, statuses: dict[str, StageStatus]) -> None:
        """The main window worked out the stage statuses: read what the pages show, off the GUI thread."""
        if self.chain.running and self.chain.project_path != Path(project_path):
            self.chain.detach()  # another project was opened: the window no longer watches the demo's runs
        self._project = (project, Path(project_path))
        self._chain_changed()
        args = (project, Path(project_path), dict(statuses))
        if self._reading:
            self._next_read = args
            return
        self._read(args)

    def _read(self, args: tuple) -> None:
        self._reading = True
        registry = self.registry
        self._worker.submit(lambda: read_pages_data(*args, registry), self._data_ready, self._read_failed)

    def _data_ready(self, data: PagesData) -> None:
        self._reading = False
        if self._next_read is not None:  # newer statuses came in: show those instead
            args, self._next_read = self._next_read, None
            self._read(args)
            return
        results = data.results
        self.tokenizer.show_result(results["tokenizer"])
        self.training.show_plans(data.plans, results, data.estimates)
        self.lep.show_results(data.project, results["lep"], results["calibration"])
        self.results.show_result(results["evaluate"])
        baseline = results["baseline"]
        self.monitor.set_original(*((baseline.typed.bpc_ru, baseline.typed.top1_chars_ru) if baseline else (None, None)))

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = False
        raise exc

    # -- the whole demo -------------------------------------------------------------------------

    def start_demo(self, stages: list[str] | None = None) -> None:
        """Run `stages` (all when None) in order; stages that are up to date are reused."""
        if self._project is not None and not self.chain.running:
            self.chain.start(*self._project, stages)

    def _demo_clicked(self) -> None:
        if self.chain.running:
            self.chain.cancel()
        else:
            self.run_all_requested.emit()

    def _chain_changed(self) -> None:
        running = self.chain.running
        self.demo_action.setEnabled(self._project is not None and not running)
        self.cancel_action.setEnabled(running and not self.chain.cancelling)
        self.results.set_demo_running(running)
        self.results.demo_button.setEnabled(self._project is not None and not self.chain.cancelling)

    def _chain_ended(self, outcome: str, stage: str, message: str) -> None:
        if outcome == DONE:
            text = self.tr("All {n} stages are done.").format(n=len(self.chain.stages))
        elif outcome == DETACHED:
            text = self.tr("Stopped following the stages: another project was opened (“{stage}” goes on "
                           "running).").format(stage=stage_label(stage))
        elif outcome == CANCELLED:
            text = self.tr("Running the stages was stopped at “{stage}”.").format(stage=stage_label(stage))
        else:
            text = self.tr("Running the stages stopped: “{stage}” failed. {message}").format(stage=stage_label(stage),
                                                                                  message=engine_text(message))
        self.window.statusBar().showMessage(text, 30_000)

    def shutdown(self) -> None:
        self._worker.shutdown()
        self.tokenizer.shutdown()
        self.results.shutdown()
