"""The annotate workspace: "Vote" for annotators, "Sessions" for the owner who prepares and scores them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from core.jobs.registry import Registry
from ruadapt_gui.annotate.annotator_view import AnnotatorView
from ruadapt_gui.annotate.owner_view import OwnerView
from ruadapt_gui.background import Background
from ruadapt_gui.i18n import Retranslating


class AnnotatePage(Retranslating, QWidget):
    def __init__(self, background: Background, registry: Registry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotator = AnnotatorView()
        self.owner = OwnerView(background, registry)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.annotator, "")
        self.tabs.addTab(self.owner, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Vote"))
        self.tabs.setTabText(1, self.tr("Sessions (owner)"))


    def start_annotating(self, session: Path | None = None) -> None:
        """Show the vote view on `session`, or on the last session this annotator opened."""
        self.tabs.setCurrentWidget(self.annotator)
        if session is None:
            last = self.annotator.settings.last_session()
            session = last if last is not None and last.is_file() else None
        if session is None:
            return
        current = self.annotator.session
        if current is None or current.path.resolve() != Path(session).resolve():
            self.annotator.open_session(session)

    def shutdown(self) -> None:
        self.annotator.shutdown()
        self.owner.shutdown()
