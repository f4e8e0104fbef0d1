"""The Learners and Exercises pages: every learner, or every exercise, in a sortable list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from tutor.store.dashboard import Overview
from tutor.ui.instructor.catalog import ExerciseCatalog
from tutor.ui.instructor.charts import Bar, BarChart
from tutor.ui.instructor.dashboard_page import plain_label
from tutor.ui.instructor.text_table import TextRow, TextTable
from tutor.ui.instructor.wording import STATUS_COLOURS, duration_words, short_id, when_words

LEARNER_HEADERS = ("Name", "Id", "Done", "Started", "Stuck", "Time spent", "Last seen",
                   "Where they are now")
EXERCISE_HEADERS = ("No.", "Exercise", "Track", "Done", "Started", "Stuck", "Not started",
                    "Usual checks to pass")


def median(counts: dict[int, int]) -> int | None:
    """The middle value of a count of values (value -> how many), or None when empty."""
    total = sum(counts.values())
    if not total:
        return None
    seen = 0
    for value, how_many in sorted(counts.items()):
        seen += how_many
        if seen * 2 >= total:
            return value
    return None


class LearnersPage(QWidget):
    """Every learner with their figures; choosing one opens their page."""

    learner_chosen = Signal(str)

    def __init__(self, catalog: ExerciseCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._overview: Overview | None = None
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Find a learner by name or id")
        self.filter.setAccessibleName("Find a learner")
        self.filter.setClearButtonEnabled(True)
        self.table = TextTable(LEARNER_HEADERS, name="Learners")
        self.count = plain_label()
        self.table.row_chosen.connect(lambda learner_id: self.learner_chosen.emit(learner_id))
        self.filter.textChanged.connect(lambda _: self._fill())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.count)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)

    def show_overview(self, overview: Overview) -> None:
        """List the learners in this overview."""
        self._overview = overview
        self._fill()

    def _fill(self) -> None:
        overview = self._overview
        if overview is None:
            return
        wanted = self.filter.text().strip().casefold()
        rows = []
        for learner in overview.learners:
            if wanted and wanted not in learner.display_name.casefold() \
                    and wanted not in learner.id.casefold():
                continue
            current = learner.current_exercise_id
            where = "" if current is None else self._catalog.info(current).full_name
            rows.append(TextRow(
                [learner.display_name, f"#{short_id(learner.id)}", str(learner.done),
                 str(learner.started), str(learner.stuck),
                 duration_words(learner.seconds_spent), when_words(learner.last_at), where],
                value=learner.id,
                sort_keys=[None, None, learner.done, learner.started, learner.stuck,
                           learner.seconds_spent, learner.last_at or "", None],
                tooltip=f"{learner.display_name}\nLearner id: {learner.id}",
                backgrounds={4: STATUS_COLOURS["stuck"]} if learner.stuck else {}))
        self.count.setText(f"{len(overview.learners)} learners. Click one to open their page.")
        self.table.set_rows(rows)


class ExercisesPage(QWidget):
    """Every exercise with the class's figures; choosing one opens its page."""

    exercise_chosen = Signal(str)

    def __init__(self, catalog: ExerciseCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.table = TextTable(EXERCISE_HEADERS, name="Exercises")
        self.table.row_chosen.connect(lambda exercise_id: self.exercise_chosen.emit(exercise_id))
        self.chart = BarChart(x_title="Exercise, in course order", y_title="Stuck")
        self.chart.setAccessibleName("Learners stuck on each exercise")
        self.chart.empty_text = "Nobody is stuck on any exercise."
        self.chart.setMaximumHeight(200)
        self._bar_ids: list[str] = []
        self.chart.bar_clicked.connect(
            lambda number: self.exercise_chosen.emit(self._bar_ids[number]))
        heading = plain_label("Learners stuck on each exercise")
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(heading)
        layout.addWidget(self.chart)
        layout.addWidget(plain_label("Every exercise, in course order. Click one to see who is "
                                     "stuck on it."))
        layout.addWidget(self.table, 1)

    def show_overview(self, overview: Overview) -> None:
        """List the exercises with this overview's figures."""
        rows = []
        bars: list[Bar] = []
        for place, info in enumerate(self._catalog.columns(overview.exercise_ids())):
            summary = overview.exercise_summary(info.id)
            usual = median(dict(summary.checks_to_pass))
            rows.append(TextRow(
                [info.label, info.title, info.track_title, str(summary.done),
                 str(summary.started), str(summary.stuck), str(summary.not_started),
                 "" if usual is None else str(usual)],
                value=info.id,
                sort_keys=[place, None, place, summary.done, summary.started, summary.stuck,
                           summary.not_started, -1 if usual is None else usual],
                tooltip=info.full_name,
                backgrounds={5: STATUS_COLOURS["stuck"]} if summary.stuck else {}))
            bars.append(Bar(info.label, summary.stuck,
                            f"{info.full_name}: {summary.stuck} stuck"))
        self.table.set_rows(rows)
        self._bar_ids = [str(row.value) for row in rows]
        worst = sorted(bars, key=lambda bar: -bar.value)[:3]
        self.chart.set_bars(bars, "Most stuck: " + ", ".join(
            f"{bar.label} ({bar.value})" for bar in worst if bar.value) if any(
            bar.value for bar in bars) else "Nobody is stuck.")
