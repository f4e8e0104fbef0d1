"""The Feedback tab: the learner's questions with their instructor's answers, and comments.

Each note sits beside the code it is about: the code the learner had when they asked, or the
code of the check their instructor commented on, in a read-only, coloured view. Everything
here came from outside the window (a learner, an instructor's file), so it is shown as plain
text only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tutor.ui.editor_tabs import EditorTabs

NOTHING_YET = ("Nothing here yet. If you are stuck, press \"I'm stuck\" to ask your "
               "instructor a question.")
NO_ANSWER = "No answer yet."
NO_CODE = "Press \"See the code\" on a note to see the code it is about."
CODE_MISSING = "That code is not on this computer."
# A clear frame round the note whose code is on show, so the learner knows which it is.
# It takes the theme's highlight colour, which stands out against the window in every theme.
SHOWN_STYLE = ("QFrame#note[shown=\"true\"] { border: 2px solid palette(highlight); "
               "border-radius: 3px; }")
WHOLE_EXERCISE = "This note is about the whole exercise, not one piece of code."


@dataclass(frozen=True)
class FeedbackNote:
    """One thing on the Feedback tab: a question and its answers, or an instructor comment."""

    heading: str
    text: str
    answers: tuple[str, ...] = ()
    is_question: bool = False
    code_caption: str = ""
    files: dict[str, str] = field(default_factory=dict)
    created_at: str = ""


def when(created_at: str) -> str:
    """A stored UTC time as a short local date and time, such as "3 May, 14:05"."""
    try:
        moment = datetime.fromisoformat(created_at.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return ""
    return f"{moment.day} {moment:%b}, {moment:%H:%M}"


def _signed(author: str) -> str:
    return f"{author.strip()} wrote" if author.strip() else "Your instructor wrote"


def _answered(author: str) -> str:
    return f"{author.strip()} answered" if author.strip() else "Your instructor answered"


def load_feedback(store: Any, learner_id: str, exercise_id: str) -> list[FeedbackNote]:
    """Gather one learner's questions and feedback on one exercise, newest first.

    Store work: call it on the store's worker thread.
    """
    from tutor.store.feedback import feedback_for
    from tutor.store.questions import questions_for

    questions = questions_for(store, learner_id, exercise_id)
    comments = feedback_for(store, learner_id, exercise_id)
    code_by_event = {event.id: event for event in store.events_for(learner_id, exercise_id)}
    answers: dict[str, list[Any]] = {}
    notes: list[FeedbackNote] = []
    for comment in comments:
        if comment.question_id and comment.question_id in {q.id for q in questions}:
            answers.setdefault(comment.question_id, []).append(comment)
            continue
        event = code_by_event.get(comment.event_id) if comment.event_id else None
        if comment.event_id:
            caption = (f"The code you checked on {when(event.created_at)}" if event is not None
                       else CODE_MISSING)
        else:
            caption = WHOLE_EXERCISE
        notes.append(FeedbackNote(
            heading=f"{_signed(comment.author)} ({when(comment.created_at)}):",
            text=comment.text, code_caption=caption,
            files=dict(event.files) if event is not None else {},
            created_at=comment.created_at))
    for question in questions:
        replies = answers.get(question.id, [])
        notes.append(FeedbackNote(
            heading=f"You asked ({when(question.created_at)}):", text=question.text,
            answers=tuple(f"{_answered(r.author)}: {r.text}" for r in replies),
            is_question=True,
            code_caption=f"The code you had when you asked on {when(question.created_at)}",
            files=dict(question.files), created_at=question.created_at))
    return sorted(notes, key=lambda note: note.created_at, reverse=True)


def _plain(text: str, *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # text from outside is never markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
    return label


class _NoteCard(QFrame):
    """One note: who wrote it and when, the words, any answers, and a button for its code."""

    code_wanted = Signal(object)  # the FeedbackNote

    def __init__(self, note: FeedbackNote) -> None:
        super().__init__()
        self.note = note
        self.setObjectName("note")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(SHOWN_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(_plain(note.heading, bold=True))
        self.text_label = _plain(note.text)
        layout.addWidget(self.text_label)
        self.answer_labels: list[QLabel] = []
        if note.is_question:
            for answer in note.answers or (NO_ANSWER,):
                label = _plain(answer)
                # Roles of the theme's palette, so answers read well in every theme: an
                # answer in the link colour, "No answer yet." in the quieter placeholder one.
                label.setForegroundRole(QPalette.ColorRole.Link if note.answers
                                        else QPalette.ColorRole.PlaceholderText)
                layout.addWidget(label)
                self.answer_labels.append(label)
        self.code_button = QPushButton("See the code")
        self.code_button.setAccessibleName(f"See the code for: {note.heading}")
        self.code_button.clicked.connect(lambda: self.code_wanted.emit(self.note))
        layout.addWidget(self.code_button, 0, Qt.AlignmentFlag.AlignLeft)

    def set_shown(self, shown: bool) -> None:
        """Mark this note as the one whose code is on show beside the notes."""
        self.setProperty("shown", shown)
        self.code_button.setText("Showing the code" if shown else "See the code")
        self.style().unpolish(self)
        self.style().polish(self)


class FeedbackPanel(QWidget):
    """The learner's questions and their instructor's answers and comments on one exercise."""

    summary_changed = Signal(str)  # the tab's title, e.g. "Feedback (2)"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Feedback from your instructor")
        self._cards_holder = QWidget()
        self._cards = QVBoxLayout(self._cards_holder)
        self._cards.setContentsMargins(0, 0, 0, 0)
        self._cards.addStretch(1)
        self.empty_label = _plain(NOTHING_YET)
        self._cards.insertWidget(0, self.empty_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Notes wrap to the width there is; sideways scrolling would hide half of each line.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._cards_holder)

        self.code_column = code_column = QWidget()
        code_layout = QVBoxLayout(code_column)
        code_layout.setContentsMargins(0, 0, 0, 0)
        self.code_caption = _plain(NO_CODE)
        code_layout.addWidget(self.code_caption)
        self.code = EditorTabs()
        self.code.set_read_only(True)
        self.code.setAccessibleName("The code this note is about (you cannot change it here)")
        code_layout.addWidget(self.code, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(code_column)
        splitter.setSizes([240, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    def cards(self) -> list[_NoteCard]:
        """The notes on show, newest first."""
        items = (self._cards.itemAt(i) for i in range(self._cards.count()))
        return [card for item in items
                if item is not None and isinstance(card := item.widget(), _NoteCard)]

    def clear(self) -> None:
        """Show nothing (for example while another learner signs in)."""
        self.show_notes([])

    def show_notes(self, notes: list[FeedbackNote]) -> None:
        """Show these notes, and the code of the newest one."""
        for card in self.cards():
            self._cards.removeWidget(card)
            card.hide()  # deleteLater waits for the event loop; it must vanish now
            card.deleteLater()
        for index, note in enumerate(notes):
            card = _NoteCard(note)
            card.code_wanted.connect(self.show_code)
            self._cards.insertWidget(index, card)
        self.empty_label.setVisible(not notes)
        self.code_column.setVisible(bool(notes))
        if notes:
            self.show_code(notes[0])
        else:
            self.code_caption.setText(NO_CODE)
            self.code.set_files({})
        from_instructor = sum(len(n.answers) if n.is_question else 1 for n in notes)
        self.summary_changed.emit(f"Feedback ({from_instructor})" if from_instructor
                                  else "Feedback")

    def show_code(self, note: FeedbackNote) -> None:
        """Show the code a note is about, beside the notes."""
        for card in self.cards():
            card.set_shown(card.note is note)
        self.code_caption.setText(note.code_caption)
        self.code.set_files(dict(note.files))
        self.code.set_read_only(True)
