"""A small bar for finding text in the code editor."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

NO_MATCHES = "No matches"


class FindBar(QWidget):
    """Finds text in an editor: Enter for the next match, Shift+Enter for the one before."""

    closed = Signal()

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.setAccessibleName("Find")
        self.setAutoFillBackground(True)

        label = QLabel("Find:")
        label.setTextFormat(Qt.TextFormat.PlainText)
        self._field = QLineEdit()
        self._field.setAccessibleName("Text to find")
        self._field.setPlaceholderText("Type what to find")
        self._field.setClearButtonEnabled(True)
        self._field.installEventFilter(self)
        self._field.textEdited.connect(self._find_as_typed)
        label.setBuddy(self._field)

        self._next_button = QPushButton("Next")
        self._next_button.setAccessibleName("Find next")
        self._next_button.clicked.connect(self.find_next)
        self._previous_button = QPushButton("Previous")
        self._previous_button.setAccessibleName("Find previous")
        self._previous_button.clicked.connect(self.find_previous)
        close_button = QPushButton("Close")
        close_button.setAccessibleName("Close find")
        close_button.clicked.connect(self.close_bar)
        for button in (self._next_button, self._previous_button, close_button):
            button.setAutoDefault(False)

        self._status = QLabel("")
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setAccessibleName("Find result")
        self._status.setMinimumWidth(self._status.fontMetrics().horizontalAdvance("Line 99999 "))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(label)
        layout.addWidget(self._field, 1)
        layout.addWidget(self._next_button)
        layout.addWidget(self._previous_button)
        layout.addWidget(self._status)
        layout.addWidget(close_button)

    def open_bar(self) -> None:
        """Show the bar with the field ready to type in, starting from any selected word."""
        selected = self._editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:  # Qt's paragraph separator: many lines
            self._field.setText(selected)
        self._status.setText("")
        self.show()
        self._field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and give the keyboard back to the editor."""
        self.hide()
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def search_text(self) -> str:
        """What the learner is looking for."""
        return self._field.text()

    def status_text(self) -> str:
        """The line the bar shows about the last search, such as "No matches"."""
        return self._status.text()

    def find_next(self) -> bool:
        """Select the next match after the cursor, going round to the top; False if none."""
        return self._find(backward=False)

    def find_previous(self) -> bool:
        """Select the match before the cursor, going round to the end; False if none."""
        return self._find(backward=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Enter, Shift+Enter and Esc in the field."""
        if watched is self._field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

    def _find_as_typed(self) -> None:
        # Search again from where the current match starts, so it grows as the learner types.
        cursor = self._editor.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self._editor.setTextCursor(cursor)
        self._find(backward=False)

    def _find(self, *, backward: bool) -> bool:
        needle = self._field.text()
        if not needle:
            self._status.setText("")
            return False
        document = self._editor.document()
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = document.find(needle, self._editor.textCursor(), flags)
        if found.isNull():
            start_again = QTextCursor(document)
            if backward:
                start_again.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(needle, start_again, flags)
        if found.isNull():
            self._status.setText(NO_MATCHES)
            return False
        self._editor.setTextCursor(found)
        self._editor.ensureCursorVisible()
        self._status.setText(f"Line {found.blockNumber() + 1}")
        return True
