"""A search box for the lessons and the glossary, with its results in a list below it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from tutor.content.search import Hit, SearchIndex

GETTING_READY = "Search is getting ready. Try again in a moment."
NOTHING_FOUND = "Nothing found. Try a shorter word."
KIND_LABELS = {"exercise": "Lesson", "term": "Word"}
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def result_text(hit: Hit) -> str:
    """How one result reads in the list: what it is and its title, then the words around it."""
    first_line = f"{KIND_LABELS.get(hit.kind, hit.kind)}: {hit.title}"
    return f"{first_line}\n{hit.snippet}" if hit.snippet else first_line


class SearchPanel(QWidget):
    """Type to find lessons and glossary words; choose a result with a click or Enter."""

    exercise_chosen = Signal(str)
    term_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Search")
        self._index: SearchIndex | None = None

        self._field = QLineEdit()
        self._field.setAccessibleName("Search lessons and words")
        self._field.setPlaceholderText("Search lessons and words (Ctrl+K)")
        self._field.setClearButtonEnabled(True)
        self._field.textChanged.connect(self._run_search)
        self._field.installEventFilter(self)

        self._status = QLabel("")
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setWordWrap(True)
        self._status.setAccessibleName("Search result count")

        self._results = QListWidget()
        self._results.setAccessibleName("Search results")
        self._results.setWordWrap(True)
        self._results.setUniformItemSizes(False)
        self._results.itemClicked.connect(self._choose)
        self._results.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._field)
        layout.addWidget(self._status)
        layout.addWidget(self._results, 1)

    def set_index(self, index: SearchIndex | None) -> None:
        """Search this index from now on (None while it is still being built)."""
        self._index = index
        self._run_search()

    def focus_search(self) -> None:
        """Put the keyboard in the search box, with its text selected to type over."""
        self._field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._field.selectAll()

    def set_query(self, text: str) -> None:
        """Search for `text`, as if the learner had typed it."""
        self._field.setText(text)

    def query(self) -> str:
        """What is in the search box."""
        return self._field.text()

    def status_text(self) -> str:
        """The line above the results, such as "3 results"."""
        return self._status.text()

    def result_texts(self) -> list[str]:
        """Every result as the list shows it, best first."""
        return [self._results.item(row).text() for row in range(self._results.count())]

    def choose_result(self, row: int) -> None:
        """Open the result in this row, as a click on it would."""
        item = self._results.item(row)
        if item is not None:
            self._choose(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Keys that move between the box and the list, choose a result, or clear."""
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if watched is self._field:
            if key == Qt.Key.Key_Down and self._results.count():
                self._results.setCurrentRow(0)
                self._results.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose_result(0)
                return True
            if key == Qt.Key.Key_Escape and self._field.text():
                self._field.clear()
                return True
        elif watched is self._results:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self._results.currentItem()
                if item is not None:
                    self._choose(item)
                return True
            if key == Qt.Key.Key_Up and self._results.currentRow() <= 0:
                self.focus_search()
                return True
        return super().eventFilter(watched, event)

    def _run_search(self) -> None:
        self._results.clear()
        text = self._field.text()
        if not text.strip():
            self._status.setText("")
            return
        if self._index is None:
            self._status.setText(GETTING_READY)
            return
        hits = self._index.search(text)
        for hit in hits:
            item = QListWidgetItem(result_text(hit))
            item.setData(KIND_ROLE, hit.kind)
            item.setData(ID_ROLE, hit.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, result_text(hit))
            self._results.addItem(item)
        count = len(hits)
        self._status.setText(NOTHING_FOUND if not count
                             else "1 result" if count == 1 else f"{count} results")

    def _choose(self, item: QListWidgetItem) -> None:
        kind, hit_id = item.data(KIND_ROLE), str(item.data(ID_ROLE))
        if kind == "exercise":
            self.exercise_chosen.emit(hit_id)
        elif kind == "term":
            self.term_chosen.emit(hit_id)
