"""The owner's view of one session: what it holds, its answer generation, blind copies out, votes back in.

A view only: it shows what the owner view hands it and asks for work by signal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ruadapt_gui.annotate.session_tasks import Summary
from ruadapt_gui.i18n import Retranslating


class SessionPanel(Retranslating, QWidget):
    generate_requested = Signal()
    cancel_requested = Signal()
    export_requested = Signal(object, str)  # Path of the copy to write, the annotator it is issued to
    merge_requested = Signal(list)  # Paths of returned copies

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: Summary | None = None
        self.generating = False
        self.values = {key: QLabel() for key in ("file", "prompts", "models", "answers", "votes")}
        for value in self.values.values():
            value.setWordWrap(True)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in self.values]
        for label, value in zip(self.labels, self.values.values()):
            self.form.addRow(label, value)
        self.progress = QProgressBar()
        self.progress_text = QLabel()
        self.progress_text.setObjectName("muted")
        self.generate_button = QPushButton()
        self.cancel_button = QPushButton()
        self.export_button = QPushButton()
        self.merge_button = QPushButton()
        self.log = QPlainTextEdit()
        self.log.setObjectName("logView")
        self.log.setReadOnly(True)
        generation = QHBoxLayout()
        generation.addWidget(self.progress, 1)
        generation.addWidget(self.generate_button)
        generation.addWidget(self.cancel_button)
        sharing = QHBoxLayout()
        sharing.addWidget(self.export_button)
        sharing.addWidget(self.merge_button)
        sharing.addStretch(1)
        self.sharing_heading = QLabel()
        self.sharing_heading.setObjectName("sectionHeading")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(generation)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.sharing_heading)
        layout.addLayout(sharing)
        layout.addWidget(self.log, 1)
        self.generate_button.clicked.connect(self.generate_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.export_button.clicked.connect(self._choose_export)
        self.merge_button.clicked.connect(self._choose_merge)
        self.retranslate()

    def retranslate(self) -> None:
        labels = (self.tr("File"), self.tr("Prompts"), self.tr("Models"), self.tr("Answers"), self.tr("Votes"))
        for label, text in zip(self.labels, labels):
            label.setText(text)
        self.generate_button.setText(self.tr("Generate missing answers"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.sharing_heading.setText(self.tr("Annotators"))
        self.export_button.setText(self.tr("Export blind copy…"))
        self.export_button.setToolTip(self.tr("A copy for one annotator: no model names, no votes"))
        self.merge_button.setText(self.tr("Merge returned copies…"))
        self.log.setPlaceholderText(self.tr("What happens to this session (copies written, votes merged, "
                                            "answer generation) is listed here."))
        self._show()


    def show_summary(self, summary: Summary | None) -> None:
        self.summary = summary
        self._show()

    def set_generating(self, on: bool) -> None:
        self.generating = on
        if on:
            self.progress.setRange(0, 0)
            self.progress_text.setText(self.tr("Starting the answer generation…"))
        self._show()

    def show_progress(self, done: float, total: float, message: str) -> None:
        self.progress.setRange(0, int(total) or 0)
        self.progress.setValue(int(done))
        self.progress_text.setText(message)

    def show_generation_end(self, text: str) -> None:
        self.progress_text.setText(text)
        self.add_log(text)

    def add_log(self, text: str) -> None:
        self.log.appendPlainText(text)

    def _show(self) -> None:
        s = self.summary
        if s is None:
            for value in self.values.values():
                value.setText("—")
        else:
            role = self.tr("owner's copy (knows the models)") if s.is_owner else self.tr("an annotator's copy")
            self.values["file"].setText(f"{s.path} · {role}")
            self.values["prompts"].setText(str(s.prompts))
            self.values["models"].setText(", ".join(s.models))
            answers = self.tr("{done} of {total}").format(done=s.answers, total=s.answers_total)
            if s.identical:  # nothing to choose between: the annotator view says so on each of them
                answers += " · " + self.tr("%n pair(s) with identical answers: annotators are asked to vote "
                                           "“Tie” or “Both bad” on them", "", s.identical)
            self.values["answers"].setText(answers)
            votes = ", ".join(f"{name} ({n})" for name, n in s.annotators.items())
            self.values["votes"].setText(votes or self.tr("none yet"))
            if not self.generating:
                self.progress.setRange(0, max(s.answers_total, 1))
                self.progress.setValue(s.answers)
        owner = s is not None and s.is_owner
        self.generate_button.setEnabled(owner and not self.generating and s.missing > 0)
        self.cancel_button.setEnabled(self.generating)
        self.export_button.setEnabled(owner and not self.generating and s.missing == 0)
        self.merge_button.setEnabled(owner)

    def _choose_export(self) -> None:
        s = self.summary
        name, ok = QInputDialog.getText(self, self.tr("Export a blind copy"),
                                        self.tr("Annotator's name (only their votes are merged back from the copy):"))
        if not ok or not name.strip():
            return
        stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in name.strip())
        start = str(s.path.with_name(f"{s.path.stem}-for-{stem}.sqlite")) if s else ""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export a blind copy"), start,
                                              self.tr("Annotation sessions (*.sqlite)"))
        if path:
            self.export_requested.emit(Path(path), name.strip())

    def _choose_merge(self) -> None:
        start = str(self.summary.path.parent) if self.summary else ""
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Merge returned copies"), start,
                                                self.tr("Annotation sessions (*.sqlite *.db);;All files (*)"))
        if paths:
            self.merge_requested.emit([Path(p) for p in paths])
