"""The dashboard: every learner against every exercise, a status in each cell, and a key."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tutor.store.dashboard import STUCK_FAILED_CHECKS, STUCK_MINUTES, CellStatus, Overview
from tutor.ui.instructor.catalog import ExerciseCatalog
from tutor.ui.instructor.grid_model import ORDERS, DashboardModel
from tutor.ui.instructor.wording import STATUS_COLOURS, STATUS_SYMBOLS, STATUS_TEXT_COLOUR

EMPTY = ("No learners yet.\n\n"
         "Import progress from a USB stick to see your learners here.")
LOADING = "Reading your learners' progress…"
PROGRESS_FROM = 50  # learners: fewer than this are read too fast to need a count
STUCK_RULE = (f"Stuck: no pass yet after {STUCK_FAILED_CHECKS} or more failed checks, "
              f"or after {STUCK_MINUTES} minutes or more of work.")
KEY_WORDS: dict[CellStatus, str] = {"done": "done", "started": "started",
                                    "stuck": "stuck", "not started": "not started"}


def plain_label(text: str = "") -> QLabel:
    """A label that never reads its text as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class _TrackLines(QStyledItemDelegate):
    """Draws each cell as usual, with a strong line where a new track of exercises begins.

    The line is in the theme's text colour, so it shows on the grid in every theme.
    """

    def __init__(self, model: DashboardModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        if self._model.starts_track(index.column()):
            painter.save()
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Text), 2))
            rect = option.rect
            painter.drawLine(rect.left(), rect.top(), rect.left(), rect.bottom() + 1)
            painter.restore()


class _Grid(QTableView):
    """The grid itself; Enter on a cell chooses it, like a click."""

    cell_chosen = Signal(int, int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self.cell_chosen.emit(index.row(), index.column())
            return
        super().keyPressEvent(event)


class DashboardPage(QWidget):
    """Learners by exercises; a click opens work, a learner, or an exercise."""

    learner_chosen = Signal(str)
    exercise_chosen = Signal(str)
    cell_chosen = Signal(str, str)  # learner id, exercise id

    def __init__(self, catalog: ExerciseCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DashboardModel(catalog)
        self.summary = plain_label()
        self.summary.setAccessibleName("Summary")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Find a learner by name or id")
        self.filter.setAccessibleName("Find a learner")
        self.filter.setClearButtonEnabled(True)
        self.order = QComboBox()
        self.order.setAccessibleName("Order of learners")
        for key, words in ORDERS.items():
            self.order.addItem(words, key)
        self.fit = QCheckBox("Fit every exercise on the screen")
        self.fit.setToolTip("Make the columns narrow, so the whole course fits without "
                            "scrolling sideways.")
        self.grid = _Grid()
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(_TrackLines(self.model, self.grid))
        self.grid.setAccessibleName("Learners and exercises")
        self.message = plain_label(LOADING)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = QFont(self.message.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        self.message.setFont(big)
        self.stack = QStackedWidget()
        self._build()

    def _build(self) -> None:
        grid = self.grid
        grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid.setShowGrid(True)
        # The theme's border colour: the grid shows in every theme, fainter than track lines.
        grid.setStyleSheet("QTableView { gridline-color: palette(mid); }")
        grid.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        grid.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        height = grid.fontMetrics().height() + 6
        columns = grid.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._column_width = grid.fontMetrics().horizontalAdvance("J25") + 10
        columns.setDefaultSectionSize(self._column_width)
        columns.setMinimumSectionSize(6)
        columns.setSectionsClickable(True)
        columns.setHighlightSections(False)
        rows = grid.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(height)
        rows.setSectionsClickable(True)
        rows.setHighlightSections(False)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        grid.clicked.connect(self._cell_clicked)
        grid.cell_chosen.connect(self._choose_cell)
        rows.sectionClicked.connect(
            lambda row: self.learner_chosen.emit(self.model.learner_at(row).id))
        columns.sectionClicked.connect(
            lambda column: self.exercise_chosen.emit(self.model.exercise_at(column).id))
        self.filter.textChanged.connect(self.model.set_filter)
        self.fit.toggled.connect(lambda _: self.fit_columns())
        self.order.currentIndexChanged.connect(
            lambda _: self.model.set_order(str(self.order.currentData())))

        tools = QHBoxLayout()
        tools.addWidget(self.filter, 2)
        tools.addWidget(plain_label("Order:"))
        tools.addWidget(self.order)
        tools.addWidget(self.fit)
        tools.addStretch(1)

        self.stack.addWidget(self.message)
        self.stack.addWidget(grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        # The tools, the key and the help only mean something once there are learners.
        self.tools = QWidget()
        tools_layout = QVBoxLayout(self.tools)
        tools_layout.setContentsMargins(0, 0, 0, 0)
        tools_layout.addLayout(tools)
        tools_layout.addLayout(self._key())
        layout.addWidget(self.tools)
        layout.addWidget(self.stack, 1)
        self.help = plain_label("Click a square to see that work. Click a name to open the "
                                "learner's page. Click a column heading to see who is stuck "
                                "there.")
        layout.addWidget(self.help)
        for part in (self.summary, self.tools, self.help):
            part.hide()  # until the first overview says there are learners

    def _key(self) -> QHBoxLayout:
        key = QHBoxLayout()
        key.setSpacing(4)
        key.addWidget(plain_label("Key:"))
        statuses: tuple[CellStatus, ...] = ("done", "started", "stuck", "not started")
        for status in statuses:
            swatch = plain_label(STATUS_SYMBOLS[status] or " ")
            swatch.setAlignment(Qt.AlignmentFlag.AlignCenter)
            swatch.setFixedSize(self.fontMetrics().height() + 8, self.fontMetrics().height() + 6)
            # As the grid shows each status (see grid_model): not started in the theme's
            # own colours, the others in their fixed light colours with dark text.
            colours = ("background: palette(base); color: palette(text);"
                       if status == "not started" else
                       f"background: {STATUS_COLOURS[status]}; color: {STATUS_TEXT_COLOUR};")
            swatch.setStyleSheet(f"{colours} border: 1px solid palette(mid); "
                                 "font-weight: bold;")
            key.addWidget(swatch)
            key.addWidget(plain_label(KEY_WORDS[status]))
            key.addSpacing(10)
        rule = plain_label(STUCK_RULE)
        key.addWidget(rule, 1)
        return key

    def show_overview(self, overview: Overview) -> None:
        """Show the class as it is now, or say what to do when there is nobody yet."""
        self.model.set_overview(overview)
        for part in (self.summary, self.tools, self.help):
            part.setVisible(bool(overview.learners))
        if not overview.learners:
            self.message.setText(EMPTY)
            self.stack.setCurrentWidget(self.message)
            return
        self.stack.setCurrentWidget(self.grid)
        stuck = sum(1 for learner in overview.learners if learner.stuck)
        count = len(overview.learners)
        self.summary.setText(
            f"{count} learner{'' if count == 1 else 's'}, "
            f"{self.model.columnCount()} exercises. "
            f"{stuck} learner{' is' if stuck == 1 else 's are'} stuck on at least one exercise.")
        # The row names set the header's width: as wide as the longest, within reason.
        metrics = self.grid.verticalHeader().fontMetrics()
        labels = (str(self.model.headerData(row, Qt.Orientation.Vertical))
                  for row in range(self.model.rowCount()))
        widest = max((metrics.horizontalAdvance(label) for label in labels), default=0)
        self.grid.verticalHeader().setFixedWidth(min(widest + 16, 320))
        self.fit_columns()

    def fit_columns(self) -> None:
        """Narrow the columns to fit the grid's width, or widen them back."""
        count = self.model.columnCount()
        fit = self.fit.isChecked() and count > 0
        width = self._column_width
        if fit:
            grid = self.grid
            room = (grid.width() - grid.verticalHeader().width() - 2 * grid.frameWidth()
                    - grid.verticalScrollBar().sizeHint().width())
            width = max(8, min(width, room // count))
        self.model.set_compact(fit and width < self._column_width)
        self.grid.horizontalHeader().setDefaultSectionSize(width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.fit.isChecked():
            self.fit_columns()

    def show_loading(self) -> None:
        """Say that the figures are being read (only before the first overview)."""
        if self.stack.currentWidget() is self.message:
            self.message.setText(LOADING)
            self.stack.setCurrentWidget(self.message)

    def show_progress(self, done: int, total: int) -> None:
        """Say how far the first reading has got (later refreshes are quick and say nothing)."""
        if self.stack.currentWidget() is self.message and total > PROGRESS_FROM:
            self.message.setText(f"{LOADING}\n\n{done} of {total} learners so far.")

    def _cell_clicked(self, index: QModelIndex) -> None:
        self._choose_cell(index.row(), index.column())

    def _choose_cell(self, row: int, column: int) -> None:
        self.cell_chosen.emit(self.model.learner_at(row).id, self.model.exercise_at(column).id)
