"""One learner's page: who they are, where they are now, their days, and all they did."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tutor.store.dashboard import (
    HistoryItem,
    LearnerSummary,
    Overview,
    activity_by_day,
    learner_history,
)
from tutor.ui.instructor.catalog import ExerciseCatalog
from tutor.ui.instructor.charts import TimelineChart
from tutor.ui.instructor.dashboard_page import plain_label
from tutor.ui.instructor.data import InstructorData
from tutor.ui.instructor.text_table import TextRow, TextTable
from tutor.ui.instructor.wording import STATUS_WORDS, duration_words, when_words

HISTORY_HEADERS = ("When", "Exercise", "What happened", "Workstation")
PASS_TEXT_COLOUR = "#1b6e20"
FAIL_TEXT_COLOUR = "#a3001b"


def what_happened(item: HistoryItem) -> str:
    """One event in words, such as "Check: 3 of 5 passed" or "Asked: how do I..."."""
    if item.kind == "check":
        if item.passed:
            return (f"✓ Check passed (all {item.checks_total})" if item.checks_total
                    else "✓ Check passed")
        if item.checks_total:
            return f"✗ Check: {item.checks_passed} of {item.checks_total} passed"
        return "✗ Check did not pass"
    if item.kind == "hint_shown":
        return "Opened a hint"
    if item.kind == "started_again":
        return "Started again from the beginning"
    if item.kind == "question":
        first_line = item.question.strip().splitlines()[0] if item.question.strip() else ""
        return f"? Asked: {first_line}"
    return f"Something else ({item.kind})"


class LearnerPage(QWidget):
    """Everything about one learner; choosing an event opens the work behind it."""

    work_chosen = Signal(str, str, str)  # learner id, exercise id, event id ("" for latest)

    def __init__(self, data: InstructorData, catalog: ExerciseCatalog,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self._catalog = catalog
        self.learner_id = ""
        self._current_exercise = ""
        self._overview: Overview | None = None
        self.name = plain_label()
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.identity = plain_label()
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.where = plain_label()
        bold = QFont(self.where.font())
        bold.setBold(True)
        self.where.setFont(bold)
        self.open_current = QPushButton("Open their latest work")
        self.figures = plain_label()
        self.timeline = TimelineChart()
        self.timeline.setAccessibleName("What they did each day")
        self.history = TextTable(HISTORY_HEADERS, name="Everything they did, newest first")
        self._build()

    def _build(self) -> None:
        self.open_current.clicked.connect(
            lambda: self.work_chosen.emit(self.learner_id, self._current_exercise, ""))
        self.history.row_chosen.connect(
            lambda item: self.work_chosen.emit(self.learner_id, item.exercise_id, item.event_id))
        where_row = QHBoxLayout()
        where_row.addWidget(self.where, 1)
        where_row.addWidget(self.open_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.name)
        layout.addWidget(self.identity)
        layout.addLayout(where_row)
        layout.addWidget(self.figures)
        layout.addWidget(_heading("What they did each day"))
        layout.addWidget(self.timeline, 2)
        layout.addWidget(_heading("Everything they did, newest first "
                                  "(click a line to see the code)"))
        layout.addWidget(self.history, 3)

    def show_learner(self, learner_id: str, overview: Overview | None) -> None:
        """Show this learner from the overview, then load their history off the GUI thread."""
        self.learner_id = learner_id
        self._overview = overview
        learner = overview.learner(learner_id) if overview is not None else None
        if learner is None:
            self.name.setText("This learner is not in the progress any more.")
            self.identity.setText(f"Learner id: {learner_id}")
            for label in (self.where, self.figures):
                label.setText("")
            self.open_current.hide()
            self.timeline.set_days([])
            self.history.set_rows([])
            return
        self._show_summary(learner, overview)
        self._data.read(lambda store: learner_history(store, learner_id),
                        lambda history: self._show_history(learner_id, history))

    def _show_summary(self, learner: LearnerSummary, overview: Overview | None) -> None:
        self.name.setText(learner.display_name + ("  (demo)" if learner.is_demo else ""))
        stations = [overview.workstation_label(station) if overview else station
                    for station in learner.workstation_ids]
        self.identity.setText(f"Learner id: {learner.id}\n"
                              f"Workstation{'' if len(stations) == 1 else 's'}: "
                              f"{'; '.join(stations) or 'not known'}")
        current = learner.current_exercise_id
        self._current_exercise = current or ""
        if current is None:
            self.where.setText("Where they are now: they have not started any exercise.")
            self.open_current.hide()
        else:
            info = self._catalog.info(current)
            self.where.setText(f"Where they are now: {info.full_name}: "
                               f"{STATUS_WORDS[learner.status(current)]}")
            self.open_current.setText(f"Open their work on {info.label}")
            self.open_current.show()
        self.figures.setText(
            f"Done: {learner.done}    Started: {learner.started}    Stuck: {learner.stuck}    "
            f"Time spent: {duration_words(learner.seconds_spent)}    "
            f"Last seen: {when_words(learner.last_at)}")

    def _show_history(self, learner_id: str, history: Any) -> None:
        if learner_id != self.learner_id:
            return  # the page moved on to someone else meanwhile
        if isinstance(history, Exception):
            self.history.set_rows([TextRow(["", "", f"Could not read their work: {history}",
                                            ""])])
            return
        self.timeline.set_days(activity_by_day(history))
        rows = []
        overview = self._overview
        for item in history:
            info = self._catalog.info(item.exercise_id)
            colour = {True: PASS_TEXT_COLOUR, False: FAIL_TEXT_COLOUR}.get(
                item.passed) if item.kind == "check" else None
            rows.append(TextRow(
                [when_words(item.created_at), f"{info.label}: {info.title}",
                 what_happened(item),
                 overview.workstation_label(item.workstation_id) if overview else ""],
                value=item, sort_keys=[f"{item.created_at} {item.event_id}", None, None, None],
                tooltip=item.question if item.kind == "question" else info.full_name,
                foregrounds={2: colour} if colour else {}))
        self.history.set_rows(rows, sort_column=0, descending=True)


def _heading(text: str) -> QLabel:
    label = plain_label(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label
