"""The project's stages as a checklist, each with where it stands, and Run / Cancel for the selected one.

Above it, the first screen's main action: Run all stages (with the time it will roughly take). A stage
whose section is switched off shows as off, with a link to its setting, and has no Run of its own."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.project.schema import SECTION_LABELS
from core.stages import STAGE_BY_NAME, STAGES
from ruadapt_gui import stage_status as st
from ruadapt_gui.engine_text import engine_text
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.resources import icon
from ruadapt_gui.stage_status import StageStatus
from ruadapt_gui.texts import section_text, stage_status_text, stage_text


class StageList(Retranslating, QWidget):
    stage_selected = Signal(str)
    run_requested = Signal(str, bool)  # stage, force (run again although up to date)
    cancel_requested = Signal(str)
    run_all_requested = Signal()
    setting_requested = Signal(str)  # a project section to show in Project settings

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statuses: dict[str, StageStatus] = {s.name: StageStatus(st.NOT_RUN) for s in STAGES}
        self._starting: set[str] = set()
        self._keys = ("", "")  # " (F5, Ctrl+Return)", " (Shift+F5)": the window's shortcuts, for the tooltips
        self._enabled = False  # a project is loaded
        self.heading = QLabel(objectName="sectionHeading")
        self.run_all_button = QPushButton(objectName="primary")
        self.run_all_button.clicked.connect(self.run_all_requested)
        self.estimate = QLabel(wordWrap=True, objectName="muted")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        for number, stage in enumerate(STAGES, 1):
            item = QTreeWidgetItem(self.tree)
            item.setData(0, Qt.ItemDataRole.UserRole, stage.name)
            item.setData(0, Qt.ItemDataRole.UserRole + 1, number)
        self.help = QLabel(wordWrap=True, objectName="muted")
        self.detail = QLabel(wordWrap=True, objectName="stageDetail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.detail.linkActivated.connect(self.setting_requested)
        self.run_button = QPushButton(objectName="primary")
        self.cancel_button = QPushButton()
        self.run_button.clicked.connect(self._run_clicked)
        self.cancel_button.clicked.connect(lambda: self.cancel_requested.emit(self.selected_stage()))
        self.tree.currentItemChanged.connect(self._selection_changed)

        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button, 1)
        buttons.addWidget(self.cancel_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.run_all_button)
        layout.addWidget(self.estimate)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.help)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.tree.setCurrentItem(self.tree.topLevelItem(0))
        QShortcut(QKeySequence("Ctrl+Return"), self, self._run_if_enabled,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Stages"))
        self.tree.setHeaderLabels([self.tr("Stage"), self.tr("Status")])
        self.cancel_button.setText(self.tr("Cancel"))
        self.run_all_button.setText(self.tr("Run all stages…"))
        self.run_all_button.setToolTip(self.tr("Run every stage of the project in order (Ctrl+R); stages that "
                                               "are up to date are reused. You confirm first."))
        self._refresh()


    # -- state in -------------------------------------------------------------------------------

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        self.run_all_button.setEnabled(enabled)
        self._refresh()

    def set_statuses(self, statuses: dict[str, StageStatus]) -> None:
        self.statuses.update(statuses)
        self._refresh()

    def set_status(self, stage: str, status: StageStatus) -> None:
        self.statuses[stage] = status
        self._refresh()

    def set_starting(self, stage: str, starting: bool) -> None:
        (self._starting.add if starting else self._starting.discard)(stage)
        self._refresh()

    # -- state out ------------------------------------------------------------------------------

    def selected_stage(self) -> str:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else ""

    def select_stage(self, stage: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == stage:
                self.tree.setCurrentItem(item)
                return

    # -- painting -------------------------------------------------------------------------------

    def _refresh(self) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            name = item.data(0, Qt.ItemDataRole.UserRole)
            status = self.statuses[name]
            item.setText(0, f"{item.data(0, Qt.ItemDataRole.UserRole + 1)}. {stage_text(STAGE_BY_NAME[name].label)}")
            item.setToolTip(0, f"{stage_text(STAGE_BY_NAME[name].label)}\n{stage_text(STAGE_BY_NAME[name].help)}")
            shown = st.OFF if status.disabled else status.status
            item.setText(1, stage_status_text(shown))
            item.setIcon(1, icon(f"status-{shown}"))
            item.setToolTip(1, self._off_text() if status.disabled else status.detail)
            item.setForeground(0, self.palette().placeholderText() if status.disabled else self.palette().text())
        self._update_selected()

    def _update_selected(self) -> None:
        stage = self.selected_stage()
        if not stage:
            return
        status = self.statuses[stage]
        self.help.setText(stage_text(STAGE_BY_NAME[stage].help))
        detail = html.escape(engine_text(status.detail)).replace("\n", "<br>")
        if status.status == st.STALE:
            detail = self.tr("Settings or inputs changed since the last run.") + (f"<br>{detail}" if detail else "")
        if status.origin and status.status == st.UP_TO_DATE:
            detail += "<br>" + html.escape(self.tr("Reused from a run of another project: {origin}").format(
                origin=status.origin))
        if status.disabled:
            detail = html.escape(self._off_text()) + "<br>" + self._setting_link(status.disabled)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        running = status.status == st.RUNNING
        again = status.status == st.UP_TO_DATE
        self.run_button.setText(self.tr("Run again") if again else self.tr("Run"))
        self.run_button.setToolTip((self.tr("The result is up to date; run the stage once more anyway.")
                                    if again else self.tr("Run this stage; earlier stages it needs are offered "
                                                          "first.")) + self._keys[0])
        self.cancel_button.setToolTip(self.tr("Stop this stage's run; its partial outputs are removed.")
                                      + self._keys[1])
        self.run_button.setEnabled(self._enabled and not running and stage not in self._starting
                                   and not status.disabled)
        self.cancel_button.setEnabled(running)

    def _off_text(self) -> str:
        return self.tr("Off in this project: the stage only passes its input on to the next one.")

    def _setting_link(self, section: str) -> str:
        where = self.tr("Project settings → {section}").format(section=section_text(SECTION_LABELS[section]))
        text = self.tr("Turn it on in {where}").format(where=where)
        return f'<a href="{section}">{html.escape(text)}</a>'

    def set_estimate(self, text: str) -> None:
        self.estimate.setText(text)
        self.estimate.setVisible(bool(text))
        self.run_all_button.setEnabled(self._enabled)

    def _selection_changed(self, *_) -> None:
        self._update_selected()
        self.stage_selected.emit(self.selected_stage())

    def _run_if_enabled(self) -> None:
        if self.run_button.isEnabled():
            self._run_clicked()

    def press_run(self) -> None:
        """Run the selected stage, as its Run button would (a shortcut or menu item)."""
        self._run_if_enabled()

    def press_cancel(self) -> None:
        if self.cancel_button.isEnabled():
            self.cancel_button.click()

    def set_shortcut_texts(self, run: QKeySequence, cancel: QKeySequence) -> None:
        """Name the window's shortcuts for Run and Cancel in the buttons' tooltips."""
        native = QKeySequence.SequenceFormat.NativeText
        here = QKeySequence("Ctrl+Return").toString(native)  # this list's own, while it has the focus
        self._keys = (f" ({run.toString(native)}, {here})", f" ({cancel.toString(native)})")
        self._update_selected()

    def _run_clicked(self) -> None:
        stage = self.selected_stage()
        self.run_requested.emit(stage, self.statuses[stage].status == st.UP_TO_DATE)
