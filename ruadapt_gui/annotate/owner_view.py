"""The session owner's view: prepare a session, watch its answer job, hand out blind copies, merge the
votes that come back, and see the results. File work runs off the GUI thread (session_tasks); the
answer job is a normal run, started detached and watched through a JobRunner of its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from core.errors import UserError
from core.jobs.registry import Registry
from core.jobs.rundir import RunDir
from ruadapt_gui.annotate import session_tasks as tasks
from ruadapt_gui.annotate.prepare_form import PrepareForm
from ruadapt_gui.annotate.results_panel import ResultsPanel
from ruadapt_gui.annotate.session_panel import SessionPanel
from ruadapt_gui.background import Background
from ruadapt_gui.engine_text import engine_text
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.job_runner import JobRunner


class OwnerView(Retranslating, QWidget):
    session_changed = Signal(object)  # Path of the session now shown

    def __init__(self, background: Background, registry: Registry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.background = background
        self.registry = registry
        self.session_path: Path | None = None
        self.run_id = ""  # the answer job being watched
        self._runner: JobRunner | None = None  # made when a job is first watched
        self.file_label = QLabel()
        self.file_label.setObjectName("muted")
        self.open_button = QPushButton()
        self.prepare = PrepareForm()
        self.panel = SessionPanel()
        self.results = ResultsPanel()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in (self.prepare, self.panel, self.results):
            self.tabs.addTab(page, "")
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.open_button.clicked.connect(self._choose_session)
        self.prepare.create_requested.connect(self.create_session)
        self.panel.generate_requested.connect(self.generate_missing)
        self.panel.cancel_requested.connect(self.cancel_generation)
        self.panel.export_requested.connect(self.export_copy)
        self.panel.merge_requested.connect(self.merge_copies)
        self.results.refresh_requested.connect(self.compute_results)
        self.results.export_requested.connect(self.export_results)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open session…"))
        for index, text in enumerate((self.tr("New session"), self.tr("Session"), self.tr("Results"))):
            self.tabs.setTabText(index, text)
        self.file_label.setText(str(self.session_path) if self.session_path else self.tr("No session open"))


    # -- sessions -------------------------------------------------------------------------------

    def open_session(self, path: Path | str) -> None:
        """Show a session: its summary, and its answer job if one is still running."""
        if self.session_path is not None and Path(path).resolve() != self.session_path.resolve() and self.run_id:
            self._runner.unwatch_all()  # the other session's job goes on; reopening that session re-attaches
            self.run_id = ""
            self.panel.set_generating(False)
        self.session_path = Path(path)
        self.file_label.setText(str(self.session_path))
        self.results.show_results(None)
        self.tabs.setCurrentWidget(self.panel)
        self.refresh_summary()
        if not self.run_id:
            path = self.session_path
            self._submit(lambda: tasks.active_generation(path, self.registry), self._found_job)
        self.session_changed.emit(self.session_path)

    def refresh_summary(self) -> None:
        if self.session_path is not None:
            self._submit(lambda path=self.session_path: tasks.summarize(path), self.panel.show_summary)

    def _choose_session(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a session (the owner's file)"), "",
                                              self.tr("Annotation sessions (*.sqlite *.db);;All files (*)"))
        if path:
            self.open_session(path)

    def create_session(self, spec: tasks.PrepareSpec) -> None:
        self.prepare.create_button.setEnabled(False)
        self.panel.add_log(self.tr("Creating {path}…").format(path=spec.output))

        def created(outcome: tuple[RunDir, list[str]]) -> None:
            run, problems = outcome
            self.prepare.create_button.setEnabled(True)
            for problem in problems:
                self.panel.add_log(self.tr("Skipped: {problem}").format(problem=problem))
            self.open_session(spec.output)
            self._watch(run)

        def failed(exc: BaseException) -> None:
            self.prepare.create_button.setEnabled(True)
            self._user_error(exc, self.prepare.show_problem)

        self.background.submit(lambda: tasks.prepare(spec), created, failed)

    # -- the answer job -------------------------------------------------------------------------

    def generate_missing(self) -> None:
        if self.session_path is None or self.run_id:
            return
        path, n_ctx, threads = self.session_path, self.prepare.n_ctx.value(), self.prepare.threads.value()
        self.panel.set_generating(True)
        self._submit(lambda: tasks.generate_missing(path, n_ctx, threads), self._watch,
                     lambda exc: (self.panel.set_generating(False), self._user_error(exc, self.panel.add_log)))

    def cancel_generation(self) -> None:
        if self.run_id and self._runner is not None:
            self._runner.cancel(self.run_id)
            self.panel.add_log(self.tr("Cancelling the answer generation…"))

    def _found_job(self, run: RunDir | None) -> None:
        if run is not None and not self.run_id:
            self._watch(run)

    def _watch(self, run: RunDir) -> None:
        self.run_id = run.id
        self.panel.set_generating(True)
        self.runner().attach(run, "answers")

    def runner(self) -> JobRunner:
        if self._runner is None:
            self._runner = JobRunner(self.registry, self)
            self._runner.progress.connect(self._progress)
            self._runner.finished.connect(lambda run_id, result: self._job_ended(
                run_id, self.tr("Answers ready: {summary}").format(summary=result.get("summary", ""))))
            self._runner.failed.connect(lambda run_id, message: self._job_ended(
                run_id, self.tr("The answer generation failed: {error}").format(error=message)))
            self._runner.cancelled.connect(lambda run_id: self._job_ended(
                run_id, self.tr("The answer generation was cancelled; generate the missing answers to resume.")))
        return self._runner

    def _progress(self, run_id: str, done: float, total: float, _unit: str, message: str) -> None:
        if run_id == self.run_id:
            self.panel.show_progress(done, total, self.tr("{done:.0f} of {total:.0f} answers · {message}").format(
                done=done, total=total, message=message))
            self.refresh_summary()

    def _job_ended(self, run_id: str, text: str) -> None:
        if run_id != self.run_id:
            return
        self.run_id = ""
        self.panel.set_generating(False)
        self.panel.show_generation_end(text)
        self.refresh_summary()

    # -- copies and results ---------------------------------------------------------------------

    def export_copy(self, target: Path, annotator: str, force: bool = True) -> None:
        path = self.session_path
        self._submit(lambda: tasks.export_copy(path, target, annotator, force),
                     lambda written: self.panel.add_log(self.tr("Wrote {path}: a blind copy for one annotator.")
                                                        .format(path=written)),
                     lambda exc: self._user_error(exc, self.panel.add_log))

    def merge_copies(self, copies: list[Path]) -> None:
        path = self.session_path
        self._submit(lambda: tasks.merge_each(path, copies), self._merged,
                     lambda exc: self._user_error(exc, self.panel.add_log))

    def _merged(self, outcomes: list[tasks.MergeOutcome]) -> None:
        for outcome in outcomes:
            if outcome.error:
                self.panel.add_log(self.tr("Not merged: {error}").format(error=engine_text(outcome.error)))
            else:
                self.panel.add_log(self.tr("Merged %n vote(s) from {path}", "", outcome.votes)
                                   .format(path=outcome.path))
        self.refresh_summary()

    def compute_results(self) -> None:
        if self.session_path is None:
            return
        path = self.session_path
        self.results.set_busy(True)
        self._submit(lambda: tasks.results(path), self.results.show_results,
                     lambda exc: (self.results.set_busy(False), self._user_error(exc, self.results.show_status)))

    def export_results(self, stem: Path) -> None:
        data = self.results.results
        self._submit(lambda: tasks.export_results(data, stem),
                     lambda paths: self.results.show_status(self.tr("Wrote {files}").format(
                         files=", ".join(str(p) for p in paths))),
                     lambda exc: self._user_error(exc, self.results.show_status))

    # -- plumbing -------------------------------------------------------------------------------

    def _submit(self, work, done, failed=None) -> None:
        self.background.submit(work, done, failed or (lambda exc: self._user_error(exc, self.panel.add_log)))

    def _user_error(self, exc: BaseException, show) -> None:
        """Show what the user can fix; anything else is a bug and is raised with its traceback."""
        if not isinstance(exc, (UserError, OSError)):
            raise exc
        show(engine_text(str(exc)))

    def shutdown(self) -> None:
        if self._runner is not None:
            self._runner.shutdown()  # the answer job goes on; reopening the session re-attaches
