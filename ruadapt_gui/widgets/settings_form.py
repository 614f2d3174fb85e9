"""The project settings editor, built from the schema's metadata: one form per section, labels and
tooltips from each field, and validation by the same `project_from_dict` that loads project files.
Problems show under the field they name; Save writes the TOML with `save_project`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import ProjectError
from core.project.io import project_from_dict, project_to_dict, save_project, section_fields, sections
from core.project.schema import SECTION_LABELS, Project
from ruadapt_gui.background import Background
from ruadapt_gui.engine_text import engine_text
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.schema_texts import field_help, field_label
from ruadapt_gui.texts import section_text
from ruadapt_gui.widgets.field_editors import FieldEditor
from ruadapt_gui.widgets.setting_editors import editor_for

VALIDATE_MS = 300
Problems = list[tuple[str, str]]  # (setting, message), as ProjectError.problems: "" names no setting


def field_of(setting: str) -> tuple[str, str] | None:
    """The (section, field) a problem's setting names: "corpus.russian[0]" → ("corpus", "russian");
    None for a whole section ("modles", "lep") or for no setting at all."""
    section, dot, name = setting.partition(".")
    return (section, name.partition("[")[0]) if dot else None


class SettingsForm(Retranslating, QWidget):
    saved = Signal(object)  # the Project as saved
    dirty_changed = Signal(bool)

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.background = background
        self.project_path: Path | None = None
        self.saved_values: dict[str, dict[str, Any]] = {}
        self.editors: dict[tuple[str, str], FieldEditor] = {}
        self.errors: dict[tuple[str, str], QLabel] = {}
        self.labels: dict[tuple[str, str], tuple[QLabel, QLabel]] = {}  # (label, help) of each setting
        self._generation = 0  # answers of older validations are ignored
        self._dirty = False
        self.problem_count = 0
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_MS)
        self._validate_timer.timeout.connect(self.validate)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.section_list = QListWidget(objectName="sectionList")
        self.section_list.setMaximumWidth(220)
        self.pages = QStackedWidget()
        self.section_list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.banner = QLabel(wordWrap=True, objectName="errorBanner")
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.save_button = QPushButton(objectName="primary")
        self.revert_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.state_label = QLabel(objectName="muted")
        split = QSplitter()
        split.addWidget(self.section_list)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("Save"))
        self.revert_button.setText(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Forget the unsaved changes."))
        for row, (name, _) in enumerate(sections()):
            if item := self.section_list.item(row):
                item.setText(section_text(SECTION_LABELS[name]))
        for (section, name), (label, help_text) in self.labels.items():
            required = " *" if self.editors[(section, name)].property("required") else ""
            label.setText(field_label(section, name) + required)
            help_text.setText(field_help(section, name))
            for widget in (label, self.editors[(section, name)]):
                widget.setToolTip(field_help(section, name))
        self._show_state()

    def show_section(self, section: str) -> None:
        """Bring a section's form to the front (a stage's "turn it on" link)."""
        names = [n for n, _ in sections()]
        if section in names:
            self.section_list.setCurrentRow(names.index(section))


    # -- building the forms ---------------------------------------------------------------------

    def set_project(self, project: Project, project_path: Path, problems: Problems | None = None) -> None:
        """Show `project`'s settings; `problems` are the ProjectError problems it loaded with, if any."""
        self.project_path = Path(project_path)
        if not self.editors:
            self._build_forms(self.project_path.parent)
        self.saved_values = project_to_dict(project)
        self._fill(self.saved_values)
        self._set_dirty(False)
        self.show_problems(problems or [], reveal=True)

    def _build_forms(self, project_dir: Path) -> None:
        for name, section_type in sections():
            page = QWidget()
            form = QFormLayout(page)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            for fld, typ in section_fields(section_type):
                form.addRow(*self._row(name, fld, typ, project_dir))
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.pages.addWidget(scroll)
            self.section_list.addItem(section_text(SECTION_LABELS[name]))
        self.section_list.setCurrentRow(0)
        self.retranslate()

    def _row(self, section: str, fld, typ, project_dir: Path) -> tuple[QLabel, QWidget]:
        label = QLabel()
        label.setWordWrap(True)  # a long label wraps instead of widening the form
        editor = editor_for(fld, typ, project_dir)
        editor.setProperty("required", bool(fld.metadata.get("required")))
        editor.setObjectName(f"{section}.{fld.name}")
        editor.changed.connect(self._edited)
        editor.rejected.connect(lambda text, key=(section, fld.name): self._rejected(key, text))
        help_text = QLabel(wordWrap=True, objectName="fieldHelp")
        error = QLabel(wordWrap=True, objectName="fieldError")
        error.hide()
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 6)
        column.setSpacing(2)
        column.addWidget(editor)
        column.addWidget(error)
        column.addWidget(help_text)
        self.editors[(section, fld.name)] = editor
        self.errors[(section, fld.name)] = error
        self.labels[(section, fld.name)] = (label, help_text)
        return label, cell

    def _fill(self, values: dict[str, dict[str, Any]]) -> None:
        for (section, name), editor in self.editors.items():
            editor.blockSignals(True)
            editor.set_value(values[section][name])
            editor.blockSignals(False)

    # -- editing and validation -----------------------------------------------------------------

    def values(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {name: {} for name, _ in sections()}
        for (section, name), editor in self.editors.items():
            out[section][name] = editor.value()
        return out

    def editor(self, section: str, name: str) -> FieldEditor:
        return self.editors[(section, name)]

    def error_text(self, section: str, name: str) -> str:
        label = self.errors[(section, name)]
        return label.text() if not label.isHidden() else ""

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _edited(self) -> None:
        self._set_dirty(self.values() != self.saved_values)
        self._validate_timer.start()

    def validate(self) -> None:
        """Check the edited values off the GUI thread (file checks stat the disk)."""
        if self.project_path is None:
            return
        self._generation += 1
        generation, raw, base = self._generation, self.values(), self.project_path.parent
        self.background.submit(lambda: project_from_dict(raw, base=base),
                               lambda _project: self._validated(generation, []),
                               lambda exc: self._validated(generation, self._problems(exc)))

    def _validated(self, generation: int, problems: Problems, reveal: bool = False) -> None:
        if generation == self._generation:
            self.show_problems(problems, reveal)

    def show_problems(self, problems: Problems, reveal: bool = False) -> None:
        """Each message under the field its setting names; the rest (unknown sections and settings,
        a file that could not be written) in the banner."""
        by_field: dict[tuple[str, str], list[str]] = {}
        general = []
        for setting, message in problems:
            key = field_of(setting)
            if key in self.errors:
                by_field.setdefault(key, []).append(message)
            else:
                general.append(message)
        for key, label in self.errors.items():
            label.setText("\n".join(engine_text(m) for m in by_field.get(key, [])))
            label.setVisible(key in by_field)
        self.banner.setText("\n".join(engine_text(m) for m in general))
        self.banner.setVisible(bool(general))
        self.problem_count = sum(map(len, by_field.values())) + len(general)
        self._show_state()
        if by_field and reveal:  # bring the first problem into view
            first = next(iter(by_field))
            self.section_list.setCurrentRow([n for n, _ in sections()].index(first[0]))

    def save(self) -> None:
        """Validate and write the project file off the GUI thread; `saved` follows on success."""
        if self.project_path is None:
            return
        self._validate_timer.stop()
        self._generation += 1
        generation, raw, path = self._generation, self.values(), self.project_path

        def validate_and_save() -> Project:
            project = project_from_dict(raw, base=path.parent, where=str(path))
            save_project(project, path)
            return project

        self.background.submit(validate_and_save, lambda project: self._saved(generation, raw, project),
                               lambda exc: self._validated(generation, self._problems(exc), reveal=True))

    def _saved(self, generation: int, raw: dict, project: Project) -> None:
        self.saved_values = raw
        self._set_dirty(self.values() != raw)
        if generation == self._generation:
            self.show_problems([])
        self.saved.emit(project)

    def revert(self) -> None:
        self._fill(self.saved_values)
        self._set_dirty(False)
        self.validate()

    @staticmethod
    def _problems(exc: BaseException) -> Problems:
        if isinstance(exc, ProjectError):
            return exc.problems or [("", exc.what)]  # an error about the whole file lists no settings
        if isinstance(exc, OSError):  # the project file could not be written
            return [("", str(exc))]
        raise exc

    def _rejected(self, key: tuple[str, str], text: str) -> None:
        """The editor refused what was typed (out of range) and went back to its value: say why there."""
        label = self.errors[key]
        label.setText(self.tr("“{text}” is not allowed here ({limits}); the value stays {value}.").format(
            text=text, limits=self.editors[key].limits_text(), value=self.editors[key].value_text()))
        label.show()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self._show_state()

    def _show_state(self) -> None:
        count = self.problem_count
        if count:
            text = self.tr("%n problem(s) to fix before saving", "", count)
        elif self._dirty:
            text = self.tr("Unsaved changes")
        else:
            text = self.tr("Saved")
        self.state_label.setText(text)
        # Save stays off while a problem is shown: pressing it could only repeat the problems.
        self.save_button.setEnabled(self._dirty and not count)
        self.save_button.setToolTip(self.tr("Fix the problems shown under the settings first.") if count else "")

    def shutdown(self) -> None:
        self._validate_timer.stop()
