"""The Questions page: every "I'm stuck" question from the class, oldest first, each beside
the code the learner had when they asked, with a box for the answer.

An answer is a feedback row tied to the question; it goes to the learner in the next
feedback file for their workstation. Answered questions stay in the list, marked "Answered".
Questions and code came from workstations, so they are shown as plain text only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tutor.store import Store
from tutor.store.feedback import Feedback, feedback_for
from tutor.store.questions import Question, questions_for
from tutor.ui.code_editor import CodeEditor
from tutor.ui.instructor.catalog import ExerciseCatalog
from tutor.ui.instructor.dashboard_page import plain_label
from tutor.ui.instructor.data import InstructorData
from tutor.ui.instructor.feedback_box import FeedbackBox
from tutor.ui.instructor.text_table import TextRow, TextTable
from tutor.ui.instructor.wording import when_words
from tutor.ui.removable_drives import while_alive

HEADERS = ("Asked", "Learner", "Exercise", "Question", "Answered")
ANSWERED = "Answered"
NOT_ANSWERED = "Not yet"
NO_QUESTIONS = "No questions yet. When a learner presses \"I'm stuck\", their question shows here."
PICK_ONE = "Choose a question in the list to read it and answer it."
ANSWERED_COLOUR = "#1b6e20"
WAITING_COLOUR = "#a3001b"


@dataclass(frozen=True)
class QuestionItem:
    """One question, who asked it, and the answers given so far."""

    question: Question
    learner_name: str
    answers: tuple[Feedback, ...] = ()

    @property
    def answered(self) -> bool:
        """True once the instructor has answered it."""
        return bool(self.answers)


def class_questions(store: Store) -> list[QuestionItem]:
    """Every learner's questions with their answers, oldest first (call off the GUI thread)."""
    items: list[QuestionItem] = []
    for learner in store.list_learners():
        asked = questions_for(store, learner.id)
        if not asked:
            continue
        answers = [item for item in feedback_for(store, learner.id) if item.question_id]
        items += [QuestionItem(question, learner.display_name,
                               tuple(a for a in answers if a.question_id == question.id))
                  for question in asked]
    items.sort(key=lambda item: (item.question.created_at, item.question.id))
    return items


def show_code(tabs: QTabWidget, files: dict[str, str]) -> None:
    """Fill tabs with a read-only, coloured editor for each file."""
    tabs.clear()
    if not files:
        tabs.addTab(plain_label("No code was kept with this question."), "No code")
        return
    for file_name, text in files.items():
        editor = CodeEditor(file_name)
        editor.setReadOnly(True)
        editor.setToolTip("")
        editor.setAccessibleDescription("Read only")
        editor.set_text(text)
        tabs.addTab(editor, file_name.replace("&", "&&"))  # "&" would mark a shortcut


class QuestionsPage(QWidget):
    """The class's questions in one list; pick one to read it, see the code and answer it."""

    work_chosen = Signal(str, str, str)  # learner id, exercise id, event id
    questions_loaded = Signal(int)  # how many questions are listed

    def __init__(self, data: InstructorData, catalog: ExerciseCatalog,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self._catalog = catalog
        self.items: list[QuestionItem] = []
        self.current: QuestionItem | None = None
        self.summary = plain_label("Reading the questions…")
        self.table = TextTable(HEADERS, name="Questions, oldest first")
        self.heading = plain_label(PICK_ONE)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.question_text = QPlainTextEdit()
        self.question_text.setReadOnly(True)
        self.question_text.setAccessibleName("Their question")
        self.code = QTabWidget()
        self.code.setAccessibleName("Their code when they asked")
        self.open_work = QPushButton("Open all their work on this exercise")
        self.answer = FeedbackBox(data, prompt="Write your answer", button="Save answer",
                                  listed="Answers and comments on this exercise")
        self._build()
        self._show_item(None)

    def _build(self) -> None:
        self.table.row_chosen.connect(self._show_item)
        self.open_work.clicked.connect(self._open_work)
        self.answer.feedback_saved.connect(lambda _feedback: self.reload())
        self._data.overview_changed.connect(lambda _overview: self.reload())
        code_side = QWidget()
        code_layout = QVBoxLayout(code_side)
        code_layout.setContentsMargins(0, 0, 0, 0)
        code_layout.addWidget(plain_label("Their code when they asked:"))
        code_layout.addWidget(self.code, 1)
        answer_side = QWidget()
        answer_layout = QVBoxLayout(answer_side)
        answer_layout.setContentsMargins(0, 0, 0, 0)
        answer_layout.addWidget(plain_label("They asked:"))
        answer_layout.addWidget(self.question_text, 1)
        answer_layout.addWidget(self.answer, 3)
        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(code_side)
        below.addWidget(answer_side)
        below.setSizes([640, 520])
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.open_work)
        detail_layout.addLayout(top)
        detail_layout.addWidget(below, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setSizes([220, 460])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def reload(self) -> None:
        """Read the questions again (off the GUI thread), keeping the one on show."""
        self._data.read(class_questions, while_alive(self._loaded))

    def _loaded(self, items: Any) -> None:
        if isinstance(items, Exception):
            self.summary.setText(f"Could not read the questions: {items}")
            return
        self.items = list(items)
        waiting = sum(1 for item in self.items if not item.answered)
        if not self.items:
            self.summary.setText(NO_QUESTIONS)
        else:
            self.summary.setText(
                f"{len(self.items):,} question{'' if len(self.items) == 1 else 's'}, "
                f"{waiting:,} not answered yet. Oldest first.")
        rows = []
        for item in self.items:
            question = item.question
            info = self._catalog.info(question.exercise_id)
            lines = question.text.strip().splitlines()
            rows.append(TextRow(
                [when_words(question.created_at), item.learner_name,
                 f"{info.label}: {info.title}", lines[0] if lines else "",
                 ANSWERED if item.answered else NOT_ANSWERED],
                value=item, sort_keys=[f"{question.created_at} {question.id}"],
                tooltip=question.text,
                foregrounds={4: ANSWERED_COLOUR if item.answered else WAITING_COLOUR}))
        self.table.set_rows(rows, sort_column=0)
        shown = self.current.question.id if self.current is not None else None
        match = next((row for row in range(len(rows))
                      if self.table.value_at(row).question.id == shown), None)
        if match is not None:
            self.table.selectRow(match)
            self._show_item(self.table.value_at(match), keep_code=True)
        elif self.current is not None:
            self._show_item(None)
        self.questions_loaded.emit(len(self.items))

    def _show_item(self, item: QuestionItem | None, *, keep_code: bool = False) -> None:
        self.current = item
        has = item is not None
        for widget in (self.open_work, self.question_text, self.code, self.answer):
            widget.setEnabled(has)
        if item is None:
            self.heading.setText(PICK_ONE)
            self.question_text.setPlainText("")
            self.code.clear()
            self.answer.clear()
            return
        question = item.question
        info = self._catalog.info(question.exercise_id)
        state = "Answered." if item.answered else "Not answered yet."
        self.heading.setText(f"{item.learner_name} asked about {info.full_name}, "
                             f"{when_words(question.created_at)}. {state}")
        self.question_text.setPlainText(question.text)
        if not keep_code:
            show_code(self.code, question.files)
        self.answer.show_for(question.learner_id, question.exercise_id,
                             question_id=question.id)

    def _open_work(self) -> None:
        if self.current is not None:
            question = self.current.question
            self.work_chosen.emit(question.learner_id, question.exercise_id, question.id)
