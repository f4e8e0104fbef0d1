"""Hints for the exercise, shown one at a time when the learner asks."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

SHOW_HINT = "Show a hint"
NO_MORE_HINTS = "No more hints"
NO_HINTS = "There are no hints for this exercise."


class HintsPanel(QWidget):
    """A "Show a hint" button and the hints shown so far, each labelled "Hint 1 of 3"."""

    hint_revealed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Hints")
        self._hints: list[str] = []
        self._shown = 0
        self._line_height = 100  # per cent; easy reading sets more

        self._button = QPushButton(SHOW_HINT)
        self._button.setMinimumHeight(36)
        self._button.setAccessibleName(SHOW_HINT)
        self._button.clicked.connect(self.reveal_next)

        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._list)
        scroll.setAccessibleName("Hints shown")
        # Tab goes to each hint itself (the area scrolls to show it), not to the area.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(scroll, 1)
        self.set_hints([], 0)

    def set_hints(self, hints: list[str], shown: int) -> None:
        """Take a new exercise's hints, with the first `shown` of them already open."""
        self._hints = list(hints)
        self._shown = 0
        for label in self.shown_labels():
            self._list_layout.removeWidget(label)
            label.hide()  # deleteLater waits for the event loop; it must vanish now
            label.deleteLater()
        if not self._hints:
            self._add_label(NO_HINTS)
        for _ in range(max(0, min(shown, len(self._hints)))):
            self._show_one()
        self._update_button()

    def reveal_next(self) -> None:
        """Open the next hint, if there is one, and say how many are now open."""
        if self._shown >= len(self._hints):
            return
        self._show_one()
        self._update_button()
        self.hint_revealed.emit(self._shown)

    def shown_count(self) -> int:
        """How many hints are open."""
        return self._shown

    def shown_labels(self) -> list[QLabel]:
        """The labels on show, in order."""
        items = (self._list_layout.itemAt(i) for i in range(self._list_layout.count()))
        return [label for item in items
                if item is not None and isinstance(label := item.widget(), QLabel)]

    def set_reading_style(self, font: QFont, line_height: int) -> None:
        """Set the hints in `font` (its size still follows the text size) and line height."""
        self._line_height = line_height
        self.setFont(font)
        for label in self.shown_labels():
            self._set_label_text(label, str(label.property("plain_text")))

    def button_text(self) -> str:
        """What the hint button says."""
        return self._button.text()

    def _show_one(self) -> QLabel:
        self._shown += 1
        text = f"Hint {self._shown} of {len(self._hints)}\n{self._hints[self._shown - 1]}"
        return self._add_label(text)

    def _add_label(self, text: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        # Hints mark code with backticks; shown as plain text, a learner might type them.
        self._set_label_text(label, text.replace("`", ""))
        # Reachable by Tab, so a screen reader can read it; a label's name is its text.
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        label.setFrameShape(QLabel.Shape.StyledPanel)
        label.setMargin(6)
        self._list_layout.insertWidget(self._list_layout.count() - 1, label)
        return label

    def _set_label_text(self, label: QLabel, text: str) -> None:
        label.setProperty("plain_text", text)
        label.setAccessibleName(text)
        if self._line_height == 100:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(text)
            return
        # Only rich text has a line height. The hint is escaped, so none of it is markup.
        label.setTextFormat(Qt.TextFormat.RichText)
        lines = "<br>".join(html.escape(line) for line in text.split("\n"))
        label.setText(f'<p style="line-height:{self._line_height}%">{lines}</p>')

    def _update_button(self) -> None:
        finished = self._shown >= len(self._hints)
        text = NO_MORE_HINTS if finished else SHOW_HINT
        self._button.setText(text)
        self._button.setAccessibleName(text)
        self._button.setEnabled(not finished)
        font = QFont()  # only the weight: size and family follow the panel
        font.setBold(not finished)
        self._button.setFont(font)
