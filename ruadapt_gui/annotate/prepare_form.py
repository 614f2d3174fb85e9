"""The owner's form for a new session: a prompt file, two or more named GGUF models, generation settings and
where the session file goes. It only collects; the owner view creates the session and starts the job."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ruadapt_gui.annotate.session_tasks import PrepareSpec
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.studio_settings import StudioSettings


class PrepareForm(Retranslating, QWidget):
    create_requested = Signal(object)  # PrepareSpec

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompts = QLineEdit()
        self.prompts_button = QToolButton()
        self.models = QTableWidget(0, 2)
        self.models.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.models.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.models.verticalHeader().hide()
        self.models.setMinimumHeight(120)
        self.add_model_button = QPushButton()
        self.remove_model_button = QPushButton()
        self.max_tokens = _spin(1, 8192, 512)
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setMaximumWidth(160)
        self.seed = _spin(0, 2**31 - 1, 0)
        self.n_ctx = _spin(256, 131072, 2048)
        self.threads = _spin(0, 256, 0)
        self.output = QLineEdit()
        self.output_button = QToolButton()
        self.create_button = QPushButton()
        self.create_button.setObjectName("primary")
        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        self.labels = [QLabel() for _ in range(8)]
        labels = iter(self.labels)
        form.addRow(next(labels), _row(self.prompts, self.prompts_button))
        models_box = QVBoxLayout()
        models_box.addWidget(self.models)
        models_box.addLayout(_buttons(self.add_model_button, self.remove_model_button))
        form.addRow(next(labels), models_box)
        for editor in (self.max_tokens, self.temperature, self.seed, self.n_ctx, self.threads):
            form.addRow(next(labels), editor)
        form.addRow(next(labels), _row(self.output, self.output_button))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(_buttons(self.create_button))
        layout.addStretch(1)
        self.prompts_button.clicked.connect(self._choose_prompts)
        self.add_model_button.clicked.connect(self._choose_models)
        self.remove_model_button.clicked.connect(self._remove_selected)
        self.output_button.clicked.connect(self._choose_output)
        self.create_button.clicked.connect(self._create)
        self.retranslate()

    def retranslate(self) -> None:
        labels = (self.tr("Prompt file"), self.tr("Models"), self.tr("Max tokens per answer"), self.tr("Temperature"),
                  self.tr("Seed"), self.tr("Context size"), self.tr("Threads (0: all)"), self.tr("Session file"))
        for label, text in zip(self.labels, labels):
            label.setText(text)
        self.prompts.setPlaceholderText(self.tr("One prompt per line (.txt), or a .jsonl / .csv file"))
        self.prompts_button.setText("…")
        self.models.setHorizontalHeaderLabels([self.tr("Name"), self.tr("GGUF file")])
        self.add_model_button.setText(self.tr("Add models…"))
        self.remove_model_button.setText(self.tr("Remove"))
        self.output.setPlaceholderText(self.tr("Where to write the session (.sqlite)"))
        self.output_button.setText("…")
        self.create_button.setText(self.tr("Create session and generate answers"))


    def add_model(self, name: str, path: Path | str) -> None:
        row = self.models.rowCount()
        self.models.insertRow(row)
        self.models.setItem(row, 0, QTableWidgetItem(name))
        self.models.setItem(row, 1, QTableWidgetItem(str(path)))

    def model_entries(self) -> dict[str, str]:
        entries = {}
        for row in range(self.models.rowCount()):
            name, path = (self.models.item(row, c).text().strip() for c in (0, 1))
            if name in entries:
                raise ValueError(self.tr("Two models are called “{name}”: give each a different name.")
                                 .format(name=name))
            entries[name] = path
        return entries

    def spec(self) -> PrepareSpec:
        """The form as a PrepareSpec; ValueError (translated) when it is not complete."""
        if not self.prompts.text().strip():
            raise ValueError(self.tr("Choose a prompt file."))
        models = self.model_entries()
        if len(models) < 2:
            raise ValueError(self.tr("Add at least two models."))
        if not self.output.text().strip():
            raise ValueError(self.tr("Choose where to write the session file."))
        return PrepareSpec(Path(self.prompts.text().strip()), models, Path(self.output.text().strip()),
                           self.max_tokens.value(), self.temperature.value(), self.seed.value(), self.n_ctx.value(),
                           self.threads.value())

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    def _create(self) -> None:
        try:
            spec = self.spec()
        except ValueError as exc:
            self.show_problem(str(exc))
            return
        self.show_problem("")
        self.create_requested.emit(spec)

    def _start_folder(self, *files: str | Path | None) -> str:
        """Where a file dialog opens: by the first of `files` whose folder exists, then by the models the chat
        loaded recently, else home (never the process's working folder, some earlier project's)."""
        folders = [Path(f).expanduser().parent for f in files if f and str(f).strip()]
        folders += [p.parent for p in StudioSettings().recent_models()[:1]]
        return str(next((f for f in folders if f.is_dir()), Path.home()))

    def _choose_prompts(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Prompt file"), self._start_folder(self.prompts.text()),
                                              self.tr("Prompts (*.txt *.jsonl *.json *.csv);;All files (*)"))
        if path:
            self.prompts.setText(path)

    def _choose_models(self) -> None:
        last = self.models.item(self.models.rowCount() - 1, 1).text() if self.models.rowCount() else None
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("GGUF models"), self._start_folder(last),
                                                self.tr("GGUF models (*.gguf);;All files (*)"))
        for path in paths:
            self.add_model(Path(path).stem, path)

    def _remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.models.selectedIndexes()}, reverse=True):
            self.models.removeRow(row)

    def _choose_output(self) -> None:
        folder = self._start_folder(self.output.text(), self.prompts.text())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Session file"), str(Path(folder) / "session.sqlite"),
                                              self.tr("Annotation sessions (*.sqlite)"))
        if path:
            self.output.setText(path)


def _spin(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setMaximumWidth(160)
    return box


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.setStretch(0, 1)
    return row


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
