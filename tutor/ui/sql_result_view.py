"""Shows what a learner's SQL gave back: a table of rows, a status line, or an error."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tutor.ui.themes import current_theme, set_tone

NULL_TEXT = "NULL"
NULL_COLOR = "#666666"   # the light theme's grey; each theme has its own (still 4.5:1)
SHOW_TABLES = "Show the tables"
HIDE_TABLES = "Hide the tables"

Cell = int | float | str | bytes | None


def cell_text(value: Cell) -> str:
    """A cell as the learner reads it: NULL for no value, a size for binary data."""
    if value is None:
        return NULL_TEXT
    if isinstance(value, bytes):
        return f"(binary data, {len(value)} bytes)"
    return str(value)


def rows_line(shown: int, total: int) -> str:
    """The line above a result, such as "Showing 10 of 57 rows"."""
    if total == 0:
        return "Your query gave back no rows."
    if shown < total:
        return f"Showing {shown} of {total} rows"
    return "1 row" if total == 1 else f"{total} rows"


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and data are never markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def _grid(accessible_name: str) -> QTableWidget:
    grid = QTableWidget()
    grid.setAccessibleName(accessible_name)
    grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    grid.setAlternatingRowColors(True)
    grid.setTabKeyNavigation(False)  # Tab moves on to the next control, arrows move in cells
    grid.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    grid.verticalHeader().setVisible(False)
    return grid


def fill_grid(grid: QTableWidget, columns: Sequence[str], rows: Iterable[Sequence[Cell]]
              ) -> None:
    """Put rows in a grid as plain text; NULL cells are grey and slanted."""
    row_list = list(rows)
    grid.clear()
    grid.setColumnCount(len(columns))
    grid.setRowCount(len(row_list))
    grid.setHorizontalHeaderLabels([str(name) for name in columns])
    for row_number, row in enumerate(row_list):
        for column_number, value in enumerate(row):
            item = QTableWidgetItem(cell_text(value))
            if value is None:
                item.setForeground(QColor(current_theme().placeholder))
                slanted = QFont(item.font())
                slanted.setItalic(True)
                item.setFont(slanted)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, "NULL, no value")
            grid.setItem(row_number, column_number, item)
    grid.resizeColumnsToContents()


class SqlResultView(QWidget):
    """The rows a query gave back, or what went wrong, and the exercise's tables on request."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Query result")
        self.status_label = _plain_label()
        self.status_label.setAccessibleName("Query status")
        self.status_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.error_label = _plain_label()
        self.error_label.setAccessibleName("Mistake in your SQL")
        set_tone(self.error_label, "error")  # red in every theme, with its contrast
        self.error_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.result_grid = _grid("Rows your query gave back")

        self.tables_button = QPushButton(SHOW_TABLES)
        self.tables_button.setCheckable(True)
        self.tables_button.setAccessibleName(SHOW_TABLES)
        self.tables_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tables_button.toggled.connect(self._tables_toggled)
        self._tables_box = QWidget()
        self._tables_layout = QVBoxLayout(self._tables_box)
        self._tables_layout.setContentsMargins(0, 0, 0, 0)
        self.tables_area = QScrollArea()
        self.tables_area.setWidgetResizable(True)
        self.tables_area.setFrameShape(QFrame.Shape.NoFrame)
        self.tables_area.setWidget(self._tables_box)
        self.tables_area.setAccessibleName("Tables in the database")
        self.tables_area.hide()
        self._table_grids: list[QTableWidget] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_grid, 1)
        layout.addWidget(self.tables_button)
        layout.addWidget(self.tables_area, 1)
        # Takes the spare room only when the grids are hidden, so the lines stay at the top.
        layout.addStretch(0)
        self.setTabOrder(self.status_label, self.error_label)
        self.setTabOrder(self.error_label, self.result_grid)
        self.setTabOrder(self.result_grid, self.tables_button)
        self.clear()

    def clear(self) -> None:
        """Show only a line saying how to see rows."""
        self.error_label.hide()
        fill_grid(self.result_grid, [], [])
        self.result_grid.hide()
        self.status_label.setText("Press Run to see what your SQL gives back.")

    def show_result(self, columns: Sequence[str], rows: Sequence[Sequence[Cell]],
                    row_count: int) -> None:
        """Show a query's rows; `row_count` is how many there were, even if fewer are given."""
        self.error_label.hide()
        fill_grid(self.result_grid, columns, rows)
        self.result_grid.setVisible(bool(columns))
        self.status_label.setText(rows_line(len(rows), max(row_count, len(rows))))

    def show_message(self, text: str) -> None:
        """Show one plain line and no rows, such as "2 rows were changed."."""
        self.error_label.hide()
        self.result_grid.hide()
        self.status_label.setText(text)

    def show_error(self, text: str) -> None:
        """Show what went wrong instead of rows, exactly as given (never as markup)."""
        self.result_grid.hide()
        self.status_label.setText("Your SQL did not run.")
        self.error_label.setText(text)
        self.error_label.show()

    def show_tables(self, tables: Iterable[tuple[str, Sequence[str], Sequence[Sequence[Cell]]]]
                    ) -> None:
        """List the exercise's tables (name, columns, rows), shown when the toggle is on."""
        while self._tables_layout.count():
            item = self._tables_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # deleteLater waits for the event loop; it must vanish now
                widget.deleteLater()
        self._table_grids = []
        previous: QWidget = self.tables_button
        for name, columns, rows in tables:
            title = _plain_label(f"Table {name} ({rows_line(len(rows), len(rows))})")
            title.setFont(_bold(title.font()))
            grid = _grid(f"Table {name}")
            fill_grid(grid, columns, rows)
            self._tables_layout.addWidget(title)
            self._tables_layout.addWidget(grid)
            self._table_grids.append(grid)
            self.setTabOrder(previous, grid)
            previous = grid
        self._tables_layout.addStretch(1)

    def status_text(self) -> str:
        """The status line as the learner sees it."""
        return self.status_label.text()

    def table_grids(self) -> list[QTableWidget]:
        """One grid per table of the exercise, in order."""
        return list(self._table_grids)

    def _tables_toggled(self, shown: bool) -> None:
        self.tables_area.setVisible(shown)
        label = HIDE_TABLES if shown else SHOW_TABLES
        self.tables_button.setText(label)
        self.tables_button.setAccessibleName(label)


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold
