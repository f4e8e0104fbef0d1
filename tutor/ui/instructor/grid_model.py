"""The dashboard grid as a table model: a row per learner, a column per exercise.

Built for hundreds of rows and about a hundred columns: statuses are worked out once per
overview into a plain matrix, and `data` only looks them up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from tutor.store.dashboard import CellStatus, LearnerSummary, Overview
from tutor.ui.instructor.catalog import ExerciseCatalog, ExerciseInfo
from tutor.ui.instructor.wording import (
    STATUS_COLOURS,
    STATUS_SYMBOLS,
    STATUS_TEXT_COLOUR,
    STATUS_WORDS,
    duration_words,
    learner_label,
    plain_tooltip,
    when_words,
)

STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
STATUSES: tuple[CellStatus, ...] = ("not started", "started", "stuck", "done")
Index = QModelIndex | QPersistentModelIndex
# How the rows can be ordered, with the words the order menu shows.
ORDERS = {
    "name": "By name",
    "stuck": "Most stuck first",
    "least_done": "Fewest done first",
    "most_done": "Most done first",
    "away": "Longest since last seen",
}


class DashboardModel(QAbstractTableModel):
    """Learners by exercises; each cell a status in colour and symbol, with a tooltip."""

    def __init__(self, catalog: ExerciseCatalog) -> None:
        super().__init__()
        self._catalog = catalog
        self._overview: Overview | None = None
        self._columns: list[ExerciseInfo] = catalog.columns()
        self._all_rows: list[LearnerSummary] = []
        self._rows: list[LearnerSummary] = []
        self._matrix: list[list[int]] = []
        self._filter = ""
        self._order = "name"
        self.compact = False  # narrow columns: headings show only where each track starts
        self._brushes = [QBrush(QColor(STATUS_COLOURS[status])) for status in STATUSES]
        self._text_brush = QBrush(QColor(STATUS_TEXT_COLOUR))
        self._bold = QFont()
        self._bold.setBold(True)
        self._small = QFont()
        self._small.setPointSizeF(7)

    # ---- filling -----------------------------------------------------------------------

    def set_overview(self, overview: Overview) -> None:
        """Show this overview, keeping the filter and order."""
        self.beginResetModel()
        self._overview = overview
        self._columns = self._catalog.columns(overview.exercise_ids())
        self._all_rows = list(overview.learners)
        self._arrange()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only learners whose name or id contains `text` (any case)."""
        self.beginResetModel()
        self._filter = text.strip().casefold()
        self._arrange()
        self.endResetModel()

    def set_compact(self, compact: bool) -> None:
        """Label only the first column of each track (for columns too narrow for "H12")."""
        self.compact = compact
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def set_order(self, order: str) -> None:
        """Order the rows: one of the keys of ORDERS."""
        self.beginResetModel()
        self._order = order if order in ORDERS else "name"
        self._arrange()
        self.endResetModel()

    def _arrange(self) -> None:
        wanted = self._filter
        rows = [learner for learner in self._all_rows if not wanted
                or wanted in learner.display_name.casefold() or wanted in learner.id.casefold()]
        if self._order == "stuck":
            rows.sort(key=lambda learner: -learner.stuck)
        elif self._order == "least_done":
            rows.sort(key=lambda learner: learner.done)
        elif self._order == "most_done":
            rows.sort(key=lambda learner: -learner.done)
        elif self._order == "away":
            rows.sort(key=lambda learner: learner.last_at or "")
        self._rows = rows
        codes = {status: number for number, status in enumerate(STATUSES)}
        ids = [column.id for column in self._columns]
        self._matrix = [[codes[learner.status(exercise_id)] for exercise_id in ids]
                        for learner in rows]

    # ---- what the view asks ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def learner_at(self, row: int) -> LearnerSummary:
        """The learner shown in this row."""
        return self._rows[row]

    def starts_track(self, column: int) -> bool:
        """True when this column is the first of its track (the grid draws a line there)."""
        return 0 < column < len(self._columns) and (
            self._columns[column].track_title != self._columns[column - 1].track_title)

    def exercise_at(self, column: int) -> ExerciseInfo:
        """The exercise shown in this column."""
        return self._columns[column]

    def status_at(self, row: int, column: int) -> CellStatus:
        """The status shown in one cell."""
        return STATUSES[self._matrix[row][column]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        code = self._matrix[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return STATUS_SYMBOLS[STATUSES[code]]
        if role == Qt.ItemDataRole.BackgroundRole:
            if STATUSES[code] == "not started":  # the theme's background, as it is drawn
                return QBrush(QApplication.palette().color(QPalette.ColorRole.Base))
            return self._brushes[code]
        if role == Qt.ItemDataRole.ForegroundRole:
            if STATUSES[code] == "not started":
                return QBrush(QApplication.palette().color(QPalette.ColorRole.Text))
            return self._text_brush
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and STATUSES[code] == "stuck":
            return self._bold
        if role == STATUS_ROLE:
            return STATUSES[code]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.cell_description(index.row(), index.column()))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.cell_description(index.row(), index.column()).splitlines()[0]
        return None

    def cell_description(self, row: int, column: int) -> str:
        """What one cell means, in words: who, which exercise, status, and the figures."""
        learner, exercise = self._rows[row], self._columns[column]
        status = self.status_at(row, column)
        lines = [f"{learner.display_name}, {exercise.label}: {STATUS_WORDS[status]}",
                 exercise.full_name]
        cell = learner.cells.get(exercise.id)
        if cell is not None:
            checks = f"{cell.checks} check{'' if cell.checks == 1 else 's'}"
            if cell.checks_to_pass is not None:
                checks += f", passed on check {cell.checks_to_pass}"
            lines.append(f"{checks}, {cell.failed_checks} failed. "
                         f"Time spent: {duration_words(cell.seconds_spent)}.")
            lines.append(f"Last worked on: {when_words(cell.last_at)}")
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt's name)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            exercise = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                if self.compact:
                    starts = section == 0 or self.starts_track(section)
                    return exercise.label.rstrip("0123456789") if starts else ""
                return exercise.label
            if role == Qt.ItemDataRole.FontRole and self.compact:
                return self._small
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(f"{exercise.full_name}\nClick to see who is stuck on it.")
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return exercise.full_name
            return None
        if not 0 <= section < len(self._rows):
            return None
        learner = self._rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return learner_label(learner.display_name, learner.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(
                f"{learner.display_name}\nLearner id: {learner.id}\n"
                f"{learner.done} done, {learner.started} started, {learner.stuck} stuck\n"
                "Click to open their page.")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return learner.display_name
        return None
