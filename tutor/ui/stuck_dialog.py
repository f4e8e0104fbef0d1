"""The "I'm stuck" dialog: a learner writes a question for their instructor.

The question is saved with the learner's code on the store's worker thread, and travels to
the instructor in the next export. The answer comes back in a feedback file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tutor.store import StoreError
from tutor.store.questions import MAX_QUESTION_LENGTH
from tutor.ui.operations import Operations
from tutor.ui.removable_drives import while_alive
from tutor.ui.themes import set_tone

PROMPT = ("What are you stuck on? Your instructor will read this and answer next time "
          "they visit.")
CODE_GOES_TOO = "Your code goes with your question, so your instructor can see it."
EXAMPLE = "For example: My heading does not show on the page. What have I missed?"
SAVED = "Your question is saved. It goes to your instructor with the next export."
WHERE_ANSWERS_GO = ("When your instructor answers, you will see it in the Feedback tab. "
                    "You can keep working while you wait.")
EMPTY = "Please type your question first."
NOT_SAVED = "Your question was not saved. Please try again, or tell a member of staff."


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def letters_left_text(count: int) -> str:
    """What the counter under the text box says."""
    left = MAX_QUESTION_LENGTH - count
    if left < 0:
        return f"Too long by {-left:,} letters. Please make it shorter."
    if left == 1:
        return "You can type 1 more letter."
    return f"You can type {left:,} more letters."


class StuckDialog(QDialog):
    """Asks what the learner is stuck on, saves it, then says where it goes."""

    question_saved = Signal(str)  # the question's id

    def __init__(self, save: Callable[[str], Any], operations: Operations,
                 parent: QWidget | None = None) -> None:
        """`save(text)` keeps the question; it runs on the store's worker thread."""
        super().__init__(parent)
        self._save = save
        self._operations = operations
        self._saving = False
        self.setWindowTitle("Ask your instructor")
        self.setMinimumWidth(460)
        self.pages = QStackedWidget()
        self._build_question_page()
        self._build_saved_page()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.text_box.setFocus()

    def _build_question_page(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.prompt = _plain(PROMPT)
        layout.addWidget(self.prompt)
        self.text_box = QPlainTextEdit()
        self.text_box.setAccessibleName("Your question")
        self.text_box.setPlaceholderText(EXAMPLE)
        self.text_box.setTabChangesFocus(True)
        self.text_box.setMinimumHeight(140)
        self.text_box.textChanged.connect(self._count_letters)
        layout.addWidget(self.text_box)
        self.counter = _plain(letters_left_text(0))
        layout.addWidget(self.counter)
        layout.addWidget(_plain(CODE_GOES_TOO))
        self.message = _plain("")
        set_tone(self.message, "error")  # red in every theme, with its contrast
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText("Send")
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.pages.addWidget(page)

    def _build_saved_page(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.saved_label = _plain(SAVED)
        layout.addWidget(self.saved_label)
        layout.addWidget(_plain(WHERE_ANSWERS_GO))
        layout.addStretch(1)
        done = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        done.accepted.connect(self.accept)
        self.done_button = done.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(done)
        self.pages.addWidget(page)

    def _count_letters(self) -> None:
        count = len(self.text_box.toPlainText())
        self.counter.setText(letters_left_text(count))
        set_tone(self.counter, "error" if count > MAX_QUESTION_LENGTH else None)

    def send(self) -> None:
        """Save the question (off the GUI thread); say so when it is kept."""
        text = self.text_box.toPlainText().strip()
        if not text:
            self.show_problem(EMPTY)
            return
        if len(text) > MAX_QUESTION_LENGTH:
            self.show_problem(letters_left_text(len(text)))
            return
        self.buttons.setEnabled(False)
        self.text_box.setReadOnly(True)
        set_tone(self.message, None)
        self.message.setText("Saving...")
        save = self._save

        def job() -> tuple[bool, str]:
            try:
                return True, str(save(text).id)
            except StoreError as error:
                return False, str(error)
            except Exception:  # noqa: BLE001 - the learner gets a plain message instead
                return False, NOT_SAVED

        self._saving = True
        self._operations.run(job, while_alive(self._saved))

    def reject(self) -> None:
        """Cancel, unless the question is being saved this moment."""
        if not self._saving:
            super().reject()

    def _saved(self, result: tuple[bool, str]) -> None:
        self._saving = False
        kept, detail = result
        if not kept:
            self.show_problem(detail)
            return
        self.pages.setCurrentIndex(1)
        self.done_button.setFocus()
        self.question_saved.emit(detail)

    def show_problem(self, text: str) -> None:
        """Say what is wrong and let the learner change their question."""
        self.buttons.setEnabled(True)
        self.text_box.setReadOnly(False)
        set_tone(self.message, "error")
        self.message.setText(text)
        self.text_box.setFocus()
