"""A learner's work on one exercise: each attempt's code, coloured, beside its check results.

The attempts are listed oldest first, to step through with the list, the arrow keys or the
Earlier and Later buttons. Code and messages came from a workstation: all plain text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tutor.store import Event
from tutor.store.dashboard import Overview, result_counts
from tutor.ui.code_editor import CodeEditor
from tutor.ui.instructor.catalog import ExerciseCatalog
from tutor.ui.instructor.colours import readable_in_rows
from tutor.ui.instructor.dashboard_page import plain_label
from tutor.ui.instructor.data import InstructorData
from tutor.ui.instructor.feedback_box import FeedbackBox
from tutor.ui.instructor.wording import when_words

PASS_COLOUR = "#1b6e20"
FAIL_COLOUR = "#a3001b"
NO_WORK = "They have not checked any code on this exercise yet."
SHOWN_KINDS = ("check", "question")


def attempt_title(number: int, event: Event) -> str:
    """How one attempt reads in the list, such as "3. ✗ 2 of 4 passed\nMon 3 Mar 2025, 14:05"."""
    when = when_words(event.created_at)
    if event.kind == "question":
        return f"{number}. ? Asked a question\n{when}"
    passed, total = result_counts(event.results)
    outcome = "✓ passed" if event.passed else (
        f"✗ {passed} of {total} checks passed" if total else "✗ did not pass")
    return f"{number}. {outcome}\n{when}"


def check_lines(event: Event) -> list[tuple[str, bool | None]]:
    """The results of an attempt as lines of text, each with whether it passed."""
    if event.kind == "question":
        texts = [row.get("question") for row in event.results if isinstance(row, dict)]
        text = next((t for t in texts if isinstance(t, str)), "")
        return [("They asked:", None), (text, None)]
    lines: list[tuple[str, bool | None]] = []
    for row in event.results:
        if not isinstance(row, dict):
            continue
        status = row.get("status") or ("passed" if row.get("passed") is True else "failed")
        name = str(row.get("name", "A check"))
        message = str(row.get("message", "") or "").strip()
        mark = {"passed": "✓ Pass", "skipped": "– Skipped"}.get(str(status), "✗ Not yet")
        text = f"{mark}: {name}" + (f"\n{message}" if message and status != "passed" else "")
        lines.append((text, status == "passed" if status != "skipped" else None))
    return lines


class SubmissionView(QWidget):
    """One learner's attempts at one exercise, with code and results side by side."""

    learner_chosen = Signal(str)
    exercise_chosen = Signal(str)

    def __init__(self, data: InstructorData, catalog: ExerciseCatalog,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self._catalog = catalog
        self.learner_id = ""
        self.exercise_id = ""
        self._wanted_event = ""
        self.events: list[Event] = []
        self.title = plain_label()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.details = plain_label()
        self.attempts = QListWidget()
        self.attempts.setAccessibleName("Attempts, oldest first")
        self.attempts.setSpacing(2)
        self.earlier = QPushButton("◀ Earlier")
        self.later = QPushButton("Later ▶")
        self.learner_button = QPushButton("Learner's page")
        self.exercise_button = QPushButton("Exercise page")
        self.code = QTabWidget()
        self.code.setAccessibleName("Their code")
        self.headline = plain_label()
        self.headline.setFont(font)
        self.results = QListWidget()
        self.results.setAccessibleName("Check results")
        self.results.setWordWrap(True)
        self.results.setSpacing(4)
        self.feedback = FeedbackBox(data)
        self._build()

    def _build(self) -> None:
        self.attempts.currentRowChanged.connect(self._show_attempt)
        self.earlier.clicked.connect(lambda: self.step(-1))
        self.later.clicked.connect(lambda: self.step(1))
        self.learner_button.clicked.connect(lambda: self.learner_chosen.emit(self.learner_id))
        self.exercise_button.clicked.connect(lambda: self.exercise_chosen.emit(self.exercise_id))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.learner_button)
        top.addWidget(self.exercise_button)
        steps = QHBoxLayout()
        steps.addWidget(self.earlier)
        steps.addWidget(self.later)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(plain_label("Attempts, oldest first"))
        left_layout.addWidget(self.attempts, 1)
        left_layout.addLayout(steps)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.headline)
        right_layout.addWidget(self.results, 1)
        right_layout.addWidget(self.feedback, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.code)
        split.addWidget(right)
        split.setSizes([260, 620, 360])
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addWidget(split, 1)

    def show_work(self, learner_id: str, exercise_id: str, event_id: str,
                  overview: Overview | None) -> None:
        """Show a learner's attempts at an exercise, opening `event_id` (or the latest)."""
        self.learner_id, self.exercise_id, self._wanted_event = learner_id, exercise_id, event_id
        learner = overview.learner(learner_id) if overview is not None else None
        name = learner.display_name if learner is not None else "Unknown learner"
        info = self._catalog.info(exercise_id)
        self.title.setText(f"{name}: {info.label}: {info.title}")
        self._set_events([])
        self.headline.setText("Loading their work…")
        self._read()

    def reload(self) -> None:
        """Read the attempts again (new ones may have come in), staying on the one shown."""
        row = self.attempts.currentRow()
        if 0 <= row < len(self.events):
            self._wanted_event = self.events[row].id
        self._read()

    def _read(self) -> None:
        learner_id, exercise_id = self.learner_id, self.exercise_id
        self._data.read(lambda store: store.events_for(learner_id, exercise_id),
                        lambda events: self._loaded(learner_id, exercise_id, events))

    def _loaded(self, learner_id: str, exercise_id: str, events: Any) -> None:
        if (learner_id, exercise_id) != (self.learner_id, self.exercise_id):
            return  # another piece of work was opened meanwhile
        if isinstance(events, Exception):
            self.headline.setText(f"Could not read their work: {events}")
            return
        self._set_events([event for event in events if event.kind in SHOWN_KINDS])

    def _set_events(self, events: list[Event]) -> None:
        self.events = events
        self.attempts.blockSignals(True)
        self.attempts.clear()
        for number, event in enumerate(events, start=1):
            item = QListWidgetItem(attempt_title(number, event))
            if event.kind == "check":
                item.setForeground(readable_in_rows(PASS_COLOUR if event.passed
                                                    else FAIL_COLOUR))
            self.attempts.addItem(item)
        self.attempts.blockSignals(False)
        if not events:
            self._clear_attempt(NO_WORK)
            return
        wanted = next((row for row, event in enumerate(events)
                       if event.id == self._wanted_event), len(events) - 1)
        self.attempts.setCurrentRow(wanted)
        self._show_attempt(wanted)

    def step(self, by: int) -> None:
        """Show the attempt `by` places later (or earlier, when negative)."""
        row = self.attempts.currentRow() + by
        if 0 <= row < self.attempts.count():
            self.attempts.setCurrentRow(row)

    def _clear_attempt(self, headline: str) -> None:
        self.headline.setText(headline)
        self.details.setText("")
        self.results.clear()
        self.code.clear()
        self.feedback.clear()
        self.earlier.setEnabled(False)
        self.later.setEnabled(False)

    def _show_attempt(self, row: int) -> None:
        if not 0 <= row < len(self.events):
            return
        event = self.events[row]
        self.earlier.setEnabled(row > 0)
        self.later.setEnabled(row < len(self.events) - 1)
        if event.kind == "question":
            self.headline.setText("They asked a question.")
        else:
            passed, total = result_counts(event.results)
            self.headline.setText("All checks passed." if event.passed else
                                  f"{passed} of {total} checks passed." if total else
                                  "The checks did not pass.")
        took = (f", the checks took {event.duration_ms:.0f} ms"
                if event.duration_ms is not None else "")
        overview = self._data.overview
        station = overview.workstation_label(event.workstation_id) if overview else ""
        self.details.setText(f"Attempt {row + 1} of {len(self.events)}, "
                             f"{when_words(event.created_at)}{took}. "
                             f"Made on {station or 'an unknown workstation'}.")
        self.results.clear()
        for text, check_passed in check_lines(event):
            item = QListWidgetItem(text)
            if check_passed is not None:
                item.setForeground(readable_in_rows(PASS_COLOUR if check_passed
                                                    else FAIL_COLOUR))
            self.results.addItem(item)
        self._show_code(event.files)
        asked = event.kind == "question"
        self.feedback.show_for(self.learner_id, self.exercise_id,
                               event_id=None if asked else event.id,
                               question_id=event.id if asked else None)

    def _show_code(self, files: dict[str, str]) -> None:
        current = self.code.tabText(self.code.currentIndex()) if self.code.count() else ""
        self.code.clear()
        if not files:
            self.code.addTab(plain_label("No code was kept with this attempt."), "No code")
            return
        for file_name, text in files.items():
            editor = CodeEditor(file_name)
            editor.setReadOnly(True)
            editor.setToolTip("")
            editor.setAccessibleDescription("Read only")
            editor.set_text(text)
            self.code.addTab(editor, file_name.replace("&", "&&"))  # "&" marks a shortcut
            if file_name == current:
                self.code.setCurrentWidget(editor)
