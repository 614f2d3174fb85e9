"""The runs list: this project's runs from the registry (stage, state, started, duration, outcome).
Double-clicking a run shows it in the monitor (re-attaching to it if it is still going)."""

from __future__ import annotations

import time

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QVBoxLayout, QWidget

from core.jobs.registry import RunRecord
from ruadapt_gui.engine_text import engine_text
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.run_files import open_path, run_file_actions
from ruadapt_gui.run_trace import format_duration
from ruadapt_gui.texts import job_state_text, stage_label

STAGE, STATE, STARTED, DURATION, OUTCOME = range(5)


class RunsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.records: list[RunRecord] = []

    def set_records(self, records: list[RunRecord]) -> None:
        if records == self.records:
            if any(not r.state.is_terminal for r in records):  # a running run's duration grows
                self.dataChanged.emit(self.index(0, DURATION), self.index(len(records) - 1, DURATION))
            return
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Stage"), self.tr("State"), self.tr("Started"), self.tr("Duration"),
                    self.tr("Outcome"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rec = self.records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(rec, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return rec.run_dir if index.column() != OUTCOME else engine_text(rec.outcome) or None
        if role == Qt.ItemDataRole.UserRole:
            return rec
        return None

    def _text(self, rec: RunRecord, column: int) -> str:
        if column == STAGE:
            return stage_label(rec.stage)
        if column == STATE:
            return job_state_text(rec.state.value)
        if column == STARTED:
            when = rec.started or rec.created
            return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(when))
        if column == DURATION:
            if rec.started is None:
                return ""
            end = rec.ended if rec.ended is not None else time.time()
            return format_duration(max(0.0, end - rec.started))
        return engine_text(rec.outcome)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        if self.records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.records) - 1, 4))


class RunsList(Retranslating, QWidget):
    run_activated = Signal(object)  # the RunRecord the user double-clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = ""  # the resolved project path whose runs are listed
        self.model = RunsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def set_project(self, project_path: str) -> None:
        self.project = project_path
        self.model.set_records([])

    def show_records(self, records: list[RunRecord]) -> None:
        """Every record the registry listed; those of this project are shown, newest first."""
        selected = self.selected_run_id()
        self.model.set_records([r for r in records if r.project == self.project])
        if selected:
            self.select_run(selected)

    def selected_run_id(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        return self.model.records[rows[0].row()].id if rows else ""

    def select_run(self, run_id: str) -> None:
        for row, rec in enumerate(self.model.records):
            if rec.id == run_id:
                self.table.selectRow(row)
                return

    def _activated(self, index: QModelIndex) -> None:
        self.run_activated.emit(self.model.records[index.row()])

    def _context_menu(self, point) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        record = self.model.records[index.row()]
        menu = QMenu(self)
        menu.addAction(self.tr("Show in monitor"), lambda: self.run_activated.emit(record))
        for text, path in run_file_actions(record.run_dir):
            menu.addAction(text, lambda path=path: open_path(path))
        menu.exec(self.table.viewport().mapToGlobal(point))

    def retranslate(self) -> None:
        self.model.retranslate()
