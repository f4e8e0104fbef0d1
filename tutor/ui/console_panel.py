"""Shows what the learner's code printed, and any errors it raised, as plain text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from sandbox.results import ConsoleEntry
from tutor.ui.text_size import fixed_pitch_font
from tutor.ui.themes import Theme, current_theme

MAX_LINES = 500
TRIMMED_NOTICE = "Only the last 500 lines are kept. Older lines were removed."
LEVEL_WORDS = {"error": "Error: ", "warn": "Warning: ", "info": "", "log": ""}
# Errors and warnings are marked in words and in the theme's colours; each line remembers
# its level (as the block's user state) so a new theme can colour it again.
LEVEL_STATES = {"error": 1, "warn": 2}
APP_SOURCE = re.compile(r"^tutor://[^/]*/")


def where_from(entry: ConsoleEntry) -> str:
    """Where a line came from, such as "script.js line 3", or "" when not known."""
    source = APP_SOURCE.sub("", entry.source)
    if source and entry.line:
        return f"{source} line {entry.line}"
    return source or (f"line {entry.line}" if entry.line else "")


def level_color(level: str, theme: Theme) -> QColor | None:
    """The colour a line of this level has in `theme` (None: the usual text colour)."""
    if level == "error":
        return QColor(theme.failed)
    if level == "warn":
        return QColor(theme.warning)
    return None


def console_text(entry: ConsoleEntry) -> str:
    """One entry as the learner reads it."""
    place = where_from(entry)
    text = f"{LEVEL_WORDS.get(entry.level, '')}{entry.text}"
    return f"{text}  ({place})" if place else text


class ConsolePanel(QWidget):
    """The console: the newest 500 lines, errors and warnings marked in words and colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Console")
        self._lines_added = 0
        self._notice = QLabel(TRIMMED_NOTICE)
        self._notice.setTextFormat(Qt.TextFormat.PlainText)
        self._notice.setWordWrap(True)
        self._notice.hide()
        self._view = QPlainTextEdit()
        self._view.setReadOnly(True)
        self._view.setAccessibleName("Console output")
        self._view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._view.setFont(fixed_pitch_font())
        self._theme_key = current_theme().key
        self._view.setMaximumBlockCount(MAX_LINES)
        self._view.setPlaceholderText("Nothing printed yet.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._notice)
        layout.addWidget(self._view, 1)

    def add_entry(self, entry: ConsoleEntry) -> None:
        """Add one line (or a few, if the text has line breaks) at the bottom."""
        self.add_entries([entry])

    def add_entries(self, entries: Sequence[ConsoleEntry]) -> None:
        """Add many lines at once; only the newest 500 are kept."""
        lines: list[tuple[str, str]] = [(console_text(entry), entry.level) for entry in entries]
        starts_empty = self._lines_added == 0
        self._lines_added += sum(text.count("\n") + 1 for text, _level in lines)
        kept: list[tuple[str, str]] = []
        kept_lines = 0
        for text, level in reversed(lines):  # lines that would be dropped at once are skipped
            if kept_lines >= MAX_LINES:
                break
            kept.append((text, level))
            kept_lines += text.count("\n") + 1
        document = self._view.document()
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        theme = current_theme()
        cursor.beginEditBlock()
        for index, (text, level) in enumerate(reversed(kept)):
            if index or not starts_empty:
                cursor.insertBlock()
            text_format = QTextCharFormat()
            color = level_color(level, theme)
            if color is not None:
                text_format.setForeground(color)
            # insertText takes the text as it is: nothing in it is read as markup.
            cursor.insertText(text, text_format)
            cursor.block().setUserState(LEVEL_STATES.get(level, 0))
        cursor.endEditBlock()
        if self._lines_added > MAX_LINES:
            self._notice.show()
        scroll_bar = self._view.verticalScrollBar()
        scroll_bar.setValue(scroll_bar.maximum())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """Colour errors and warnings again in a new theme."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange and current_theme().key != self._theme_key:
            self._theme_key = current_theme().key
            recolor_lines(self._view.document(), {
                state: level_color(level, current_theme()) for level, state
                in LEVEL_STATES.items()})

    def clear(self) -> None:
        """Remove every line."""
        self._view.clear()
        self._lines_added = 0
        self._notice.hide()

    def text(self) -> str:
        """Everything on show, as plain text."""
        return self._view.toPlainText()

    def notice(self) -> str:
        """The note about removed lines, or "" when none were removed."""
        return self._notice.text() if not self._notice.isHidden() else ""


def recolor_lines(document: QTextDocument, colors: dict[int, QColor | None]) -> None:
    """Give each line whose user state is a key of `colors` that colour (None: the usual)."""
    block = document.begin()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    while block.isValid():
        if block.userState() in colors:
            color = colors[block.userState()]
            text_format = QTextCharFormat()
            if color is None:
                text_format.clearForeground()
            else:
                text_format.setForeground(color)
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + block.length() - 1,
                               QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(text_format)
        block = block.next()
    cursor.endEditBlock()
