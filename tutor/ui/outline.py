"""The course outline: tracks and their exercises, each marked done, started or not started."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

# Each status has a symbol and words, so it never depends on colour or on seeing the symbol.
STATUS_MARKS = {"done": ("✓", "done"), "started": ("◐", "started"), "": ("○", "not started")}
EXERCISE_ID_ROLE = Qt.ItemDataRole.UserRole


def status_text(title: str, status: str) -> str:
    """How one exercise reads in the outline, such as "✓ Your first heading — done"."""
    symbol, words = STATUS_MARKS.get(status, STATUS_MARKS[""])
    return f"{symbol} {title} — {words}"


class CourseOutline(QTreeWidget):
    """Tracks and exercises to choose from; choosing one (click or Enter) says which."""

    exercise_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setAccessibleName("Course outline")
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(True)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._titles: dict[str, str] = {}
        self._status: dict[str, str] = {}
        self.itemClicked.connect(self._choose)

    def set_course(self, tracks: list[tuple[str, str, list[tuple[str, str]]]]) -> None:
        """Show these tracks: (track id, track title, [(exercise id, exercise title)])."""
        self.clear()
        self._items = {}
        self._titles = {}
        for track_id, track_title, exercises in tracks:
            track_item = QTreeWidgetItem(self, [track_title])
            track_item.setData(0, Qt.ItemDataRole.UserRole + 1, track_id)
            track_item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{track_title} (track)")
            for exercise_id, title in exercises:
                item = QTreeWidgetItem(track_item)
                item.setData(0, EXERCISE_ID_ROLE, exercise_id)
                self._items[exercise_id] = item
                self._titles[exercise_id] = title
            track_item.setExpanded(True)
        self._show_status()

    def set_status(self, status: dict[str, str]) -> None:
        """Mark exercises "done" or "started"; any exercise left out is not started."""
        self._status = dict(status)
        self._show_status()

    def select_exercise(self, exercise_id: str) -> None:
        """Highlight an exercise (for example the one open now) without choosing it."""
        item = self._items.get(exercise_id)
        if item is None:
            return
        parent = item.parent()
        if parent is not None:
            parent.setExpanded(True)
        self.setCurrentItem(item)
        self.scrollToItem(item)

    def item_text(self, exercise_id: str) -> str:
        """What an exercise's row says."""
        return self._items[exercise_id].text(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter (or Return) chooses the exercise under the keyboard focus."""
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            if item.data(0, EXERCISE_ID_ROLE):
                self._choose(item)
            else:
                item.setExpanded(not item.isExpanded())
            return
        super().keyPressEvent(event)

    def _choose(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        exercise_id = item.data(0, EXERCISE_ID_ROLE)
        if exercise_id:
            self.exercise_chosen.emit(str(exercise_id))

    def _show_status(self) -> None:
        for exercise_id, item in self._items.items():
            text = status_text(self._titles[exercise_id], self._status.get(exercise_id, ""))
            item.setText(0, text)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, text)
            item.setToolTip(0, text)  # the whole title, when big text cuts it short
