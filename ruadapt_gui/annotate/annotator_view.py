"""The annotator's view: one prompt, two answers labelled A and B, a vote by button or key.

Nothing here names a model: the view reads only BlindItem (prompt, answer A, answer B, vote, comment),
and shows no path beyond the session file's name. Each vote is committed by Session.vote before the
next item shows (a few milliseconds of SQLite on the GUI thread, on purpose: the next item must not
appear before the vote is on disk; a sqlite connection also belongs to the thread that opened it).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.arena.session import BlindItem, Session, SessionError
from ruadapt_gui.annotate.annotator_settings import AnnotatorSettings
from ruadapt_gui.engine_text import engine_text
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.run_files import open_path

VOTE_KEYS = {"a": ("1", "A"), "b": ("2", "B"), "tie": ("3", "T"), "both_bad": ("4", "X")}


class AnnotatorView(Retranslating, QWidget):
    voted = Signal(int, str)  # item number, vote (after it is committed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = AnnotatorSettings()
        self.session: Session | None = None
        self.item: BlindItem | None = None
        self.total = self.done = 0
        self._message, self._error = "", False
        self._build()
        self._connect()
        self.name_edit.setText(self.settings.name())
        # The view itself takes the keyboard, so 1–4 and A/B/T/X vote unless the name or comment is being typed.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate()

    def _build(self) -> None:
        self.name_label = QLabel()
        self.name_edit = QLineEdit()
        self.name_edit.setMaximumWidth(220)
        self.name_label.setBuddy(self.name_edit)
        self.open_button = QPushButton()
        self.session_label = QLabel()
        self.session_label.setObjectName("muted")
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setFixedWidth(200)
        self.progress.setFormat("%v / %m")
        top = QHBoxLayout()
        for widget in (self.name_label, self.name_edit, self.open_button, self.session_label):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.progress_label)
        top.addWidget(self.progress)
        self.position = QLabel()
        self.position.setObjectName("sectionHeading")
        self.prompt_label = QLabel()
        self.prompt_view = QTextBrowser()
        self.prompt_view.setObjectName("promptView")
        self.answer_labels = {"a": QLabel(), "b": QLabel()}
        self.answer_views = {"a": QTextBrowser(), "b": QTextBrowser()}
        answers = QSplitter(Qt.Orientation.Horizontal)
        for side in ("a", "b"):
            self.answer_labels[side].setObjectName("answerLabel")
            self.answer_views[side].setObjectName("answerView")
            column = QWidget()
            box = QVBoxLayout(column)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(self.answer_labels[side])
            box.addWidget(self.answer_views[side])
            answers.addWidget(column)
        prompt_box = QWidget()
        prompt_layout = QVBoxLayout(prompt_box)
        prompt_layout.setContentsMargins(0, 0, 0, 0)
        prompt_layout.addWidget(self.position)
        prompt_layout.addWidget(self.prompt_label)
        prompt_layout.addWidget(self.prompt_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(prompt_box)
        split.addWidget(answers)
        split.setStretchFactor(1, 3)
        split.setSizes([120, 480])
        self.vote_buttons = {vote: QPushButton() for vote in VOTE_KEYS}
        self.vote_group = QButtonGroup(self)
        votes = QGridLayout()
        for column, button in enumerate(self.vote_buttons.values()):
            button.setObjectName("voteButton")
            button.setCheckable(True)
            button.setMinimumHeight(38)
            self.vote_group.addButton(button)
            votes.addWidget(button, 0, column)
        self.comment_label = QLabel()
        self.comment = QLineEdit()
        self.comment_label.setBuddy(self.comment)
        self.back_button = QPushButton()
        self.forward_button = QPushButton()
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.comment_label)
        bottom.addWidget(self.comment, 1)
        bottom.addWidget(self.forward_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.show_file_button = QPushButton()  # on the thank-you message: the file to send back
        self.show_file_button.hide()
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.show_file_button)
        self.identical_note = QLabel()  # both answers the same: only a tie or "both bad" is honest
        self.identical_note.setObjectName("ratingWarnings")
        self.identical_note.setWordWrap(True)
        self.identical_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addLayout(message_row)
        layout.addWidget(split, 1)
        layout.addWidget(self.identical_note)
        layout.addLayout(votes)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.open_button.clicked.connect(self._choose_session)
        self.name_edit.editingFinished.connect(self._name_changed)
        # Enter ends the name: the keys vote from here on (a "2" must not type "Анна2")
        self.name_edit.returnPressed.connect(self.setFocus)
        self.show_file_button.clicked.connect(self.show_file)
        for vote, button in self.vote_buttons.items():
            button.clicked.connect(lambda _checked=False, vote=vote: self.vote(vote))
            for key in VOTE_KEYS[vote]:
                QShortcut(QKeySequence(key), self, lambda vote=vote: self.vote(vote),
                          context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_button.clicked.connect(self.back)
        self.forward_button.clicked.connect(self.forward)
        for key, slot in (("Left", self.back), ("PgUp", self.back), ("Right", self.forward), ("PgDown", self.forward)):
            QShortcut(QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def retranslate(self) -> None:
        self.name_label.setText(self.tr("Your &name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Anna"))
        self.open_button.setText(self.tr("Open session…"))
        self.prompt_label.setText(self.tr("Prompt"))
        self.progress_label.setText(self.tr("Voted"))
        self.answer_labels["a"].setText(self.tr("Answer A"))
        self.answer_labels["b"].setText(self.tr("Answer B"))
        texts = {"a": self.tr("A is better"), "b": self.tr("B is better"), "tie": self.tr("Tie"),
                 "both_bad": self.tr("Both bad")}
        for vote, button in self.vote_buttons.items():
            button.setText(f"{texts[vote]}   [{' / '.join(VOTE_KEYS[vote])}]")
        self.comment_label.setText(self.tr("&Comment"))
        self.comment.setPlaceholderText(self.tr("Optional: why (saved with the vote)"))
        self.back_button.setText(self.tr("◀ Back"))
        self.forward_button.setText(self.tr("Forward ▶"))
        self.show_file_button.setText(self.tr("Show file"))
        self.show_file_button.setToolTip(self.tr("Open the folder that holds your session file"))
        self.identical_note.setText(self.tr("Both answers are identical. Vote “Tie” if they are good, "
                                            "“Both bad” if they are not."))
        self._show()


    # -- sessions and names ---------------------------------------------------------------------

    @property
    def annotator(self) -> str:
        return self.name_edit.text().strip()

    def open_session(self, path: Path | str) -> bool:
        """Open a session file and resume at this annotator's first item without a vote."""
        try:
            session = Session.open(path)
        except SessionError as exc:
            self._message, self._error = self.tr("Could not open the session: {error}").format(
                error=engine_text(str(exc))), True
            self._show()
            return False
        self.close_session()
        self.session = session
        self.settings.set_last_session(Path(path))
        # a copy issued to one annotator takes votes under that name only (the merge refuses others)
        self.name_edit.setReadOnly(bool(session.issued_to))
        if session.issued_to:
            self.name_edit.setText(session.issued_to)
        self._message, self._error = "", False
        self._resume()
        self.setFocus()
        return True

    def close_session(self) -> None:
        if self.session is not None:
            self.session.close()
        self.session, self.item = None, None
        self.name_edit.setReadOnly(False)
        self.comment.clear()
        self._show()

    def _choose_session(self) -> None:
        last = self.settings.last_session()
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open an annotation session"),
                                              str(last.parent) if last else "",
                                              self.tr("Annotation sessions (*.sqlite *.db);;All files (*)"))
        if path:
            self.open_session(path)

    def _name_changed(self) -> None:
        if self.annotator != self.settings.name():
            self.settings.set_name(self.annotator)
            self._resume()  # each annotator has their own order and votes

    def _resume(self) -> None:
        if self.session is None or not self.annotator:
            self.item = None
            self.comment.clear()
            self._show()
            return
        self.done, self.total = self.session.count(self.annotator)
        self.item = self.session.item(self.annotator, self.session.first_open(self.annotator)) if self.total else None
        self.comment.setText(self.item.comment if self.item else "")
        self._show()

    # -- voting and moving ----------------------------------------------------------------------

    def vote(self, vote: str) -> None:
        if self.session is None or self.item is None:
            return
        try:
            self.session.vote(self.annotator, self.item.number, vote, self.comment.text().strip())
        except sqlite3.OperationalError as exc:  # a read-only or vanished file: the vote is not saved, say so
            self._message, self._error = self.tr("Could not save the vote: {error}. Is the session file "
                                                 "writable?").format(error=exc), True
            self._show()
            return
        self.voted.emit(self.item.number, vote)
        self.done, self.total = self.session.count(self.annotator)
        if self.item.number < self.total:
            self.go_to(self.item.number + 1)
        elif self.done < self.total:
            self.go_to(self.session.first_open(self.annotator))
        else:
            self.go_to(self.item.number)  # the last item stays, under the thank-you (_hint)

    def go_to(self, number: int) -> None:
        if self.session is None or not self.annotator or not 1 <= number <= self.total:
            return
        self._message, self._error = "", False
        self.item = self.session.item(self.annotator, number)
        self.comment.setText(self.item.comment)
        self._show()

    def back(self) -> None:
        if self.item is not None:
            self.go_to(self.item.number - 1)

    def forward(self) -> None:
        if self.item is not None:
            self.go_to(self.item.number + 1)

    # -- showing --------------------------------------------------------------------------------

    def _show(self) -> None:
        item = self.item
        self.session_label.setText(self.tr("Session: {file}").format(file=self.session.path.name)
                                   if self.session else self.tr("No session open"))
        self.progress.setRange(0, max(self.total, 1))
        self.progress.setValue(self.done if self.session else 0)
        self.progress.setToolTip(self.tr("Items you have voted on"))
        counting = self.session is not None and bool(self.annotator) and self.total > 0
        for widget in (self.progress_label, self.progress):  # no "0 / 1" before there are items to count
            widget.setVisible(counting)
        self.message.setObjectName("errorBanner" if self._error else "muted")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(self._message or self._hint())
        self.show_file_button.setVisible(not self._message and self.finished)
        for button in (*self.vote_buttons.values(), self.comment):
            button.setEnabled(item is not None)
        self.back_button.setEnabled(item is not None and item.number > 1)
        self.forward_button.setEnabled(item is not None and item.number < self.total)
        self.position.setText(self.tr("Item {number} of {total}").format(number=item.number, total=self.total)
                              if item else "")
        self.prompt_view.setPlainText(item.prompt if item else "")
        self.answer_views["a"].setPlainText(item.answer_a if item else "")
        self.answer_views["b"].setPlainText(item.answer_b if item else "")
        self.identical_note.setVisible(item is not None and item.identical)
        self.vote_group.setExclusive(False)
        for vote, button in self.vote_buttons.items():
            button.setChecked(item is not None and item.vote == vote)
        self.vote_group.setExclusive(True)

    def _hint(self) -> str:
        if not self.annotator:
            return self.tr("Enter your name to start: your votes are saved under it.")
        if self.session is None:
            return self.tr("Open the session file you were given.")
        if not self.total:
            return self.tr("This session has no answers yet: ask its owner for a finished copy.")
        if self.finished:
            return self.tr("All {total} items have a vote. Thank you! Your votes are saved in {path}: send this "
                           "file back to the session owner. Go back to change any of them.").format(
                total=self.total, path=self.session.path)
        return self.tr("Which answer is better? Vote with the buttons or keys 1–4 (A, B, T, X); "
                       "← and → move between items. Every vote is saved at once.")

    @property
    def finished(self) -> bool:
        """Every item of this annotator has a vote: the file is ready to go back to its owner."""
        return self.session is not None and bool(self.annotator) and 0 < self.total == self.done

    def show_file(self) -> None:
        if self.session is not None:
            open_path(self.session.path.resolve().parent)

    def shutdown(self) -> None:
        self.close_session()
