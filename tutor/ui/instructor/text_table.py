"""A read-only table of text rows, sortable by column, that remembers a value per row.

Used for the lists on the instructor's pages (learners, exercises, attempts, who is stuck).
Every cell is plain text; tooltips are escaped, because names and messages come from outside.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from tutor.ui.instructor.colours import readable_in_rows
from tutor.ui.instructor.wording import STATUS_TEXT_COLOUR, plain_tooltip

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class TextRow:
    """One row: its cells, what each sorts by, a tooltip, colours by column, and its value.

    Text colours are made readable in every theme. Backgrounds are status colours, which are
    light in every theme, so the text on them is always the status text colour.
    """

    cells: Sequence[str]
    value: Any = None
    sort_keys: Sequence[Any] = ()
    tooltip: str = ""
    backgrounds: dict[int, str] = field(default_factory=dict)
    foregrounds: dict[int, str] = field(default_factory=dict)


class TextTableModel(QAbstractTableModel):
    """Rows of plain text under column headers."""

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self._headers = list(headers)
        self._rows: list[TextRow] = []

    def set_rows(self, rows: Sequence[TextRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> TextRow:
        """The row at this place (in the model's own order)."""
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.cells[column] if column < len(row.cells) else ""
        if role == SORT_ROLE:
            if column < len(row.sort_keys) and row.sort_keys[column] is not None:
                return row.sort_keys[column]
            return row.cells[column].casefold() if column < len(row.cells) else ""
        if role == Qt.ItemDataRole.ToolTipRole and row.tooltip:
            return plain_tooltip(row.tooltip)
        if role == Qt.ItemDataRole.BackgroundRole and column in row.backgrounds:
            return QBrush(QColor(row.backgrounds[column]))
        if role == Qt.ItemDataRole.ForegroundRole and column in row.backgrounds:
            return QBrush(QColor(STATUS_TEXT_COLOUR))
        if role == Qt.ItemDataRole.ForegroundRole and column in row.foregrounds:
            # Worked out as the cell is drawn, so it follows a change of theme.
            return QBrush(readable_in_rows(row.foregrounds[column]))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt's name)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None


class TextTable(QTableView):
    """A sortable table of TextRows; choosing a row (click or Enter) says which value."""

    row_chosen = Signal(object)

    def __init__(self, headers: Sequence[str], *, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = TextTableModel(headers)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setAccessibleName(name)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.clicked.connect(self._choose)

    def set_rows(self, rows: Sequence[TextRow], *, sort_column: int | None = None,
                 descending: bool = False) -> None:
        """Show these rows; optionally sort them by one column."""
        self.source.set_rows(rows)
        if sort_column is not None:
            self.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder if descending
                              else Qt.SortOrder.AscendingOrder)
        self.resizeColumnsToContents()

    def value_at(self, row: int) -> Any:
        """The value of the row shown at this place (after sorting)."""
        return self.source.row(self.proxy.mapToSource(self.proxy.index(row, 0)).row()).value

    def shown_text(self, row: int, column: int) -> str:
        """The text shown in one cell (after sorting)."""
        return str(self.proxy.index(row, column).data())

    def choose_row(self, row: int) -> None:
        """Choose the row shown at this place, as a click would."""
        self._choose(self.proxy.index(row, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter chooses the current row."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._choose(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.row_chosen.emit(self.value_at(index.row()))
