"""One exercise across the class: how many are done, who is stuck, checks needed to pass."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tutor.store.dashboard import ExerciseSummary, Overview
from tutor.ui.instructor.catalog import ExerciseCatalog
from tutor.ui.instructor.charts import Bar, BarChart
from tutor.ui.instructor.dashboard_page import STUCK_RULE, plain_label
from tutor.ui.instructor.text_table import TextRow, TextTable
from tutor.ui.instructor.wording import ago_words, duration_words, learner_label, local_now

STUCK_HEADERS = ("Learner", "Failed checks", "Time spent", "First tried", "Last worked on it")
# Checks needed to pass: one bar each up to this many, then one bar for all the rest.
MOST_BARS = 10


def checks_to_pass_bars(counts: dict[int, int] | None) -> list[Bar]:
    """Bars for "checks needed to pass": 1, 2, ... MOST_BARS - 1, then "10+"."""
    counts = counts or {}
    bars = []
    for needed in range(1, MOST_BARS):
        learners = counts.get(needed, 0)
        bars.append(Bar(str(needed), learners,
                        f"{learners} passed on check {needed}"))
    rest = sum(learners for needed, learners in counts.items() if needed >= MOST_BARS)
    bars.append(Bar(f"{MOST_BARS}+", rest, f"{rest} needed {MOST_BARS} checks or more"))
    return bars


class ExercisePage(QWidget):
    """Everything about one exercise; choosing a stuck learner opens their work on it."""

    work_chosen = Signal(str, str, str)  # learner id, exercise id, event id ("" for latest)

    def __init__(self, catalog: ExerciseCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.exercise_id = ""
        self.summary: ExerciseSummary | None = None
        self.title = plain_label()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.track = plain_label()
        self.figures = plain_label()
        self.stuck_heading = plain_label()
        bold = QFont(self.stuck_heading.font())
        bold.setBold(True)
        self.stuck_heading.setFont(bold)
        self.stuck = TextTable(STUCK_HEADERS, name="Who is stuck")
        self.chart_heading = plain_label("How many checks learners needed to pass")
        self.chart_heading.setFont(bold)
        self.chart = BarChart(x_title="Checks run until the first pass",
                              y_title="Learners")
        self.chart.setAccessibleName("How many checks learners needed to pass")
        self.chart.empty_text = "Nobody has passed this exercise yet."
        self.stuck.row_chosen.connect(
            lambda learner_id: self.work_chosen.emit(learner_id, self.exercise_id, ""))
        rule = plain_label(STUCK_RULE + " Click a learner to see their latest code.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.track)
        layout.addWidget(self.figures)
        layout.addWidget(self.stuck_heading)
        layout.addWidget(rule)
        layout.addWidget(self.stuck, 3)
        layout.addWidget(self.chart_heading)
        layout.addWidget(self.chart, 2)

    def show_exercise(self, exercise_id: str, overview: Overview | None,
                      now: datetime | None = None) -> None:
        """Show this exercise as the overview has it."""
        self.exercise_id = exercise_id
        info = self._catalog.info(exercise_id)
        self.title.setText(f"{info.label}: {info.title}")
        self.track.setText(f"Track: {info.track_title}" if info.known else
                           f"Exercise id {exercise_id}. The lessons on this computer do not "
                           "have it; the learners had a different version.")
        if overview is None:
            self.figures.setText("")
            self.stuck.set_rows([])
            return
        summary = overview.exercise_summary(exercise_id)
        self.summary = summary
        self.figures.setText(
            f"Done: {summary.done}    Started: {summary.started}    Stuck: {summary.stuck}    "
            f"Not started: {summary.not_started}")
        count = len(summary.stuck_learners)
        self.stuck_heading.setText("Who is stuck: nobody" if not count else
                                   f"Who is stuck: {count} learner{'' if count == 1 else 's'}")
        now = now or local_now()
        rows = []
        for stuck in summary.stuck_learners:
            since = stuck.seconds_since_first_try(now)
            rows.append(TextRow(
                [learner_label(stuck.display_name, stuck.learner_id), str(stuck.failed_checks),
                 duration_words(stuck.seconds_spent), f"{ago_words(since)} ago",
                 f"{ago_words(stuck.seconds_since_last_try(now))} ago"],
                value=stuck.learner_id,
                sort_keys=[None, stuck.failed_checks, stuck.seconds_spent, since,
                           stuck.seconds_since_last_try(now)],
                tooltip=f"{stuck.display_name}\nLearner id: {stuck.learner_id}"))
        self.stuck.set_rows(rows)
        passed = sum(summary.checks_to_pass.values())
        first_time = summary.checks_to_pass.get(1, 0)
        self.chart.set_bars(
            checks_to_pass_bars(dict(summary.checks_to_pass)),
            f"{passed} learners passed. {first_time} of them passed on their first check."
            if passed else "Nobody has passed this exercise yet.")
