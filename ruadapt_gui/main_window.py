"""The studio's main window: the stage checklist on the left; monitor, runs and settings on the right.

It wires pages to the JobRunner and keeps the stage statuses current; the pages do the rest."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QSplitter, QTabWidget

from core.errors import UserError
from core.jobs.registry import Registry, RunRecord
from core.jobs.rundir import RunDir
from core.project.default import init_demo
from core.project.schema import Project
from core.stages import STAGES
from core.stages.estimate import TRAINING, estimate_stages
from core.stages.plan import stages_for
from ruadapt_gui import stage_status as st
from ruadapt_gui.background import Background
from ruadapt_gui.engine_text import engine_text
from ruadapt_gui.i18n import Retranslating, Translations, resolve_language
from ruadapt_gui.job_runner import JobRunner
from ruadapt_gui.main_menu import MainMenu
from ruadapt_gui.pages.project_pages import ProjectPages
from ruadapt_gui.project_loader import LoadedProject, load_for_studio
from ruadapt_gui.resources import app_icon
from ruadapt_gui.stage_status import StageStatus, stage_statuses
from ruadapt_gui.studio_settings import StudioSettings
from ruadapt_gui.texts import rough_duration, short_path, stage_label
from ruadapt_gui.widgets.job_monitor import JobMonitor
from ruadapt_gui.widgets.runs_list import RunsList
from ruadapt_gui.widgets.settings_form import SettingsForm
from ruadapt_gui.widgets.stage_list import StageList
from ruadapt_gui.window_fit import fit_to_screen
from ruadapt_gui.workspaces import Workspaces

# How a run's end shows on its stage at once, before the statuses are worked out again.
STAGE_NUMBER = {stage.name: number for number, stage in enumerate(STAGES, 1)}  # as the list shows them
_ENDED_STATUS = {"done": st.UP_TO_DATE, "failed": st.FAILED, "cancelled": st.CANCELLED}
RUN_STAGE_KEY, CANCEL_STAGE_KEY = "F5", "Shift+F5"


class MainWindow(Retranslating, QMainWindow):
    def __init__(self, registry: Registry | None = None, settings: StudioSettings | None = None,
                 translations: Translations | None = None) -> None:
        super().__init__()
        self.registry = registry or Registry()
        self.settings = settings or StudioSettings()
        self.translations = translations or Translations()
        self.loaded: LoadedProject | None = None
        self.background = Background(self)
        self.runner = JobRunner(self.registry, self)
        self._launching: set[str] = set()  # stages the user pressed Run on, until their run appears
        self._status_pending = self._status_running = False
        self._project_runs: frozenset[tuple[str, str]] = frozenset()
        self._messages: list[QMessageBox] = []
        self._build()
        self._connect()
        self.setWindowIcon(app_icon())
        self.retranslate()
        if geometry := self.settings.window_geometry():
            self.restoreGeometry(geometry)
        fit_to_screen(self)

    def _build(self) -> None:
        self.stages = StageList()
        self.monitor = JobMonitor(self.runner)
        self.runs = RunsList()
        self.settings_form = SettingsForm(self.background)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.monitor, "")
        self.tabs.addTab(self.runs, "")
        self.tabs.addTab(self.settings_form, "")
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.stages)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 940])
        split.setContentsMargins(8, 8, 8, 8)
        self.workspaces = Workspaces(split, self.registry, lambda: self.project_path)
        self.setCentralWidget(self.workspaces)
        self.menu = MainMenu(self, new_project=self.new_project_from_default, open_project=self.choose_project,
                             open_path=self.open_project, save=self.settings_form.save,
                             recent=self.settings.recent_projects, set_language=self.set_language,
                             language=self.settings.language(),
                             show_workspace=lambda index: self.workspaces.show_workspace(index))
        self.pages = ProjectPages(self, self.tabs, self.runner, self.monitor, self.registry,
                                  menu_before=self.menu.settings_menu.menuAction())
        # The selected stage's Run and Cancel from anywhere in the window (F5 / Shift+F5, as IDEs run and stop).
        first = self.pages.run_menu.actions()[0] if self.pages.run_menu.actions() else None
        self.run_stage_action = QAction(self, shortcut=QKeySequence(RUN_STAGE_KEY))
        self.cancel_stage_action = QAction(self, shortcut=QKeySequence(CANCEL_STAGE_KEY))
        self.run_stage_action.triggered.connect(self.stages.press_run)
        self.cancel_stage_action.triggered.connect(self.stages.press_cancel)
        self.pages.run_menu.insertActions(first, [self.run_stage_action, self.cancel_stage_action])
        self.pages.run_menu.insertSeparator(first)

    def _connect(self) -> None:
        self.stages.run_requested.connect(self.run_stage)
        self.stages.cancel_requested.connect(self.cancel_stage)
        self.stages.stage_selected.connect(self._stage_selected)
        self.stages.run_all_requested.connect(self.run_all)
        self.stages.setting_requested.connect(self.show_setting)
        self.pages.run_all_requested.connect(self.run_all)
        self.runs.run_activated.connect(self._run_activated)
        self.settings_form.saved.connect(self._project_saved)
        self.settings_form.dirty_changed.connect(self.setWindowModified)
        self.runner.started.connect(self._run_started)
        self.runner.state_changed.connect(self._run_state_changed)
        self.runner.finished.connect(lambda run_id, _result: self._run_ended(run_id, "done"))
        self.runner.failed.connect(lambda run_id, message: self._run_ended(run_id, "failed", message))
        self.runner.cancelled.connect(lambda run_id: self._run_ended(run_id, "cancelled"))
        self.runner.reused.connect(self._run_reused)
        self.runner.refused.connect(self._run_refused)
        self.runner.runs_changed.connect(self._runs_changed)

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Monitor"))
        self.tabs.setTabText(1, self.tr("Runs"))
        self.tabs.setTabText(2, self.tr("Project settings"))
        self.menu.retranslate()
        self.pages.retranslate()
        self.run_stage_action.setText(self.tr("Run the selected &stage"))
        self.cancel_stage_action.setText(self.tr("&Cancel the selected stage"))
        self.stages.set_shortcut_texts(self.run_stage_action.shortcut(), self.cancel_stage_action.shortcut())
        self._update_title()


    def _update_title(self) -> None:
        title = self.tr("Ruadapt Studio")
        if self.loaded:  # the path too: two projects of the same name (a copy) must not look alike
            title = f"{self.loaded.project.project.name} [*] — {short_path(self.loaded.path)} — {title}"
        self.setWindowTitle(title)

    # -- projects -------------------------------------------------------------------------------

    @property
    def project(self) -> Project | None:
        return self.loaded.project if self.loaded else None

    @property
    def project_path(self) -> Path | None:
        return self.loaded.path if self.loaded else None

    def open_project(self, path: Path | str, progress: bool = False) -> None:
        """Load off the GUI thread; the window switches to it when it has loaded. With `progress` (the user
        chose it just now), a busy dialog shows if loading takes longer than a moment."""
        message = self.tr("Opening {path}…").format(path=path)
        self.statusBar().showMessage(message)
        load = lambda: load_for_studio(path)  # noqa: E731
        failed = lambda exc: self._show_error(self.tr("Could not open the project"), exc)  # noqa: E731
        if progress:
            self.background.with_progress(load, self._project_loaded, failed, label=message, parent=self)
        else:
            self.background.submit(load, self._project_loaded, failed)

    def choose_project(self) -> None:
        start = str(self.project_path.parent) if self.project_path else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), start,
                                              self.tr("Project files (*.toml)"))
        if path:
            self.open_project(path, progress=True)

    def new_project_from_default(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the new project"))
        if folder:
            self.background.submit(lambda: init_demo(folder), self.open_project,
                                   lambda exc: self._show_error(self.tr("Could not create the project"), exc))

    def _project_loaded(self, loaded: LoadedProject) -> None:
        if self.loaded is not None and self.loaded.path != loaded.path:
            # The window shows one project: its stage rows must not follow another project's runs
            # (those go on; opening that project again re-attaches to them).
            self.runner.unwatch_all()
            self.monitor.forget_all()
            self.stages.set_statuses({stage: StageStatus(st.NOT_RUN) for stage in self.stages.statuses})
        self.loaded = loaded
        self._project_runs = frozenset()
        self.settings_form.set_project(loaded.project, loaded.path, loaded.problems)
        self.runs.set_project(str(loaded.path))
        self.stages.set_enabled(True)
        self.settings.remember_project(loaded.path)
        self._update_title()
        message = self.tr("Opened {path}").format(path=loaded.path)
        if loaded.problems:
            message = self.tr("Opened {path}: some settings need fixing (see Project settings)").format(
                path=loaded.path)
            self.tabs.setCurrentWidget(self.settings_form)
        self.statusBar().showMessage(message)
        self.runner.attach_active(loaded.path)  # a studio restarted mid-run finds its runs again
        self.refresh_statuses()

    def _project_saved(self, project: Project) -> None:
        self.loaded = LoadedProject(self.loaded.path, project, [])
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=self.loaded.path), 5000)
        self.refresh_statuses()

    # -- stage statuses -------------------------------------------------------------------------

    def refresh_statuses(self) -> None:
        """Work out every stage's status off the GUI thread; requests during a refresh coalesce."""
        if self.loaded is None:
            return
        if self._status_running:
            self._status_pending = True
            return
        self._status_running = True
        loaded, registry = self.loaded, self.registry
        self.background.submit(lambda: stage_statuses(loaded.project, loaded.path, registry),
                               self._statuses_ready, self._statuses_failed)

    def _statuses_ready(self, statuses: dict[str, StageStatus]) -> None:
        self._status_running = False
        self.stages.set_statuses(statuses)
        self._show_estimate()
        self.pages.show_statuses(self.loaded.project, self.loaded.path, statuses)
        if not self.monitor.run_id:  # just opened: show the running stage's run, else the selected one's
            running = next((name for name, s in statuses.items() if s.status == st.RUNNING), None)
            if running:
                self.stages.select_stage(running)
            self._stage_selected(self.stages.selected_stage())
        if self._status_pending:
            self._status_pending = False
            self.refresh_statuses()

    def _statuses_failed(self, exc: BaseException) -> None:
        self._status_running = False
        raise exc

    def _runs_changed(self, records: list[RunRecord]) -> None:
        self.runs.show_records(records)
        if self.loaded is None:
            return
        mine = frozenset((r.id, r.state.value) for r in records if r.project == str(self.loaded.path))
        if mine != self._project_runs:  # something started or ended (here, in the CLI, or by reconcile)
            self._project_runs = mine
            self.refresh_statuses()

    # -- running --------------------------------------------------------------------------------

    def run_stage(self, stage: str, force: bool = False) -> None:
        """Run one stage; when earlier stages it needs are not up to date, offer to run them first."""
        if self.loaded is None:
            return
        if missing := self.missing_before(stage):
            self._offer_run_up_to(stage, missing)
            return
        self._launching.add(stage)
        self.stages.set_starting(stage, True)
        self.statusBar().showMessage(self.tr("Preparing {stage}…").format(stage=stage_label(stage)))
        self.runner.start(self.loaded.project, self.loaded.path, stage, force=force)

    def missing_before(self, stage: str) -> list[str]:
        """The earlier stages `stage` needs (directly or not) that are not up to date, in order."""
        return [s.name for s in stages_for(stage)[:-1]
                if self.stages.statuses[s.name].status != st.UP_TO_DATE]

    def _offer_run_up_to(self, stage: str, missing: list[str]) -> None:
        names = "\n".join(f"  {STAGE_NUMBER[name]}. {stage_label(name)}" for name in missing)
        text = self.tr("“{stage}” needs earlier stages that have not run with the current settings:\n{names}\n\n"
                       "Run them first, then “{stage}”? {estimate}").format(
            stage=stage_label(stage), names=names, estimate=self._estimate_text([*missing, stage]))
        box = self.ask(self.tr("Run up to “{stage}”").format(stage=stage_label(stage)), text,
                       self.tr("Run up to here"),
                       lambda: self.pages.start_demo([s.name for s in stages_for(stage)]))
        box.setObjectName("runUpToHere")

    def run_all(self) -> None:
        """The first screen's main action: every stage in order, after the user confirmed it."""
        if self.loaded is None or self.pages.chain.running:
            return
        todo = [name for name, status in self.stages.statuses.items() if status.status != st.UP_TO_DATE]
        if todo:
            detail = self.tr("%n stage(s) to run. ", "", len(todo)) + self._estimate_text(todo)
        else:
            detail = self.tr("Every stage is up to date: nothing will run again.")
        text = self.tr("Run all {n} stages of “{name}”, in order? Stages that are up to date are reused.\n\n"
                       "{detail}").format(n=len(STAGES), name=self.loaded.project.project.name, detail=detail)
        box = self.ask(self.tr("Run all stages"), text, self.tr("Run all stages"), self.pages.start_demo)
        box.setObjectName("runAllConfirm")

    def _show_estimate(self) -> None:
        todo = [name for name, status in self.stages.statuses.items() if status.status != st.UP_TO_DATE]
        self.stages.set_estimate(self._estimate_text(todo) if todo else self.tr("Every stage is up to date."))

    def _estimate_text(self, stages: list[str]) -> str:
        estimates = estimate_stages(self.loaded.project, stages, self.registry, self.loaded.path)
        seconds = sum(e.seconds for e in estimates)
        measured = all(e.measured for e in estimates if e.stage not in TRAINING)
        how = (self.tr("from this machine's earlier runs") if measured
               else self.tr("from the demo's times on a 2-core CPU; a GPU is much faster"))
        return self.tr("Estimated time: {time} ({how}).").format(time=rough_duration(seconds), how=how)

    def ask(self, title: str, text: str, accept_text: str, on_accept) -> QMessageBox:
        """A question that does not block the event loop: `on_accept` runs if the user agrees."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self)
        accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(accept)
        box.finished.connect(lambda _result, box=box: self._messages.remove(box))
        box.buttonClicked.connect(lambda button: on_accept() if button is accept else None)
        self._messages.append(box)
        box.open()
        return box

    def show_setting(self, section: str) -> None:
        self.settings_form.show_section(section)
        self.tabs.setCurrentWidget(self.settings_form)

    def cancel_stage(self, stage: str) -> None:
        status = self.stages.statuses.get(stage)
        if status and status.status == st.RUNNING and status.run_id:
            self.runner.cancel(status.run_id)
            self.statusBar().showMessage(self.tr("Cancelling {run}…").format(run=status.run_id))

    def _run_started(self, run_id: str, stage: str) -> None:
        if stage in self._launching:
            self._launching.discard(stage)
            self.stages.set_starting(stage, False)
            self.stages.set_status(stage, StageStatus(st.RUNNING, run_id, ""))
            self.monitor.show_run(run_id)
            self.tabs.setCurrentWidget(self.monitor)
            self.statusBar().showMessage(self.tr("Started {run}").format(run=run_id), 5000)
        elif not self.monitor.run_id:
            self.monitor.show_run(run_id)

    def _run_state_changed(self, run_id: str, state: str) -> None:
        stage = self.runner.watched().get(run_id)
        if stage and state in ("running", "cancelling"):
            detail = self.tr("Cancelling…") if state == "cancelling" else ""
            self.stages.set_status(stage, StageStatus(st.RUNNING, run_id, "", detail))

    def _run_ended(self, run_id: str, state: str, message: str = "") -> None:
        trace = self.monitor.traces.get(run_id)
        if trace is not None:
            self.stages.set_status(trace.stage, StageStatus(_ENDED_STATUS[state], run_id, "", message))
        self.refresh_statuses()

    def _run_reused(self, stage: str, run_id: str) -> None:
        self._launching.discard(stage)
        self.stages.set_starting(stage, False)
        origin = self.stages.statuses[stage].origin if stage in self.stages.statuses else ""
        text = self.tr("{stage} is up to date: run {run} already has the result. Use Run again to repeat it.")
        if origin:
            text += " " + self.tr("(That run belongs to another project: {origin}.)").format(origin=origin)
        self.statusBar().showMessage(text.format(stage=stage_label(stage), run=run_id), 10000)
        self.refresh_statuses()

    def _run_refused(self, stage: str, message: str) -> None:
        self._launching.discard(stage)
        self.stages.set_starting(stage, False)
        self.refresh_statuses()
        if self.pages.chain.running:  # the chain says so itself, in the status bar
            return
        if missing := self.missing_before(stage):  # statuses were behind: offer the stages it needs
            self._offer_run_up_to(stage, missing)
            return
        self.show_message(self.tr("Cannot run “{stage}”").format(stage=stage_label(stage)), engine_text(message))

    # -- showing runs ---------------------------------------------------------------------------

    def show_run(self, run_dir: str, run_id: str, stage: str) -> None:
        """Show a run in the monitor, reading its folder first if the monitor has not seen it."""
        if run_id not in self.monitor.traces and not self.runner.is_watching(run_id):
            self.runner.attach(RunDir(Path(run_dir)), stage)
        self.monitor.show_run(run_id)

    def _stage_selected(self, stage: str) -> None:
        status = self.stages.statuses.get(stage)
        if status and status.run_id and status.run_dir:
            self.show_run(status.run_dir, status.run_id, stage)

    def _run_activated(self, record: RunRecord) -> None:
        self.show_run(record.run_dir, record.id, record.stage)
        self.tabs.setCurrentWidget(self.monitor)

    # -- settings, messages, closing ------------------------------------------------------------

    def set_language(self, choice: str) -> None:
        self.settings.set_language(choice)
        self.translations.apply(resolve_language(choice))  # LanguageChange reaches every widget

    def _show_error(self, title: str, exc: BaseException) -> None:
        if not isinstance(exc, (UserError, OSError)):
            raise exc
        self.statusBar().clearMessage()
        self.show_message(title, engine_text(str(exc)))

    def show_message(self, title: str, text: str) -> None:
        """A warning that does not block the event loop (jobs keep being watched behind it)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.finished.connect(lambda _result, box=box: self._messages.remove(box))
        self._messages.append(box)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.settings_form.dirty and not self._confirm_discard():
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def _confirm_discard(self) -> bool:
        """Save, discard or stay. Save closes once the file is written (validation can refuse it)."""
        can_save = not self.settings_form.problem_count
        buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        if can_save:
            buttons |= QMessageBox.StandardButton.Save
        text = self.tr("The project settings have unsaved changes.")
        if not can_save:
            text += " " + self.tr("They cannot be saved until the problems shown are fixed.")
        answer = QMessageBox.question(self, self.tr("Unsaved settings"), text, buttons,
                                      QMessageBox.StandardButton.Save if can_save else QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            self.settings_form.saved.connect(lambda _project: self.close(), Qt.ConnectionType.SingleShotConnection)
            self.settings_form.save()
            return False
        return answer == QMessageBox.StandardButton.Discard

    def shutdown(self) -> None:
        """Stop watching and waiting; running jobs carry on, and the next studio re-attaches."""
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.sync()
        self.runner.shutdown()
        self.monitor.shutdown()
        self.settings_form.shutdown()
        self.pages.shutdown()
        self.workspaces.shutdown()
        self.background.shutdown()
