"""A box for the instructor's comments on one piece of a learner's work (or answers to a
question), with the comments already written listed above it.

A saved comment is kept in the instructor's store and goes to the learner in the next
feedback file for their workstation. Comments are plain text both ways: what the learner
wrote never turns into markup here, and what the instructor writes is shown as typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tutor.store.feedback import Feedback, FeedbackError, add_feedback, feedback_for
from tutor.ui.instructor.colours import show_in_colour
from tutor.ui.instructor.dashboard_page import plain_label
from tutor.ui.instructor.data import InstructorData
from tutor.ui.instructor.wording import when_words
from tutor.ui.removable_drives import while_alive

SAVED = "Saved. It goes to the learner in the next feedback file for their workstation."
NOT_SAVED = "The comment was not saved: {error}"
NONE_YET = "No comments on this exercise yet."
PROBLEM_COLOUR = "#a3001b"


class FeedbackBox(QWidget):
    """Write a comment (or an answer) for a learner, and see the ones already written."""

    feedback_saved = Signal(object)  # the Feedback, once it is in the store

    def __init__(self, data: InstructorData, *,
                 prompt: str = "Write a comment for the learner",
                 button: str = "Save comment",
                 listed: str = "Comments on this exercise, oldest first",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self.learner_id = ""
        self.exercise_id = ""
        self.event_id: str | None = None
        self.question_id: str | None = None
        self.comments: list[Feedback] = []
        self.listed_label = plain_label(listed)
        self.existing = QListWidget()
        self.existing.setAccessibleName(listed)
        self.existing.setWordWrap(True)
        self.existing.setSpacing(3)
        self.prompt = plain_label(prompt)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(prompt)
        self.editor.setPlaceholderText("Type here. The learner sees exactly what you type.")
        self.editor.setTabChangesFocus(True)
        self.save_button = QPushButton(button)
        self.message = plain_label()
        self._build()

    def _build(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.editor.textChanged.connect(
            lambda: self.save_button.setEnabled(bool(self.editor.toPlainText().strip())
                                                and bool(self.learner_id)))
        self.save_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.listed_label)
        layout.addWidget(self.existing, 2)
        layout.addWidget(self.prompt)
        layout.addWidget(self.editor, 1)
        layout.addLayout(row)

    def show_for(self, learner_id: str, exercise_id: str, *, event_id: str | None = None,
                 question_id: str | None = None) -> None:
        """Point the box at one attempt or question; list the comments on that exercise.

        Typing in progress is kept while the learner stays the same (the instructor may step
        to another attempt before saving), and cleared for another learner.
        """
        if learner_id != self.learner_id:
            self.editor.clear()
        target = (learner_id, exercise_id, event_id, question_id)
        if target != (self.learner_id, self.exercise_id, self.event_id, self.question_id):
            self.message.setText("")  # "Saved" was about the one shown before
        self.learner_id, self.exercise_id = learner_id, exercise_id
        self.event_id, self.question_id = event_id, question_id
        self.save_button.setEnabled(bool(self.editor.toPlainText().strip()))
        self.reload()

    def clear(self) -> None:
        """Point the box at nothing: no comments listed, nothing to save."""
        self.learner_id = self.exercise_id = ""
        self.event_id = self.question_id = None
        self.comments = []
        self.existing.clear()
        self.editor.clear()
        self.save_button.setEnabled(False)

    def reload(self) -> None:
        """Read the comments on this learner's exercise again (off the GUI thread)."""
        learner_id, exercise_id = self.learner_id, self.exercise_id
        if not learner_id:
            return
        self._data.read(lambda store: (learner_id, exercise_id,
                                       feedback_for(store, learner_id, exercise_id)),
                        while_alive(self._listed))

    def _listed(self, result: Any) -> None:
        if isinstance(result, Exception):
            self.existing.clear()
            self.existing.addItem(f"Could not read the comments: {result}")
            return
        learner_id, exercise_id, found = result
        if (learner_id, exercise_id) != (self.learner_id, self.exercise_id):
            return  # the box moved on meanwhile
        self.existing.clear()
        self.comments = list(found)
        for comment in self.comments:
            about = ""
            if self.question_id is not None and comment.question_id == self.question_id:
                about = " (answer to this question)"
            elif self.event_id is not None and comment.event_id == self.event_id:
                about = " (about this attempt)"
            item = QListWidgetItem(f"{when_words(comment.created_at)}{about}:\n{comment.text}")
            self.existing.addItem(item)
        if not self.comments:
            self.existing.addItem(NONE_YET)

    def save(self) -> None:
        """Keep the comment typed for this learner (off the GUI thread)."""
        text = self.editor.toPlainText()
        if not self.learner_id or not text.strip():
            return
        learner_id, exercise_id = self.learner_id, self.exercise_id
        event_id, question_id = self.event_id, self.question_id

        def job(store: Any) -> Feedback:
            return add_feedback(store, learner_id=learner_id, exercise_id=exercise_id,
                                text=text, event_id=event_id, question_id=question_id)

        self.save_button.setEnabled(False)
        self.message.setText("Saving…")
        self._data.read(job, while_alive(self._saved))

    def _saved(self, result: Any) -> None:
        if isinstance(result, Exception):
            error = str(result) if isinstance(result, FeedbackError) else \
                "something went wrong. Please try again."
            show_in_colour(self.message, PROBLEM_COLOUR)
            self.message.setText(NOT_SAVED.format(error=error))
            self.save_button.setEnabled(True)
            return
        show_in_colour(self.message, None)
        self.message.setText(SAVED)
        if result.learner_id == self.learner_id:
            self.editor.clear()
        self.reload()
        self.feedback_saved.emit(result)
